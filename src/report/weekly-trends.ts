/**
 * @module Weekly trends: incidents per ISO week by type (empty weeks kept), and the running totals reports give,
 * kept apart from the counted incidents. The API's /api/trends, the dashboard's timeline and the situation report
 * all read this one computation.
 */
import type { EventType } from '../model/event.ts';
import type { Fact } from '../model/fact.ts';
import type { Store, WeeklyIncidentCount } from '../store/store.ts';
import { describeEscalation, detectEscalation } from './detect-escalation.ts';
import { FIRST_DAY, isoDay, mondayOf, parseIsoDay } from '../model/day-number.ts';
import { listWeeks } from './weekly-counts.ts';

/** Weeks shown before the first report when `since` is not given: enough for the run-up, not a decade of history a report recalls. */
const LEAD_WEEKS = 8;
/** Facts read for running totals: more than any chart can show. */
const MAX_REPORTED_FACTS = 5000;
/** Categories whose figures over a period are running totals a trend chart can show ("23 attacks since 17 October"). */
const TALLIED = new Set(['attacks', 'strikes', 'killed', 'injured', 'casualties', 'kidnapped', 'hostages']);

/** A running total as reports give it: a fact over a period of a week or more. */
export interface ReportedTotal {
  readonly factId: string;
  readonly category: string;
  readonly noun: string | null;
  readonly value: Fact['value'];
  /** The day the total runs to. */
  readonly asOf: string;
  /** The day it counts from. */
  readonly from: string;
  readonly place: string | null;
  readonly status: Fact['status'];
  readonly sources: number;
}

/** What trends cover; every field narrows. */
export interface TrendQuery {
  /** Weeks from this day; default: eight weeks before the first report. */
  readonly since?: string;
  /** Weeks to this day; default: the last report. */
  readonly until?: string;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly type?: EventType;
  /** Incidents at a place whose name contains this text, any case. */
  readonly place?: string;
  /** Incidents with this actor on either side (its name as stored, any case). */
  readonly actor?: string;
}

/** One ISO week of incidents. */
export interface TrendWeek {
  /** The Monday it starts on. */
  readonly week: string;
  readonly incidents: number;
  /** People killed, best estimates summed. */
  readonly killed: number;
  /** Incidents per PLOVER type. */
  readonly byType: Readonly<Record<string, number>>;
  /** Why the week is flagged as escalating (see `detect-escalation.ts`), or null. */
  readonly flag: string | null;
}

/** A week flagged as escalating in one series: all incidents, or attacks (ASSAULT) in one country. */
export interface TrendFlag {
  readonly week: string;
  /** `all incidents`, or `ASSAULT in IQ`. */
  readonly series: string;
  readonly count: number;
  readonly baseline: number;
  readonly p: number;
  readonly reason: string;
}

export interface Trends {
  /** The first week shown (a Monday), or null with no incidents and no reports. */
  readonly since: string | null;
  readonly until: string | null;
  readonly weeks: readonly TrendWeek[];
  /** Incidents per week, country and type, within the weeks shown. */
  readonly series: readonly WeeklyIncidentCount[];
  /** Incidents dated outside the weeks shown. */
  readonly outside: number;
  readonly reported: readonly ReportedTotal[];
  /** Weeks well above the recent rate, in any series. */
  readonly flags: readonly TrendFlag[];
}

