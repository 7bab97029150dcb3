/** @module Weekday names ("said Monday", "last Friday", "will visit on Friday"), resolved to the day they most likely mean. */

import { mondayOf, weekday } from '../../model/day-number.ts';
import type { DateCandidate } from './date-candidate.ts';
import { isFutureTense } from './future-tense.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Capitalised only, as news prints them; all-caps for headlines.
const WEEKDAY = new RegExp(String.raw`\b(?:${[...DAYS, ...DAYS.map((day) => day.toUpperCase())].join('|')})\b`, 'g');
const PREFIX = /\b(last|next|this|past|coming)\s+$/i;
const RANGE_TAIL = new RegExp(String.raw`^\s*(?:to|through|until|-|–)\s*(${DAYS.join('|')})\b`);
const LOOK_BACK = 12;

/**
 * Every weekday in `text` as one day: the most recent such day on or before `reference` (but the day after it rather
 * than six days back), or the next one when the tense says future.
 */
export function findWeekdayDates(text: string, reference: number): DateCandidate[] {
  const found: DateCandidate[] = [];
  WEEKDAY.lastIndex = 0;
  for (let match = WEEKDAY.exec(text); match !== null; match = WEEKDAY.exec(text)) {
    const target = dayIndex(match[0]);
    const prefix = PREFIX.exec(text.slice(Math.max(0, match.index - LOOK_BACK), match.index));
    const start = prefix === null ? match.index : match.index - prefix[0].length;
    const day = resolveWeekday(target, prefix?.[1]?.toLowerCase(), reference, isFutureTense(text, start));
    const end = match.index + match[0].length;
    const tail = RANGE_TAIL.exec(text.slice(end, end + 16));
    if (tail !== null) {
      // "Monday to Friday": the end is the first such day on or after the start.
      const lastDay = day + ((dayIndex(tail[1] ?? '') - weekday(day) + 7) % 7);
      found.push({ start, end: end + tail[0].length, firstDay: day, lastDay, precision: 'day', rule: 'date/range', confidence: 0.75 });
      WEEKDAY.lastIndex = end + tail[0].length;
      continue;
    }
    found.push({ start, end, firstDay: day, lastDay: day, precision: 'day', rule: 'date/weekday', confidence: 0.8 });
  }
  return found;
}

function dayIndex(name: string): number {
  return DAYS.findIndex((day) => day.toUpperCase() === name.toUpperCase());
}

/**
 * "last Friday" is strictly before the reference, "next Friday" strictly after, "this Friday" in its Monday-to-Sunday
 * week; a bare weekday from five days before the reference to the day after it.
 */
function resolveWeekday(target: number, prefix: string | undefined, reference: number, future: boolean): number {
  const back = (weekday(reference) - target + 7) % 7;
  const ahead = (target - weekday(reference) + 7) % 7;
  if (prefix === 'last' || prefix === 'past') return reference - (back === 0 ? 7 : back);
  if (prefix === 'next' || prefix === 'coming') return reference + (ahead === 0 ? 7 : ahead);
  if (prefix === 'this') return mondayOf(reference) + ((target + 6) % 7);
  if (future) return reference + ahead;
  // The day after the reference rather than six days back: a report's date is often a day early (its time zone, or
  // the day of the happening it tells), and a report names last week's days as "last Wednesday".
  return back === 6 ? reference + 1 : reference - back;
}
