/** @module The team engine: PostgreSQL through node-postgres, many readers and ingest workers on one database. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database as Schema } from '../schema.ts';
import { Store } from '../store.ts';

// BIGINT band keys and counts come back as numbers: every value sitrep stores is below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens a PostgreSQL store at a `postgres://` URL and migrates it. */
export async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  parsed.password = '';
  const store = new Store(db, 'postgres', parsed.toString(), {
    bigint: 'bigint',
    serial: 'bigserial',
    bytes: 'bytea',
    real: 'double precision',
  });
  await store.migrate();
  return store;
}
