/**
 * @module The store: the one interface every stage and interface reads and writes through, over SQLite or PostgreSQL.
 *
 * Each family of records has its own repository (reads) and writes class (inside a transaction), in its own file;
 * this file only wires them together.
 */
import { type Kysely, Migrator, sql, type Transaction } from 'kysely';
import { ClaimsRepository, ClaimWrites } from './claims-repository.ts';
import { DocumentsRepository, DocumentWrites } from './documents-repository.ts';
import { EventsRepository, EventWrites } from './events-repository.ts';
import { MentionsRepository, MentionWrites } from './mentions-repository.ts';
import { type ColumnTypes, migrationProvider } from './migrations.ts';
import { OverviewRepository } from './overview-repository.ts';
import type { RowWriter, RowWriterFactory } from './row-writer.ts';
import type { Database } from './schema.ts';
import { SearchRepository } from './search-repository.ts';
import { TeamRepository, TeamWrites } from './postgres/team-writes.ts';
import { StoreError } from './store-error.ts';
import { WatchRepository, WatchWrites } from './watch-repository.ts';
import { SnapshotRepository } from './snapshot-repository.ts';

export type { ClaimQuery, FactQuery, StoredClaim } from './claims-repository.ts';
export type { DocumentName, DocumentQuery, NearCandidate, NewDocument } from './documents-repository.ts';
export type { DocumentEvents, EventQuery, IncidentDetail, IncidentQuery, StoredEvent, WeeklyIncidentCount } from './events-repository.ts';
export type { MentionQuery, StoredMention } from './mentions-repository.ts';
export type { DayCount, OverviewQuery, PlaceCount, SourceCount, StoreState } from './overview-repository.ts';
export type { DocumentSummary, SearchHit, SearchQuery, Snippet } from './search-repository.ts';
export type { SeenItem, SourceState, StoredAlert } from './watch-repository.ts';
export type { KnownBy } from './snapshot-repository.ts';

/**
 * Store-wide locks a transaction may hold until it ends: `ingest` while it looks up copies and inserts documents,
 * `resolution` while it reads and rewrites the facts and incidents a batch joins.
 */
export type StoreLock = 'ingest' | 'resolution';

/** PostgreSQL advisory lock keys: "sitrep" in ASCII, then the lock's number. */
const LOCK_KEYS: Readonly<Record<StoreLock, number>> = { ingest: 0x7369747265700, resolution: 0x7369747265701 };

/** What one transaction may write; everything in it lands together or not at all. */
export class StoreTransaction {
  readonly documents: DocumentWrites;
  readonly mentions: MentionWrites;
  readonly events: EventWrites;
  readonly claims: ClaimWrites;
  /** Team mode's queue of units (PostgreSQL only). */
  readonly team: TeamWrites;
  readonly watch: WatchWrites;
  readonly #trx: Transaction<Database>;
  readonly #engine: Engine;

  /** `rows` is the engine's fast path for the many rows a batch writes. */
  constructor(trx: Transaction<Database>, engine: Engine, rows: RowWriter) {
    this.#trx = trx;
    this.#engine = engine;
    this.documents = new DocumentWrites(trx, engine, rows);
    this.mentions = new MentionWrites(trx, rows);
    this.events = new EventWrites(trx, rows);
    this.claims = new ClaimWrites(trx, rows);
    this.team = new TeamWrites(trx);
    this.watch = new WatchWrites(trx);
  }

