/**
 * @module Bench: claims and facts on a growing store. Reports are analysed 1,000 at a time (understanding and claim
 * extraction on worker threads), and each thousand is saved and resolved into facts in one transaction; resolution
 * must cost the same for the last thousand as for the first.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingest } from '../../src/ingest/ingest.ts';
import { ANALYSIS_VERSION } from '../../src/pipeline/analyse.ts';
import type { DocumentAnalysis } from '../../src/pipeline/analyse-document.ts';
import { AnalysisPool } from '../../src/pipeline/analysis-pool.ts';
import { resolveFacts } from '../../src/resolve/facts/resolve-facts.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { BenchSection } from '../bench-section.ts';
import { baseReports, growCorpus, writeJsonl } from '../corpus.ts';

/**
 * Reports arrive over time, as a feed's do: each later round of the grown corpus is published five years after the
 * one before (the base spans four), so the store grows through time instead of stacking copies onto the same days.
 * `SITREP_BENCH_SAME_DAYS=1` keeps every copy on its original day, to measure blocks that only get denser.
 */
function asStream<T extends { readonly id: string; readonly published: string | null }>(corpus: readonly T[]): T[] {
  if (process.env.SITREP_BENCH_SAME_DAYS === '1') return [...corpus];
  return corpus.map((report) => {
    const round = Number(/-r(\d+)$/.exec(report.id)?.[1] ?? 0);
    if (round === 0 || report.published === null) return report;
    const day = report.published.slice(4, 10) === '-02-29' ? '-02-28' : report.published.slice(4, 10);
    return { ...report, published: `${Number(report.published.slice(0, 4)) + 5 * round}${day}` };
  });
}

/** Reports per measured step (and per transaction). */
const STEP = 1000;
/** Reports per message to a worker. */
const WORKER_BATCH = 50;

interface Step {
  readonly reports: number;
  readonly claims: number;
  readonly analyseMs: number;
  readonly saveMs: number;
  readonly resolveMs: number;
  /** Facts read from the store to match against. */
  readonly candidates: number;
}

const section: BenchSection = {
  name: 'claims-facts',
  description: 'claim extraction and incremental fact resolution (SQLite), 1,000 reports per transaction',
  async run({ projectDir, sharedDir, workDir, documents }) {
    const { reports, origin } = baseReports(sharedDir, projectDir);
    const corpus = asStream(growCorpus(reports, documents));
    const input = join(workDir, 'bench-claims.jsonl');
    writeJsonl(input, corpus);
    const store = await openStore(join(workDir, 'bench-claims.db'));
    await ingest(store, [input]);
    const pool = new AnalysisPool(availableParallelism());
    await pool.ready();
    const steps: Step[] = [];
    try {
      for (;;) {
        const batch = await store.documents.pendingAnalysis(ANALYSIS_VERSION, STEP);
        if (batch.length === 0) break;
        let started = performance.now();
        const parts: Array<Promise<DocumentAnalysis[]>> = [];
        for (let i = 0; i < batch.length; i += WORKER_BATCH)
          parts.push(
            pool.analyse(
              batch.slice(i, i + WORKER_BATCH).map((d) => ({
                id: d.id,
                text: d.text,
                published: d.published ? { start: d.published.start, end: d.published.end } : null,
              })),
            ),
          );
        const results = (await Promise.all(parts)).flat();
        const analyseMs = performance.now() - started;
        let saveMs = 0;
        let resolveMs = 0;
        let candidates = 0;
        await store.transaction(async (tx) => {
          started = performance.now();
          await tx.mentions.save(results, ANALYSIS_VERSION);
          saveMs = performance.now() - started;
          started = performance.now();
          const summary = await resolveFacts(
            tx.claims,
            results.map((r) => r.documentId),
            results.flatMap((r) => r.claims),
          );
          resolveMs = performance.now() - started;
          candidates = summary.candidates;
        });
        steps.push({
          reports: results.length,
          claims: results.reduce((n, r) => n + r.claims.length, 0),
          analyseMs,
          saveMs,
          resolveMs,
          candidates,
        });
      }
    } finally {
      await pool.close();
    }
    const counts = await Promise.all(
      (['corroborated', 'single-source', 'conflicting'] as const).map(
        async (status) => [status, await store.claims.countFacts({ status })] as const,
      ),
    );
    await store.close();

    const per1000 = (step: Step | undefined, ms: number) => (step ? (ms / step.reports) * 1000 : 0);
    const first = steps[0];
    const last = steps[steps.length - 1];
    const firstResolve = per1000(first, first?.resolveMs ?? 0);
    const lastResolve = per1000(last, last?.resolveMs ?? 0);
    const analysed = steps.reduce((n, s) => n + s.reports, 0);
    const claims = steps.reduce((n, s) => n + s.claims, 0);
    const analyseSeconds = steps.reduce((n, s) => n + s.analyseMs, 0) / 1000;
    const resolveSeconds = steps.reduce((n, s) => n + s.resolveMs, 0) / 1000;
    return {
      figures: [
        { metric: 'resolution, first 1,000 reports', value: firstResolve, unit: 'ms' },
        { metric: 'resolution, last 1,000 reports', value: lastResolve, unit: 'ms' },
        {
          metric: 'resolution time, last / first thousand',
          value: firstResolve > 0 ? lastResolve / firstResolve : 0,
          unit: '×',
          target: { value: 1.5, higherIsBetter: false },
        },
        {
          metric: 'save mentions + claims + resolve, last 1,000',
          value: per1000(last, (last?.saveMs ?? 0) + (last?.resolveMs ?? 0)),
          unit: 'ms',
        },
        { metric: 'analysis incl. claim extraction (worker threads)', value: analysed / analyseSeconds, unit: 'reports/s' },
        { metric: 'resolution throughput', value: analysed / resolveSeconds, unit: 'reports/s' },
        { metric: 'claims per report', value: claims / Math.max(analysed, 1), unit: 'claims' },
        { metric: 'peak resident memory (main)', value: process.resourceUsage().maxRSS / 1024, unit: 'MB' },
      ],
      notes: [
        `${analysed} reports analysed in ${steps.length} transactions, grown from ${reports.length} in ${origin}${process.env.SITREP_BENCH_SAME_DAYS === '1' ? ', every copy on its original day' : ', each round of copies five years after the last'}`,
        `${claims} claims into ${counts.reduce((n, [, c]) => n + c, 0)} facts: ${counts.map(([s, c]) => `${c} ${s}`).join(', ')}`,
        `resolution ms per 1,000 reports, step by step: ${steps.map((s) => Math.round(per1000(s, s.resolveMs))).join(' ')}`,
        `facts read to match against, step by step: ${steps.map((s) => s.candidates).join(' ')}`,
      ],
    };
  },
};

export default section;
