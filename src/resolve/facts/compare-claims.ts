/**
 * @module How two figures relate: whether their values agree ("at least 14" and "14"), whether they speak of one
 * scope (Iraq is not "Iraq and Syria"; Abu Kamal may be inside Syria) and one time, and whether a later one
 * supersedes an earlier count of the same growing thing.
 */

import { headWord } from '../../extract/claims/claim-categories.ts';
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
  if (a === null || b === null || a.basis === 'lede' || b.basis === 'lede') return 'weak';
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
  return lag >= -SAME_PERIOD_DAYS && lag <= window ? 'overlap' : 'apart';
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
 * is its noun ("precision munitions" is not "jets"); strikes count strikes, targets or facilities; the rest count
 * what their category names.
 */
export function claimUnit(category: ClaimCategory, noun: string | null): string {
  const head = noun === null ? '' : headWord(noun).replace(/s$/, '');
  if (category === 'other') return `other:${head}`;
  if (category === 'strikes') return `strikes:${STRIKE_UNITS.get(headWord(noun ?? '')) ?? 'strikes'}`;
  return category;
}

/** How far apart (days) the starts of two counts of one growing thing may be. */
export const SERIES_START_DAYS = 31;

/** What a later fact must share with an earlier one to supersede it. */
export interface SeriesMember {
  readonly category: ClaimCategory;
  readonly value: ClaimValue;
  readonly period: ClaimPeriod | null;
  /** The scope both must share: the countries (or region) of the place, `IQ+SY`. */
  readonly scope: string | null;
}

/**
 * Whether `later` supersedes `earlier`: the same growing count (same category and scope, dated periods starting at
 * about the same time), reported to a later end with a larger value ("23 attacks by 30 October", then "at least 134
 * by the end of December").
 */
export function supersedes(later: SeriesMember, earlier: SeriesMember): boolean {
  if (later.category !== earlier.category || later.scope === null || later.scope !== earlier.scope) return false;
  const a = later.period;
  const b = earlier.period;
  if (a === null || b === null || a.basis !== 'text' || b.basis !== 'text') return false;
  if (Math.abs(daysBetween(a.start, b.start)) > SERIES_START_DAYS) return false;
  if (daysBetween(b.end, a.end) <= SAME_PERIOD_DAYS) return false;
  return valueAnchor(later.value) > valueAnchor(earlier.value);
}

/** The scope a place gives a series: its countries joined (`IQ+SY`), or a region's name; null without a place. */
export function seriesScope(place: ClaimPlace | null): string | null {
  if (place === null) return null;
  return place.countries.length > 0 ? place.countries.join('+') : place.name.toLowerCase();
}
