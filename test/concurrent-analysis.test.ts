/**
 * Several analysers on one PostgreSQL store at once (a team's workers): the store ends as one analyser would leave it,
 * with no fact, incident or event twice.
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
 * What analysis leaves in a store, as comparable rows. Incidents are left out: which incidents events join depends on
 * the order batches are resolved in, which analysers running at once do not fix; `assertPartition` checks them.
 */
async function contents(store: Store) {
  const facts = await store.claims.facts({ limit: 10_000 });
  const events = await store.events.list({ limit: 10_000 });
  return {
    facts: facts.map((f) => `${f.id} ${f.status} ${[...f.claims].sort().join(',')}`).sort(),
    events: events.map((e) => `${e.id} ${e.documentId} ${e.type} ${e.span.start}`).sort(),
  };
}

/** Every event that happened (not denied, hypothetical or future) in exactly one incident, which lists it. */
async function assertPartition(store: Store): Promise<void> {
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

describe('analysers running at once on one PostgreSQL store', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  after(() => databases.dropAll());

  it('leave the facts and events one analyser leaves, each event in one incident', async () => {
    const alone = await databases.open();
    await ingest(alone, [SAMPLES]);
    await analyse(alone, { workers: 0, batchSize: 3 });
    const expected = await contents(alone);
    await alone.close();

    const shared = await databases.open();
    await ingest(shared, [SAMPLES]);
    const others = await Promise.all([databases.reopen(shared), databases.reopen(shared)]);
    const runs = await Promise.all([shared, ...others].map((store) => analyse(store, { workers: 0, batchSize: 3 })));
    assert.equal(
      runs.reduce((n, r) => n + r.documents, 0),
      (await shared.documents.list({ status: 'stored' })).length,
      'each document analysed once',
    );
    assert.ok(runs.filter((r) => r.documents > 0).length >= 2, `the analysers shared the work: ${runs.map((r) => r.documents)}`);
    assert.deepEqual(await contents(shared), expected);
    await assertPartition(shared);
    for (const store of [shared, ...others]) await store.close();
  });
});
