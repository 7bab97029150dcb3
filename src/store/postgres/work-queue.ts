/**
 * @module Team mode's job queue, kept in the team's PostgreSQL database by pg-boss: analysis jobs with a lease (a job
 * whose worker dies is handed out again once its lease runs out), three tries, then parked with its error until
 * `sitrep retry`. pg-boss takes jobs with `FOR UPDATE SKIP LOCKED`, so any number of workers on any number of
 * machines share one queue.
 */
import PgBoss from 'pg-boss';

/** The queue of analysis jobs. */
export const ANALYSIS_QUEUE = 'sitrep_analysis';
/** Tries before a job is parked: the first and two retries. */
export const JOB_TRIES = 3;
/** Default lease: a job not finished this long after it started is taken to have lost its worker. */
export const DEFAULT_LEASE_SECONDS = 300;

/** One analysis job: some documents of one resolution unit. */
export interface AnalysisJob {
  readonly unit: number;
  readonly documents: readonly string[];
}

/** Jobs by state; `retried` counts jobs tried more than once, whatever their state now. */
export interface QueueCounts {
  readonly pending: number;
  readonly running: number;
  readonly done: number;
  readonly parked: number;
  readonly retried: number;
}

/** A job that failed every try, with the last error. */
export interface ParkedJob {
  readonly id: string;
  readonly unit: number;
  readonly documents: number;
  readonly tries: number;
  readonly error: string;
  readonly failedAt: string | null;
}

export interface WorkQueueOptions {
  /** Run pg-boss's upkeep here: expire the jobs of dead workers (so they are retried), archive old ones. */
  readonly supervise?: boolean;
  /** How often the upkeep runs, across all workers (default 10 s). */
  readonly maintenanceSeconds?: number;
  /** How long an idle worker waits before asking for work again (default 0.5 s). */
  readonly pollSeconds?: number;
  /** Told of errors pg-boss meets in the background (a lost connection, a failed poll). */
  readonly onError?: (error: Error) => void;
}

/** Something that runs SQL for pg-boss: a transaction's connection, so jobs are queued with what they name. */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The analysis queue of one PostgreSQL store. */
export class WorkQueue {
  readonly #boss: PgBoss;
  /** The job this process is working on, if any. */
  #inHand: Promise<void> | null = null;

  private constructor(boss: PgBoss) {
    this.#boss = boss;
  }

  /** Connects to the queue at `url` (installing pg-boss's schema and the queue when missing). */
  static async open(url: string, options: WorkQueueOptions = {}): Promise<WorkQueue> {
    const boss = new PgBoss({
      connectionString: url,
      max: 3,
      application_name: 'sitrep-queue',
      schedule: false,
      supervise: options.supervise ?? false,
      maintenanceIntervalSeconds: options.maintenanceSeconds ?? 10,
      pollingIntervalSeconds: options.pollSeconds ?? 0.5,
      // A parked job stays visible, with its error, until someone retries it.
      archiveFailedAfterSeconds: 30 * 86_400,
    });
    // An EventEmitter with no 'error' listener would end the process on the first lost connection.
    boss.on('error', (error) => options.onError?.(error));
    await boss.start();
    if (!(await boss.getQueue(ANALYSIS_QUEUE))) {
      try {
        await boss.createQueue(ANALYSIS_QUEUE, { name: ANALYSIS_QUEUE, policy: 'standard', retryLimit: JOB_TRIES - 1, retryDelay: 0 });
      } catch (error) {
        // Another process created it meanwhile.
        if (!(await boss.getQueue(ANALYSIS_QUEUE))) throw error;
      }
    }
    return new WorkQueue(boss);
  }

  /** Queues jobs through `db` (a store transaction's connection), so they exist exactly when what they name does. */
  async send(jobs: readonly AnalysisJob[], db: SqlExecutor, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<void> {
    if (jobs.length === 0) return;
    await this.#boss.insert(
      jobs.map((data) => ({
        name: ANALYSIS_QUEUE,
        data: { unit: data.unit, documents: [...data.documents] },
        // Earlier units first: units are resolved in order, so a unit finished early would only wait. (Jobs queued
        // together share a creation time, and pg-boss would otherwise hand them out in the order of their random ids.)
        priority: -data.unit,
        retryLimit: JOB_TRIES - 1,
        retryDelay: 0,
        expireInSeconds: leaseSeconds,
      })),
      { db: db as PgBoss.Db },
    );
  }

