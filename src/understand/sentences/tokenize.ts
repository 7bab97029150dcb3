/** @module Splits a text into word, number and punctuation tokens with their UTF-16 offsets. */
import { abbreviations } from './abbreviations.ts';

/** What a token is: a word (letters, maybe with an inner apostrophe or dots), a number, or one punctuation mark. */
export type TokenKind = 'word' | 'number' | 'punct';

/** One token: `text === source.slice(start, end)`. */
export interface Token {
  /** UTF-16 offset of the first code unit. */
  readonly start: number;
  /** UTF-16 offset just past the last code unit. */
  readonly end: number;
  readonly text: string;
  /** The form lexicons look up: a word lower-cased, with curly apostrophes and Unicode dashes folded to `'` and `-`; a mark as written. */
  readonly norm: string;
  readonly kind: TokenKind;
}

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII_DIGIT = /\p{N}/u;
const NON_ASCII_SPACE = /\s/u;
const CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;
const UPPER = /^\p{Lu}$/u;
const PERIOD = 46;
const HYPHEN = 45;

/**
 * The tokens of `text`, in order, without white space. A period stays on a known abbreviation ("Gen.", "Oct."), a
 * dotted initialism ("U.S.", "a.m.") and a capital initial ("E."); clitics split off ("Iran", "’s"); hyphens split
 * compounds ("Iran", "-", "backed") so that lexicon entries match inside them.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let at = 0;
  // A hand-written scanner: about three times faster than one alternation regex with Unicode classes.
  while (at < length) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      at++;
      continue;
    }
    const start = at;
    if (isLetter(code)) {
      const initialism = initialismEnd(text, at);
      if (initialism > at) {
        tokens.push(token(text, start, initialism, 'word'));
        at = initialism;
        continue;
      }
      at = wordEnd(text, at);
      at = pushWord(text, start, at, tokens);
    } else if (isDigit(code)) {
      at = numberEnd(text, at);
      const hasLetters = at < length && isLetter(text.charCodeAt(at));
      while (at < length && isLetter(text.charCodeAt(at))) at++;
      tokens.push(token(text, start, at, hasLetters ? 'word' : 'number'));
    } else {
      at++;
      if ((code === PERIOD || code === HYPHEN) && text.charCodeAt(at) === code) {
        while (text.charCodeAt(at) === code) at++;
      } else if (code >= 0xd800 && code <= 0xdbff && at < length) {
        at++;
      }
      tokens.push(token(text, start, at, 'punct'));
    }
  }
  return tokens;
}

/** Pushes one word (splitting off a clitic, keeping a known abbreviation's period) and returns where it ended. */
function pushWord(text: string, start: number, end: number, tokens: Token[]): number {
  const word = text.slice(start, end);
  if (text.charCodeAt(end) === PERIOD && (abbreviations.has(word) || UPPER.test(word))) {
    tokens.push(token(text, start, end + 1, 'word'));
    return end + 1;
  }
  const hasApostrophe = word.includes("'") || word.includes('’');
  const clitic = hasApostrophe && word.length > 2 ? CLITIC.exec(word) : null;
  if (clitic !== null && clitic.index > 0) {
    const split = start + clitic.index;
    tokens.push(token(text, start, split, 'word'));
    tokens.push(token(text, split, end, 'word'));
    return end;
  }
  tokens.push({ start, end, text: word, norm: normOf(text, start, end, word), kind: 'word' });
  return end;
}

function token(text: string, start: number, end: number, kind: TokenKind): Token {
  const slice = text.slice(start, end);
  // Marks keep their shape: an em dash or a closing quote means something a hyphen or an apostrophe does not.
  const norm = kind !== 'punct' ? normOf(text, start, end, slice) : slice === '‐' || slice === '‑' ? '-' : slice;
  return { start, end, text: slice, norm, kind };
}

/** The lower-cased, folded form; a scan of the source decides whether any work is needed at all. */
function normOf(text: string, start: number, end: number, slice: string): string {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if ((code >= 65 && code <= 90) || code >= 128) return foldTypography(slice).toLowerCase();
  }
  return slice;
}

/** Curly apostrophes to `'`, Unicode dashes to `-`, so "Kata’ib" and "Kata'ib" look up alike. */
export function foldTypography(word: string): string {
  for (let at = 0; at < word.length; at++) {
    const code = word.charCodeAt(at);
    if (code >= 0x2010 && code <= 0x2019) return word.replace(/[’‘]/g, "'").replace(/[‐‑‒–—―]/g, '-');
  }
  return word;
}

/** Letters, marks and digits, with inner apostrophes before a letter ("Kata'ib", "we’re"). */
function wordEnd(text: string, at: number): number {
  let end = at + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (isLetter(code) || isDigit(code)) end++;
    else if ((code === 39 || code === 0x2019) && isLetter(text.charCodeAt(end + 1))) end += 2;
    else return end;
  }
}

/** The end of a dotted initialism of two or more letters ("U.S.", "a.m."), or `at` when there is none. */
function initialismEnd(text: string, at: number): number {
  let end = at;
  while (isLetter(text.charCodeAt(end)) && text.charCodeAt(end + 1) === PERIOD) end += 2;
  if (end - at < 4 || isLetter(text.charCodeAt(end))) return at;
  return end;
}

/** Digits with inner separators ("1,400", "2.5", "9:30", "10/17"). */
function numberEnd(text: string, at: number): number {
  let end = at + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (isDigit(code)) end++;
    else if ((code === 44 || code === PERIOD || code === 58 || code === 47) && isDigit(text.charCodeAt(end + 1))) end += 2;
    else return end;
  }
}

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return NON_ASCII_LETTER.test(String.fromCharCode(code));
}

function isDigit(code: number): boolean {
  if (code < 128) return code >= 48 && code <= 57;
  return NON_ASCII_DIGIT.test(String.fromCharCode(code));
}

function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return NON_ASCII_SPACE.test(String.fromCharCode(code));
}
