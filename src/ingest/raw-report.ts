/** @module A report as a parser reads it, before sitrep decides its id, date, language and duplicates. */
import type { DocumentFormat, Origin } from '../model/document.ts';

/** What a parser found in one report. Metadata is as written; `prepareDocument` normalises it. */
export interface RawReport {
  readonly origin: Origin;
  readonly format: DocumentFormat;
  /** The report's text, already stripped of markup. */
  readonly text: string;
  /** The id a user knows it by; parsers fill it from the file name, JSONL id or feed guid. */
  readonly externalId: string;
  readonly title: string | null;
  readonly url: string | null;
  /** The outlet, when the input names it (JSONL `source`, a feed's title, an HTML site name). */
  readonly source: string | null;
  readonly byline: string | null;
  /** A publication date as the metadata wrote it (ISO, RFC 822, ...); null when none was given. */
  readonly published: string | null;
}

/** One item of a multi-report input: a report, or the reason that item was refused. */
export type ParsedItem = RawReport | Error;
