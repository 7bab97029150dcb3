/**
 * @module PostgreSQL's row writer: a batch of rows in one `INSERT … SELECT FROM unnest(…)`, one array parameter per
 * column, so a statement's size and plan do not grow with its rows. Each column's array type is read once per store
 * from the catalogue, where the migrations put it.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import { type RowValue, type RowWriter, runsOfSameColumns, type WrittenTable } from '../row-writer.ts';
import type { Database } from '../schema.ts';

/** Rows per statement: bounds one message's size, not PostgreSQL's parameters (one per column). */
const ROWS_PER_STATEMENT = 5000;

/** Column types by table, as the catalogue names them (`text`, `int8`, `bytea`…); shared by a store's transactions. */
export type ColumnTypeCache = Map<string, Promise<Map<string, string>>>;

export class UnnestRowWriter implements RowWriter {
  readonly #trx: Transaction<Database>;
  readonly #types: ColumnTypeCache;

  constructor(trx: Transaction<Database>, types: ColumnTypeCache) {
    this.#trx = trx;
    this.#types = types;
  }

  async insert(table: WrittenTable, rows: ReadonlyArray<object>): Promise<void> {
    if (rows.length === 0) return;
    const types = await this.#columnTypes(table);
    for (const run of runsOfSameColumns(rows as ReadonlyArray<Record<string, unknown>>)) {
      for (let i = 0; i < run.rows.length; i += ROWS_PER_STATEMENT) {
        const slice = run.rows.slice(i, i + ROWS_PER_STATEMENT);
        const arrays = run.columns.map(
          (column) => sql`${slice.map((row) => row[column] as RowValue)}::${sql.raw(arrayType(types, table, column))}`,
        );
        await sql`insert into ${sql.table(table)} (${sql.join(run.columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
          this.#trx,
        );
      }
    }
  }

  async setById(table: WrittenTable, column: string, pairs: ReadonlyArray<readonly [string, string | null]>): Promise<void> {
    if (pairs.length === 0) return;
    const types = await this.#columnTypes(table);
    for (let i = 0; i < pairs.length; i += ROWS_PER_STATEMENT) {
      const slice = pairs.slice(i, i + ROWS_PER_STATEMENT);
      await sql`update ${sql.table(table)} as t set ${sql.ref(column)} = u.value
        from unnest(${slice.map((p) => p[0])}::${sql.raw(arrayType(types, table, 'id'))}, ${slice.map((p) => p[1])}::${sql.raw(arrayType(types, table, column))}) as u(id, value)
        where t.id = u.id`.execute(this.#trx);
    }
  }

  #columnTypes(table: string): Promise<Map<string, string>> {
    let types = this.#types.get(table);
    if (types === undefined) {
      types = readColumnTypes(this.#trx, table);
      this.#types.set(table, types);
      // A failed read is not kept: the next batch asks again.
      types.catch(() => this.#types.delete(table));
    }
    return types;
  }
}

async function readColumnTypes(db: Kysely<Database>, table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ column_name: string; udt_name: string }>`
    select column_name, udt_name from information_schema.columns
    where table_name = ${table} and table_schema = any (current_schemas(false))`.execute(db);
  return new Map(rows.map((r) => [r.column_name, r.udt_name]));
}

function arrayType(types: ReadonlyMap<string, string>, table: string, column: string): string {
  const type = types.get(column);
  if (type === undefined) throw new Error(`The store has no column ${table}.${column}: its schema is older than this sitrep`);
  return `${type}[]`;
}
