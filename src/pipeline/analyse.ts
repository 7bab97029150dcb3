/**
 * @module Analysis: every stored document behind the current analysis version goes through the per-document
 * stages (on worker threads when there are many), and what they found is saved a batch per transaction.
 */
import type { Document } from '../model/document.ts';
import { resolveFacts } from '../resolve/facts/resolve-facts.ts';
import { resolveIncidents } from '../resolve/incidents/resolve-incidents.ts';
import type { Store } from '../store/store.ts';
import { type Lexicons, loadLexicons } from '../understand/understand.ts';
import { analyseDocument, type DocumentAnalysis } from './analyse-document.ts';
import { AnalysisPool } from './analysis-pool.ts';

/** Bump when a stage changes what it finds: documents analysed by an older version are analysed again. */
export const ANALYSIS_VERSION = 3;
/** Documents saved per transaction. */
const BATCH = 500;
/** Documents analysed and resolved per transaction: team mode's resolution units are as large, for the same answers. */
export const ANALYSIS_BATCH = BATCH;
/** Documents per message to a worker: large enough to amortise the copy, small enough to keep both busy. */
const WORKER_BATCH = 50;
/** Below this many pending documents, starting workers (each loading the lexicons) costs more than it saves. */
const POOL_THRESHOLD = 400;

export interface AnalyseOptions {
  /** Worker threads: 0 analyses in-process; default: one per core when there is enough to do. */
  readonly workers?: number;
  /** Lexicons for in-process analysis (loaded when not given). */
  readonly lexicons?: Lexicons;
  readonly onProgress?: (analysed: number) => void;
  /** Documents analysed and saved per transaction (default 500): each batch lands whole or not at all. */
  readonly batchSize?: number;
}

export interface AnalyseSummary {
  readonly documents: number;
  readonly mentions: number;
  readonly seconds: number;
}

/** Analyses every pending document in the store. Safe to run again: it picks up where it left off. */
export async function analyse(store: Store, options: AnalyseOptions = {}): Promise<AnalyseSummary> {
  const started = performance.now();
  let documents = 0;
  let mentions = 0;
  // Assigned inside the batch transactions' callbacks, which TypeScript's narrowing does not follow.
  let pool = null as AnalysisPool | null;
  let lexicons = options.lexicons ?? null;
  try {
    for (;;) {
      // One transaction a batch: it holds the batch's documents, so analysers running at once on PostgreSQL each
      // analyse other documents, and a batch that fails leaves them pending for the next run.
      const results = await store.transaction(async (tx) => {
        const batch = await tx.documents.takePending(ANALYSIS_VERSION, options.batchSize ?? BATCH);
        if (batch.length === 0) return [];
        if (pool === null && lexicons === null) {
          const wanted = options.workers ?? (batch.length >= Math.min(POOL_THRESHOLD, options.batchSize ?? BATCH) ? undefined : 0);
          if (wanted === 0) lexicons = loadLexicons();
          else pool = new AnalysisPool(wanted);
        }
        const found = pool ? await analyseOnPool(pool, batch) : batch.map((d) => analyseDocument(d, lexicons as Lexicons));
        // Resolution reads the facts and incidents the batch can join and rewrites them: one analyser at a time.
        await tx.lock('resolution');
        await tx.mentions.save(found, ANALYSIS_VERSION);
        // Only the facts the batch's claims can join (by blocking key) are read and rewritten.
        await resolveFacts(
          tx.claims,
          found.map((r) => r.documentId),
          found.flatMap((r) => r.claims),
        );
        // Likewise the incidents the batch's events can join (by blocking key: type, country, week).
        const dirty = await tx.events.save(found.map((r) => ({ documentId: r.documentId, events: r.events })));
        await resolveIncidents(tx.events, await tx.events.memberEvents(found.map((r) => r.documentId)), dirty);
        return found;
      });
      if (results.length === 0) break;
      documents += results.length;
      mentions += results.reduce((n, r) => n + r.mentions.length, 0);
      options.onProgress?.(documents);
    }
  } finally {
    await pool?.close();
  }
  return { documents, mentions, seconds: (performance.now() - started) / 1000 };
}

async function analyseOnPool(pool: AnalysisPool, documents: readonly Document[]): Promise<DocumentAnalysis[]> {
  const inputs = documents.map((d) => ({
    id: d.id,
    text: d.text,
    title: d.title,
    source: d.source,
    published: d.published ? { start: d.published.start, end: d.published.end } : null,
  }));
  const parts: Array<Promise<DocumentAnalysis[]>> = [];
  for (let i = 0; i < inputs.length; i += WORKER_BATCH) parts.push(pool.analyse(inputs.slice(i, i + WORKER_BATCH)));
  return (await Promise.all(parts)).flat();
}
