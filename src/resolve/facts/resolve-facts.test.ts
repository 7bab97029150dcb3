/** @module Incremental resolution on a real SQLite store: a batch reads only the facts its blocking keys reach. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Claim, ClaimPlace } from '../../model/claim.ts';
import type { Document } from '../../model/document.ts';
import { openSqlite } from '../../store/sqlite/open-sqlite.ts';
import type { Store } from '../../store/store.ts';
import { resolveFacts } from './resolve-facts.ts';

const place = (name: string, country: string): ClaimPlace => ({
  name,
  country,
  admin1: null,
  lat: 0,
  lon: 0,
  precision: 5,
  countries: [country],
  basis: 'text',
});

function document(id: string, published: string): Document {
  return {
    id,
    externalId: id,
    source: `Outlet ${id}`,
    title: null,
    url: null,
    byline: null,
    language: 'en',
    status: 'stored',
    statusReason: null,
    duplicateOf: null,
    published: { start: published, end: published, inferred: false, rule: 'published/metadata' },
    syndicationGroup: id,
    format: 'text',
    origin: { path: id },
    text: id,
    contentHash: id,
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

function claim(documentId: string, extra: Partial<Claim>): Claim {
  return {
    id: `${documentId}-claim`,
    documentId,
    category: 'killed',
    noun: 'people',
    value: { low: 5, high: 5, qualifier: 'exact' },
    place: place('Iraq', 'IQ'),
    period: { start: '2023-10-18', end: '2023-10-18', basis: 'text' },
    attribution: null,
    modality: 'asserted',
    span: { start: 0, end: 1 },
    text: 'x',
    valueSpan: { start: 0, end: 1 },
    rule: 'claims/test',
    ...extra,
  };
}

async function resolveOne(store: Store, id: string, published: string, extra: Partial<Claim>) {
  return store.transaction(async (tx) => {
    await tx.documents.insert([{ document: document(id, published), bands: [] }]);
    return resolveFacts(tx.claims, [id], [claim(id, extra)]);
  });
}

/** `[name, a claim resolved later, facts it may read]` against three stored facts: killed in Iraq and in Syria in October 2023, attacks in Iraq. */
const BLOCKS: ReadonlyArray<readonly [name: string, extra: Partial<Claim>, read: number]> = [
  ['the same category, country and week', {}, 1],
  ['another category', { category: 'injured' }, 0],
  ['another country', { place: place('Jordan', 'JO') }, 0],
  ['another year', { period: { start: '2024-10-18', end: '2024-10-18', basis: 'text' } }, 0],
  ['no place of its own: every fact of its category and week', { place: null }, 2],
];

describe('resolveFacts blocking', () => {
  for (const [name, extra, read] of BLOCKS) {
    test(name, async () => {
      const store = await openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-resolve-')), 'store.db'));
      await resolveOne(store, 'iraq', '2023-10-19', {});
      await resolveOne(store, 'syria', '2023-10-19', { place: place('Syria', 'SY') });
      await resolveOne(store, 'attacks', '2023-10-19', { category: 'attacks', noun: 'attacks' });
      const summary = await resolveOne(store, 'later', '2023-10-20', extra);
      assert.equal(summary.candidates, read);
      await store.close();
    });
  }

  test('the same claims make the same facts in one batch or one by one, in either order (only the founding claim, and so the id, may differ)', async () => {
    const claims = [
      ['a', '2023-10-19', { value: { low: 5, high: 5, qualifier: 'exact' } }],
      ['b', '2023-10-20', { value: { low: 5, high: null, qualifier: 'at-least' } }],
      ['c', '2023-10-20', { value: { low: 9, high: 9, qualifier: 'exact' } }],
    ] as const;
    const facts = async (batches: ReadonlyArray<ReadonlyArray<(typeof claims)[number]>>) => {
      const store = await openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-resolve-')), 'store.db'));
      for (const batch of batches)
        await store.transaction(async (tx) => {
          await tx.documents.insert(batch.map(([id, published]) => ({ document: document(id, published), bands: [] })));
          await resolveFacts(
            tx.claims,
            batch.map(([id]) => id),
            batch.map(([id, , extra]) => claim(id, extra)),
          );
        });
      const found = (await store.claims.facts()).map((f) => [f.status, [...f.claims].sort().join(), f.sides.length]);
      await store.close();
      return found;
    };
    const together = await facts([claims]);
    assert.deepEqual(together, [['conflicting', 'a-claim,b-claim,c-claim', 2]]);
    assert.deepEqual(await facts(claims.map((c) => [c])), together);
    assert.deepEqual(await facts([...claims].reverse().map((c) => [c])), together);
  });
});

