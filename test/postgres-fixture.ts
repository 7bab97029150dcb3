/** @module The PostgreSQL server tests use: whether it is there (CI requires it), and scratch databases on it. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../src/store/postgres/open-postgres.ts';
import type { Store } from '../src/store/store.ts';
import { ADMIN_URL, postgresProblem } from './postgres-server.ts';

export { ADMIN_URL } from './postgres-server.ts';
/** Set in CI, where a missing server is a failure, not a skip. */
const REQUIRED = process.env.SITREP_REQUIRE_PG === '1';

const problem = await postgresProblem();
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
