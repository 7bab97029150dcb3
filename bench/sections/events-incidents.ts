/**
 * @module Bench: events and incidents on a large corpus. The whole analysis (understand, extract, save, resolve) on a
 * real SQLite file, timed per 1,000 reports at the start and at the end (incremental resolution keeps them alike),
 * and event extraction alone, in-process, on mentions read beforehand.
 */
import { join } from 'node:path';
import { extractEvents } from '../../src/extract/events/extract-events.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import { loadLexicons, understand } from '../../src/understand/understand.ts';
import type { BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus, writeJsonl } from '../corpus.ts';

const section: BenchSection = {
  name: 'events-incidents',
  description: 'analysis with events and incidents (SQLite), time per 1,000 reports at start and end; event extraction alone',
  async run({ projectDir, sharedDir, workDir, documents }) {
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = growCorpus(reports, documents);
    const input = join(workDir, 'bench-events.jsonl');
    writeJsonl(input, corpus);
    const store = await openStore(join(workDir, 'bench-events.db'));
    await ingest(store, [input]);
    const marks: Array<{ documents: number; at: number }> = [];
    const started = performance.now();
    marks.push({ documents: 0, at: started });
    const summary = await analyse(store, { onProgress: (n) => marks.push({ documents: n, at: performance.now() }) });
    const seconds = (performance.now() - started) / 1000;
    const perThousand = (from: number, to: number) => {
      const a = marks.find((m) => m.documents >= from) ?? marks[0];
      const b = marks.find((m) => m.documents >= to) ?? marks.at(-1);
      if (!a || !b || b.documents === a.documents) return 0;
      return (((b.at - a.at) / (b.documents - a.documents)) * 1000) / 1000;
    };
    const last = marks.at(-1)?.documents ?? 0;
    const events = await store.events.list({ limit: 1, offset: 0 });
    const incidentCount = await store.events.countIncidents({});
    const multi = await store.events.countIncidents({ minSources: 2 });
    await store.close();

    // Extraction alone: mentions first (not timed), then events, on the first 1,000 reports.
    const lexicons = loadLexicons();
    const sample = corpus.slice(0, Math.min(1000, corpus.length)).map((r) => {
      const published = r.published ? { start: r.published, end: r.published } : null;
      return { input: { documentId: r.id, text: r.text, published }, mentions: understand({ text: r.text, published }, lexicons) };
    });
    for (const s of sample.slice(0, 100)) extractEvents(s.input, s.mentions);
    const timed = performance.now();
    let found = 0;
    for (const s of sample) found += extractEvents(s.input, s.mentions).length;
    const extractMs = performance.now() - timed;
    return {
      figures: [
        { metric: 'analysis, first 1,000 reports', value: perThousand(0, 1000), unit: 's/1k' },
        { metric: 'analysis, last 1,000 reports', value: perThousand(Math.max(0, last - 1000), last), unit: 's/1k' },
        { metric: 'analysis throughput (all stages)', value: summary.documents / seconds, unit: 'docs/s' },
        { metric: 'event extraction alone (in-process)', value: (extractMs / Math.max(1, sample.length)) * 1000, unit: 'ms/1k' },
        { metric: 'incidents', value: incidentCount, unit: '' },
        { metric: 'incidents with 2+ independent sources', value: multi, unit: '' },
        { metric: 'peak resident memory', value: process.resourceUsage().maxRSS / 1024, unit: 'MB' },
      ],
      notes: [
        `${corpus.length} reports grown from ${reports.length} in ${origin}; ${summary.documents} analysed in ${seconds.toFixed(1)} s`,
        `${found} events from the ${sample.length}-report extraction sample; ${events.length > 0 ? 'events stored' : 'no events stored'}`,
        'Copies past the first round mix sentences of two reports, so they tell mixed happenings: the incident count is a load figure, not a quality one.',
      ],
    };
  },
};

export default section;
