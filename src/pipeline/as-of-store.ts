/**
 * @module The picture as known on a day: a scratch store holding only the reports published (or ingested) by then,
 * analysed and resolved by the same pipeline. Resolution rewrites facts and incidents as reports arrive, so the
 * only faithful answer to "what was known then" is the one a store of just those reports gives; this builds it.
 *
 * Cost: every report known by the day is analysed again (about what `sitrep analyse` takes for them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.ts';
import type { KnownBy, Store } from '../store/store.ts';
import type { Lexicons } from '../understand/understand.ts';
import { analyse } from './analyse.ts';

export interface AsOfOptions {
  /** The day (YYYY-MM-DD): reports published (or ingested) on or before it. */
  readonly asOf: string;
  /** Default `published`. */
  readonly by?: KnownBy;
  readonly workers?: number;
  readonly lexicons?: Lexicons;
}

/** A store of the reports known by the day, analysed; closing it deletes it. */
export async function asOfStore(store: Store, options: AsOfOptions): Promise<Store> {
  const documents = await store.snapshot.documentsKnownBy(options.asOf, options.by ?? 'published');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-as-of-'));
  const snapshot = await openStore(join(dir, 'as-of.db'), { mode: 'create' });
  const close = snapshot.close.bind(snapshot);
  // The scratch store is the caller's to close like any store; closing it also removes its folder.
  Object.defineProperty(snapshot, 'close', {
    value: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  try {
    await snapshot.transaction((tx) => tx.documents.insert(documents));
    await analyse(snapshot, {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.lexicons ? { lexicons: options.lexicons } : {}),
    });
  } catch (error) {
    await snapshot.close();
    throw error;
  }
  return snapshot;
}
