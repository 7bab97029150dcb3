/**
 * @module How two figures relate: whether their values agree ("at least 14" and "14"), whether they speak of one
 * scope (Iraq is not "Iraq and Syria"; Abu Kamal may be inside Syria) and one time, and whether a later one
 * supersedes an earlier count of the same growing thing.
 */

import { headWord, isSalvoNoun } from '../../extract/claims/claim-categories.ts';
import type { ClaimCategory, ClaimPeriod, ClaimPlace, ClaimValue } from '../../model/claim.ts';
import { distanceKm } from '../../understand/places/distance-km.ts';

/** `agree`: the same figure; `compatible`: ranges that overlap ("at least 10" and "14"); `conflict`: disjoint ranges. */
export type ValueRelation = 'agree' | 'compatible' | 'conflict';
/** `same`: one scope for sure; `weak`: may be one (a place inside the other, an unknown or lede place); `different`. */
export type PlaceRelation = 'same' | 'weak' | 'different';
/** `same`: one period for sure; `overlap`: may be one; `apart`: cannot be. */
export type PeriodRelation = 'same' | 'overlap' | 'apart';

const DAY = 86_400_000;
/** Days either way two periods' ends (and starts) may differ and still be one period: "since Oct. 17" read on 30 or 31 October. */
export const SAME_PERIOD_DAYS = 2;
/** Two precise places this close (km) are one place. */
const SAME_PLACE_KM = 25;
/** A place this close (km) to a region whose first-level region is unknown may lie inside it. */
const INSIDE_REGION_KM = 150;
// "About 40" agrees with figures within this share of it.
const ABOUT_SHARE = 0.1;

/**
 * How far back (days) a figure without a date of its own may reach: a standing figure (troops) stays true for
 * months; a count of casualties or attacks as of a report is about the days just before it.
 */
export function asOfWindowDays(category: ClaimCategory): number {
  if (category === 'troops') return 365;
  if (category === 'hostages' || category === 'displaced' || category === 'missing') return 60;
  return 7;
}

/** The number a value is stated around: the bound given ("at least 14" → 14, "fewer than 10" → 10). */
export function valueAnchor(value: ClaimValue): number {
  if (value.qualifier === 'at-most' || value.qualifier === 'less-than') return value.high ?? value.low;
  return value.low;
}

/** The range a value allows, as `[low, high]` with `Infinity` for open ends. */
function valueRange(value: ClaimValue): readonly [number, number] {
  switch (value.qualifier) {
    case 'exact':
      return [value.low, value.high ?? value.low];
    case 'at-least':
      return [value.low, value.high ?? Number.POSITIVE_INFINITY];
    case 'more-than':
      return [value.low + 1e-9, value.high ?? Number.POSITIVE_INFINITY];
    case 'about':
      return [Math.floor(value.low * (1 - ABOUT_SHARE)), Math.ceil((value.high ?? value.low) * (1 + ABOUT_SHARE))];
    case 'at-most':
      return [0, value.high ?? value.low];
    case 'less-than':
      return [0, (value.high ?? value.low) - 1e-9];
    case 'range':
      return [value.low, value.high ?? value.low];
  }
}

/** Whether two values state the same figure, overlap, or cannot both be true. */
export function compareValues(a: ClaimValue, b: ClaimValue): ValueRelation {
  const anchorA = valueAnchor(a);
  const anchorB = valueAnchor(b);
  const lower = (v: ClaimValue) => v.qualifier === 'at-most' || v.qualifier === 'less-than';
  // The same number with qualifiers that lean the same way (or not at all): "at least 14", "14", "more than 14".
  if (anchorA === anchorB && (lower(a) === lower(b) || a.qualifier === 'exact' || b.qualifier === 'exact')) return 'agree';
  if ((a.qualifier === 'about' || b.qualifier === 'about') && Math.abs(anchorA - anchorB) <= ABOUT_SHARE * Math.max(anchorA, anchorB))
    return 'agree';
  if (a.qualifier === 'range' && b.qualifier === 'range' && a.low === b.low && a.high === b.high) return 'agree';
  const [lowA, highA] = valueRange(a);
  const [lowB, highB] = valueRange(b);
  return lowA <= highB && lowB <= highA ? 'compatible' : 'conflict';
}

