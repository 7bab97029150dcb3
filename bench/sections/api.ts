/**
 * @module Bench: API latency over HTTP (median and 95th percentile per endpoint) on a SQLite store of at least
 * 100,000 documents. The store is built fast: generated reports are written through the store's own inserts in big
 * transactions (search index included, by its triggers), and only the first thousand go through the analysis
 * (mentions, claims, facts, events, incidents), which is all the figure, place and incident endpoints need.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Document } from '../../src/model/document.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { startServer } from '../../src/server/start-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { BenchFigure, BenchSection } from '../bench-section.ts';
import { baseReports } from '../corpus.ts';

/** The issue's floor for this measure. */
const LEAST_DOCUMENTS = 100_000;
/** Documents analysed in full; the rest are stored only. */
const ANALYSED = 1_000;
/** Documents per insert transaction. */
const BATCH = 5_000;
/** Requests per endpoint, after a few to warm up. */
const REQUESTS = 200;
const WARM_UP = 10;
const P95_TARGET_MS = 100;
/** The dashboard's first view on the 100,000-document store (issue 18), in ms, and how many to time (the first warms). */
const FIRST_VIEW_TARGET_MS = 1000;
const FIRST_VIEWS = 11;
const SOURCES = 60;
const DAY_MS = 86_400_000;
/** Publication days spread over two years. */
const FIRST_DAY = Date.parse('2023-01-02T00:00:00Z');
const DAYS = 730;

