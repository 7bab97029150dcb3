/** @module Day counts gathered into ISO weeks (Monday to Sunday), with the empty weeks between them kept as zeros. */

/** A count for the week starting on `week`. */
export interface WeekCount {
  /** The Monday the ISO week starts on, `YYYY-MM-DD`. */
  readonly week: string;
  readonly count: number;
}

const DAY_MS = 86_400_000;

/** The Monday of the ISO week holding `day` (`YYYY-MM-DD`). */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`weekStart needs a day as YYYY-MM-DD, not "${day}"`);
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Sums day counts per ISO week, oldest first. Weeks with nothing between the first and the last are kept as 0:
 * a timeline or a rate test that skips empty weeks would read a lull as no time at all.
 */
export function weeklyCounts(days: ReadonlyArray<{ readonly day: string; readonly count: number }>): WeekCount[] {
  const sums = new Map<string, number>();
  for (const { day, count } of days) {
    const week = weekStart(day);
    sums.set(week, (sums.get(week) ?? 0) + count);
  }
  if (sums.size === 0) return [];
  const weeks = [...sums.keys()].sort();
  const last = weeks[weeks.length - 1] as string;
  const out: WeekCount[] = [];
  for (
    let week = weeks[0] as string;
    week <= last;
    week = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10)
  )
    out.push({ week, count: sums.get(week) ?? 0 });
  return out;
}
