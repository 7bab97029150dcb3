/** @module The store: the one interface every stage and interface reads and writes through, over SQLite or PostgreSQL. */
import { type Kysely, Migrator, type Selectable, type Transaction } from 'kysely';
import type { Document, DocumentFormat, DocumentStatus } from '../model/document.ts';
import { type ColumnTypes, migrationProvider } from './migrations.ts';
import type { Database, DocumentsTable } from './schema.ts';

/** Rows per INSERT statement: under SQLite's 32,766 bound parameters with room to spare. */
const DOCUMENT_CHUNK = 500;
const BAND_CHUNK = 5000;
const LOOKUP_CHUNK = 5000;

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
}

/** What one transaction may do; everything in it lands together or not at all. */
export interface StoreTransaction {
  /** Stored documents with these ids. */
  documentsById(ids: readonly string[]): Promise<Map<string, Document>>;
  /** Stored documents (not duplicates) sharing any of these band keys. */
  nearCandidates(bandKeys: readonly number[]): Promise<NearCandidate[]>;
  insertDocuments(documents: readonly NewDocument[]): Promise<void>;
}

export type Engine = 'sqlite' | 'postgres';

/** The store over one database. Create it with `openStore`. */
export class Store {
  readonly engine: Engine;
  /** The file path or connection URL (password removed). */
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #types: ColumnTypes;

  constructor(db: Kysely<Database>, engine: Engine, location: string, types: ColumnTypes) {
    this.#db = db;
    this.engine = engine;
    this.location = location;
    this.#types = types;
  }

  /** Brings the schema up to date; safe to call on every start. */
  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.#db, provider: migrationProvider(this.#types) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`Could not migrate the store at ${this.location} (migration ${failed} failed)`, { cause: error });
    }
  }

  /** Runs `work` in one transaction: if it throws, nothing it wrote remains. */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute((trx) => work(transactionOver(trx)));
  }

  async documents(query: DocumentQuery = {}): Promise<Document[]> {
    let select = this.#db.selectFrom('documents').selectAll();
    if (query.status) select = select.where('status', '=', query.status);
    if (query.source) select = select.where('source', '=', query.source);
    if (query.since) select = select.where('published_end', '>=', query.since);
    if (query.until) select = select.where('published_start', '<=', query.until);
    select = select.orderBy('seq');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map(toDocument);
  }

  /** One document by id or, failing that, by external id (the most recent with that name). */
  async document(idOrExternalId: string): Promise<Document | null> {
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

  /** How many documents there are in each status. */
  async countDocuments(): Promise<Record<DocumentStatus, number>> {
    const rows = await this.#db
      .selectFrom('documents')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<DocumentStatus, number> = { stored: 0, duplicate: 0, skipped: 0 };
    for (const row of rows) counts[row.status as DocumentStatus] = Number(row.n);
    return counts;
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}

function transactionOver(trx: Transaction<Database>): StoreTransaction {
  return {
    async documentsById(ids) {
      const found = new Map<string, Document>();
      for (const chunk of chunks(ids, LOOKUP_CHUNK)) {
        if (chunk.length === 0) continue;
        const rows = await trx.selectFrom('documents').selectAll().where('id', 'in', chunk).execute();
        for (const row of rows) found.set(row.id, toDocument(row));
      }
      return found;
    },
    async nearCandidates(bandKeys) {
      const found = new Map<string, { id: string; syndicationGroup: string; signature: Uint32Array; bandKeys: number[] }>();
      for (const chunk of chunks(bandKeys, LOOKUP_CHUNK)) {
        if (chunk.length === 0) continue;
        const rows = await trx
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
    },
    async insertDocuments(documents) {
      for (const chunk of chunks(documents, DOCUMENT_CHUNK)) {
        if (chunk.length === 0) continue;
        await trx
          .insertInto('documents')
          .values(chunk.map((d) => ({ ...toRow(d.document), signature: d.signature ? fromSignature(d.signature) : null })))
          .execute();
      }
      const bands = documents.flatMap((d) => d.bands.map((band_key) => ({ band_key, document_id: d.document.id })));
      for (const chunk of chunks(bands, BAND_CHUNK)) {
        if (chunk.length === 0) continue;
        await trx.insertInto('document_bands').values(chunk).execute();
      }
    },
  };
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function fromSignature(signature: Uint32Array): Uint8Array {
  return new Uint8Array(signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.byteLength));
}

function toSignature(bytes: Uint8Array | null): Uint32Array {
  if (!bytes) return new Uint32Array(0);
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

function toRow(document: Document): Omit<DocumentsTable, 'seq' | 'signature'> {
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
    published_rule: document.published?.rule ?? null,
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

function toDocument(row: Selectable<DocumentsTable>): Document {
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
