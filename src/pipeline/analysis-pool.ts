/** @module Spreads per-document analysis over worker threads, one per core, each with its own lexicons. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ANALYSIS_WORKER } from '../package-files.ts';
import type { DocumentAnalysis, DocumentInput } from './analyse-document.ts';
import { decodeAnalyses } from './analysis-wire.ts';

/**
 * Each worker's young generation (V8's default is 48 MB). Reading a report allocates many short-lived tokens and
 * candidates; with twice the room, fewer of them survive a scavenge to be copied. Measured on the bench corpus, pools
 * alternating in one process: 3-11% more reports per second at 64-128 MB (about 6% in all), none at 32 or 192.
 */
const YOUNG_GENERATION_MB = 96;

type Pending = { resolve: (results: string) => void; reject: (error: Error) => void };

/** A fixed set of analysis workers; `analyse` sends a batch to the least busy one. */
export class AnalysisPool {
  readonly size: number;
  readonly #workers: Array<{ worker: Worker; busy: number; ready: Promise<void> }> = [];
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
    // Compiled (dist/), the worker is plain JavaScript. From the sources, the boot file registers tsx itself; a
    // second registration inherited from `--import tsx` would load twice.
    const url = ANALYSIS_WORKER;
    const execArgv = withoutTsx(process.execArgv);
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(url, { execArgv, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const ready = new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', () => resolve());
      });
      const entry = { worker, busy: 0, ready };
      worker.on('message', (message: { id?: number; results?: string; error?: string }) => {
        if (message.id === undefined) return;
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        entry.busy--;
        if (message.error) pending?.reject(new Error(`analysis worker failed: ${message.error}`));
        else pending?.resolve(message.results ?? '[]');
      });
      worker.on('error', (error) => {
        for (const pending of this.#pending.values()) pending.reject(error);
        this.#pending.clear();
      });
      this.#workers.push(entry);
    }
  }

  /** Resolves when every worker has loaded its lexicons. */
  async ready(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.ready));
  }

  /** Runs every per-document stage on a batch; `understand` runs that stage alone (for measuring it). */
  async analyse(documents: readonly DocumentInput[], stage: 'all' | 'understand' = 'all'): Promise<DocumentAnalysis[]> {
    const entry = this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    await entry.ready;
    const id = this.#next++;
    entry.busy++;
    const results = await new Promise<string>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, documents, stage });
    });
    return decodeAnalyses(results, documents);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}

/** The parent's flags less tsx (the boot file registers it) and flags a worker may not take (`--expose-gc`). */
function withoutTsx(args: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if ((args[i] === '--import' || args[i] === '--loader' || args[i] === '--require') && args[i + 1]?.includes('tsx')) i++;
    else if (!args[i]?.includes('tsx') && args[i] !== '--expose-gc') kept.push(args[i] as string);
  }
  return kept;
}
