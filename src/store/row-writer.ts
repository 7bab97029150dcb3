/**
 * @module The store's hot write path: many rows of one table inserted, or one column set row by row, inside the
 * current transaction. Each engine does it its fastest way behind this one interface (SQLite: reused prepared
 * statements of many rows each; PostgreSQL: one `INSERT … SELECT FROM unnest(…)` per batch), so the repositories
 * keep one code path and Kysely keeps the queries where it reads more clearly.
 */
import type { Insertable } from 'kysely';
import type { Database } from './schema.ts';

/** Tables whose rows go through the row writer. */
export type WrittenTable = keyof Database & string;

/** A value a row writer binds: what both drivers take as they are. */
export type RowValue = string | number | bigint | Uint8Array | null;

export interface RowWriter {
  /**
   * Inserts `rows` in their order (so generated keys such as `seq` follow it). A column a row leaves out is given no
   * value, so it takes its default.
   */
  insert<T extends WrittenTable>(table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void>;
  /** Sets `column` to each pair's value on the row whose `id` is the pair's id. */
  setById<T extends WrittenTable>(
    table: T,
    column: keyof Database[T] & string,
    pairs: ReadonlyArray<readonly [string, string | null]>,
  ): Promise<void>;
}

/** Makes the row writer of one transaction; the store holds one per engine, so prepared statements outlive transactions. */
export type RowWriterFactory = (trx: import('kysely').Transaction<Database>) => RowWriter;

/**
 * The rows split into runs of consecutive rows that set the same columns, in order: a run is one statement shape.
 * Rows of one table nearly always set the same columns; a fact rewritten under its old `seq` does not.
 */
export function runsOfSameColumns(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
): Array<{ columns: string[]; rows: Array<Readonly<Record<string, unknown>>> }> {
  const runs: Array<{ columns: string[]; signature: string; rows: Array<Readonly<Record<string, unknown>>> }> = [];
  for (const row of rows) {
    const columns = Object.keys(row).filter((c) => row[c] !== undefined);
    const signature = columns.join(',');
    const last = runs.at(-1);
    if (last && last.signature === signature) last.rows.push(row);
    else runs.push({ columns, signature, rows: [row] });
  }
  return runs.map(({ columns, rows }) => ({ columns, rows }));
}
