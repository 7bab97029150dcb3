/**
 * @module Runs `sitrep` as a user does, in its own process, and SIGKILLs it a chosen time after it has opened its
 * store (so kills land in the work, not in the seconds of start-up before it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { PROJECT_DIR } from '../fixtures.ts';

/** The command a user runs: the package's bin entry under this Node. */
export const SITREP: readonly string[] = [process.execPath, join(PROJECT_DIR, 'bin/sitrep.js')];
/** A job that takes longer than this has hung, which is a failure of its own. */
const JOB_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 20;

/** How a job ended. */
export interface JobEnd {
  /** Exit code, or null when a signal ended it. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Milliseconds from start to the store being open, or null if it never was seen open. */
  readonly openedAfterMs: number | null;
  /** Milliseconds from start to the end. */
  readonly endedAfterMs: number;
  /** Whether this harness killed it (false: it ended on its own, before the kill was due). */
  readonly killed: boolean;
  readonly stderr: string;
}

/** Sees whether a process has a store open: its file among the process's descriptors, or its session in PostgreSQL. */
export class StoreWatcher {
  readonly #admin: pg.Pool | null;

  constructor(adminUrl: string | null) {
    this.#admin = adminUrl ? new pg.Pool({ connectionString: adminUrl, max: 1 }) : null;
  }

  async isOpen(pid: number, location: string): Promise<boolean> {
    if (/^postgres(ql)?:\/\//.test(location)) {
      if (!this.#admin) throw new Error('a PostgreSQL store needs the admin URL to watch it');
      const database = new URL(location).pathname.slice(1);
      const { rows } = await this.#admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
      return (rows[0] as { n: number }).n > 0;
    }
    const file = resolve(location);
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) return true;
        } catch {
          // The descriptor closed while we looked.
        }
      }
    } catch {
      // The process is gone.
    }
    return false;
  }

  async close(): Promise<void> {
    await this.#admin?.end();
  }
}

/**
 * Runs `sitrep --db <location> <args>`; with `killAfterMs`, SIGKILLs it that long after its store is first seen open
 * (if it is still running). Resolves when the process has ended.
 */
export async function runJob(
  watcher: StoreWatcher,
  location: string,
  args: readonly string[],
  killAfterMs: number | null = null,
): Promise<JobEnd> {
  const started = performance.now();
  const child: ChildProcess = spawn(SITREP[0] as string, [...SITREP.slice(1), '--db', location, ...args], {
    cwd: PROJECT_DIR,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  let ended = false;
  const end = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (code, signal) => {
      ended = true;
      done({ code, signal });
    }),
  );
  const timeout = setTimeout(() => child.kill('SIGKILL'), JOB_TIMEOUT_MS);
  let openedAfterMs: number | null = null;
  let killed = false;
  while (!ended && openedAfterMs === null) {
    if (child.pid !== undefined && (await watcher.isOpen(child.pid, location))) openedAfterMs = performance.now() - started;
    else await Promise.race([sleep(POLL_MS), end]);
  }
  if (killAfterMs !== null && openedAfterMs !== null && !ended) {
    await Promise.race([sleep(killAfterMs), end]);
    if (!ended) killed = child.kill('SIGKILL');
  }
  const { code, signal } = await end;
  clearTimeout(timeout);
  const endedAfterMs = performance.now() - started;
  if (endedAfterMs >= JOB_TIMEOUT_MS) stderr += `\n(torture: killed after ${JOB_TIMEOUT_MS / 1000} s: the job hung)`;
  return { code, signal, openedAfterMs, endedAfterMs, killed: killed && signal === 'SIGKILL', stderr };
}
