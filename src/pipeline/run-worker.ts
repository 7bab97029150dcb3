/**
 * @module Team mode's worker (`sitrep worker`): takes analysis jobs from the queue, analyses their documents
 * in-process, keeps what it found for the documents' resolution unit, then resolves every unit that is ready. Run one
 * per core, on as many machines as the database serves; kill any of them at any time: a job is one transaction, and a
 * job whose worker died is handed out again when its lease runs out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Document } from '../model/document.ts';
import type { Store } from '../store/store.ts';
import type { AnalysisJob, QueueCounts, WorkQueue } from '../store/postgres/work-queue.ts';
import { type Lexicons, loadLexicons } from '../understand/understand.ts';
import { ANALYSIS_VERSION } from './analyse.ts';
import { analyseDocument } from './analyse-document.ts';
import { queueAnalysis, requireTeamStore } from './queue-analysis.ts';
import { resolveUnits } from './resolve-units.ts';

/** How often an idle worker looks for units to resolve and jobs whose lease ran out. */
const TICK_MS = 1000;

/** What one job did. */
export interface JobResult {
  readonly id: string;
  readonly unit: number;
  /** Documents this try analysed (fewer than the job's when an earlier try had already saved some). */
  readonly analysed: number;
  /** Units this try resolved after its analysis. */
  readonly resolvedUnits: number;
  /** Milliseconds spent analysing (the per-document stages only). */
  readonly analysisMs: number;
  /** Milliseconds from taking the job to finishing it, resolution included. */
  readonly totalMs: number;
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
      resolvedUnits += await resolveUnits(store);
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
  const next = (await store.team.progress()).next;
  return next === null || next.analysed < next.documents;
}

/**
 * One job: analyses its documents that no earlier try saved, saves their mentions and keeps their claims and events
 * for their unit in one transaction, then resolves the units that are ready. Safe to run twice at once (a lease that
 * ran out while the first still worked): each document is saved by one of them.
 */
export async function analyseJob(store: Store, lexicons: Lexicons, job: AnalysisJob, id = '?'): Promise<JobResult> {
  const started = performance.now();
  const { todo, documents } = await store.transaction(async (tx) => {
    const todo = await tx.team.takeUnanalysed(job.documents);
    return { todo, documents: await tx.documents.byIds(todo) };
  });
  const missing = todo.filter((documentId) => !documents.has(documentId));
  if (missing.length > 0)
    throw new Error(`job ${id} (unit ${job.unit}) names documents that are not stored in ${store.location}: ${missing.join(', ')}`);
  const analysisStarted = performance.now();
  const found = todo.map((documentId) => analyseDocument(documents.get(documentId) as Document, lexicons));
  const analysisMs = performance.now() - analysisStarted;
  const analysed = await store.transaction(async (tx) => {
    const mine = new Set(await tx.team.takeUnanalysed(todo));
    const results = found.filter((r) => mine.has(r.documentId));
    await tx.mentions.save(results, ANALYSIS_VERSION);
    await tx.team.stage(results.map((r) => ({ documentId: r.documentId, claims: r.claims, events: r.events })));
    return results.length;
  });
  const resolvedUnits = await resolveUnits(store);
  return { id, unit: job.unit, analysed, resolvedUnits, analysisMs, totalMs: performance.now() - started };
}
