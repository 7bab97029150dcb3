/**
 * @module A fact's history: when each outlet said its figure, how the figure it stands for changed as reports came
 * in, and the earlier counts of a running total it updates.
 */
import type { ClaimValue } from '../model/claim.ts';
import type { Fact, LedgerEntry } from '../model/fact.ts';
import type { Store } from '../store/store.ts';

/** One outlet saying the figure. */
export interface FactSaying {
  /** The day its report was published, or null when undated. */
  readonly published: string | null;
  readonly source: string | null;
  readonly externalId: string;
  readonly documentId: string;
  readonly value: ClaimValue;
  readonly sentence: string;
}

/** The figure the fact stood for from a day on: the value most independent sources gave by then (the latest on a tie). */
export interface FactChange {
  readonly on: string | null;
  readonly from: ClaimValue | null;
  readonly to: ClaimValue;
  /** The sources giving `to` by that day. */
  readonly sources: readonly string[];
  /** Other values given by then, with their sources: a conflict at that point. */
  readonly against: ReadonlyArray<{ readonly value: ClaimValue; readonly sources: readonly string[] }>;
}

/** An earlier count of the same running total, which this fact updates. */
export interface EarlierCount {
  readonly factId: string;
  readonly value: ClaimValue;
  readonly period: Fact['period'];
  readonly firstSaid: string | null;
}

export interface FactHistory {
  readonly factId: string;
  readonly said: readonly FactSaying[];
  readonly changes: readonly FactChange[];
  /** Latest first. */
  readonly earlier: readonly EarlierCount[];
}

/** The history of a fact, or null when there is no such fact. */
export async function factHistory(store: Store, factId: string): Promise<FactHistory | null> {
  const fact = await store.claims.fact(factId);
  if (!fact) return null;
  const said = sortSaid((await store.claims.ledger(factId)).map(toSaying));
  const earlier: EarlierCount[] = [];
  const seen = new Set<string>([factId]);
  // The chain of earlier counts, each the one its successor updates; bounded, and a loop is never followed twice.
  for (let id = fact.updates[0]; id !== undefined && !seen.has(id) && earlier.length < 50;) {
    seen.add(id);
    const previous = await store.claims.fact(id);
    if (!previous) break;
    const ledger = sortSaid((await store.claims.ledger(id)).map(toSaying));
    earlier.push({ factId: id, value: previous.value, period: previous.period, firstSaid: ledger[0]?.published ?? null });
    id = previous.updates[0];
  }
  return { factId, said, changes: valueChanges(said), earlier };
}

/** Where the leading value changed, day by day, as the sayings came in. */
export function valueChanges(said: readonly FactSaying[]): FactChange[] {
  const sides = new Map<string, { value: ClaimValue; sources: Set<string>; last: number }>();
  const changes: FactChange[] = [];
  let leader: string | null = null;
  said.forEach((saying, index) => {
    const key = valueKey(saying.value);
    const side = sides.get(key) ?? { value: saying.value, sources: new Set<string>(), last: index };
    side.sources.add(saying.source ?? saying.externalId);
    side.last = index;
    sides.set(key, side);
    // The picture is read at the end of each day, so two reports of one day count together.
    if (said[index + 1]?.published === saying.published && index + 1 < said.length) return;
    const ranked = [...sides.entries()].sort((a, b) => b[1].sources.size - a[1].sources.size || b[1].last - a[1].last);
    const [topKey, top] = ranked[0] as [string, { value: ClaimValue; sources: Set<string> }];
    if (topKey === leader) return;
    changes.push({
      on: saying.published,
      from: leader === null ? null : (sides.get(leader)?.value ?? null),
      to: top.value,
      sources: [...top.sources],
      against: ranked.slice(1).map(([, s]) => ({ value: s.value, sources: [...s.sources] })),
    });
    leader = topKey;
  });
  return changes;
}

function toSaying(entry: LedgerEntry): FactSaying {
  return {
    published: entry.published,
    source: entry.source,
    externalId: entry.externalId,
    documentId: entry.documentId,
    value: entry.value,
    sentence: entry.text,
  };
}

function sortSaid(said: FactSaying[]): FactSaying[] {
  return said.sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'));
}

function valueKey(value: ClaimValue): string {
  return `${value.low}|${value.high}|${value.qualifier}`;
}

/** The history as lines for people, under a fact's ledger. */
export function formatFactHistory(history: FactHistory, format: (value: ClaimValue) => string): string {
  const lines = ['History:'];
  for (const change of history.changes)
    lines.push(
      `  ${change.on ?? 'undated'}  ${change.from === null ? 'first said' : `${format(change.from)} -> ${format(change.to)}`}${change.from === null ? `: ${format(change.to)}` : ''} (${change.sources.join(', ')})${change.against.length > 0 ? `; against: ${change.against.map((a) => `${format(a.value)} (${a.sources.join(', ')})`).join('; ')}` : ''}`,
    );
  lines.push('Said by:');
  for (const saying of history.said)
    lines.push(`  ${saying.published ?? 'undated'}  ${saying.source ?? '(no source)'}: ${format(saying.value)}  [${saying.externalId}]`);
  if (history.earlier.length > 0) {
    lines.push('Earlier counts of this running total:');
    for (const count of history.earlier) lines.push(`  ${count.firstSaid ?? 'undated'}  ${format(count.value)}  [${count.factId}]`);
  }
  return lines.join('\n');
}