  /** Runs `handler` on each job this process takes, one at a time; a throw fails the try. */
  async work(handler: (job: AnalysisJob, id: string) => Promise<void>): Promise<void> {
    let workerId: string | null = null;
    workerId = await this.#boss.work<AnalysisJob>(ANALYSIS_QUEUE, { batchSize: 1 }, async (jobs) => {
      const run = (async () => {
        for (const job of jobs) await handler(readJob(job.data, job.id), job.id);
      })();
      this.#inHand = run.catch(() => undefined);
      try {
        await run;
      } finally {
        this.#inHand = null;
        // Ask for the next job at once: the polling pause is for an empty queue, not between jobs.
        if (workerId !== null) this.#boss.notifyWorker(workerId);
      }
    });
  }

  /** Stops taking jobs and waits for the one in hand to end. */
  async stopWork(): Promise<void> {
    await this.#boss.offWork(ANALYSIS_QUEUE);
    await this.#inHand;
  }

  /** Fails the jobs whose lease has run out now, rather than at the next upkeep (they are retried if tries remain). */
  async expireLeases(): Promise<void> {
    await this.#boss.expire();
  }

  async counts(): Promise<QueueCounts> {
    const { rows } = await this.#sql<{ state: string; jobs: number; retried: number }>(
      `select state::text as state, count(*)::int as jobs, count(*) filter (where retry_count > 0 or state = 'retry')::int as retried
       from pgboss.job where name = $1 group by state
       union all
       select 'archived' as state, count(*)::int, count(*) filter (where retry_count > 0)::int
       from pgboss.archive where name = $1`,
      [ANALYSIS_QUEUE],
    );
    const of = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((n, r) => n + r.jobs, 0);
    return {
      pending: of('created', 'retry'),
      running: of('active'),
      done: of('completed', 'archived'),
      parked: of('failed'),
      retried: rows.reduce((n, r) => n + r.retried, 0),
    };
  }

  /** Jobs that failed every try, oldest first. */
  async parked(): Promise<ParkedJob[]> {
    const { rows } = await this.#sql<{ id: string; data: unknown; retry_count: number; output: unknown; completed_on: Date | null }>(
      `select id::text as id, data, retry_count, output, completed_on from pgboss.job
       where name = $1 and state = 'failed' order by created_on, id`,
      [ANALYSIS_QUEUE],
    );
    return rows.map((row) => {
      const job = readJob(row.data, row.id);
      return {
        id: row.id,
        unit: job.unit,
        documents: job.documents.length,
        tries: Number(row.retry_count) + 1,
        error: errorOf(row.output),
        failedAt: row.completed_on ? row.completed_on.toISOString() : null,
      };
    });
  }

  /** Queues parked jobs again (all of them, or those named), each for one more try; resolves to how many. */
  async retry(ids: readonly string[] = []): Promise<number> {
    const wanted = ids.length > 0 ? [...ids] : (await this.parked()).map((job) => job.id);
    if (wanted.length === 0) return 0;
    const result = (await this.#boss.retry(ANALYSIS_QUEUE, wanted)) as unknown as { affected?: number };
    return result.affected ?? 0;
  }

  async close(): Promise<void> {
    await this.#boss.stop({ graceful: false, wait: true, close: true });
  }

  async #sql<T>(text: string, values: unknown[]): Promise<{ rows: T[] }> {
    return (await this.#boss.getDb().executeSql(text, values)) as { rows: T[] };
  }
}

/** A job's data, checked: a job written by anything else is an error naming it. */
function readJob(data: unknown, id: string): AnalysisJob {
  const job = data as Partial<AnalysisJob> | null;
  if (
    job === null ||
    typeof job !== 'object' ||
    !Number.isInteger(job.unit) ||
    !Array.isArray(job.documents) ||
    !job.documents.every((d) => typeof d === 'string')
  )
    throw new Error(`job ${id} in ${ANALYSIS_QUEUE} is not an analysis job ({unit, documents}): ${JSON.stringify(data).slice(0, 200)}`);
  return { unit: job.unit as number, documents: job.documents };
}

/** The message pg-boss kept for a failed job: a thrown error's, or a timeout's. */
function errorOf(output: unknown): string {
  const record = output as { message?: unknown; value?: { message?: unknown } } | null;
  if (record && typeof record.message === 'string') return record.message;
  if (record?.value && typeof record.value.message === 'string') return record.value.message;
  return output === null || output === undefined ? 'no error recorded' : JSON.stringify(output).slice(0, 500);
}
