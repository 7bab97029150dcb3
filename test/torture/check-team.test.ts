/**
 * The torture harness's team-mode checks on a real PostgreSQL store: a queued store and a worked store pass, and a
 * lost job or units resolved out of order are reported as what they are.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse, ANALYSIS_VERSION } from '../../src/pipeline/analyse.ts';
import { queueAnalysis } from '../../src/pipeline/queue-analysis.ts';
import { WorkQueue } from '../../src/store/postgres/work-queue.ts';
import type { Store } from '../../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../../src/understand/understand.ts';
import { NO_POSTGRES, postgresDatabases } from '../postgres-fixture.ts';
import { runWorkers, SAMPLES, SMALL } from '../team-fixture.ts';
import { type AnalysisCounts, analysisCounts, checkStore, openProbe, type ProblemKind } from './check-store.ts';

describe('torture checks of a team-mode store', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  let lexicons: Lexicons;
  let reference: Map<string, AnalysisCounts>;

  before(async () => {
    lexicons = loadLexicons();
    const alone = await databases.open();
    await ingest(alone, [SAMPLES]);
    await analyse(alone, { workers: 0, lexicons });
    const probe = await openProbe(alone.location);
    reference = await analysisCounts(probe);
    await probe.close();
    await alone.close();
  });
  after(() => databases.dropAll());

  async function queued(): Promise<Store> {
    const store = await databases.open();
    await ingest(store, [SAMPLES]);
    const queue = await WorkQueue.open(store.location);
    await queueAnalysis(store, queue, SMALL);
    await queue.close();
    return store;
  }

  async function kindsAfter(store: Store, damage: string | null): Promise<ProblemKind[]> {
    if (damage !== null) {
      const client = new pg.Client({ connectionString: store.location });
      await client.connect();
      await client.query(damage);
      await client.end();
    }
    const probe = await openProbe(store.location);
    try {
      const { problems } = await checkStore(probe, {
        settled: new Set(reference.keys()),
        batches: [],
        analysedBefore: new Set(),
        analysisVersion: ANALYSIS_VERSION,
        analysisBatch: SMALL.unitSize,
        reference,
        team: true,
      });
      return [...new Set(problems.map((p) => p.kind))].sort();
    } finally {
      await probe.close();
    }
  }

  it('passes a queued store, and finds documents no job names any more', async () => {
    const store = await queued();
    assert.deepEqual(await kindsAfter(store, null), []);
    assert.deepEqual(await kindsAfter(store, "delete from pgboss.job where name = 'sitrep_analysis'"), ['lost-job']);
    await store.close();
  });

  it('passes a worked store, and finds a unit resolved before an earlier one', async () => {
    const store = await queued();
    await runWorkers(databases.reopen, store, 1, lexicons);
    assert.deepEqual(await kindsAfter(store, null), []);
    assert.deepEqual(await kindsAfter(store, 'update team_units set resolved_at = null where unit = 2'), ['half-analysis']);
    await store.close();
  });
});
