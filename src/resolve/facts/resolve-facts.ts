/**
 * @module Incremental fact resolution: a batch's claims are matched against the facts sharing their blocking keys
 * (category, country, week), and join the one they agree with, or open a new one; then the facts they touched are
 * summarised again and linked to the counts they supersede. Facts no claim of the batch can join are never read.
 *
 * Re-analysis: a document's old claims leave their facts, which are dissolved and their remaining claims resolved
 * again with the batch, so no fact keeps an orphan or a duplicate claim.
 */
import { createHash } from 'node:crypto';
import type { Claim, ClaimCategory, ClaimPeriod, ClaimPlace, ClaimValue } from '../../model/claim.ts';
import {
  claimUnit,
  comparePeriods,
  comparePlaces,
  compareValues,
  type PeriodRelation,
  type PlaceRelation,
  type SeriesMember,
  supersedes,
  valueAnchor,
} from './compare-claims.ts';
import { factKeys, lookupKeys, seriesKeys, seriesLookupKeys } from './fact-keys.ts';
import { type ClaimSource, type FactSummary, type SourcedClaim, summariseFact } from './summarise-fact.ts';

/** The smallest figure of another noun that joins a figure of the same number (`sameUncommonCount`). */
const SAME_COUNT_MIN = 10;

/** What resolution keeps of a fact to match claims against it, without reading its claims. */
export interface FactState {
  readonly id: string;
  readonly category: ClaimCategory;
  /** What it counts (`claimUnit`): claims of another unit never join it. */
  readonly unit: string;
  /** The founding claim's period: claims must fit it, so a fact's time never drifts. */
  readonly anchor: ClaimPeriod | null;
  /** One value per side. */
  readonly values: readonly ClaimValue[];
  /** Distinct places its claims give: from their own text, or (basis `lede`) the report's opening. */
  readonly places: readonly ClaimPlace[];
  readonly claimCount: number;
}

/** A fact as the series links see it. */
export interface SeriesFact extends SeriesMember {
  readonly id: string;
}

/** A fact to write: its state for matching, its summary for reading, and its keys. */
export interface FactWrite {
  readonly state: FactState;
  readonly summary: FactSummary;
  readonly keys: readonly string[];
  /** Keys the facts it may supersede, or be superseded by, are found under (`seriesKeys`). */
  readonly seriesKeys: readonly string[];
}

/**
 * The store as resolution needs it; `ClaimWrites` (inside a transaction) implements it. Resolution never speaks
 * SQL: it asks for facts by key and writes what it decided.
 */
export interface FactStorePort {
  /** Deletes the claims of these documents; resolves to the ids of the facts that held any. */
  deleteClaims(documentIds: readonly string[]): Promise<string[]>;
  /** What resolution needs of these documents, by id. */
  claimSources(documentIds: readonly string[]): Promise<Map<string, ClaimSource>>;
  /** Inserts new claims, each with the fact it joined. */
  insertClaims(claims: ReadonlyArray<{ readonly claim: Claim; readonly factId: string }>): Promise<void>;
  /** The stored claims of these facts, with their documents. */
  sourcedClaims(query: { readonly factIds: readonly string[] }): Promise<SourcedClaim[]>;
  /** Facts under any of these blocking keys. */
  factsByKeys(keys: readonly string[]): Promise<FactState[]>;
  /** Sets which fact each stored claim belongs to. */
  assignClaims(assignments: ReadonlyMap<string, string>): Promise<void>;
  /** Deletes facts with their keys and update links (their claims stay, unassigned). */
  deleteFacts(ids: readonly string[]): Promise<void>;
  /** Inserts or replaces facts and their keys. */
  writeFacts(facts: readonly FactWrite[]): Promise<void>;
  /** Facts under any of these series keys, as the series links see them. */
  seriesByKeys(keys: readonly string[]): Promise<SeriesFact[]>;
  /** Replaces every update link involving these facts by `links` (`[later, earlier]`). */
  replaceUpdates(factIds: readonly string[], links: ReadonlyArray<readonly [string, string]>): Promise<void>;
}

/** What one resolution did. */
export interface ResolveSummary {
  readonly claims: number;
  /** Facts created or changed. */
  readonly facts: number;
  /** Facts read to match against. */
  readonly candidates: number;
}

interface WorkingFact {
  state: FactState;
}

/** How a claim relates to a fact it may join; null when it cannot. */
interface Match {
  readonly fact: WorkingFact;
  /** 3 agrees with a side, 2 overlaps one (same scope and time), 1 conflicts (same scope and time). */
  readonly strength: number;
  readonly sameScope: boolean;
  readonly period: PeriodRelation;
}

/**
 * Saves a batch's claims (replacing those of its documents) and resolves them into facts, reading only the facts
 * their keys block with.
 */
