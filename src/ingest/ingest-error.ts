/** @module The error one bad input raises: it names the file, line or field and what was wrong. */
import type { Origin } from '../model/document.ts';

/** Why an input could not be ingested. Codes are stable, for scripts that read the summary. */
export type IngestErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'undecodable'
  | 'unknown-format'
  | 'bad-json'
  | 'bad-field'
  | 'bad-feed'
  | 'unsafe-xml';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  readonly origin: Origin;
  /** The field that was wrong, for JSONL records and feed items. */
  readonly field: string | null;

  constructor(code: IngestErrorCode, origin: Origin, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(`${formatOrigin(origin)}: ${options.field ? `field "${options.field}": ` : ''}${message}`, { cause: options.cause });
    this.code = code;
    this.origin = origin;
    this.field = options.field ?? null;
  }
}

/** `file`, `file:12` (a JSONL line) or `file item 3` (a feed item). */
export function formatOrigin(origin: Origin): string {
  if (origin.line !== undefined) return `${origin.path}:${origin.line}`;
  if (origin.item !== undefined) return `${origin.path} item ${origin.item}`;
  return origin.path;
}
