/**
 * @module Incremental incident resolution: a batch's new events are matched against the incidents filed under their
 * blocking keys (type, country, week) and join the best one or start their own; only the incidents touched are fused
 * again and saved. Ingesting the ten-thousandth report costs about what the first did.
 */
import type { Event } from '../../model/event.ts';
import type { Incident } from '../../model/incident.ts';
import { lookupKeys } from './block-keys.ts';
import { fuseIncident, type MemberEvent } from './fuse-incident.ts';
import { DATE_SLACK_DAYS, isJoinable, JOIN_SCORE, matchIncident, NAMED_DATE_SLACK_DAYS } from './match-incident.ts';

/** What resolution reads and writes; the store's `EventWrites` provides it inside a transaction. */
export interface IncidentWorkspace {
  /** Incidents filed under any of these keys. */
  incidentsByKeys(keys: readonly string[]): Promise<Incident[]>;
  /** The member events of these incidents, with what fusion needs of their documents. */
  membersOf(incidentIds: readonly string[]): Promise<Map<string, MemberEvent[]>>;
  /** Saves incidents whole (replacing any with the same id, with their keys) and points their events at them. */
  saveIncidents(incidents: readonly Incident[]): Promise<void>;
  deleteIncidents(ids: readonly string[]): Promise<void>;
}

export interface ResolveSummary {
  /** New events that joined an incident told before. */
  readonly joined: number;
  /** Incidents started by a new event. */
  readonly created: number;
  /** Incidents fused again and saved (joined, created, or left by a re-analysed document's old events). */
  readonly saved: number;
  readonly deleted: number;
}

/**
 * Resolves `events` (just saved, not yet in any incident). `dirty` names incidents whose events were removed (their
 * documents were analysed again): they are fused again from what is left, or deleted when nothing is.
 */
export async function resolveIncidents(
  workspace: IncidentWorkspace,
  events: readonly MemberEvent[],
  dirty: readonly string[] = [],
): Promise<ResolveSummary> {
  // Each report's central happenings first: a report's side mention (an earlier shooting, the same one misdated) must
  // not start the incident that another report's main account then joins, leaving this report's own main account
  // barred from it (one report never joins an incident twice). On the GVA documents this took B-cubed from 0.857 to 0.883.
  const joinable = events
    .filter((m) => isJoinable(m.event))
    .sort(
      (a, b) =>
        b.event.salience - a.event.salience ||
        (a.event.date?.start ?? '').localeCompare(b.event.date?.start ?? '') ||
        (a.published ?? '').localeCompare(b.published ?? '') ||
        a.event.id.localeCompare(b.event.id),
    );
  const keysOf = (m: MemberEvent) =>
    lookupKeys(
      m.event.type,
      m.event.place?.country ?? null,
      m.event.date,
      DATE_SLACK_DAYS[m.event.date?.precision ?? 'day'] * 2 + ((m.event.names ?? []).length > 0 ? NAMED_DATE_SLACK_DAYS : 0),
    );
  const incidents = new Map<string, Incident>();
  const byKey = new Map<string, Set<string>>();
  const file = (incident: Incident) => {
    incidents.set(incident.id, incident);
    for (const key of incident.blockKeys) {
      const ids = byKey.get(key) ?? new Set<string>();
      if (ids.size === 0) byKey.set(key, ids);
      ids.add(incident.id);
    }
  };
  const wanted = [...new Set(joinable.flatMap(keysOf))];
  for (const incident of await workspace.incidentsByKeys(wanted)) file(incident);
  const members = new Map<string, MemberEvent[]>();
  const touched = new Set<string>(dirty);
  const load = async (ids: readonly string[]) => {
    const missing = ids.filter((id) => !members.has(id));
    if (missing.length === 0) return;
    const loaded = await workspace.membersOf(missing);
    for (const id of missing) members.set(id, loaded.get(id) ?? []);
  };
  await load(dirty);
  let joined = 0;
  let created = 0;
  // Where each report's happenings went, by what tells them apart (type, day, place): a report that tells one
  // shooting in two places of its text ("police said the man was shot ...", "authorities said he died ...") gives
  // two events no incident could tell apart, and they must not split the reports that follow between two incidents.
  const placed = new Map<string, string>();
  for (const member of joinable) {
    const twin = placed.get(happeningKey(member.event));
    let best: Incident | null = twin ? (incidents.get(twin) ?? null) : null;
    let bestScore = Number.NEGATIVE_INFINITY;
    const seen = new Set<string>();
    for (const key of best ? [] : keysOf(member)) {
      for (const id of byKey.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const incident = incidents.get(id) as Incident;
        const score = matchIncident(member.event, incident);
        if (score !== null && score >= JOIN_SCORE && (score > bestScore || (score === bestScore && best !== null && id < best.id))) {
          best = incident;
          bestScore = score;
        }
      }
    }
    if (best) {
      placed.set(happeningKey(member.event), best.id);
      await load([best.id]);
      const list = members.get(best.id) as MemberEvent[];
      list.push(member);
      file(fuseIncident(best.id, list));
      touched.add(best.id);
      joined++;
    } else if (members.has(member.event.id) || incidents.has(member.event.id)) {
      // A re-analysed report's event keeps its id, and so the incident it started before.
      placed.set(happeningKey(member.event), member.event.id);
      await load([member.event.id]);
      const list = members.get(member.event.id) as MemberEvent[];
      list.push(member);
      file(fuseIncident(member.event.id, list));
      touched.add(member.event.id);
      joined++;
    } else {
      placed.set(happeningKey(member.event), member.event.id);
      members.set(member.event.id, [member]);
      file(fuseIncident(member.event.id, [member]));
      touched.add(member.event.id);
      created++;
    }
  }
  const save: Incident[] = [];
  const remove: string[] = [];
  for (const id of touched) {
    const list = members.get(id) ?? [];
    if (list.length === 0) remove.push(id);
    else save.push(fuseIncident(id, list));
  }
  if (remove.length > 0) await workspace.deleteIncidents(remove);
  if (save.length > 0) await workspace.saveIncidents(save);
  return { joined, created, saved: save.length, deleted: remove.length };
}

/**
 * What tells one report's happenings apart as far as resolution can: the report, type, event clarity, date and place.
 * Two events of one report under one key are one happening told twice.
 */
function happeningKey(event: Event): string {
  const date = event.date ? `${event.date.start}/${event.date.end}/${event.date.precision}` : '-';
  const place = event.place ? `${event.place.country ?? '-'}|${event.place.name}` : '-';
  return [event.documentId, event.type, event.aggregate === null ? 'single' : 'aggregate', date, place].join('|');
}
