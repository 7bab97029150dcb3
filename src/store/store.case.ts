/** @module The one suite every store engine passes: SQLite and PostgreSQL run these same cases. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ingestReports } from '../ingest/ingest.ts';
import type { RawReport } from '../ingest/raw-report.ts';
import type { Document } from '../model/document.ts';
import { claimsCases } from './claims.case.ts';
import { searchCases } from './search.case.ts';
import type { Store } from './store.ts';

/** Opens a fresh, empty store for one case, and disposes of it. */
export interface StoreFactory {
  open(): Promise<Store>;
  /** Opens the same database again, as another process would. */
  reopen(store: Store): Promise<Store>;
}

const document = (id: string, extra: Partial<Document> = {}): Document => ({
  id,
  externalId: `ext-${id}`,
  source: 'Levant Monitor',
  title: `Title ${id}`,
  url: `https://example.org/${id}`,
  byline: 'Dana Reyes',
  language: 'en',
  status: 'stored',
  statusReason: null,
  duplicateOf: null,
  published: { start: '2023-10-30', end: '2023-10-31', inferred: true, rule: 'published/latest-date' },
  syndicationGroup: id,
  format: 'jsonl',
  origin: { path: 'batch.jsonl', line: 3 },
  text: `Text of ${id}: rockets hit the base.`,
  contentHash: `hash-${id}`,
  ingestedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const raw = (externalId: string, text: string): RawReport => ({
  origin: { path: 'case' },
  format: 'text',
  text,
  externalId,
  title: null,
  url: null,
  source: null,
  byline: null,
  published: null,
});

/** Registers the shared cases under the current `describe`. */
export function storeCases(factory: StoreFactory): void {
  searchCases(factory);
  claimsCases(factory);
  it('migrates idempotently and starts empty', async () => {
    const store = await factory.open();
    await store.migrate();
    assert.deepEqual(await store.documents.counts(), { stored: 0, duplicate: 0, skipped: 0 });
    await store.close();
  });

  it('round-trips every document field', async () => {
    const store = await factory.open();
    const a = document('a');
    const b = document('b', {
      published: null,
      origin: { path: 'feed.xml', item: 2 },
      status: 'skipped',
      statusReason: 'language is fr',
      source: null,
    });
    await store.transaction((tx) =>
      tx.documents.insert([
        { document: a, bands: [1, 2] },
        { document: b, bands: [] },
      ]),
    );
    assert.deepEqual(await store.documents.list(), [a, b]);
    assert.deepEqual(await store.documents.get('ext-b'), b);
    assert.deepEqual(await store.documents.get('a'), a);
    assert.equal(await store.documents.get('nope'), null);
    await store.close();
  });

  it('finds documents by id and near-copy candidates by band key', async () => {
    const store = await factory.open();
    await store.transaction((tx) =>
      tx.documents.insert([
        { document: document('a'), bands: [10, 2 ** 35 + 7] },
        { document: document('b'), bands: [11, 12] },
      ]),
    );
    await store.transaction(async (tx) => {
      assert.deepEqual([...(await tx.documents.byIds(['a', 'zz'])).keys()], ['a']);
      const candidates = await tx.documents.nearCandidates([2 ** 35 + 7, 99]);
      assert.deepEqual(
        candidates.map((c) => [c.id, c.bandKeys]),
        [['a', [2 ** 35 + 7]]],
      );
    });
    await store.close();
  });

  it('filters and pages documents', async () => {
    const store = await factory.open();
    const docs = ['a', 'b', 'c', 'd'].map((id, i) =>
      document(id, {
        source: i % 2 ? 'Gulf Wire' : 'Levant Monitor',
        published: { start: `2023-11-0${i + 1}`, end: `2023-11-0${i + 1}`, inferred: false, rule: 'published/metadata' },
      }),
    );
    await store.transaction((tx) => tx.documents.insert(docs.map((d) => ({ document: d, bands: [] }))));
    assert.deepEqual(
      (await store.documents.list({ source: 'Gulf Wire' })).map((d) => d.id),
      ['b', 'd'],
    );
    assert.deepEqual(
      (await store.documents.list({ since: '2023-11-02', until: '2023-11-03' })).map((d) => d.id),
      ['b', 'c'],
    );
    assert.deepEqual(
      (await store.documents.list({ limit: 2, offset: 1 })).map((d) => d.id),
      ['b', 'c'],
    );
    await store.close();
  });

  it('rolls a failed transaction back whole', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert([{ document: document('kept'), bands: [] }]));
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.documents.insert([{ document: document('lost'), bands: [5] }]);
        throw new Error('crash mid-batch');
      }),
      /crash mid-batch/,
    );
    assert.deepEqual(
      (await store.documents.list()).map((d) => d.id),
      ['kept'],
    );
    await store.close();
  });

  it('writes a batch of many rows in order, every value as given, and a failed batch leaves none of them', async () => {
    const store = await factory.open();
    const ids = ['m1', 'm2', 'm3'];
    await store.transaction((tx) => tx.documents.insert(ids.map((id) => ({ document: document(id), bands: [] }))));
    // More rows than one multi-row statement holds, and not a multiple of it: both statement shapes run.
    const mentionsOf = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        kind: 'quantity' as const,
        span: { start: i, end: i + 3 },
        text: `n${i} "quoted" ünïcode`,
        value: { low: i, high: i === 0 ? null : i + 0.5, qualifier: 'exact', unit: null },
        rule: 'quantities/test',
        confidence: 0.25 + i / 1000,
      }));
    const batch = ids.map((documentId, d) => ({ documentId, mentions: mentionsOf([0, 57, 113][d] as number) }));
    await store.transaction((tx) => tx.mentions.save(batch as never, 7));
    const listed = await store.mentions.list();
    assert.deepEqual(
      listed,
      batch.flatMap((b) => b.mentions.map((m) => ({ documentId: b.documentId, ...m }))),
    );
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.mentions.save([{ documentId: 'm1', mentions: mentionsOf(80) as never }], 8);
        throw new Error('crash after the rows');
      }),
      /crash after the rows/,
    );
    assert.equal((await store.mentions.list()).length, 170, 'the failed batch changed nothing');
    await store.close();
  });

  it('refuses a document id twice and keeps the first', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert([{ document: document('a'), bands: [] }]));
    await assert.rejects(store.transaction((tx) => tx.documents.insert([{ document: document('a', { title: 'other' }), bands: [] }])));
    assert.equal((await store.documents.get('a'))?.title, 'Title a');
    await store.close();
  });

  it('ingests end to end, and another connection sees the result', async () => {
    const store = await factory.open();
    const summary = await ingestReports(store, [
      raw('one', 'Two rockets were fired at a logistics site in western Iraq late on Tuesday, the regional command said.'),
      raw('two', 'Militia fighters launched a drone at a garrison in eastern Syria; it was shot down before it reached the base.'),
      raw('one-again', 'Two rockets were fired at a logistics site in western Iraq late on Tuesday, the regional command said.'),
    ]);
    assert.deepEqual([summary.counts.stored, summary.counts.duplicate], [2, 1]);
    const other = await factory.reopen(store);
    assert.deepEqual(await other.documents.counts(), { stored: 2, duplicate: 1, skipped: 0 });
    await other.close();
    await store.close();
  });
}
