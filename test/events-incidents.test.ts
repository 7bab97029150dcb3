/**
 * Events and incidents across the stages: reports we write are ingested into a real SQLite store and analysed, and
 * their events join (or do not join) incidents; then the CLI lists, shows and exports them in the contract shape.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingestReports } from '../src/ingest/ingest.ts';
import type { RawReport } from '../src/ingest/raw-report.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import type { Store } from '../src/store/store.ts';
import { PROJECT_DIR, scratchDir, scratchStore, writeFiles } from './fixtures.ts';

const report = (externalId: string, source: string, published: string, text: string): RawReport => ({
  origin: { path: 'test' },
  format: 'text',
  text,
  externalId,
  title: null,
  url: null,
  source,
  byline: null,
  published,
});

/** The incident of a document's most salient event of a type, or null. */
async function incidentOf(store: Store, externalId: string, type = 'ASSAULT'): Promise<string | null> {
  const document = await store.documents.get(externalId);
  const events = (await store.events.list({ documentId: document?.id ?? '' })).filter((e) => e.type === type);
  return events.sort((a, b) => b.salience - a.salience)[0]?.incidentId ?? null;
}

describe('incident joining (real SQLite, the whole pipeline)', () => {
  // [first report, second report, whether their main events are one incident, why, the second's publication day]
  const cases: Array<[string, string, boolean, string, string?]> = [
    [
      'A man was shot and killed on Elm Street in Toledo, Ohio, on Friday night, police said.',
      'Police in Toledo, Ohio, identified the man who was shot and killed on Elm Street on Friday night as Dale Pruitt, 41.',
      true,
      'one shooting, two outlets',
    ],
    [
      'An airstrike hit a weapons depot near Mayadin on Sunday, killing four militia fighters, a monitor said.',
      'Four fighters died when an air strike destroyed a depot outside Mayadin on Sunday, residents said.',
      true,
      'one airstrike told in other words',
    ],
    [
      'A man was shot and killed on Elm Street in Toledo, Ohio, on Friday night, police said.',
      'A woman was shot and wounded on Oak Avenue in Toledo, Ohio, on Friday night, police said.',
      false,
      'the same city two weeks apart',
      '2024-03-23',
    ],
    [
      'A man was shot and killed on Elm Street in Toledo, Ohio, on Friday night, police said.',
      'A man was shot and killed in Sacramento, California, on Friday night, police said.',
      false,
      'the same night in another state',
    ],
    [
      'Keandre Voss, 19, was shot and killed outside the Marlow Avenue market in Toledo, Ohio, on Friday night, police said.',
      'Police arrested a suspect on Wednesday and charged him with murder in the shooting of Keandre Voss outside the Marlow Avenue market.',
      true,
      'a follow-up dated by its arrest, five days on, shares the victim and the street',
      '2024-03-14',
    ],
    [
      'Keandre Voss, 19, was shot and killed outside the Marlow Avenue market in Toledo, Ohio, on Friday night, police said.',
      'Police arrested a suspect on Wednesday and charged him with murder in the shooting of Tomas Reyes outside the Harlan Street diner in Toledo.',
      false,
      'a follow-up five days on about another victim in the same city',
      '2024-03-14',
    ],
    [
      'Keandre Voss, 19, was shot and killed outside the Marlow Avenue market in Toledo, Ohio, on Friday night, police said. Gloria Banks saw it.',
      'Two men, Tomas Reyes and Edwin Palmer, were shot and killed outside the Harlan Street diner in Toledo, Ohio, on Friday night, police said.',
      false,
      'two shootings in one city on one night, each with its own names',
    ],
    [
      'Militias attacked U.S. forces in Syria 12 times between March 1 and March 8, officials said.',
      'A drone attack hit U.S. forces at a base in eastern Syria on March 4, officials said.',
      false,
      'an aggregate never joins a single attack',
    ],
  ];
  for (const [first, second, joined, why, secondPublished] of cases) {
    it(`${joined ? 'joins' : 'keeps apart'}: ${why}`, async () => {
      const { store } = await scratchStore();
      try {
        // The second report comes in a later batch: it must find the first through the blocking keys alone.
        await ingestReports(store, [report('first', 'Toledo Blade', '2024-03-09', first)]);
        await analyse(store, { workers: 0 });
        await ingestReports(store, [report('second', 'WTOL', secondPublished ?? '2024-03-09', second)]);
        await analyse(store, { workers: 0 });
        const a = await incidentOf(store, 'first');
        const b = await incidentOf(store, 'second');
        assert.ok(a && b, `both reports should have an incident (got ${a}, ${b})`);
        assert.equal(a === b, joined);
        if (joined) assert.equal((await store.events.incidents({})).find((i) => i.id === a)?.sourceCount, 2);
      } finally {
        await store.close();
      }
    });
  }

  it('reads a violent happening from the headline only when the body tells none', async () => {
    const { store } = await scratchStore();
    try {
      const signIn = 'Sign in to keep reading. Your subscription gives you unlimited access to our news from northwest Ohio.';
      await ingestReports(store, [
        { ...report('walled', 'Toledo Blade', '2024-03-09', signIn), title: 'Two men wounded in shooting outside Toledo bar Friday' },
        {
          ...report('told', 'WTOL', '2024-03-09', 'Two men were shot and wounded outside a bar in Toledo, Ohio, on Friday night.'),
          title: 'Two wounded outside Toledo bar',
        },
      ]);
      await analyse(store, { workers: 0 });
      const events = (await store.events.list({})).filter((e) => e.type === 'ASSAULT');
      const walled = events.filter((e) => e.externalId === 'walled');
      assert.deepEqual(
        walled.map((e) => [e.field, e.text, e.injured, e.place?.name, e.date?.start, /\+headline$/.test(e.rule)]),
        [['title', 'Two men wounded in shooting outside Toledo bar Friday', { low: 2, high: 2 }, 'Toledo', '2024-03-08', true]],
      );
      assert.deepEqual(
        events.filter((e) => e.externalId === 'told').map((e) => e.field),
        ['text'],
      );
      assert.equal(walled[0]?.incidentId, events.find((e) => e.externalId === 'told')?.incidentId, 'both tell one shooting');
    } finally {
      await store.close();
    }
  });

  it('a denied or hypothetical attack joins no incident', async () => {
    const { store } = await scratchStore();
    try {
      await ingestReports(store, [
        report('denied', 'Gulf Wire', '2024-03-09', 'The army denied that it attacked the village of Tessit on Friday.'),
        report('if', 'Gulf Wire', '2024-03-09', 'If the talks fail, the militia could attack the garrison at Kidal next week.'),
      ]);
      await analyse(store, { workers: 0 });
      const events = (await store.events.list({})).filter((e) => e.type === 'ASSAULT');
      assert.deepEqual(events.map((e) => [e.modality, e.incidentId]).sort(), [
        ['denied', null],
        ['hypothetical', null],
      ]);
    } finally {
      await store.close();
    }
  });
});

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');

