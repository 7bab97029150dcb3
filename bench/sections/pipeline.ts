/**
 * @module Bench: the whole pipeline as a user runs it (`sitrep ingest` of one JSONL batch into a fresh store, every
 * stage, the store resolved at the end) beside the floor (the same reports read, parsed, tokenised and split into
 * sentences by wink-nlp on one core) in the same run, on SQLite and on PostgreSQL when a server answers, with a CPU
 * profile of a smaller run summed per stage. Issue 17's figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { compiledIsCurrent } from '../../bin/compiled-is-current.js';
import { ADMIN_URL, postgresProblem } from '../../test/postgres-server.ts';
import type { BenchFigure, BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus, writeJsonl, type BenchReport } from '../corpus.ts';
import { PROFILE_STAGES, profileStageTimes, stageShares, type CpuProfile } from '../profile-stages.ts';

/** Reports in the profiled run: enough for every stage to show, small enough that profiling stays quick. */
const PROFILE_REPORTS = 2000;
/** The size whose cost per report the 100,000-report run is compared with. */
const BASE_SIZE = 10_000;
const TIME = '/usr/bin/time';

interface ProcessRun {
  readonly seconds: number;
  /** Peak resident memory of the process (all its threads), MB. */
  readonly peakMb: number;
  readonly stderr: string;
}

/**
 * Runs `node args` to its end: wall time from spawn to exit (start-up included, as a user waits for it) and peak
 * RSS, from GNU time where present, else from the process's VmHWM polled in /proc.
 */
function runNode(args: readonly string[], scratch: string, env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  const viaTime = existsSync(TIME);
  const timeOut = join(scratch, `time-${process.hrtime.bigint()}.txt`);
  const [command, argv] = viaTime ? [TIME, ['-f', '%M %e', '-o', timeOut, process.execPath, ...args]] : [process.execPath, [...args]];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    let polledKb = 0;
    const poll = viaTime
      ? null
      : setInterval(() => {
          try {
            const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
            if (kb) polledKb = Math.max(polledKb, Number(kb));
          } catch {
            // The process has just ended; the last reading stands.
          }
        }, 50);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      if (code !== 0) return fail(new Error(`node ${args.join(' ')} exited ${code}:\n${stderr}`));
      const kb = viaTime ? Number(readFileSync(timeOut, 'utf8').trim().split(/\s+/).at(-2)) : polledKb;
      done({ seconds, peakMb: kb / 1024, stderr });
    });
  });
}

/** `sitrep ingest` of one batch into a store, as a user types it. */
function ingestArgs(projectDir: string, store: string, input: string, nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, join(projectDir, 'bin/sitrep.js'), '--db', store, 'ingest', '--no-progress', input];
}

/** The floor: read the batch from disk, parse each line, tokenise and split into sentences on this one thread. */
function runFloor(input: string): { seconds: number; sentences: number; tokens: number; loadMs: number } {
  const require = createRequire(import.meta.url);
  let started = performance.now();
  const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => WinkNlp;
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd']);
  const loadMs = performance.now() - started;
  globalThis.gc?.();
  started = performance.now();
  let sentences = 0;
  let tokens = 0;
  for (const line of readFileSync(input, 'utf8').split('\n')) {
    if (line === '') continue;
    const report = JSON.parse(line) as { title: string | null; text: string };
    for (const text of report.title ? [report.title, report.text] : [report.text]) {
      const doc = nlp.readDoc(text);
      sentences += doc.sentences().length();
      tokens += doc.tokens().length();
    }
  }
  return { seconds: (performance.now() - started) / 1000, sentences, tokens, loadMs };
}

interface WinkNlp {
  readDoc(text: string): { sentences(): { length(): number }; tokens(): { length(): number } };
}

