/**
 * @module Compares two sets of JSONL exports (documents, mentions, claims, facts, events, incidents) with record ids
 * and timestamps normalised: each id becomes a key made of the record's content (a document's external id and
 * origin, a claim's or event's document and span, a fact's claims, an incident's events), and every reference to
 * that id in any family becomes the same key, so links between records still compare. Used by
 * `scripts/compare-exports.ts`.
 */

/** The JSONL families `sitrep export` writes, in the order their keys depend on one another. */
export const EXPORT_FAMILY_NAMES = ['documents', 'mentions', 'claims', 'events', 'facts', 'incidents'] as const;
export type ExportFamilyName = (typeof EXPORT_FAMILY_NAMES)[number];

/** One export folder read into memory: each family's records in file order. */
export type ExportSet = Readonly<Record<ExportFamilyName, readonly JsonRecord[]>>;
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Fields holding the time a record was made, not what it says: blanked before comparing. */
const TIMESTAMP_FIELDS = new Set(['ingestedAt', 'createdAt', 'updatedAt', 'analysedAt', 'exportedAt']);

/** One family's records keyed by their content key, in file order. */
export interface NormalisedFamily {
  readonly keys: readonly string[];
  readonly records: ReadonlyMap<string, JsonRecord>;
}

export type NormalisedSet = Readonly<Record<ExportFamilyName, NormalisedFamily>>;

/** What differs in one family. */
export interface FamilyDiff {
  readonly family: ExportFamilyName;
  readonly before: number;
  readonly after: number;
  /** Keys only in the first set. */
  readonly missing: readonly string[];
  /** Keys only in the second set. */
  readonly added: readonly string[];
  /** Records in both whose content differs: the key and the first differing fields, as `path: before → after`. */
  readonly changed: ReadonlyArray<{ readonly key: string; readonly fields: readonly string[] }>;
  /** Whether the records both sets hold come in another order. */
  readonly reordered: boolean;
}

/** Whether two diffs found nothing. */
export function isSame(diffs: readonly FamilyDiff[]): boolean {
  return diffs.every((d) => d.missing.length === 0 && d.added.length === 0 && d.changed.length === 0 && !d.reordered);
}

/** Compares two export sets family by family, ids and timestamps normalised. */
export function diffExports(before: ExportSet, after: ExportSet): FamilyDiff[] {
  const a = normaliseExports(before);
  const b = normaliseExports(after);
  return EXPORT_FAMILY_NAMES.map((family) => diffFamily(family, a[family], b[family]));
}

/**
 * Replaces every record id by a key derived from the record's content and every reference to an id by the same key.
 * Keys are built family by family in dependency order: documents first (external id and origin), then mentions,
 * claims and events (their document's key, span and kind), then facts (their claims' keys) and incidents (their
 * events' keys). Two records with the same key in one family are told apart by their order (`#2`, `#3`).
 */
export function normaliseExports(set: ExportSet): NormalisedSet {
  const ids = new Map<string, string>();
  const keyed: Partial<Record<ExportFamilyName, string[]>> = {};
  for (const family of EXPORT_FAMILY_NAMES) {
    const keys = uniqueKeys(set[family].map((record) => contentKey(family, record, ids)));
    set[family].forEach((record, i) => {
      if (typeof record.id === 'string') ids.set(record.id, keys[i] as string);
    });
    keyed[family] = keys;
  }
  const out = {} as Record<ExportFamilyName, NormalisedFamily>;
  for (const family of EXPORT_FAMILY_NAMES) {
    const keys = keyed[family] as string[];
    const records = new Map<string, JsonRecord>();
    set[family].forEach((record, i) => records.set(keys[i] as string, replaceIds(record, ids) as JsonRecord));
    out[family] = { keys, records };
  }
  return out;
}

