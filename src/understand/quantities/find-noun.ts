/** @module Finds the noun a number counts: the short noun phrase after it, up to its head ("14 [separate times] in Iraq"). */

import { MONTH_WORDS, NOUN_STOPS, PLURAL_NOUNS, SINGULAR_S } from './quantity-words.ts';
import type { Token } from './tokenize.ts';

/** Token indexes of a noun phrase, inclusive. */
export interface NounTokens {
  readonly first: number;
  readonly last: number;
}

const MAX_WORDS = 4;
// Participles used as nouns ("14 dead", "21 wounded") or as adjectives ("wounded soldiers").
const PARTICIPLE_NOUNS: ReadonlySet<string> = new Set(['dead', 'wounded', 'injured', 'missing']);
const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or']);
const COORDINATION_REACH = 10;

/** The noun phrase starting at `tokens[index]`, or null when the number stands alone ("nine in Syria"). */
export function findNoun(text: string, tokens: readonly Token[], index: number): NounTokens | null {
  let last = -1;
  let position = index;
  let headFound = false;
  let sawLowerCase = false;
  while (position < tokens.length && position - index < MAX_WORDS) {
    if (position > index && hasBreak(text, tokens[position - 1], tokens[position])) break;
    const age = ageModifierEnd(tokens, position);
    if (age !== null) {
      // "three 17-year-old girls": the age describes the counted people.
      position = age + 1;
      continue;
    }
    const token = tokens[position];
    if (token === undefined || !isNounWord(token)) break;
    // A day or month after a noun dates the clause: "one man Wednesday", "a nightclub Sunday".
    if (sawLowerCase && isCapitalised(token) && (WEEKDAYS.has(token.lower) || MONTH_WORDS.has(token.lower))) break;
    const lower = token.lower;
    const followed = isNounish(text, tokens, position + 1);
    if (PARTICIPLE_NOUNS.has(lower)) {
      // "14 dead", "21 wounded soldiers"; after a noun it is a predicate ("one man dead").
      if (last >= 0) break;
      last = position;
      // "200 wounded Tuesday": the day after it dates the clause.
      sawLowerCase = true;
      if (followed) {
        position++;
        continue;
      }
      headFound = true;
      break;
    }
    // A past participle after a number is its verb ("21 soldiers suffered", "14 killed"), unless a noun follows it.
    if (isVerbLike(lower) && (last >= 0 || !followed)) break;
    last = position;
    if (!isCapitalised(token)) sawLowerCase = true;
    if (isPlural(token) && !(isCapitalised(token) && followed)) {
      headFound = true;
      break;
    }
    position++;
  }
  if (last < 0) return null;
  if (!headFound) {
    const coordinated = coordinatedHead(text, tokens, last + 1);
    if (coordinated !== null) last = coordinated;
  }
  return { first: index, last };
}

/** "120 drone, rocket and missile strikes": a list of modifiers sharing one plural head. */
function coordinatedHead(text: string, tokens: readonly Token[], index: number): number | null {
  let sawConjunction = false;
  for (let position = index; position < tokens.length && position < index + COORDINATION_REACH; position++) {
    const token = tokens[position];
    const previous = tokens[position - 1];
    if (token === undefined || (previous !== undefined && hasBreak(text, previous, token))) return null;
    if (token.text === ',') continue;
    if (CONJUNCTIONS.has(token.lower)) {
      sawConjunction = true;
      continue;
    }
    if (!isNounWord(token) || isVerbLike(token.lower)) return null;
    if (sawConjunction && isPlural(token)) return position;
    if (position === index) return null;
  }
  return null;
}

/** The last token of "17-year-old" or "6-month-old" starting at `index`, or null. */
function ageModifierEnd(tokens: readonly Token[], index: number): number | null {
  const number = tokens[index];
  const dash = tokens[index + 1];
  const word = tokens[index + 2];
  if (number?.type !== 'number' || dash?.text !== '-' || word === undefined) return null;
  if (dash.start !== number.end || word.start !== dash.end || !word.lower.endsWith('-old')) return null;
  return index + 2;
}

function isNounWord(token: Token): boolean {
  return token.type === 'word' && !NOUN_STOPS.has(token.lower);
}

function isNounish(text: string, tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (token === undefined || previous === undefined || hasBreak(text, previous, token)) return false;
  return isNounWord(token) && !isVerbLike(token.lower);
}

function isVerbLike(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ed') && !PARTICIPLE_NOUNS.has(lower);
}

function isPlural(token: Token): boolean {
  const lower = token.lower;
  if (PLURAL_NOUNS.has(lower)) return true;
  if (SINGULAR_S.has(lower) || lower.length < 3 || !lower.endsWith('s')) return false;
  return !(lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is') || lower.endsWith('.'));
}

function isCapitalised(token: Token): boolean {
  const first = token.text[0] ?? '';
  return first !== first.toLowerCase();
}

/** Anything but plain spaces between two tokens (a line break, a tab run) ends a phrase. */
function hasBreak(text: string, left: Token | undefined, right: Token | undefined): boolean {
  if (left === undefined || right === undefined) return false;
  for (let offset = left.end; offset < right.start; offset++) if (text[offset] !== ' ') return true;
  return false;
}
