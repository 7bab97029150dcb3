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

/** One claim per row (migration 0003); nested values are JSON text, the fields facts are filtered by are columns. */
export interface ClaimsTable {
  id: string;
  document_id: string;
  /** Position among the document's claims, 0-based. */
  ordinal: number;
  category: string;
  noun: string | null;
  value_low: number;
  value_high: number | null;
  qualifier: string;
  /** `ClaimPlace` as JSON, or null. */
  place: string | null;
  period_start: string | null;
  period_end: string | null;
  period_basis: string | null;
  attribution_text: string | null;
  attribution_kind: string | null;
  modality: string;
  span_start: number;
  span_end: number;
  value_start: number;
  value_end: number;
  text: string;
  rule: string;
  /** The fact it belongs to; null until resolved. */
  fact_id: string | null;
}

/** One fact per row (migration 0003): its summary for reading, its matching state for resolution. */
export interface FactsTable {
  /** Creation order, for stable listing and pagination. */
  seq: Generated<number>;
  id: string;
  category: string;
  /** What it counts, finer than the category (`claimUnit`). */
  unit: string;
  noun: string | null;
  value_low: number;
  value_high: number | null;
  qualifier: string;
  place_name: string | null;
  place_country: string | null;
  /** Every country of the place between commas (`,IQ,SY,`), for filtering; null without a place. */
  place_countries: string | null;
  /** `ClaimPlace` as JSON. */
  place: string | null;
  period_start: string | null;
  period_end: string | null;
  period_basis: string | null;
  status: string;
  claim_count: number;
  source_count: number;
  /** JSON arrays: claim ids (oldest document first), external ids of documents, source names, and `FactSide`s. */
  claims: string;
  documents: string;
  sources: string;
  /** JSON list of primary sources (who first said it); null on facts written before it was kept. */
  primary_sources: string | null;
  sides: string;
  /** The founding claim's period, which claims must fit. */
  anchor_start: string | null;
  anchor_end: string | null;
  anchor_basis: string | null;
  /** JSON array of the `ClaimPlace`s its claims read from their own text. */
  text_places: string;
  /** The key of its growing-count series, or null. */
  series_key: string | null;
}

/** Blocking keys (category, country, week) a fact is found by. */
export interface FactKeysTable {
  key: string;
  fact_id: string;
}

/** `later_id` supersedes `earlier_id`: a later, larger count of the same growing thing. */
export interface FactUpdatesTable {
  later_id: string;
  earlier_id: string;
}

/** One event per row: indexed fields as columns, the whole record as JSON in `record`. */
export interface EventsTable {
  id: string;
  document_id: string;
  /** Position in the document's event list, 0-based. */
  ordinal: number;
  type: string;
  country: string | null;
  date_start: string | null;
  date_end: string | null;
  modality: string;
  salience: number;
  /** The incident the event joined; null for events that do not join (denied, hypothetical, future, undated). */
  incident_id: string | null;
  record: string;
}

/** One incident per row: what lists filter and sort by as columns, the fused record as JSON in `record`. */
export interface IncidentsTable {
  id: string;
  type: string;
  country: string | null;
  /** Monday of the ISO week the incident's date starts in, for weekly counts. */
  week: string | null;
  date_start: string | null;
  date_end: string | null;
  place_name: string | null;
  killed_best: number | null;
  injured_best: number | null;
  source_count: number;
  event_count: number;
  aggregate: number;
  record: string;
}

/** The blocking keys (`TYPE|country|week`) each incident is filed under. */
export interface IncidentBlocksTable {
  block_key: string;
  incident_id: string;
}

/** One claim, blame or denial of an event, lowercased for lookup (the statement itself is in the event's record). */
export interface EventResponsibilityTable {
  event_id: string;
  document_id: string;
  /** `claim`, `blame` or `denial`. */
  kind: string;
  /** The actor's name, lowercase. */
  actor_name: string;
  /** The actor's lexicon id, where it has one. */
  actor_id: string | null;
  /** Who blames (or speaks for the denier), lowercase, where named. */
  by_name: string | null;
}

export interface Database {
  documents: DocumentsTable;
  document_bands: DocumentBandsTable;
  mentions: MentionsTable;
  claims: ClaimsTable;
  facts: FactsTable;
  fact_keys: FactKeysTable;
  fact_updates: FactUpdatesTable;
  events: EventsTable;
  event_responsibility: EventResponsibilityTable;
  incidents: IncidentsTable;
  incident_blocks: IncidentBlocksTable;
  watch_sources: WatchSourcesTable;
  watch_items: WatchItemsTable;
  alerts: AlertsTable;
  alert_deliveries: AlertDeliveriesTable;
}

/** A watched source's fetch state (migration 0007); times are ISO timestamps. */
export interface WatchSourcesTable {
  source_id: string;
  etag: string | null;
  last_modified: string | null;
  /** Failed polls in a row; 0 after a good one. */
  failures: Generated<number>;
  polls: Generated<number>;
  next_poll_at: string | null;
  last_polled_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
}

/** An item already read from a source: a feed item by its guid, an article or a file by its address or path. */
export interface WatchItemsTable {
  source_id: string;
  item_key: string;
  /** Changes when the item is edited, so an edit is read again. */
  content_hash: string;
  document_id: string | null;
  seen_at: string;
}

/** An alert raised (its `id` is the change it reports, so a change raises one alert only). */
export interface AlertsTable {
  seq: Generated<number>;
  id: string;
  rule: string;
  kind: string;
  created_at: string;
  /** The alert as JSON. */
  payload: string;
}

/** Where an alert has been delivered: one row per alert and delivery target. */
export interface AlertDeliveriesTable {
  alert_id: string;
  target: string;
  delivered_at: string;
}
