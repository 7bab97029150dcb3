/**
 * @module Team mode's commands: `worker` (analyse and resolve queued documents until stopped), `status` (the queue
 * and resolution's progress), `retry` (queue parked jobs again), and the queueing half of `ingest --queue`. All need a
 * PostgreSQL store: the queue lives in the team's database.
 */
import type { Command } from 'commander';
import type { QueueSummary } from '../pipeline/queue-analysis.ts';
import { DEFAULT_STORE } from '../store/open-store.ts';
import type { WorkQueue } from '../store/postgres/work-queue.ts';
import type { Store } from '../store/store.ts';
import type { CommandContext } from './command-context.ts';

/** The store the command line names, as given: the queue connects with its password, which `store.location` drops. */
export function storeUrl(command: Command): string {
  return (command.optsWithGlobals() as { db?: string }).db ?? (process.env.SITREP_DB || DEFAULT_STORE);
}

/** Stops a team command on a SQLite store before anything is opened or created: a usage error naming the store. */
export function requirePostgresUrl(command: Command, what: string): string {
  const url = storeUrl(command);
  if (!/^postgres(ql)?:\/\//.test(url))
    command.error(
      `error: ${what} needs a PostgreSQL store (--db postgres://…): the queue and its workers share the team's database, and ${url} is a SQLite file. Use \`sitrep ingest\` without --queue: it analyses as it stores.`,
      { exitCode: 2, code: 'sitrep.team-needs-postgres' },
    );
  return url;
}

async function openQueue(url: string, context: CommandContext, supervise = false): Promise<WorkQueue> {
  const { WorkQueue } = await import('../store/postgres/work-queue.ts');
  return WorkQueue.open(url, { supervise, onError: (error) => context.err(`sitrep: queue: ${error.message}\n`) });
}

/** `ingest --queue`'s second half: queue what the ingest stored, for the workers. */
export async function queueIngested(store: Store, url: string, context: CommandContext, leaseSeconds?: number): Promise<QueueSummary> {
  const { queueAnalysis } = await import('../pipeline/queue-analysis.ts');
  const queue = await openQueue(url, context);
  try {
    return await queueAnalysis(store, queue, leaseSeconds === undefined ? {} : { leaseSeconds });
  } finally {
    await queue.close();
  }
}

export function formatQueued(summary: QueueSummary): string {
  if (summary.documents === 0) return 'Queue: nothing new to analyse.';
  return `Queued ${summary.documents} document${summary.documents === 1 ? '' : 's'} for analysis: ${summary.jobs} job${summary.jobs === 1 ? '' : 's'} in ${summary.units} resolution unit${summary.units === 1 ? '' : 's'}. Start workers with \`sitrep worker --db …\`.`;
}

/** Adds `worker`, `status` and `retry` to the CLI. */
export function registerTeamCommands(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('Analyse and resolve queued documents (from `ingest --queue`) until stopped; run one per core, on any number of machines.')
    .option('--until-idle', 'stop once no job is pending or running')
    .option('--quiet', 'no line per job')
    .option('--json', 'write each job as a JSON line to stdout, with where its time went')
    .action(async (options: { untilIdle?: boolean; quiet?: boolean; json?: boolean }, command: Command) => {
      const url = requirePostgresUrl(command, 'sitrep worker');
      const store = await context.openStore(command, 'write');
      const queue = await openQueue(url, context, true);
      const stop = new AbortController();
      const onSignal = () => {
        context.err('Stopping after the job in hand…\n');
        stop.abort();
      };
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
      try {
        const { runWorker } = await import('../pipeline/run-worker.ts');
        const { loadLexicons } = await import('../understand/understand.ts');
        // Loaded before saying it waits, so a job taken from here on is worked at once.
        const lexicons = loadLexicons();
        context.err(`Worker ${process.pid} on ${store.location}${options.untilIdle ? ' (until idle)' : ''}: waiting for jobs.\n`);
        const summary = await runWorker(store, queue, {
          untilIdle: options.untilIdle ?? false,
          signal: stop.signal,
          lexicons,
          onJob: (job) => {
            if (options.json) context.out(`${JSON.stringify(job)}\n`);
            if (!options.quiet)
              context.err(
                `job ${job.id} (unit ${job.unit}): ${job.analysed} analysed in ${(job.analysisMs / 1000).toFixed(2)} s${job.resolvedUnits > 0 ? `, ${job.resolvedUnits} unit${job.resolvedUnits === 1 ? '' : 's'} resolved` : ''}\n`,
              );
          },
        });
        context.err(
          `Worker ${process.pid} stopped: ${summary.jobs} jobs, ${summary.documents} documents analysed, ${summary.resolvedUnits} units resolved here. ${formatCounts(summary.queue)}\n`,
        );
        if (summary.queue.parked > 0)
          context.err(
            `${summary.queue.parked} job${summary.queue.parked === 1 ? ' is' : 's are'} parked: see \`sitrep status\`, then \`sitrep retry\`.\n`,
          );
      } finally {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
      }
    });

  program
    .command('status')
    .description(
      'Show the team queue: jobs pending, running, done, parked (with their errors) and retried, and how far resolution has got.',
    )
    .option('--json', 'write the status as JSON to stdout')
    .action(async (options: { json?: boolean }, command: Command) => {
      const url = requirePostgresUrl(command, 'sitrep status');
      const store = await context.openStore(command, 'read');
      const queue = await openQueue(url, context);
      try {
        const [counts, parked, progress] = await Promise.all([queue.counts(), queue.parked(), store.team.progress()]);
        if (options.json) {
          context.out(`${JSON.stringify({ jobs: counts, parked, resolution: progress })}\n`);
          return;
        }
        const lines = [
          `Team queue of ${store.location}`,
          `  jobs: ${formatCounts(counts)}`,
          `  resolution: ${progress.resolvedUnits} of ${progress.units} units resolved (${progress.resolvedDocuments} of ${progress.documents} documents)` +
            (progress.next
              ? `; next: unit ${progress.next.unit}, ${progress.next.analysed} of ${progress.next.documents} documents analysed`
              : ''),
        ];
        if (parked.length > 0) {
          lines.push(
            `  parked (run \`sitrep retry\` once the cause is fixed; later units wait for them, so the answers never depend on when):`,
          );
          for (const job of parked)
            lines.push(
              `    ${job.id}  unit ${job.unit}, ${job.documents} documents, ${job.tries} tries, failed ${job.failedAt ?? '?'}: ${job.error}`,
            );
        }
        context.out(`${lines.join('\n')}\n`);
      } finally {
        await queue.close();
        await store.close();
      }
    });

  program
    .command('retry')
    .description('Queue parked jobs again (all of them, or the ids given), each for one more try.')
    .argument('[ids...]', 'job ids, as `sitrep status` lists them')
    .action(async (ids: string[], _options: unknown, command: Command) => {
      const url = requirePostgresUrl(command, 'sitrep retry');
      const queue = await openQueue(url, context);
      try {
        const requeued = await queue.retry(ids);
        context.err(`Queued ${requeued} parked job${requeued === 1 ? '' : 's'} again.\n`);
      } finally {
        await queue.close();
      }
    });
}

function formatCounts(counts: { pending: number; running: number; done: number; parked: number; retried: number }): string {
  return `${counts.pending} pending, ${counts.running} running, ${counts.done} done, ${counts.parked} failed and parked, ${counts.retried} retried`;
}