function sitrep(args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sitrep incidents, incident and export (a real process)', () => {
  const line = (id: string, source: string, published: string, text: string) => JSON.stringify({ id, source, published, text });
  const dir = writeFiles(scratchDir(), {
    'in/batch.jsonl': `${[
      line(
        'blade-1',
        'Toledo Blade',
        '2024-03-09',
        'A man was shot and killed on Elm Street in Toledo, Ohio, on Friday night, police said.',
      ),
      line(
        'wtol-1',
        'WTOL',
        '2024-03-09',
        'Police in Toledo, Ohio, identified the man who was shot and killed on Elm Street on Friday night as Dale Pruitt, 41.',
      ),
      line(
        'gw-1',
        'Gulf Wire',
        '2024-03-11',
        'An airstrike hit a weapons depot near Mayadin on Sunday, killing four militia fighters, a monitor said.',
      ),
    ].join('\n')}\n`,
  });
  const db = join(dir, 'store.db');
  const ingest = sitrep(['--db', db, 'ingest', join(dir, 'in')]);

  it('lists incidents as a table, one row per happening', () => {
    assert.equal(ingest.code, 0, ingest.stderr);
    const list = sitrep(['--db', db, 'incidents', '--type', 'ASSAULT']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /date\s+type\s+place\s+who\s+killed/);
    assert.match(list.stdout, /2024-03-08\s+ASSAULT \(firearms\)\s+Toledo, US\s.*\s1\s+2\s+2$/m);
    assert.match(list.stdout, /ASSAULT \(aerial\)\s+(Al )?Mayadin, SY/);
    assert.match(list.stderr, /2 of 2 incidents/);
    assert.match(sitrep(['--db', db, 'incidents', '--country', 'SY']).stdout, /Mayadin/);
    assert.doesNotMatch(sitrep(['--db', db, 'incidents', '--country', 'SY']).stdout, /Toledo/);
  });

  it('shows one incident with every report and sentence', () => {
    const [toledo] = sitrep(['--db', db, 'incidents', '--json', '--place', 'Toledo'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const shown = sitrep(['--db', db, 'incident', toledo.id.slice(0, 8)]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /killed:\s+1 \[fuse\/most-reports\]/);
    assert.match(shown.stdout, /blade-1 — Toledo Blade, published 2024-03-09/);
    assert.match(shown.stdout, /"Police in Toledo, Ohio, identified the man who was shot and killed on Elm Street/);
    assert.equal(sitrep(['--db', db, 'incident', 'no-such-incident']).code, 2);
  });

  it('exports events and incidents in the contract shape, as JSONL, CSV, GeoJSON and ACLED-like CSV', () => {
    const events = sitrep(['--db', db, 'export', '--what', 'events', '--format', 'jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const fields = [
      'id',
      'documentId',
      'externalId',
      'type',
      'modes',
      'subEventType',
      'initiator',
      'target',
      'place',
      'date',
      'killed',
      'injured',
      'modality',
      'salience',
      'span',
      'text',
      'rule',
    ];
    for (const field of fields) assert.ok(field in (events[0] ?? {}), `event record lacks ${field}`);
    const airstrike = events.find((e) => e.externalId === 'gw-1' && e.type === 'ASSAULT');
    assert.deepEqual(airstrike.date, { start: '2024-03-10', end: '2024-03-10', precision: 'day' });
    assert.deepEqual(airstrike.killed, { low: 4, high: 4 });
    assert.equal(airstrike.subEventType, 'Air/drone strike');
    // What the airstrike hit, described: its kind and count go through the store to the export.
    assert.deepEqual(airstrike.target, [{ name: 'weapons depot', kind: 'object', count: 1, described: true }]);

    const incidents = sitrep(['--db', db, 'export', '--what', 'incidents', '--format', 'jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const field of [
      'id',
      'type',
      'modes',
      'date',
      'place',
      'initiator',
      'target',
      'killed',
      'injured',
      'events',
      'documents',
      'sources',
      'sourceCount',
      'aggregate',
    ])
      assert.ok(field in (incidents[0] ?? {}), `incident record lacks ${field}`);
    const toledo = incidents.find((i) => i.place?.name === 'Toledo');
    assert.deepEqual([...toledo.documents].sort(), ['blade-1', 'wtol-1']);
    assert.equal(toledo.sourceCount, 2);
    assert.equal(toledo.killed.best, 1);

    const csv = sitrep(['--db', db, 'export', '--what', 'incidents', '--format', 'csv']).stdout.split('\n');
    assert.match(csv[0] ?? '', /^id,type,modes,date\.start,date\.end,date\.precision,place\.name/);
    const geojson = JSON.parse(sitrep(['--db', db, 'export', '--what', 'incidents', '--format', 'geojson']).stdout);
    assert.equal(geojson.type, 'FeatureCollection');
    assert.equal(geojson.features.length, incidents.length);
    const mayadin = geojson.features.find((f: { properties: { place: { name: string } } }) => /Mayadin/.test(f.properties.place?.name));
    assert.equal(mayadin.geometry.type, 'Point');
    assert.ok(Math.abs(mayadin.geometry.coordinates[0] - 40.45) < 0.5, 'GeoJSON puts longitude first');
    const acled = sitrep(['--db', db, 'export', '--what', 'events', '--format', 'acled']).stdout.split('\n');
    assert.match(acled[0] ?? '', /^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1/);
    assert.ok(acled.some((row) => /,Explosions\/Remote violence,Air\/drone strike,.*,4,ASSAULT,/.test(row)));
  });
});
