/**
 * @module `asOf` on the API: any endpoint answers from the reports published (or, with `asOfBy=ingested`, ingested)
 * by that day. Each day's store is built once and kept while the store's documents do not change (a few days at once).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { isoDayProblem } from '../model/day-number.ts';
import type { KnownBy, Store } from '../store/store.ts';
import { HttpError } from './http-error.ts';

/** Days kept built at once. */
const KEPT = 4;
/** Folders of scratch stores built by this process: removed as it exits, even when it is killed by a signal it handles. */
const FOLDERS = new Set<string>();
let cleaning = false;

/** The stores of past days the server has built, newest use last. */
export class AsOfStores {
  readonly #store: Store;
  readonly #built = new Map<string, Promise<Store>>();

  constructor(store: Store) {
    this.#store = store;
  }

  /** The store to answer from: the server's own, or the one of `asOf` (taken out of `params`, with `asOfBy`). */
  async storeFor(params: URLSearchParams): Promise<Store> {
    const day = params.get('asOf');
    const by = params.get('asOfBy');
    params.delete('asOf');
    params.delete('asOfBy');
    if (day === null) {
      if (by !== null) throw new HttpError(400, 'asOfBy needs asOf');
      return this.#store;
    }
    const problem = isoDayProblem(day);
    if (problem !== null) throw new HttpError(400, `asOf "${day.slice(0, 40)}" is not a day as YYYY-MM-DD: it ${problem}`);
    if (by !== null && by !== 'published' && by !== 'ingested') throw new HttpError(400, 'asOfBy must be published or ingested');
    const key = `${day}|${by ?? 'published'}|${await this.#store.snapshot.version()}`;
    let built = this.#built.get(key);
    if (built) this.#built.delete(key);
    else built = this.#build(day, (by ?? 'published') as KnownBy);
    this.#built.set(key, built);
    for (const [old, store] of this.#built) {
      if (this.#built.size <= KEPT) break;
      this.#built.delete(old);
      // A request may still be reading an old day's store: it is closed a while later.
      setTimeout(() => void store.then((s) => s.close()).catch(() => {}), 60_000).unref();
    }
    return built;
  }

  async #build(day: string, by: KnownBy): Promise<Store> {
    const { asOfStore } = await import('../pipeline/as-of-store.ts');
    const store = await asOfStore(this.#store, { asOf: day, by, workers: 0 });
    FOLDERS.add(dirname(store.location));
    if (!cleaning) {
      cleaning = true;
      process.once('exit', () => {
        for (const folder of FOLDERS) rmSync(folder, { recursive: true, force: true });
      });
    }
    return store;
  }
}