/** Whether two places are one scope, may be, or are not. */
export function comparePlaces(a: ClaimPlace | null, b: ClaimPlace | null): PlaceRelation {
  if (a === null || b === null) return 'weak';
  // A report's lede place stands for a figure whose sentence names none: it may be that place, never another country's.
  // A figure read with its report's lede place may be about any country the report names, never another one.
  if (a.basis === 'lede' || b.basis === 'lede') return reportMayName(a, b) && reportMayName(b, a) ? 'weak' : 'different';
  if (a.countries.join() !== b.countries.join()) return 'different';
  if (a.name === b.name) return 'same';
  if (a.countries.length !== 1) return a.countries.length === 0 ? 'different' : 'same';
  if (a.precision <= 2 && b.precision <= 2) return distanceKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM ? 'same' : 'different';
  if (a.precision === b.precision) return 'different';
  // A place inside the country or region it names: "Abu Kamal" and "Syria" may be one scope; Mosul is not in Basra.
  const [fine, coarse] = a.precision < b.precision ? [a, b] : [b, a];
  if (coarse.precision >= 5) return 'weak';
  if (fine.admin1 && coarse.admin1) return fine.admin1 === coarse.admin1 ? 'weak' : 'different';
  return distanceKm(fine.lat, fine.lon, coarse.lat, coarse.lon) <= INSIDE_REGION_KM ? 'weak' : 'different';
}

/** Whether the report behind lede place `lede` names a country of `other` (true for a text place, or a place with none). */
function reportMayName(lede: ClaimPlace, other: ClaimPlace): boolean {
  if (lede.basis !== 'lede' || lede.reportCountries === undefined) return true;
  if (other.countries.length === 0 || lede.reportCountries.length === 0) return true;
  return other.countries.some((c) => (lede.reportCountries as readonly string[]).includes(c));
}

/** Days from ISO day `a` to ISO day `b`. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

// Resolution compares the same few hundred days over and over: parse each once.
const DAY_NUMBERS = new Map<string, number>();

/** Days since 1970-01-01 of an ISO day. */
export function dayNumber(day: string): number {
  let n = DAY_NUMBERS.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(day) / DAY);
    if (DAY_NUMBERS.size > 100_000) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(day, n);
  }
  return n;
}

/** Whether two periods are one, may be, or cannot be, for figures of `category`. */
export function comparePeriods(a: ClaimPeriod | null, b: ClaimPeriod | null, category: ClaimCategory): PeriodRelation {
  if (a === null || b === null) return 'overlap';
  const window = asOfWindowDays(category);
  if (a.basis === 'text' && b.basis === 'text') {
    if (Math.abs(daysBetween(a.start, b.start)) <= SAME_PERIOD_DAYS && Math.abs(daysBetween(a.end, b.end)) <= SAME_PERIOD_DAYS)
      return 'same';
    return a.start <= b.end && b.start <= a.end ? 'overlap' : 'apart';
  }
  if (a.basis === 'published' && b.basis === 'published') {
    const gap = Math.abs(daysBetween(a.end, b.end));
    if (gap <= SAME_PERIOD_DAYS && category === 'troops') return 'same';
    return gap <= window ? 'overlap' : 'apart';
  }
  // A dated figure and one as of a report: the dated period must end by the report, within the window before it.
  const dated = a.basis === 'text' ? a : b;
  const asOf = a.basis === 'text' ? b : a;
  const lag = daysBetween(dated.end, asOf.end);
  // A running total "since April 2023" stands for days around the report that tells it: another report's figure as
  // of a few days before may be the same total.
  const early = periodDays(dated) >= TOTAL_PERIOD_DAYS ? asOfWindowDays(category) : SAME_PERIOD_DAYS;
  return lag >= -early && lag <= window ? 'overlap' : 'apart';
}

