/** @module Documents: one ingested report with its metadata, status and syndication group. */
import type { DateInterval } from './interval.ts';

/** What kind of input a report came from. */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'rss' | 'atom' | 'jsonl';

/**
 * What became of a report:
 * - `stored`: a new report, analysed by later stages;
 * - `duplicate`: the same text as a stored report under another name or source (kept for the record, not analysed);
 * - `skipped`: kept for the record but not analysed, with `skipReason` (a language other than English, say).
 */
export type DocumentStatus = 'stored' | 'duplicate' | 'skipped';

/** When a report was published: a day interval, and whether it came from metadata or was inferred from the text. */
export interface Published extends DateInterval {
  /** True when no metadata gave the date and it was inferred from the text. */
  readonly inferred: boolean;
  /** The rule that gave the interval, e.g. `published/metadata` or `published/weekday-after-latest-date`. */
  readonly rule: string;
}

/** Where a report came from on disk or on the wire, for error messages and provenance. */
export interface Origin {
  /** A file path, or `-` for standard input. */
  readonly path: string;
  /** 1-based line in a JSONL file, or the 1-based item number in a feed. */
  readonly line?: number;
  readonly item?: number;
}

/** One ingested report. */
export interface Document {
  /** Stable id: a hash of the normalised text (and, for a duplicate, of its name). */
  readonly id: string;
  /** The id a user knows the report by: file name without extension, the JSONL `id`, a feed item's guid or link. */
  readonly externalId: string;
  /** The outlet, e.g. `Reuters` or `defense.gov`; null when nothing names it. */
  readonly source: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  /** ISO 639-1 code of the text's language (`en`), or `und` when it cannot be told. */
  readonly language: string;
  readonly status: DocumentStatus;
  /** Why a report was skipped or which document it duplicates. */
  readonly statusReason: string | null;
  /** For a duplicate: the id of the stored document with the same text. */
  readonly duplicateOf: string | null;
  readonly published: Published | null;
  /** Why `published` is null: what the metadata, address and text lacked. */
  readonly unpublishedReason?: string;
  /** Shared by near-copies (a syndicated wire story with edits): the id of the first copy stored. */
  readonly syndicationGroup: string;
  readonly format: DocumentFormat;
  readonly origin: Origin;
  /** The report's text as analysed; every span indexes into it. */
  readonly text: string;
  /** SHA-256 of the normalised text, hex. */
  readonly contentHash: string;
  /** When sitrep stored it, ISO timestamp. */
  readonly ingestedAt: string;
}
