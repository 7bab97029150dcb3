/** The analysis pipeline on real stores: mentions saved per document, workers agree with in-process, re-runs add nothing. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse, sameInputs } from '../src/pipeline/analyse.ts';
import { PROJECT_DIR, scratchDir, scratchStore, writeFiles } from './fixtures.ts';

const SAMPLES = join(PROJECT_DIR, 'samples/reports');

describe('analyse', () => {
  it('saves mentions for every stored document, and a second run finds nothing to do', async () => {
    const { store } = await scratchStore();
    await ingest(store, [SAMPLES]);
    const first = await analyse(store, { workers: 0 });
    const stored = (await store.documents.list({ status: 'stored' })).length;
    assert.equal(first.documents, stored);
    assert.ok(first.mentions > stored * 10, `${first.mentions} mentions`);
    for (const document of await store.documents.list({ status: 'stored' })) {
      const mentions = await store.mentions.list({ documentId: document.id });
      assert.ok(
        mentions.some((m) => m.kind === 'sentence'),
        `${document.externalId} has sentences`,
      );
      for (const m of mentions)
        assert.equal(document.text.slice(m.span.start, m.span.end), m.text, `${document.externalId} ${m.kind} span`);
    }
    assert.equal((await analyse(store, { workers: 0 })).documents, 0);
    await store.close();
  });

  it('finds the same mentions on worker threads as in-process', async () => {
    const a = await scratchStore();
    const b = await scratchStore();
    for (const { store } of [a, b]) await ingest(store, [SAMPLES]);
    await analyse(a.store, { workers: 0 });
    await analyse(b.store, { workers: 2 });
    const strip = (ms: Awaited<ReturnType<typeof a.store.mentions.list>>) =>
      ms.map((m) => [m.documentId, m.kind, m.span.start, m.span.end, m.rule]);
    assert.deepEqual(strip(await b.store.mentions.list()), strip(await a.store.mentions.list()));
    await a.store.close();
    await b.store.close();
  });

  it('analysing each next batch while the last is written changes nothing: small batches on workers match in-process', async () => {
    const a = await scratchStore();
    const b = await scratchStore();
    for (const { store } of [a, b]) await ingest(store, [SAMPLES]);
    // Facts depend on where batches end (each batch is resolved whole), so both take batches of four.
    await analyse(a.store, { workers: 0, batchSize: 4 });
    let batches = 0;
    const summary = await analyse(b.store, { workers: 2, batchSize: 4, onProgress: () => batches++ });
    assert.ok(batches >= 3, `several batches, so several were analysed ahead (${batches})`);
    assert.equal(summary.documents, (await a.store.documents.list({ status: 'stored', limit: 1000 })).length);
    const strip = (ms: Awaited<ReturnType<typeof a.store.mentions.list>>) =>
      ms.map((m) => [m.documentId, m.kind, m.span.start, m.span.end, m.rule]);
    assert.deepEqual(strip(await b.store.mentions.list()), strip(await a.store.mentions.list()));
    const facts = async (store: typeof a.store) => (await store.claims.facts({ limit: 10_000 })).map((f) => [f.value, f.claims.length]);
    assert.deepEqual(await facts(b.store), await facts(a.store));
    await a.store.close();
    await b.store.close();
  });

  it('uses a batch analysed ahead only for exactly the documents taken, as stored', () => {
    const doc = {
      id: 'd1',
      text: 'Two people were killed.',
      title: 'Strike',
      source: 'example.org',
      published: { start: '2024-05-01', end: '2024-05-01' },
    };
    const other = { ...doc, id: 'd2' };
    const cases: Array<[string, Parameters<typeof sameInputs>[1], boolean]> = [
      ['the same documents', [{ ...doc }, { ...other }], true],
      ['another analyser took one of them', [{ ...doc }], false],
      ['another order', [{ ...other }, { ...doc }], false],
      ['a text stored again', [{ ...doc, text: 'Three people were killed.' }, { ...other }], false],
      ['another headline', [{ ...doc, title: null }, { ...other }], false],
      ['another publication day', [{ ...doc, published: { start: '2024-05-02', end: '2024-05-02' } }, { ...other }], false],
      ['another outlet', [{ ...doc, source: null }, { ...other }], false],
    ];
    for (const [why, taken, expected] of cases) assert.equal(sameInputs([doc, other], taken), expected, why);
  });

  it("replaces a document's mentions when it is analysed again", async () => {
    const { store } = await scratchStore();
    await ingest(store, [SAMPLES]);
    await analyse(store, { workers: 0 });
    const [document] = await store.documents.list({ status: 'stored', limit: 1 });
    const before = await store.mentions.list({ documentId: document?.id as string });
    await store.transaction((tx) => tx.mentions.save([{ documentId: document?.id as string, mentions: before.slice(0, 3) }], 1));
    assert.equal((await store.mentions.list({ documentId: document?.id as string })).length, 3);
    await store.close();
  });
});

describe('sitrep explain and mentions export', () => {
  const sitrep = (args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: '' },
    });
  const dir = writeFiles(scratchDir(), {
    'brief.txt':
      'WASHINGTON, Nov. 8, 2023 (Gulf Wire Service) - U.S. forces have been attacked at least 40 times in Iraq and Syria since Oct. 17, a Pentagon spokesman said on Wednesday.',
  });
  const db = join(dir, 's.db');

  it('marks figures, dates and places in the text and lists what they mean', () => {
    assert.equal(sitrep(['--db', db, 'ingest', join(dir, 'brief.txt')]).status, 0);
    const explained = sitrep(['--db', db, 'explain', 'brief']);
    assert.equal(explained.status, 0, explained.stderr);
    assert.match(explained.stdout, /\[at least 40\]\d+/);
    assert.match(explained.stdout, /\[Iraq\]\d+/);
    assert.match(explained.stdout, /quantity\s+"at least 40" → at-least 40\+/);
    assert.match(explained.stdout, /place\s+"Syria" → .*SY/);
    assert.equal(sitrep(['--db', db, 'explain', 'no-such-document']).status, 2);
  });

  it('exports mentions in the contract shape', () => {
    const exported = sitrep(['--db', db, 'export', '--what', 'mentions', '--format', 'jsonl']);
    const records = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const quantity = records.find((r) => r.kind === 'quantity' && r.text === 'at least 40');
    assert.ok(quantity, 'the figure is exported');
    assert.deepEqual(
      Object.keys(quantity).sort(),
      ['confidence', 'documentId', 'externalId', 'kind', 'rule', 'span', 'text', 'value'].sort(),
    );
    assert.equal(quantity.externalId, 'brief');
    assert.deepEqual(quantity.value.low, 40);
    const csv = sitrep(['--db', db, 'export', '--what', 'mentions', '--format', 'csv']);
    assert.match(csv.stdout.split('\n')[0] ?? '', /^documentId,externalId,kind,span\.start,span\.end,text,value,rule,confidence$/);
  });
});
