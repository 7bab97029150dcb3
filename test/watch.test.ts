/**
 * `sitrep watch` over a real loopback server whose feeds and pages change between polls: new and edited items,
 * 304s, a 429 with Retry-After, a 500, a slow and an oversized answer, a redirect loop and a robots.txt disallow.
 * Each run is a fresh start over the same store, so every run after the first is a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PoliteFetcher } from '../src/watch/polite-fetcher.ts';
import { parseSources, type SourcesConfig } from '../src/watch/sources-file.ts';
import { type PollEvent, watchSources } from '../src/watch/watch-sources.ts';
import { scratchStore } from './fixtures.ts';
import { articlePage, rssFeed, type SourceServer, startSourceServer } from './source-server.ts';

const ITEMS = [
  {
    guid: 'lm-101',
    title: 'Rockets strike logistics base',
    text: 'Three rockets struck a logistics base near Erbil on Monday, wounding two contractors, the regional command said.',
    date: '2023-11-06T09:00:00Z',
  },
  {
    guid: 'lm-102',
    title: 'Drone downed near garrison',
    text: 'A one-way drone was shot down near the Tanf garrison in eastern Syria on Tuesday, officials said. Nobody was hurt.',
    date: '2023-11-07T08:00:00Z',
  },
];
const ARTICLE_TEXT =
  'The ministry said that militia fighters fired two rockets at an airfield near Baghdad on Wednesday.\nNo one was killed in the attack, the ministry said in its statement, and damage to the runway was light.\nInvestigators are examining the launch site, which lies some eight kilometres from the airfield.';

describe('sitrep watch against a changing local server', () => {
  let server: SourceServer;
  let store: Store;
  let config: SourcesConfig;
  let lexicons: Lexicons;
  const fetcher = () =>
    new PoliteFetcher({ contact: 'test@example.org', hostSpacingMs: 0, timeoutMs: 600, maxBytes: 100_000, robotsTtlMs: 0 });
  const requests = (path: string) => server.requests.filter((r) => r.path === path);

  /** Watches until every source has been polled `times` more times; returns the polls. */
  async function run(times = 1): Promise<PollEvent[]> {
    const events: PollEvent[] = [];
    const counts = new Map<string, number>();
    const controller = new AbortController();
    await watchSources(store, config, {
      fetcher: fetcher(),
      lexicons,
      signal: controller.signal,
      random: () => 0,
      onPoll: (event) => {
        events.push(event);
        counts.set(event.source, (counts.get(event.source) ?? 0) + 1);
        if (config.sources.every((s) => (counts.get(s.id) ?? 0) >= times)) controller.abort();
      },
    });
    return events;
  }

  before(async () => {
    lexicons = loadLexicons();
    server = await startSourceServer();
    ({ store } = await scratchStore());
    server.routes.set('/robots.txt', { body: 'User-agent: *\nDisallow: /statements/draft\n', type: 'text/plain' });
    server.routes.set('/levant.rss', { body: rssFeed('Levant Monitor', ITEMS) });
    server.routes.set('/statements/', {
      body: '<html><body><a href="/">Home</a><a href="/statements/1">First</a><a href="/statements/2#top">Second</a><a href="/statements/draft-3">Draft</a><a href="https://elsewhere.example/x">Out</a></body></html>',
      type: 'text/html; charset=utf-8',
    });
    server.routes.set('/statements/1', {
      body: articlePage('Statement on the airfield attack', ARTICLE_TEXT, '2023-11-08'),
      type: 'text/html',
    });
    server.routes.set('/statements/2', {
      body: articlePage(
        'Statement on the convoy',
        ARTICLE_TEXT.replace('airfield near Baghdad', 'convoy near Basra').replace(/airfield/g, 'road'),
        '2023-11-09',
      ),
      type: 'text/html',
    });
    server.routes.set('/statements/draft-3', { body: articlePage('Draft', ARTICLE_TEXT, '2023-11-09'), type: 'text/html' });
    server.routes.set('/busy.rss', (_request, response) => response.writeHead(429, { 'Retry-After': '1' }).end());
    server.routes.set('/broken.rss', (_request, response) => response.writeHead(500).end());
    server.routes.set('/slow.rss', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/rss+xml' }).write('<rss>');
      setTimeout(() => response.end('</rss>'), 5000).unref();
    });
    server.routes.set('/big.rss', { body: rssFeed('Big', [{ ...ITEMS[0], text: 'word '.repeat(30_000) } as (typeof ITEMS)[0]]) });
    server.routes.set('/loop.rss', (_request, response) => response.writeHead(302, { Location: '/loop.rss' }).end());
    const source = (id: string, kind: string, path: string, extra = '') =>
      `  - {id: ${id}, kind: ${kind}, url: "${server.origin}${path}", interval: 300ms, allowPrivate: true${extra}}\n`;
    config = parseSources(
      `contact: test@example.org\nhostSpacing: 0s\nsources:\n${source('monitor', 'feed', '/levant.rss', ', outlet: Levant Monitor')}${source('ministry', 'page', '/statements/', ', outlet: Ministry of Defence')}${source('busy', 'feed', '/busy.rss')}${source('broken', 'feed', '/broken.rss')}${source('slow', 'feed', '/slow.rss')}${source('big', 'feed', '/big.rss')}${source('loop', 'feed', '/loop.rss')}`,
      'sources.yaml',
    );
  });
  after(async () => {
    await store.close();
    await server.close();
  });

  it('reads feed items and new articles, and records what fails without stopping the rest', async () => {
    const events = await run();
    const documents = await store.documents.list();
    assert.deepEqual(documents.map((d) => d.externalId).sort(), [
      `${server.origin}/statements/1`,
      `${server.origin}/statements/2`,
      'lm-101',
      'lm-102',
    ]);
    assert.deepEqual(
      documents.map((d) => d.source),
      documents.map((d) => (d.externalId.startsWith('lm-') ? 'Levant Monitor' : 'Ministry of Defence')),
    );
    assert.equal(requests('/statements/draft-3').length, 0, 'robots.txt forbids the draft');
    assert.ok(
      events.find((e) => e.source === 'ministry')?.problems.some((p) => /robots\.txt disallows \/statements\/draft-3/.test(p)),
      'the disallowed article is reported',
    );
    assert.ok((await store.mentions.list({ documentId: documents[0]?.id ?? '' })).length > 0, 'new reports are analysed as they arrive');
    const states = await store.watch.sourceStates();
    const reasons = Object.fromEntries(['busy', 'broken', 'slow', 'big', 'loop'].map((id) => [id, states.get(id)?.lastError ?? '']));
    assert.match(reasons.busy ?? '', /429/);
    assert.match(reasons.broken ?? '', /500/);
    assert.match(reasons.slow ?? '', /no complete answer within 600 ms/);
    assert.match(reasons.big ?? '', /over the 100000-byte limit/);
    assert.match(reasons.loop ?? '', /redirect loop/);
    for (const id of Object.keys(reasons)) assert.ok((states.get(id)?.failures ?? 0) >= 1, id);
    assert.equal(states.get('monitor')?.failures, 0);
    assert.ok(states.get('monitor')?.etag, 'the feed ETag is kept for the next poll');
  });

  it('after a restart, reads only new and edited items, with 304s for what has not changed', async () => {
    const edited = { ...ITEMS[0], text: `${ITEMS[0]?.text} A third contractor later died of his wounds.` } as (typeof ITEMS)[0];
    const third = {
      guid: 'lm-103',
      title: 'Convoy hit by roadside bomb',
      text: 'A roadside bomb hit a supply convoy south of Nasiriyah on Thursday, killing one driver, police said.',
      date: '2023-11-09T07:00:00Z',
    };
    server.routes.set('/levant.rss', { body: rssFeed('Levant Monitor', [third, edited, ITEMS[1] as (typeof ITEMS)[0]]) });
    const busyBefore = requests('/busy.rss').at(-1)?.at ?? 0;
    const brokenBefore = (await store.watch.sourceStates()).get('broken')?.failures ?? 0;
    const events = await run();
    const documents = await store.documents.list();
    assert.equal(documents.length, 6, 'the new item and the edited one are stored, nothing else');
    assert.equal(documents.filter((d) => d.externalId === 'lm-101').length, 2, 'the edit is a report of its own');
    assert.equal(documents.filter((d) => d.externalId === 'lm-102').length, 1);
    assert.equal(events.find((e) => e.source === 'monitor')?.units, 2);
    const listing = requests('/statements/').map((r) => [r.conditional, r.status]);
    assert.deepEqual(listing[0], [false, 200]);
    assert.ok(listing.length >= 2);
    for (const later of listing.slice(1)) assert.deepEqual(later, [true, 304], 'an unchanged listing is answered 304');
    assert.equal(requests('/statements/1').length, 1, 'an article is fetched once');
    assert.ok((requests('/busy.rss').at(-1)?.at ?? 0) - busyBefore >= 950, 'Retry-After is honoured across a restart');
    assert.ok(((await store.watch.sourceStates()).get('broken')?.failures ?? 0) > brokenBefore, 'a failing source keeps its count');

    server.routes.set('/broken.rss', { body: rssFeed('Broken no more', []) });
    await run();
    assert.equal((await store.documents.list()).length, 6, 'nothing changed, nothing stored');
    assert.deepEqual(requests('/levant.rss').at(-1)?.status, 304);
    assert.equal((await store.watch.sourceStates()).get('broken')?.failures, 0, 'a source that recovers starts afresh');
  });

  it('reads files dropped in a folder once they settle, each once', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'sitrep-drop-'));
    const folderConfig = parseSources(`sources:\n  - {id: drop, kind: folder, path: "${folder}", interval: 100ms}\n`, 'drop.yaml');
    writeFileSync(join(folder, 'one.txt'), 'Gunmen attacked a checkpoint west of Ramadi on Friday, killing two soldiers, officials said.');
    writeFileSync(join(folder, 'notes.pdf'), 'not read');
    const before = (await store.documents.list()).length;
    const watchFolder = (polls: number) => watchSources(store, folderConfig, { lexicons, maxPolls: polls });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await watchFolder(2);
    assert.equal((await store.documents.list()).length, before + 1);
    writeFileSync(
      join(folder, 'two.md'),
      '# Clash\n\nTribal fighters clashed with militia near Deir ez-Zor on Saturday; three were killed, a monitor said.',
    );
    await watchFolder(1);
    assert.equal((await store.documents.list()).length, before + 1, 'a file just written waits until it settles');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await watchFolder(2);
    assert.equal((await store.documents.list()).length, before + 2);
    assert.deepEqual(
      (await store.watch.items('drop')).map((i) => i.itemKey),
      ['one.txt', 'two.md'],
    );
  });
});
