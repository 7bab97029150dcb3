/** @module Column types that differ between the engines, handed to every migration. */

export interface ColumnTypes {
  readonly bigint: 'integer' | 'bigint';
  readonly serial: 'integer' | 'bigserial';
  readonly bytes: 'blob' | 'bytea';
  /** A floating-point number. */
  readonly real: 'real' | 'double precision';
}
