/**
 * Alerts end to end: a watch reads a feed that grows report by report; each change (a new incident, a figure
 * corroborated, a conflicting figure, a running count updated) fires one alert, with its evidence, to standard
 * output, a file, a signed webhook that fails once before it accepts, and the API's server-sent event stream.
 * Evaluating again, or after a restart, fires nothing more.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { alertEngine } from '../src/alerts/alert-engine.ts';
import { SIGNATURE_HEADER, signBody } from '../src/alerts/deliver-alerts.ts';
import type { Alert } from '../src/alerts/find-alerts.ts';
import { startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PoliteFetcher } from '../src/watch/polite-fetcher.ts';
import { parseSources, SourcesFileError, type SourcesConfig } from '../src/watch/sources-file.ts';
import { watchSources } from '../src/watch/watch-sources.ts';
import { scratchStore } from './fixtures.ts';
import { rssFeed, type SourceServer, startSourceServer } from './source-server.ts';

const REPORTS = [
  {
    guid: 'a',
    source: 'Levant Monitor',
    title: 'Checkpoint attacked',
    text: 'Militants killed four soldiers in an attack on an army checkpoint near Kirkuk on Monday, police said.',
    date: '2023-11-07T10:00:00Z',
  },
  {
    guid: 'b',
    source: 'Gulf Daily',
    title: 'Soldiers killed near Kirkuk',
    text: 'Four soldiers were killed when militants attacked an army checkpoint near Kirkuk on Monday, a security official said.',
    date: '2023-11-07T11:00:00Z',
  },
  {
    guid: 'c',
    source: 'River Post',
    title: 'Kirkuk toll',
    text: 'Six soldiers were killed when militants attacked an army checkpoint near Kirkuk on Monday, a hospital source said.',
    date: '2023-11-07T12:00:00Z',
  },
  {
    guid: 'd',
    source: 'River Post',
    title: 'Attacks on US forces',
    text: 'US forces have been attacked at least 23 times in Iraq and Syria since October 17, the Pentagon said on Monday.',
    date: '2023-11-01T09:00:00Z',
  },
  {
    guid: 'e',
    source: 'Levant Monitor',
    title: 'Attacks on US forces rise',
    text: 'US forces have been attacked at least 40 times in Iraq and Syria since October 17, the Pentagon said on Monday.',
    date: '2023-11-08T09:00:00Z',
  },
];

describe('alerts', () => {
  let server: SourceServer;
  let store: Store;
  let lexicons: Lexicons;
  let config: SourcesConfig;
  const stdout: string[] = [];
  const hooks: Array<{ body: string; signature: string }> = [];
  let hookCalls = 0;
  let hook: ReturnType<typeof createServer>;
  const dir = { path: '' };

  async function watchOnce(published: number): Promise<void> {
    server.routes.set('/feed.rss', { body: rssFeed('Mixed wire', REPORTS.slice(0, published)) });
    const engine = alertEngine(store, config, { out: (t) => stdout.push(t), err: () => {}, retryBaseMs: 20 });
    await watchSources(store, config, {
      lexicons,
      maxPolls: 1,
      fetcher: new PoliteFetcher({ hostSpacingMs: 0 }),
      onAnalysed: async () => {
        await engine.evaluate();
      },
    });
  }
  const lines = () =>
    stdout
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Alert);

  before(async () => {
    lexicons = loadLexicons();
    server = await startSourceServer();
    let scratch;
    ({ store, dir: scratch } = await scratchStore());
    dir.path = scratch;
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        // The first delivery fails: the alert is sent again, not lost.
        if (++hookCalls === 1) return response.writeHead(500).end();
        hooks.push({ body, signature: String(request.headers[SIGNATURE_HEADER.toLowerCase()]) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/sitrep`;
    process.env.SITREP_TEST_HOOK_SECRET = 'a shared secret';
    config = parseSources(
      `sources:
  - {id: wire, kind: feed, url: "${server.origin}/feed.rss", interval: 100ms, allowPrivate: true}
alerts:
  rules:
    - {id: iraq-casualties, on: new-incident, country: IQ, casualties: 1}
    - {id: agreed, on: corroborated, category: killed}
    - {id: disputed, on: conflicting}
    - {id: counts, on: count-updated}
    - {id: surge, on: escalation, country: IQ}
  deliver:
    - stdout
    - {file: "${join(scratch, 'alerts.jsonl')}"}
    - {webhook: "${hookUrl}", secret: "env:SITREP_TEST_HOOK_SECRET", allowPrivate: true}
`,
      join(scratch, 'sources.yaml'),
    );
  });
  after(async () => {
    await store.close();
    await server.close();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('fires each change once, with its evidence, to every target', async () => {
    await watchOnce(1);
    assert.deepEqual(
      lines().map((a) => a.kind),
      ['new-incident'],
    );
    const incident = lines()[0] as Alert;
    assert.match(incident.summary, /^New ASSAULT incident at Kirkuk, IQ on 2023-11-0\d: 4 killed \(1 source\)$/);
    assert.deepEqual(
      incident.evidence.map((e) => [e.externalId, e.source]),
      [['a', 'Levant Monitor']],
    );
    assert.match(incident.evidence[0]?.sentence ?? '', /killed four soldiers/);

    await watchOnce(2);
    const corroborated = lines().find((a) => a.kind === 'corroborated');
    assert.ok(corroborated, 'a second outlet corroborates the figure');
    assert.deepEqual([...corroborated.sources].sort(), ['Gulf Daily', 'Levant Monitor']);
    assert.deepEqual(corroborated.evidence.map((e) => e.externalId).sort(), ['a', 'b']);

    await watchOnce(3);
    const conflicting = lines().find((a) => a.kind === 'conflicting');
    assert.ok(conflicting, 'a third outlet gives another figure');
    assert.match(
      conflicting.summary,
      /Sources disagree on killed \(soldiers\) in Kirkuk: (4 .* vs 6 \(River Post\)|6 \(River Post\) vs 4 .*)/,
    );

    // The stream is open before the next change, so the alert reaches it live.
    const api = await startServer(store, { port: 0, host: '127.0.0.1', writeToken: null, alerts: { pollMs: 50 } });
    const events: Array<{ id: string; alert: Alert }> = [];
    const controller = new AbortController();
    const response = await fetch(`${api.url}/api/alerts/stream`, { signal: controller.signal });
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) events.push({ id, alert: JSON.parse(data) as Alert });
        }
      }
    })().catch(() => {});

    await watchOnce(5);
    const updated = lines().find((a) => a.kind === 'count-updated');
    assert.ok(updated, 'a running count is updated');
    assert.match(updated.summary, /updated from at-least 23 to at-least 40$/);
    assert.deepEqual(updated.change, {
      from: { low: 23, high: null, qualifier: 'at-least' },
      to: { low: 40, high: null, qualifier: 'at-least' },
    });

    const all = lines();
    const deadline = Date.now() + 5000;
    while (events.length < all.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await reading;
    assert.deepEqual(
      events.map((e) => e.alert.id),
      all.map((a) => a.id),
      'the stream carries every alert, in order',
    );
    const seqs = events.map((e) => Number(e.id));
    assert.ok(
      seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0)),
      `event ids rise, for Last-Event-ID: ${seqs.join(',')}`,
    );
    const resumed = await fetch(`${api.url}/api/alerts?after=${seqs[1]}`);
    assert.deepEqual(
      ((await resumed.json()) as { alerts: Alert[] }).alerts.map((a) => a.id),
      all.slice(2).map((a) => a.id),
      'a client resuming after an event gets only what came later',
    );
    await api.close();

    assert.equal(new Set(all.map((a) => a.id)).size, all.length, 'no alert twice on stdout');
    assert.deepEqual(
      readFileSync(join(dir.path, 'alerts.jsonl'), 'utf8').trim().split('\n'),
      stdout.join('').trim().split('\n'),
      'the file holds the same lines',
    );
    assert.deepEqual(
      hooks.map((h) => (JSON.parse(h.body) as Alert).id),
      all.map((a) => a.id),
      'the webhook got each alert once, the failed one after a retry',
    );
    for (const h of hooks) assert.equal(h.signature, signBody('a shared secret', h.body));
    assert.equal(hookCalls, all.length + 1);
  });

  it('fires nothing more when evaluated again or after a restart', async () => {
    const before = lines().length;
    const engine = alertEngine(store, config, { out: (t) => stdout.push(t), err: () => {} });
    assert.deepEqual(await engine.evaluate(), []);
    await watchOnce(5);
    assert.equal(lines().length, before);
    assert.equal((await store.watch.alerts()).length, before);
  });

  it('flags an escalating week once', async () => {
    const towns = ['Kirkuk', 'Mosul', 'Ramadi', 'Fallujah', 'Tikrit', 'Samarra', 'Baqubah', 'Haditha', 'Najaf'];
    const days = [
      '2023-10-02',
      '2023-10-09',
      '2023-10-16',
      '2023-10-23',
      '2023-10-30',
      '2023-10-31',
      '2023-11-01',
      '2023-11-02',
      '2023-11-03',
    ];
    const items = days.map((day, i) => ({
      guid: `s${i}`,
      source: `Outlet ${i}`,
      title: `Police post attacked in ${towns[i]}`,
      text: `Gunmen attacked a police post in ${towns[i]} on ${new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })}, killing two officers, police said.`,
      date: `${day}T09:00:00Z`,
    }));
    server.routes.set('/surge.rss', { body: rssFeed('Surge wire', items) });
    const { store: surgeStore } = await scratchStore();
    try {
      const surgeConfig = parseSources(
        `sources:\n  - {id: surge, kind: feed, url: "${server.origin}/surge.rss", interval: 100ms, allowPrivate: true}\nalerts:\n  rules:\n    - {id: surge, on: escalation, country: IQ}\n`,
        'surge.yaml',
      );
      const out: string[] = [];
      const engine = alertEngine(surgeStore, surgeConfig, { out: (t) => out.push(t), err: () => {} });
      await watchSources(surgeStore, surgeConfig, {
        lexicons,
        maxPolls: 1,
        fetcher: new PoliteFetcher({ hostSpacingMs: 0 }),
        onAnalysed: async () => void (await engine.evaluate()),
      });
      const alerts = out.map((l) => JSON.parse(l) as Alert);
      assert.deepEqual(
        alerts.map((a) => [a.id, a.change]),
        [['escalation:surge:ASSAULT in IQ:2023-10-30', { from: 0.5, to: 5 }]],
      );
      assert.match(alerts[0]?.summary ?? '', /^Escalation: ASSAULT in IQ, week of 2023-10-30: 5 attacks, against 0\.5 a week/);
      assert.deepEqual(await engine.evaluate(), []);
    } finally {
      await surgeStore.close();
    }
  });

  it('refuses bad rules and targets by name', () => {
    const bad = (alerts: string, message: RegExp) =>
      assert.throws(
        () => alertEngine(store, parseSources(`sources: []\nalerts:\n${alerts}`, 'rules.yaml'), { out: () => {}, err: () => {} }),
        (error: unknown) => error instanceof SourcesFileError && message.test(error.message),
      );
    bad('  rules:\n    - {id: x, on: sometimes}\n', /rules\.yaml: field "alerts\.rules\[0\]\.on": must be one of new-incident/);
    bad('  rules:\n    - {id: x, on: new-incident, type: RIOT}\n', /field "alerts\.rules\[0\]\.type": "RIOT" is not an incident type/);
    bad('  rules:\n    - {id: x, on: new-incident, casualties: -1}\n', /field "alerts\.rules\[0\]\.casualties": must be a whole number/);
    bad('  deliver:\n    - {webhook: "ftp://x"}\n', /field "alerts\.deliver\[0\]\.webhook": must be an http or https address/);
    bad(
      '  deliver:\n    - {webhook: "https://x.example/", secret: "env:SITREP_NOT_SET_ANYWHERE"}\n',
      /names the environment variable SITREP_NOT_SET_ANYWHERE, which is not set/,
    );
  });
});
