/** @module Store cases for events and incidents, run on every engine (SQLite and PostgreSQL) by their store tests. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Document } from '../model/document.ts';
import type { Event, Responsibility } from '../model/event.ts';
import { resolveIncidents } from '../resolve/incidents/resolve-incidents.ts';
import type { StoreFactory } from './store.case.ts';

const document = (id: string, source: string, published: string, group = id): Document => ({
  id,
  externalId: `ext-${id}`,
  source,
  title: null,
  url: null,
  byline: null,
  language: 'en',
  status: 'stored',
  statusReason: null,
  duplicateOf: null,
  published: { start: published, end: published, inferred: false, rule: 'published/metadata' },
  syndicationGroup: group,
  format: 'jsonl',
  origin: { path: 'case.jsonl', line: 1 },
  text: `Report ${id}: a shooting on Elm Street in Toledo; the victim died.`,
  contentHash: `hash-${id}`,
  ingestedAt: '2026-01-01T00:00:00.000Z',
});

const TOLEDO = {
  name: 'Toledo',
  country: 'US',
  admin1: 'Ohio',
  lat: 41.66,
  lon: -83.56,
  precision: 1 as const,
  geonameId: 5174035,
  rule: 'place-in-sentence/place/gazetteer',
};
const MOSUL = {
  name: 'Mosul',
  country: 'IQ',
  admin1: 'Nineveh',
  lat: 36.34,
  lon: 43.13,
  precision: 1 as const,
  geonameId: 99072,
  rule: 'place-in-sentence/place/gazetteer',
};

/** A shooting in Toledo told by one document, with `extra` laid over it: the events these cases and others build on. */
export const sampleEvent = (id: string, documentId: string, extra: Partial<Event> = {}): Event => ({
  id,
  documentId,
  type: 'ASSAULT',
  modes: ['firearms'],
  subEventType: 'Attack',
  initiator: [],
  target: [],
  claimedBy: [],
  blamedOn: [],
  deniedBy: [],
  place: TOLEDO,
  date: { start: '2024-03-08', end: '2024-03-08', precision: 'day', rule: 'date-in-sentence/date/weekday' },
  killed: { low: 1, high: 1 },
  injured: null,
  modality: 'asserted',
  salience: 0.9,
  aggregate: null,
  field: 'text',
  span: { start: 0, end: 20 },
  text: `Report ${documentId}: a shooting`,
  triggers: [{ start: 12, end: 20 }],
  evidence: [{ start: 0, end: 20 }],
  names: [],
  rule: 'event/assault-firearms',
  confidence: 0.8,
  ...extra,
});

