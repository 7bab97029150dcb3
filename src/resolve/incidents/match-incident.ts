/** @module Whether an event tells an incident already known, and how strongly: hard limits, then a score of what they share. */

import { sameActor } from '../../extract/events/assign-roles.ts';
import { distanceKm } from '../../understand/places/distance-km.ts';
import type { Event, EventActor, EventPlace } from '../../model/event.ts';
import type { Incident } from '../../model/incident.ts';
import type { DatePrecision } from '../../model/interval.ts';
import { sharedKeys } from '../../extract/events/name-keys.ts';

/** Days a date may be off by, per precision: reports say "late Sunday" and "early Monday" of one shooting. */
export const DATE_SLACK_DAYS: Readonly<Record<DatePrecision, number>> = { day: 1, week: 3, month: 7, year: 30 };
/** How far apart two places may be, in km, per the coarser place's precision (1 exact … 4 first-level region). */
const PLACE_RADIUS_KM: Readonly<Record<number, number>> = { 1: 40, 2: 50, 3: 120, 4: 400 };
/** Shared name keys (see `name-keys.ts`) that make a link on their own account. */
const NAMES_THAT_LINK = 2;
/**
 * Names each side must give before sharing none of them counts against a match. One: reports of one shooting nearly
 * always share a victim, a street or a suspect (on the GVA documents B-cubed was 0.897 with three, 0.902 with one).
 */
const NAMES_TO_DIFFER = 1;
/** Days of extra slack for an event that shares that many names: follow-ups are misdated more than places are. */
export const NAMED_DATE_SLACK_DAYS = 5;
/** The least score that joins an event to an incident. */
export const JOIN_SCORE = 1.5;

/** Modalities of happenings that happened (as far as the report knows): only these join incidents. */
export function isJoinable(event: Event): boolean {
  return (event.modality === 'asserted' || event.modality === 'reported-unconfirmed') && event.date !== null;
}

/**
 * The score of `event` against `incident`, or null when they cannot be one happening: another type or event clarity,
 * the same document (a report's distinct events are distinct), dates apart beyond their precision's slack, places
 * apart beyond their precision's radius (another country for a country-level place), initiators on different sides.
 * Reports sharing two or more distinctive names are given more days and any distance: one of them misread the day or
 * the town. The score adds what they share: a precise place, a day, actors (people most), names, equal casualty
 * counts; and takes off for unequal counts and for names that differ.
 */
export function matchIncident(event: Event, incident: Incident): number | null {
  if (event.type !== incident.type || (event.aggregate !== null) !== incident.aggregate) return null;
  if (incident.documents.includes(event.documentId)) return null;
  if (!event.date || !incident.date) return null;
  const names = sharedKeys(event.names ?? [], incident.names ?? []);
  const named = names >= NAMES_THAT_LINK;
  const usual = DATE_SLACK_DAYS[event.date.precision] + DATE_SLACK_DAYS[incident.date.precision];
  const gap = dayGap(event.date, incident.date);
  if (gap > usual + (named ? NAMED_DATE_SLACK_DAYS : 0)) return null;
  const killed = compareCounts(event.killed, incident.killed ? { low: incident.killed.best, high: incident.killed.best } : null, 1.5);
  // Names stretch the days only for one toll: a dozen dead one day and five hundred six days on are two happenings the
  // same officials told of ("the pagers exploded", then "the strikes"), however many names the reports share.
  if (gap > usual && killed < 0) return null;
  const place = comparePlaces(event.place, incident.place, incident.aggregate || named);
  if (place === null) return null;
  if (sidesDiffer(event.initiator, incident.initiator)) return null;
  let score = place;
  if (gap === 0 && event.date.precision === 'day' && incident.date.precision === 'day') score += 1;
  else if (gap === 0) score += 0.5;
  // A follow-up that shares the names is dated by its own news (an arrest, a funeral): the days past the usual slack
  // cost no more.
  else score -= 0.25 * Math.min(gap, usual);
  score += shared(event.initiator, incident.initiator) + shared(event.target, incident.target);
  score += nameScore(names, event.names ?? [], incident.names ?? []);
  score += killed;
  score += compareCounts(event.injured, incident.injured ? { low: incident.injured.best, high: incident.injured.best } : null, 1);
  return score;
}

