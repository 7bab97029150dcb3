/**
 * Team mode on a real PostgreSQL server: `ingest --queue` and `sitrep worker`. The facts and incidents do not depend
 * on the number of workers: 1, 2 and 4 build the store one `sitrep analyse` process builds. SQLite stores are refused
 * with a clear error. (Failures, kills and retries: team-failures.test.ts.)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { queueAnalysis } from '../src/pipeline/queue-analysis.ts';
import { WorkQueue } from '../src/store/postgres/work-queue.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { scratchDir } from './fixtures.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';
import { assertSameExports, cli, runWorkers, SAMPLES, SMALL } from './team-fixture.ts';
import { exportAll, type Exports } from './torture/compare-exports.ts';

describe('team mode: any number of workers build the store one process builds', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  let lexicons: Lexicons;
  /** One `sitrep analyse` process, resolving batches of the units' size: what every worker count must reproduce. */
  let reference: Exports;

  before(async () => {
    lexicons = loadLexicons();
    const store = await databases.open();
    await ingest(store, [SAMPLES]);
    await analyse(store, { workers: 0, lexicons, batchSize: SMALL.unitSize });
    reference = await exportAll(store.location);
    await store.close();
    assert.ok(reference.facts.length > 0 && reference.incidents.length > 0, 'the samples make facts and incidents');
  });
  after(() => databases.dropAll());

  for (const count of [1, 2, 4]) {
    it(`${count} worker${count === 1 ? '' : 's'}: the same documents, mentions, claims, facts, events and incidents`, async () => {
      const store = await databases.open();
      await ingest(store, [SAMPLES]);
      const queue = await WorkQueue.open(store.location);
      const queued = await queueAnalysis(store, queue, SMALL);
      await queue.close();
      assert.ok(queued.units >= 4 && queued.jobs >= 10, `many units and jobs: ${JSON.stringify(queued)}`);
      const summaries = await runWorkers(databases.reopen, store, count, lexicons);
      assert.equal(
        summaries.reduce((n, s) => n + s.documents, 0),
        queued.documents,
        'each document analysed once',
      );
      if (count > 1)
        assert.ok(
          summaries.filter((s) => s.jobs > 0).length >= 2,
          `the workers shared the jobs: ${summaries.map((s) => s.jobs).join(', ')}`,
        );
      const progress = await store.team.progress();
      assert.equal(progress.resolvedUnits, queued.units, 'every unit resolved');
      assertSameExports(reference, await exportAll(store.location), `${count} workers`);
      await store.close();
    });
  }
});

describe('team mode on a SQLite store', () => {
  it('ingest --lease without --queue is a usage error', async () => {
    const file = join(scratchDir(), 'team.db');
    const run = await cli(['--db', file, 'ingest', '--lease', '5', SAMPLES]);
    assert.equal(run.code, 2);
    assert.match(run.err, /--lease applies to queued jobs: use it with --queue/);
    assert.equal(existsSync(file), false);
  });

  for (const args of [['ingest', '--queue', SAMPLES], ['worker'], ['status'], ['retry']]) {
    it(`sitrep ${args[0]}${args[1] === '--queue' ? ' --queue' : ''} is refused with a clear error, creating nothing`, async () => {
      const file = join(scratchDir(), 'team.db');
      const run = await cli(['--db', file, ...args]);
      assert.equal(run.code, 2);
      assert.match(run.err, /needs a PostgreSQL store \(--db postgres:\/\/…\).*team\.db is a SQLite file/);
      assert.equal(existsSync(file), false);
    });
  }
});