/** Registers the event and incident cases under the current `describe`. */
export function eventsRepositoryCases(factory: StoreFactory): void {
  it('saves events, joins reports of one happening into one incident, and reads it back with its sentences', async () => {
    const store = await factory.open();
    const docs = [
      document('a', 'Toledo Blade', '2024-03-09'),
      document('b', 'WTOL', '2024-03-10'),
      document('c', 'Gulf Wire', '2024-03-10'),
    ];
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    await store.transaction(async (tx) => {
      const dirty = await tx.events.save([
        { documentId: 'a', events: [sampleEvent('ea', 'a')] },
        { documentId: 'b', events: [sampleEvent('eb', 'b', { killed: { low: 2, high: 2 } })] },
        {
          documentId: 'c',
          events: [
            sampleEvent('ec', 'c', {
              place: MOSUL,
              modes: ['aerial'],
              date: { start: '2024-03-08', end: '2024-03-08', precision: 'day', rule: 'x' },
            }),
            sampleEvent('ed', 'c', { modality: 'denied', place: MOSUL }),
          ],
        },
      ]);
      assert.deepEqual(dirty, []);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a', 'b', 'c']));
    });
    const incidents = await store.events.incidents({});
    assert.equal(incidents.length, 2);
    const toledo = incidents.find((i) => i.place?.name === 'Toledo');
    assert.ok(toledo);
    assert.deepEqual([...toledo.events].sort(), ['ea', 'eb']);
    assert.equal(toledo.sourceCount, 2);
    assert.deepEqual(toledo.sources, ['Toledo Blade', 'WTOL']);
    // The later report's toll is the best estimate; the range keeps both.
    assert.deepEqual(toledo.killed, { low: 1, best: 2, high: 2, rule: 'fuse/largest-tied' });
    assert.deepEqual(toledo.date, { start: '2024-03-08', end: '2024-03-08', precision: 'day' });
    const detail = await store.events.incident(toledo.id);
    assert.deepEqual(
      detail?.events.map((e) => [e.id, e.document.externalId, e.document.source, e.text]),
      [
        ['ea', 'ext-a', 'Toledo Blade', 'Report a: a shooting'],
        ['eb', 'ext-b', 'WTOL', 'Report b: a shooting'],
      ],
    );
    // A denied event is kept, but joins no incident.
    assert.equal((await store.events.list({ modality: 'denied' }))[0]?.incidentId, null);
    assert.equal(await store.events.incident('nope'), null);
    await store.close();
  });

  it('keeps what a target is, how many and whether it is described, on events and their incidents', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert([{ document: document('t', 'Valley Post', '2024-03-09'), bands: [] }]));
    const target = [
      { name: 'two power towers', kind: 'object' as const, count: 2, described: true },
      { name: 'Ana Ruiz', kind: 'person' as const, count: 1 },
    ];
    await store.transaction(async (tx) => {
      await tx.events.save([{ documentId: 't', events: [sampleEvent('et', 't', { target })] }]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['t']));
    });
    assert.deepEqual((await store.events.list({ documentId: 't' }))[0]?.target, target);
    assert.deepEqual((await store.events.incidents({}))[0]?.target, target);
    await store.close();
  });

  it("joins each report's main account first, so a side mention cannot take the incident from it", async () => {
    const store = await factory.open();
    const docs = [document('a', 'Toledo Blade', '2024-03-10'), document('b', 'WTOL', '2024-03-09')];
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    const day = (d: string) => ({ start: d, end: d, precision: 'day' as const, rule: 'x' });
    const names = ['keandre voss', 'marlow avenue'];
    await store.transaction(async (tx) => {
      await tx.events.save([
        {
          documentId: 'a',
          events: [
            // Report a tells the shooting (its main account) and, misdated by three days, mentions it again.
            sampleEvent('a-side', 'a', { salience: 0.3, date: day('2024-03-05'), names, killed: null }),
            sampleEvent('a-main', 'a', { salience: 0.9, date: day('2024-03-08'), names }),
          ],
        },
        { documentId: 'b', events: [sampleEvent('b-main', 'b', { salience: 0.9, date: day('2024-03-08'), names })] },
      ]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a', 'b']));
    });
    const incidentOf = async (id: string) => (await store.events.list({})).find((e) => e.id === id)?.incidentId;
    assert.equal(await incidentOf('a-main'), await incidentOf('b-main'));
    assert.notEqual(await incidentOf('a-side'), await incidentOf('a-main'));
    await store.close();
  });

  it('filters, pages and counts incidents, and counts them per week, country and type', async () => {
    const store = await factory.open();
    const docs = [document('a', 'Toledo Blade', '2024-03-09'), document('b', 'Gulf Wire', '2024-03-20')];
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    await store.transaction(async (tx) => {
      await tx.events.save([
        { documentId: 'a', events: [sampleEvent('ea', 'a')] },
        {
          documentId: 'b',
          events: [
            sampleEvent('eb', 'b', {
              place: MOSUL,
              date: { start: '2024-03-19', end: '2024-03-19', precision: 'day', rule: 'x' },
              killed: { low: 4, high: 4 },
            }),
            sampleEvent('ec', 'b', {
              type: 'PROTEST',
              place: MOSUL,
              killed: null,
              date: { start: '2024-03-18', end: '2024-03-18', precision: 'day', rule: 'x' },
            }),
          ],
        },
      ]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a', 'b']));
    });
    const ids = async (query: Parameters<typeof store.events.incidents>[0]) => (await store.events.incidents(query)).map((i) => i.id);
    assert.deepEqual(await ids({}), ['eb', 'ec', 'ea']);
    assert.deepEqual(await ids({ type: 'ASSAULT' }), ['eb', 'ea']);
    assert.deepEqual(await ids({ country: 'iq' }), ['eb', 'ec']);
    assert.deepEqual(await ids({ place: 'toled' }), ['ea']);
    // "Al Mawsil" is another spelling of Mosul (the gazetteer's); "Mossul" too; "Basra" is another city.
    assert.deepEqual(await ids({ place: 'Al Mawsil' }), ['eb', 'ec']);
    assert.equal(await store.events.countIncidents({ place: 'Mossul' }), 2);
    assert.deepEqual(await ids({ place: 'Basra' }), []);
    assert.deepEqual(await ids({ since: '2024-03-19' }), ['eb']);
    assert.deepEqual(await ids({ until: '2024-03-10' }), ['ea']);
    assert.deepEqual(await ids({ source: 'Gulf Wire' }), ['eb', 'ec']);
    assert.deepEqual(await ids({ limit: 1, offset: 1 }), ['ec']);
    assert.equal(await store.events.countIncidents({ type: 'ASSAULT' }), 2);
    assert.deepEqual(await store.events.weeklyCounts({}), [
      { week: '2024-03-04', country: 'US', type: 'ASSAULT', incidents: 1, killed: 1 },
      { week: '2024-03-18', country: 'IQ', type: 'ASSAULT', incidents: 1, killed: 4 },
      { week: '2024-03-18', country: 'IQ', type: 'PROTEST', incidents: 1, killed: 0 },
    ]);
    assert.deepEqual(
      (await store.events.list({ documentId: 'b' })).map((e) => [e.id, e.externalId]),
      [
        ['eb', 'ext-b'],
        ['ec', 'ext-b'],
      ],
    );
    await store.close();
  });

  it('replaces a re-analysed document’s events and fuses or deletes the incidents they left', async () => {
    const store = await factory.open();
    const docs = [document('a', 'Toledo Blade', '2024-03-09'), document('b', 'WTOL', '2024-03-10')];
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    await store.transaction(async (tx) => {
      await tx.events.save([
        { documentId: 'a', events: [sampleEvent('ea', 'a')] },
        { documentId: 'b', events: [sampleEvent('eb', 'b')] },
      ]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a', 'b']));
    });
    assert.equal((await store.events.incidents({}))[0]?.events.length, 2);
    // Document b is analysed again and now tells of a protest in Mosul: the Toledo incident keeps only a's event.
    await store.transaction(async (tx) => {
      const dirty = await tx.events.save([
        { documentId: 'b', events: [sampleEvent('eb2', 'b', { type: 'PROTEST', place: MOSUL, killed: null })] },
      ]);
      assert.equal(dirty.length, 1);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['b']), dirty);
    });
    const after = await store.events.incidents({});
    assert.deepEqual(after.map((i) => [i.type, i.events]).sort(), [
      ['ASSAULT', ['ea']],
      ['PROTEST', ['eb2']],
    ]);
    // A rolled-back batch leaves events and incidents as they were.
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.events.save([{ documentId: 'a', events: [] }]);
        throw new Error('crash mid-batch');
      }),
      /crash mid-batch/,
    );
    assert.equal((await store.events.list({ documentId: 'a' })).length, 1);
    await store.close();
  });

  it('keeps who claims, is blamed for and denies each event, fuses them over the incident, and finds events and incidents by them', async () => {
    const store = await factory.open();
    const docs = [
      document('a', 'North Wire', '2024-03-09'),
      document('b', 'River Post', '2024-03-10'),
      document('c', 'Gulf Wire', '2024-03-10'),
    ];
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    const said = (name: string, rule: string, extra: Partial<Responsibility> = {}): Responsibility => ({
      actor: { name, id: name.toLowerCase().replace(/\W+/g, '-') },
      by: null,
      span: { start: 21, end: 40 },
      text: `${name} said so.`,
      rule,
      ...extra,
    });
    const claim = said('Islamic Resistance in Iraq', 'responsibility/claimed-attack');
    const blame = said("Kata'ib Hezbollah", 'responsibility/blamed', { by: { name: 'Department of Defense', id: 'dod' } });
    const denial = said('Hezbollah', 'responsibility/denied-involvement');
    await store.transaction(async (tx) => {
      await tx.events.save([
        { documentId: 'a', events: [sampleEvent('ea', 'a', { claimedBy: [claim], initiator: [claim.actor] })] },
        { documentId: 'b', events: [sampleEvent('eb', 'b', { blamedOn: [blame], deniedBy: [denial] })] },
        { documentId: 'c', events: [sampleEvent('ec', 'c', { place: MOSUL, blamedOn: [said('Hamas', 'responsibility/blamed-on')] })] },
      ]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a', 'b', 'c']));
    });
    // The statements come back as saved, sentence, span and rule included.
    const [a] = await store.events.list({ documentId: 'a' });
    assert.deepEqual(a?.claimedBy, [claim]);
    assert.deepEqual((await store.events.list({ documentId: 'b' }))[0]?.blamedOn, [blame]);
    // The incident holds the union of its events' statements, with the events that make them.
    const toledo = (await store.events.incidents({})).find((i) => i.place?.name === 'Toledo');
    assert.ok(toledo);
    assert.deepEqual(toledo.claimedBy, [{ actor: claim.actor, by: null, events: ['ea'] }]);
    assert.deepEqual(toledo.blamedOn, [{ actor: blame.actor, by: blame.by, events: ['eb'] }]);
    assert.deepEqual(toledo.deniedBy, [{ actor: denial.actor, by: null, events: ['eb'] }]);
    // Found by name (any case) or lexicon id, and only by the kind asked for.
    const ids = async (q: Parameters<typeof store.events.list>[0]) => (await store.events.list(q)).map((e) => e.id).sort();
    assert.deepEqual(await ids({ claimedBy: 'ISLAMIC RESISTANCE IN IRAQ' }), ['ea']);
    assert.deepEqual(await ids({ blamedOn: 'kata-ib-hezbollah' }), ['eb'], 'by lexicon id');
    assert.deepEqual(await ids({ blamedOn: 'hamas' }), ['ec']);
    assert.deepEqual(await ids({ deniedBy: 'Hezbollah' }), ['eb']);
    assert.deepEqual(await ids({ claimedBy: 'Hezbollah' }), []);
    assert.deepEqual(await ids({ blamedOn: 'Department of Defense' }), [], 'the accuser is not the blamed');
    assert.deepEqual(
      (await store.events.incidents({ blamedOn: "Kata'ib Hezbollah" })).map((i) => i.id),
      [toledo.id],
    );
    assert.equal(await store.events.countIncidents({ deniedBy: 'hezbollah' }), 1);
    assert.equal(await store.events.countIncidents({ claimedBy: 'hamas' }), 0);
    // A document analysed again leaves no statements of its old events behind.
    await store.transaction(async (tx) => {
      const dirty = await tx.events.save([{ documentId: 'a', events: [sampleEvent('ea2', 'a')] }]);
      await resolveIncidents(tx.events, await tx.events.memberEvents(['a']), dirty);
    });
    assert.deepEqual(await ids({ claimedBy: 'islamic resistance in iraq' }), []);
    assert.equal(await store.events.countIncidents({ claimedBy: 'islamic resistance in iraq' }), 0);
    await store.close();
  });
}
