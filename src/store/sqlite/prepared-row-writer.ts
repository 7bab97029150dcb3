/**
 * @module SQLite's row writer: inserts through prepared statements of many rows each, prepared once per store and
 * reused by every batch, run straight on better-sqlite3 inside the transaction Kysely began on the same connection.
 * Building a statement of thousands of values through Kysely's query builder, and SQLite parsing it afresh each
 * time, cost more than writing the rows.
 */
import type Database from 'better-sqlite3';
import { type RowValue, type RowWriter, runsOfSameColumns, type WrittenTable } from '../row-writer.ts';

/** Rows per multi-row statement: past a few dozen, longer statements save nothing more. */
const ROWS_PER_STATEMENT = 50;

export class PreparedRowWriter implements RowWriter {
  readonly #database: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(database: Database.Database) {
    this.#database = database;
  }

  async insert(table: WrittenTable, rows: ReadonlyArray<object>): Promise<void> {
    for (const run of runsOfSameColumns(rows as ReadonlyArray<Record<string, unknown>>)) {
      const { columns } = run;
      const many = this.#insertStatement(table, columns, ROWS_PER_STATEMENT);
      const values: RowValue[] = new Array(ROWS_PER_STATEMENT * columns.length);
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= run.rows.length; i += ROWS_PER_STATEMENT) {
        let n = 0;
        for (let r = i; r < i + ROWS_PER_STATEMENT; r++) {
          const row = run.rows[r] as Record<string, unknown>;
          for (const column of columns) values[n++] = row[column] as RowValue;
        }
        many.run(values);
      }
      if (i === run.rows.length) continue;
      const one = this.#insertStatement(table, columns, 1);
      for (; i < run.rows.length; i++) {
        const row = run.rows[i] as Record<string, unknown>;
        one.run(columns.map((column) => row[column] as RowValue));
      }
    }
  }

  async setById(table: WrittenTable, column: string, pairs: ReadonlyArray<readonly [string, string | null]>): Promise<void> {
    const statement = this.#prepared(`update ${quote(table)} set ${quote(column)} = ? where "id" = ?`);
    for (const [id, value] of pairs) statement.run(value, id);
  }

  #insertStatement(table: string, columns: readonly string[], rows: number): Database.Statement {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return this.#prepared(`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array(rows).fill(tuple).join(', ')}`);
  }

  #prepared(source: string): Database.Statement {
    let statement = this.#statements.get(source);
    if (statement === undefined) {
      statement = this.#database.prepare(source);
      this.#statements.set(source, statement);
    }
    return statement;
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
