/**
 * @module An ACLED-like CSV: ACLED's column names and vocabulary (event type, sub-event type, actors, fatalities,
 * geo and time precision) for people who already use ACLED tools. One row per event or per incident.
 */
import { createRequire } from 'node:module';
import { ACLED_EVENT_TYPES } from '../extract/events/acled-sub-event.ts';
import type { EventActor } from '../model/event.ts';
import type { Incident } from '../model/incident.ts';
import type { StoredEvent } from '../store/store.ts';

/** ACLED's columns, in its order, as far as sitrep can fill them. */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'iso',
  'country',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'sitrep_type',
  'sitrep_modes',
  'sitrep_id',
  'sitrep_claimed_by',
  'sitrep_blamed_on',
  'sitrep_denied_by',
] as const;

export type AcledRow = Record<(typeof ACLED_COLUMNS)[number], string | number>;

const countryNames = (
  createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }
).countries;

function countryName(code: string | null): string {
  if (!code) return '';
  const names = countryNames[code];
  return (Array.isArray(names) ? names[0] : names) ?? code;
}

/** ACLED time precision: 1 the day is known, 2 the week, 3 the month or coarser. */
function timePrecision(precision: string | undefined): number {
  return precision === 'day' ? 1 : precision === 'week' ? 2 : 3;
}

/** ACLED geo precision: 1 the place itself, 2 near it or in its district, 3 a region or country. */
function geoPrecision(precision: number | undefined): number | string {
  if (precision === undefined) return '';
  return precision <= 1 ? 1 : precision <= 3 ? 2 : 3;
}

function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

function names(actors: readonly EventActor[]): [string, string] {
  return [
    actors[0]?.name ?? '',
    actors
      .slice(1)
      .map((a) => a.name)
      .join('; '),
  ];
}

/** Who claims, is blamed or denies, `; `-joined; a blame names its accuser: "Kata'ib Hezbollah (by Department of Defense)". */
function responsible(list: ReadonlyArray<{ readonly actor: EventActor; readonly by: EventActor | null }>): string {
  const seen = new Set<string>();
  for (const r of list) seen.add(r.by ? `${r.actor.name} (by ${r.by.name})` : r.actor.name);
  return [...seen].join('; ');
}

/** ACLED-like rows for events (fatalities: the event's low count) or incidents (the best estimate). */
export function toAcledRows(
  items: ReadonlyArray<
    { readonly kind: 'event'; readonly event: StoredEvent } | { readonly kind: 'incident'; readonly incident: Incident }
  >,
): AcledRow[] {
  return items.map((item) => {
    const record = item.kind === 'event' ? item.event : item.incident;
    const subEventType = item.kind === 'event' ? item.event.subEventType : subEventOf(item.incident);
    const eventType = ACLED_EVENT_TYPES[subEventType] ?? 'Strategic developments';
    const [actor1, assoc1] = names(record.initiator);
    const [actor2, assoc2] = names(record.target);
    const place = record.place;
    const day = record.date ? (record.date.precision === 'day' ? record.date.start : record.date.end) : '';
    return {
      event_id_cnty: `${place?.country ?? 'XX'}-${record.id}`,
      event_date: day,
      year: day.slice(0, 4),
      time_precision: timePrecision(record.date?.precision),
      disorder_type: disorderType(eventType),
      event_type: eventType,
      sub_event_type: subEventType,
      actor1,
      assoc_actor_1: assoc1,
      actor2,
      assoc_actor_2: assoc2,
      iso: place?.country ?? '',
      country: countryName(place?.country ?? null),
      admin1: place?.admin1 ?? '',
      location: place?.name ?? '',
      latitude: place ? place.lat : '',
      longitude: place ? place.lon : '',
      geo_precision: geoPrecision(place?.precision),
      source: item.kind === 'event' ? item.event.externalId : item.incident.sources.join('; '),
      notes:
        item.kind === 'event'
          ? item.event.text
          : `${item.incident.events.length} reports; ${item.incident.sourceCount} independent sources`,
      fatalities: item.kind === 'event' ? (item.event.killed?.low ?? 0) : (item.incident.killed?.best ?? 0),
      sitrep_type: record.type,
      sitrep_modes: record.modes.join(';'),
      sitrep_id: record.id,
      sitrep_claimed_by: responsible(record.claimedBy),
      sitrep_blamed_on: responsible(record.blamedOn),
      sitrep_denied_by: responsible(record.deniedBy),
    };
  });
}

/** An incident's sub-event type: the most telling of its modes, as for an event. */
function subEventOf(incident: Incident): string {
  const has = (m: string) => incident.modes.includes(m);
  if (incident.type === 'ASSAULT') {
    if (has('suicide')) return 'Suicide bomb';
    if (has('aerial') || has('drone')) return 'Air/drone strike';
    if (has('rocket') || has('missile') || has('heavy-weapons')) return 'Shelling/artillery/missile attack';
    if (has('explosives')) return 'Remote explosive/landmine/IED';
    if (has('abduction')) return 'Abduction/forced disappearance';
    return 'Attack';
  }
  if (incident.type === 'PROTEST') return 'Peaceful protest';
  if (incident.type === 'COERCE' && has('arrest')) return 'Arrests';
  if (incident.type === 'AGREE') return 'Agreement';
  return 'Other';
}
