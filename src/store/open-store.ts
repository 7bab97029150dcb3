/** @module Opens the store a location names: a `postgres://` URL, or else a SQLite file path. */
import { openPostgres } from './postgres/open-postgres.ts';
import { openSqlite } from './sqlite/open-sqlite.ts';
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

/** Opens and migrates the store at `location` (default: `SITREP_DB`, else `./sitrep.db`). */
export async function openStore(
  location: string = process.env.SITREP_DB || DEFAULT_STORE,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) return openPostgres(location, options);
  return openSqlite(location, options);
}