/** What `sitrep ingest` said it did (its "Ingested …" and "Analysed …" lines), for the notes. */
function summaryOf(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => /^(Ingested|Analysed|Analysis)\b/.test(line))
    .join(' ');
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runPostgres(projectDir: string, workDir: string, input: string): Promise<ProcessRun> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `sitrep_bench_pipeline_${process.pid}_${Date.now()}`;
  try {
    await admin.query(`create database ${name}`);
    return await runNode(ingestArgs(projectDir, databaseUrl(name), input), workDir);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function perSecond(metric: string, count: number, seconds: number, target?: number): BenchFigure {
  return {
    metric,
    value: count / seconds,
    unit: 'reports/s',
    ...(target === undefined ? {} : { target: { value: target, higherIsBetter: true } }),
  };
}

const section: BenchSection = {
  name: 'pipeline',
  description: 'sitrep ingest end to end (every stage, resolved store) beside the floor (read, parse, tokenise, split)',
  async run({ projectDir, sharedDir, workDir, documents }) {
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = growCorpus(reports, documents);
    const sizes = documents >= 10 * BASE_SIZE ? [BASE_SIZE, documents] : [documents];
    const figures: BenchFigure[] = [];
    const notes: string[] = [
      `${documents.toLocaleString('en-US')} reports grown from ${reports.length} in ${origin}`,
      `the CLI ran ${compiledIsCurrent(projectDir) ? 'the compiled dist/' : 'the sources through tsx (no current build in dist/; `npm run build` for the installed form)'}; end-to-end times include its start-up`,
    ];
    const loadBefore = loadavg();
    const costPer1000: number[] = [];
    let floorLoadMs = 0;

    for (const size of sizes) {
      const input = join(workDir, `pipeline-${size}.jsonl`);
      const bytes = writeJsonl(input, corpus.slice(0, size) as BenchReport[]);
      const label = size.toLocaleString('en-US');
      const floor = runFloor(input);
      floorLoadMs = floor.loadMs;
      const sqlite = await runNode(ingestArgs(projectDir, join(workDir, `pipeline-${size}.db`), input), workDir);
      costPer1000.push((1000 * sqlite.seconds) / size);
      figures.push(perSecond(`SQLite, ${label}: end to end`, size, sqlite.seconds, 1000));
      figures.push({
        metric: `SQLite, ${label}: peak RSS of sitrep ingest`,
        value: sqlite.peakMb,
        unit: 'MB',
        ...(size >= 10 * BASE_SIZE ? { target: { value: 400, higherIsBetter: false } } : {}),
      });
      figures.push(perSecond(`floor, ${label}: read, parse, tokenise, split`, size, floor.seconds));
      figures.push({
        metric: `end to end ÷ floor, ${label}`,
        value: sqlite.seconds / floor.seconds,
        unit: '×',
        target: { value: 2, higherIsBetter: false },
      });
      notes.push(
        `${label} reports, ${(bytes / 1e6).toFixed(1)} MB: end to end ${sqlite.seconds.toFixed(1)} s (${summaryOf(sqlite.stderr)}); floor ${floor.seconds.toFixed(1)} s (${floor.sentences} sentences, ${floor.tokens} tokens)`,
      );
    }
    if (costPer1000.length === 2) {
      const [small, large] = costPer1000 as [number, number];
      figures.push({
        metric: `cost per 1,000 reports at ${sizes[1]?.toLocaleString('en-US')} ÷ at ${BASE_SIZE.toLocaleString('en-US')}`,
        value: large / small,
        unit: '×',
        target: { value: 1.1, higherIsBetter: false },
      });
    }

    const problem = await postgresProblem();
    if (problem) notes.push(`PostgreSQL skipped: no server at ${ADMIN_URL} (${problem}); set SITREP_TEST_PG`);
    else {
      const size = sizes[0] as number;
      const postgres = await runPostgres(projectDir, workDir, join(workDir, `pipeline-${size}.jsonl`));
      const label = size.toLocaleString('en-US');
      figures.push(perSecond(`PostgreSQL, ${label}: end to end`, size, postgres.seconds, 500));
      figures.push({ metric: `PostgreSQL, ${label}: peak RSS of sitrep ingest`, value: postgres.peakMb, unit: 'MB' });
      notes.push(`PostgreSQL, ${label} reports into a fresh database: ${postgres.seconds.toFixed(1)} s (${summaryOf(postgres.stderr)})`);
    }

    // The profile: the same command under --cpu-prof on a slice; the analysis workers write a profile each. It runs
    // the sources, whose file names say each frame's stage (the build bundles them into chunks that do not).
    const slice = Math.min(PROFILE_REPORTS, documents);
    const profileInput = join(workDir, 'pipeline-profile.jsonl');
    writeJsonl(profileInput, corpus.slice(0, slice));
    const profileDir = join(workDir, 'cpu-profiles');
    mkdirSync(profileDir, { recursive: true });
    const profiled = await runNode(
      ingestArgs(projectDir, join(workDir, 'pipeline-profile.db'), profileInput, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
      workDir,
      { ...process.env, SITREP_RUN_SOURCES: '1' },
    );
    const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
    const times = profileStageTimes(files.map((f) => JSON.parse(readFileSync(join(profileDir, f), 'utf8')) as CpuProfile));
    const shares = stageShares(times);
    for (const stage of PROFILE_STAGES) {
      figures.push({ metric: `profile (${slice.toLocaleString('en-US')} reports): ${stage}`, value: shares[stage], unit: '% of CPU' });
    }
    const busyMs = PROFILE_STAGES.reduce((n, stage) => n + times.ms[stage], 0);
    notes.push(
      `profile: ${files.length} threads (main, analysis workers and, from the sources, their module-loader threads), ${(busyMs / 1000).toFixed(1)} s on CPU, ${(times.idleMs / 1000).toFixed(1)} s idle (left out of the shares), run ${profiled.seconds.toFixed(1)} s under --cpu-prof; each sample counts for the innermost frame in src/understand, src/extract/claims, src/extract/events, src/resolve or src/store (kysely, better-sqlite3 and pg count as store), so library and native time goes to the stage that called it; ingest is src/ingest (decoding, duplicate detection); loading is Node's module loader and tsx compiling the sources, in every thread; GC is V8's (garbage collector); other is the pipeline's glue, the CLI, messages between threads and (program)`,
      `floor: one thread, wink-nlp with sentence detection only (its model loaded in ${floorLoadMs.toFixed(0)} ms, not timed); titles and bodies both read`,
      `the machine's 2 cores are shared with other jobs: load average ${loadBefore.map((l) => l.toFixed(1)).join(', ')} before, ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} after`,
    );
    return { figures, notes };
  },
};

export default section;
