/**
 * @module Crash-safety torture (`npm run torture`): SIGKILLs `sitrep ingest` and `sitrep analyse` at random moments,
 * checks the store after every kill, re-runs the job and compares every export with an uninterrupted run's; races two
 * ingests on one SQLite file; on PostgreSQL, SIGKILLs team-mode `sitrep worker` processes while others go on working.
 * Seeded: the seed printed at the start replays the corpora, scenarios and kill delays.
 *
 *   npm run torture -- [--quick] [--kills N] [--pg-kills N] [--worker-kills N] [--races N]
 *                      [--engine sqlite|postgres|both] [--seed N] [--minutes N] [--replay TRIAL_SEED --engine E] [--keep]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ANALYSIS_BATCH, ANALYSIS_VERSION } from '../../src/pipeline/analyse.ts';
import {
  type AnalysisCounts,
  analysisCounts,
  checkStore,
  documentIds,
  openProbe,
  type StoreProblem,
  type StoreState,
} from './check-store.ts';
import { compareExports, type ExportDifference, exportAll, exportOne, type Exports } from './compare-exports.ts';
import { generateReports, REGION_NAMES, toJsonl } from './generate-reports.ts';
import { type JobEnd, runJob, SITREP, StoreWatcher } from './run-job.ts';
import { SeededRandom } from './seeded-random.ts';
import { ADMIN_URL, postgresProblem } from '../postgres-server.ts';

type Engine = 'sqlite' | 'postgres';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    kills: { type: 'string' },
    'pg-kills': { type: 'string' },
    'worker-kills': { type: 'string' },
    races: { type: 'string' },
    engine: { type: 'string', default: 'both' },
    seed: { type: 'string' },
    replay: { type: 'string' },
    keep: { type: 'boolean', default: false },
    minutes: { type: 'string' },
  },
});
const quick = options.quick ?? false;
const count = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
  return n;
};
const targets = {
  sqlite: count(options.kills, quick ? 6 : 100, 'kills'),
  postgres: count(options['pg-kills'], quick ? 3 : 30, 'pg-kills'),
  races: count(options.races, quick ? 1 : 5, 'races'),
  workers: count(options['worker-kills'], quick ? 3 : 30, 'worker-kills'),
};
if (!['sqlite', 'postgres', 'both'].includes(options.engine ?? ''))
  throw new Error(`--engine is sqlite, postgres or both, not "${options.engine}"`);
const runStarted = performance.now();
/** `--minutes`: start no new trial after this long (the summary then says the targets were cut short). */
const budgetMs = options.minutes === undefined ? null : count(options.minutes, 0, 'minutes') * 60_000;
const runSetups: EngineSetup[] = [];
const seed = options.seed !== undefined ? count(options.seed, 0, 'seed') : randomInt(1, 2 ** 31);
const master = new SeededRandom(seed);

/** The corpora: a base batch every store starts from, and the batches trials write over it. */
const CORPUS_SIZES = quick
  ? { base: 20, small: 50, medium: 80, large: 0, race: 60 }
  : { base: 30, small: 40, medium: 80, large: 560, race: 100 };

interface Corpus {
  readonly name: string;
  readonly file: string;
  readonly count: number;
}

/** One kind of job a trial kills: which batch, which command, how many workers. */
interface Scenario {
  readonly name: string;
  readonly corpus: string;
  readonly command: 'ingest' | 'analyse';
  /** Worker-thread counts a trial picks from (null: sitrep's default). */
  readonly workers: ReadonlyArray<number | null>;
  readonly weight: number;
}

const ALL_SCENARIOS: readonly Scenario[] = [
  { name: 'ingest-small', corpus: 'small', command: 'ingest', workers: [null, 0, 2], weight: 3 },
  { name: 'ingest-medium', corpus: 'medium', command: 'ingest', workers: [null, 2], weight: 2 },
  { name: 'ingest-large', corpus: 'large', command: 'ingest', workers: [2], weight: 1 },
  { name: 'analyse-medium', corpus: 'medium', command: 'analyse', workers: [0, 2], weight: 2 },
  { name: 'analyse-large', corpus: 'large', command: 'analyse', workers: [2], weight: 1 },
];
const SCENARIOS = ALL_SCENARIOS.filter((s) => !(quick && s.corpus === 'large'));

