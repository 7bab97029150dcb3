/** @module Opens the store a location names: a `postgres://` URL, or else a SQLite file path. */
import { openPostgres } from './postgres/open-postgres.ts';
import { openSqlite } from './sqlite/open-sqlite.ts';
import type { Store } from './store.ts';

/** The store sitrep uses when neither `--db` nor `SITREP_DB` names one. */
export const DEFAULT_STORE = './sitrep.db';

/** Opens and migrates the store at `location` (default: `SITREP_DB`, else `./sitrep.db`). */
export async function openStore(location: string = process.env.SITREP_DB || DEFAULT_STORE): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) return openPostgres(location);
  return openSqlite(location);
}
