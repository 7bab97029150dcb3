/**
 * Opening stores as a user names them: a misspelt --db, a read-only file, a newer schema, a file that is no
 * database, a PostgreSQL database that is missing or a server that does not answer, and two writers at once.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ADMIN_URL, NO_POSTGRES } from './postgres-fixture.ts';
import { PROJECT_DIR, scratchDir, writeFiles } from './fixtures.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');
/** The unprivileged user a read-only store is read as when the tests run as root (root may write any file). */
const NOBODY = 65_534;

function sitrep(args: readonly string[], options: { uid?: number } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, SITREP_DB: '' },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function report(n: number): string {
  return `Militia fighters fired ${n + 2} rockets at an outpost near Qaim on 3 March 2024, and ${n % 5} guards were hurt, the district council said.`;
}

/** A folder of `count` reports of our own, numbered from `from`. */
function reports(dir: string, from: number, count: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ id: `r${from + i}`, source: `Outlet ${from + i}`, published: '2024-03-04', text: `${report(from + i)} Case ${from + i}.` }),
  );
  writeFiles(dir, { [`batch-${from}.jsonl`]: `${lines.join('\n')}\n` });
  return join(dir, `batch-${from}.jsonl`);
}

function documentCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from documents').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('opening a store', () => {
  it('refuses a store that does not exist for a reading command, naming it and creating nothing', () => {
    const dir = scratchDir();
    const missing = join(dir, 'no-such-folder', 'typo.db');
    for (const command of [['facts'], ['documents'], ['incidents'], ['report'], ['export', '--what', 'facts', '--format', 'jsonl'], ['analyse']]) {
      const result = sitrep(['--db', missing, ...command]);
      assert.equal(result.code, 2, `${command.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`${missing.replace(/[/.]/g, '\\$&')} does not exist`));
      assert.match(result.stderr, /--create/);
    }
    assert.equal(existsSync(join(dir, 'no-such-folder')), false, 'no folder was made');
  });

  it('creates a store for ingest, saying so, and for any command with --create', () => {
    const dir = scratchDir();
    const input = writeFiles(dir, { 'in/a.txt': report(1) });
    const db = join(dir, 'new', 'store.db');
    const ingest = sitrep(['--db', db, 'ingest', join(input, 'in')]);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stderr, /Created a new store at .*new\/store\.db/);
    const again = sitrep(['--db', db, 'ingest', join(input, 'in')]);
    assert.doesNotMatch(again.stderr, /Created a new store/);

    const other = join(dir, 'empty.db');
    const facts = sitrep(['--db', other, '--create', 'facts']);
    assert.equal(facts.code, 0, facts.stderr);
    assert.match(facts.stderr, /Created a new store/);
    assert.ok(existsSync(other));
  });

  it('names a file that is not a database', () => {
    const dir = scratchDir();
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'these are notes, not a database\n'.repeat(100));
    const result = sitrep(['--db', path, 'facts']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /notes\.db is not a SQLite database/);
    const ingest = sitrep(['--db', path, 'ingest', '-']);
    assert.match(ingest.stderr, /notes\.db is not a SQLite database/);
  });

  it('refuses a store from a newer sitrep without touching it', () => {
    const dir = scratchDir();
    const input = writeFiles(dir, { 'in/a.txt': report(2) });
    const db = join(dir, 'store.db');
    assert.equal(sitrep(['--db', db, 'ingest', '--no-analyse', join(input, 'in')]).code, 0);
    const raw = new Database(db);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9000-from-the-future', '2030-01-01')").run();
    raw.close();
    for (const command of [['facts'], ['analyse'], ['ingest', join(input, 'in')]]) {
      const result = sitrep(['--db', db, ...command]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /store\.db was written by a newer version of sitrep \(schema 9000-from-the-future/);
    }
    assert.equal(documentCount(db), 1);
  });

  it('reads a store it may not write, and refuses to write to it', (t) => {
    const dir = scratchDir();
    const input = writeFiles(dir, { 'in/a.txt': report(3), 'in/b.txt': report(4) });
    const db = join(dir, 'store.db');
    assert.equal(sitrep(['--db', db, 'ingest', join(input, 'in')]).code, 0);
    // Root may write any file, so the store is read as an unprivileged user there; elsewhere as the file's owner.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chownSync(db, 0, 0);
      chmodSync(dir, 0o755);
    }
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    t.after(() => chmodSync(dir, 0o755));
    const uid = asRoot ? { uid: NOBODY } : {};
    const facts = sitrep(['--db', db, 'export', '--what', 'documents', '--format', 'jsonl'], uid);
    assert.equal(facts.code, 0, facts.stderr);
    assert.equal(facts.stdout.trim().split('\n').length, 2);
    const analyse = sitrep(['--db', db, 'analyse'], uid);
    assert.equal(analyse.code, 2);
    assert.match(analyse.stderr, /store\.db can only be read/);
  });

  it('lets a second writer wait for the first, saying so, and loses neither batch', async () => {
    const dir = scratchDir();
    const db = join(dir, 'store.db');
    assert.equal(sitrep(['--db', db, 'ingest', reports(dir, 0, 5)]).code, 0);
    // Hold the write lock as another process's ingest would, then let the waiting ingest through.
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const child = spawn(process.execPath, [BIN, '--db', db, 'ingest', '--no-analyse', reports(dir, 100, 50)], {
      env: { ...process.env, SITREP_DB: '' },
    });
    let stderr = '';
    const waiting = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/waiting for it to finish/.test(stderr)) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([waiting, exited]);
    assert.match(stderr, /another process is writing to the store; waiting for it to finish \(.*store\.db\)/);
    holder.exec('COMMIT');
    holder.close();
    assert.equal(await exited, 0, stderr);
    assert.equal(documentCount(db), 55);
  });

  it('finishes two ingests racing on one file, each batch whole', async () => {
    const dir = scratchDir();
    const db = join(dir, 'store.db');
    assert.equal(sitrep(['--db', db, 'ingest', reports(dir, 0, 3)]).code, 0);
    const run = (from: number) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, '--db', db, 'ingest', '--workers', '0', reports(dir, from, 300)], {
          env: { ...process.env, SITREP_DB: '' },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(1000), run(2000)]);
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    assert.equal(documentCount(db), 603);
  });
});

describe('opening a PostgreSQL store', { skip: NO_POSTGRES }, () => {
  it('names a database that does not exist, creates it on ingest, and names a server that does not answer', async () => {
    const name = `sitrep_open_${process.pid}`;
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      const facts = sitrep(['--db', url.toString(), 'facts']);
      assert.equal(facts.code, 2, facts.stderr);
      assert.match(facts.stderr, new RegExp(`${name} does not exist \\(no database "${name}"`));
      const dir = scratchDir();
      const input = writeFiles(dir, { 'in/a.txt': report(5) });
      const ingest = sitrep(['--db', url.toString(), 'ingest', join(input, 'in')]);
      assert.equal(ingest.code, 0, ingest.stderr);
      assert.match(ingest.stderr, /Created a new store at postgres:/);
      assert.equal(sitrep(['--db', url.toString(), 'facts']).code, 0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    // Port 9 (discard) on loopback: nothing listens there.
    const unreachable = sitrep(['--db', 'postgres://postgres@127.0.0.1:9/sitrep', 'facts']);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.stderr, /127\.0\.0\.1:9\/sitrep cannot be reached \(ECONNREFUSED\)/);
  });
});
