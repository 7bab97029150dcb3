/**
 * @module Blocking keys: a claim is matched only against facts sharing a key (category, country, week of its time
 * window), so resolving the ten-thousandth report costs about what the first did. Series keys (category, scope,
 * month the count starts) find the facts a later count may supersede.
 */
import type { ClaimCategory, ClaimPeriod, ClaimPlace } from '../../model/claim.ts';
import { addDays } from '../../model/day-number.ts';
import {
  asOfWindowDays,
  isHappeningToll,
  isRunningTotal,
  SAME_PERIOD_DAYS,
  SERIES_START_DAYS,
  type SeriesMember,
  seriesScope,
  TOTAL_REACH_DAYS,
} from './compare-claims.ts';

const DAY = 86_400_000;
/** Country key of facts and claims without a place of their own text: matched by any claim. */
const UNPLACED = '?';
/** Country key every fact also has, for claims without a place of their own. */
const ANY = '*';
/** Days either way of a happening's day that its toll's revisions are looked up in. */
const HAPPENING_KEY_DAYS = 8;
/** Long periods ("since 2014") are keyed by their last weeks only. */
const MAX_WEEKS = 53;

/** What a fact (or a claim founding one) is keyed by. */
export interface Keyed {
  readonly category: ClaimCategory;
  /** The founding claim's period: a fact's window never drifts from it. */
  readonly anchor: ClaimPeriod | null;
  /** Places its claims give: read from their own text, or the lede's (which key nothing). */
  readonly places: readonly ClaimPlace[];
}

/** The days around a period within which another figure may be about the same time. */
function window(period: ClaimPeriod | null, category: ClaimCategory): readonly [number, number] | null {
  if (period === null) return null;
  const start = Date.parse(period.start) / DAY;
  const end = Date.parse(period.end) / DAY;
  if (period.basis === 'text') return [start - SAME_PERIOD_DAYS - 1, end + SAME_PERIOD_DAYS + 1];
  return [end - asOfWindowDays(category), end + SAME_PERIOD_DAYS];
}

function weeks(span: readonly [number, number] | null): string[] {
  if (span === null) return ['none'];
  const last = Math.floor(span[1] / 7);
  const first = Math.max(Math.floor(span[0] / 7), last - MAX_WEEKS);
  const found: string[] = [];
  for (let week = first; week <= last; week++) found.push(String(week));
  return found;
}

/** The country keys of text places: their countries, or a region's name. */
function placeScopes(places: readonly ClaimPlace[]): string[] {
  return [...new Set(places.flatMap((p) => (p.countries.length > 0 ? p.countries : [`r:${p.name.toLowerCase()}`])))];
}

/** Keys a fact is found by. */
export function factKeys(fact: Keyed): string[] {
  const own = fact.places.filter((p) => p.basis === 'text');
  const scopes = [...placeScopes(own), ANY];
  if (own.length === 0) scopes.push(UNPLACED);
  return cross(fact.category, scopes, weeks(window(fact.anchor, fact.category)));
}

/** Keys to look a claim's candidate facts up by: its own countries and unplaced facts, or every fact when it has no place of its own. */
export function lookupKeys(claim: {
  readonly category: ClaimCategory;
  readonly period: ClaimPeriod | null;
  readonly place: ClaimPlace | null;
}): string[] {
  const own = claim.place !== null && claim.place.basis === 'text' ? placeScopes([claim.place]) : [];
  const scopes = own.length > 0 ? [...own, UNPLACED] : [ANY];
  return cross(claim.category, scopes, weeks(window(claim.period, claim.category)));
}

function cross(category: ClaimCategory, scopes: readonly string[], weekKeys: readonly string[]): string[] {
  return scopes.flatMap((scope) => weekKeys.map((week) => `${category}|${scope}|${week}`));
}

function monthOf(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

function months(from: number, to: number): number[] {
  const found: number[] = [];
  for (let m = from; m <= to; m++) found.push(m);
  return found;
}

/**
 * The series keys of a fact: the families of `seriesRule`, each with the month that blocks it. A dated count is keyed by
 * the month it starts; a happening's toll by its place and day's month; a running total by the month it stands at.
 */
export function seriesKeys(member: SeriesMember): string[] {
  return seriesKeysWithin(member, false);
}

/** Series keys of the months a fact may share a series with. */
export function seriesLookupKeys(member: SeriesMember): string[] {
  return seriesKeysWithin(member, true);
}

function seriesKeysWithin(member: SeriesMember, around: boolean): string[] {
  const scope = seriesScope(member.place);
  const period = member.period;
  if (scope === null || period === null) return [];
  const keys: string[] = [];
  // A fact is written under its own month; looked up under every month a partner's may be.
  const add = (prefix: string, from: string, own: string, to: string) => {
    for (const month of around ? months(monthOf(from), monthOf(to)) : [monthOf(own)]) keys.push(`${prefix}|${month}`);
  };
  if (period.basis === 'text') {
    add(`u|${member.category}|${scope}`, addDays(period.start, -SERIES_START_DAYS), period.start, addDays(period.start, SERIES_START_DAYS));
  }
  if (isHappeningToll(member) && member.place !== null) {
    const day = period.basis === 'text' ? period.start : period.end;
    const prefix = `h|${member.category}|${scope}|${member.place.name.toLowerCase()}`;
    add(prefix, addDays(day, -HAPPENING_KEY_DAYS), day, addDays(day, HAPPENING_KEY_DAYS));
    // A city's toll and its country's are one count only within a day: keyed by the scope and the day.
    const daily = `n|${member.category}|${scope}`;
    for (const d of around ? [addDays(day, -1), day, addDays(day, 1)] : [day]) keys.push(`${daily}|${d}`);
  }
  if (isRunningTotal(member)) {
    add(`c|${member.category}|${scope}`, addDays(period.end, -TOTAL_REACH_DAYS), period.end, addDays(period.end, TOTAL_REACH_DAYS));
  }
  return [...new Set(keys)];
}
