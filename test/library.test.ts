/** The library entry as the README shows it: ingest, analyse, read facts, on a real SQLite store. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyse, ingest, openStore } from '../src/index.ts';
import { PROJECT_DIR, scratchDir } from './fixtures.ts';

it('runs the README example on the samples', async () => {
  const store = await openStore(join(scratchDir(), 'lib.db'));
  const summary = await ingest(store, [join(PROJECT_DIR, 'samples/reports')]);
  assert.equal(summary.counts.failed, 0);
  const analysed = await analyse(store, { workers: 0 });
  assert.equal(analysed.documents, summary.counts.stored + summary.counts['near-duplicate']);
  const facts = await store.claims.facts({ limit: 10 });
  assert.equal(facts.length, 10);
  assert.ok(facts.some((f) => f.status === 'corroborated'));
  await store.close();
});