/** What an uninterrupted run of a batch over the base leaves: the exports and the per-document analysis. */
interface Reference {
  readonly exports: Exports;
  readonly counts: Map<string, AnalysisCounts>;
  readonly ids: Set<string>;
  /** Milliseconds from the store being open to the job's end: the window kills are drawn from. */
  readonly windowMs: number;
}

/** One engine's prepared stores: templates to start trials from, and references to compare them with. */
interface EngineSetup {
  readonly engine: Engine;
  /** A fresh store copied from a template (a file copy, or a PostgreSQL database made from a template). */
  fresh(template: string): Promise<string>;
  discard(location: string): Promise<void>;
  readonly templates: Map<string, string>;
  readonly references: Map<string, Reference>;
  baseIds: Set<string>;
}

/** Counts for the summary table, one row per engine and scenario. */
interface Tally {
  trials: number;
  kills: number;
  integrity: number;
  orphan: number;
  duplicate: number;
  halfBatch: number;
  halfAnalysis: number;
  rerunFailed: number;
  /** Reading commands run right after a kill that failed or showed another number of documents. */
  readFailed: number;
  lost: number;
  duplicated: number;
  exportDiffs: number;
  phases: Map<string, number>;
}

const tallies = new Map<string, Tally>();
const failures: string[] = [];
const work = mkdtempSync(join(tmpdir(), 'sitrep-torture-'));
const pgDatabases: string[] = [];
let admin: pg.Pool | null = null;
let watcher: StoreWatcher | null = null;

