/**
 * @module What the event scorers share (`eval/scorers/case2021-scorer.ts`, `eval/scorers/muc.ts`): a gold set run through the
 * real pipeline, and each document's events ordered as `score_events.py` orders them (most salient first).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { openStore } from '../src/store/open-store.ts';
import type { StoredEvent } from '../src/store/store.ts';

/** One gold document as the pipeline ingests it: `published` from the gold's `dct` where it has one. */
export interface GoldDocument {
  readonly id: string;
  readonly text: string;
  readonly published?: string;
}

/** Each document's events (by its external id, the gold's `doc_id`): highest salience first, then the earlier span, then id. */
export async function salientEvents(
  workDir: string,
  name: string,
  documents: readonly GoldDocument[],
): Promise<Map<string, StoredEvent[]>> {
  const input = join(workDir, `${name}.jsonl`);
  writeFileSync(input, `${documents.map((d) => JSON.stringify(d)).join('\n')}\n`);
  const store = await openStore(join(workDir, `${name}.db`));
  try {
    await ingest(store, [input]);
    await analyse(store);
    const byDocument = new Map<string, StoredEvent[]>();
    for (let offset = 0; ; offset += 5000) {
      const page = await store.events.list({ limit: 5000, offset });
      for (const e of page) {
        const list = byDocument.get(e.externalId);
        if (list) list.push(e);
        else byDocument.set(e.externalId, [e]);
      }
      if (page.length < 5000) break;
    }
    for (const list of byDocument.values())
      list.sort((a, b) => b.salience - a.salience || a.span.start - b.span.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return byDocument;
  } finally {
    await store.close();
  }
}

/** A sub-event type as the scorers compare it: white space folded, lower case. */
/**
 * A figure kept to six places: rounded twice (here, then to three places in the table), four places would print
 * 0.77350 as 0.773 where the reference scorer prints 0.774.
 */
export function roundFigure(n: number): number {
  return Number(n.toFixed(6));
}

export function normSub(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** F1 from counts; 0 without a true positive. */
export function f1(tp: number, fp: number, fn: number): number {
  return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
}

/** `a / b`, or 0 when `b` is 0. */
export function ratio(a: number, b: number): number {
  return b ? a / b : 0;
}
