/** @module Splits text into the word tokens place matching works on, with what matters for names: capitals, possessives, abbreviations, sentence starts. */
import { placeKey } from './place-key.ts';

/** One word of the text. */
export interface PlaceToken {
  readonly start: number;
  /** Exclusive end, after a kept abbreviation period ("U.S.", "Calif.") but before a possessive "'s". */
  readonly end: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  /** `placeKey(text)`. */
  readonly key: string;
  /** The end including a possessive "'s" or "s'" when there is one, else `end`. */
  readonly fullEnd: number;
  /** Starts with a capital letter. */
  readonly isCapitalised: boolean;
  /** Two or more letters, all capitals ("US", "U.S.", "GAZA"). */
  readonly isAllCaps: boolean;
  /** First word of a sentence, a line or the text. */
  readonly isSentenceStart: boolean;
  /** Joined to the previous token by a hyphen, with no space ("al-Asad", "US-led"). */
  readonly isHyphenated: boolean;
  /** Only spaces or a hyphen lie between this token and the previous one. */
  readonly joinsPrevious: boolean;
  /** Every longer word of the token's sentence starts with a capital: a headline, where name rules about capitals do not hold. */
  isTitleCase: boolean;
}

// Words that keep their final period: "St. Louis", "Calif.", "Gen. Austin". Inner-period forms ("U.S.", "W.Va.") always do.
const PERIOD_WORDS = new Set(
  'st ste mt ft gen sen rep gov lt col capt sgt maj adm cmdr mr mrs ms dr jr sr rev prof det cpl pvt supt insp ala ariz ark calif cal colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nebr nev okla ore oreg pa penn tenn tex vt va wash wis wisc wyo'.split(
    ' ',
  ),
);

const TITLE_ABBREVIATIONS = new Set(
  'st. ste. mt. ft. gen. sen. rep. gov. lt. col. capt. sgt. maj. adm. cmdr. mr. mrs. ms. dr. jr. sr. rev. prof. det. cpl. pvt. supt. insp.'.split(
    ' ',
  ),
);

function isLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c > 0x24f && !isGeneralPunctuation(c) && /\p{L}/u.test(String.fromCharCode(c)))
  );
}

/** U+2000-U+206F: spaces, dashes, curly quotes and the like, frequent in news and never letters. */
function isGeneralPunctuation(c: number): boolean {
  return c >= 0x2000 && c <= 0x206f;
}

/** "in Houston.Police said": a sentence's period with its space lost, not an abbreviation's inner one ("U.S.", "W.Va."). */
function isMissingSpace(text: string, period: number): boolean {
  if (text.charCodeAt(period) !== 46) return false;
  const before = text.charCodeAt(period - 1);
  const after = text.charCodeAt(period + 1);
  return before >= 97 && before <= 122 && isUpper(after) && isLetter(text.charCodeAt(period - 2)) && isLetter(text.charCodeAt(period + 2));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
    (c > 0xff && !isGeneralPunctuation(c) && /\p{Lu}/u.test(String.fromCharCode(c)))
  );
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isHyphen(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 10 || c === 13;
}

/** Tokens in text order. */
export function tokenizeForPlaces(text: string): PlaceToken[] {
  const tokens: PlaceToken[] = [];
  const n = text.length;
  let i = 0;
  let sentenceStart = true;
  let previousEnd = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLetter(c) && !isDigit(c)) {
      // Sentence ends at . ! ? and at blank lines; quotes and brackets after them do not matter.
      if (c === 33 || c === 63 || c === 58 || (c === 10 && (text.charCodeAt(i + 1) === 10 || text.charCodeAt(i - 1) === 10))) {
        sentenceStart = true;
      } else if (c === 46) {
        sentenceStart = true;
      }
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < n) {
      const d = text.charCodeAt(end);
      if (isLetter(d) || isDigit(d)) end++;
      else if ((isApostrophe(d) || d === 46) && end + 1 < n && isLetter(text.charCodeAt(end + 1)) && !isMissingSpace(text, end)) end += 2;
      else break;
    }
    // A trailing period belongs to abbreviations only; otherwise it ends the sentence.
    let keepsPeriod = false;
    if (text.charCodeAt(end) === 46) {
      const word = text.slice(start, end);
      if (word.includes('.') || (word.length === 1 && isUpper(c)) || PERIOD_WORDS.has(word.toLowerCase())) keepsPeriod = true;
    }
    const wordEnd = keepsPeriod ? end + 1 : end;
    let coreEnd = wordEnd;
    let fullEnd = wordEnd;
    // Possessives: "Iraq's", "Iraq’s", and "Emirates'".
    if (!keepsPeriod && end - start > 2) {
      const a = text.charCodeAt(end - 2);
      const s = text.charCodeAt(end - 1);
      if (isApostrophe(a) && (s === 115 || s === 83)) coreEnd = end - 2;
    }
    if (!keepsPeriod && isApostrophe(text.charCodeAt(end)) && !isLetter(text.charCodeAt(end + 1))) fullEnd = end + 1;
    const tokenText = text.slice(start, coreEnd);
    const isCapitalised = isUpper(c);
    let letters = 0;
    let capitals = 0;
    // A word opening on a small (or caseless) letter is not in capitals: most words are settled by their first letter.
    for (let k = isCapitalised || isDigit(c) ? start : coreEnd; k < coreEnd; k++) {
      const d = text.charCodeAt(k);
      if (isLetter(d)) {
        letters++;
        if (isUpper(d)) capitals++;
      }
    }
    const gapLength = start - previousEnd;
    const firstGap = text.charCodeAt(previousEnd);
    tokens.push({
      start,
      end: coreEnd,
      text: tokenText,
      key: placeKey(tokenText),
      fullEnd,
      isCapitalised,
      isAllCaps: letters >= 2 && capitals === letters,
      isSentenceStart: sentenceStart,
      isHyphenated: gapLength === 1 && isHyphen(firstGap),
      joinsPrevious: tokens.length > 0 && isJoiningGap(text, previousEnd, start),
      isTitleCase: false,
    });
    sentenceStart = false;
    previousEnd = fullEnd;
    i = fullEnd;
    // A state abbreviation or "U.S." may end a sentence; a title or an initial never does.
    if (keepsPeriod && fullEnd === wordEnd) {
      const lower = tokenText.toLowerCase();
      sentenceStart = !TITLE_ABBREVIATIONS.has(lower) && tokenText.length > 2;
    }
  }
  markTitleCase(tokens);
  return tokens;
}

/** The first character after `position` that is not white space, or "" at the end. */
export function nextVisible(text: string, position: number): string {
  for (let k = position; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) return text[k] ?? '';
  return '';
}

function isJoiningGap(text: string, from: number, to: number): boolean {
  let hyphens = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isHyphen(c)) hyphens++;
    else if (c !== 32 && c !== 0xa0) return false;
  }
  return hyphens <= 1;
}

/** Marks tokens of headline-like sentences, where every longer word is capitalised. */
function markTitleCase(tokens: PlaceToken[]): void {
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !tokens[i]?.isSentenceStart) continue;
    let words = 0;
    let capitalised = 0;
    for (let k = from; k < i; k++) {
      const t = tokens[k];
      if (!t || t.text.length < 4) continue;
      words++;
      if (t.isCapitalised) capitalised++;
    }
    // A headline capitalises every longer word; one lower-case word of four letters or more is prose.
    if (words >= 3 && capitalised === words) for (let k = from; k < i; k++) (tokens[k] as PlaceToken).isTitleCase = true;
    from = i;
  }
}
