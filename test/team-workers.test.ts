/**
 * Team mode on a real PostgreSQL server: `ingest --queue` and `sitrep worker`. The facts and incidents do not depend
 * on the number of workers; a killed worker's job is retried after its lease and nothing is lost or doubled; a job that
 * fails three times is parked with its error until `sitrep retry`; SQLite stores are refused with a clear error.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { runCli } from '../src/cli/main.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { queueAnalysis } from '../src/pipeline/queue-analysis.ts';
import { runWorker, type WorkerSummary } from '../src/pipeline/run-worker.ts';
import { WorkQueue } from '../src/store/postgres/work-queue.ts';
import type { Store } from '../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PROJECT_DIR, scratchDir } from './fixtures.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';
import { compareExports, exportAll, type Exports } from './torture/compare-exports.ts';
import { generateReports, toJsonl } from './torture/generate-reports.ts';
import { SeededRandom } from './torture/seeded-random.ts';

const SAMPLES = join(PROJECT_DIR, 'samples/reports');
/** Small units and jobs, so a small corpus makes many of each and workers finish them out of order. */
const SMALL = { unitSize: 5, jobSize: 2 } as const;

/** Runs the CLI in this process, capturing what it writes. */
async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((err += chunk), true) } as unknown as NodeJS.WritableStream,
    stdin: process.stdin,
  });
  return { code, out, err };
}

function assertSameExports(reference: Exports, trial: Exports, what: string): void {
  const differences = compareExports(reference, trial);
  assert.deepEqual(
    differences.map((d) => `${d.kind}: ${d.lost} lost, ${d.added} added, ${d.duplicated} duplicated${d.orderOnly ? ', order only' : ''}\n${d.samples.join('\n')}`),
    [],
    `${what}: exports differ from one process's`,
  );
}

describe('team mode: workers on one PostgreSQL store', { skip: NO_POSTGRES }, () => {
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

  /** `count` workers, each with its own connections, working one queue until it is idle. */
  async function runWorkers(store: Store, count: number): Promise<WorkerSummary[]> {
    return Promise.all(
      Array.from({ length: count }, async () => {
        const own = await databases.reopen(store);
        const queue = await WorkQueue.open(own.location);
        try {
          return await runWorker(own, queue, { untilIdle: true, lexicons });
        } finally {
          await queue.close();
          await own.close();
        }
      }),
    );
  }

  for (const count of [1, 2, 4]) {
    it(`${count} worker${count === 1 ? '' : 's'}: the same documents, mentions, claims, facts, events and incidents as one process`, async () => {
      const store = await databases.open();
      await ingest(store, [SAMPLES]);
      const queue = await WorkQueue.open(store.location);
      const queued = await queueAnalysis(store, queue, SMALL);
      await queue.close();
      assert.ok(queued.units >= 4 && queued.jobs >= 10, `many units and jobs: ${JSON.stringify(queued)}`);
      const summaries = await runWorkers(store, count);
      assert.equal(
        summaries.reduce((n, s) => n + s.documents, 0),
        queued.documents,
        'each document analysed once',
      );
      if (count > 1) assert.ok(summaries.filter((s) => s.jobs > 0).length >= 2, `the workers shared the jobs: ${summaries.map((s) => s.jobs)}`);
      const progress = await store.team.progress();
      assert.equal(progress.resolvedUnits, queued.units, 'every unit resolved');
      assertSameExports(reference, await exportAll(store.location), `${count} workers`);
      await store.close();
    });
  }

  it('a job that fails three times is parked with its error; `sitrep retry` queues it again and the store completes', async () => {
    const store = await databases.open();
    await ingest(store, [SAMPLES]);
    const queue = await WorkQueue.open(store.location);
    const queued = await queueAnalysis(store, queue, SMALL);
    // A fault in the database, as a full disk or a broken constraint would be: saving one document's mentions fails.
    const [victim] = (await store.documents.list({ status: 'stored' })).slice(7);
    assert.ok(victim);
    const admin = new pg.Client({ connectionString: store.location });
    await admin.connect();
    await admin.query(`create function refuse_mentions() returns trigger language plpgsql as $$
      begin raise exception 'disk quota exceeded while saving mentions of %', new.document_id; end $$`);
    await admin.query(`create trigger refuse_mentions before insert on mentions for each row
      when (new.document_id = '${victim.id}') execute function refuse_mentions()`);

    const first = await runWorkers(store, 2);
    const parked = await queue.parked();
    assert.equal(parked.length, 1, 'one job parked');
    assert.equal(parked[0]?.tries, 3);
    assert.match(parked[0]?.error ?? '', /disk quota exceeded while saving mentions of/);
    const counts = await queue.counts();
    assert.equal(counts.parked, 1);
    assert.ok(counts.retried >= 1, 'the parked job counts as retried');
    assert.equal(
      first.reduce((n, s) => n + s.documents, 0),
      queued.documents - (parked[0]?.documents ?? 0),
      'every other job was done',
    );
    const status = await cli(['--db', store.location, 'status']);
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, /1 failed and parked/);
    assert.match(status.out, /3 tries.*disk quota exceeded/);
    const progress = await store.team.progress();
    assert.ok(progress.next && progress.next.analysed < progress.next.documents, 'later units wait for the parked one');

    await admin.query('drop trigger refuse_mentions on mentions');
    await admin.end();
    const retried = await cli(['--db', store.location, 'retry']);
    assert.equal(retried.code, 0, retried.err);
    assert.match(retried.err, /Queued 1 parked job again/);
    await runWorkers(store, 1);
    assert.equal((await queue.counts()).parked, 0);
    await queue.close();
    assertSameExports(reference, await exportAll(store.location), 'after the retry');
    await store.close();
  });

  it('a worker killed mid-job loses nothing: its job is retried when its lease runs out, and nothing is doubled', async () => {
    const dir = scratchDir();
    const corpus = join(dir, 'reports.jsonl');
    writeFileSync(corpus, toJsonl(generateReports(new SeededRandom(20261207), { prefix: 'kill', count: 120 })));
    const alone = await databases.open();
    await ingest(alone, [corpus]);
    await analyse(alone, { workers: 0, lexicons, batchSize: 40 });
    const expected = await exportAll(alone.location);
    await alone.close();

    const store = await databases.open();
    await ingest(store, [corpus]);
    const queue = await WorkQueue.open(store.location);
    await queueAnalysis(store, queue, { unitSize: 40, jobSize: 10, leaseSeconds: 3 });
    const worker = spawn(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', store.location, 'worker'], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    worker.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ended = new Promise((done) => worker.on('close', done));
    // Kill it while it holds a job, after it has finished at least one.
    const deadline = Date.now() + 60_000;
    while (!(/job .* analysed/.test(stderr) && (await queue.counts()).running > 0)) {
      assert.ok(Date.now() < deadline, `the worker never took a second job:\n${stderr}`);
      await sleep(20);
    }
    worker.kill('SIGKILL');
    await ended;
    assert.equal((await queue.counts()).running, 1, 'the killed job is still leased');

    const [summary] = await runWorkers(store, 1);
    const counts = await queue.counts();
    await queue.close();
    assert.ok(counts.retried >= 1, `the killed job was retried: ${JSON.stringify(counts)}`);
    assert.equal(counts.pending + counts.running + counts.parked, 0);
    assert.ok(summary && summary.documents > 0);
    assertSameExports(expected, await exportAll(store.location), 'after the kill');
    await store.close();
  });
});

describe('team mode on a SQLite store', () => {
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
