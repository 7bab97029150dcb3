/** @module The tables sitrep keeps, as Kysely sees them: one schema for SQLite and PostgreSQL. */
import type { Generated } from 'kysely';

/** One row per document; nested records are flattened into columns so both engines index them alike. */
export interface DocumentsTable {
  id: string;
  external_id: string;
  source: string | null;
  title: string | null;
  url: string | null;
  byline: string | null;
  language: string;
  status: string;
  status_reason: string | null;
  duplicate_of: string | null;
  published_start: string | null;
  published_end: string | null;
  /** 1 when the date was inferred from the text, 0 when metadata gave it; null with no date. */
  published_inferred: number | null;
  published_rule: string | null;
  syndication_group: string;
  format: string;
  origin_path: string;
  origin_line: number | null;
  origin_item: number | null;
  text: string;
  content_hash: string;
  /** MinHash signature (little-endian uint32s), for near-copy checks; null for duplicates. */
  signature: Uint8Array | null;
  ingested_at: string;
  /** Insertion order, for stable listing and pagination. */
  seq: Generated<number>;
  /** The analysis version the document's mentions and records come from; 0 before its first analysis. */
  analysis_version: Generated<number>;
}

/** One mention per row; `value` is the kind's value as JSON. */
export interface MentionsTable {
  document_id: string;
  /** Position in the document's mention list (by span start), 0-based. */
  ordinal: number;
  kind: string;
  span_start: number;
  span_end: number;
  text: string;
  value: string;
  rule: string;
  confidence: number;
}

/** LSH band keys of each stored document's MinHash signature: documents sharing a key are near-copy candidates. */
export interface DocumentBandsTable {
  band_key: number;
  document_id: string;
}

export interface Database {
  documents: DocumentsTable;
  document_bands: DocumentBandsTable;
  mentions: MentionsTable;
}
