/**
 * @module Bench: team mode on PostgreSQL. The corpus is stored and queued once (`sitrep ingest --queue`), copied to a
 * database per run, and worked by 1, 2 and 4 `sitrep worker --until-idle` processes. Figures: reports per second,
 * scaling from 1 to 2 workers, the queue's overhead per job beside the job's analysis time, and whether every export
 * of the 2- and 4-worker stores equals the 1-worker store's.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { JOB_SIZE } from '../../src/pipeline/queue-analysis.ts';
import type { JobResult } from '../../src/pipeline/run-worker.ts';
import { ADMIN_URL, postgresProblem } from '../../test/postgres-server.ts';
import { compareExports, exportAll, type Exports } from '../../test/torture/compare-exports.ts';
import type { BenchFigure, BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus, writeJsonl } from '../corpus.ts';

const WORKER_COUNTS = [1, 2, 4] as const;

interface Run {
  readonly workers: number;
  /** From starting the processes to the last one's exit, start-up (about a second each) included. */
  readonly wallSeconds: number;
  /** From the first job taken to the last unit resolved, as the database recorded them. */
  readonly workSeconds: number;
  readonly documents: number;
  readonly jobs: readonly JobResult[];
  /** Per worker, the pauses between one job's end and its next job's start (taking the job, marking the last done). */
  readonly gapsMs: readonly number[];
  readonly exports: Exports;
  /** The whole database when the run ended (queue and search index included), and the reports' text alone. */
  readonly databaseBytes: number;
  readonly textBytes: number;
  /** The machine's one-minute load average when the run ended. */
  readonly load: number;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `sitrep` with these arguments; resolves to its stdout, or fails with its stderr. */
function sitrep(projectDir: string, args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(projectDir, 'bin/sitrep.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-10_000)));
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`sitrep ${args.join(' ')} exited ${code}:\n${err}`))));
  });
}