/** Days between two intervals; 0 when they overlap. */
export function dayGap(a: { start: string; end: string }, b: { start: string; end: string }): number {
  if (a.start <= b.end && b.start <= a.end) return 0;
  const later = a.start > b.end ? a.start : b.start;
  const earlier = a.start > b.end ? b.end : a.end;
  return Math.round((Date.parse(later) - Date.parse(earlier)) / 86_400_000);
}

/**
 * Shared names add one each (up to four); reports that both give names and share none are likely about two
 * happenings (two shootings in one city on one night), which takes one off.
 */
function nameScore(shared: number, a: readonly string[], b: readonly string[]): number {
  if (shared > 0) return Math.min(shared, 4);
  return a.length >= NAMES_TO_DIFFER && b.length >= NAMES_TO_DIFFER ? -1 : 0;
}

/** Null when the places rule the match out; else what they add to the score. */
function comparePlaces(a: EventPlace | null, b: EventPlace | null, loose: boolean): number | null {
  if (!a || !b) return 0;
  // A place read off the report as a whole, not the event's own sentences, may be wrong, an aggregate spans places
  // ("12 attacks in Iraq and seven in Syria"), and reports sharing names are one story placed apart by a misreading:
  // none of them rules a match out.
  const weak = loose || a.rule.startsWith('place-from-document') || b.rule.startsWith('place-from-document');
  if (a.country && b.country && a.country !== b.country) return weak ? -1 : null;
  if (a.precision >= 5 || b.precision >= 5) return a.name === b.name ? 1 : 0.5;
  const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
  const radius = PLACE_RADIUS_KM[Math.max(a.precision, b.precision)] ?? 400;
  if (km > radius) return weak ? -1 : null;
  if (a.name === b.name || km < 1) return a.precision <= 3 && b.precision <= 3 ? 2 : 1;
  return km <= radius / 2 ? 1 : 0.5;
}

/**
 * Initiators on different sides: both named with a state they belong to, none shared, no country in common. Groups
 * without a state ("police", "a gunman") say too little to rule a match out.
 */
function sidesDiffer(a: readonly EventActor[], b: readonly EventActor[]): boolean {
  if (!a.some((x) => x.country) || !b.some((y) => y.country)) return false;
  if (a.some((x) => b.some((y) => sameActor(x, y)))) return false;
  if (a.some((x) => x.country && b.some((y) => y.country === x.country))) return false;
  return true;
}

/** Shared actors: a named person (no lexicon id) is worth more than a group. */
function shared(a: readonly EventActor[], b: readonly EventActor[]): number {
  let score = 0;
  for (const x of a) {
    // A described target ("a man", "the bus") is in many reports.
    if (x.described) continue;
    // A person's name is telling; a group ("police", "the United States") is named in many reports.
    if (b.some((y) => sameActor(x, y))) score += x.id || x.country ? 0.5 : 2;
    else if (x.country && b.some((y) => y.country === x.country)) score += 0.25;
  }
  return Math.min(score, 3);
}

/**
 * Equal counts add `weight`, unequal ones take off half of it (counts grow, and are misread), except a large toll revised
 * up to fourfold, which says nothing either way; an unknown count says nothing.
 */
function compareCounts(
  a: { low: number; high: number | null } | null,
  b: { low: number; high: number | null } | null,
  weight: number,
): number {
  if (!a || !b) return 0;
  const aHigh = a.high ?? Number.POSITIVE_INFINITY;
  const bHigh = b.high ?? Number.POSITIVE_INFINITY;
  if (a.low <= bHigh && b.low <= aHigh) return weight;
  // A strike's toll as rescuers dig ("more than 20", then "35") differs without telling another happening.
  const [less, more] = a.low < b.low ? [a.low, b.low] : [b.low, a.low];
  if (less >= TOLL_REVISED_FROM && more <= TOLL_REVISION_GROWTH * less) return 0;
  return -weight / 2;
}

/** Counts this large revised up to this many times over are one toll told at two moments, not two happenings. */
const TOLL_REVISED_FROM = 10;
const TOLL_REVISION_GROWTH = 4;