function tally(engine: Engine, scenario: string): Tally {
  const key = `${engine} ${scenario}`;
  let entry = tallies.get(key);
  if (!entry) {
    entry = {
      trials: 0,
      kills: 0,
      integrity: 0,
      orphan: 0,
      duplicate: 0,
      halfBatch: 0,
      halfAnalysis: 0,
      rerunFailed: 0,
      readFailed: 0,
      lost: 0,
      duplicated: 0,
      exportDiffs: 0,
      phases: new Map(),
    };
    tallies.set(key, entry);
  }
  return entry;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function writeCorpora(): Map<string, Corpus> {
  const corpora = new Map<string, Corpus>();
  mkdirSync(join(work, 'corpus'));
  const write = (name: string, size: number, regions?: readonly string[]) => {
    if (size === 0) return;
    const reports = generateReports(new SeededRandom(master.fork()), { prefix: name, count: size, ...(regions ? { regions } : {}) });
    const file = join(work, 'corpus', `${name}.jsonl`);
    writeFileSync(file, toJsonl(reports));
    corpora.set(name, { name, file, count: size });
  };
  write('base', CORPUS_SIZES.base);
  write('small', CORPUS_SIZES.small);
  write('medium', CORPUS_SIZES.medium);
  write('large', CORPUS_SIZES.large);
  // The racing batches are set in regions apart, so neither can join the other's facts or incidents and the order
  // they land in cannot change what is resolved.
  write('race-a', CORPUS_SIZES.race, REGION_NAMES.slice(0, 2));
  write('race-b', CORPUS_SIZES.race, REGION_NAMES.slice(2));
  return corpora;
}

function workersArgs(workers: number | null): string[] {
  return workers === null ? [] : ['--workers', String(workers)];
}

/** Runs a job to its end and fails loudly when it does not exit 0. */
async function mustRun(location: string, args: readonly string[], what: string): Promise<JobEnd> {
  const end = await runJob(watcher as StoreWatcher, location, args);
  if (end.code !== 0) throw new Error(`${what}: sitrep ${args.join(' ')} exited ${end.code ?? end.signal}\n${end.stderr}`);
  return end;
}

async function setUpEngine(engine: Engine, corpora: Map<string, Corpus>): Promise<EngineSetup> {
  const started = performance.now();
  let made = 0;
  const setup: EngineSetup = {
    engine,
    templates: new Map(),
    references: new Map(),
    baseIds: new Set(),
    async fresh(template) {
      made++;
      if (engine === 'sqlite') {
        const dir = join(work, `store-${made}`);
        mkdirSync(dir);
        const file = join(dir, 'sitrep.db');
        copyFileSync(template, file);
        if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${file}-wal`);
        return file;
      }
      const name = `sitrep_torture_${process.pid}_${made}`;
      await (admin as pg.Pool).query(`create database ${name} template ${new URL(template).pathname.slice(1)}`);
      pgDatabases.push(name);
      return databaseUrl(name);
    },
    async discard(location) {
      if (options.keep) return;
      if (engine === 'sqlite') rmSync(join(location, '..'), { recursive: true, force: true });
      else await (admin as pg.Pool).query(`drop database if exists ${new URL(location).pathname.slice(1)} with (force)`);
    },
  };
  const empty = async (): Promise<string> => {
    if (engine === 'sqlite') {
      const dir = join(work, `template-${++made}`);
      mkdirSync(dir);
      return join(dir, 'sitrep.db');
    }
    const name = `sitrep_torture_${process.pid}_${++made}`;
    await (admin as pg.Pool).query(`create database ${name}`);
    pgDatabases.push(name);
    return databaseUrl(name);
  };

  const base = await empty();
  await mustRun(base, ['ingest', (corpora.get('base') as Corpus).file], `${engine} base store`);
  setup.templates.set('base', base);
  setup.baseIds = await withProbe(base, documentIds);

  // A run of races alone (--kills 0) needs no kill references.
  const killing = targets[engine] > 0 || (engine === 'postgres' && targets.workers > 0) || options.replay !== undefined;
  for (const name of killing ? ['small', 'medium', 'large'] : []) {
    const corpus = corpora.get(name);
    if (!corpus) continue;
    const reference = await setup.fresh(base);
    const end = await mustRun(
      reference,
      ['ingest', ...(name === 'large' ? ['--workers', '2'] : []), corpus.file],
      `${engine} reference ${name}`,
    );
    setup.references.set(name, await readReference(reference, end));
    if (SCENARIOS.some((s) => s.corpus === name && s.command === 'analyse')) {
      const stored = await setup.fresh(base);
      await mustRun(stored, ['ingest', '--no-analyse', corpus.file], `${engine} template ${name} stored`);
      setup.templates.set(`${name}-stored`, stored);
    }
  }
  if (engine === 'sqlite' && targets.races > 0) {
    const reference = await setup.fresh(base);
    await mustRun(reference, ['ingest', (corpora.get('race-a') as Corpus).file], 'race reference a');
    const end = await mustRun(reference, ['ingest', (corpora.get('race-b') as Corpus).file], 'race reference b');
    setup.references.set('race', await readReference(reference, end));
  }
  log(`${engine}: base store and ${setup.references.size} uninterrupted reference runs ready in ${seconds(performance.now() - started)}`);
  for (const [name, reference] of setup.references)
    log(
      `  reference ${name}: ${reference.ids.size} documents, ${reference.exports.mentions.length} mentions, ${reference.exports.claims.length} claims, ${reference.exports.facts.length} facts, ${reference.exports.events.length} events, ${reference.exports.incidents.length} incidents; kill window ${seconds(reference.windowMs)}`,
    );
  return setup;
}

async function readReference(location: string, end: JobEnd): Promise<Reference> {
  const probe = await openProbe(location);
  try {
    const ids = await documentIds(probe);
    const counts = await analysisCounts(probe);
    // A reference must itself pass every check: else the checks, not the kills, would be what fails.
    const { problems } = await checkStore(probe, {
      settled: ids,
      batches: [],
      analysedBefore: new Set(),
      analysisVersion: ANALYSIS_VERSION,
      analysisBatch: ANALYSIS_BATCH,
      reference: counts,
    });
    if (problems.length > 0)
      throw new Error(
        `the uninterrupted run at ${location} fails the checks:\n${problems.map((p) => `  ${p.kind}: ${p.detail}`).join('\n')}`,
      );
    const windowMs = end.endedAfterMs - (end.openedAfterMs ?? 0);
    return { exports: await exportAll(location), counts, ids, windowMs };
  } finally {
    await probe.close();
  }
}

async function withProbe<T>(location: string, read: (probe: Awaited<ReturnType<typeof openProbe>>) => Promise<T>): Promise<T> {
  const probe = await openProbe(location);
  try {
    return await read(probe);
  } finally {
    await probe.close();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Where a kill landed, read from the store it left. */
function phaseOf(scenario: Scenario, state: StoreState, before: StoreState, reference: Reference): string {
  const total = [...reference.counts.keys()].length;
  if (scenario.command === 'ingest' && state.documents === before.documents) return 'ingest: before its commit';
  if (state.analysed === total) return 'after the last analysis batch';
  const batches = Math.round((state.analysed - before.analysed) / ANALYSIS_BATCH);
  return `${scenario.command === 'ingest' ? 'ingest committed, ' : ''}analysis: ${batches} batch${batches === 1 ? '' : 'es'} saved`;
}

function recordProblems(entry: Tally, problems: readonly StoreProblem[], where: string): void {
  for (const problem of problems) {
    if (problem.kind === 'integrity') entry.integrity++;
    else if (problem.kind === 'lost-job') entry.lost++;
    else if (problem.kind === 'orphan') entry.orphan++;
    else if (problem.kind === 'duplicate') entry.duplicate++;
    else if (problem.kind === 'half-batch') entry.halfBatch++;
    else entry.halfAnalysis++;
    failures.push(`${where}: ${problem.kind}: ${problem.detail}`);
  }
}

function recordDifferences(entry: Tally, differences: readonly ExportDifference[], where: string): void {
  for (const d of differences) {
    entry.exportDiffs++;
    entry.lost += d.lost;
    entry.duplicated += d.duplicated;
    failures.push(
      `${where}: export ${d.kind} differs from the uninterrupted run's (${d.reference} records there, ${d.trial} here: ${d.lost} lost, ${d.added} added, ${d.duplicated} duplicated${d.orderOnly ? ', same records in another order' : ''})\n${d.samples.map((s) => `      ${s}`).join('\n')}`,
    );
  }
}

/** One trial: a fresh store, two to six kills with a check after each, a run to the end, a comparison of exports. */
async function killTrial(setup: EngineSetup, corpora: Map<string, Corpus>, trial: number, trialSeed: number): Promise<number> {
  const random = new SeededRandom(trialSeed);
  const scenario = pickScenario(random);
  const workers = random.pick(scenario.workers);
  const corpus = corpora.get(scenario.corpus) as Corpus;
  const reference = setup.references.get(scenario.corpus) as Reference;
  const entry = tally(setup.engine, scenario.name);
  entry.trials++;
  const where = `${setup.engine} trial ${trial} (${scenario.name}, workers ${workers ?? 'default'}, trial seed ${trialSeed})`;
  const template = setup.templates.get(scenario.command === 'ingest' ? 'base' : `${scenario.corpus}-stored`) as string;
  const location = await setup.fresh(template);
  const args = [scenario.command, ...workersArgs(workers), ...(scenario.command === 'ingest' ? [corpus.file] : [])];
  const batchIds = new Set([...reference.ids].filter((id) => !setup.baseIds.has(id)));
  const expectations = {
    settled: scenario.command === 'ingest' ? setup.baseIds : reference.ids,
    batches: scenario.command === 'ingest' ? [{ name: corpus.name, ids: batchIds }] : [],
    analysedBefore: new Set([...setup.baseIds].filter((id) => reference.counts.has(id))),
    analysisVersion: ANALYSIS_VERSION,
    analysisBatch: ANALYSIS_BATCH,
    reference: reference.counts,
  };
  const before = await withProbe(location, async (probe) => (await checkStore(probe, expectations)).state);
  const wanted = random.int(2, 6);
  const landed: string[] = [];
  let kills = 0;
  let finished = false;
  for (let attempt = 0; attempt < wanted; attempt++) {
    const delay = Math.round(killDelay(random, reference.windowMs));
    const end = await runJob(watcher as StoreWatcher, location, args, delay);
    if (!end.killed) {
      finished = true;
      if (end.code !== 0) {
        entry.rerunFailed++;
        failures.push(`${where}: sitrep ${args.join(' ')} exited ${end.code ?? end.signal} before its kill was due\n${indent(end.stderr)}`);
      }
      landed.push(`finished before the kill at ${seconds(delay)}`);
      break;
    }
    kills++;
    entry.kills++;
    // First as a user would right after a crash, before anything else opens the store: a reading command.
    const read = await exportOne(location, 'documents');
    const { problems, state } = await withProbe(location, (probe) => checkStore(probe, expectations));
    if (read.code !== 0 || read.lines.length !== state.documents) {
      entry.readFailed++;
      failures.push(
        `${where}, after kill ${kills}: sitrep export --what documents exited ${read.code} with ${read.lines.length} of ${state.documents} documents\n${indent(read.stderr)}`,
      );
    }
    const phase = phaseOf(scenario, state, before, reference);
    entry.phases.set(phase, (entry.phases.get(phase) ?? 0) + 1);
    landed.push(`killed ${seconds(delay)} after open: ${phase}`);
    recordProblems(entry, problems, `${where}, after kill ${kills}`);
  }
  if (!finished) {
    const end = await runJob(watcher as StoreWatcher, location, args);
    if (end.code !== 0) {
      entry.rerunFailed++;
      failures.push(`${where}: the re-run sitrep ${args.join(' ')} exited ${end.code ?? end.signal}\n${indent(end.stderr)}`);
    }
  }
  const { problems } = await withProbe(location, (probe) => checkStore(probe, { ...expectations, settled: reference.ids, batches: [] }));
  recordProblems(entry, problems, `${where}, after the re-run`);
  const differences = compareExports(reference.exports, await exportAll(location));
  recordDifferences(entry, differences, where);
  const failed = problems.length + differences.length;
  log(`${where}: ${landed.join('; ')} → ${failed === 0 ? 'ok' : `${failed} problems`}`);
  await setup.discard(location);
  return kills;
}

/** Team-mode workers a trial runs at once. */
const TEAM_WORKERS = 2;
/** The lease of a trial's jobs: a killed worker's job is handed out again this long after it started. */
const TEAM_LEASE_SECONDS = 4;

/** A `sitrep worker --until-idle` process. */
interface WorkerProcess {
  readonly child: ChildProcess;
  readonly ended: Promise<number | null>;
  /** Resolves once it has started and waits for jobs. */
  readonly ready: Promise<void>;
  stderr: string;
  done: boolean;
}

function startWorker(location: string): WorkerProcess {
  const child = spawn(SITREP[0] as string, [...SITREP.slice(1), '--db', location, 'worker', '--until-idle', '--quiet'], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let markReady: () => void = () => undefined;
  const worker: WorkerProcess = {
    child,
    stderr: '',
    done: false,
    ready: new Promise((done) => (markReady = done)),
    ended: new Promise((done) =>
      child.on('close', (code) => {
        worker.done = true;
        markReady();
        done(code);
      }),
    ),
  };
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    worker.stderr = (worker.stderr + chunk).slice(-20_000);
    if (/waiting for jobs/.test(worker.stderr)) markReady();
  });
  return worker;
}

/**
 * Team mode: the batch is stored and queued (`ingest --queue`), two workers work it, and one of them is SIGKILLed at
 * random moments (two to six times, a new worker started in its place each time). After each kill the surviving
 * workers are paused (SIGSTOP) while the store is checked, so the checks read one moment. At the end the workers run
 * until idle, and the exports must equal an uninterrupted single-process ingest's: none lost, doubled or changed.
 */
async function workerTrial(setup: EngineSetup, corpora: Map<string, Corpus>, trial: number, trialSeed: number): Promise<number> {
  const random = new SeededRandom(trialSeed);
  const corpusName = corpora.has('large') ? 'large' : 'medium';
  const corpus = corpora.get(corpusName) as Corpus;
  const reference = setup.references.get(corpusName) as Reference;
  const entry = tally('postgres', `workers-${corpusName}`);
  entry.trials++;
  const where = `postgres worker trial ${trial} (${TEAM_WORKERS} workers, ${corpusName}, trial seed ${trialSeed})`;
  const location = await setup.fresh(setup.templates.get('base') as string);
  await mustRun(location, ['ingest', '--queue', '--lease', String(TEAM_LEASE_SECONDS), corpus.file], `${where}: ingest --queue`);
  const expectations = {
    settled: reference.ids,
    batches: [],
    analysedBefore: setup.baseIds,
    analysisVersion: ANALYSIS_VERSION,
    analysisBatch: ANALYSIS_BATCH,
    reference: reference.counts,
    team: true,
  };
  const workers = Array.from({ length: TEAM_WORKERS }, () => startWorker(location));
  const wanted = random.int(2, 6);
  const landed: string[] = [];
  let kills = 0;
  for (let attempt = 0; attempt < wanted; attempt++) {
    const alive = workers.filter((w) => !w.done);
    if (alive.length === 0) break;
    await Promise.all(alive.map((w) => w.ready));
    // The kill window: the single-process run's length shared among the workers.
    const delay = Math.round(random.next() * (reference.windowMs / TEAM_WORKERS) * 0.8);
    await sleep(delay);
    const victim = random.pick(workers.filter((w) => !w.done));
    if (!victim) break;
    victim.child.kill('SIGKILL');
    await victim.ended;
    if (victim.child.signalCode !== 'SIGKILL') {
      landed.push(`worker finished before the kill at ${seconds(delay)}`);
      continue;
    }
    kills++;
    entry.kills++;
    const others = workers.filter((w) => !w.done);
    for (const w of others) w.child.kill('SIGSTOP');
    try {
      const { problems, state } = await withProbe(location, (probe) => checkStore(probe, expectations));
      const [units] = await withProbe(location, (probe) =>
        probe.all('select count(*) filter (where resolved_at is not null) as resolved, count(*) as units from team_units'),
      );
      const phase = `${state.analysed >= reference.counts.size ? 'all analysed' : 'analysing'}, ${String(units?.resolved)} of ${String(units?.units)} units resolved`;
      entry.phases.set(phase, (entry.phases.get(phase) ?? 0) + 1);
      landed.push(`killed ${seconds(delay)} in: ${phase}`);
      recordProblems(entry, problems, `${where}, after kill ${kills}`);
    } finally {
      for (const w of others) w.child.kill('SIGCONT');
    }
    workers.splice(workers.indexOf(victim), 1, startWorker(location));
  }
  const codes = await Promise.all(workers.map((w) => w.ended));
  for (const [i, code] of codes.entries())
    if (code !== 0) {
      entry.rerunFailed++;
      failures.push(`${where}: a worker exited ${code}\n${indent(workers[i]?.stderr ?? '')}`);
    }
  // Workers stop when idle; a job whose lease ran out as the last one stopped is left for the next worker, as in a team.
  const last = startWorker(location);
  if ((await last.ended) !== 0) {
    entry.rerunFailed++;
    failures.push(`${where}: the last worker exited with an error\n${indent(last.stderr)}`);
  }
  const { problems } = await withProbe(location, (probe) => checkStore(probe, expectations));
  recordProblems(entry, problems, `${where}, at the end`);
  const [queue] = await withProbe(location, (probe) =>
    probe.all(
      "select count(*) filter (where state in ('created', 'retry', 'active', 'failed')) as open, count(*) filter (where retry_count > 0) as retried from pgboss.job where name = 'sitrep_analysis'",
    ),
  );
  if (Number(queue?.open) !== 0) {
    entry.rerunFailed++;
    failures.push(`${where}: ${String(queue?.open)} jobs still pending, running or parked at the end`);
  }
  const differences = compareExports(reference.exports, await exportAll(location));
  recordDifferences(entry, differences, where);
  const failed = problems.length + differences.length + Number(Number(queue?.open) !== 0);
  log(`${where}: ${landed.join('; ')}; ${String(queue?.retried)} jobs retried → ${failed === 0 ? 'ok' : `${failed} problems`}`);
  await setup.discard(location);
  return kills;
}

/** Two ingests of two batches started together on one SQLite file: both must finish and both batches be there. */
async function raceTrial(setup: EngineSetup, corpora: Map<string, Corpus>, trial: number, trialSeed: number): Promise<void> {
  const random = new SeededRandom(trialSeed);
  const entry = tally('sqlite', 'race-two-ingests');
  entry.trials++;
  const where = `sqlite race ${trial} (trial seed ${trialSeed})`;
  const reference = setup.references.get('race') as Reference;
  const location = await setup.fresh(setup.templates.get('base') as string);
  const stagger = random.int(0, 1500);
  const [a, b] = await Promise.all([
    runJob(watcher as StoreWatcher, location, ['ingest', (corpora.get('race-a') as Corpus).file]),
    new Promise((done) => setTimeout(done, stagger)).then(() =>
      runJob(watcher as StoreWatcher, location, ['ingest', (corpora.get('race-b') as Corpus).file]),
    ),
  ]);
  const outcomes: string[] = [];
  for (const [name, end] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if (end.code === 0) {
      outcomes.push(`${name} finished in ${seconds(end.endedAfterMs)}${/wait/i.test(end.stderr) ? ' (waited)' : ''}`);
      continue;
    }
    entry.rerunFailed++;
    outcomes.push(`${name} exited ${end.code ?? end.signal}`);
    failures.push(`${where}: ingest ${name} exited ${end.code ?? end.signal}\n${indent(end.stderr)}`);
  }
  const { problems } = await withProbe(location, (probe) =>
    checkStore(probe, {
      settled: reference.ids,
      batches: [],
      analysedBefore: setup.baseIds,
      analysisVersion: ANALYSIS_VERSION,
      analysisBatch: ANALYSIS_BATCH,
      reference: reference.counts,
    }),
  );
  recordProblems(entry, problems, where);
  // The two batches may land in either order: the records must be the same, their order may not.
  const differences = compareExports(reference.exports, await exportAll(location), false);
  recordDifferences(entry, differences, where);
  const failed = problems.length + differences.length + [a, b].filter((end) => end.code !== 0).length;
  log(`${where}: b started ${seconds(stagger)} after a; ${outcomes.join(', ')} → ${failed === 0 ? 'ok' : `${failed} problems`}`);
  await setup.discard(location);
}

/**
 * A kill's delay after the store opens: a third of them in the first 400 ms, where the ingest transaction runs and
 * commits (it takes a fraction of a second, and uniform draws over the whole job would seldom hit it), the rest anywhere
 * in the job, and a little past its expected end.
 */
function killDelay(random: SeededRandom, windowMs: number): number {
  return random.chance(1 / 3) ? random.next() * Math.min(400, windowMs) : random.next() * windowMs * 1.1;
}

function pickScenario(random: SeededRandom): Scenario {
  const total = SCENARIOS.reduce((n, s) => n + s.weight, 0);
  let draw = random.next() * total;
  for (const scenario of SCENARIOS) {
    draw -= scenario.weight;
    if (draw < 0) return scenario;
  }
  return SCENARIOS[SCENARIOS.length - 1] as Scenario;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .slice(-12)
    .map((line) => `      ${line}`)
    .join('\n');
}

function summary(): string {
  const header = [
    'engine / scenario',
    'trials',
    'kills',
    'integrity',
    'orphans',
    'dups',
    'half batch',
    'half analysis',
    'job failed',
    'read failed',
    'lost',
    'duplicated',
    'export diffs',
  ];
  const rows: string[][] = [];
  const totals = new Map<string, number[]>();
  for (const [key, t] of tallies) {
    const figures = [
      t.trials,
      t.kills,
      t.integrity,
      t.orphan,
      t.duplicate,
      t.halfBatch,
      t.halfAnalysis,
      t.rerunFailed,
      t.readFailed,
      t.lost,
      t.duplicated,
      t.exportDiffs,
    ];
    rows.push([key, ...figures.map(String)]);
    const engine = key.split(' ')[0] as string;
    const sum = totals.get(engine) ?? figures.map(() => 0);
    totals.set(
      engine,
      sum.map((n, i) => n + (figures[i] as number)),
    );
  }
  for (const [engine, sum] of totals) rows.push([`${engine} total`, ...sum.map(String)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const phases = [...tallies].flatMap(([key, t]) => [...t.phases].map(([phase, n]) => `  ${key}: ${n} × ${phase}`));
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', 'Where the kills landed:', ...phases].join('\n');
}

/**
 * Whether the two engines' uninterrupted runs wrote the same records: not a crash-safety promise, so a note rather
 * than a failure, but a difference here is one a user moving a store from SQLite to PostgreSQL would meet.
 */
function engineAgreement(setups: readonly EngineSetup[]): string {
  const [sqlite, postgres] = [setups.find((s) => s.engine === 'sqlite'), setups.find((s) => s.engine === 'postgres')];
  if (!sqlite || !postgres) return 'Engines compared: no (one engine ran).';
  const lines: string[] = [];
  for (const [name, reference] of postgres.references) {
    const other = sqlite.references.get(name);
    if (!other) continue;
    const differences = compareExports(other.exports, reference.exports);
    lines.push(
      differences.length === 0
        ? `  ${name}: the same records in the same order`
        : `  ${name}: ${differences.map((d) => `${d.kind} ${d.reference} on SQLite, ${d.trial} on PostgreSQL (${d.lost} only on SQLite, ${d.added} only on PostgreSQL${d.orderOnly ? ', order only' : ''})\n${d.samples.map((x) => `      ${x}`).join('\n')}`).join('\n    ')}`,
    );
  }
  return `Uninterrupted runs, SQLite against PostgreSQL (a note, not a crash-safety failure):\n${lines.join('\n')}\n`;
}

let cleaning: Promise<void> | null = null;

/** Drops the scratch databases and folders, once, whether the run ended or was interrupted. */
function cleanUp(): Promise<void> {
  cleaning ??= dropScratch();
  return cleaning;
}

async function dropScratch(): Promise<void> {
  await watcher?.close();
  if (admin) {
    if (!options.keep)
      for (const name of pgDatabases)
        await admin
          .query(`drop database if exists ${name} with (force)`)
          .catch((error: Error) => log(`could not drop ${name}: ${error.message}`));
    await admin.end();
  }
  if (!options.keep) rmSync(work, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const engines: Engine[] = options.engine === 'both' ? ['sqlite', 'postgres'] : [options.engine as Engine];
  const pgProblem = engines.includes('postgres') ? await postgresProblem() : null;
  if (pgProblem) {
    if (options.engine === 'postgres') throw new Error(`no PostgreSQL answers at ${ADMIN_URL}: ${pgProblem}`);
    log(`PostgreSQL skipped: nothing answers at ${ADMIN_URL} (${pgProblem})`);
    engines.splice(engines.indexOf('postgres'), 1);
  }
  if (engines.includes('postgres')) admin = new pg.Pool({ connectionString: ADMIN_URL, max: 2 });
  watcher = new StoreWatcher(engines.includes('postgres') ? ADMIN_URL : null);
  log(`sitrep torture: seed ${seed} (replay with --seed ${seed}); command: ${SITREP.join(' ')}`);
  log(
    `targets: ${engines.map((e) => `${targets[e]} kills on ${e}`).join(', ')}${engines.includes('postgres') ? `, ${targets.workers} worker kills` : ''}${engines.includes('sqlite') ? `, ${targets.races} racing-ingest trials` : ''}; scratch: ${work}`,
  );
  const corpora = writeCorpora();
  log(`corpora: ${[...corpora.values()].map((c) => `${c.name} ${c.count}`).join(', ')} reports`);

  const setups = runSetups;
  for (const engine of engines) {
    const setup = await setUpEngine(engine, corpora);
    setups.push(setup);
    if (options.replay !== undefined) {
      await killTrial(setup, corpora, 1, count(options.replay, 0, 'replay'));
      continue;
    }
    let kills = 0;
    for (let trial = 1; kills < targets[engine] && trial <= targets[engine] * 3 && !pastBudget(); trial++)
      kills += await killTrial(setup, corpora, trial, master.fork());
    let workerKills = 0;
    if (engine === 'postgres')
      for (let trial = 1; workerKills < targets.workers && trial <= targets.workers * 3 && !pastBudget(); trial++)
        workerKills += await workerTrial(setup, corpora, trial, master.fork());
    if (engine === 'sqlite')
      for (let race = 1; race <= targets.races && !pastBudget(); race++) await raceTrial(setup, corpora, race, master.fork());
  }
  return report(setups);
}

/** Whether the `--minutes` budget is spent: no new trial starts, and the summary says the targets were cut short. */
function pastBudget(): boolean {
  return budgetMs !== null && performance.now() - runStarted > budgetMs;
}

/** Prints the summary table and every failure; the exit code. */
function report(setups: readonly EngineSetup[]): number {
  log(`\n${summary()}\n`);
  log(engineAgreement(setups));
  if (pastBudget()) log(`The ${options.minutes}-minute budget ran out before every target was met.`);
  if (failures.length > 0) {
    log(`${failures.length} failures (seed ${seed}):`);
    for (const failure of failures) log(`  ${failure}`);
  } else log('No failures.');
  log(`Took ${seconds(performance.now() - runStarted)}; seed ${seed}.`);
  return failures.length > 0 ? 1 : 0;
}

process.on('SIGINT', () => {
  log('\nInterrupted: the figures so far.');
  report(runSetups);
  void cleanUp().finally(() => process.exit(130));
});
try {
  process.exitCode = await main();
} catch (error) {
  log(`torture: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 2;
} finally {
  await cleanUp();
}
