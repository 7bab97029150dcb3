/** @module Day counts gathered into ISO weeks (Monday to Sunday), with the empty weeks between them kept as zeros. */
import { isoDay, isoDayProblem, mondayOf, parseIsoDay } from '../model/day-number.ts';

/** A count for the week starting on `week`. */
export interface WeekCount {
  /** The Monday the ISO week starts on, `YYYY-MM-DD`. */
  readonly week: string;
  readonly count: number;
}

/**
 * The longest run of empty weeks listed one by one (ten years). A longer lull, or a stray date centuries away
 * (a report dated 9999-12-31), is skipped over, so the weeks listed stay bounded by the weeks that hold data.
 */
export const MAX_EMPTY_WEEKS = 522;

/** The Monday of the ISO week holding `day` (`YYYY-MM-DD`, 0001-01-01 to 9999-12-31). */
export function weekStart(day: string): string {
  const number = parseIsoDay(day);
  if (number === null) throw new Error(`weekStart needs a day as YYYY-MM-DD, not "${day}": it ${isoDayProblem(day)}`);
  return isoDay(mondayOf(number));
}

/**
 * The Mondays to list, oldest first: every week from `from` to `to` (day numbers of Mondays; by default the first
 * and the last of `weeks`), except runs of more than `MAX_EMPTY_WEEKS` weeks holding none of `weeks`, which are
 * skipped, ends included. The work is bounded by the number of weeks with data, never by how far apart they are.
 */
export function listWeeks(weeks: readonly number[], from: number | null = null, to: number | null = null): number[] {
  const held = [...new Set(weeks)].filter((w) => (from === null || w >= from) && (to === null || w <= to)).sort((a, b) => a - b);
  const gapIsShort = (a: number, b: number) => (b - a) / 7 - 1 <= MAX_EMPTY_WEEKS;
  const first = held[0];
  const last = held[held.length - 1];
  if (first === undefined || last === undefined)
    return from !== null && to !== null && from <= to && gapIsShort(from - 7, to + 7) ? fill(from, to) : [];
  const start = from !== null && gapIsShort(from - 7, first) ? from : first;
  const end = to !== null && gapIsShort(last, to + 7) ? to : last;
  const out: number[] = [];
  let previous: number | undefined;
  for (const week of [start, ...held, end]) {
    if (previous === undefined) out.push(week);
    else if (week > previous) out.push(...(gapIsShort(previous, week) ? fill(previous + 7, week) : [week]));
    previous = week;
  }
  return out;
}

function fill(from: number, to: number): number[] {
  const out: number[] = [];
  for (let week = from; week <= to; week += 7) out.push(week);
  return out;
}

/**
 * Sums day counts per ISO week, oldest first. Weeks with nothing between the first and the last are kept as 0:
 * a timeline or a rate test that skips empty weeks would read a lull as no time at all (but see `MAX_EMPTY_WEEKS`).
 * A day that is not a calendar day from 0001-01-01 to 9999-12-31 is left out, as an undated report is.
 */
export function weeklyCounts(days: ReadonlyArray<{ readonly day: string; readonly count: number }>): WeekCount[] {
  const sums = new Map<number, number>();
  for (const { day, count } of days) {
    const number = parseIsoDay(day);
    if (number === null) continue;
    const week = mondayOf(number);
    sums.set(week, (sums.get(week) ?? 0) + count);
  }
  return listWeeks([...sums.keys()]).map((week) => ({ week: isoDay(week), count: sums.get(week) ?? 0 }));
}