/** Incidents per week and the running totals reported, for `query`. */
export async function weeklyTrends(store: Store, query: TrendQuery): Promise<Trends> {
  const { since, until } = await defaultPeriod(store, query);
  const rows = await store.events.weeklyCounts({ ...query });
  // Day numbers, not ISO strings: a string loop past 9999-12-31 ("+010000-01-03" sorts first) never ends.
  const first = since === undefined ? null : mondayOf(dayOf(since));
  const last = until === undefined ? null : dayOf(until);
  const weekOf = new Map(rows.map((r) => [r.week, parseIsoDay(r.week)]));
  const inRange = rows.filter((r) => {
    const week = weekOf.get(r.week) ?? null;
    return week !== null && (first === null || week >= first) && (last === null || week <= last);
  });
  const outside = rows.filter((r) => !inRange.includes(r)).reduce((n, r) => n + r.incidents, 0);
  const byWeek = new Map<number, { incidents: number; killed: number; byType: Record<string, number> }>();
  for (const row of inRange) {
    const key = weekOf.get(row.week) as number;
    const week = byWeek.get(key) ?? { incidents: 0, killed: 0, byType: {} };
    week.incidents += row.incidents;
    week.killed += row.killed;
    week.byType[row.type] = (week.byType[row.type] ?? 0) + row.incidents;
    byWeek.set(key, week);
  }
  const weeks: TrendWeek[] = [];
  // Bounded by the weeks that hold incidents: a period asked for to 9999-12-31 lists no run of empty weeks longer than ten years.
  const listed = listWeeks([...byWeek.keys()], first, last === null ? null : mondayOf(last));
  const filled: Array<Omit<TrendWeek, 'flag'>> = listed.map((week) => ({
    week: isoDay(week),
    ...(byWeek.get(week) ?? { incidents: 0, killed: 0, byType: {} }),
  }));
  const flags = escalationFlags(filled, inRange);
  for (const week of filled) {
    const reasons = flags.filter((f) => f.week === week.week).map((f) => `${f.series}: ${f.reason}`);
    weeks.push({ ...week, flag: reasons.length > 0 ? reasons.join('; ') : null });
  }
  const facts = await store.claims.facts({
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.place ? { place: query.place } : {}),
    limit: MAX_REPORTED_FACTS,
  });
  const reported: ReportedTotal[] = facts
    .filter((f) => TALLIED.has(f.category) && f.period?.basis === 'text' && daysBetween(f.period.start, f.period.end) >= 6)
    .map((f) => ({
      factId: f.id,
      category: f.category,
      noun: f.noun,
      value: f.value,
      asOf: f.period?.end ?? '',
      from: f.period?.start ?? '',
      place: f.place?.name ?? null,
      status: f.status,
      sources: f.sources.length,
    }))
    .sort((a, b) => a.asOf.localeCompare(b.asOf) || a.category.localeCompare(b.category));
  return { since: filled[0]?.week ?? null, until: filled.at(-1)?.week ?? null, weeks, series: inRange, outside, reported, flags };
}

/** Flags on the weekly count of all incidents, and on attacks (ASSAULT) per country. */
function escalationFlags(weeks: ReadonlyArray<Omit<TrendWeek, 'flag'>>, series: readonly WeeklyIncidentCount[]): TrendFlag[] {
  const flags: TrendFlag[] = [];
  const test = (name: string, what: string, counts: number[]) => {
    for (const flag of detectEscalation(counts)) {
      const week = weeks[flag.index]?.week as string;
      flags.push({ week, series: name, count: flag.count, baseline: flag.baseline, p: flag.p, reason: describeEscalation(flag, what) });
    }
  };
  test(
    'all incidents',
    'incidents',
    weeks.map((w) => w.incidents),
  );
  const index = new Map(weeks.map((w, i) => [w.week, i]));
  const attacks = new Map<string, number[]>();
  for (const row of series) {
    if (row.type !== 'ASSAULT' || !row.country) continue;
    const counts = attacks.get(row.country) ?? new Array<number>(weeks.length).fill(0);
    const i = index.get(row.week);
    if (i !== undefined) counts[i] = (counts[i] ?? 0) + row.incidents;
    attacks.set(row.country, counts);
  }
  for (const [country, counts] of attacks) test(`ASSAULT in ${country}`, 'attacks', counts);
  return flags.sort((a, b) => a.week.localeCompare(b.week));
}

/** The period asked for, or else from eight weeks before the first report to the last. */
async function defaultPeriod(store: Store, query: { since?: string; until?: string }): Promise<{ since?: string; until?: string }> {
  if (query.since && query.until) return { since: query.since, until: query.until };
  const days = await store.overview.documentsByDay({ status: 'stored' });
  // A day the store holds that is no calendar day (written by an older version) counts as undated.
  const dated = days.map((d) => parseIsoDay(d.day)).filter((d) => d !== null);
  const firstDay = dated.reduce<number | undefined>((a, d) => (a === undefined || d < a ? d : a), undefined);
  const lastDay = dated.reduce<number | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  const since = query.since ?? (firstDay === undefined ? undefined : isoDay(Math.max(FIRST_DAY, firstDay - LEAD_WEEKS * 7)));
  const until = query.until ?? (lastDay === undefined ? undefined : isoDay(lastDay));
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

/** The day number of an ISO day the store or a parsed query gave; anything else is a programming error. */
function dayOf(day: string): number {
  const number = parseIsoDay(day);
  if (number === null) throw new Error(`weekly trends need days as YYYY-MM-DD from 0001-01-01 to 9999-12-31, not "${day}"`);
  return number;
}

/** Days from `start` to `end`; -1 when either is not a day. */
function daysBetween(start: string, end: string): number {
  const [a, b] = [parseIsoDay(start), parseIsoDay(end)];
  return a === null || b === null ? -1 : b - a;
}
