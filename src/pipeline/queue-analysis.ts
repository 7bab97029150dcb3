/**
 * @module Team mode's enqueue: every stored document not yet analysed is put in resolution units (runs of documents in
 * store order) and queued as analysis jobs, in one transaction with the units, so a job exists exactly when its unit
 * does. Ingest (`sitrep ingest --queue`) stores and calls this; a starting worker calls it too, for any document an
 * interrupted enqueue left behind.
 */
import type { Store } from '../store/store.ts';
import { type AnalysisJob, DEFAULT_LEASE_SECONDS, type WorkQueue } from '../store/postgres/work-queue.ts';
import { ANALYSIS_VERSION, ANALYSIS_BATCH } from './analyse.ts';

/**
 * Documents per analysis job: small enough to spread a unit over many workers (5 jobs a unit) and to lose little to a
 * killed worker (under a second of work on this project's machine), large enough that a job's fixed costs (taking it,
 * beginning and committing its transaction) stay a small share of its analysis: with jobs of 50, once analysis took
 * about 0.4 s a job, they alone came near the 5% of it the queue may cost (the bench's `workers` section).
 */
export const JOB_SIZE = 100;

export interface QueueAnalysisOptions {
  /**
   * Documents per resolution unit (default: `sitrep analyse`'s batch, so a store built by workers holds what one
   * `sitrep ingest` process would have built).
   */
  readonly unitSize?: number;
  /** Documents per analysis job (default 100). */
  readonly jobSize?: number;
  /** Seconds a job may run before it is taken to have lost its worker and is handed out again (default 300). */
  readonly leaseSeconds?: number;
}

export interface QueueSummary {
  readonly documents: number;
  readonly units: number;
  readonly jobs: number;
}

/** Team mode needs the team's database: the queue lives in it. */
export function requireTeamStore(store: Store, what: string): void {
  if (store.engine !== 'postgres')
    throw new Error(
      `${what} needs a PostgreSQL store (--db postgres://…): the queue and its workers share the team's database. ${store.location} is a SQLite file: use \`sitrep ingest\`, which analyses as it stores.`,
    );
}

/** Queues every stored document whose analysis is out of date and that is not queued yet. */
export async function queueAnalysis(store: Store, queue: WorkQueue, options: QueueAnalysisOptions = {}): Promise<QueueSummary> {
  requireTeamStore(store, 'Queueing analysis');
  const unitSize = options.unitSize ?? ANALYSIS_BATCH;
  const jobSize = options.jobSize ?? JOB_SIZE;
  await store.team.prepare();
  return store.transaction(async (tx) => {
    // Units are numbered in the order they commit, and resolved in that order: one enqueue at a time, as ingests are.
    await tx.lock('ingest');
    const units = await tx.team.queuePending(ANALYSIS_VERSION, unitSize);
    const jobs: AnalysisJob[] = [];
    for (const { unit, documentIds } of units)
      for (let at = 0; at < documentIds.length; at += jobSize) jobs.push({ unit, documents: documentIds.slice(at, at + jobSize) });
    await queue.send(jobs, tx.team.sqlExecutor(), options.leaseSeconds ?? DEFAULT_LEASE_SECONDS);
    return { documents: units.reduce((n, u) => n + u.documentIds.length, 0), units: units.length, jobs: jobs.length };
  });
}
