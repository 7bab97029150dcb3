import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { storeCases } from '../store.case.ts';
import { openSqlite } from './open-sqlite.ts';

describe('SQLite store', () => {
  storeCases({
    open: () => openSqlite(join(mkdtempSync(join(tmpdir(), 'sitrep-sqlite-')), 'store.db')),
    reopen: (store) => openSqlite(store.location),
  });
});
