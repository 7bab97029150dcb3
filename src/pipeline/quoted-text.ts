/**
 * @module What a worker thread sends back without the words the main thread already holds: a mention quotes its
 * document (`text` is the span's slice), and the sentences alone repeat the whole text, so each such quote goes empty
 * on the way and is cut again from the document on arrival. Structured cloning is paid by both threads, per character.
 */
import type { DocumentAnalysis } from './analyse-document.ts';

/** An analysis on its way back: `quotesLeftOut` marks one whose empty quotes stand for the span's slice. */
type SentAnalysis = DocumentAnalysis & { quotesLeftOut?: true };

/**
 * The analysis as a worker sends it: each mention that quotes `text` exactly goes with an empty quote. A document with
 * a mention that is empty for another reason (an empty quote of a longer span) goes whole, so no quote is misread.
 */
export function withoutQuotes(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
  if (analysis.mentions.some((m) => m.text === '' && m.span.end > m.span.start)) return analysis;
  const mentions = analysis.mentions.map((m) =>
    m.text.length > 0 && m.text === text.slice(m.span.start, m.span.end) ? { ...m, text: '' } : m,
  );
  const sent: SentAnalysis = { ...analysis, mentions, quotesLeftOut: true };
  return sent;
}

/**
 * Gives each mention its quote again from `text`, in place: the analysis is the receiving thread's own copy. An empty
 * quote of a document sent by `withoutQuotes` is the span's slice (empty for an empty span, as before).
 */
export function restoreQuotes(analysis: DocumentAnalysis, text: string): DocumentAnalysis {
  const sent = analysis as SentAnalysis;
  if (sent.quotesLeftOut !== true) return analysis;
  delete sent.quotesLeftOut;
  for (const m of analysis.mentions) if (m.text === '') (m as { text: string }).text = text.slice(m.span.start, m.span.end);
  return analysis;
}
