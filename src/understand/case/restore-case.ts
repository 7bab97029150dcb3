/**
 * @module Capital-letter copy (wire copy, old feeds, shouted headlines) re-cased for the rules that read capitals:
 * common words in lower case, known names as they are written, unknown words as names. The result has the same length
 * as the original, character for character, so every span found in it points into the stored text.
 */
import { type CaseLexicon, capitalise } from './case-lexicon.ts';

/** Letters of words of two letters or more that are capitals, from which a text counts as capital-letter copy. */
const CAPITALS_SHARE = 0.6;
/** A text needs this many letters in such words before its case tells anything. */
const MIN_LETTERS = 40;

/**
 * Whether a text is written mostly in capitals: most of the letters of its words (of two letters or more) are capitals.
 * Mixed-case reporting has a few per cent; a shouted headline over a mixed-case body does not tip the whole report.
 */
export function isCapitalCopy(text: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const match of text.matchAll(/\p{L}{2,}/gu)) {
    const word = match[0];
    letters += word.length;
    if (word === word.toUpperCase() && word !== word.toLowerCase()) upper += word.length;
  }
  return letters >= MIN_LETTERS && upper / letters >= CAPITALS_SHARE;
}

// Abbreviated titles before a name: "MR. ROSALES" is "Mr. Rosales", not an acronym.
const TITLES = new Set('mr mrs ms dr gen col lt sgt capt maj gov sen rep msgr fr'.split(' '));
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const VOWEL = /[aeiouyáéíóúàèìòùäëïöüâêîôû]/;
// The longest name looked up: "Zarate Willka Armed Forces of Liberation", "Farabundo Marti National Liberation Front".
const MAX_NAME_WORDS = 7;

interface WordAt {
  readonly start: number;
  readonly end: number;
  /** The word in lower case. */
  readonly lower: string;
}

/**
 * The text with its all-capital words re-cased: a word the lexicons know as part of a name ("SAN SALVADOR", "FMLN")
 * as the name is written; a common English word in lower case, with a capital where it opens a sentence; any other
 * word as a name ("CRISTIANI" → "Cristiani"), or kept in capitals where it reads as an acronym ("PNC"). Words already
 * in mixed case are left as they are.
 */
export function restoreCase(text: string, lexicon: CaseLexicon): string {
  const found: WordAt[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    found.push({ start, end: start + match[0].length, lower: match[0].toLowerCase() });
  }
  const out = text.split('');
  const write = (at: number, cased: string, original: string) => {
    // A letter whose other case has another length ("İ") keeps its own: every offset must stay.
    if (cased.length !== original.length) return;
    for (let k = 0; k < cased.length; k++) out[at + k] = cased[k] as string;
  };
  // Wire copy writes its dateline's place in capitals even in mixed case ("LIMA, 15 JAN 90 (EFE) --"), and the place
  // readings know a dateline by them: the opening place stays as it is.
  const datelineEnd = openingDatelineEnd(text);
  const isShouted = (w: WordAt) => {
    if (w.end <= datelineEnd) return false;
    const word = text.slice(w.start, w.end);
    return word === word.toUpperCase() && word !== w.lower;
  };
  for (let i = 0; i < found.length;) {
    const w = found[i] as WordAt;
    if (!isShouted(w)) {
      i++;
      continue;
    }
    // The longest known name starting here, over words joined by single spaces or hyphens.
    let n = 0;
    let name: string | undefined;
    for (let len = Math.min(MAX_NAME_WORDS, found.length - i); len >= 1 && name === undefined; len--) {
      if (!joinedTight(text, found, i, len)) continue;
      const parts = found.slice(i, i + len);
      const phrase = parts.map((p) => p.lower).join(' ');
      const allCommon = parts.every((p) => lexicon.isCommon(p.lower));
      if (len === 1 && !allCommon) break;
      name = lexicon.nameOf(phrase, allCommon, len === 1);
      if (name !== undefined) n = len;
    }
    if (name !== undefined && n > 0) {
      const cased = name.split(' ');
      for (let k = 0; k < n; k++) {
        const part = found[i + k] as WordAt;
        const written = cased[k] ?? capitalise(part.lower);
        write(part.start, written.length === part.end - part.start ? written : capitalise(part.lower), text.slice(part.start, part.end));
      }
      i += n;
      continue;
    }
    const original = text.slice(w.start, w.end);
    let cased: string;
    // One letter is an initial or part of "U.S.", except the article.
    if (w.lower.length === 1 && w.lower !== 'a') cased = original;
    else if (lexicon.isCommon(w.lower) && !isCalendarName(text, w) && !opensName(text, found, i, lexicon))
      cased = opensSentence(text, w.start) ? capitalise(w.lower) : w.lower;
    else if (TITLES.has(w.lower) || isCalendarName(text, w)) cased = capitalise(w.lower);
    else if (isAcronym(w.lower)) cased = original;
    else cased = capitalise(w.lower);
    write(w.start, cased, original);
    i++;
  }
  // "RADIO VENCEREMOS", "CANAL DOCE TELEVISION": a broadcaster's word before a name is part of the name.
  for (let i = 0; i + 1 < found.length; i++) {
    const w = found[i] as WordAt;
    const next = found[i + 1] as WordAt;
    if (!BROADCASTERS.has(w.lower) || !isShouted(w) || !joinedTight(text, found, i, 2)) continue;
    if (/\p{Lu}/u.test(out[next.start] as string)) write(w.start, capitalise(w.lower), text.slice(w.start, w.end));
  }
  return out.join('');
}