// What strikes count: the strikes themselves, or the targets or facilities they hit ("85 targets at seven facilities").
const STRIKE_UNITS: ReadonlyMap<string, string> = new Map([
  ...['targets', 'target'].map((w) => [w, 'targets'] as const),
  ...['facilities', 'facility', 'sites', 'site', 'locations', 'location', 'positions', 'buildings', 'depots', 'compounds'].map(
    (w) => [w, 'facilities'] as const,
  ),
]);

/**
 * What a figure counts, finer than its category: figures join only when their units match. An `other` figure's unit
 * is its noun ("precision munitions" is not "jets"), and one unit for a mixed salvo however it is named ("drones and
 * missiles", "missiles and drones", "projectiles"); strikes count strikes, targets or facilities; the rest count what
 * their category names.
 */
export function claimUnit(category: ClaimCategory, noun: string | null): string {
  const head = noun === null ? '' : headWord(noun).replace(/s$/, '');
  if (category === 'other') return noun !== null && isSalvoNoun(noun) ? 'other:salvo' : `other:${head}`;
  if (category === 'strikes') return `strikes:${STRIKE_UNITS.get(headWord(noun ?? '')) ?? 'strikes'}`;
  return category;
}

/** How far apart (days) the starts of two counts of one growing thing may be. */
export const SERIES_START_DAYS = 31;
/**
 * A happening's toll: a period this short (days) is one strike, raid, attack or massacre. A fact's period stretches
 * with the later reports that join it ("16 dead" told again days on), and a massacre may run over several days (the
 * coastal killings of 6-9 March), so a week and more still holds one happening's toll; its counts must still follow
 * each other within `HAPPENING_REVISION_DAYS`.
 */
const HAPPENING_DAYS = 10;
/** Days after a happening that a report's own count of it may still come (rescuers dig for days). */
const HAPPENING_REVISION_DAYS = 7;
/** A happening's toll grows at most this many times between counts; more is another count. */
const HAPPENING_GROWTH = 4;
/** A running total grows at most this many times between two reports of it. */
const TOTAL_GROWTH = 2;
/** How far apart (days) two reports of one running total may be. */
export const TOTAL_REACH_DAYS = 400;
/** A count as of a report (no period of its own) this large is a running total, not a day's toll. */
export const TOTAL_AS_OF_MIN = 1000;
/**
 * A count this large dated to a day or two ("147,089 injured" on 30 July) is still a war's running total: no single
 * happening of recent wars has left so many dead or wounded.
 */
const TOTAL_DATED_MIN = 5000;
/** A period at least this long (days) is a running total's ("since October 7"). */
const TOTAL_PERIOD_DAYS = 28;
// Groups inside a toll: "9 children" is part of "19 people", never its update.
const SUBGROUPS: ReadonlySet<string> = new Set(
  (
    'children child kids minors boys girls infants babies women men elderly journalists reporters medics paramedics doctors ' +
    'nurses rescuers firefighters students pupils teachers soldiers troops servicemembers officers policemen police foreigners ' +
    'employees staff workers'
  ).split(' '),
);

/** What a later fact must share with an earlier one to supersede it. */
export interface SeriesMember {
  readonly category: ClaimCategory;
  /** What it counts (`claimUnit`). */
  readonly unit: string;
  /** The counted noun, or null: a subgroup ("children") is never an update of the whole. */
  readonly noun: string | null;
  readonly value: ClaimValue;
  readonly period: ClaimPeriod | null;
  readonly place: ClaimPlace | null;
}

/** How a later count supersedes an earlier one, or null when it does not. */
export type SeriesRule = 'count-since' | 'happening-toll' | 'running-total' | 'still-missing';

