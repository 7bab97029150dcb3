/** @module Fusion: one incident's fields from every event that tells it. */

import { sameActor } from '../../extract/events/assign-roles.ts';
import type { CasualtyRange, Event, EventActor, EventPlace, Responsibility } from '../../model/event.ts';
import type { FusedCount, Incident, IncidentResponsibility } from '../../model/incident.ts';
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
    claimedBy: fuseResponsibility(events, (e) => e.claimedBy),
    blamedOn: fuseResponsibility(events, (e) => e.blamedOn),
    deniedBy: fuseResponsibility(events, (e) => e.deniedBy),
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
 * Low is the least any report gives, high the most (open when a report gives an open range). Best is the count most
 * reports give: each report votes once, with its main account of the incident (its most salient event in it; a side
 * mention's partial count does not vote), and copies of one wire story vote once. Among equal votes the largest count
 * wins (`fuse/largest-tied`), since tolls grow as bodies are found and the wounded die, and a report that counts only
 * the victim it names or one city's dead counts fewer (conflict-news: killed right 17 → 20 of 33; GVA killed
 * unchanged). A report that gives no count does not vote: its silence is not a zero. Measured on the Gun Violence Archive
 * reports (`npm run eval -- gva`, the incident lines), this agrees with the archive more often than the latest
 * report's count alone, which a follow-up that counts only the victim it names gets wrong. A larger count from a day
 * after every report of the leading count is a revision and wins (`fuse/later-revision`): "at least 47" on the day,
 * "54" two days on.
 */
function fuseCounts(members: readonly MemberEvent[], pick: (e: Event) => CasualtyRange | null): FusedCount | null {
  const given = members.filter((m) => pick(m.event) !== null);
  if (given.length === 0) return null;
  const ranges = given.map((m) => pick(m.event) as CasualtyRange);
  const low = Math.min(...ranges.map((r) => r.low));
  const high = ranges.some((r) => r.high === null) ? null : Math.max(...ranges.map((r) => r.high as number));
  // Each report's main account, then one voice per syndication group (its latest report).
  const mainOf = new Map<string, MemberEvent>();
  for (const m of members) {
    const known = mainOf.get(m.event.documentId);
    if (!known || m.event.salience > known.event.salience) mainOf.set(m.event.documentId, m);
  }
  const voiceOf = new Map<string, { count: number; published: string }>();
  for (const m of mainOf.values()) {
    const range = pick(m.event);
    if (range === null) continue;
    const published = m.published ?? '';
    const known = voiceOf.get(m.syndicationGroup);
    if (!known || published > known.published) voiceOf.set(m.syndicationGroup, { count: range.low, published });
  }
  // Side mentions only: the latest of them.
  const voices =
    voiceOf.size > 0 ? [...voiceOf.values()] : given.map((m) => ({ count: pick(m.event)?.low ?? 0, published: m.published ?? '' }));
  const votes = new Map<number, number>();
  for (const v of voices) votes.set(v.count, (votes.get(v.count) ?? 0) + 1);
  const most = Math.max(...votes.values());
  const leaders = voices.filter((v) => votes.get(v.count) === most);
  // Among equal votes the largest count: on war reporting the reports of one strike split ("31 in Kyiv", "43
  // across Ukraine", "one boy died later"), and the smaller counts are partial or early.
  const leader = leaders.reduce((a, v) => (v.count > a.count || (v.count === a.count && v.published > a.published) ? v : a));
  // A toll revised upward on a later day than every report of the count most give: the dead are found, the wounded die.
  const lastLeader = leaders.reduce((a, v) => (v.published > a ? v.published : a), '');
  const revision = voices
    .filter((v) => v.published > lastLeader && v.count > leader.count)
    .reduce<{ count: number; published: string } | null>(
      (a, v) => (a === null || v.published > a.published || (v.published === a.published && v.count > a.count) ? v : a),
      null,
    );
  if (revision !== null) return { low, best: revision.count, high, rule: 'fuse/later-revision' };
  const tied = new Set(leaders.map((v) => v.count)).size > 1;
  const rule = voices.length === 1 ? 'fuse/single-report' : tied ? 'fuse/largest-tied' : 'fuse/most-reports';
  return { low, best: leader.count, high, rule };
}

function union(lists: ReadonlyArray<readonly EventActor[]>): EventActor[] {
  const out: EventActor[] = [];
  for (const list of lists) for (const actor of list) if (!out.some((a) => sameActor(a, actor))) out.push(actor);
  return out;
}

/**
 * The claims (or blames, or denials) of every event, one entry per actor and accuser, with the events that say it.
 * Events stored before responsibility was read have none.
 */
function fuseResponsibility(events: readonly Event[], pick: (e: Event) => readonly Responsibility[] | undefined): IncidentResponsibility[] {
  const out: Array<{ actor: EventActor; by: EventActor | null; events: string[] }> = [];
  for (const event of events) {
    for (const r of pick(event) ?? []) {
      const known = out.find((o) => sameActor(o.actor, r.actor) && (o.by === null || r.by === null || sameActor(o.by, r.by)));
      if (!known) out.push({ actor: r.actor, by: r.by, events: [event.id] });
      else {
        known.by ??= r.by;
        if (!known.events.includes(event.id)) known.events.push(event.id);
      }
    }
  }
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
