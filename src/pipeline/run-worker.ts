/**
 * @module Team mode's worker (`sitrep worker`): takes analysis jobs from the queue, analyses their documents
 * in-process, keeps what it found for the documents' resolution unit, then resolves every unit that is ready. Run one
 * per core, on as many machines as the database serves; kill any of them at any time: a job is one transaction, and a
 * job whose worker died is handed out again when its lease runs out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../store/store.ts';
import type { AnalysisJob, QueueCounts, WorkQueue } from '../store/postgres/work-queue.ts';
import { type Lexicons, loadLexicons } from '../understand/understand.ts';
import { ANALYSIS_VERSION } from './analyse.ts';
import { analyseDocument } from './analyse-document.ts';
import { queueAnalysis, requireTeamStore } from './queue-analysis.ts';
import { resolveUnits } from './resolve-units.ts';

/** How often an idle worker looks for units to resolve and jobs whose lease ran out. */
const TICK_MS = 1000;

/** What one job did, and where its time went (milliseconds). */
export interface JobResult {
  readonly id: string;
  readonly unit: number;
  /** Documents this try analysed (fewer than the job's when an earlier try had already saved some). */
  readonly analysed: number;
  /** Units this try resolved after its analysis. */
  readonly resolvedUnits: number;
  /**
   * Team mode's bookkeeping, which one `sitrep analyse` process does not do: keeping what was found for the unit and
   * counting it analysed, the job's commit, and, when the job resolves units, looking for a ready one, reading back
   * what was kept for it and dropping it.
   */
  readonly queueMs: number;
  /** Reading the documents' text (those still to analyse). */
  readonly readMs: number;
  /** The per-document stages. */
  readonly analysisMs: number;
  /** Saving the mentions, as a single `sitrep analyse` process does. */
  readonly saveMs: number;
  /** Resolving the units that became ready: resolution proper, as one process does it (its bookkeeping is in `queueMs`). */
  readonly resolveMs: number;
  /** Wall-clock start and end (ms since the epoch), to see the gaps between one worker's jobs. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export interface RunWorkerOptions {
  /** Stop once no job is pending or running (and every unit that can be is resolved); default: run until stopped. */
  readonly untilIdle?: boolean;
  /** Lexicons (loaded when not given). */
  readonly lexicons?: Lexicons;
  readonly onJob?: (result: JobResult) => void;
  /** Aborting stops the worker: it takes no new job and returns when the job in hand has ended. */
  readonly signal?: AbortSignal;
}

/** How a worker's run ended. */
export interface WorkerSummary {
  readonly jobs: number;
  readonly documents: number;
  readonly resolvedUnits: number;
  /** The queue when the worker stopped. */
  readonly queue: QueueCounts;
  /** Units still unresolved when it stopped (waiting for a parked job, or for other workers). */
  readonly unresolvedUnits: number;
}

/** Works the queue until stopped (or, with `untilIdle`, until there is nothing left to do). */
export async function runWorker(store: Store, queue: WorkQueue, options: RunWorkerOptions = {}): Promise<WorkerSummary> {
  requireTeamStore(store, 'A worker');
  const lexicons = options.lexicons ?? loadLexicons();
  // Documents an interrupted `ingest --queue` stored but never queued.
  await queueAnalysis(store, queue);
  let jobs = 0;
  let documents = 0;
  let resolvedUnits = 0;
  await queue.work(async (job, id) => {
    const result = await analyseJob(store, lexicons, job, id);
    jobs++;
    documents += result.analysed;
    resolvedUnits += result.resolvedUnits;
    options.onJob?.(result);
  });
  const aborted = new Promise((done) => options.signal?.addEventListener('abort', done, { once: true }));
  try {
    while (!options.signal?.aborted) {
      await Promise.race([sleep(TICK_MS), aborted]);
      // A unit a dead worker's resolution left, or one another process left while it held the lock.
      resolvedUnits += (await resolveUnits(store)).units;
      await queue.expireLeases();
      if (options.untilIdle && (await isIdle(store, queue))) break;
    }
  } finally {
    await queue.stopWork();
  }
  const progress = await store.team.progress();
  return { jobs, documents, resolvedUnits, queue: await queue.counts(), unresolvedUnits: progress.units - progress.resolvedUnits };
}

/** No job pending or running, and no unit ready to resolve. */
async function isIdle(store: Store, queue: WorkQueue): Promise<boolean> {
  const counts = await queue.counts();
  if (counts.pending + counts.running > 0) return false;
  const next = await store.team.nextUnit();
  return next === null || next.analysed < next.documents;
}

/**
 * One job: analyses its documents that no earlier try saved, saves their mentions and keeps their claims and events
 * for their unit in one transaction, then, if that completed a unit, resolves the units that are ready. Safe to run
 * twice at once (a lease that ran out while the first still worked): each document is saved by one of them.
 */
export async function analyseJob(store: Store, lexicons: Lexicons, job: AnalysisJob, id = '?'): Promise<JobResult> {
  const startedAt = Date.now();
  const clock = stopwatch();
  let queueMs = 0;
  let readMs = 0;
  let analysisMs = 0;
  let saveMs = 0;
  // One transaction, as `sitrep analyse` holds one a batch: the documents are read and locked, analysed and saved.
  const kept = await store.transaction(async (tx) => {
    // Beginning it: one process begins one a batch, a worker one a job as well.
    queueMs += clock();
    // Finding what is left is one join on the documents read anyway, so it is counted as reading them.
    const { documents, missing } = await tx.team.takeUnanalysed(job.documents);
    readMs = clock();
    if (missing.length > 0)
      throw new Error(`job ${id} (unit ${job.unit}) names documents that are not stored in ${store.location}: ${missing.join(', ')}`);
    const found = documents.map((document) => analyseDocument(document, lexicons));
    analysisMs = clock();
    await tx.mentions.save(found, ANALYSIS_VERSION);
    saveMs = clock();
    // Last, as the count it makes locks the unit's row (which every job of the unit updates) until the commit.
    return tx.team.keep(found.map((r) => ({ documentId: r.documentId, claims: r.claims, events: r.events })));
  });
  // Keeping the analyses, and the commit.
  queueMs += clock();
  let resolvedUnits = 0;
  let resolveMs = 0;
  // Only a job that completed a unit can have made one ready: a unit left by a worker that died, or by one that found
  // the lock taken, is resolved by the lock's holder or by a worker's next tick.
  if (kept.completedUnits.length > 0) {
    const resolved = await resolveUnits(store);
    resolvedUnits = resolved.units;
    resolveMs = resolved.resolutionMs;
    queueMs += resolved.bookkeepingMs;
  }
  return {
    id,
    unit: job.unit,
    analysed: kept.documentIds.length,
    resolvedUnits,
    queueMs,
    readMs,
    analysisMs,
    saveMs,
    resolveMs,
    startedAt,
    endedAt: Date.now(),
  };
}

/** Milliseconds since the last call (or since it was made). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}
