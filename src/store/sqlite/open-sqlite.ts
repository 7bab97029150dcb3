/** @module The embedded engine: one SQLite file through better-sqlite3, in WAL mode so readers work during an ingest. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from '../schema.ts';
import { Store } from '../store.ts';

/** Opens (creating if needed) a SQLite store at `path` and migrates it. */
export async function openSqlite(path: string): Promise<Store> {
  const location = resolve(path);
  mkdirSync(dirname(location), { recursive: true });
  const database = new Database(location);
  database.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commit.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  const store = new Store(db, 'sqlite', location, { bigint: 'integer', serial: 'integer', bytes: 'blob', real: 'real' });
  await store.migrate();
  return store;
}
