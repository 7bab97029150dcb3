/**
 * @module Analysis: every stored document behind the current analysis version goes through the per-document
 * stages (on worker threads when there are many), and what they found is saved a batch per transaction.
 */
import type { Document } from '../model/document.ts';
import { resolveFacts } from '../resolve/facts/resolve-facts.ts';
import { resolveIncidents } from '../resolve/incidents/resolve-incidents.ts';
import type { Store } from '../store/store.ts';
import { type Lexicons, loadLexicons } from '../understand/understand.ts';
import { analyseDocument, type DocumentAnalysis, type DocumentInput } from './analyse-document.ts';
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
  // The next batch, analysed on the workers while this one is written and resolved (which runs on this thread alone).
  let ahead = null as AnalysisAhead | null;
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
        const found = pool ? await analyseBatch(pool, batch, ahead) : batch.map((d) => analyseDocument(d, lexicons as Lexicons));
        ahead = null;
        if (pool) {
          const next = await tx.documents.peekPending(
            ANALYSIS_VERSION,
            options.batchSize ?? BATCH,
            batch.map((d) => d.id),
          );
          if (next.length > 0) ahead = analyseAhead(pool, next);
        }
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

/** A batch sent to the workers before its transaction took it: its inputs and their analyses to come. */
export interface AnalysisAhead {
  readonly inputs: readonly DocumentInput[];
  readonly results: Promise<DocumentAnalysis[]>;
}

function analyseAhead(pool: AnalysisPool, documents: readonly Document[]): AnalysisAhead {
  const inputs = documents.map(inputOf);
  const results = analyseOnPool(pool, inputs);
  // Left unused when another analyser took these documents first, or when a failure ends the run: never unhandled.
  results.catch(() => undefined);
  return { inputs, results };
}

/** The batch's analyses: those sent ahead when they are of exactly these documents as stored, else analysed now. */
async function analyseBatch(pool: AnalysisPool, documents: readonly Document[], ahead: AnalysisAhead | null): Promise<DocumentAnalysis[]> {
  const inputs = documents.map(inputOf);
  if (ahead !== null && sameInputs(ahead.inputs, inputs)) return ahead.results;
  return analyseOnPool(pool, inputs);
}

/** Whether two batches are the same documents in the same order, with everything analysis reads equal. */
export function sameInputs(a: readonly DocumentInput[], b: readonly DocumentInput[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i] as DocumentInput;
      return (
        x.id === y.id &&
        x.text === y.text &&
        (x.title ?? null) === (y.title ?? null) &&
        (x.source ?? null) === (y.source ?? null) &&
        x.published?.start === y.published?.start &&
        x.published?.end === y.published?.end
      );
    })
  );
}

function inputOf(d: Document): DocumentInput {
  return {
    id: d.id,
    text: d.text,
    title: d.title,
    source: d.source,
    published: d.published ? { start: d.published.start, end: d.published.end } : null,
  };
}

async function analyseOnPool(pool: AnalysisPool, inputs: readonly DocumentInput[]): Promise<DocumentAnalysis[]> {
  const parts: Array<Promise<DocumentAnalysis[]>> = [];
  for (let i = 0; i < inputs.length; i += WORKER_BATCH) parts.push(pool.analyse(inputs.slice(i, i + WORKER_BATCH)));
  return (await Promise.all(parts)).flat();
}
