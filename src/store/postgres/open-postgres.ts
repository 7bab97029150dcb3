/** @module The team engine: PostgreSQL through node-postgres, many readers and ingest workers on one database. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { OpenStoreOptions } from '../open-store.ts';
import type { Database as Schema } from '../schema.ts';
import { type ColumnTypeCache, UnnestRowWriter } from './unnest-row-writer.ts';
import { StoreError } from '../store-error.ts';
import { Store } from '../store.ts';

// BIGINT band keys and counts come back as numbers: every value sitrep stores is below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** How long to wait for a server to answer before saying it is unreachable. */
const CONNECT_TIMEOUT_MS = 10_000;

/** Opens a PostgreSQL store at a `postgres://` URL (creating the database when the mode allows) and migrates it. */
export async function openPostgres(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const mode = options.mode ?? 'create';
  const parsed = new URL(url);
  parsed.password = '';
  const location = parsed.toString();
  const database = decodeURIComponent(parsed.pathname.slice(1)) || parsed.username || 'postgres';

  let created = false;
  try {
    await probe(url);
  } catch (cause) {
    if ((cause as { code?: string }).code !== '3D000') throw postgresOpenError(location, database, cause);
    if (mode !== 'create')
      throw new StoreError(
        'missing',
        location,
        `does not exist (no database "${database}" on that server): check --db, create it with \`createdb ${database}\`, or pass --create`,
        { cause },
      );
    await createDatabase(url, database, location);
    created = true;
  }

  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const columnTypes: ColumnTypeCache = new Map();
  const store = new Store(
    db,
    'postgres',
    location,
    { bigint: 'bigint', serial: 'bigserial', bytes: 'bytea', real: 'double precision' },
    { readOnly: mode === 'read', created, rows: (trx) => new UnnestRowWriter(trx, columnTypes) },
  );
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Connects once, to tell an unreachable server or a missing database from a working one before the pool starts. */
async function probe(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` through the server's maintenance database. */
async function createDatabase(url: string, database: string, location: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } catch (cause) {
    // Another process may have created it meanwhile.
    if ((cause as { code?: string }).code !== '42P04') throw postgresOpenError(location, database, cause);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresOpenError(location: string, database: string, cause: unknown): StoreError {
  const code = (cause as { code?: string }).code ?? '';
  const message = (cause as Error).message;
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN'].includes(code) || /timeout/i.test(message))
    return new StoreError(
      'unreachable',
      location,
      `cannot be reached (${code || message}): is the PostgreSQL server running, and are the host and port right?`,
      { cause },
    );
  if (code === '28P01' || code === '28000')
    return new StoreError('unusable', location, `refused the login (${message}): check the user and password in --db`, { cause });
  return new StoreError('unusable', location, `cannot be opened (database "${database}"): ${message}`, { cause });
}
