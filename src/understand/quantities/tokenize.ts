/** @module Splits a text into words, numbers and single punctuation marks with their UTF-16 offsets, for the number parser. */

/** What a token is made of. */
export type TokenType = 'word' | 'number' | 'punct';

/** One token: its text, its lower-case form and its half-open span in the text. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly type: TokenType;
  /** Offset of the first code unit. */
  readonly start: number;
  /** Offset just past the last code unit. */
  readonly end: number;
}

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

function isLetter(code: number, text: string, offset: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return NON_ASCII_LETTER.test(text[offset] ?? '');
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 160 || code === 0x2009 || code === 0x202f;
}

/**
 * The tokens of `text` in order; whitespace is dropped, so adjacency is read from the offsets.
 * Dotted abbreviations stay whole ("U.S.", "p.m.") so their dots do not end sentences; words keep inner
 * hyphens and apostrophes ("Iran-backed", "one-way", "twenty-one"); numbers keep their commas and
 * decimal point ("1,400", "1.2") but never a hyphen, so "F-16" and "2023-10-10" come apart.
 * A hand-written scanner: a Unicode-class regex took three times as long on a 3 KB report.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  // One lower-casing of the whole text, sliced per word, unless a character changes length when lowered ("İ").
  const lowered = text.toLowerCase();
  const lowerText = lowered.length === length ? lowered : null;
  let offset = 0;
  while (offset < length) {
    const code = text.charCodeAt(offset);
    if (isSpace(code)) {
      offset++;
      continue;
    }
    const start = offset;
    let type: TokenType;
    if (isDigit(code)) {
      type = 'number';
      offset = scanNumber(text, offset);
    } else if (isLetter(code, text, offset)) {
      type = 'word';
      offset = scanAbbreviation(text, offset) ?? scanWord(text, offset);
    } else {
      type = 'punct';
      offset++;
    }
    const value = text.slice(start, offset);
    const lower =
      type !== 'word' || !hasCapital(text, start, offset)
        ? value
        : lowerText === null
          ? value.toLowerCase()
          : lowerText.slice(start, offset);
    tokens.push({ text: value, lower, type, start, end: offset });
  }
  return tokens;
}

/** Whether `text[start..end)` has a character lower-casing may change: an ASCII capital or any non-ASCII one. */
function hasCapital(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if ((code >= 65 && code <= 90) || code >= 128) return true;
  }
  return false;
}

function scanNumber(text: string, from: number): number {
  let offset = from;
  while (isDigit(text.charCodeAt(offset))) offset++;
  // A comma or point continues the number only when a digit follows ("1,400", "1.2"; not "14, and").
  for (;;) {
    const mark = text.charCodeAt(offset);
    if ((mark === 44 || mark === 46) && isDigit(text.charCodeAt(offset + 1))) {
      offset++;
      while (isDigit(text.charCodeAt(offset))) offset++;
    } else return offset;
  }
}

function scanWord(text: string, from: number): number {
  let offset = from;
  for (;;) {
    while (offset < text.length && isLetter(text.charCodeAt(offset), text, offset)) offset++;
    const mark = text.charCodeAt(offset);
    // Inner hyphen or apostrophe between letters: "Iran-backed", "Iran's".
    const isJoiner = mark === 45 || mark === 39 || mark === 0x2019;
    if (isJoiner && offset + 1 < text.length && isLetter(text.charCodeAt(offset + 1), text, offset + 1)) offset++;
    else return offset;
  }
}

/** "U.S.", "a.m.": single letters each followed by a dot, at least twice. */
function scanAbbreviation(text: string, from: number): number | null {
  let offset = from;
  let pairs = 0;
  while (
    offset + 1 < text.length &&
    isLetter(text.charCodeAt(offset), text, offset) &&
    text.charCodeAt(offset + 1) === 46 &&
    (offset === from || !isLetter(text.charCodeAt(offset - 1), text, offset - 1))
  ) {
    offset += 2;
    pairs++;
  }
  return pairs >= 2 ? offset : null;
}
