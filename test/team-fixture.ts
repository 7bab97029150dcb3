/** @module What the team-mode tests share: the CLI in this process, workers in this process, export comparison. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.ts';
import { runWorker, type WorkerSummary } from '../src/pipeline/run-worker.ts';
import { WorkQueue } from '../src/store/postgres/work-queue.ts';
import type { Store } from '../src/store/store.ts';
import type { Lexicons } from '../src/understand/understand.ts';
import { PROJECT_DIR } from './fixtures.ts';
import { compareExports, type Exports } from './torture/compare-exports.ts';

export const SAMPLES = join(PROJECT_DIR, 'samples/reports');
/** Small units and jobs, so a small corpus makes many of each and workers finish them out of order. */
export const SMALL = { unitSize: 5, jobSize: 2 } as const;

/** Runs the CLI in this process, capturing what it writes. */
export async function cli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((err += chunk), true) } as unknown as NodeJS.WritableStream,
    stdin: process.stdin,
  });
  return { code, out, err };
}

/** Every export equal, record for record and in order. */
export function assertSameExports(reference: Exports, trial: Exports, what: string): void {
  const differences = compareExports(reference, trial);
  assert.deepEqual(
    differences.map(
      (d) =>
        `${d.kind}: ${d.lost} lost, ${d.added} added, ${d.duplicated} duplicated${d.orderOnly ? ', order only' : ''}\n${d.samples.join('\n')}`,
    ),
    [],
    `${what}: exports differ from one process's`,
  );
}

/**
 * `count` workers in this process, each with its own connections (as separate processes have), working one queue
 * until it is idle. Their jobs interleave wherever one awaits the database.
 */
export async function runWorkers(
  reopen: (store: Store) => Promise<Store>,
  store: Store,
  count: number,
  lexicons: Lexicons,
): Promise<WorkerSummary[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const own = await reopen(store);
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
