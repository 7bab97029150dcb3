/** @module Documents in the store: listing, lookup, near-copy candidates and inserts. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Document, DocumentFormat, DocumentStatus, Published } from '../model/document.ts';
import { CHUNK, chunks } from './chunks.ts';
import type { RowWriter } from './row-writer.ts';
import type { Database, DocumentsTable } from './schema.ts';

/** A document to insert, with its MinHash signature and LSH band keys (none for documents that are never near-copy targets). */
export interface NewDocument {
  readonly document: Document;
  readonly bands: readonly number[];
  readonly signature?: Uint32Array;
}

/** A stored document that shares an LSH band with a new one. */
export interface NearCandidate {
  readonly id: string;
  readonly syndicationGroup: string;
  readonly signature: Uint32Array;
  /** The band keys it shares with the ones asked for. */
  readonly bandKeys: readonly number[];
}

/** Filters for listing documents; every field narrows. */
export interface DocumentQuery {
  readonly status?: DocumentStatus;
  readonly source?: string;
  /** Documents published on or after this ISO day. */
  readonly since?: string;
  /** Documents published on or before this ISO day. */
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
  /** Newest stored first, instead of the order they were stored in: the latest page without a deep offset. */
  readonly newestFirst?: boolean;
}

/** A document as a list names it: its id and the names a person knows it by. */
export interface DocumentName {
  readonly id: string;
  /** The file name without extension, the JSONL id or the feed item's guid: what `sitrep documents` shows. */
  readonly externalId: string;
  readonly title: string | null;
  readonly url: string | null;
  /** The outlet. */
  readonly source: string | null;
}

/** Reading documents. */
export class DocumentsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async list(query: DocumentQuery = {}): Promise<Document[]> {
    let select = this.#db.selectFrom('documents').selectAll();
    if (query.status) select = select.where('status', '=', query.status);
    if (query.source) select = select.where('source', '=', query.source);
    if (query.since) select = select.where('published_end', '>=', query.since);
    if (query.until) select = select.where('published_start', '<=', query.until);
    select = select.orderBy('seq', query.newestFirst ? 'desc' : 'asc');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map(toDocument);
  }

  /** One document by id or, failing that, by external id (the most recent with that name). */
  async get(idOrExternalId: string): Promise<Document | null> {
    const byId = await this.#db.selectFrom('documents').selectAll().where('id', '=', idOrExternalId).executeTakeFirst();
    if (byId) return toDocument(byId);
    const byName = await this.#db
      .selectFrom('documents')
      .selectAll()
      .where('external_id', '=', idOrExternalId)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    return byName ? toDocument(byName) : null;
  }

  /** How users know each of these documents: its external id (file name), title, address and outlet; ids not stored are left out. */
  async names(ids: readonly string[]): Promise<Map<string, DocumentName>> {
    const found = new Map<string, DocumentName>();
    for (const chunk of chunks([...new Set(ids)], CHUNK.lookup)) {
      const rows = await this.#db
        .selectFrom('documents')
        .select(['id', 'external_id', 'title', 'url', 'source'])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows)
        found.set(row.id, { id: row.id, externalId: row.external_id, title: row.title, url: row.url, source: row.source });
    }
    return found;
  }

  /** How many documents there are in each status. */
  async counts(): Promise<Record<DocumentStatus, number>> {
    const rows = await this.#db
      .selectFrom('documents')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<DocumentStatus, number> = { stored: 0, duplicate: 0, skipped: 0 };
    for (const row of rows) counts[row.status as DocumentStatus] = Number(row.n);
    return counts;
  }

  /** Stored documents whose analysis is older than `version`, oldest first (to analyse them: `takePending`). */
  async pendingAnalysis(version: number, limit: number): Promise<Document[]> {
    const rows = await this.#db
      .selectFrom('documents')
      .selectAll()
      .where('status', '=', 'stored')
      .where('analysis_version', '<', version)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toDocument);
  }
}

/** Writing documents, inside a transaction. */
export class DocumentWrites {
  readonly #trx: Transaction<Database>;
  readonly #engine: 'sqlite' | 'postgres';
  readonly #rows: RowWriter;

  constructor(trx: Transaction<Database>, engine: 'sqlite' | 'postgres', rows: RowWriter) {
    this.#trx = trx;
    this.#engine = engine;
    this.#rows = rows;
  }

