/** @module The export contract for facts: a figure across documents, with its status, its claims and its update links. */
import type { ClaimCategory } from '../model/claim.ts';
import type { Fact, FactStatus } from '../model/fact.ts';
import type { Qualifier } from '../model/mention.ts';
import { type PlaceRecord, toPeriodRecord, toPlaceRecord } from './claim-record.ts';
import { EXPORT_FAMILIES } from './export-families.ts';
import { type Exporter, eachPage } from './exporters.ts';
import { RecordWriter } from './write-records.ts';

/** One fact as `sitrep export --what facts` writes it. Documented in `docs/claims-and-facts.md`. */
export interface FactRecord {
  readonly id: string;
  readonly category: ClaimCategory;
  readonly value: { readonly low: number; readonly high: number | null; readonly qualifier: Qualifier };
  readonly place: PlaceRecord | null;
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly status: FactStatus;
  /** Claim ids. */
  readonly claims: readonly string[];
  /** External ids of the documents. */
  readonly documents: readonly string[];
  /** Independent sources. */
  readonly sources: readonly string[];
  /** Who first said it: five outlets quoting one ministry are one primary source. */
  readonly primarySources: readonly string[];
  /** Fact ids this one supersedes, latest first. */
  readonly updates: readonly string[];
  /** Fact ids that supersede this one, earliest first. */
  readonly updatedBy: readonly string[];
}

/** CSV columns; lists are `;`-joined. */
export const FACT_COLUMNS = [
  'id',
  'category',
  'value.low',
  'value.high',
  'value.qualifier',
  'place.name',
  'place.country',
  'place.lat',
  'place.lon',
  'place.precision',
  'period.start',
  'period.end',
  'status',
  'claims',
  'documents',
  'sources',
  'primarySources',
  'updates',
  'updatedBy',
];

export function toFactRecord(fact: Fact): FactRecord {
  return {
    id: fact.id,
    category: fact.category,
    value: { low: fact.value.low, high: fact.value.high, qualifier: fact.value.qualifier },
    place: toPlaceRecord(fact.place),
    period: toPeriodRecord(fact.period),
    status: fact.status,
    claims: fact.claims,
    documents: fact.documents,
    sources: fact.sources,
    primarySources: fact.primarySources,
    updates: fact.updates,
    updatedBy: fact.updatedBy,
  };
}

/** `sitrep export --what facts`: every fact, in the order they were first found. */
export const factsExporter: Exporter = {
  ...EXPORT_FAMILIES.facts,
  run(store, format, write, options) {
    const writer = new RecordWriter(format as 'jsonl' | 'csv', write, format === 'csv' ? FACT_COLUMNS : undefined);
    return eachPage(
      (page) => store.claims.facts({ ...options.facts, ...page }),
      (page) => writer.write(page.map(toFactRecord)),
    );
  },
};
