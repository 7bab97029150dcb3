/** The seed reports from ../shared: ids, inferred publication dates against the gold, re-ingest, syndication. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { NO_SEEDS, SEEDS_DIR, scratchStore, writeFiles } from './fixtures.ts';

interface Gold {
  readonly documents: Record<string, { readonly published: [string, string] }>;
}

describe('seeds', { skip: NO_SEEDS }, () => {
  it('stores five documents named by file, each published within its gold interval; a second run stores nothing', async () => {
    const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as Gold;
    const { store } = await scratchStore();
    const first = await ingest(store, [SEEDS_DIR]);
    assert.equal(first.counts.stored, 5);
    const documents = await store.documents.list();
    assert.deepEqual(documents.map((d) => d.externalId).sort(), Object.keys(gold.documents).sort());
    for (const document of documents) {
      const [start, end] = gold.documents[document.externalId]?.published ?? ['', ''];
      assert.ok(document.published, `${document.externalId}: no published date`);
      assert.ok(
        document.published.start >= start && document.published.end <= end,
        `${document.externalId}: ${document.published.start}..${document.published.end} not within ${start}..${end}`,
      );
      assert.equal(document.published.inferred, true);
    }
    const second = await ingest(store, [SEEDS_DIR]);
    assert.deepEqual([second.counts.stored, second.counts['near-duplicate'], second.counts.unchanged], [0, 0, 5]);
    assert.equal((await store.documents.list()).length, 5);
    await store.close();
  });

  it('puts a copy with a new title and five words changed in the original group, and no two seeds together', async () => {
    const { store, dir } = await scratchStore();
    const name = readdirSync(SEEDS_DIR).find((f) => f.endsWith('.txt')) as string;
    const original = readFileSync(join(SEEDS_DIR, name), 'utf8');
    const words = original.split(' ');
    // Five words changed, spread through the text, and a new headline on top: a syndicated rewrite.
    for (let k = 1; k <= 5; k++) {
      const i = Math.floor((words.length * k) / 6);
      words[i] = `changed${k}`;
    }
    writeFiles(dir, { 'copy/syndicated-copy.txt': `Republished: a new headline for this story\n${words.join(' ')}` });
    await ingest(store, [SEEDS_DIR]);
    const summary = await ingest(store, [join(dir, 'copy')]);
    assert.equal(summary.counts['near-duplicate'], 1);
    const documents = await store.documents.list();
    const originalDoc = documents.find((d) => `${d.externalId}.txt` === name);
    const copy = documents.find((d) => d.externalId === 'syndicated-copy');
    assert.equal(copy?.syndicationGroup, originalDoc?.syndicationGroup);
    const seedGroups = documents.filter((d) => d.externalId !== 'syndicated-copy').map((d) => d.syndicationGroup);
    assert.equal(new Set(seedGroups).size, 5, 'every seed is its own group');
    await store.close();
  });
});
