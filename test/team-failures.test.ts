/**
 * Team mode when things go wrong, on a real PostgreSQL server: a job that fails three times is parked with its error
 * until `sitrep retry`, and later units wait for it; a worker process SIGKILLed mid-job loses nothing, its job is
 * handed out again when its lease runs out, and nothing is doubled; two tries of one job at once save each document
 * once. Either way the store ends as one process builds it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { queueAnalysis } from '../src/pipeline/queue-analysis.ts';
import { analyseJob } from '../src/pipeline/run-worker.ts';
import { WorkQueue } from '../src/store/postgres/work-queue.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PROJECT_DIR, scratchDir } from './fixtures.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';
import { assertSameExports, cli, runWorkers, SAMPLES, SMALL } from './team-fixture.ts';
import { exportAll } from './torture/compare-exports.ts';
import { generateReports, toJsonl } from './torture/generate-reports.ts';
import { SeededRandom } from './torture/seeded-random.ts';

describe('team mode: parked jobs, retries and killed workers', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  let lexicons: Lexicons;

  before(() => {
    lexicons = loadLexicons();
  });
  after(() => databases.dropAll());

  it('a job that fails three times is parked with its error; `sitrep retry` queues it again and the store completes', async () => {
    const alone = await databases.open();
    await ingest(alone, [SAMPLES]);
    await analyse(alone, { workers: 0, lexicons, batchSize: SMALL.unitSize });
    const reference = await exportAll(alone.location);
    await alone.close();

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

    const first = await runWorkers(databases.reopen, store, 2, lexicons);
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
    await runWorkers(databases.reopen, store, 1, lexicons);
    assert.equal((await queue.counts()).parked, 0);
    await queue.close();
    assertSameExports(reference, await exportAll(store.location), 'after the retry');
    await store.close();
  });

  it('two tries of one job at once (a lease that ran out while the first still worked) save each document once', async () => {
    const alone = await databases.open();
    await ingest(alone, [SAMPLES]);
    await analyse(alone, { workers: 0, lexicons, batchSize: 5 });
    const reference = await exportAll(alone.location);
    await alone.close();

    const store = await databases.open();
    await ingest(store, [SAMPLES]);
    const queue = await WorkQueue.open(store.location);
    await queueAnalysis(store, queue, { unitSize: 5, jobSize: 5 });
    const client = new pg.Client({ connectionString: store.location });
    await client.connect();
    const { rows } = await client.query<{ document_id: string }>('select document_id from team_items where unit = 1 order by seq');
    await client.end();
    const job = { unit: 1, documents: rows.map((r) => r.document_id) };
    assert.equal(job.documents.length, 5);
    // Each try with its own connections, as two workers have: both read the documents before either saves them.
    const [first, second] = await Promise.all([databases.reopen(store), databases.reopen(store)]);
    assert.ok(first && second);
    const tries = await Promise.all([analyseJob(first, lexicons, job, 'a'), analyseJob(second, lexicons, job, 'b')]);
    await Promise.all([first.close(), second.close()]);
    assert.deepEqual(tries.map((t) => t.analysed).sort(), [0, 5], 'one try saved the documents, the other found them saved');
    assert.equal(
      tries.reduce((n, t) => n + t.resolvedUnits, 0),
      1,
      'the unit was resolved once',
    );
    const again = await analyseJob(store, lexicons, job, 'c');
    assert.equal(again.analysed, 0, 'a third try finds nothing left to do');

    await runWorkers(databases.reopen, store, 2, lexicons);
    await queue.close();
    assertSameExports(reference, await exportAll(store.location), 'after two tries at once');
    await store.close();
  });

  it('a worker killed mid-job loses nothing: its job is retried when its lease runs out, and nothing is doubled', async () => {
    const dir = scratchDir();
    const corpus = join(dir, 'reports.jsonl');
    writeFileSync(corpus, toJsonl(generateReports(new SeededRandom(20261207), { prefix: 'kill', count: 80 })));
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
    // Kill it while it holds a job, after it has finished at least one: a lock on the units table holds its next job
    // inside its transaction (saving what it analysed) until the kill, so the kill always lands mid-job.
    const deadline = Date.now() + 60_000;
    while (!/job .* analysed/.test(stderr)) {
      assert.ok(Date.now() < deadline, `the worker never finished a job:\n${stderr}`);
      await sleep(20);
    }
    const blocker = new pg.Client({ connectionString: store.location });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table team_units in exclusive mode');
    const waiting = async () =>
      Number(
        (await blocker.query("select count(*) as n from pg_locks where not granted and relation = 'team_units'::regclass")).rows[0]?.n,
      );
    while ((await waiting()) === 0) {
      assert.ok(Date.now() < deadline, `the worker never reached its next job's save:\n${stderr}`);
      await sleep(20);
    }
    worker.kill('SIGKILL');
    await ended;
    await blocker.query('rollback');
    await blocker.end();
    assert.equal((await queue.counts()).running, 1, 'the killed job is still leased');

    const [summary] = await runWorkers(databases.reopen, store, 1, lexicons);
    const counts = await queue.counts();
    await queue.close();
    assert.ok(counts.retried >= 1, `the killed job was retried: ${JSON.stringify(counts)}`);
    assert.equal(counts.pending + counts.running + counts.parked, 0);
    assert.ok(summary && summary.documents > 0);
    assertSameExports(expected, await exportAll(store.location), 'after the kill');
    await store.close();
  });
});
