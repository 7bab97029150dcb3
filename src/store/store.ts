/**
 * @module The store: the one interface every stage and interface reads and writes through, over SQLite or PostgreSQL.
 *
 * Each family of records has its own repository (reads) and writes class (inside a transaction), in its own file;
 * this file only wires them together.
 */
import { type Kysely, Migrator, type Transaction } from 'kysely';
import { DocumentsRepository, DocumentWrites } from './documents-repository.ts';
import { MentionsRepository, MentionWrites } from './mentions-repository.ts';
import { type ColumnTypes, migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';

export type { DocumentQuery, NearCandidate, NewDocument } from './documents-repository.ts';
export type { MentionQuery, StoredMention } from './mentions-repository.ts';

/** What one transaction may write; everything in it lands together or not at all. */
export class StoreTransaction {
  readonly documents: DocumentWrites;
  readonly mentions: MentionWrites;

  constructor(trx: Transaction<Database>) {
    this.documents = new DocumentWrites(trx);
    this.mentions = new MentionWrites(trx);
  }
}

export type Engine = 'sqlite' | 'postgres';

/** The store over one database. Create it with `openStore`. */
export class Store {
  readonly engine: Engine;
  /** The file path or connection URL (password removed). */
  readonly location: string;
  readonly documents: DocumentsRepository;
  readonly mentions: MentionsRepository;
  readonly #db: Kysely<Database>;
  readonly #types: ColumnTypes;

  constructor(db: Kysely<Database>, engine: Engine, location: string, types: ColumnTypes) {
    this.#db = db;
    this.engine = engine;
    this.location = location;
    this.#types = types;
    this.documents = new DocumentsRepository(db);
    this.mentions = new MentionsRepository(db);
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
    return this.#db.transaction().execute((trx) => work(new StoreTransaction(trx)));
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}
