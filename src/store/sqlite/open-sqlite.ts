/** @module The embedded engine: one SQLite file through better-sqlite3, in WAL mode so readers work during an ingest. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import {
  type DatabaseConnection,
  type DialectAdapter,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type Driver,
} from 'kysely';
import type { OpenStoreOptions } from '../open-store.ts';
import type { Database as Schema } from '../schema.ts';
import { StoreError } from '../store-error.ts';
import { Store } from '../store.ts';
import { PreparedRowWriter } from './prepared-row-writer.ts';

/** How long one statement waits for a lock held by another connection (a checkpoint, say). */
const BUSY_TIMEOUT_MS = 10_000;
/** How long one attempt to begin a write transaction waits before the writer says it is waiting and tries again. */
const BEGIN_ATTEMPT_MS = 250;

/**
 * better-sqlite3's compiled addon, where its install puts it (a prebuilt binary or a local compile alike). Naming it
 * skips the search of the \`bindings\` package, which stats a dozen places and walks the call stack on every open:
 * about 20 ms of every command's start. In any other layout better-sqlite3 searches as it always does.
 */
function nativeBinding(): { nativeBinding?: string } {
  try {
    const addon = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
    return existsSync(addon) ? { nativeBinding: addon } : {};
  } catch {
    return {};
  }
}

/** Opens a SQLite store at `path` (creating it when the mode allows) and migrates it when it may write. */
export async function openSqlite(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const mode = options.mode ?? 'create';
  const location = resolve(path);
  const exists = existsSync(location);
  if (!exists && mode !== 'create')
    throw new StoreError('missing', location, 'does not exist: check --db (or SITREP_DB), or create it with `sitrep ingest` or `--create`');
  const readOnly = mode === 'read' || (exists && !isWritable(location));
  if (readOnly && mode !== 'read')
    throw new StoreError('read-only', location, 'can only be read (no write permission on it or its folder): this command writes to it');
  if (!exists) mkdirSync(dirname(location), { recursive: true });

  let database: Database.Database;
  try {
    database = new Database(location, { readonly: readOnly, fileMustExist: mode !== 'create', ...nativeBinding() });
    // The first statement reads the header: a file that is not a database fails here, not later.
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!readOnly) {
      // Turning WAL on needs the file to itself: a writer still in rollback mode (the last one closed it so) is waited for.
      await whenFree(
        database,
        () => database.pragma('journal_mode = WAL'),
        (message) => options.onWait?.(`${message} (${location})`),
      );
      // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commit.
      database.pragma('synchronous = NORMAL');
    } else {
      database.pragma('schema_version');
    }
    database.pragma('foreign_keys = ON');
  } catch (cause) {
    throw sqliteOpenError(location, cause);
  }
  const dialect = new WriterSqliteDialect({ database }, database, readOnly, (message) => options.onWait?.(`${message} (${location})`));
  const db = new Kysely<Schema>({ dialect });
  // One writer for the store's life: its prepared statements serve every transaction on this one connection.
  const rows = new PreparedRowWriter(database);
  const store = new Store(
    db,
    'sqlite',
    location,
    { bigint: 'integer', serial: 'integer', bytes: 'blob', real: 'real' },
    { readOnly, created: !exists, rows: () => rows },
  );
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Whether this process may write the file and the folder its journal files go in. */
function isWritable(location: string): boolean {
  try {
    accessSync(location, constants.W_OK);
    accessSync(dirname(location), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `take` (a statement that needs the write lock) once no other process holds it, telling `onWait` once if it
 * has to wait. Short attempts with a pause between them rather than one long busy wait: better-sqlite3 waits
 * synchronously, and the process should stay responsive (progress, signals) while another writer finishes.
 */
async function whenFree(database: Database.Database, take: () => unknown, onWait: (message: string) => void): Promise<void> {
  database.pragma(`busy_timeout = ${BEGIN_ATTEMPT_MS}`);
  try {
    let told = false;
    for (;;) {
      try {
        take();
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        if (!told) onWait('another process is writing to the store; waiting for it to finish');
        told = true;
        await sleep(BEGIN_ATTEMPT_MS);
      }
    }
  } finally {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

function sqliteOpenError(location: string, cause: unknown): StoreError {
  const code = (cause as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new StoreError('not-a-store', location, 'is not a SQLite database: check --db', { cause });
  if (code === 'SQLITE_CANTOPEN')
    return new StoreError('unusable', location, `cannot be opened (${(cause as Error).message}): check the path and its permissions`, {
      cause,
    });
  return new StoreError('unusable', location, `cannot be opened: ${(cause as Error).message}`, { cause });
}

/**
 * SQLite's dialect with write transactions begun as writers (`BEGIN IMMEDIATE`). A deferred `BEGIN` reads first and
 * asks for the write lock later, when another writer may already hold it: SQLite then fails at once, whatever the
 * busy timeout. Begun as a writer, the second of two ingests waits for the first, says so, and both finish.
 */
class WriterSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #database: Database.Database;
  readonly #readOnly: boolean;
  readonly #onWait: (message: string) => void;

  constructor(config: SqliteDialectConfig, database: Database.Database, readOnly: boolean, onWait: (message: string) => void) {
    super(config);
    this.#config = config;
    this.#database = database;
    this.#readOnly = readOnly;
    this.#onWait = onWait;
  }

  override createDriver(): Driver {
    return new WriterSqliteDriver(this.#config, this.#database, this.#readOnly, this.#onWait);
  }

  /**
   * SQLite's schema changes are transactional, though Kysely's adapter says otherwise: saying so makes the migrator
   * run each migration and its record in one transaction, so a process killed while creating a store (a `sitrep
   * watch` under SIGKILL did) leaves no half-applied migration that the next open would fail on.
   */
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class WriterSqliteDriver extends SqliteDriver {
  readonly #database: Database.Database;
  readonly #readOnly: boolean;
  readonly #onWait: (message: string) => void;

  constructor(config: SqliteDialectConfig, database: Database.Database, readOnly: boolean, onWait: (message: string) => void) {
    super(config);
    this.#database = database;
    this.#readOnly = readOnly;
    this.#onWait = onWait;
  }

  /**
   * The last connection to close leaves the file in rollback-journal mode: a WAL file cannot be read where its
   * shared-memory file cannot be made (a read-only folder or medium). The next writer turns WAL on again.
   */
  override async destroy(): Promise<void> {
    if (!this.#readOnly && this.#database.open) {
      try {
        this.#database.pragma('busy_timeout = 0');
        this.#database.pragma('journal_mode = DELETE');
      } catch {
        // Another connection is open (a reader, a waiting writer): it keeps WAL, and the last one out switches.
      }
    }
    await super.destroy();
  }

  override async beginTransaction(_connection: DatabaseConnection): Promise<void> {
    await whenFree(this.#database, () => this.#database.exec('BEGIN IMMEDIATE'), this.#onWait);
  }
}
