/** @module The export contract for incidents: one happening across reports, fused, with every event, document and source. */
import type { EventPlace, EventType } from '../model/event.ts';
import type { FusedCount, Incident, IncidentResponsibility } from '../model/incident.ts';
import type { Store } from '../store/store.ts';
import { toAcledRows } from './acled-csv.ts';
import { type ActorRecord, toActorRecords } from './event-record.ts';
import { EXPORT_FAMILIES } from './export-families.ts';
import { type Exporter, eachPage } from './exporters.ts';
import { writeGeoJson } from './geojson.ts';
import { RecordWriter } from './write-records.ts';

/** A claim, blame or denial across an incident: who, who says so, and the ids of the events whose sentences say it. */
export interface IncidentResponsibilityRecord {
  readonly actor: ActorRecord;
  readonly by: ActorRecord | null;
  readonly events: readonly string[];
}

/** One incident as `sitrep export --what incidents` writes it. Documented in `docs/events-and-incidents.md`. */
export interface IncidentRecord {
  readonly id: string;
  readonly type: EventType;
  readonly modes: readonly string[];
  readonly date: Incident['date'];
  readonly place: EventPlace | null;
  readonly initiator: readonly ActorRecord[];
  readonly target: readonly ActorRecord[];
  /** Every claim, blame and denial of its events, one entry per actor (and accuser), with the events that say it. */
  readonly claimedBy: readonly IncidentResponsibilityRecord[];
  readonly blamedOn: readonly IncidentResponsibilityRecord[];
  readonly deniedBy: readonly IncidentResponsibilityRecord[];
  /** `{low, best, high}` and the rule that chose `best`; null when no report gives a figure. */
  readonly killed: FusedCount | null;
  readonly injured: FusedCount | null;
  /** Event ids. */
  readonly events: readonly string[];
  /** External ids of the documents. */
  readonly documents: readonly string[];
  readonly sources: readonly string[];
  readonly sourceCount: number;
  readonly aggregate: boolean;
}

export const INCIDENT_COLUMNS = [
  'id',
  'type',
  'modes',
  'date.start',
  'date.end',
  'date.precision',
  'place.name',
  'place.country',
  'place.admin1',
  'place.lat',
  'place.lon',
  'place.precision',
  'initiator',
  'target',
  'claimedBy',
  'blamedOn',
  'deniedBy',
  'killed.low',
  'killed.best',
  'killed.high',
  'killed.rule',
  'injured.low',
  'injured.best',
  'injured.high',
  'injured.rule',
  'events',
  'documents',
  'sources',
  'sourceCount',
  'aggregate',
];

export function toIncidentRecord(incident: Incident, externalIds: ReadonlyMap<string, string>): IncidentRecord {
  return {
    id: incident.id,
    type: incident.type,
    modes: incident.modes,
    date: incident.date,
    place: incident.place,
    initiator: toActorRecords(incident.initiator),
    target: toActorRecords(incident.target),
    claimedBy: toIncidentResponsibilityRecords(incident.claimedBy),
    blamedOn: toIncidentResponsibilityRecords(incident.blamedOn),
    deniedBy: toIncidentResponsibilityRecords(incident.deniedBy),
    killed: incident.killed,
    injured: incident.injured,
    events: incident.events,
    documents: incident.documents.map((d) => externalIds.get(d) ?? d),
    sources: incident.sources,
    sourceCount: incident.sourceCount,
    aggregate: incident.aggregate,
  };
}

function toIncidentResponsibilityRecords(list: readonly IncidentResponsibility[]): IncidentResponsibilityRecord[] {
  return list.map((r) => ({
    actor: toActorRecords([r.actor])[0] as ActorRecord,
    by: r.by ? (toActorRecords([r.by])[0] as ActorRecord) : null,
    events: r.events,
  }));
}

/** External ids of the documents of a page of incidents, looked up once each. */
async function externalIdsOf(store: Store, incidents: readonly Incident[], known: Map<string, string>): Promise<Map<string, string>> {
  for (const id of new Set(incidents.flatMap((i) => i.documents))) {
    if (!known.has(id)) known.set(id, (await store.documents.get(id))?.externalId ?? id);
  }
  return known;
}

/** `--what incidents`: JSONL, CSV, GeoJSON (a point per placed incident) or an ACLED-like CSV. */
export const incidentsExporter: Exporter = {
  ...EXPORT_FAMILIES.incidents,
  async run(store, format, write, options) {
    const known = new Map<string, string>();
    const list = async (page: { limit: number; offset: number }) => {
      const incidents = await store.events.incidents({ ...options.incidents, ...page });
      await externalIdsOf(store, incidents, known);
      return incidents;
    };
    if (format === 'geojson')
      return writeGeoJson(
        write,
        list,
        (i) => i.place,
        (i) => toIncidentRecord(i, known),
      );
    if (format === 'acled') {
      const writer = new RecordWriter('csv', write);
      return eachPage(list, (page) => writer.write(toAcledRows(page.map((incident) => ({ kind: 'incident', incident })))));
    }
    const writer = new RecordWriter(format as 'jsonl' | 'csv', write, format === 'csv' ? INCIDENT_COLUMNS : undefined);
    return eachPage(list, (page) => writer.write(page.map((i) => toIncidentRecord(i, known))));
  },
};
