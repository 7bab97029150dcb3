/**
 * @module Counts over the whole store for the dashboard and the situation report: reports per day, per source,
 * and the places they mention. Each is one grouped query, answered from indexes where the engines allow.
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { DocumentStatus } from '../model/document.ts';
import type { PlaceValue } from '../model/mention.ts';
import type { Database } from './schema.ts';
import { containsPattern } from './place-filter.ts';

/** Which documents to count; every field narrows. */
export interface OverviewQuery {
  readonly status?: DocumentStatus;
  readonly source?: string;
  /** Documents published on or after this ISO day. */
  readonly since?: string;
  /** Documents published on or before this ISO day. */
  readonly until?: string;
}

/** Documents whose publication starts on one day. */
export interface DayCount {
  /** ISO day: the start of the documents' publication interval. */
  readonly day: string;
  readonly documents: number;
}

/** The documents of one source. */
export interface SourceCount {
  /** The outlet; null for documents no metadata or credit line names. */
  readonly source: string | null;
  readonly documents: number;
  /** Earliest publication start among them, ISO day, or null when none is dated. */
  readonly first: string | null;
  /** Latest publication end among them. */
  readonly last: string | null;
}

/** One resolved place and how often reports mention it. */
export interface PlaceCount {
  readonly place: PlaceValue;
  readonly mentions: number;
  /** Distinct documents mentioning it. */
  readonly documents: number;
}

/** What the store holds, for telling whether anything changed. */
export interface StoreState {
  /** Documents of every status. */
  readonly documents: number;
  /** Insertion number of the newest document, 0 when empty: grows with every insert. */
  readonly latestSeq: number;
  /** When the newest document was stored, ISO timestamp, or null when empty. */
  readonly latestIngestedAt: string | null;
}

/** Counting documents and mentions. */
export class OverviewRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async state(): Promise<StoreState> {
    const row = await this.#db
      .selectFrom('documents')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('seq').as('latest')])
      .executeTakeFirstOrThrow();
    const latestSeq = Number(row.latest ?? 0);
    const latest =
      latestSeq > 0
        ? await this.#db.selectFrom('documents').select('ingested_at').where('seq', '=', latestSeq).executeTakeFirst()
        : undefined;
    return { documents: Number(row.n), latestSeq, latestIngestedAt: latest?.ingested_at ?? null };
  }

  /** Dated documents per publication day, oldest first. */
  async documentsByDay(query: OverviewQuery = {}): Promise<DayCount[]> {
    const rows = await narrow(this.#db.selectFrom('documents'), query)
      .select(['published_start', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('published_start', 'is not', null)
      .groupBy('published_start')
      .orderBy('published_start')
      .execute();
    return rows.map((row) => ({ day: row.published_start as string, documents: Number(row.n) }));
  }

  /** Documents per source, most documents first. */
  async sources(query: OverviewQuery = {}): Promise<SourceCount[]> {
    const rows = await narrow(this.#db.selectFrom('documents'), query)
      .select([
        'source',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.min('published_start').as('first'),
        (eb) => eb.fn.max('published_end').as('last'),
      ])
      .groupBy('source')
      .execute();
    return rows
      .map((row) => ({ source: row.source, documents: Number(row.n), first: row.first ?? null, last: row.last ?? null }))
      .sort((a, b) => b.documents - a.documents || (a.source ?? '').localeCompare(b.source ?? ''));
  }

  /**
   * Places mentioned in the documents, most-mentioned first. Metonymic mentions ("Washington said") are actors,
   * not locations, and are left out. Mentions resolved to one gazetteer entry carry the same value, so grouping
   * by the stored value groups by place on both engines without reading JSON in SQL. Only stored documents are
   * ever analysed, so there is no status to filter by.
   */
  async places(query: Omit<OverviewQuery, 'status'> & { readonly spelling?: string } = {}): Promise<PlaceCount[]> {
    let select = this.#db
      .selectFrom('mentions')
      .select([
        'value',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.count<number | string>('document_id').distinct().as('docs'),
      ])
      .where('kind', '=', 'place');
    // Any spelling a report used ("Bukamal" for Abu Kamal), or the name as stored.
    if (query.spelling) {
      const pattern = containsPattern(query.spelling);
      select = select.where((eb) =>
        eb.or([
          eb(sql<string>`lower(text)`, 'like', sql<string>`${pattern} escape '!'`),
          eb(sql<string>`lower(value)`, 'like', sql<string>`${`%"name":"${pattern.slice(1)}`} escape '!'`),
        ]),
      );
    }
    if (query.source || query.since || query.until)
      select = select.where('document_id', 'in', narrow(this.#db.selectFrom('documents'), query).select('id'));
    const rows = await select.groupBy('value').execute();
    const byPlace = new Map<string, { place: PlaceValue; mentions: number; documents: number }>();
    for (const row of rows) {
      const place = JSON.parse(row.value) as PlaceValue;
      if (place.metonymic) continue;
      const key = `${place.name}|${place.country}|${place.lat}|${place.lon}`;
      const found = byPlace.get(key);
      // Two values of one place differ only in flags; a document counted under both is counted twice, an upper bound.
      if (found) {
        found.mentions += Number(row.n);
        found.documents += Number(row.docs);
      } else byPlace.set(key, { place, mentions: Number(row.n), documents: Number(row.docs) });
    }
    return [...byPlace.values()].sort(
      (a, b) => b.documents - a.documents || b.mentions - a.mentions || a.place.name.localeCompare(b.place.name),
    );
  }
}

function narrow<O>(
  select: SelectQueryBuilder<Database, 'documents', O>,
  query: OverviewQuery,
): SelectQueryBuilder<Database, 'documents', O> {
  let narrowed = select;
  if (query.status) narrowed = narrowed.where('status', '=', query.status);
  if (query.source) narrowed = narrowed.where('source', '=', query.source);
  if (query.since) narrowed = narrowed.where('published_end', '>=', query.since);
  if (query.until) narrowed = narrowed.where('published_start', '<=', query.until);
  return narrowed;
}
