/**
 * @module Full-text search over documents: SQLite FTS5 or PostgreSQL tsvector (migration 0005), ranked, filtered,
 * paged, with a highlighted snippet per hit. A user's words never reach SQL as syntax: they are reduced to terms.
 */
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { Document, DocumentStatus } from '../model/document.ts';
import { toDocument } from './documents-repository.ts';
import { SEARCH_LANGUAGE } from './migrations/0005-search.ts';
import type { Database, DocumentsTable } from './schema.ts';

/** At most this many terms are searched for; the rest of a long query is ignored. */
export const MAX_SEARCH_TERMS = 16;
/** Longer words are cut to this length: no real word is longer, and the index never holds one that is. */
const MAX_TERM_LENGTH = 64;
/** Marks around matched words in snippets as the engines return them; turned into offsets before leaving here. */
const MARK_START = '\u0002';
const MARK_END = '\u0003';

/** One word to find; with `prefix`, any word starting with it (`drone*`). */
export interface SearchTerm {
  readonly word: string;
  readonly prefix: boolean;
}

/** A search: every term must occur (in the title or the text); the other fields narrow like `DocumentQuery`. */
export interface SearchQuery {
  /** The words as the user typed them; see `searchTerms`. */
  readonly text: string;
  readonly status?: DocumentStatus;
  readonly source?: string;
  /** Documents published on or after this ISO day. */
  readonly since?: string;
  /** Documents published on or before this ISO day. */
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A document without its text, for lists. */
export type DocumentSummary = Omit<Document, 'text'>;

/** A piece of a document's text around the matched words, with the matches as offsets into `text`. */
export interface Snippet {
  readonly text: string;
  /** `[start, end)` UTF-16 offsets into `text`, in order, not overlapping. */
  readonly marks: ReadonlyArray<readonly [number, number]>;
}

export interface SearchHit {
  readonly document: DocumentSummary;
  /** Relevance: higher is better; comparable between hits of one search on one engine only. */
  readonly score: number;
  readonly snippet: Snippet;
}

/**
 * The terms of a user's query: runs of letters and digits, lower-cased, a trailing `*` making a prefix term.
 * Everything else (quotes, operators, brackets, SQL) separates words and is otherwise ignored, so no input is a
 * syntax error on either engine.
 */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  for (const match of text.normalize('NFKC').matchAll(/([\p{L}\p{N}]+)(\*?)/gu)) {
    const word = (match[1] ?? '').toLowerCase().slice(0, MAX_TERM_LENGTH);
    const prefix = match[2] === '*';
    const key = `${word}${prefix ? '*' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ word, prefix });
    if (terms.length === MAX_SEARCH_TERMS) break;
  }
  return terms;
}

/** Splits an engine's marked snippet into text and mark offsets. */
export function parseSnippet(marked: string): Snippet {
  let text = '';
  const marks: Array<[number, number]> = [];
  let open = -1;
  for (const char of marked) {
    if (char === MARK_START) open = text.length;
    else if (char === MARK_END) {
      if (open >= 0 && text.length > open) marks.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  return { text, marks };
}

/** Searching documents. */
export class SearchRepository {
  readonly #db: Kysely<Database>;
  readonly #postgres: boolean;

  constructor(db: Kysely<Database>, engine: 'sqlite' | 'postgres') {
    this.#db = db;
    this.#postgres = engine === 'postgres';
  }

  /** The best-ranked documents holding every term, best first; none when the query has no terms. */
  async search(query: SearchQuery): Promise<SearchHit[]> {
    const terms = searchTerms(query.text);
    if (terms.length === 0) return [];
    const ranked = await this.#rank(terms, query);
    if (ranked.length === 0) return [];
    const seqs = ranked.map((r) => Number(r.seq));
    const [rows, snippets] = await Promise.all([
      this.#db.selectFrom('documents').select(SUMMARY_COLUMNS).where('seq', 'in', seqs).execute(),
      this.#snippets(terms, seqs),
    ]);
    const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
    const hits: SearchHit[] = [];
    for (const { seq, score } of ranked) {
      const row = bySeq.get(Number(seq));
      // A document deleted between the two reads is left out rather than shown half.
      if (!row) continue;
      hits.push({ document: toSummary(row), score: Number(score), snippet: parseSnippet(snippets.get(Number(seq)) ?? '') });
    }
    return hits;
  }

  async #rank(terms: readonly SearchTerm[], query: SearchQuery): Promise<Array<{ seq: number; score: number }>> {
    const filters: RawBuilder<unknown>[] = [];
    if (query.status) filters.push(sql`d.status = ${query.status}`);
    if (query.source) filters.push(sql`d.source = ${query.source}`);
    if (query.since) filters.push(sql`d.published_end >= ${query.since}`);
    if (query.until) filters.push(sql`d.published_start <= ${query.until}`);
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    if (this.#postgres) {
      const join = filters.length > 0 ? sql`join documents d on d.seq = s.seq` : sql``;
      const where = [sql`s.vector @@ q.query`, ...filters];
      const result = await sql<{ seq: number; score: number }>`
        select s.seq as seq, ts_rank(s.vector, q.query) as score
        from document_search s ${join}, to_tsquery(${SEARCH_LANGUAGE}::regconfig, ${tsQuery(terms)}) as q(query)
        where ${sql.join(where, sql` and `)}
        order by score desc, s.seq
        limit ${limit} offset ${offset}`.execute(this.#db);
      return result.rows;
    }
    // Without filters, FTS5 orders by rank itself, the fastest path it has.
    const join = filters.length > 0 ? sql`join documents d on d.seq = documents_fts.rowid` : sql``;
    const where = [sql`documents_fts match ${ftsQuery(terms)}`, ...filters];
    const result = await sql<{ seq: number; score: number }>`
      select documents_fts.rowid as seq, -documents_fts.rank as score
      from documents_fts ${join}
      where ${sql.join(where, sql` and `)}
      order by documents_fts.rank
      limit ${limit} offset ${offset}`.execute(this.#db);
    return result.rows;
  }

  async #snippets(terms: readonly SearchTerm[], seqs: readonly number[]): Promise<Map<number, string>> {
    const list = sql.join(seqs.map((seq) => sql`${seq}`));
    if (this.#postgres) {
      const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
      const result = await sql<{ seq: number; snippet: string }>`
        select d.seq as seq, ts_headline(${SEARCH_LANGUAGE}::regconfig, d.text, to_tsquery(${SEARCH_LANGUAGE}::regconfig, ${tsQuery(terms)}), ${options}) as snippet
        from documents d where d.seq in (${list})`.execute(this.#db);
      return new Map(result.rows.map((r) => [Number(r.seq), r.snippet]));
    }
    const result = await sql<{ seq: number; snippet: string }>`
      select rowid as seq, snippet(documents_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) as snippet
      from documents_fts where documents_fts match ${ftsQuery(terms)} and rowid in (${list})`.execute(this.#db);
    return new Map(result.rows.map((r) => [Number(r.seq), r.snippet]));
  }
}

/** Terms as an FTS5 query: each a quoted string (so no word is read as an operator), all required. */
function ftsQuery(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `"${t.word}"${t.prefix ? '*' : ''}`).join(' ');
}

/** Terms as a PostgreSQL tsquery: words are letters and digits only, so the only operators are the ones added here. */
function tsQuery(terms: readonly SearchTerm[]): string {
  return terms.map((t) => `${t.word}${t.prefix ? ':*' : ''}`).join(' & ');
}

const SUMMARY_COLUMNS = [
  'seq',
  'id',
  'external_id',
  'source',
  'title',
  'url',
  'byline',
  'language',
  'status',
  'status_reason',
  'duplicate_of',
  'published_start',
  'published_end',
  'published_inferred',
  'published_rule',
  'syndication_group',
  'format',
  'origin_path',
  'origin_line',
  'origin_item',
  'content_hash',
  'ingested_at',
] as const;

/** A row without its text into a document summary. */
export function toSummary(row: Omit<Selectable<DocumentsTable>, 'text' | 'signature' | 'analysis_version'>): DocumentSummary {
  const { text: _text, ...summary } = toDocument({ ...row, text: '', signature: null, analysis_version: 0 });
  return summary;
}
