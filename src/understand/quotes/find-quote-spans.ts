/** @module Pairs quotation marks paragraph by paragraph, with the mixes real text has (“ closed by ", a closer missing at the paragraph's end). */

/** One quotation: its marks and the quoted words between them, as UTF-16 offsets. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly start: number;
  /** Offset just past the closing mark, or past the paragraph's last character when the closer is missing. */
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  /** False when the paragraph ended before a closing mark. */
  readonly closed: boolean;
  /** True for single marks (‘ ’ or '). */
  readonly single: boolean;
}

const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const STRAIGHT_DOUBLE = 0x22;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const STRAIGHT_SINGLE = 0x27;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface Open {
  readonly at: number;
  readonly single: boolean;
}

/** The quotations in `text`, in order. A quotation never spans a line break: each paragraph closes what it opened. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    findInParagraph(text, lineStart, lineEnd, quotes);
    lineStart = lineEnd + 1;
  }
  return quotes;
}

function findInParagraph(text: string, from: number, to: number, quotes: QuoteSpan[]): void {
  let double: Open | null = null;
  let single: Open | null = null;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === LEFT_DOUBLE) {
      // A second opener before any closer: the first quotation lost its closing mark.
      if (double !== null) quotes.push(unclosed(text, double, at));
      double = { at, single: false };
      single = null;
    } else if (code === RIGHT_DOUBLE) {
      if (double !== null) quotes.push(closed(double, at));
      double = null;
      single = null;
    } else if (code === STRAIGHT_DOUBLE) {
      if (double !== null) {
        quotes.push(closed(double, at));
        double = null;
        single = null;
      } else if (isWordAt(text, at + 1) || isOpeningContext(text, at)) {
        double = { at, single: false };
      }
    } else if (double === null && (code === LEFT_SINGLE || code === STRAIGHT_SINGLE || code === RIGHT_SINGLE)) {
      // Single marks double as apostrophes ("Iran’s", "’90s"): open only at a word's start, close only at its end.
      const opens = code !== RIGHT_SINGLE && single === null && isOpeningContext(text, at) && /\p{L}/u.test(text[at + 1] ?? '');
      const closes = code !== LEFT_SINGLE && single !== null && !isWordAt(text, at + 1) && !isSpaceAt(text, at - 1);
      if (closes && single !== null) {
        quotes.push(closed(single, at));
        single = null;
      } else if (opens) {
        single = { at, single: true };
      }
    }
  }
  if (double !== null) quotes.push(unclosed(text, double, to));
}

function closed(open: Open, at: number): QuoteSpan {
  return { start: open.at, end: at + 1, innerStart: open.at + 1, innerEnd: at, closed: true, single: open.single };
}

function unclosed(text: string, open: Open, limit: number): QuoteSpan {
  let end = limit;
  while (end > open.at + 1 && isSpaceAt(text, end - 1)) end--;
  return { start: open.at, end, innerStart: open.at + 1, innerEnd: end, closed: false, single: open.single };
}

/** A mark at a paragraph's start or after a space or an opening bracket or dash opens a quotation. */
function isOpeningContext(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1] ?? '';
  return /[\s([{—–\-/:]/.test(before);
}

function isWordAt(text: string, at: number): boolean {
  return LETTER_OR_DIGIT.test(text[at] ?? '');
}

function isSpaceAt(text: string, at: number): boolean {
  return /\s/.test(text[at] ?? '');
}
