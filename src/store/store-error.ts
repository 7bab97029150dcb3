/** @module The error a store that cannot be opened raises: it names the store and says what to do. */

/**
 * Why a store could not be opened. Codes are stable, for scripts:
 * `missing` no store at that path (or no such PostgreSQL database); `not-a-store` the file is not a SQLite database;
 * `newer-schema` written by a newer sitrep; `older-schema` needs an upgrade a read-only open cannot make;
 * `read-only` a write was asked of a store that can only be read; `unreachable` no PostgreSQL server answered;
 * `unusable` any other failure to open it.
 */
export type StoreErrorCode = 'missing' | 'not-a-store' | 'newer-schema' | 'older-schema' | 'read-only' | 'unreachable' | 'unusable';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** The file path or connection URL (without its password). */
  readonly location: string;

  constructor(code: StoreErrorCode, location: string, message: string, options: { cause?: unknown } = {}) {
    super(`the store ${location} ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = location;
  }
}
