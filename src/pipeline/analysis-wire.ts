/**
 * @module How a worker thread's analyses travel back to the main thread, which pays for their decoding while the
 * workers go on: as one JSON text, without the words the main thread already holds.
 *
 * - JSON, not structured cloning: `JSON.parse` builds the many small records of a batch in about 60% of the time
 *   `postMessage`'s deserializer takes (measured on the bench corpus), and a string crosses threads in one copy. Every
 *   record is plain data (stored as JSON too); the one Set, a profile's readings, travels as a list.
 * - No quotes of the text: a mention quotes its document (`text` is the span's slice), and the sentences alone repeat
 *   the whole text, so each such quote goes empty on the way and is cut again from the document on arrival.
 */
import type { NewsProfile } from '../understand/places/news-profile.ts';
import type { DocumentAnalysis, DocumentInput } from './analyse-document.ts';

/** An analysis on its way back: `quotesLeftOut` marks one whose empty quotes stand for the span's slice. */
type SentAnalysis = DocumentAnalysis & { quotesLeftOut?: true };

/**
 * Analyses of `documents` (in their order) as the text a worker sends. The analyses are the worker's own, dropped once
 * sent: their quotes are emptied in place rather than copied.
 */
export function encodeAnalyses(analyses: readonly DocumentAnalysis[], documents: readonly DocumentInput[]): string {
  return JSON.stringify(
    analyses.map((a, i) => {
      const sent = leaveQuotesOut(a, (documents[i] as DocumentInput).text);
      return { ...sent, profile: { ...sent.profile, readings: [...sent.profile.readings] } };
    }),
  );
}

/** The analyses a worker sent for `documents`, whole again. */
export function decodeAnalyses(json: string, documents: readonly DocumentInput[]): DocumentAnalysis[] {
  const analyses = JSON.parse(json) as Array<DocumentAnalysis & { profile: { readings: NewsProfile['readings'] | unknown[] } }>;
  return analyses.map((a, i) => {
    a.profile.readings = new Set(a.profile.readings as Iterable<never>);
    return restoreQuotes(a, (documents[i] as DocumentInput).text);
  });
}

/**
 * The analysis with each mention that quotes `text` exactly given an empty quote, in place. A document with a mention
 * that is empty for another reason (an empty quote of a longer span) goes whole, so no quote is misread.
 */
export function leaveQuotesOut(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
  if (analysis.mentions.some((m) => m.text === '' && m.span.end > m.span.start)) return analysis;
  for (const m of analysis.mentions) {
    if (m.text.length > 0 && m.text === text.slice(m.span.start, m.span.end)) (m as { text: string }).text = '';
  }
  (analysis as SentAnalysis).quotesLeftOut = true;
  return analysis;
}

/**
 * Gives each mention its quote again from `text`, in place: the analysis is the receiving thread's own copy. An empty
 * quote of a document sent by `leaveQuotesOut` is the span's slice (empty for an empty span, as before).
 */
export function restoreQuotes(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
  const sent = analysis as SentAnalysis;
  if (sent.quotesLeftOut !== true) return analysis;
  delete sent.quotesLeftOut;
  for (const m of analysis.mentions) if (m.text === '') (m as { text: string }).text = text.slice(m.span.start, m.span.end);
  return analysis;
}
