/** @module Bench: the understanding stage alone, on worker threads (one per core), and gazetteer start-up on its own. */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { AnalysisPool } from '../../src/pipeline/analysis-pool.ts';
import { loadGazetteer } from '../../src/understand/places/load-gazetteer.ts';
import { loadLexicons, understand } from '../../src/understand/understand.ts';
import type { BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus } from '../corpus.ts';

const section: BenchSection = {
  name: 'understand',
  description: 'understanding stage (sentences, dates, quantities, places, actors, attributions, quotes) on worker threads',
  async run({ projectDir, sharedDir, documents }) {
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = growCorpus(reports, documents).map((r, i) => ({
      id: `b${i}`,
      text: r.text,
      published: r.published ? { start: r.published.slice(0, 10), end: r.published.slice(0, 10) } : null,
    }));
    const chars = corpus.reduce((n, d) => n + d.text.length, 0);

    // Start-up: the gazetteer index is built once and cached; loading it is what every process pays.
    let started = performance.now();
    loadGazetteer();
    const gazetteerMs = performance.now() - started;
    started = performance.now();
    const lexicons = loadLexicons();
    const lexiconMs = performance.now() - started;

    // One core, in-process, for the per-document cost.
    const sample = corpus.slice(0, Math.min(2000, corpus.length));
    for (const d of sample.slice(0, 200)) understand(d, lexicons);
    started = performance.now();
    let mentions = 0;
    for (const d of sample) mentions += understand(d, lexicons).length;
    const singleMs = (performance.now() - started) / sample.length;

    const workers = availableParallelism();
    const pool = new AnalysisPool(workers);
    started = performance.now();
    await pool.ready();
    const poolStartMs = performance.now() - started;
    started = performance.now();
    const batches: Array<Promise<unknown>> = [];
    for (let i = 0; i < corpus.length; i += 50) batches.push(pool.analyse(corpus.slice(i, i + 50), 'understand'));
    await Promise.all(batches);
    const seconds = (performance.now() - started) / 1000;
    await pool.close();
    return {
      figures: [
        {
          metric: `reports per second (${workers} worker threads)`,
          value: corpus.length / seconds,
          unit: 'reports/s',
          target: { value: 1000, higherIsBetter: true },
        },
        { metric: 'ms per report, one thread', value: singleMs, unit: 'ms' },
        { metric: 'gazetteer load (cached index)', value: gazetteerMs, unit: 'ms' },
        { metric: 'all lexicons load', value: lexiconMs, unit: 'ms' },
        { metric: 'worker pool start (lexicons in each)', value: poolStartMs, unit: 'ms' },
        {
          metric: 'peak resident memory (main + workers)',
          value: process.resourceUsage().maxRSS / 1024,
          unit: 'MB',
          target: { value: 1024, higherIsBetter: false },
        },
      ],
      notes: [
        `${corpus.length} reports, ${(chars / 1e6).toFixed(1)} M characters (mean ${Math.round(chars / corpus.length)}), grown from ${reports.length} in ${origin}`,
        `${(mentions / sample.length).toFixed(1)} mentions per report on the one-thread sample`,
      ],
    };
  },
};

export default section;
