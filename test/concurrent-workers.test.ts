/**
 * Several workers on one PostgreSQL store at once (a team's ingests and analysers): the store ends as one worker would
 * leave it, with no document, fact, incident or event twice.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import type { Store } from '../src/store/store.ts';
import { PROJECT_DIR } from './fixtures.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';

const SAMPLES = join(PROJECT_DIR, 'samples/reports');

/**
 * What analysis leaves in a store, as comparable rows: the claims and events read from each document. Which fact a
 * claim and which incident an event joins depend on the order batches are resolved in, which analysers running at once
 * do not fix; `assertPartitions` checks those.
 */
async function contents(store: Store) {
  const claims = await store.claims.list({ limit: 100_000 });
  const events = await store.events.list({ limit: 10_000 });
  return {
    claims: claims.map((c) => `${c.id} ${c.documentId} ${c.span.start}`).sort(),
    events: events.map((e) => `${e.id} ${e.documentId} ${e.type} ${e.span.start}`).sort(),
  };
}

/**
 * Every claim in exactly one fact and every event that happened (not denied, hypothetical or future) in exactly one
 * incident, each listed by it: nothing resolved twice or lost.
 */
async function assertPartitions(store: Store): Promise<void> {
  const claims = await store.claims.list({ limit: 100_000 });
  const facts = new Map((await store.claims.facts({ limit: 100_000 })).map((f) => [f.id, f]));
  const factMembers = [...facts.values()].flatMap((f) => f.claims);
  assert.equal(new Set(factMembers).size, factMembers.length, 'no claim in two facts');
  assert.deepEqual([...factMembers].sort(), claims.map((c) => c.id).sort(), 'every claim in a fact');
  for (const c of claims) assert.ok(c.factId && facts.get(c.factId)?.claims.includes(c.id), `${c.id} is listed by its fact`);

  const events = await store.events.list({ limit: 10_000 });
  const incidents = new Map((await store.events.incidents({ limit: 10_000 })).map((i) => [i.id, i]));
  const members = [...incidents.values()].flatMap((i) => i.events);
  assert.equal(new Set(members).size, members.length, 'no event in two incidents');
  const joined = events.filter((e) => e.incidentId !== null);
  assert.deepEqual([...members].sort(), joined.map((e) => e.id).sort(), 'incidents list the events that joined them');
  for (const e of events) {
    const happened = e.modality === 'asserted' || e.modality === 'reported-unconfirmed';
    assert.equal(e.incidentId !== null, happened, `${e.id} (${e.modality}) joins an incident only if it happened`);
    if (e.incidentId) assert.ok(incidents.get(e.incidentId)?.events.includes(e.id), `${e.id} is listed by its incident`);
  }
}

describe('workers running at once on one PostgreSQL store', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  after(() => databases.dropAll());

  it('ingesting the same reports store each once', async () => {
    const first = await databases.open();
    const second = await databases.reopen(first);
    const [a, b] = await Promise.all([ingest(first, [SAMPLES]), ingest(second, [SAMPLES])]);
    const stored = (await first.documents.list()).length;
    const [earlier, later] = a.counts.unchanged === 0 ? [a, b] : [b, a];
    assert.equal(earlier.counts.stored + earlier.counts['near-duplicate'] + earlier.counts.duplicate, stored);
    assert.equal(later.counts.unchanged, stored, 'the later ingest finds every report already stored');
    await Promise.all([first.close(), second.close()]);
  });

  /** What one analyser alone leaves, and a fresh store of the same reports for several to share. */
  async function aloneAndShared(): Promise<{ expected: Awaited<ReturnType<typeof contents>>; shared: Store }> {
    const alone = await databases.open();
    await ingest(alone, [SAMPLES]);
    await analyse(alone, { workers: 0, batchSize: 3 });
    const expected = await contents(alone);
    await alone.close();
    const shared = await databases.open();
    await ingest(shared, [SAMPLES]);
    return { expected, shared };
  }

  it('analysers read the claims and events one analyser reads, and resolve each once', async () => {
    const { expected, shared } = await aloneAndShared();
    const others = await Promise.all([databases.reopen(shared), databases.reopen(shared)]);
    const runs = await Promise.all([shared, ...others].map((store) => analyse(store, { workers: 0, batchSize: 3 })));
    assert.equal(
      runs.reduce((n, r) => n + r.documents, 0),
      (await shared.documents.list({ status: 'stored' })).length,
      'each document analysed once',
    );
    assert.ok(runs.filter((r) => r.documents > 0).length >= 2, `the analysers shared the work: ${runs.map((r) => r.documents)}`);
    assert.deepEqual(await contents(shared), expected);
    await assertPartitions(shared);
    for (const store of [shared, ...others]) await store.close();
  });

  it('analysers on worker threads each analyse their next batch ahead: one another analyser took first is analysed anew', async () => {
    const { expected, shared } = await aloneAndShared();
    const other = await databases.reopen(shared);
    // Both peek at the same next documents while writing, so most batches sent ahead are taken by the other analyser.
    const runs = await Promise.all([shared, other].map((store) => analyse(store, { workers: 1, batchSize: 3 })));
    assert.equal(
      runs.reduce((n, r) => n + r.documents, 0),
      (await shared.documents.list({ status: 'stored' })).length,
      'each document analysed once',
    );
    assert.deepEqual(await contents(shared), expected);
    await assertPartitions(shared);
    for (const store of [shared, other]) await store.close();
  });
});
