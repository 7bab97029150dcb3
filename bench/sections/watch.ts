/**
 * @module Bench: `sitrep watch` over 50 feeds served locally (each on a loopback address of its own, so each is a
 * host of its own), items appearing at random. Measures the time from an item appearing to its alert (median and
 * 95th percentile, beside the polling interval), requests made per item against the one full fetch per new item
 * that conditional GET allows, and memory after 2,000 polls against memory after 100.
 */
import { join } from 'node:path';
import { alertEngine } from '../../src/alerts/alert-engine.ts';
import { openStore } from '../../src/store/open-store.ts';
import { loadLexicons } from '../../src/understand/understand.ts';
import { PoliteFetcher } from '../../src/watch/polite-fetcher.ts';
import { parseSources } from '../../src/watch/sources-file.ts';
import { watchSources } from '../../src/watch/watch-sources.ts';
import { rssFeed, type SourceServer, startSourceServer } from '../../test/source-server.ts';
import type { BenchFigure, BenchSection } from '../bench-section.ts';

const SOURCES = 50;
const INTERVAL_MS = 1000;
const POLLS = 2000;
const EARLY_POLLS = 100;
/** Mean time between two items appearing (anywhere), in milliseconds. */
const ITEM_GAP_MS = 250;
const TOWNS = [
  'Erbil',
  'Kirkuk',
  'Mosul',
  'Ramadi',
  'Fallujah',
  'Tikrit',
  'Samarra',
  'Baqubah',
  'Haditha',
  'Rutba',
  'Basra',
  'Najaf',
  'Karbala',
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function memory(): { heap: number; rss: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed / 1024 / 1024, rss: usage.rss / 1024 / 1024 };
}

