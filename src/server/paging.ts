/** @module Paging and the parameters many endpoints share: limit and offset, a period, a source. */
import { parseIsoDay } from '../model/day-number.ts';
import { HttpError } from './http-error.ts';

/** Items per page unless `limit` says otherwise, and the most a page may hold. */
export const PAGE = { default: 50, max: 500 } as const;

/** A page of a longer list; `nextOffset` is null on the last page. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly nextOffset: number | null;
}

export const limitParam = {
  type: 'integer',
  description: `at most this many items (1 to ${PAGE.max})`,
  min: 1,
  max: PAGE.max,
  default: PAGE.default,
} as const;
export const offsetParam = { type: 'integer', description: 'skip this many items first', min: 0, max: 100_000_000, default: 0 } as const;
export const sinceParam = { type: 'day', description: 'only what is dated on or after this day (YYYY-MM-DD)' } as const;
export const untilParam = { type: 'day', description: 'only what is dated on or before this day (YYYY-MM-DD)' } as const;
export const sourceParam = {
  type: 'string',
  description: 'only what an outlet reported, its name as stored (see /api/sources)',
  maxLength: 200,
} as const;
export const countryParam = { type: 'country', description: 'only what is in this country (ISO 3166-1 alpha-2, any case)' } as const;
export const placeParam = {
  type: 'string',
  description:
    'only what is at a place whose name contains this text, any case, or at a place it is another spelling of ("Al-Bukamal" for Abu Kamal)',
  maxLength: 200,
} as const;
export const actorParam = {
  type: 'string',
  description: "only what this actor did or suffered: its name as stored, any case (see an incident's initiator and target)",
  maxLength: 200,
} as const;
/** Filters by who claims, is blamed for or denies a happening: an actor's name or lexicon id, any case. */
export const responsibilityParams = {
  claimedBy: { type: 'string', description: 'only what this actor claims (its name or lexicon id, any case)', maxLength: 200 },
  blamedOn: { type: 'string', description: 'only what is blamed on this actor (its name or lexicon id, any case)', maxLength: 200 },
  deniedBy: {
    type: 'string',
    description: 'only what this actor is said not to have done (its name or lexicon id, any case)',
    maxLength: 200,
  },
} as const;
export const minSourcesParam = {
  type: 'integer',
  description: 'only what at least this many independent sources report',
  min: 1,
  max: 1000,
} as const;

/** Refuses a period that ends before it starts. */
export function checkPeriod(query: { since?: string; until?: string }): void {
  // Day numbers, not strings: the parameters were checked as days, and days are compared as one type.
  const [since, until] = [query.since ? parseIsoDay(query.since) : null, query.until ? parseIsoDay(query.until) : null];
  if (since !== null && until !== null && since > until)
    throw new HttpError(400, `since (${query.since}) is after until (${query.until}); swap them or widen the period`);
}

/** Fetches one item more than asked for, to know whether there is a next page without counting them all. */
export async function page<T>(
  query: { limit: number; offset: number },
  fetch: (limit: number, offset: number) => Promise<readonly T[]>,
): Promise<Page<T>> {
  const rows = await fetch(query.limit + 1, query.offset);
  const more = rows.length > query.limit;
  return {
    items: more ? rows.slice(0, query.limit) : rows,
    limit: query.limit,
    offset: query.offset,
    nextOffset: more ? query.offset + query.limit : null,
  };
}

/** Drops `limit` and `offset`, leaving the filters. */
export function filtersOf<Q extends { limit: number; offset: number }>(query: Q): Omit<Q, 'limit' | 'offset'> {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return filters;
}

/** A path parameter naming a record, checked for length. */
export function recordId(path: Readonly<Record<string, string>>, what: string): string {
  const id = path.id ?? '';
  if (id.length === 0 || id.length > 1000) throw new HttpError(400, `the ${what} id must be 1 to 1000 characters long`);
  return id;
}
