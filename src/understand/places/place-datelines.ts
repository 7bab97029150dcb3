/** @module Datelines: a place opening a line before a comma or dash ("KYIV, Ukraine (AP) --") says where a report was filed, and a wire dateline how much it speaks for its country. */
import { nextVisible, type PlaceToken } from './tokenize-for-places.ts';
import { type Match } from './place-match.ts';
import { type NewsProfile } from './news-profile.ts';

// What may follow a dateline's place: "TOLEDO, Ohio —", "CHICAGO (AP) —", "NEW ORLEANS --".
export const DATELINE_FOLLOWERS = new Set([',', '(', '-', '—', '–']);

/** An all-capital word counts only in a dateline: "BEIRUT (Reuters) —", "CHARLESTON, W.Va.", "NEW ORLEANS --"; never "MORE:". */
export function isDateline(text: string, t: PlaceToken): boolean {
  const next = nextVisible(text, t.fullEnd);
  if (t.isSentenceStart && next !== ':') return true;
  return DATELINE_FOLLOWERS.has(next);
}

/**
 * A place in capitals opening the text or a line and followed by a dateline's comma, dash or agency: "CHICAGO (AP) —",
 * "SPRINGFIELD, Mo. (KY3) -". The report was written there, so the place is kept without other support.
 */
export function isDatelinePlace(text: string, tokens: readonly PlaceToken[], first: number, last: number): boolean {
  const head = tokens[first] as PlaceToken;
  const end = tokens[last] as PlaceToken;
  // "LA" alone is Los Angeles written short; "LA PAZ" is a name.
  if (!head.isAllCaps || !end.isAllCaps || (first === last && head.text.replace(/\./g, '').length < 3)) return false;
  if (!isLineStart(text, head.start)) return false;
  return DATELINE_FOLLOWERS.has(nextVisible(text, end.fullEnd));
}

export function isLineStart(text: string, position: number): boolean {
  for (let k = position - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
}

/** A dateline without a container ("LA PAZ, 20 DEC 89 (EFE) --") in wide news: where a wire report was filed. */
export function isWireDateline(m: Match, profile: NewsProfile): boolean {
  return !profile.readings.has('namesake-focus') && m.rule === 'place/dateline' && m.container === null;
}
