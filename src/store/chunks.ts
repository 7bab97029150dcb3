/** @module Splits long lists for SQL statements: bound parameters per statement are limited on both engines. */

/** Rows per statement for wide rows, id lookups and narrow rows. */
export const CHUNK = { wide: 500, lookup: 5000, narrow: 3000 } as const;

/** Consecutive slices of at most `size` items; none for an empty list. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
