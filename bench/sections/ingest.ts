/** @module Bench: ingest, duplicate detection and storage together, on a real SQLite file. */
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus, writeJsonl } from '../corpus.ts';

const section: BenchSection = {
  name: 'ingest',
  description: 'ingest + duplicate detection + storage (SQLite), one JSONL batch',
  async run({ projectDir, sharedDir, workDir, documents }) {
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = growCorpus(reports, documents);
    const input = join(workDir, 'bench-ingest.jsonl');
    const bytes = writeJsonl(input, corpus);
    const store = await openStore(join(workDir, 'bench-ingest.db'));
    globalThis.gc?.();
    const started = performance.now();
    const summary = await ingest(store, [input]);
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const second = await ingest(store, [input]);
    const secondSeconds = (performance.now() - again) / 1000;
    await store.close();
    const c = summary.counts;
    return {
      figures: [
        { metric: 'documents per second', value: corpus.length / seconds, unit: 'docs/s', target: { value: 2000, higherIsBetter: true } },
        { metric: 'MB per second', value: bytes / 1e6 / seconds, unit: 'MB/s' },
        { metric: 'wall time', value: seconds, unit: 's' },
        { metric: 're-ingest of the same batch (all unchanged)', value: corpus.length / secondSeconds, unit: 'docs/s' },
        { metric: 'peak resident memory', value: process.resourceUsage().maxRSS / 1024, unit: 'MB' },
      ],
      notes: [
        `${corpus.length} documents, ${(bytes / 1e6).toFixed(1)} MB, grown from ${reports.length} in ${origin}`,
        `outcomes: ${c.stored} stored, ${c['near-duplicate']} near-duplicates, ${c.duplicate} duplicates, ${c.skipped} skipped, ${c.failed} failed; second run: ${second.counts.unchanged} unchanged`,
      ],
    };
  },
};

export default section;