// "SAN SALVADOR, 5 JAN 90 (RADIO VENCEREMOS) --", "MANAGUA (NICARAGUA), 17 JUN 89", "LIMA, 3 MAR 90": a place in capitals
// opening the text, then (after a country in brackets) a comma and a day, or an agency in brackets.
const OPENING_DATELINE =
  /^\s*(\p{Lu}[\p{Lu}'’.-]*(?: [\p{Lu}'’.-]+){0,3})(?=\s*(?:\(\p{Lu}[\p{Lu} .'’-]{1,30}\)\s*)?,\s*(?:\d{1,2}\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\p{Lu}*\.?\s+\d{2,4}\b|NO DATE\b)|\s*\((?:AP|AFP|EFE|DPA|ANSA|UPI|REUTERS)\))/u;

/** Where the opening dateline's place ends, or 0 where the text opens with none. */
function openingDatelineEnd(text: string): number {
  const match = OPENING_DATELINE.exec(text);
  if (!match?.[1]) return 0;
  return match.index + match[0].length;
}

/** "HECTOR DELGADO", "BILL CARTER": a given name that is also a word, right before a word that is none, opens a name. */
function opensName(text: string, found: readonly WordAt[], i: number, lexicon: CaseLexicon): boolean {
  const w = found[i] as WordAt;
  const next = found[i + 1];
  if (!next || !lexicon.isGivenName(w.lower) || !joinedTight(text, found, i, 2)) return false;
  const written = text.slice(next.start, next.end);
  return written === written.toUpperCase() && !lexicon.isCommon(next.lower);
}

const BROADCASTERS = new Set('radio television channel network canal cadena'.split(' '));

/**
 * Whether a word names a weekday or a month: always for "Tuesday" and "January"; for a short form ("MAR", "SEPT") or a
 * month that is also a word ("MAY", "MARCH") only beside a number ("14 MAR 90", "MAY 3").
 */
function isCalendarName(text: string, w: WordAt): boolean {
  if (CALENDAR.has(w.lower)) return true;
  if (!MONTH_WORDS.has(w.lower)) return false;
  return /\d[\s.,]*$/.test(text.slice(Math.max(0, w.start - 4), w.start)) || /^[\s.,]*\d/.test(text.slice(w.end, w.end + 4));
}

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february april june july august september october november december'.split(
    ' ',
  ),
);
const MONTH_WORDS = new Set('jan feb mar apr may jun jul aug sep sept oct nov dec march'.split(' '));

/** Whether words `i..i+len)` follow each other with one space or a hyphen between them (no comma, no line break). */
function joinedTight(text: string, found: readonly WordAt[], i: number, len: number): boolean {
  for (let k = i; k < i + len - 1; k++) {
    const gap = text.slice((found[k] as WordAt).end, (found[k + 1] as WordAt).start);
    if (gap !== ' ' && gap !== '-') return false;
  }
  return true;
}

/** A word no dictionary knows that reads as letters, not a name: no vowel ("PNC"), or three letters or fewer. */
function isAcronym(lower: string): boolean {
  return lower.length <= 3 || !VOWEL.test(lower);
}

/** Whether the word at `at` opens a sentence: first in the text or its paragraph, or after a full stop, "--" or "]". */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '"' || ch === '“' || ch === '(' || ch === '[') continue;
    // "U.S. troops", "Mr. Garcia": a full stop after one letter or a title ends no sentence.
    if (ch === '.')
      return !/(?:^|[\s.])(?:\p{L}|mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|gov|sen|rep|st|no|messrs)$/iu.test(
        text.slice(Math.max(0, i - 8), i),
      );
    // A bracketed note ("[TEXT]") opens a sentence where its bracket does.
    if (ch === ']') {
      const open = text.lastIndexOf('[', i);
      return open < 0 || opensSentence(text, open);
    }
    // " -- " after a dateline; "refuge--a condition" is a dash inside a sentence.
    if (ch === '-') return text[i - 1] === '-' && text[i + 1] === ' ' && text[i - 2] === ' ';
    return ch === '!' || ch === '?' || ch === '\n' || ch === ':';
  }
  return true;
}