const section: BenchSection = {
  name: 'watch',
  description: `sitrep watch over ${SOURCES} local feeds polled every ${INTERVAL_MS / 1000} s, items appearing at random: item-to-alert latency, requests per item, memory over ${POLLS} polls`,
  async run({ workDir }) {
    const servers: SourceServer[] = [];
    for (let i = 0; i < SOURCES; i++) servers.push(await startSourceServer(`127.0.0.${i + 2}`));
    const feeds: Array<Array<{ guid: string; title: string; text: string; date: string }>> = servers.map(() => []);
    const appeared = new Map<string, number>();
    let items = 0;
    const publish = (k: number) => {
      (servers[k] as SourceServer).routes.set('/feed.rss', { body: rssFeed(`Outlet ${k}`, [...(feeds[k] ?? [])].reverse()) });
    };
    servers.forEach((server, k) => {
      server.routes.set('/robots.txt', { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' });
      publish(k);
    });
    let stopItems = false;
    const addItems = async () => {
      while (!stopItems) {
        await new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * ITEM_GAP_MS));
        const k = Math.floor(Math.random() * SOURCES);
        const n = ++items;
        const town = TOWNS[n % TOWNS.length];
        const guid = `outlet-${k}-item-${n}`;
        feeds[k]?.push({
          guid,
          title: `Attack ${n} near ${town}`,
          text: `Gunmen attacked checkpoint number ${n} near ${town} on Monday, killing ${(n % 5) + 1} policemen and wounding ${n % 3} others, officials said.`,
          date: new Date(Date.UTC(2023, 10, 1 + (n % 28), 8)).toISOString(),
        });
        appeared.set(guid, performance.now());
        publish(k);
      }
    };

    const sourcesText = servers
      .map((s, k) => `  - {id: outlet-${k}, kind: feed, url: "${s.origin}/feed.rss", interval: ${INTERVAL_MS}ms, allowPrivate: true}\n`)
      .join('');
    const config = parseSources(
      `contact: bench@example.org\nhostSpacing: 0s\nsources:\n${sourcesText}alerts:\n  rules:\n    - {id: any, on: new-incident}\n  deliver:\n    - {file: "${join(workDir, 'alerts.jsonl')}"}\n`,
      join(workDir, 'sources.yaml'),
    );
    const store = await openStore(join(workDir, 'watch.db'));
    const lexicons = loadLexicons();
    const engine = alertEngine(store, config, { out: () => {}, err: () => {} });
    const latencies: number[] = [];
    const pending = new Map<string, string>();
    let early: { heap: number; rss: number } | null = null;
    let polls = 0;
    const started = performance.now();
    const adding = addItems();
    await watchSources(store, config, {
      lexicons,
      fetcher: new PoliteFetcher({ contact: config.contact, hostSpacingMs: 0 }),
      concurrency: 8,
      maxPolls: POLLS,
      onPoll: (event) => {
        polls++;
        if (polls === EARLY_POLLS) early = memory();
        if (polls >= POLLS - SOURCES) stopItems = true;
        for (const id of event.documents) pending.set(id, event.source);
      },
      onAnalysed: async (documents) => {
        await engine.evaluate();
        const done = performance.now();
        for (const document of await Promise.all(documents.map((id) => store.documents.get(id)))) {
          const when = document ? appeared.get(document.externalId) : undefined;
          if (when !== undefined) latencies.push(done - when);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    stopItems = true;
    await adding;
    const late = memory();
    const requests = servers.flatMap((s) => s.requests);
    const feedRequests = requests.filter((r) => r.path === '/feed.rss');
    const full = feedRequests.filter((r) => r.status === 200).length;
    const notModified = feedRequests.filter((r) => r.status === 304).length;
    const stored = (await store.documents.counts()).stored;
    const alerts = (await store.watch.alerts(0, 100_000)).length;
    await store.close();
    await Promise.all(servers.map((s) => s.close()));
    latencies.sort((a, b) => a - b);
    const figures: BenchFigure[] = [
      { metric: 'polling interval', value: INTERVAL_MS, unit: 'ms' },
      { metric: 'item to alert: median', value: Math.round(percentile(latencies, 50)), unit: 'ms' },
      { metric: 'item to alert: p95', value: Math.round(percentile(latencies, 95)), unit: 'ms' },
      {
        metric: 'requests per item (all, robots.txt included)',
        value: Number((requests.length / Math.max(1, stored)).toFixed(2)),
        unit: 'requests',
      },
      // Each feed's first poll is a full fetch with nothing to go on; every later one is conditional.
      {
        metric: 'full fetches (200) per item, first fetch of each feed aside',
        value: Number(((full - SOURCES) / Math.max(1, stored)).toFixed(3)),
        unit: 'fetches',
        target: { value: 1, higherIsBetter: false },
      },
      { metric: 'polls answered 304', value: Number(((100 * notModified) / Math.max(1, feedRequests.length)).toFixed(1)), unit: '%' },
      {
        metric: `heap after ${EARLY_POLLS} polls`,
        value: Number((early as { heap: number } | null)?.heap.toFixed(1) ?? Number.NaN),
        unit: 'MB',
      },
      { metric: `heap after ${POLLS} polls`, value: Number(late.heap.toFixed(1)), unit: 'MB' },
      {
        metric: `RSS after ${EARLY_POLLS} polls`,
        value: Number((early as { rss: number } | null)?.rss.toFixed(1) ?? Number.NaN),
        unit: 'MB',
      },
      { metric: `RSS after ${POLLS} polls`, value: Number(late.rss.toFixed(1)), unit: 'MB' },
    ];
    return {
      figures,
      notes: [
        `${items} items appeared on ${SOURCES} feeds over ${seconds.toFixed(0)} s; ${stored} reports stored, ${latencies.length} timed to their alert check, ${alerts} new-incident alerts (items of one incident share one).`,
        `${requests.length} requests: ${feedRequests.length} feed polls (${full} answered 200, ${notModified} answered 304), ${requests.length - feedRequests.length} robots.txt.`,
        'Minimum with conditional GET: one full fetch per feed change; two items landing on one feed between polls share a fetch, so below 1 is possible.',
      ],
    };
  },
};

export default section;
