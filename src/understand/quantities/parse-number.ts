/** @module Reads one number at a token: digits ("1,400", "1.2 million"), words ("twenty-one", "two dozen", "one hundred and twenty") or a vague plural ("dozens of"). */

import { SCALES, TENS, UNITS, VAGUE } from './quantity-words.ts';
import type { Token } from './tokenize.ts';

/** How a number was written. */
export type NumberForm = 'digits' | 'words' | 'vague';

/** A number read from tokens `first` to `last` (inclusive). */
export interface ParsedNumber {
  readonly value: number;
  /** The scale word that multiplied it ("million"), 1 when none. */
  readonly scale: number;
  readonly first: number;
  readonly last: number;
  readonly form: NumberForm;
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** The number that starts at `tokens[index]`, or null when none does. */
export function parseNumber(tokens: readonly Token[], index: number): ParsedNumber | null {
  const token = tokens[index];
  if (token === undefined) return null;
  if (token.type === 'number') return parseDigits(tokens, index, token);
  if (token.type !== 'word') return null;
  return parseVague(tokens, index, token) ?? parseWords(tokens, index);
}

function parseDigits(tokens: readonly Token[], index: number, token: Token): ParsedNumber | null {
  if (!DIGITS.test(token.text)) return null;
  const value = Number(token.text.replaceAll(',', ''));
  const next = tokens[index + 1];
  const scale = next === undefined ? undefined : next.lower === 'dozen' ? 12 : SCALES.get(next.lower);
  if (next !== undefined && scale !== undefined && isAdjacent(token, next)) {
    return { value: round(value * scale), scale, first: index, last: index + 1, form: 'digits' };
  }
  return { value, scale: 1, first: index, last: index, form: 'digits' };
}

/** "dozens", "hundreds of", "tens of thousands of": the lower bound of a vague plural. */
function parseVague(tokens: readonly Token[], index: number, token: Token): ParsedNumber | null {
  const base = VAGUE.get(token.lower);
  if (base === undefined) return null;
  const of = tokens[index + 1];
  const bigger = tokens[index + 2];
  if (of?.lower === 'of' && bigger !== undefined && bigger.lower !== 'tens') {
    const scale = VAGUE.get(bigger.lower);
    if (scale !== undefined && scale > base && scale >= 1_000) {
      return { value: base * scale, scale, first: index, last: index + 2, form: 'vague' };
    }
  }
  if (token.lower === 'tens' && of?.lower !== 'of') return null;
  return { value: base, scale: 1, first: index, last: index, form: 'vague' };
}

/** Number words, including "a hundred", "two dozen" and "one hundred and twenty". */
function parseWords(tokens: readonly Token[], index: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let last = -1;
  let scale = 1;
  let position = index;
  const first = tokens[index];
  if (first === undefined) return null;
  // "a hundred", "an eleven" is not English, so only scales and "dozen" follow the article.
  if (first.lower === 'a' || first.lower === 'an') {
    const next = tokens[index + 1];
    if (next === undefined || !(SCALES.has(next.lower) || next.lower === 'dozen')) return null;
    current = 1;
    position = index + 1;
  }
  while (position < tokens.length) {
    const token = tokens[position];
    if (token === undefined || token.type !== 'word') break;
    const previous = tokens[position - 1];
    if (position > index && previous !== undefined && !isAdjacent(previous, token)) break;
    const word = token.lower;
    if (word === 'and') {
      // Only inside a number: "one hundred and twenty", never "nine and ten".
      const next = tokens[position + 1];
      const afterScale = last >= 0 && current % 100 === 0 && (current > 0 || total > 0);
      if (!afterScale || next === undefined || !(UNITS.has(next.lower) || TENS.has(next.lower) || isCompound(next.lower))) break;
      position++;
      continue;
    }
    const small = smallNumber(word);
    if (small !== null) {
      // "twenty one" adds; "one two" is two numbers.
      const tensOnly = current % 100 >= 20 && current % 10 === 0;
      if (last >= 0 && current % 100 !== 0 && !(tensOnly && small < 10)) break;
      current += small;
    } else if (word === 'hundred') {
      if (current >= 100) break;
      current = (current === 0 ? 1 : current) * 100;
      scale = 100;
    } else if (word === 'dozen') {
      current = (current === 0 ? 1 : current) * 12;
    } else {
      const big = SCALES.get(word);
      if (big === undefined || big === 100) break;
      total += (current === 0 ? 1 : current) * big;
      current = 0;
      scale = big;
    }
    last = position;
    position++;
  }
  if (last < 0) return null;
  return { value: total + current, scale, first: index, last, form: 'words' };
}

/** A word below a hundred: "nine", "forty", "twenty-one". */
function smallNumber(word: string): number | null {
  const unit = UNITS.get(word) ?? TENS.get(word);
  if (unit !== undefined) return unit;
  if (!isCompound(word)) return null;
  const [tens, units] = word.split('-');
  return (TENS.get(tens ?? '') ?? 0) + (UNITS.get(units ?? '') ?? 0);
}

function isCompound(word: string): boolean {
  const parts = word.split('-');
  if (parts.length !== 2) return false;
  const units = UNITS.get(parts[1] ?? '');
  return TENS.has(parts[0] ?? '') && units !== undefined && units > 0 && units < 10;
}

function isAdjacent(left: Token, right: Token): boolean {
  // One space or a few: a line break or a sentence mark between tokens leaves two tokens in between.
  return right.start - left.end <= 2 && right.start > left.end;
}

/** Scaled decimals ("1.2 million") must come out whole, not 1199999.9999999998. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
