/** The `sitrep` command as a user runs it: a real process, a real store, exit codes and output channels. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_DIR, scratchDir, writeFiles } from './fixtures.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');

function sitrep(args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, SITREP_DB: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT =
  'Two rockets were fired at a logistics site in western Iraq late on Tuesday, the regional command said, and nobody was hurt in the attack.';

describe('sitrep CLI', () => {
  it('ingests, lists and exports documents in the contract shape', () => {
    const dir = writeFiles(scratchDir(), {
      'in/one.txt': REPORT,
      'in/two.jsonl': `${JSON.stringify({ id: 'j1', source: 'Levant Monitor', published: '2023-11-08', text: 'Militia fighters launched a drone at a garrison in eastern Syria on Wednesday; it was shot down before it reached the base.' })}\n`,
    });
    const db = join(dir, 'store.db');
    const ingest = sitrep(['--db', db, 'ingest', join(dir, 'in')]);
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stderr, /stored\s+2/);
    assert.equal(ingest.stdout, '', 'messages go to stderr');

    const again = sitrep(['--db', db, 'ingest', join(dir, 'in')]);
    assert.match(again.stderr, /Nothing new/);

    const list = sitrep(['--db', db, 'documents']);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /externalId\s+source\s+published/);
    assert.match(list.stdout, /j1\s+Levant Monitor\s+2023-11-08\s+stored/);

    const jsonl = sitrep(['--db', db, 'export', '--what', 'documents', '--format', 'jsonl']);
    const records = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(records.length, 2);
    for (const field of ['id', 'externalId', 'source', 'title', 'url', 'language', 'status', 'published', 'syndicationGroup']) {
      assert.ok(field in records[0], `missing ${field}`);
    }
    assert.deepEqual(records[1].published, { start: '2023-11-08', end: '2023-11-08', inferred: false, rule: 'published/metadata' });

    const csv = sitrep(['--db', db, 'export', '--what', 'documents', '--format', 'csv']);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    assert.match(header ?? '', /^id,externalId,source,title,url,byline,language,status,/);
    assert.match(header ?? '', /published\.start,published\.end,published\.inferred/);
    assert.equal(rows.length, 2);
  });

  it('reads the store from SITREP_DB and stdin from -', () => {
    const db = join(scratchDir(), 'env.db');
    const result = sitrep(['ingest', '-'], { input: REPORT, env: { SITREP_DB: db } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`Store: ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('exits 1 when some inputs fail, with the rest stored', () => {
    const dir = writeFiles(scratchDir(), { 'good.txt': REPORT, 'empty.txt': '' });
    const db = join(dir, 's.db');
    const result = sitrep(['--db', db, 'ingest', join(dir, 'good.txt'), join(dir, 'empty.txt')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /failed: .*empty\.txt: is empty/);
    assert.match(sitrep(['--db', db, 'documents']).stdout, /good/);
  });

  it('exits 2 on a usage error and 0 on --help', () => {
    assert.equal(sitrep(['export', '--what', 'nonsense']).code, 2);
    assert.equal(sitrep(['ingest']).code, 2);
    assert.equal(sitrep(['no-such-command']).code, 2);
    assert.equal(sitrep(['ingest', '--max-bytes', 'lots', 'x']).code, 2);
    const help = sitrep(['ingest', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: sitrep ingest/);
  });

  it('runs the demo on the bundled samples', () => {
    const db = join(scratchDir(), 'demo.db');
    const result = sitrep(['--db', db, 'demo']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /stored\s+\d+/);
    assert.ok(result.stdout.split('\n').length > 12, 'lists the sample documents');
  });
});
