/** @module Shared store cases for claims and facts: both engines save, resolve, filter, page and link them alike. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Claim, ClaimPlace } from '../model/claim.ts';
import type { Document } from '../model/document.ts';
import { resolveFacts } from '../resolve/facts/resolve-facts.ts';
import type { StoreFactory } from './store.case.ts';
import type { Store } from './store.ts';

const IRAQ: ClaimPlace = { name: 'Iraq', country: 'IQ', admin1: null, lat: 33, lon: 44, precision: 5, countries: ['IQ'], basis: 'text' };
const IRAQ_AND_SYRIA: ClaimPlace = {
  name: 'Iraq and Syria',
  country: null,
  lat: 34,
  lon: 41,
  precision: 6,
  countries: ['IQ', 'SY'],
  basis: 'text',
};
const ABU_KAMAL: ClaimPlace = {
  name: 'Abu Kamal',
  country: 'SY',
  admin1: 'Deir ez-Zor',
  lat: 34.45,
  lon: 40.92,
  precision: 1,
  countries: ['SY'],
  basis: 'text',
};

function document(id: string, source: string | null, published: string, group = id): Document {
  return {
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
    format: 'text',
    origin: { path: `${id}.txt` },
    text: `Text of ${id}.`,
    contentHash: `hash-${id}`,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

function claim(documentId: string, n: number, extra: Partial<Claim> = {}): Claim {
  return {
    id: `${documentId}-${n}`,
    documentId,
    category: 'attacks',
    noun: 'attacks',
    value: { low: 14, high: null, qualifier: 'at-least' },
    place: IRAQ,
    period: { start: '2023-10-17', end: '2023-10-30', basis: 'text' },
    attribution: { text: 'a senior defense official', kind: 'official' },
    modality: 'asserted',
    span: { start: 0, end: 12 },
    text: `Sentence ${n} of ${documentId}.`,
    valueSpan: { start: 0, end: 2 },
    rule: 'claims/test',
    ...extra,
  };
}

async function seed(store: Store, documents: readonly Document[], claims: readonly Claim[]): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.documents.insert(documents.map((d) => ({ document: d, bands: [] })));
    await resolveFacts(
      tx.claims,
      documents.map((d) => d.id),
      claims,
    );
  });
}

/** Registers the claims and facts cases under the current `describe`. */
export function claimsCases(factory: StoreFactory): void {
  it('saves claims and reads every field back', async () => {
    const store = await factory.open();
    const saved = [claim('a', 1, { place: null, period: null, attribution: null, noun: null, modality: 'denied' }), claim('a', 2)];
    await seed(store, [document('a', 'Gulf Wire', '2023-10-31')], saved);
    const read = await store.claims.list({ documentId: 'a' });
    assert.deepEqual(
      read.map(({ externalId: _externalId, factId: _factId, ...rest }) => rest),
      saved,
    );
    assert.ok(read.every((c) => c.externalId === 'ext-a' && c.factId !== null));
    assert.deepEqual(await store.claims.list({ documentId: 'none' }), []);
    await store.close();
  });

  it('resolves agreeing claims into one corroborated fact, and a disjoint value into a conflicting one', async () => {
    const store = await factory.open();
    await seed(
      store,
      [document('a', 'Gulf Wire', '2023-10-31'), document('b', 'Levant Monitor', '2023-10-31')],
      [
        claim('a', 1),
        claim('b', 1, { value: { low: 14, high: 14, qualifier: 'exact' } }),
        claim('a', 2, { category: 'killed', noun: 'people', value: { low: 3, high: 3, qualifier: 'exact' }, place: ABU_KAMAL }),
        claim('b', 2, { category: 'killed', noun: 'people', value: { low: 5, high: 5, qualifier: 'exact' }, place: ABU_KAMAL }),
      ],
    );
    const facts = await store.claims.facts();
    assert.deepEqual(
      facts.map((f) => [f.category, f.status, f.documents, f.sources]),
      [
        ['attacks', 'corroborated', ['ext-a', 'ext-b'], ['Gulf Wire', 'Levant Monitor']],
        ['killed', 'conflicting', ['ext-a', 'ext-b'], ['Gulf Wire', 'Levant Monitor']],
      ],
    );
    const conflicting = facts[1];
    assert.deepEqual(
      conflicting?.sides.map((s) => [s.value.low, s.sources]),
      [
        [3, ['Gulf Wire']],
        [5, ['Levant Monitor']],
      ],
    );
    // A later report of the same outlet (named in another case) agrees: still two independent sources.
    await store.transaction((tx) => tx.documents.insert([{ document: document('d', 'gulf wire', '2023-11-01'), bands: [] }]));
    await store.transaction((tx) => resolveFacts(tx.claims, ['d'], [claim('d', 1)]));
    const [attacks] = await store.claims.facts({ category: 'attacks' });
    assert.deepEqual([attacks?.documents.length, attacks?.sources.length, attacks?.claims.length], [3, 2, 3]);
    await store.close();
  });

  it('filters, counts and pages facts', async () => {
    const store = await factory.open();
    await seed(
      store,
      [document('a', 'Gulf Wire', '2023-10-31'), document('b', 'Levant Monitor', '2023-12-20')],
      [
        claim('a', 1),
        claim('a', 2, { place: IRAQ_AND_SYRIA, value: { low: 23, high: 23, qualifier: 'exact' } }),
        claim('b', 1, {
          category: 'strikes',
          noun: 'facilities',
          place: ABU_KAMAL,
          period: { start: '2023-12-19', end: '2023-12-19', basis: 'text' },
        }),
      ],
    );
    const ids = async (query: Parameters<Store['claims']['facts']>[0]) => (await store.claims.facts(query)).map((f) => f.value.low);
    assert.deepEqual(await ids({}), [14, 23, 14]);
    assert.deepEqual(await ids({ category: 'attacks' }), [14, 23]);
    assert.deepEqual(await ids({ country: 'sy' }), [23, 14]);
    assert.deepEqual(await ids({ place: 'KAMAL' }), [14]);
    // Other spellings of the place, from the gazetteer; another place of the region is no spelling of it.
    assert.deepEqual(await ids({ place: 'Al-Bukamal' }), [14]);
    assert.deepEqual(await ids({ place: 'albu kamal' }), [14]);
    assert.deepEqual(await ids({ place: 'Dayr Az Zawr' }), []);
    assert.deepEqual(await ids({ place: '100%_' }), []);
    assert.deepEqual(await ids({ since: '2023-11-01' }), [14]);
    assert.deepEqual(await ids({ until: '2023-11-01' }), [14, 23]);
    assert.deepEqual(await ids({ source: 'Levant Monitor' }), [14]);
    assert.deepEqual(await ids({ status: 'corroborated' }), []);
    assert.deepEqual(await ids({ minSources: 1, limit: 2, offset: 1 }), [23, 14]);
    assert.equal(await store.claims.countFacts({ category: 'attacks' }), 2);
    assert.equal(await store.claims.fact('no-such-fact'), null);
    await store.close();
  });

  it('keeps a ledger of every claim with its document, source, speaker and sentence', async () => {
    const store = await factory.open();
    await seed(store, [document('b', 'Levant Monitor', '2023-11-01'), document('a', null, '2023-10-31')], [claim('b', 1), claim('a', 1)]);
    const [fact] = await store.claims.facts();
    const ledger = await store.claims.ledger(fact?.id as string);
    assert.deepEqual(
      ledger.map((e) => [e.externalId, e.source, e.published, e.attribution?.text, e.value.low, e.modality, e.text]),
      [
        ['ext-a', null, '2023-10-31', 'a senior defense official', 14, 'asserted', 'Sentence 1 of a.'],
        ['ext-b', 'Levant Monitor', '2023-11-01', 'a senior defense official', 14, 'asserted', 'Sentence 1 of b.'],
      ],
    );
    assert.deepEqual(fact?.sources, ['(ext-a)', 'Levant Monitor']);
    await store.close();
  });

  it('links a later, larger count of the same series', async () => {
    const store = await factory.open();
    await seed(
      store,
      [document('a', 'Gulf Wire', '2023-10-31')],
      [claim('a', 1, { place: IRAQ_AND_SYRIA, value: { low: 23, high: 23, qualifier: 'exact' } })],
    );
    await store.transaction(async (tx) => {
      await tx.documents.insert([{ document: document('b', 'Levant Monitor', '2024-02-09'), bands: [] }]);
      await resolveFacts(
        tx.claims,
        ['b'],
        [
          claim('b', 1, {
            place: IRAQ_AND_SYRIA,
            value: { low: 134, high: null, qualifier: 'at-least' },
            period: { start: '2023-10-01', end: '2023-12-31', basis: 'text' },
          }),
        ],
      );
    });
    const [earlier, later] = await store.claims.facts();
    assert.deepEqual([earlier?.updates, earlier?.updatedBy], [[], [later?.id]]);
    assert.deepEqual([later?.updates, later?.updatedBy], [[earlier?.id], []]);
    await store.close();
  });

  it("replaces a document's claims when it is resolved again, leaving no orphan or duplicate", async () => {
    const store = await factory.open();
    await seed(
      store,
      [document('a', 'Gulf Wire', '2023-10-31'), document('b', 'Levant Monitor', '2023-10-31')],
      [claim('a', 1), claim('b', 1)],
    );
    assert.equal((await store.claims.facts())[0]?.status, 'corroborated');
    // Document b, analysed again, now reads another figure.
    await store.transaction((tx) =>
      resolveFacts(tx.claims, ['b'], [claim('b', 1, { value: { low: 9, high: 9, qualifier: 'exact' }, place: IRAQ_AND_SYRIA })]),
    );
    const facts = await store.claims.facts();
    assert.deepEqual(
      facts.map((f) => [f.value.low, f.status, f.claims]),
      [
        [14, 'single-source', ['a-1']],
        [9, 'single-source', ['b-1']],
      ],
    );
    assert.equal((await store.claims.list()).length, 2);
    // And then no figure at all: its fact goes.
    await store.transaction((tx) => resolveFacts(tx.claims, ['b'], []));
    assert.deepEqual(
      (await store.claims.facts()).map((f) => f.claims),
      [['a-1']],
    );
    await store.close();
  });

  it('rolls resolution back with the rest of a failed transaction', async () => {
    const store = await factory.open();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.documents.insert([{ document: document('a', 'Gulf Wire', '2023-10-31'), bands: [] }]);
        await resolveFacts(tx.claims, ['a'], [claim('a', 1)]);
        throw new Error('crash after resolution');
      }),
      /crash after resolution/,
    );
    assert.deepEqual([await store.claims.list(), await store.claims.facts()], [[], []]);
    await store.close();
  });
}
