/** @module Writes records as JSONL or CSV to a stream; nested objects become dotted CSV columns. */
import { stringify } from 'csv-stringify/sync';

export type RecordFormat = 'jsonl' | 'csv';

/** Flattens `{published: {start}}` into `{'published.start'}`; arrays become `;`-joined text. */
export function flattenRecord(
  record: object,
  prefix = '',
  into: Record<string, string | number | boolean | null> = {},
): Record<string, string | number | boolean | null> {
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) into[name] = null;
    else if (Array.isArray(value))
      into[name] = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(';');
    else if (typeof value === 'object') flattenRecord(value as object, name, into);
    else into[name] = value as string | number | boolean;
  }
  return into;
}

/** Writes records page by page so a large store never sits in memory at once. */
export class RecordWriter {
  readonly #format: RecordFormat;
  readonly #write: (chunk: string) => void;
  #columns: string[] | null = null;
  #headerWritten = false;

  constructor(format: RecordFormat, write: (chunk: string) => void, columns?: readonly string[]) {
    this.#format = format;
    this.#write = write;
    if (columns) this.#columns = [...columns];
  }

  write(records: readonly object[]): void {
    if (records.length === 0) return;
    if (this.#format === 'jsonl') {
      this.#write(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      return;
    }
    const rows = records.map((r) => flattenRecord(r));
    if (!this.#columns) this.#columns = Object.keys(rows[0] ?? {});
    const columns = this.#columns;
    const header = !this.#headerWritten;
    this.#headerWritten = true;
    this.#write(
      stringify(
        rows.map((row) => columns.map((c) => row[c] ?? '')),
        header ? { header: true, columns } : {},
      ),
    );
  }
}
