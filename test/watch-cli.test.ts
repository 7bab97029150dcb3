/** `sitrep sources add|list|remove|check` and `sitrep watch --max-polls` as a user runs them: real processes, a real loopback server. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_DIR, scratchDir } from './fixtures.ts';
import { rssFeed, type SourceServer, startSourceServer } from './source-server.ts';

/** Runs the CLI without blocking this process, whose event loop serves the loopback server it polls. */
function sitrep(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), ...args], {
    env: { ...process.env, SITREP_DB: '', SITREP_SOURCES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('sitrep sources and watch on the command line', () => {
  let server: SourceServer;
  const dir = scratchDir();
  const file = join(dir, 'sources.yaml');
  before(async () => {
    server = await startSourceServer();
    server.routes.set('/wire.rss', {
      body: rssFeed('Desert Wire', [
        {
          guid: 'w1',
          title: 'Base attacked',
          text: 'Militants fired three rockets at an air base near Baghdad on Monday, killing one contractor, officials said.',
          date: '2023-11-06T10:00:00Z',
        },
      ]),
    });
    server.routes.set('/gone.rss', (_request, response) => response.writeHead(410).end());
  });
  after(() => server.close());

  it('adds, lists, checks and removes sources, and refuses bad ones by name', async () => {
    const add = (...args: string[]) => sitrep(['sources', 'add', ...args], { SITREP_SOURCES: file });
    assert.equal(
      (
        await add(
          'wire',
          '--kind',
          'feed',
          '--url',
          `${server.origin}/wire.rss`,
          '--interval',
          '1s',
          '--outlet',
          'Desert Wire',
          '--allow-private',
        )
      ).code,
      0,
    );
    assert.equal((await add('gone', '--kind', 'feed', '--url', `${server.origin}/gone.rss`, '--allow-private')).code, 0);
    assert.equal((await add('private', '--kind', 'feed', '--url', `${server.origin}/wire.rss`)).code, 0);
    const bad = await add('bad', '--kind', 'feed', '--url', 'ftp://example.org/x');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /sources\.yaml: source "bad": field "url": "ftp:\/\/example\.org\/x" is not an http or https address/);

    const list = await sitrep(['sources', 'list', '--sources', file]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /wire\s+feed\s+1s\s+Desert Wire/);
    assert.match(list.stderr, /3 sources in /);

    const check = await sitrep(['sources', 'check', '--sources', file]);
    assert.equal(check.code, 1, 'a source that cannot be read fails the check');
    assert.match(check.stdout, /^ok {3}wire: 1 item, 1 report\n {7}- Mon, 06 Nov 2023 10:00:00 GMT {2}Base attacked/m);
    assert.match(check.stdout, /^FAIL gone: the server answered 410/m);
    assert.match(check.stdout, /^FAIL private: 127\.0\.0\.1 is a private or loopback address, and the source is not allowed to reach one/m);
    assert.equal((await sitrep(['sources', 'check', 'wire', '--sources', file])).code, 0);

    assert.equal((await sitrep(['sources', 'remove', 'gone', '--sources', file])).code, 0);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /gone/);
    writeFileSync(join(dir, 'broken.yaml'), 'sources:\n  - id: x\n    kind: feed\n    url: https://x.example/\n    interval: often\n');
    const broken = await sitrep(['sources', 'list', '--sources', join(dir, 'broken.yaml')]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /broken\.yaml:5: source "x": field "interval": "often" is not a duration/);
  });

  it('watches, writing alerts to stdout as JSON lines', async () => {
    const watchFile = join(dir, 'watch.yaml');
    writeFileSync(
      watchFile,
      `contact: test@example.org\nhostSpacing: 0s\nsources:\n  - {id: wire, kind: feed, url: "${server.origin}/wire.rss", interval: 200ms, allowPrivate: true}\nalerts:\n  rules:\n    - {id: any, on: new-incident}\n`,
    );
    const db = join(dir, 'watch.db');
    const run = await sitrep(['--db', db, 'watch', '--sources', watchFile, '--max-polls', '2']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /wire: 1 new, 1 stored; next poll/);
    assert.match(run.stderr, /wire: not modified; next poll/);
    const alerts = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; evidence: Array<{ externalId: string }> });
    assert.deepEqual(
      alerts.map((a) => [a.kind, a.evidence.map((e) => e.externalId)]),
      [['new-incident', ['w1']]],
    );
    const again = await sitrep(['--db', db, 'watch', '--sources', watchFile, '--max-polls', '1']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, '', 'nothing fires twice');
  });
});
