/** @module The PostgreSQL server the tests and the torture harness use, and whether it answers; no side effects. */
import pg from 'pg';

/** The server the tests use; CI starts it (see .ci/run). */
export const ADMIN_URL = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Null when the server answers a query, else why not. */
export async function postgresProblem(url: string = ADMIN_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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