/** The subgroup a counted noun names ("children"), or '' for a whole count ("people", none). */
export function subgroupOf(noun: string | null): string {
  if (noun === null) return '';
  const head = headWord(noun).toLowerCase();
  return SUBGROUPS.has(head) ? head : SUBGROUPS.has(head.replace(/s$/, '')) ? head.replace(/s$/, '') : '';
}

/** Days a period covers, counting both ends. */
function periodDays(period: ClaimPeriod): number {
  return daysBetween(period.start, period.end) + 1;
}

/** Whether a fact is a running total: a long dated period, or a large count as of a report. */
export function isRunningTotal(member: Pick<SeriesMember, 'value' | 'period'>): boolean {
  const period = member.period;
  if (period === null) return false;
  if (period.basis === 'text') return periodDays(period) >= TOTAL_PERIOD_DAYS || valueAnchor(member.value) >= TOTAL_DATED_MIN;
  return valueAnchor(member.value) >= TOTAL_AS_OF_MIN;
}

/** Whether a fact may be a happening's toll: a short period and a place (a large count as of a report may be either). */
export function isHappeningToll(member: Pick<SeriesMember, 'period' | 'place'>): boolean {
  return member.period !== null && member.place !== null && periodDays(member.period) <= HAPPENING_DAYS;
}

/** The day a short count is about: its own date, or the report's. */
function happeningDay(period: ClaimPeriod): string {
  return period.basis === 'text' ? period.start : period.end;
}

/**
 * Whether `later` supersedes `earlier`, and by which rule; null when it does not. Both must count the same thing (category,
 * unit, subgroup) in one scope, and the later must be larger and not earlier:
 * - `count-since`: dated counts starting at about the same time, the later to a later end ("23 attacks by 30 October",
 *   then "at least 134 by the end of December");
 * - `happening-toll`: one happening's toll at one place, revised as rescuers dig ("at least 47", then "54" two days on);
 * - `running-total`: a cumulative toll reported again weeks or months on ("36,700", then "39,623 since October 7"),
 *   never a day's toll against the total (at most twice as large).
 * - `still-missing`: the missing of one happening at one place, counted again on a later day, fewer as some are found
 *   ("19 missing", then "12" the next day); counts of one day are ordered only by growth, as any other toll.
 */
/**
 * Days a count told only as of its report may lag the report: a report a few days on may still tell the count of the
 * day it happened ("three crew killed", after four were confirmed), but a week on, at a busy place, it is another day's.
 */
const STALE_AS_OF_DAYS = 3;