/** A small deterministic generator, so every run builds the same store. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function day(offset: number): string {
  return new Date(FIRST_DAY + offset * DAY_MS).toISOString().slice(0, 10);
}

/** The n-th generated report: sentences of the base reports recombined, so each text is new and searchable. */
function generate(n: number, sentences: readonly string[], next: () => number): Document {
  const count = 6 + Math.floor(next() * 12);
  const picked: string[] = [];
  for (let i = 0; i < count; i++) picked.push(sentences[Math.floor(next() * sentences.length)] as string);
  const text = `${picked.join(' ')} (Report ${n}.)`;
  const hash = createHash('sha256').update(text).digest('hex');
  const id = hash.slice(0, 16);
  const published = day(Math.floor(next() * DAYS));
  const title = (picked[0] ?? '').split(/\s+/).slice(0, 12).join(' ');
  return {
    id,
    externalId: `bench-${n}`,
    source: `Outlet ${1 + Math.floor(next() * SOURCES)}`,
    title,
    url: null,
    byline: null,
    language: 'en',
    status: 'stored',
    statusReason: null,
    duplicateOf: null,
    published: { start: published, end: published, inferred: false, rule: 'published/metadata' },
    syndicationGroup: id,
    format: 'jsonl',
    origin: { path: 'bench-api.jsonl', line: n + 1 },
    text,
    contentHash: hash,
    ingestedAt: new Date().toISOString(),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const section: BenchSection = {
  name: 'api',
  description: `HTTP API latency per endpoint on a SQLite store of at least ${LEAST_DOCUMENTS.toLocaleString('en-US')} documents`,
  async run({ projectDir, sharedDir, workDir, documents }) {
    const total = Math.max(documents, LEAST_DOCUMENTS);
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const sentences = reports.flatMap((r) => r.text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 30 && s.length < 400);
    const next = random(20231017);
    const store = await openStore(join(workDir, 'bench-api.db'));

    const buildStarted = performance.now();
    const ids: string[] = [];
    const seen = new Set<string>();
    let n = 0;
    const insertUpTo = async (count: number) => {
      while (n < count) {
        const batch: Document[] = [];
        while (batch.length < BATCH && n < count) {
          const document = generate(n++, sentences, next);
          if (seen.has(document.id)) continue;
          seen.add(document.id);
          batch.push(document);
          ids.push(document.id);
        }
        await store.transaction((tx) => tx.documents.insert(batch.map((document) => ({ document, bands: [] }))));
      }
    };
    await insertUpTo(ANALYSED);
    const analysed = await analyse(store);
    await insertUpTo(total);
    const buildSeconds = (performance.now() - buildStarted) / 1000;

    const server = await startServer(store, { port: 0 });
    const facts = (await (await fetch(`${server.url}/api/facts?limit=500`)).json()) as { items: Array<{ id: string }> };
    const incidents = (await (await fetch(`${server.url}/api/incidents?limit=500`)).json()) as { items: Array<{ id: string }> };
    const words = [
      'drone',
      'rocket attack',
      'base',
      'militia',
      'killed',
      'ceasefire',
      'protest',
      'airstrike',
      'Baghdad',
      'hospital',
      'convoy',
      'troops',
    ];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const randomDay = () => day(Math.floor(next() * DAYS));
    const period = () => {
      const a = randomDay();
      const b = day(Math.min(DAYS - 1, Math.round((Date.parse(a) - FIRST_DAY) / DAY_MS) + 30));
      return `since=${a}&until=${b}`;
    };
    const endpoints: Array<[string, () => string]> = [
      ['/api/status', () => '/api/status'],
      ['/api/documents (a page anywhere)', () => `/api/documents?limit=50&offset=${Math.floor(next() * (total - 50))}`],
      [
        '/api/documents?source&since&until',
        () => `/api/documents?source=${encodeURIComponent(`Outlet ${1 + Math.floor(next() * SOURCES)}`)}&${period()}`,
      ],
      ['/api/documents/{id}', () => `/api/documents/${pick(ids.slice(0, ANALYSED))}`],
      ['/api/mentions?document', () => `/api/mentions?document=${pick(ids.slice(0, ANALYSED))}`],
      ['/api/search?q (one word)', () => `/api/search?q=${encodeURIComponent(pick(words))}`],
      ['/api/search?q&since&until', () => `/api/search?q=${encodeURIComponent(pick(words))}&${period()}`],
      ['/api/timeline', () => '/api/timeline'],
      ['/api/sources', () => '/api/sources'],
      ['/api/places', () => '/api/places'],
      ['/api/facts', () => `/api/facts?offset=${Math.floor(next() * 100)}`],
      ['/api/facts/{id}', () => `/api/facts/${pick(facts.items).id}`],
      ['/api/incidents', () => `/api/incidents?offset=${Math.floor(next() * 100)}`],
      ['/api/incidents/{id}', () => `/api/incidents/${pick(incidents.items).id}`],
      ['/api/trends', () => '/api/trends'],
    ];
    const figures: BenchFigure[] = [];
    const notes: string[] = [];
    const all: number[] = [];
    let failures = 0;
    try {
      for (const [name, path] of endpoints) {
        const times: number[] = [];
        for (let i = 0; i < WARM_UP + REQUESTS; i++) {
          const url = `${server.url}${path()}`;
          const started = performance.now();
          const response = await fetch(url);
          await response.arrayBuffer();
          const ms = performance.now() - started;
          if (!response.ok) {
            failures++;
            if (failures <= 3) notes.push(`${response.status} from ${url}`);
          }
          if (i >= WARM_UP) times.push(ms);
        }
        times.sort((a, b) => a - b);
        all.push(...times);
        figures.push({ metric: `${name}: median`, value: percentile(times, 50), unit: 'ms' });
        figures.push({
          metric: `${name}: p95`,
          value: percentile(times, 95),
          unit: 'ms',
          target: { value: P95_TARGET_MS, higherIsBetter: false },
        });
      }
      // The dashboard's first view, as its code asks for it (src/server/dashboard/dashboard.js): the page and its
      // scripts, the status, the filter bar's lists, then the overview's calls together.
      const callTimes = new Map<string, number[]>();
      const get = async (path: string) => {
        const started = performance.now();
        const response = await fetch(`${server.url}${path}`);
        await response.arrayBuffer();
        if (!response.ok) failures++;
        callTimes.set(path, [...(callTimes.get(path) ?? []), performance.now() - started]);
      };
      const firstViews: number[] = [];
      for (let i = 0; i < FIRST_VIEWS; i++) {
        const started = performance.now();
        await get('/');
        await Promise.all(
          ['/assets/dashboard.js', '/assets/dashboard.css', '/assets/api-client.js', '/assets/world-map.js', '/assets/filter-bar.js'].map(
            get,
          ),
        );
        await get('/api/status');
        await Promise.all([get('/api/places?limit=500'), get('/api/incidents?limit=500'), get('/api/openapi.json')]);
        await Promise.all([
          get('/api/timeline'),
          get('/api/trends'),
          get('/api/places?limit=300'),
          get('/api/sources'),
          get('/api/documents?status=stored&order=newest&limit=10'),
          get('/api/facts?minSources=2&limit=15'),
          get('/api/incidents?limit=500'),
        ]);
        if (i > 0) firstViews.push(performance.now() - started);
      }
      firstViews.sort((a, b) => a - b);
      const slowest = [...callTimes]
        .map(
          ([path, times]) =>
            [
              path,
              percentile(
                [...times].sort((a, b) => a - b),
                50,
              ),
            ] as const,
        )
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4);
      notes.push(`dashboard first view, slowest calls (median ms): ${slowest.map(([path, ms]) => `${path} ${Math.round(ms)}`).join('; ')}`);
      figures.unshift({
        metric: "dashboard first view (its files and API calls, in the dashboard's order): median",
        value: percentile(firstViews, 50),
        unit: 'ms',
        target: { value: FIRST_VIEW_TARGET_MS, higherIsBetter: false },
      });
    } finally {
      await server.close();
      await store.close();
    }
    all.sort((a, b) => a - b);
    figures.unshift(
      { metric: 'all endpoints: p95', value: percentile(all, 95), unit: 'ms', target: { value: P95_TARGET_MS, higherIsBetter: false } },
      { metric: 'store build (insert + index + analysis)', value: buildSeconds, unit: 's' },
    );
    notes.unshift(
      `${ids.length.toLocaleString('en-US')} documents from ${SOURCES} sources over ${DAYS} days, sentences recombined from ${reports.length} reports in ${origin}`,
      `${analysed.documents} analysed (${analysed.mentions} mentions); ${facts.items.length}+ facts and ${incidents.items.length}+ incidents sampled for the by-id endpoints`,
      `${REQUESTS} requests per endpoint, one at a time over HTTP on 127.0.0.1 (after ${WARM_UP} to warm up); ${failures} failed`,
    );
    return { figures, notes };
  },
};

export default section;
