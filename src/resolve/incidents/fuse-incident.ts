/** @module Fusion: one incident's fields from every event that tells it. */

import { sameActor } from '../../extract/events/assign-roles.ts';
import type { CasualtyRange, Event, EventActor, EventPlace } from '../../model/event.ts';
import type { FusedCount, Incident } from '../../model/incident.ts';
import type { DatePrecision } from '../../model/interval.ts';
import { incidentKeys } from './block-keys.ts';

/** An event with what fusion needs of its document. */
export interface MemberEvent {
  readonly event: Event;
  /** The document's publication day (end of its interval), or null. */
  readonly published: string | null;
  readonly source: string | null;
  readonly syndicationGroup: string;
}

const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 0, week: 1, month: 2, year: 3 };

/**
 * Fuses the events of one incident (at least one): the date the most precise reports agree on (their intersection,
 * or their span when they disagree), the most precise place the events' own sentences give, every actor and mode,
 * casualties as low, best and high, and the sources (copies of one wire story count once).
 */
export function fuseIncident(id: string, members: readonly MemberEvent[]): Incident {
  if (members.length === 0) throw new Error(`Incident ${id} has no events to fuse; delete it instead.`);
  const events = members.map((m) => m.event);
  const first = events[0] as Event;
  const place = bestPlace(events.map((e) => e.place).filter((p): p is EventPlace => p !== null));
  const date = fuseDates(events);
  const sources = [...new Set(members.map((m) => m.source).filter((s): s is string => s !== null))].sort();
  return {
    id,
    type: first.type,
    modes: [...new Set(events.flatMap((e) => e.modes))].sort(),
    date,
    place,
    initiator: union(events.map((e) => e.initiator)),
    target: union(events.map((e) => e.target)),
    killed: fuseCounts(members, (e) => e.killed),
    injured: fuseCounts(members, (e) => e.injured),
    events: events.map((e) => e.id),
    documents: [...new Set(events.map((e) => e.documentId))],
    sources,
    sourceCount: new Set(members.map((m) => m.syndicationGroup)).size,
    aggregate: first.aggregate !== null,
    names: fuseNames(events),
    blockKeys: incidentKeys(first.type, place?.country ?? null, date),
  };
}

function fuseDates(events: readonly Event[]): Incident['date'] {
  const dated = events.map((e) => e.date).filter((d): d is NonNullable<Event['date']> => d !== null);
  if (dated.length === 0) return null;
  const finest = Math.min(...dated.map((d) => PRECISION_RANK[d.precision]));
  const best = dated.filter((d) => PRECISION_RANK[d.precision] === finest);
  const starts = best.map((d) => d.start).sort();
  const ends = best.map((d) => d.end).sort();
  const precision = (best[0] as (typeof best)[number]).precision;
  // The intersection where the reports agree; their span where they do not.
  const start = starts.at(-1) as string;
  const end = ends[0] as string;
  if (start <= end) return { start, end, precision };
  return { start: starts[0] as string, end: ends.at(-1) as string, precision };
}

/**
 * The place most events agree on: the country most of the events' own places are in (a place read in another
 * country by one report is outvoted), then the most precise place there, the most often given among equals.
 */
function bestPlace(places: readonly EventPlace[]): EventPlace | null {
  if (places.length === 0) return null;
  const own = places.filter((p) => !p.rule.startsWith('place-from-document'));
  const pool = own.length > 0 ? own : places;
  const countries = new Map<string, number>();
  for (const p of pool) countries.set(p.country ?? '', (countries.get(p.country ?? '') ?? 0) + 1);
  const country = [...countries].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const inCountry = pool.filter((p) => (p.country ?? '') === country);
  const counts = new Map<string, number>();
  for (const p of inCountry) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  return inCountry.reduce((a, p) =>
    p.precision < a.precision || (p.precision === a.precision && (counts.get(p.name) ?? 0) > (counts.get(a.name) ?? 0)) ? p : a,
  );
}

/**
 * Low is the least any report gives, high the most (open when a report gives an open range); best is the latest
 * report's value, since tolls grow as bodies are found and the wounded die (the largest among reports of that day).
 */
function fuseCounts(members: readonly MemberEvent[], pick: (e: Event) => CasualtyRange | null): FusedCount | null {
  const given = members.map((m) => ({ range: pick(m.event), published: m.published ?? '' })).filter((g) => g.range !== null) as Array<{
    range: CasualtyRange;
    published: string;
  }>;
  if (given.length === 0) return null;
  const low = Math.min(...given.map((g) => g.range.low));
  const high = given.some((g) => g.range.high === null) ? null : Math.max(...given.map((g) => g.range.high as number));
  const latest =
    given
      .map((g) => g.published)
      .sort()
      .at(-1) ?? '';
  const best = Math.max(...given.filter((g) => g.published === latest).map((g) => g.range.low));
  return { low, best, high, rule: given.length === 1 ? 'fuse/single-report' : 'fuse/latest-report' };
}

function union(lists: ReadonlyArray<readonly EventActor[]>): EventActor[] {
  const out: EventActor[] = [];
  for (const list of lists) for (const actor of list) if (!out.some((a) => sameActor(a, actor))) out.push(actor);
  return out;
}

/** At most this many names per incident: a story told by fifty reports keeps the names most of them give. */
const MAX_INCIDENT_NAMES = 60;

/** The events' names, the most often given first (ties in order of first appearance). */
function fuseNames(events: readonly Event[]): string[] {
  const counts = new Map<string, number>();
  for (const event of events) for (const name of event.names ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_INCIDENT_NAMES)
    .map(([name]) => name);
}
