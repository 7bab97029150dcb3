/** @module Opens the store a location names: a `postgres://` URL, or else a SQLite file path. */
import type { Store } from './store.ts';

/** The store sitrep uses when neither `--db` nor `SITREP_DB` names one. */
export const DEFAULT_STORE = './sitrep.db';

/**
 * Opens and migrates the store at `location` (default: `SITREP_DB`, else `./sitrep.db`). Each engine's code is
 * loaded only when a store of that engine is opened, so a SQLite user never loads the PostgreSQL client.
 */
export async function openStore(location: string = process.env.SITREP_DB || DEFAULT_STORE): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) return (await import('./postgres/open-postgres.ts')).openPostgres(location);
  return (await import('./sqlite/open-sqlite.ts')).openSqlite(location);
}