  /**
   * Holds `lock` until the transaction ends, waiting while another transaction holds it: what the holder reads and
   * then rewrites cannot change under it. PostgreSQL takes a transaction-scoped advisory lock; SQLite already lets one
   * transaction write at a time.
   */
  async lock(lock: StoreLock): Promise<void> {
    if (this.#engine === 'postgres') await sql`select pg_advisory_xact_lock(${LOCK_KEYS[lock]})`.execute(this.#trx);
  }

  /** Takes `lock` until the transaction ends if no other transaction holds it; false (and no wait) if one does. */
  async tryLock(lock: StoreLock): Promise<boolean> {
    if (this.#engine !== 'postgres') return true;
    const { rows } = await sql<{ taken: boolean }>`select pg_try_advisory_xact_lock(${LOCK_KEYS[lock]}) as taken`.execute(this.#trx);
    return rows[0]?.taken === true;
  }
}

export type Engine = 'sqlite' | 'postgres';

/** How a store was opened. */
export interface StoreOpening {
  /** Opened only to read: nothing is written, not even a migration. */
  readonly readOnly?: boolean;
  /** The store did not exist and was made by this open. */
  readonly created?: boolean;
  /** The engine's row writer for each transaction (its dialect folder makes it). */
  readonly rows: RowWriterFactory;
}

/** The store over one database. Create it with `openStore`. */
export class Store {
  readonly engine: Engine;
  /** The file path or connection URL (password removed). */
  readonly location: string;
  readonly documents: DocumentsRepository;
  readonly mentions: MentionsRepository;
  readonly events: EventsRepository;
  readonly claims: ClaimsRepository;
  readonly search: SearchRepository;
  readonly overview: OverviewRepository;
  /** Team mode's queue of units (PostgreSQL only). */
  readonly team: TeamRepository;
  readonly watch: WatchRepository;
  readonly snapshot: SnapshotRepository;
  /** Opened only to read: `transaction` refuses, and `migrate` checks the schema without changing it. */
  readonly readOnly: boolean;
  /** The store did not exist and was made by this open. */
  readonly created: boolean;
  readonly #db: Kysely<Database>;
  readonly #types: ColumnTypes;
  readonly #rows: RowWriterFactory;

  constructor(db: Kysely<Database>, engine: Engine, location: string, types: ColumnTypes, opening: StoreOpening) {
    this.#db = db;
    this.engine = engine;
    this.location = location;
    this.#types = types;
    this.readOnly = opening.readOnly ?? false;
    this.created = opening.created ?? false;
    this.#rows = opening.rows;
    this.documents = new DocumentsRepository(db);
    this.mentions = new MentionsRepository(db);
    this.events = new EventsRepository(db);
    this.claims = new ClaimsRepository(db);
    this.search = new SearchRepository(db, engine);
    this.overview = new OverviewRepository(db);
    this.team = new TeamRepository(db);
    this.watch = new WatchRepository(db);
    this.snapshot = new SnapshotRepository(db);
  }

  /**
   * Brings the schema up to date; safe to call on every start. A store from a newer sitrep is refused, never
   * changed; a read-only store is only checked.
   */
  async migrate(): Promise<void> {
    const provider = migrationProvider(this.#types);
    const known = Object.keys(await provider.getMigrations()).sort();
    const applied = await this.#appliedMigrations();
    const newer = applied.filter((name) => !known.includes(name));
    if (newer.length > 0)
      throw new StoreError(
        'newer-schema',
        this.location,
        `was written by a newer version of sitrep (schema ${newer.at(-1)}; this version knows up to ${known.at(-1)}): upgrade sitrep to open it`,
      );
    if (applied.length === known.length) return;
    if (this.readOnly) {
      throw applied.length === 0
        ? new StoreError('not-a-store', this.location, 'holds no sitrep data: check --db, or create it with `sitrep ingest`')
        : new StoreError(
            'older-schema',
            this.location,
            `uses an older schema (${applied.at(-1)}) and is opened read-only: run \`sitrep analyse --db ${this.location}\` once to upgrade it`,
          );
    }
    const migrator = new Migrator({ db: this.#db, provider });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`Could not migrate the store at ${this.location} (migration ${failed} failed)`, { cause: error });
    }
  }

  /**
   * The migrations the store has run, by name; none for a new database. Whether Kysely's table is there is asked of
   * the catalogue by its name, where the migrator will look (on PostgreSQL, the search path): reading every table's
   * columns (Kysely's introspection) took more of `sitrep facts` than its own queries.
   */
  async #appliedMigrations(): Promise<string[]> {
    const present =
      this.engine === 'sqlite'
        ? sql<{ present: number }>`select count(*) as present from sqlite_master where type = 'table' and name = 'kysely_migration'`
        : sql<{ present: number }>`select (to_regclass('kysely_migration') is not null)::int as present`;
    if (Number((await present.execute(this.#db)).rows[0]?.present ?? 0) === 0) return [];
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(this.#db);
    return rows.rows.map((r) => r.name).sort();
  }

  /** Runs `work` in one transaction: if it throws, nothing it wrote remains. */
  async transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (this.readOnly) throw new StoreError('read-only', this.location, 'was opened to read only: this command cannot write to it');
    return this.#db.transaction().execute((trx) => work(new StoreTransaction(trx, this.engine, this.#rows(trx))));
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}
