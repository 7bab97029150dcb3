/** @module Everything sitrep reads out of one document on its own: a pure function, run in-process or on a worker thread. */
import { extractClaims } from '../extract/claims/extract-claims.ts';
import { extractEvents } from '../extract/events/extract-events.ts';
import type { Claim } from '../model/claim.ts';
import type { Event } from '../model/event.ts';
import type { DateInterval } from '../model/interval.ts';
import type { Mention } from '../model/mention.ts';
import { type Lexicons, understand } from '../understand/understand.ts';

/** What the per-document stages need of a document. */
export interface DocumentInput {
  readonly id: string;
  readonly text: string;
  readonly published: DateInterval | null;
}

/** What the per-document stages found in one document. */
export interface DocumentAnalysis {
  readonly documentId: string;
  readonly mentions: readonly Mention[];
  /** Every figure the document states, read from its mentions. */
  readonly claims: readonly Claim[];
  /** Every happening the document tells (type, actors, place, date, casualties), read from its mentions. */
  readonly events: readonly Event[];
}

/** Runs the per-document stages (understand, then extract) on one document. */
export function analyseDocument(document: DocumentInput, lexicons: Lexicons): DocumentAnalysis {
  const mentions = understand({ text: document.text, published: document.published }, lexicons);
  const claims = extractClaims({ documentId: document.id, text: document.text, published: document.published }, mentions);
  const events = extractEvents({ documentId: document.id, text: document.text, published: document.published }, mentions);
  return { documentId: document.id, mentions, claims, events };
}