export async function resolveFacts(
  store: FactStorePort,
  documentIds: readonly string[],
  claims: readonly Claim[],
): Promise<ResolveSummary> {
  const dissolved = await store.deleteClaims(documentIds);
  const pool: SourcedClaim[] = [];
  if (dissolved.length > 0) {
    pool.push(...(await store.sourcedClaims({ factIds: dissolved })));
    await store.deleteFacts(dissolved);
  }
  const stored = new Set(pool.map((c) => c.id));
  const sources = await store.claimSources(documentIds);
  for (const claim of claims) {
    const source = sources.get(claim.documentId);
    if (source === undefined)
      throw new Error(`resolveFacts: claim ${claim.id} names document ${claim.documentId}, which is not in the batch's store`);
    pool.push({ ...claim, ...source, factId: null });
  }
  // Oldest report first, so a fact is founded by the earliest claim whatever the batch order.
  pool.sort(
    (a, b) =>
      (a.published ?? '').localeCompare(b.published ?? '') ||
      a.externalId.localeCompare(b.externalId) ||
      a.valueSpan.start - b.valueSpan.start,
  );

  const working = new Map<string, WorkingFact>();
  const byKey = new Map<string, Set<string>>();
  const index = (fact: WorkingFact) => {
    for (const key of factKeys(fact.state)) {
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(fact.state.id);
      byKey.set(key, ids);
    }
  };
  const assignments = new Map<string, string>();
  const dirty = new Set<string>();
  let candidates = 0;
  // Every fact the batch can join, read at once: the batch's own new facts are indexed as they are founded.
  const poolKeys = pool.map(lookupKeys);
  for (const state of await store.factsByKeys([...new Set(poolKeys.flat())])) {
    const fact = { state };
    working.set(state.id, fact);
    index(fact);
    candidates++;
  }
  for (const [at, claim] of pool.entries()) {
    const keys = poolKeys[at] as string[];
    const unit = claimUnit(claim.category, claim.noun);
    const seen = new Set<string>();
    const matches: Match[] = [];
    for (const key of keys) {
      for (const id of byKey.get(key) ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const match = relate(claim, unit, working.get(id) as WorkingFact);
        if (match !== null) matches.push(match);
      }
    }
    const best = matches.sort(
      (a, b) =>
        b.strength - a.strength ||
        Number(b.sameScope) - Number(a.sameScope) ||
        Number(b.period === 'same') - Number(a.period === 'same') ||
        b.fact.state.claimCount - a.fact.state.claimCount ||
        a.fact.state.id.localeCompare(b.fact.state.id),
    )[0];
    let fact: WorkingFact;
    if (best !== undefined) {
      fact = best.fact;
      const places = fact.state.places;
      fact.state = joined(fact.state, claim);
      // Keys follow from the anchor, which never changes, and the places, which may grow.
      if (fact.state.places !== places) index(fact);
    } else {
      fact = { state: founded(claim) };
      working.set(fact.state.id, fact);
      index(fact);
    }
    assignments.set(claim.id, fact.state.id);
    dirty.add(fact.state.id);
  }

  // New claims are written with their fact; claims of dissolved facts are already stored and only move.
  await store.insertClaims(claims.map((claim) => ({ claim, factId: assignments.get(claim.id) as string })));
  if (stored.size > 0) await store.assignClaims(new Map([...assignments].filter(([id]) => stored.has(id))));
  const ids = [...dirty];
  const members = new Map<string, SourcedClaim[]>();
  for (const claim of await store.sourcedClaims({ factIds: ids })) {
    const list = members.get(claim.factId as string) ?? [];
    list.push(claim);
    members.set(claim.factId as string, list);
  }
  const writes: FactWrite[] = [];
  for (const id of ids) {
    const state = (working.get(id) as WorkingFact).state;
    // Oldest report first; reports of one day in the order users name them.
    const claimsOfFact = (members.get(id) ?? []).sort(
      (a, b) =>
        (a.published ?? '').localeCompare(b.published ?? '') ||
        a.externalId.localeCompare(b.externalId) ||
        a.valueSpan.start - b.valueSpan.start,
    );
    const summary = summariseFact(claimsOfFact);
    writes.push({
      state: { ...state, values: summary.sides.map((s) => s.value), claimCount: claimsOfFact.length },
      summary,
      keys: factKeys(state),
      seriesKeys: seriesKeys(seriesMember(state, summary)),
    });
  }
  await store.writeFacts(writes);
  await linkSeries(store, writes);
  return { claims: claims.length, facts: writes.length, candidates };
}

