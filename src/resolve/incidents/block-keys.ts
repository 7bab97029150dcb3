/** @module Blocking keys: an event is compared only with incidents sharing a key (type, country, ISO week), never with the whole store. */
import type { EventType } from '../../model/event.ts';

/** At most this many weeks key one event or incident: a month-long aggregate is found by its first weeks. */
const MAX_WEEKS = 6;
/** The country part of a key for a happening whose country is unknown. */
export const NO_COUNTRY = '-';
/** The country part under which every incident is also filed, for events whose country is unknown. */
export const ANY_COUNTRY = '*';

/** The Monday of the ISO week `day` falls in, as an ISO day: the week part of a key. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday);
  return date.toISOString().slice(0, 10);
}

/** The weeks an interval touches, widened by `slackDays` on each side, at most `MAX_WEEKS` of them. */
export function weeksOf(start: string, end: string, slackDays = 0): string[] {
  const weeks: string[] = [];
  const from = new Date(`${start}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - slackDays);
  const to = new Date(`${end}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + slackDays);
  for (
    let d = new Date(`${weekOf(from.toISOString().slice(0, 10))}T00:00:00Z`);
    d <= to && weeks.length < MAX_WEEKS;
    d.setUTCDate(d.getUTCDate() + 7)
  )
    weeks.push(d.toISOString().slice(0, 10));
  return weeks;
}

/** The keys an incident is filed under: its own country's and the any-country keys, for every week it touches. */
export function incidentKeys(type: EventType, country: string | null, date: { start: string; end: string } | null): string[] {
  const weeks = date ? weeksOf(date.start, date.end) : ['undated'];
  return weeks.flatMap((week) => [`${type}|${country ?? NO_COUNTRY}|${week}`, `${type}|${ANY_COUNTRY}|${week}`]);
}

/**
 * The keys an event looks under: for a known country, its country's keys and those of incidents with no country;
 * for an unknown one, every incident of the type. Weeks are widened by the date's tolerance (`slackDays`).
 */
export function lookupKeys(
  type: EventType,
  country: string | null,
  date: { start: string; end: string } | null,
  slackDays: number,
): string[] {
  const weeks = date ? weeksOf(date.start, date.end, slackDays) : ['undated'];
  if (country === null) return weeks.map((week) => `${type}|${ANY_COUNTRY}|${week}`);
  return weeks.flatMap((week) => [`${type}|${country}|${week}`, `${type}|${NO_COUNTRY}|${week}`]);
}
