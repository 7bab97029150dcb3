/** @module The export contract for events: one happening as one document tells it, with its span, sentence and rule. */
import type { CasualtyRange, EventActor, EventModality, EventPlace, EventType, Responsibility, TargetKind } from '../model/event.ts';
import type { StoredEvent } from '../store/store.ts';
import { toAcledRows } from './acled-csv.ts';
import { EXPORT_FAMILIES } from './export-families.ts';
import { type Exporter, eachPage } from './exporters.ts';
import { writeGeoJson } from './geojson.ts';
import { RecordWriter } from './write-records.ts';

/**
 * An actor as exports write it: its name, its lexicon id where it has one, and for a target what it is (`kind`), how
 * many the text counts (`count`) and whether the text describes it rather than names it (`described`).
 */
export interface ActorRecord {
  readonly name: string;
  readonly id?: string;
  readonly kind?: TargetKind;
  readonly count?: number;
  readonly described?: boolean;
}

/** A claim, blame or denial as exports write it: who, who says so, the sentence that says it and the rule. */
export interface ResponsibilityRecord {
  readonly actor: ActorRecord;
  readonly by: ActorRecord | null;
  readonly span: { readonly start: number; readonly end: number };
  readonly text: string;
  readonly rule: string;
}

/** One event as `sitrep export --what events` writes it. Documented in `docs/events-and-incidents.md`. */
export interface EventRecord {
  readonly id: string;
  readonly documentId: string;
  readonly externalId: string;
  readonly type: EventType;
  readonly modes: readonly string[];
  readonly subEventType: string;
  readonly initiator: readonly ActorRecord[];
  readonly target: readonly ActorRecord[];
  /** Who claims it, who is blamed (and by whom), who is said not to have done it; each with its sentence and rule. */
  readonly claimedBy: readonly ResponsibilityRecord[];
  readonly blamedOn: readonly ResponsibilityRecord[];
  readonly deniedBy: readonly ResponsibilityRecord[];
  readonly place: EventPlace | null;
  readonly date: { readonly start: string; readonly end: string; readonly precision: string } | null;
  readonly killed: CasualtyRange | null;
  readonly injured: CasualtyRange | null;
  readonly modality: EventModality;
  readonly salience: number;
  readonly span: { readonly start: number; readonly end: number };
  readonly text: string;
  readonly rule: string;
  /**
   * Beyond the contract: the field `span` points into (`text`, or `title` for a happening only the headline tells),
   * how many happenings an aggregate sums (null for one), the incident joined.
   */
  readonly field: 'text' | 'title';
  readonly aggregate: CasualtyRange | null;
  readonly incidentId: string | null;
  readonly confidence: number;
}

export const EVENT_COLUMNS = [
  'id',
  'documentId',
  'externalId',
  'type',
  'modes',
  'subEventType',
  'initiator',
  'target',
  'claimedBy',
  'blamedOn',
  'deniedBy',
  'place.name',
  'place.country',
  'place.admin1',
  'place.lat',
  'place.lon',
  'place.precision',
  'date.start',
  'date.end',
  'date.precision',
  'killed.low',
  'killed.high',
  'injured.low',
  'injured.high',
  'modality',
  'salience',
  'span.start',
  'span.end',
  'text',
  'rule',
  'aggregate.low',
  'aggregate.high',
  'incidentId',
  'confidence',
];

/** Claims, blames or denials in the contract's shape. */
export function toResponsibilityRecords(list: readonly Responsibility[]): ResponsibilityRecord[] {
  return list.map((r) => ({
    actor: toActorRecord(r.actor),
    by: r.by ? toActorRecord(r.by) : null,
    span: { start: r.span.start, end: r.span.end },
    text: r.text,
    rule: r.rule,
  }));
}

function toActorRecord(a: EventActor): ActorRecord {
  return {
    name: a.name,
    ...(a.id ? { id: a.id } : {}),
    ...(a.kind ? { kind: a.kind } : {}),
    ...(a.count !== undefined ? { count: a.count } : {}),
    ...(a.described ? { described: true } : {}),
  };
}

/** Actors in the contract's shape: `{name, id?, kind?, count?, described?}`. */
export function toActorRecords(actors: readonly EventActor[]): ActorRecord[] {
  return actors.map(toActorRecord);
}

export function toEventRecord(event: StoredEvent): EventRecord {
  return {
    id: event.id,
    documentId: event.documentId,
    externalId: event.externalId,
    type: event.type,
    modes: event.modes,
    subEventType: event.subEventType,
    initiator: toActorRecords(event.initiator),
    target: toActorRecords(event.target),
    claimedBy: toResponsibilityRecords(event.claimedBy),
    blamedOn: toResponsibilityRecords(event.blamedOn),
    deniedBy: toResponsibilityRecords(event.deniedBy),
    place: event.place,
    date: event.date ? { start: event.date.start, end: event.date.end, precision: event.date.precision } : null,
    killed: event.killed,
    injured: event.injured,
    modality: event.modality,
    salience: event.salience,
    span: event.span,
    text: event.text,
    rule: event.rule,
    field: event.field,
    aggregate: event.aggregate,
    incidentId: event.incidentId,
    confidence: event.confidence,
  };
}

/** `--what events`: JSONL, CSV, GeoJSON (a point per placed event) or an ACLED-like CSV. */
export const eventsExporter: Exporter = {
  ...EXPORT_FAMILIES.events,
  async run(store, format, write) {
    const list = (page: { limit: number; offset: number }) => store.events.list(page);
    if (format === 'geojson') return writeGeoJson(write, list, (e) => e.place, toEventRecord);
    if (format === 'acled') {
      const writer = new RecordWriter('csv', write);
      return eachPage(list, (page) => writer.write(toAcledRows(page.map((e) => ({ kind: 'event', event: e })))));
    }
    const writer = new RecordWriter(format as 'jsonl' | 'csv', write, format === 'csv' ? EVENT_COLUMNS : undefined);
    return eachPage(list, (page) => writer.write(page.map(toEventRecord)));
  },
};
