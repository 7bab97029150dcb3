/** @module The error one bad input raises: it names the file, line or field and what was wrong. */
import type { Origin } from '../model/document.ts';

/** Why an input could not be ingested. Codes are stable, for scripts that read the summary. */
export type IngestErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'too-large'
  | 'too-deep'
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

/**
 * `file`, `file:12` (a JSONL line) or `file item 3` (a feed item). Control characters in a file's name are written
 * as escapes, so a name cannot move the cursor or recolour the terminal that shows the message.
 */
export function formatOrigin(origin: Origin): string {
  const path = printablePath(origin.path);
  if (origin.line !== undefined) return `${path}:${origin.line}`;
  if (origin.item !== undefined) return `${path} item ${origin.item}`;
  return path;
}

/** A path with its control characters (C0, DEL, C1, bidirectional overrides) written as `\xNN` or `\u{NNNN}`. */
export function printablePath(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
