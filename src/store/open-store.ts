/** @module Opens the store a location names: a `postgres://` URL, or else a SQLite file path. */
import type { Store } from './store.ts';

/** The store sitrep uses when neither `--db` nor `SITREP_DB` names one. */
export const DEFAULT_STORE = './sitrep.db';

/**
 * What an open may do: `read` the store must exist and is never written (a read-only file opens too); `write` it
 * must exist; `create` it is made when missing (a SQLite file and its folders, or a PostgreSQL database).
 */
export type OpenMode = 'read' | 'write' | 'create';

export interface OpenStoreOptions {
  /** Default `create`, as a library user expects; the CLI's reading commands open with `read`. */
  readonly mode?: OpenMode;
  /** Told when a write must wait for another process's write transaction to end. */
  readonly onWait?: (message: string) => void;
}

/**
 * Opens and migrates the store at `location` (default: `SITREP_DB`, else `./sitrep.db`). Each engine's code is
 * loaded only when a store of that engine is opened, so a SQLite user never loads the PostgreSQL client.
 */
export async function openStore(location: string = process.env.SITREP_DB || DEFAULT_STORE, options: OpenStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) return (await import('./postgres/open-postgres.ts')).openPostgres(location, options);
  return (await import('./sqlite/open-sqlite.ts')).openSqlite(location, options);
}
