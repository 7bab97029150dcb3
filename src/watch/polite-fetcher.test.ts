/** The polite fetcher against a real loopback server: validators, spacing, Retry-After, limits, redirects, robots, addresses. */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { type SourceServer, startSourceServer } from '../../test/source-server.ts';
import { isPrivateAddress } from './address-guard.ts';
import { PoliteFetcher } from './polite-fetcher.ts';

describe('polite fetcher', () => {
  let server: SourceServer;
  before(async () => {
    server = await startSourceServer();
    server.routes.set('/robots.txt', {
      body: 'User-agent: sitrep\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n',
      type: 'text/plain',
    });
    server.routes.set('/feed.xml', { body: '<rss version="2.0"><channel><title>T</title></channel></rss>' });
  });
  after(() => server.close());
  const url = (path: string) => `${server.origin}${path}`;
  const fetcher = (options: ConstructorParameters<typeof PoliteFetcher>[0] = {}) =>
    new PoliteFetcher({ contact: 'desk@example.org', hostSpacingMs: 0, timeoutMs: 2000, ...options });

  it('names sitrep and the contact, and answers 304 to a conditional GET', async () => {
    const f = fetcher();
    const first = await f.fetch({ url: url('/feed.xml'), allowPrivate: true });
    assert.equal(first.kind, 'ok');
    if (first.kind !== 'ok') return;
    assert.ok(first.etag && first.lastModified);
    const byEtag = await f.fetch({ url: url('/feed.xml'), allowPrivate: true, etag: first.etag });
    assert.equal(byEtag.kind, 'not-modified');
    const byDate = await f.fetch({ url: url('/feed.xml'), allowPrivate: true, lastModified: first.lastModified });
    assert.equal(byDate.kind, 'not-modified');
    const feedRequests = server.requests.filter((r) => r.path === '/feed.xml');
    assert.match(feedRequests[0]?.userAgent ?? '', /^sitrep\/\d+\.\d+\.\d+ \(news monitoring; contact: desk@example\.org\)$/);
    assert.deepEqual(
      feedRequests.slice(-3).map((r) => [r.conditional, r.status]),
      [
        [false, 200],
        [true, 304],
        [true, 304],
      ],
    );
  });

  it('obeys robots.txt, reading it once per host', async () => {
    const robotsBefore = server.requests.filter((r) => r.path === '/robots.txt').length;
    const f = fetcher();
    server.routes.set('/private/list', { body: 'secret', type: 'text/html' });
    const refused = await f.fetch({ url: url('/private/list'), allowPrivate: true });
    assert.equal(refused.kind, 'failed');
    if (refused.kind === 'failed') {
      assert.match(refused.reason, /robots\.txt disallows \/private\/list for sitrep/);
      assert.equal(refused.permanent, true);
    }
    assert.equal(server.requests.filter((r) => r.path === '/private/list').length, 0, 'a disallowed page is never asked for');
    await f.fetch({ url: url('/feed.xml'), allowPrivate: true });
    assert.equal(server.requests.filter((r) => r.path === '/robots.txt').length - robotsBefore, 1);
  });

  it('asks one host one thing at a time, spaced', async () => {
    server.routes.set('/slowish', (_request, response) => {
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok'), 50);
    });
    const f = fetcher({ hostSpacingMs: 150 });
    await f.fetch({ url: url('/feed.xml'), allowPrivate: true }); // robots.txt and a first request
    const start = server.requests.length;
    await Promise.all([1, 2, 3].map(() => f.fetch({ url: url('/slowish'), allowPrivate: true })));
    const times = server.requests.slice(start).map((r) => r.at);
    assert.equal(times.length, 3);
    for (let i = 1; i < times.length; i++)
      assert.ok((times[i] ?? 0) - (times[i - 1] ?? 0) >= 150 + 50 - 5, `gap ${i}: ${(times[i] ?? 0) - (times[i - 1] ?? 0)} ms`);
    assert.equal(server.peakConcurrency(), 1, 'never two requests at once');
  });

  it('honours 429 and 503 Retry-After before asking the host again, and reports a 500', async () => {
    server.routes.set('/busy', (_request, response) => response.writeHead(429, { 'Retry-After': '1' }).end());
    server.routes.set('/down', (_request, response) => response.writeHead(503, { 'Retry-After': 'Thu, 01 Jan 1970 00:00:00 GMT' }).end());
    server.routes.set('/broken', (_request, response) => response.writeHead(500).end('oops'));
    const f = fetcher();
    const busy = await f.fetch({ url: url('/busy'), allowPrivate: true });
    assert.deepEqual(busy.kind === 'failed' && [busy.status, busy.retryAfterMs, busy.permanent], [429, 1000, false]);
    const started = Date.now();
    await f.fetch({ url: url('/feed.xml'), allowPrivate: true });
    assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms after a Retry-After of 1 s`);
    const down = await f.fetch({ url: url('/down'), allowPrivate: true });
    assert.deepEqual(down.kind === 'failed' && [down.status, down.retryAfterMs], [503, 0]);
    const broken = await f.fetch({ url: url('/broken'), allowPrivate: true });
    assert.deepEqual(broken.kind === 'failed' && [broken.status, broken.reason, broken.permanent], [
      500,
      'the server answered 500 Internal Server Error',
      false,
    ]);
  });

  it('gives up on a slow answer, an oversized one and a redirect loop', async () => {
    server.routes.set('/slow', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.write('a');
      setTimeout(() => response.end('b'), 3000).unref();
    });
    server.routes.set('/big', { body: 'x'.repeat(50_000), type: 'text/plain' });
    server.routes.set('/big-chunked', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      for (let i = 0; i < 10; i++) response.write('y'.repeat(10_000));
      response.end();
    });
    server.routes.set('/bomb', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1_000_000, 32)));
    });
    server.routes.set('/loop-a', (_request, response) => response.writeHead(302, { Location: '/loop-b' }).end());
    server.routes.set('/loop-b', (_request, response) => response.writeHead(301, { Location: '/loop-a' }).end());
    let hops = 0;
    server.routes.set('/chain', (request, response) => response.writeHead(302, { Location: `/chain?${++hops}` }).end(String(request.url)));
    const f = fetcher({ timeoutMs: 300, maxBytes: 20_000, maxRedirects: 3 });
    const slow = await f.fetch({ url: url('/slow'), allowPrivate: true });
    assert.match(slow.kind === 'failed' ? slow.reason : '', /no complete answer within 300 ms/);
    for (const path of ['/big', '/big-chunked', '/bomb']) {
      const big = await f.fetch({ url: url(path), allowPrivate: true });
      assert.match(big.kind === 'failed' ? big.reason : '', /over the 20000-byte limit/, path);
    }
    const loop = await f.fetch({ url: url('/loop-a'), allowPrivate: true });
    assert.match(loop.kind === 'failed' ? loop.reason : '', /redirect loop back to .*\/loop-a/);
    const chain = await f.fetch({ url: url('/chain'), allowPrivate: true });
    assert.match(chain.kind === 'failed' ? chain.reason : '', /more than 3 redirects/);
    assert.equal(hops, 4);
  });

  it('follows a redirect and reads a compressed answer', async () => {
    server.routes.set('/moved', (_request, response) => response.writeHead(301, { Location: '/zipped' }).end());
    server.routes.set('/zipped', (_request, response) =>
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' }).end(gzipSync('hello from the command')),
    );
    const answer = await fetcher().fetch({ url: url('/moved'), allowPrivate: true });
    assert.equal(answer.kind === 'ok' && answer.body.toString(), 'hello from the command');
    assert.equal(answer.kind === 'ok' && answer.url, url('/zipped'));
  });

  it('refuses private and loopback addresses unless the source allows them', async () => {
    const before = server.requests.length;
    const f = fetcher();
    for (const address of [
      url('/feed.xml'),
      url('/feed.xml').replace('127.0.0.1', 'localhost'),
      'http://10.1.2.3/',
      'http://[::1]:9/',
      'http://169.254.169.254/latest/',
    ])
      assert.match((await f.fetch({ url: address, allowPrivate: false })).kind === 'failed' ? 'refused' : 'fetched', /refused/, address);
    assert.equal(server.requests.length, before, 'nothing reached the server');
    for (const [address, expected] of [
      ['127.0.0.1', true],
      ['::ffff:192.168.1.1', true],
      ['fd00::1', true],
      ['93.184.215.14', false],
      ['2606:4700::1111', false],
    ] as const)
      assert.equal(isPrivateAddress(address), expected, address);
  });
});
