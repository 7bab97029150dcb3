/**
 * The hostile corpus through `sitrep ingest` as a user runs it: each kind gets a clear error naming the input or is
 * stored as inert text, none crashes the batch, and the process's memory stays bounded (its peak is printed).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { PROJECT_DIR, scratchDir } from '../fixtures.ts';
import { writeHostileCorpus } from './hostile-corpus.ts';

/** The peak resident memory allowed for the whole batch, analysis included: the 100 MB input must not be held. */
const PEAK_LIMIT_MB = 600;

interface ItemResult {
  readonly outcome: string;
  readonly origin: { readonly path: string; readonly line?: number; readonly item?: number };
  readonly documentId: string | null;
  readonly reason: string | null;
}

describe('the hostile corpus', () => {
  it('gets a clear error or is stored as inert text, kind by kind, with memory bounded', { timeout: 600_000 }, () => {
    const dir = scratchDir();
    const corpus = join(dir, 'corpus');
    const kinds = writeHostileCorpus(corpus, { large: true });
    assert.ok(kinds.length >= 40, `${kinds.length} kinds`);
    const db = join(dir, 'store.db');
    // The CLI in a process of its own, so its peak memory is its own; --max-bytes is raised so the size of one
    // report, not of one file, is what refuses the largest inputs.
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { runCli } = await import(${JSON.stringify(join(PROJECT_DIR, 'src/cli/main.ts'))});
         const code = await runCli(process.argv.slice(1));
         process.stderr.write('peak-rss-kb ' + process.resourceUsage().maxRSS + '\\n');
         process.exitCode = code;`,
        '--',
        '--db',
        db,
        'ingest',
        '--json',
        '--workers',
        '0',
        '--max-bytes',
        String(200 * 1024 * 1024),
        corpus,
      ],
      { cwd: PROJECT_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SITREP_DB: '' } },
    );
    assert.equal(run.status, 1, `some inputs fail, the rest are stored; no crash:\n${run.stderr.slice(-3000)}`);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+|Maximum call stack|heap out of memory/, 'no stack trace');
    const items = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ItemResult);

    const text = new Map<string, string>();
    const store = new Database(db, { readonly: true });
    for (const row of store.prepare('select id, text, title, source, byline, url from documents').all() as Array<
      Record<string, string | null>
    >)
      text.set(row.id ?? '', [row.text, row.title, row.source, row.byline, row.url].join('\n'));
    store.close();

    for (const kind of kinds) {
      const path = join(corpus, kind.file);
      const results = items
        .filter((i) => i.origin.path === path)
        .sort((a, b) => (a.origin.line ?? a.origin.item ?? 0) - (b.origin.line ?? b.origin.item ?? 0));
      assert.equal(results.length, kind.expect.length, `${kind.name}: ${JSON.stringify(results)}`);
      kind.expect.forEach((expected, i) => {
        const result = results[i] as ItemResult;
        if (expected.outcome === 'failed') {
          assert.equal(result.outcome, 'failed', `${kind.name}: ${JSON.stringify(result)}`);
          assert.match(result.reason ?? '', expected.reason, kind.name);
        } else {
          assert.ok(
            ['stored', 'near-duplicate', 'duplicate', 'skipped'].includes(result.outcome),
            `${kind.name}: ${JSON.stringify(result)}`,
          );
          const stored = text.get(result.documentId ?? '') ?? '';
          if (expected.text) assert.match(stored, expected.text, `${kind.name}: stored text`);
          if (expected.not) assert.doesNotMatch(stored, expected.not, `${kind.name}: stored text`);
        }
      });
    }

    const peak = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1]) / 1024;
    console.log(`hostile corpus: ${kinds.length} kinds, ${items.length} reports, peak RSS ${peak.toFixed(0)} MB`);
    assert.ok(peak > 0 && peak < PEAK_LIMIT_MB, `peak RSS ${peak.toFixed(0)} MB`);
  });
});