  /**
   * Takes up to `limit` stored documents whose analysis is older than `version`, oldest first, and holds them until the
   * transaction ends: on PostgreSQL, analysers running at once each take other documents (rows another transaction
   * holds are skipped) and one that dies lets its documents go. SQLite has one writer at a time, so it needs no hold.
   */
  async takePending(version: number, limit: number): Promise<Document[]> {
    const query = this.#pending(version, limit);
    const rows = await (this.#engine === 'postgres' ? query.forUpdate().skipLocked() : query).execute();
    return rows.map(toDocument);
  }

  /**
   * The next stored documents whose analysis is older than `version`, oldest first, leaving out `taken` (the batch in
   * hand): what the next `takePending` will most likely return, to analyse while this batch is written. They are not
   * taken: another analyser may take them once this transaction ends, and the caller checks.
   */
  async peekPending(version: number, limit: number, taken: readonly string[]): Promise<Document[]> {
    const skip = new Set(taken);
    const query = this.#pending(version, limit + skip.size);
    // On PostgreSQL, past the documents other analysers hold, and kept from their `takePending` (a key-share lock
    // conflicts with theirs) until this transaction ends: the likeliest to be this analyser's next batch.
    const rows = await (this.#engine === 'postgres' ? query.forKeyShare().skipLocked() : query).execute();
    return rows
      .filter((row) => !skip.has(row.id))
      .slice(0, limit)
      .map(toDocument);
  }

  /** Stored documents whose analysis is older than `version`, oldest first, at most `limit`. */
  #pending(version: number, limit: number) {
    return this.#trx
      .selectFrom('documents')
      .selectAll()
      .where('status', '=', 'stored')
      .where('analysis_version', '<', version)
      .orderBy('seq')
      .limit(limit);
  }

  /** Stored documents with these ids. */
  async byIds(ids: readonly string[]): Promise<Map<string, Document>> {
    const found = new Map<string, Document>();
    for (const chunk of chunks(ids, CHUNK.lookup)) {
      const rows = await this.#trx.selectFrom('documents').selectAll().where('id', 'in', chunk).execute();
      for (const row of rows) found.set(row.id, toDocument(row));
    }
    return found;
  }

  /** Stored documents sharing any of these band keys. */
  async nearCandidates(bandKeys: readonly number[]): Promise<NearCandidate[]> {
    const found = new Map<string, { id: string; syndicationGroup: string; signature: Uint32Array; bandKeys: number[] }>();
    for (const chunk of chunks(bandKeys, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('document_bands as b')
        .innerJoin('documents as d', 'd.id', 'b.document_id')
        .select(['d.id', 'd.syndication_group', 'd.signature', 'b.band_key'])
        .where('b.band_key', 'in', chunk)
        .execute();
      for (const row of rows) {
        const candidate = found.get(row.id);
        if (candidate) candidate.bandKeys.push(Number(row.band_key));
        else
          found.set(row.id, {
            id: row.id,
            syndicationGroup: row.syndication_group,
            signature: toSignature(row.signature),
            bandKeys: [Number(row.band_key)],
          });
      }
    }
    return [...found.values()];
  }

  /** Sets documents' publication dates (the batch's other reports of a story dated them after they were inserted). */
  async setPublished(updates: ReadonlyArray<{ readonly id: string; readonly published: Published }>): Promise<void> {
    for (const { id, published } of updates) {
      await this.#trx
        .updateTable('documents')
        .set({
          published_start: published.start,
          published_end: published.end,
          published_inferred: published.inferred ? 1 : 0,
          published_rule: published.rule,
        })
        .where('id', '=', id)
        .execute();
    }
  }

  async insert(documents: readonly NewDocument[]): Promise<void> {
    await this.#rows.insert(
      'documents',
      documents.map((d) => ({ ...toRow(d.document), signature: d.signature ? fromSignature(d.signature) : null })),
    );
    const bands = documents.flatMap((d) => d.bands.map((band_key) => ({ band_key, document_id: d.document.id })));
    await this.#rows.insert('document_bands', bands);
  }
}

function fromSignature(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength));
}

function toSignature(bytes: Uint8Array | null): Uint32Array {
  if (!bytes) return new Uint32Array(0);
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function toRow(document: Document): Omit<DocumentsTable, 'seq' | 'signature' | 'analysis_version'> {
  return {
    id: document.id,
    external_id: document.externalId,
    source: document.source,
    title: document.title,
    url: document.url,
    byline: document.byline,
    language: document.language,
    status: document.status,
    status_reason: document.statusReason,
    duplicate_of: document.duplicateOf,
    published_start: document.published?.start ?? null,
    published_end: document.published?.end ?? null,
    published_inferred: document.published ? (document.published.inferred ? 1 : 0) : null,
    published_rule: document.published?.rule ?? document.unpublishedReason ?? null,
    syndication_group: document.syndicationGroup,
    format: document.format,
    origin_path: document.origin.path,
    origin_line: document.origin.line ?? null,
    origin_item: document.origin.item ?? null,
    text: document.text,
    content_hash: document.contentHash,
    ingested_at: document.ingestedAt,
  };
}

/** A row back into a document; exported for repositories that join documents. */
export function toDocument(row: Selectable<DocumentsTable>): Document {
  return {
    id: row.id,
    externalId: row.external_id,
    source: row.source,
    title: row.title,
    url: row.url,
    byline: row.byline,
    language: row.language,
    status: row.status as DocumentStatus,
    statusReason: row.status_reason,
    duplicateOf: row.duplicate_of,
    published:
      row.published_start && row.published_end
        ? { start: row.published_start, end: row.published_end, inferred: row.published_inferred === 1, rule: row.published_rule ?? '' }
        : null,
    ...(!row.published_start && row.published_rule ? { unpublishedReason: row.published_rule } : {}),
    syndicationGroup: row.syndication_group,
    format: row.format as DocumentFormat,
    origin: {
      path: row.origin_path,
      ...(row.origin_line === null ? {} : { line: row.origin_line }),
      ...(row.origin_item === null ? {} : { item: row.origin_item }),
    },
    text: row.text,
    contentHash: row.content_hash,
    ingestedAt: row.ingested_at,
  };
}