export function seriesRule(later: SeriesMember, earlier: SeriesMember): SeriesRule | null {
  if (later.category !== earlier.category || later.unit !== earlier.unit) return null;
  if (subgroupOf(later.noun) !== subgroupOf(earlier.noun)) return null;
  const scope = seriesScope(later.place);
  if (scope === null || scope !== seriesScope(earlier.place)) return null;
  const a = later.period;
  const b = earlier.period;
  if (a === null || b === null) return null;
  const grown = valueAnchor(later.value) / Math.max(valueAnchor(earlier.value), 1);
  if (grown < 1 && later.category === 'missing' && isHappeningToll(later) && isHappeningToll(earlier)) {
    const gap = daysBetween(happeningDay(b), happeningDay(a));
    if (gap >= 1 && gap <= HAPPENING_REVISION_DAYS && samePlace(later.place, earlier.place)) return 'still-missing';
    return null;
  }
  if (grown <= 1) return null;
  if (a.basis === 'text' && b.basis === 'text' && Math.abs(daysBetween(a.start, b.start)) <= SERIES_START_DAYS) {
    if (daysBetween(b.end, a.end) > SAME_PERIOD_DAYS) return 'count-since';
  }
  if (isHappeningToll(later) && isHappeningToll(earlier) && grown <= HAPPENING_GROWTH && valueAnchor(later.value) >= 3) {
    // A later count's date may be the day it stands as of ("as of September 5, the dead rose to 54"). A city's toll
    // and its country's ("31 dead in Kyiv", "43 across Ukraine") are one count only told within a day. The happening's
    // day orders the counts, not the facts' last days: a fact's period ends with the last report that joined it, so
    // "16 dead" told again three days on would otherwise stand after "19 dead" told the next day. The dead of one
    // happening are only counted up, so the larger count is the later one. (Counts since a day and running totals
    // need a later end by their own rules.)
    const gap = daysBetween(happeningDay(b), happeningDay(a));
    const same = samePlace(later.place, earlier.place);
    // A count placed only by its report's lede is the story's own, so it is revised as the place's is.
    const story = later.place?.basis === 'lede' || earlier.place?.basis === 'lede';
    const reach = same || story ? HAPPENING_REVISION_DAYS : 1;
    // The missing are also counted down (`still-missing`): a larger count of them told on an earlier day is no update.
    // A count known only as of its report may be a few days older than the report: the larger count at the place,
    // dated up to `STALE_AS_OF_DAYS` before that report, is still the later.
    const stale = b.basis === 'published' && same;
    const earliest = later.category === 'missing' ? 0 : stale ? -STALE_AS_OF_DAYS : -1;
    if (gap >= earliest && gap <= reach && (same || nested(later.place, earlier.place))) return 'happening-toll';
  }
  if (isRunningTotal(later) && isRunningTotal(earlier) && grown <= TOTAL_GROWTH) {
    const gap = daysBetween(b.end, a.end);
    // Two totals counted from a time ("since October 7", "since March 18") must count from the same one; a total dated
    // only to the day it was told says nothing of its start.
    const counted = (p: ClaimPeriod) => p.basis === 'text' && periodDays(p) >= TOTAL_PERIOD_DAYS;
    const sameStart = !counted(a) || !counted(b) || Math.abs(daysBetween(a.start, b.start)) <= SERIES_START_DAYS;
    if (gap > 0 && gap <= TOTAL_REACH_DAYS && sameStart) return 'running-total';
  }
  return null;
}

/** Whether two places are one, whether read from a figure's text or its report's lede. */
function samePlace(a: ClaimPlace | null, b: ClaimPlace | null): boolean {
  if (a === null || b === null) return false;
  return (a.name === b.name && a.countries.join() === b.countries.join()) || comparePlaces(a, b) === 'same';
}

/**
 * Whether one place lies inside the other: a city and its country ("Kyiv", "Ukraine"). A figure placed only by its
 * report's lede ("at least 36 were killed" under a Kyiv lede) lies inside the country that lede names.
 */
function nested(a: ClaimPlace | null, b: ClaimPlace | null): boolean {
  if (a === null || b === null) return false;
  if (a.basis === 'lede' || b.basis === 'lede') {
    const [lede, other] = a.basis === 'lede' ? [a, b] : [b, a];
    // Inside the country the lede names, or the country a lede town lies in ("at least 50 killed" under a Ukraine lede
    // and "47 killed in Poltava" are one count).
    return (
      other.basis === 'text' &&
      (other.precision === 5 || lede.precision === 5) &&
      lede.countries.length === 1 &&
      other.countries.join() === lede.countries.join()
    );
  }
  if (a.precision === b.precision) return false;
  return comparePlaces(a, b) === 'weak';
}

/** Whether `later` supersedes `earlier` by any rule of `seriesRule`. */
export function supersedes(later: SeriesMember, earlier: SeriesMember): boolean {
  return seriesRule(later, earlier) !== null;
}

/** The scope a place gives a series: its countries joined (`IQ+SY`), or a region's name; null without a place. */
export function seriesScope(place: ClaimPlace | null): string | null {
  if (place === null) return null;
  return place.countries.length > 0 ? place.countries.join('+') : place.name.toLowerCase();
}
