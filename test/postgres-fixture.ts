/** @module The PostgreSQL server tests use: whether it is there (CI requires it), and scratch databases on it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../src/store/postgres/open-postgres.ts';
import type { Store } from '../src/store/store.ts';

/** The server the tests use; CI starts it (see .ci/run). */
export const ADMIN_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Set in CI, where a missing server is a failure, not a skip. */
const REQUIRED = process.env.SITREP_REQUIRE_PG === '1';

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const problem = await reachable();
if (problem && REQUIRED) throw new Error(`PostgreSQL is required (SITREP_REQUIRE_PG=1) but ${ADMIN_URL} is unreachable: ${problem}`);

/** `skip` for a suite that needs the server: false when it is there, else why the suite was skipped. */
export const NO_POSTGRES: string | false = problem
  ? `skipped: no PostgreSQL at ${ADMIN_URL} (${problem}); set SITREP_TEST_PG to run it`
  : false;

/** Scratch databases on the server, each dropped by `dropAll`. */
export function postgresDatabases(): { open(): Promise<Store>; reopen(store: Store): Promise<Store>; dropAll(): Promise<void> } {
  const created: string[] = [];
  const admin = new pg.Pool({ connectionString: ADMIN_URL, max: 1 });
  return {
    async open() {
      const name = `sitrep_test_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${name}`);
      created.push(name);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      return openPostgres(url.toString());
    },
    reopen: (store: Store) => openPostgres(store.location),
    async dropAll() {
      for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