describe('resolveFacts: one crowd named two ways', () => {
  /** The facts two `other` figures of one place and day make, as lists of their claims. */
  async function factsOf(a: Partial<Claim>, b: Partial<Claim>): Promise<string[]> {
    const store = await openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-resolve-')), 'store.db'));
    const day = { period: { start: '2025-04-28', end: '2025-04-28', basis: 'text' as const }, place: place('Yemen', 'YE') };
    await resolveOne(store, 'first', '2025-04-28', { category: 'other', ...day, ...a });
    await resolveOne(store, 'second', '2025-04-29', { category: 'other', ...day, ...b });
    const found = (await store.claims.facts()).map((f) => [...f.claims].sort().join());
    await store.close();
    return found.sort();
  }
  const count = (low: number) => ({ low, high: low, qualifier: 'exact' as const });

  test('"115 migrants" and "115 Africans" at one place and day are one figure', async () => {
    assert.deepEqual(await factsOf({ noun: 'migrants', value: count(115) }, { noun: 'Africans', value: count(115) }), [
      'first-claim,second-claim',
    ]);
  });

  test('a small number of two different things stays two figures ("two jets", "two missiles")', async () => {
    assert.deepEqual(await factsOf({ noun: 'jets', value: count(2) }, { noun: 'missiles', value: count(2) }), [
      'first-claim',
      'second-claim',
    ]);
  });

  test('another number of another noun stays apart', async () => {
    assert.deepEqual(await factsOf({ noun: 'migrants', value: count(115) }, { noun: 'guards', value: count(40) }), [
      'first-claim',
      'second-claim',
    ]);
  });

  test('figures of two categories are never joined by their number', async () => {
    assert.deepEqual(
      await factsOf({ category: 'killed', noun: 'people', value: count(12) }, { category: 'injured', noun: 'people', value: count(12) }),
      ['first-claim', 'second-claim'],
    );
  });
});

describe('resolveFacts: two counts of one town on one day', () => {
  const town = (name: string, precision: ClaimPlace['precision']): ClaimPlace => ({ ...place(name, 'UA'), precision });
  const asOf = (day: string) => ({ start: day, end: day, basis: 'published' as const });
  const count = (low: number) => ({ low, high: low, qualifier: 'exact' as const });
  async function factsOf(a: Partial<Claim>, b: Partial<Claim>, days: readonly [string, string]): Promise<string[][]> {
    const store = await openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-resolve-')), 'store.db'));
    await resolveOne(store, 'first', days[0], { category: 'injured', period: asOf(days[0]), ...a });
    await resolveOne(store, 'second', days[1], { category: 'injured', period: asOf(days[1]), ...b });
    const found = (await store.claims.facts()).map((f) => [f.status, [...f.claims].sort().join()]);
    await store.close();
    return found.sort();
  }

  test('"16 injured" and "7 injured" in Kyiv in reports of one day are one conflicting figure', async () => {
    const kyiv = town('Kyiv', 1);
    assert.deepEqual(await factsOf({ place: kyiv, value: count(16) }, { place: kyiv, value: count(7) }, ['2024-07-08', '2024-07-08']), [
      ['conflicting', 'first-claim,second-claim'],
    ]);
  });

  test('in a whole country they may count different happenings, and stay apart', async () => {
    const ukraine = town('Ukraine', 5);
    const found = await factsOf({ place: ukraine, value: count(16) }, { place: ukraine, value: count(7) }, ['2024-07-08', '2024-07-08']);
    assert.equal(found.length, 2);
  });

  test('a day apart they stay apart', async () => {
    const kyiv = town('Kyiv', 1);
    const found = await factsOf({ place: kyiv, value: count(16) }, { place: kyiv, value: count(7) }, ['2024-07-08', '2024-07-09']);
    assert.equal(found.length, 2);
  });
});
