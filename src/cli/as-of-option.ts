/** @module `--as-of DAY` on the reading commands: they answer from the reports known by that day. */
import type { Command } from 'commander';
import type { KnownBy, Store } from '../store/store.ts';
import { isoDay } from './parse-arguments.ts';

/** Adds `--as-of` and `--as-of-ingested` to the named commands. */
export function addAsOfOption(program: Command, names: readonly string[]): void {
  for (const command of program.commands.filter((c) => names.includes(c.name())))
    command
      .option('--as-of <day>', 'answer from only the reports published by this day (YYYY-MM-DD), as known then', isoDay)
      .option('--as-of-ingested', 'with --as-of: the reports sitrep had ingested by that day, rather than published');
}

/** A store of what was known by `day`, built from `store` (which is closed); says what it holds. */
export async function openAsOf(store: Store, day: string, by: KnownBy, err: (text: string) => void): Promise<Store> {
  try {
    const { asOfStore } = await import('../pipeline/as-of-store.ts');
    const snapshot = await asOfStore(store, { asOf: day, by });
    const counts = await snapshot.documents.counts();
    const total = await store.documents.counts();
    err(
      `As of ${day}: ${counts.stored} of ${total.stored} reports (those ${by === 'published' ? 'published' : 'ingested'} by the end of that day).\n`,
    );
    return snapshot;
  } finally {
    await store.close();
  }
}
