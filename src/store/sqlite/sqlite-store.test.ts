import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { eventsRepositoryCases } from '../events-repository.case.ts';
import { storeCases } from '../store.case.ts';
import type { Store } from '../store.ts';
import { openSqlite } from './open-sqlite.ts';

describe('SQLite store', () => {
  const factory = {
    open: () => openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-sqlite-')), 'store.db')),
    reopen: (store: Store) => openSqlite(store.location),
  };
  storeCases(factory);
  eventsRepositoryCases(factory);
});