/** Whether `claim` may join `fact`, and how strongly: its place and time must fit every place and the anchor. */
function relate(claim: SourcedClaim, unit: string, fact: WorkingFact): Match | null {
  const state = fact.state;
  if (state.category !== claim.category) return null;
  const sameUnit = state.unit === unit;
  if (!sameUnit && claim.category !== 'other') return null;
  const period = comparePeriods(claim.period, state.anchor, claim.category);
  if (period === 'apart') return null;
  const places = state.places.map((p) => comparePlaces(claim.place, p));
  if (places.includes('different')) return null;
  const sameScope = places.includes('same');
  if (!sameUnit) return sameUncommonCount(claim.value, state.values) && sameScope ? { fact, strength: 3, sameScope, period } : null;
  const values = state.values.map((v) => compareValues(claim.value, v));
  if (values.includes('agree')) return { fact, strength: 3, sameScope, period };
  // Different figures join one fact only when they are surely about one scope and one time.
  if (!sameScope || (period !== 'same' && !sameDayInOneTown(claim, state, places))) return null;
  return { fact, strength: values.includes('compatible') ? 2 : 1, sameScope, period };
}

/**
 * Whether a figure and a fact, both as of their reports, are counts of one town on one day: "16 injured" and "7 injured"
 * in Kyiv in reports of the same day disagree about one strike's toll; in a country, or a few days apart, they may count
 * different happenings.
 */
function sameDayInOneTown(claim: SourcedClaim, state: FactState, places: readonly PlaceRelation[]): boolean {
  const a = claim.period;
  const b = state.anchor;
  if (a === null || b === null || a.basis !== 'published' || b.basis !== 'published' || a.end !== b.end) return false;
  const place = claim.place;
  return place !== null && place.basis === 'text' && place.precision <= 2 && places.length > 0 && places.every((r) => r === 'same');
}

/**
 * Whether a figure of another noun is still the same count: outlets name one crowd differently ("115 migrants", "115
 * Africans", "a crew of 25", "25 people on board"), so the same number, not a small one, at one place and time is one
 * figure. Small numbers recur in a report too often to say so.
 */
function sameUncommonCount(value: ClaimValue, values: readonly ClaimValue[]): boolean {
  const anchor = valueAnchor(value);
  return anchor >= SAME_COUNT_MIN && values.some((v) => valueAnchor(v) === anchor && compareValues(v, value) === 'agree');
}

function founded(claim: SourcedClaim): FactState {
  return {
    id: `f${createHash('sha256').update(claim.id).digest('hex').slice(0, 15)}`,
    category: claim.category,
    unit: claimUnit(claim.category, claim.noun),
    anchor: claim.period,
    values: [claim.value],
    places: claim.place !== null ? [claim.place] : [],
    claimCount: 1,
  };
}

function joined(state: FactState, claim: SourcedClaim): FactState {
  const place = claim.place;
  const addPlace = place !== null && !state.places.some((p) => p.name === place.name && p.basis === place.basis);
  const addValue = !state.values.some((v) => compareValues(v, claim.value) === 'agree');
  return {
    ...state,
    values: addValue ? [...state.values, claim.value] : state.values,
    places: addPlace ? [...state.places, place] : state.places,
    claimCount: state.claimCount + 1,
  };
}

function seriesMember(state: FactState, summary: FactSummary): SeriesMember {
  return {
    category: summary.category,
    unit: state.unit,
    noun: summary.noun,
    value: summary.value,
    period: summary.period,
    place: summary.place,
  };
}

/** Links every written fact to the facts of its series it supersedes or is superseded by. */
async function linkSeries(store: FactStorePort, writes: readonly FactWrite[]): Promise<void> {
  const members = writes
    .filter((w) => w.seriesKeys.length > 0)
    .map((w): SeriesFact => ({ id: w.state.id, ...seriesMember(w.state, w.summary) }));
  const keys = [...new Set(members.flatMap(seriesLookupKeys))];
  const others = keys.length === 0 ? [] : await store.seriesByKeys(keys);
  const byId = new Map(others.map((f) => [f.id, f]));
  for (const member of members) byId.set(member.id, member);
  // A member is compared only with the facts under its lookup keys, so the work stays that of its blocks.
  const byKey = new Map<string, SeriesFact[]>();
  for (const fact of byId.values())
    for (const key of seriesKeys(fact)) {
      const list = byKey.get(key);
      if (list) list.push(fact);
      else byKey.set(key, [fact]);
    }
  const links = new Map<string, readonly [string, string]>();
  for (const member of members) {
    const seen = new Set<string>([member.id]);
    for (const key of seriesLookupKeys(member))
      for (const other of byKey.get(key) ?? []) {
        if (seen.has(other.id)) continue;
        seen.add(other.id);
        if (supersedes(member, other)) links.set(`${member.id}>${other.id}`, [member.id, other.id]);
        if (supersedes(other, member)) links.set(`${other.id}>${member.id}`, [other.id, member.id]);
      }
  }
  await store.replaceUpdates(
    writes.map((w) => w.state.id),
    [...links.values()],
  );
}
