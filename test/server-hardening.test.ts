/**
 * The server's defences, tried as a client would: security headers on every answer, limits on the address, the
 * body and the time an answer takes, the write token every writing request needs, no path of the ingesting
 * machine in any answer, and no listening beyond this machine without a token. Real servers on 127.0.0.1 over a
 * real SQLite store.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { endpoint } from '../src/server/endpoint.ts';
import { fileName, withPublicOrigins } from '../src/server/public-origin.ts';
import { isLoopback, type RunningServer, startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');
const TOKEN = 'a-write-token-of-our-own-0123456789';
const STORY =
  'Two rockets struck near a logistics hub in western Iraq late on Tuesday, the regional command said. ' +
  'Air defences intercepted a third rocket and nobody was hurt, a spokesman told reporters at a briefing.';

describe('the server under hostile clients', () => {
  let store: Store;
  let dir: string;
  let open: RunningServer;
  let guarded: RunningServer;

  before(async () => {
    ({ store, dir } = await scratchStore());
    writeFiles(dir, {
      'private/analyst-notes/rockets.txt': `Title: Rockets at the hub\nDate: 2023-10-30\n\n${STORY}`,
      'private/analyst-notes/batch.jsonl': JSON.stringify({ id: 'line-one', published: '2023-10-31', text: `${STORY} More followed.` }),
    });
    const summary = await ingest(store, [join(dir, 'private')]);
    assert.equal(summary.counts.failed, 0);
    open = await startServer(store, { port: 0 });
    guarded = await startServer(store, { port: 0, writeToken: TOKEN });
  });

  after(async () => {
    await open?.close();
    await guarded?.close();
    await store?.close();
  });

  it('sends the security headers with every answer, errors and files included', async () => {
    const requests: Array<[string, RequestInit?]> = [
      ['/api/status'],
      ['/api/documents?limit=0'],
      ['/api/no-such-endpoint'],
      ['/api/documents', { method: 'POST', body: '{}' }],
      ['/api/documents', { method: 'DELETE' }],
      ['/'],
      ['/assets/dashboard.js'],
      ['/api/openapi.json'],
      ['/no-such-file'],
      [`/api/search?q=${'x'.repeat(9000)}`],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${open.url}${path}`, init);
      const where = `${init?.method ?? 'GET'} ${path.slice(0, 40)} (${response.status})`;
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', where);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', where);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', where);
      const policy = response.headers.get('content-security-policy') ?? '';
      assert.match(policy, /default-src 'none'/, where);
      assert.match(policy, /frame-ancestors 'none'/, where);
      assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, where);
      await response.arrayBuffer();
    }
  });

  it('refuses an address over 8,192 characters with a 414 and a body over 1 MiB with a 413', async () => {
    const long = await fetch(`${open.url}/api/search?q=${'x'.repeat(9000)}`);
    assert.equal(long.status, 414);
    assert.match((await long.json()).error.message, /at most 8192 are allowed/);
    const big = await fetch(`${guarded.url}/api/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: 'x'.repeat(2 << 20),
    });
    assert.equal(big.status, 413);
    assert.match((await big.json()).error.message, /over 1048576 bytes/);
  });

  it('gives up an answer that takes longer than the time limit, with a 503 saying so', async () => {
    const slow = endpoint({
      path: '/api/slow',
      tag: 'test',
      summary: 'answers after two seconds',
      query: {},
      response: 'Status',
      handle: () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 2000)),
    });
    const server = await startServer(store, { port: 0, endpoints: [slow], timeoutMs: 200 });
    try {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/slow`);
      assert.equal(response.status, 503);
      assert.ok(performance.now() - started < 1500, 'answered when the limit passed, not when the handler ended');
      assert.match((await response.json()).error.message, /took over 0.2 s and was given up/);
    } finally {
      await server.close();
    }
  });

  it('asks for the write token on every method that could write, and never on reads', async () => {
    const cases: Array<[RunningServer, string, Record<string, string>, number, RegExp]> = [
      [open, 'POST', {}, 403, /takes no writes: start it with a write token/],
      [open, 'PUT', { Authorization: `Bearer ${TOKEN}` }, 403, /takes no writes/],
      [guarded, 'POST', {}, 401, /needs the write token/],
      [guarded, 'DELETE', { Authorization: 'Bearer wrong-token-wrong-token' }, 401, /needs the write token/],
      [guarded, 'PATCH', { Authorization: `Basic ${TOKEN}` }, 401, /needs the write token/],
      [guarded, 'POST', { Authorization: `Bearer ${TOKEN}x` }, 401, /needs the write token/],
      // With the token, the request reaches the API, which has no write endpoint yet.
      [guarded, 'POST', { Authorization: `Bearer ${TOKEN}` }, 405, /read-only: use GET/],
    ];
    for (const [server, method, headers, status, message] of cases) {
      const response = await fetch(`${server.url}/api/documents`, { method, headers, body: '{}' });
      const body = await response.json();
      assert.equal(response.status, status, `${method} ${JSON.stringify(headers)}: ${JSON.stringify(body)}`);
      assert.match(body.error.message, message);
      if (status === 401) assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="sitrep"');
    }
    for (const server of [open, guarded]) assert.equal((await fetch(`${server.url}/api/documents`)).status, 200, 'reads need no token');
  });

  it('serves no path of the ingesting machine: origins are file names', async () => {
    const list = await (await fetch(`${open.url}/api/documents`)).json();
    assert.deepEqual(
      list.items.map((d: { origin: unknown }) => d.origin).sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)),
      [{ path: 'batch.jsonl', line: 1 }, { path: 'rockets.txt' }],
    );
    for (const path of ['/api/documents', '/api/documents/rockets', '/api/documents/line-one', '/api/search?q=rockets', '/api/timeline']) {
      const text = await (await fetch(`${open.url}${path}`)).text();
      assert.ok(!text.includes(dir), `${path} shows the scratch folder`);
      assert.ok(!text.includes('analyst-notes'), `${path} shows a folder name`);
    }
  });

  it('cuts every origin to its file name, at any depth', () => {
    assert.deepEqual(
      withPublicOrigins({ items: [{ document: { origin: { path: '/home/ana/leaks/a.txt', line: 3 } } }], origin: 'text stays' }),
      { items: [{ document: { origin: { path: 'a.txt', line: 3 } } }], origin: 'text stays' },
    );
    const names: Array<[string, string]> = [
      ['/home/ana/leaks/a.txt', 'a.txt'],
      ['C:\\Users\\ana\\feed.xml', 'feed.xml'],
      ['relative/dir/b.md', 'b.md'],
      ['-', '-'],
      ['/trailing/slash/', 'slash'],
    ];
    for (const [path, name] of names) assert.equal(fileName(path), name, path);
  });
});

describe('listening beyond this machine', () => {
  it('tells loopback addresses from others', () => {
    const cases: Array<[string, boolean]> = [
      ['127.0.0.1', true],
      ['127.8.9.10', true],
      ['::1', true],
      ['[::1]', true],
      ['localhost', true],
      ['::ffff:127.0.0.1', true],
      ['0.0.0.0', false],
      ['::', false],
      ['192.168.1.5', false],
      ['127.0.0.1.example.org', false],
      ['', false],
    ];
    for (const [host, loopback] of cases) assert.equal(isLoopback(host), loopback, host);
  });

  it('refuses to start beyond loopback without a write token, in the library and the command', async () => {
    const { store, path } = await scratchStore();
    try {
      await assert.rejects(startServer(store, { port: 0, host: '0.0.0.0' }), /Refusing to listen on 0\.0\.0\.0 without a write token/);
    } finally {
      await store.close();
    }
    const env = { ...process.env, SITREP_API_TOKEN: '' };
    const refused = spawnSync(process.execPath, [BIN, '--db', path, 'serve', '--port', '0', '--host', '0.0.0.0'], {
      encoding: 'utf8',
      env,
      timeout: 30_000,
    });
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, /refusing to listen on 0\.0\.0\.0 without a write token/);
    const short = spawnSync(process.execPath, [BIN, '--db', path, 'serve', '--port', '0', '--host', '0.0.0.0'], {
      encoding: 'utf8',
      env: { ...env, SITREP_API_TOKEN: 'short' },
      timeout: 30_000,
    });
    assert.equal(short.status, 2, short.stderr);
    assert.match(short.stderr, /at least 16 printable characters/);
  });
});
