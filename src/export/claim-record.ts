/** @module The export contract for claims: one attributed figure in one document, with its place, period, speaker and rule. */
import type { ClaimCategory, ClaimModality, ClaimPeriod, ClaimPlace } from '../model/claim.ts';
import type { AttributionKind, GeoPrecision, Qualifier } from '../model/mention.ts';
import type { StoredClaim } from '../store/store.ts';
import { EXPORT_FAMILIES } from './export-families.ts';
import { type Exporter, eachPage } from './exporters.ts';
import { RecordWriter } from './write-records.ts';

/** A place as exports write it. */
export interface PlaceRecord {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly precision: GeoPrecision;
}

/** One claim as `sitrep export --what claims` writes it. Documented in `docs/claims-and-facts.md`. */
export interface ClaimRecord {
  readonly id: string;
  readonly documentId: string;
  readonly externalId: string;
  readonly category: ClaimCategory;
  readonly noun: string | null;
  readonly value: { readonly low: number; readonly high: number | null; readonly qualifier: Qualifier };
  readonly place: PlaceRecord | null;
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly attribution: { readonly text: string; readonly kind: AttributionKind } | null;
  readonly modality: ClaimModality;
  readonly span: { readonly start: number; readonly end: number };
  /** The sentence that states the figure. */
  readonly text: string;
  readonly rule: string;
}

/** CSV columns, nested fields dotted. */
export const CLAIM_COLUMNS = [
  'id',
  'documentId',
  'externalId',
  'category',
  'noun',
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
  'attribution.text',
  'attribution.kind',
  'modality',
  'span.start',
  'span.end',
  'text',
  'rule',
];

/** A place in the export shape: the contract's five fields. */
export function toPlaceRecord(place: ClaimPlace | null): PlaceRecord | null {
  return place === null ? null : { name: place.name, country: place.country, lat: place.lat, lon: place.lon, precision: place.precision };
}

/** A period in the export shape. */
export function toPeriodRecord(period: ClaimPeriod | null): { start: string; end: string } | null {
  return period === null ? null : { start: period.start, end: period.end };
}

export function toClaimRecord(claim: StoredClaim): ClaimRecord {
  return {
    id: claim.id,
    documentId: claim.documentId,
    externalId: claim.externalId,
    category: claim.category,
    noun: claim.noun,
    value: { low: claim.value.low, high: claim.value.high, qualifier: claim.value.qualifier },
    place: toPlaceRecord(claim.place),
    period: toPeriodRecord(claim.period),
    attribution: claim.attribution === null ? null : { text: claim.attribution.text, kind: claim.attribution.kind },
    modality: claim.modality,
    span: { start: claim.span.start, end: claim.span.end },
    text: claim.text,
    rule: claim.rule,
  };
}

/** `sitrep export --what claims`: every claim, document by document. */
export const claimsExporter: Exporter = {
  ...EXPORT_FAMILIES.claims,
  run(store, format, write) {
    const writer = new RecordWriter(format as 'jsonl' | 'csv', write, format === 'csv' ? CLAIM_COLUMNS : undefined);
    return eachPage(
      (page) => store.claims.list(page),
      (page) => writer.write(page.map(toClaimRecord)),
    );
  },
};