/** A record's key from what it says; references are read through `ids` (keys of the families already keyed). */
function contentKey(family: ExportFamilyName, record: JsonRecord, ids: ReadonlyMap<string, string>): string {
  const doc = (id: unknown): string => (typeof id === 'string' ? (ids.get(id) ?? `doc?${id}`) : 'doc?');
  const span = (s: unknown): string => {
    const { start, end } = (s ?? {}) as { start?: number; end?: number };
    return `${start}-${end}`;
  };
  const members = (list: unknown): string =>
    (Array.isArray(list) ? list.map((id) => (typeof id === 'string' ? (ids.get(id) ?? id) : String(id))) : []).sort().join(',');
  switch (family) {
    case 'documents':
      return `document ${String(record.externalId)} @ ${String(record.origin)}`;
    case 'mentions':
      return `mention ${doc(record.documentId)} ${String(record.kind)} ${span(record.span)} ${String(record.rule)}`;
    case 'claims':
      return `claim ${doc(record.documentId)} ${String(record.category)} ${span(record.span)}`;
    case 'events':
      return `event ${doc(record.documentId)} ${String(record.type)} ${String(record.field)} ${span(record.span)}`;
    case 'facts':
      return `fact [${members(record.claims)}]`;
    case 'incidents':
      return `incident [${members(record.events)}]`;
  }
}

/** Keys made unique by order of appearance: the second record with key K is `K #2`. */
function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key} #${n}`;
  });
}

/**
 * The value with every string that is a known record id replaced by that record's key and timestamps blanked. A list
 * made only of ids is sorted by key: its order followed the ids, which are what is being set aside.
 */
function replaceIds(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) {
    const items = value.map((v) => replaceIds(v, ids));
    return value.length > 0 && value.every((v) => typeof v === 'string' && ids.has(v)) ? (items as string[]).sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [field, v] of Object.entries(value)) out[field] = TIMESTAMP_FIELDS.has(field) ? '<time>' : replaceIds(v, ids);
    return out;
  }
  return value;
}

/** At most this many differing fields are named per record. */
const FIELDS_SHOWN = 5;

function diffFamily(family: ExportFamilyName, before: NormalisedFamily, after: NormalisedFamily): FamilyDiff {
  const missing = before.keys.filter((k) => !after.records.has(k));
  const added = after.keys.filter((k) => !before.records.has(k));
  const changed: Array<{ key: string; fields: string[] }> = [];
  for (const key of before.keys) {
    const b = after.records.get(key);
    if (b === undefined) continue;
    const fields = differingFields(before.records.get(key), b, '');
    if (fields.length > 0) changed.push({ key, fields: fields.slice(0, FIELDS_SHOWN) });
  }
  const common = (keys: readonly string[], other: NormalisedFamily) => keys.filter((k) => other.records.has(k));
  const orderA = common(before.keys, after);
  const orderB = common(after.keys, before);
  const reordered = orderA.some((k, i) => orderB[i] !== k);
  return { family, before: before.keys.length, after: after.keys.length, missing, added, changed, reordered };
}

/** The paths where two JSON values differ, each as `path: before → after`. */
function differingFields(a: unknown, b: unknown, path: string): string[] {
  if (a === b) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return fields.flatMap((f) => differingFields(a[f], b[f], path === '' ? f : `${path}.${f}`));
  }
  return [`${path || '(record)'}: ${short(a)} → ${short(b)}`];
}

function short(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A plain-text account of the diffs: one line per family, then what differs, at most `limit` records a kind. */
export function describeDiffs(diffs: readonly FamilyDiff[], limit = 10): string {
  const lines: string[] = [];
  for (const d of diffs) {
    const same = d.missing.length === 0 && d.added.length === 0 && d.changed.length === 0 && !d.reordered;
    lines.push(
      same
        ? `${d.family}: identical (${d.before} records)`
        : `${d.family}: DIFFERS (${d.before} → ${d.after} records; ${d.missing.length} missing, ${d.added.length} added, ${d.changed.length} changed${d.reordered ? ', order changed' : ''})`,
    );
    for (const key of d.missing.slice(0, limit)) lines.push(`  - only before: ${d.family} ${key}`);
    for (const key of d.added.slice(0, limit)) lines.push(`  + only after: ${d.family} ${key}`);
    for (const { key, fields } of d.changed.slice(0, limit)) {
      lines.push(`  ~ changed: ${d.family} ${key}`);
      for (const field of fields) lines.push(`      ${field}`);
    }
  }
  return lines.join('\n');
}
