/** The watch's state on PostgreSQL: sources, items read and alerts live in the store, and a restart resumes from them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { alertEngine } from '../src/alerts/alert-engine.ts';
import { asOfStore } from '../src/pipeline/as-of-store.ts';
import type { Store } from '../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PoliteFetcher } from '../src/watch/polite-fetcher.ts';
import { parseSources, type SourcesConfig } from '../src/watch/sources-file.ts';
import { watchSources } from '../src/watch/watch-sources.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';
import { rssFeed, type SourceServer, startSourceServer } from './source-server.ts';

const ITEMS = [
  {
    guid: 'p1',
    source: 'Levant Monitor',
    title: 'Checkpoint attacked',
    text: 'Militants killed four soldiers in an attack on an army checkpoint near Kirkuk on Monday, police said.',
    date: '2023-11-06T10:00:00Z',
  },
  {
    guid: 'p2',
    source: 'Gulf Daily',
    title: 'Soldiers killed near Kirkuk',
    text: 'Four soldiers were killed when militants attacked an army checkpoint near Kirkuk on Monday, a security official said.',
    date: '2023-11-08T11:00:00Z',
  },
];

describe('sitrep watch on PostgreSQL', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  let store: Store;
  let server: SourceServer;
  let lexicons: Lexicons;
  let config: SourcesConfig;
  const out: string[] = [];

  async function watchOnce(): Promise<void> {
    const engine = alertEngine(store, config, { out: (t) => out.push(t), err: () => {} });
    await watchSources(store, config, {
      lexicons,
      maxPolls: 1,
      fetcher: new PoliteFetcher({ hostSpacingMs: 0 }),
      onAnalysed: async () => {
        await engine.evaluate();
      },
    });
  }

  before(async () => {
    lexicons = loadLexicons();
    store = await databases.open();
    server = await startSourceServer();
    config = parseSources(
      `sources:\n  - {id: wire, kind: feed, url: "${server.origin}/feed.rss", interval: 100ms, allowPrivate: true}\nalerts:\n  rules:\n    - {id: any, on: new-incident}\n    - {id: agreed, on: corroborated}\n`,
      'pg.yaml',
    );
  });
  after(async () => {
    await store?.close();
    await server?.close();
    await databases.dropAll();
  });

  it('keeps state, reads each item once across restarts, and fires each alert once', async () => {
    server.routes.set('/feed.rss', { body: rssFeed('Wire', ITEMS.slice(0, 1)) });
    await watchOnce();
    store = await databases.reopen(store).finally(() => store.close());
    await watchOnce();
    assert.equal(server.requests.filter((r) => r.path === '/feed.rss').at(-1)?.status, 304);
    server.routes.set('/feed.rss', { body: rssFeed('Wire', ITEMS) });
    await watchOnce();
    await watchOnce();
    assert.deepEqual((await store.documents.list()).map((d) => d.externalId).sort(), ['p1', 'p2']);
    assert.deepEqual((await store.watch.items('wire')).map((i) => i.itemKey).sort(), ['p1', 'p2']);
    const state = (await store.watch.sourceStates()).get('wire');
    assert.equal(state?.failures, 0);
    assert.ok(state?.etag);
    const kinds = out.map((l) => (JSON.parse(l) as { kind: string }).kind);
    assert.deepEqual(kinds.sort(), ['corroborated', 'new-incident']);
    assert.deepEqual(await alertEngine(store, config, { out: () => {}, err: () => {} }).evaluate(), []);

    const then = await asOfStore(store, { asOf: '2023-11-07', lexicons, workers: 0 });
    try {
      assert.deepEqual(
        (await then.documents.list()).map((d) => d.externalId),
        ['p1'],
      );
    } finally {
      await then.close();
    }
  });
});
