/**
 * @module Blocking keys: a claim is matched only against facts sharing a key (category, country, week of its time
 * window), so resolving the ten-thousandth report costs about what the first did. Series keys (category, scope,
 * month the count starts) find the facts a later count may supersede.
 */
import type { ClaimCategory, ClaimPeriod, ClaimPlace } from '../../model/claim.ts';
import { asOfWindowDays, SAME_PERIOD_DAYS, SERIES_START_DAYS } from './compare-claims.ts';

const DAY = 86_400_000;
/** Country key of facts and claims without a place of their own text: matched by any claim. */
const UNPLACED = '?';
/** Country key every fact also has, for claims without a place of their own. */
const ANY = '*';
/** Long periods ("since 2014") are keyed by their last weeks only. */
const MAX_WEEKS = 53;

/** What a fact (or a claim founding one) is keyed by. */
export interface Keyed {
  readonly category: ClaimCategory;
  /** The founding claim's period: a fact's window never drifts from it. */
  readonly anchor: ClaimPeriod | null;
  /** Places read from the text (not the lede). */
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
  const scopes = [...placeScopes(fact.places), ANY];
  if (fact.places.length === 0) scopes.push(UNPLACED);
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

/** The series key of a fact with a dated period and a scope; none otherwise. */
export function seriesKey(category: ClaimCategory, scope: string | null, period: ClaimPeriod | null): string | null {
  if (scope === null || period === null || period.basis !== 'text') return null;
  return `u|${category}|${scope}|${monthOf(period.start)}`;
}

/** Series keys of the months a count starting with `period` may share a series with. */
export function seriesLookupKeys(category: ClaimCategory, scope: string | null, period: ClaimPeriod | null): string[] {
  if (scope === null || period === null || period.basis !== 'text') return [];
  const month = monthOf(period.start);
  const reach = Math.ceil(SERIES_START_DAYS / 28);
  const keys: string[] = [];
  for (let m = month - reach; m <= month + reach; m++) keys.push(`u|${category}|${scope}|${m}`);
  return keys;
}
