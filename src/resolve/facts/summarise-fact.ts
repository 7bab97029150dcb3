/**
 * @module What a fact says, from its claims: sides by value, independent sources per side, the status, and the value,
 * place and period it stands for.
 */
import type { Claim, ClaimPeriod, ClaimPlace, ClaimValue } from '../../model/claim.ts';
import type { Fact, FactSide, FactStatus } from '../../model/fact.ts';
import { compareValues } from './compare-claims.ts';
import { primarySources } from './primary-sources.ts';

/** What resolution needs of a claim's document. */
export interface ClaimSource {
  readonly externalId: string;
  /** The outlet, or null when the document names none (it then stands for itself). */
  readonly source: string | null;
  /** Near-copies share it and count once. */
  readonly syndicationGroup: string;
  /** The document's publication day (end of its interval), or null. */
  readonly published: string | null;
}

/** A claim with what resolution needs of its document. */
export interface SourcedClaim extends Claim {
  readonly externalId: string;
  /** The outlet, or null when the document names none (it then stands for itself). */
  readonly source: string | null;
  /** Near-copies share it and count once. */
  readonly syndicationGroup: string;
  /** The document's publication day (end of its interval), or null. */
  readonly published: string | null;
  /** The fact it belongs to; null until resolved. */
  readonly factId: string | null;
}

/** A fact's fields that follow from its claims (everything but its id and update links). */
export type FactSummary = Omit<Fact, 'id' | 'updates' | 'updatedBy'>;

/**
 * Independent sources among documents: documents in one syndication group, or from one outlet, are one source; a
 * document that names no outlet is its own. Returns one display name per source, in first-seen order.
 */
export function independentSources(claims: readonly SourcedClaim[]): string[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const names = new Map<string, string>();
  for (const claim of claims) {
    const group = `g:${claim.syndicationGroup}`;
    if (!parent.has(group)) parent.set(group, group);
    if (claim.source !== null) {
      const source = `s:${claim.source.trim().toLowerCase()}`;
      if (!parent.has(source)) parent.set(source, source);
      union(group, source);
    }
  }
  for (const claim of claims) {
    const root = find(`g:${claim.syndicationGroup}`);
    const existing = names.get(root);
    if (existing === undefined || (claim.source !== null && existing === `(${claim.externalId})`))
      names.set(root, claim.source ?? existing ?? `(${claim.externalId})`);
  }
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const claim of claims) {
    const root = find(`g:${claim.syndicationGroup}`);
    if (seen.has(root)) continue;
    seen.add(root);
    ordered.push(names.get(root) as string);
  }
  return ordered;
}

/** Claims grouped by agreeing value, in order: each claim joins the first side it agrees with. */
export function groupSides(claims: readonly SourcedClaim[]): Array<{ value: ClaimValue; claims: SourcedClaim[] }> {
  const sides: Array<{ value: ClaimValue; claims: SourcedClaim[] }> = [];
  for (const claim of claims) {
    const side = sides.find((s) => compareValues(s.value, claim.value) === 'agree');
    if (side) side.claims.push(claim);
    else sides.push({ value: claim.value, claims: [claim] });
  }
  for (const side of sides)
    side.value = mostCommon(
      side.claims.map((c) => c.value),
      valueKey,
    ) as ClaimValue;
  return sides;
}

/** The fact a set of claims (ordered oldest document first) makes. */
export function summariseFact(claims: readonly SourcedClaim[]): FactSummary {
  const first = claims[0];
  if (first === undefined) throw new Error('summariseFact needs at least one claim');
  const grouped = groupSides(claims);
  const sides: FactSide[] = grouped.map((side) => ({
    value: side.value,
    claims: side.claims.map((c) => c.id),
    sources: independentSources(side.claims),
  }));
  const conflicting = grouped.some((a, i) => grouped.some((b, j) => j > i && compareValues(a.value, b.value) === 'conflict'));
  const status: FactStatus = conflicting ? 'conflicting' : sides.some((s) => s.sources.length >= 2) ? 'corroborated' : 'single-source';
  const best = grouped
    .map((side, i) => ({ side, sources: sides[i]?.sources.length ?? 0, latest: latest(side.claims) }))
    .sort((a, b) => b.sources - a.sources || b.latest.localeCompare(a.latest) || b.side.claims.length - a.side.claims.length)[0];
  return {
    category: first.category,
    noun: mostCommon(
      claims.map((c) => c.noun),
      (n) => n ?? '',
    ),
    value: (best?.side.value ?? first.value) as ClaimValue,
    place: factPlace(claims),
    period: factPeriod(claims),
    status,
    claims: claims.map((c) => c.id),
    documents: [...new Set(claims.map((c) => c.externalId))],
    sources: independentSources(claims),
    primarySources: primarySources(claims),
    sides,
  };
}

function latest(claims: readonly SourcedClaim[]): string {
  // ISO days sort as text.
  return (
    claims
      .map((c) => c.published ?? '')
      .sort()
      .pop() ?? ''
  );
}

/** The place most claims read from their own text (the most specific on a tie), else the lede place, else none. */
function factPlace(claims: readonly SourcedClaim[]): ClaimPlace | null {
  for (const basis of ['text', 'lede'] as const) {
    const places = claims.map((c) => c.place).filter((p): p is ClaimPlace => p !== null && p.basis === basis);
    if (places.length === 0) continue;
    const counts = new Map<string, { place: ClaimPlace; count: number }>();
    for (const place of places) {
      const entry = counts.get(place.name);
      if (entry) entry.count++;
      else counts.set(place.name, { place, count: 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.place.precision - b.place.precision)[0]?.place ?? null;
  }
  return null;
}

/** The span of the dated periods, else of the publication dates the figures stand as of. */
function factPeriod(claims: readonly SourcedClaim[]): ClaimPeriod | null {
  for (const basis of ['text', 'published'] as const) {
    const periods = claims.map((c) => c.period).filter((p): p is ClaimPeriod => p !== null && p.basis === basis);
    if (periods.length === 0) continue;
    // ISO days sort as text.
    const starts = periods.map((p) => p.start).sort();
    const ends = periods.map((p) => p.end).sort();
    return { start: starts[0] as string, end: ends[ends.length - 1] as string, basis };
  }
  return null;
}

function valueKey(value: ClaimValue): string {
  return `${value.qualifier}:${value.low}:${value.high}`;
}

/** The most frequent item by key; the first seen on a tie. */
function mostCommon<T>(items: readonly T[], key: (item: T) => string): T {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = counts.get(k);
    if (entry) entry.count++;
    else counts.set(k, { item, count: 1 });
  }
  let best: { item: T; count: number } | undefined;
  for (const entry of counts.values()) if (best === undefined || entry.count > best.count) best = entry;
  return (best as { item: T }).item;
}