async function runWorkers(projectDir: string, admin: pg.Pool, template: string, workers: number): Promise<Run> {
  const name = `${template}_w${workers}`;
  await admin.query(`create database ${name} template ${template}`);
  const url = databaseUrl(name);
  try {
    const started = performance.now();
    const outputs = await Promise.all(
      Array.from({ length: workers }, () => sitrep(projectDir, ['--db', url, 'worker', '--until-idle', '--quiet', '--json'])),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const perWorker = outputs.map((out) =>
      out
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as JobResult)
        .sort((a, b) => a.startedAt - b.startedAt),
    );
    const gapsMs = perWorker.flatMap((jobs) => jobs.slice(1).map((job, i) => job.startedAt - (jobs[i] as JobResult).endedAt));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const size = await client.query<{ bytes: number; text_bytes: number }>(
      `select pg_database_size(current_database())::float8 as bytes, (select sum(length(text)) from documents)::float8 as text_bytes`,
    );
    const { rows } = await client.query<{ seconds: number }>(
      `select extract(epoch from (select max(resolved_at) from team_units) -
         (select min(started_on) from (select started_on from pgboss.job where name = 'sitrep_analysis'
          union all select started_on from pgboss.archive where name = 'sitrep_analysis') j))::float8 as seconds`,
    );
    await client.end();
    const jobs = perWorker.flat();
    return {
      workers,
      wallSeconds,
      workSeconds: Number(rows[0]?.seconds),
      documents: jobs.reduce((n, j) => n + j.analysed, 0),
      jobs,
      gapsMs,
      databaseBytes: Number(size.rows[0]?.bytes),
      textBytes: Number(size.rows[0]?.text_bytes),
      exports: await exportAll(url),
      load: loadavg()[0] as number,
    };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((n, v) => n + v, 0) / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const section: BenchSection = {
  name: 'workers',
  description: 'team mode: sitrep worker processes (1, 2, 4) on PostgreSQL, one queued corpus',
  async run({ projectDir, sharedDir, workDir, documents }) {
    const problem = await postgresProblem();
    if (problem) return { figures: [], notes: [`skipped: no PostgreSQL at ${ADMIN_URL} (${problem}); set SITREP_TEST_PG`] };
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = growCorpus(reports, documents);
    const input = join(workDir, 'bench-workers.jsonl');
    writeJsonl(input, corpus);
    const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
    const template = `sitrep_bench_workers_${process.pid}`;
    const loadBefore = loadavg();
    const runs: Run[] = [];
    try {
      await admin.query(`create database ${template}`);
      const queuedAt = performance.now();
      await sitrep(projectDir, ['--db', databaseUrl(template), 'ingest', '--queue', '--no-progress', input]);
      const queueSeconds = (performance.now() - queuedAt) / 1000;
      for (const workers of WORKER_COUNTS) runs.push(await runWorkers(projectDir, admin, template, workers));
      const loadAfter = loadavg();
      const [one, two] = runs as [Run, Run, Run];
      const identical = runs.slice(1).every((run) => compareExports(one.exports, run.exports).length === 0);
      const differences = runs.slice(1).map((run) => {
        const d = compareExports(one.exports, run.exports);
        return `${run.workers} workers: ${d.length === 0 ? 'every export identical to 1 worker' : d.map((x) => `${x.kind} ${x.lost} lost, ${x.added} added`).join('; ')}`;
      });
      const figures: BenchFigure[] = [];
      for (const run of runs) {
        figures.push({
          metric: `${run.workers} worker${run.workers === 1 ? '' : 's'}: reports per second`,
          value: run.documents / run.workSeconds,
          unit: 'reports/s',
        });
        figures.push({
          metric: `${run.workers} worker${run.workers === 1 ? '' : 's'}: wall time, start-up included`,
          value: run.wallSeconds,
          unit: 's',
        });
      }
      figures.push({
        metric: 'scaling 1 → 2 workers',
        value: one.workSeconds / two.workSeconds,
        unit: '×',
        target: { value: 1.7, higherIsBetter: true },
      });
      figures.push({ metric: 'scaling 1 → 4 workers', value: one.workSeconds / (runs[2] as Run).workSeconds, unit: '×' });
      const jobs = runs.flatMap((r) => r.jobs);
      const overheadMs = mean(jobs.map((j) => j.queueMs)) + mean(runs.flatMap((r) => r.gapsMs));
      const analysisMs = mean(jobs.map((j) => j.analysisMs));
      figures.push({ metric: 'queue overhead per job (bookkeeping + taking it)', value: overheadMs, unit: 'ms' });
      figures.push({ metric: 'analysis time per job', value: analysisMs, unit: 'ms' });
      figures.push({
        metric: 'queue overhead ÷ analysis time',
        value: (100 * overheadMs) / analysisMs,
        unit: '%',
        target: { value: 5, higherIsBetter: false },
      });
      figures.push({
        metric: 'exports with 1, 2 and 4 workers identical',
        value: identical ? 1 : 0,
        unit: identical ? '(yes)' : '(NO)',
        target: { value: 1, higherIsBetter: true },
      });
      return {
        figures,
        notes: [
          `${corpus.length} reports grown from ${reports.length} in ${origin}; stored and queued once in ${queueSeconds.toFixed(1)} s (sitrep ingest --queue), then copied per run`,
          `${one.jobs.length} jobs of up to ${JOB_SIZE} reports; per job on average: analysis ${analysisMs.toFixed(0)} ms, reading ${mean(jobs.map((j) => j.readMs)).toFixed(0)} ms, saving mentions ${mean(jobs.map((j) => j.saveMs)).toFixed(0)} ms, queue bookkeeping ${mean(jobs.map((j) => j.queueMs)).toFixed(0)} ms, between jobs ${mean(runs.flatMap((r) => r.gapsMs)).toFixed(0)} ms, resolution ${mean(jobs.map((j) => j.resolveMs)).toFixed(0)} ms`,
          ...runs.map(
            (run) =>
              `${run.workers} worker${run.workers === 1 ? '' : 's'}, per job: analysis ${mean(run.jobs.map((j) => j.analysisMs)).toFixed(0)} ms, queue bookkeeping ${mean(run.jobs.map((j) => j.queueMs)).toFixed(1)} ms (median ${median(run.jobs.map((j) => j.queueMs)).toFixed(1)}), between jobs ${mean(run.gapsMs).toFixed(1)} ms (median ${median(run.gapsMs).toFixed(1)}): ${((100 * (mean(run.jobs.map((j) => j.queueMs)) + mean(run.gapsMs))) / mean(run.jobs.map((j) => j.analysisMs))).toFixed(1)}%; load average ${run.load.toFixed(1)} at its end`,
          ),
          `database size after the 1-worker run: ${(one.databaseBytes / 1e6).toFixed(0)} MB for ${one.documents} reports, ${(one.databaseBytes / one.documents / 1000).toFixed(1)} kB a report (of which text ${(one.textBytes / one.documents / 1000).toFixed(1)} kB)`,
          `reports per second: from the first job taken to the last unit resolved; wall times add each process's start-up`,
          ...differences,
          `the machine's 2 cores are shared with other jobs: load average ${loadBefore.map((l) => l.toFixed(1)).join(', ')} before, ${loadAfter.map((l) => l.toFixed(1)).join(', ')} after`,
        ],
      };
    } finally {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    }
  },
};

export default section;
