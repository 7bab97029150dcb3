/** @module Quantity, money and percent mentions: every count in a report with its qualifier and the noun it counts, read by a hand-written number parser. */
import type { MentionOf, Qualifier } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';
import type { UnderstandInput } from '../context.ts';
import { findNoun } from './find-noun.ts';
import { type ParsedNumber, parseNumber } from './parse-number.ts';
import {
  CURRENCY_CODES,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  DOLLAR_PREFIXES,
  IDENTIFIER_WORDS,
  MONEY_SUFFIXES,
  MONTH_WORDS,
  NOUN_STOPS,
  ONE_IDIOM_AFTER,
  ONE_PRONOUN_BEFORE,
  QUALIFIERS,
  STREET_WORDS,
  TENS,
  TIME_UNITS,
  TIME_WORDS,
  UNITS,
  VAGUE,
} from './quantity-words.ts';
import { type Token, tokenize } from './tokenize.ts';

/** What `extractQuantities` finds. */
export type QuantityMention = MentionOf<'quantity'> | MentionOf<'money'> | MentionOf<'percent'>;

const QUALIFIER_WORDS = QUALIFIERS.map(([phrase, qualifier]) => [phrase.split(' '), qualifier] as const).sort(
  (a, b) => b[0].length - a[0].length,
);
const RANGE_DASHES: ReadonlySet<string> = new Set(['-', '–', '—']);
const RANGE_WORDS: ReadonlySet<string> = new Set(['to', 'or']);
const DATE_JOINERS: ReadonlySet<string> = new Set(['-', '–', '—', 'to', 'and', 'through', 'until', 'till']);
// "rose from 10 to 15" is a change, not a range.
const CHANGE_VERBS: ReadonlySet<string> = new Set([
  'rose',
  'risen',
  'rising',
  'increased',
  'grew',
  'grown',
  'jumped',
  'climbed',
  'fell',
  'fallen',
  'dropped',
  'declined',
  'decreased',
  'went',
  'soared',
  'up',
  'down',
]);
// "804 N. Broadway": a number before a compass point is a street number.
const COMPASS_POINTS: ReadonlySet<string> = new Set(['N', 'S', 'E', 'W', 'NE', 'NW', 'SE', 'SW']);
const PERIOD_BEFORE: ReadonlySet<string> = new Set(['past', 'last', 'previous', 'next', 'coming', 'first']);
const AGE_BEFORE: ReadonlySet<string> = new Set(['aged', 'age', 'ages']);
const SENTENCE_ENDS: ReadonlySet<string> = new Set(['.', '!', '?']);
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'st',
  'no',
  'vs',
  'inc',
  'ltd',
  'co',
  'corp',
  'approx',
  'est',
  ...MONTH_WORDS,
]);
// Glued before a number, these leave it a number: a currency sign, an opening parenthesis or quote.
const GLUE_BEFORE_OK: ReadonlySet<string> = new Set(['(', '“', '‘', ...CURRENCY_SIGNS.keys()]);
// Straight quotes open or close; they open when nothing is glued before them.
const STRAIGHT_QUOTES: ReadonlySet<string> = new Set(['"', "'"]);
const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TENS.keys(), ...VAGUE.keys(), 'a', 'an', 'hundred', 'dozen']);

/** A count found so far, kept so a later bare number in the same sentence can reuse its noun ("2,500 troops ... some 900") or its qualifier ("at least 12 in Iraq and seven in Syria"). */
interface Counted {
  /** The last token of the number, or of its own noun when it has one. */
  readonly lastToken: number;
  readonly qualifier: Qualifier;
  readonly noun: string | null;
  readonly nounSpan: Span | null;
}

/**
 * Finds every count, amount of money and percentage in `input.text`. Counts carry their qualifier
 * ("at least 14" is at-least 14, "dozens of" at least 12) and the noun they count; years, dates, clock
 * times, ordinals, ages, addresses, model names ("F-16") and footnote markers are not counts.
 */
export function extractQuantities(input: UnderstandInput): QuantityMention[] {
  const { text } = input;
  const tokens = tokenize(text);
  const mentions: QuantityMention[] = [];
  const counted: Counted[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (token === undefined) break;
    const isCandidate = token.type === 'number' || (token.type === 'word' && startsNumber(token.lower));
    const number = isCandidate ? parseNumber(tokens, index) : null;
    if (number === null) {
      index++;
      continue;
    }
    index = read(text, tokens, number, mentions, counted);
  }
  return mentions;
}

function startsNumber(lower: string): boolean {
  if (NUMBER_WORDS.has(lower)) return true;
  // "twenty-one"; other hyphenated words ("Iran-backed") are not worth parsing.
  const dash = lower.indexOf('-');
  return dash > 0 && TENS.has(lower.slice(0, dash));
}

/** Reads the number and what surrounds it into mentions; returns the token index to go on from. */
function read(text: string, tokens: readonly Token[], number: ParsedNumber, mentions: QuantityMention[], counted: Counted[]): number {
  const after = number.last + 1;
  if (isNotACount(text, tokens, number)) return after;
  const currency = currencyBefore(tokens, number.first);
  const qualifier = currency === null ? qualifierBefore(text, tokens, number.first) : null;
  const range = readRange(tokens, number, qualifier);
  const high = range?.high ?? null;
  const end = high === null ? number : high;
  // "30 to 31 years old" is an age range.
  if (tokens[end.last + 1]?.lower === 'years' && tokens[end.last + 2]?.lower === 'old') return end.last + 1;

  const money = currency ?? currencyAfter(tokens, end.last);
  if (money !== null) {
    const suffix = moneySuffix(tokens, number.last);
    const low = { ...number, value: range?.low ?? number.value };
    const lowMention = moneyMention(text, tokens, low, money, high === null ? money.endToken : number.last, suffix);
    mentions.push(lowMention);
    if (high !== null)
      mentions.push(moneyMention(text, tokens, high, { ...money, startToken: high.first }, money.endToken, moneySuffix(tokens, high.last)));
    return Math.max(money.endToken, end.last) + 1;
  }

  const percentEnd = percentAfter(tokens, end.last);
  if (percentEnd !== null) {
    mentions.push(percentMention(text, tokens, number.first, high === null ? percentEnd : number.last, range?.low ?? number.value));
    if (high !== null) mentions.push(percentMention(text, tokens, high.first, percentEnd, high.value));
    return percentEnd + 1;
  }

  // A year is a count only when qualified and followed by what it counts ("more than 2000 people").
  const yearLike = isYearLike(tokens, number);
  const isOne = number.form === 'words' && tokens[number.first]?.lower === 'one' && number.first === number.last;
  const nounStart = number.form === 'vague' && tokens[end.last + 1]?.lower === 'of' ? end.last + 2 : end.last + 1;
  const nounTokens = findNoun(text, tokens, nounStart);
  if (yearLike && (qualifier === null || nounTokens === null)) return after;
  // "one" alone is mostly a pronoun; it counts when it has a noun ("one carrier strike group") or a qualifier.
  if (isOne && nounTokens === null && qualifier === null) return after;

  let noun: string | null = null;
  let nounSpan: Span | null = null;
  let elided = false;
  if (nounTokens !== null) {
    const first = tokens[nounTokens.first];
    const last = tokens[nounTokens.last];
    if (first !== undefined && last !== undefined) {
      nounSpan = { start: first.start, end: last.end };
      noun = text.slice(first.start, last.end);
    }
  } else if (number.form !== 'vague' && mayElideNoun(tokens, end.last + 1)) {
    const previous = counted.findLast((each) => each.noun !== null);
    if (previous !== undefined && !hasSentenceEnd(text, tokens, previous.lastToken, number.first)) {
      noun = previous.noun;
      nounSpan = previous.nounSpan;
      elided = true;
    }
  }
  const shared =
    qualifier === null && range === null && number.form !== 'vague' ? sharedQualifier(text, tokens, number.first, counted) : null;

  const start = range?.startToken ?? qualifier?.startToken ?? number.first;
  const startToken = tokens[start];
  const endToken = tokens[end.last];
  if (startToken === undefined || endToken === undefined) return after;
  const value = {
    low: range?.low ?? number.value,
    high: range !== null ? end.value : number.form === 'vague' || isOpen(qualifier?.qualifier ?? shared ?? undefined) ? null : number.value,
    qualifier: range !== null ? 'range' : number.form === 'vague' ? 'at-least' : (qualifier?.qualifier ?? shared ?? 'exact'),
    noun,
    nounSpan,
  } as const;
  mentions.push({
    kind: 'quantity',
    span: { start: startToken.start, end: endToken.end },
    text: text.slice(startToken.start, endToken.end),
    value,
    rule: elided ? 'quantity/elided-noun' : shared !== null ? 'quantity/shared-qualifier' : ruleFor(number, value.qualifier),
    confidence: elided || number.form === 'vague' ? 0.75 : isOne ? 0.7 : number.form === 'words' ? 0.9 : 0.95,
  });
  // Only a written qualifier is shared: "dozens of people and 14 children" leaves 14 exact.
  counted.push({ lastToken: nounTokens?.last ?? end.last, qualifier: qualifier?.qualifier ?? shared ?? 'exact', noun, nounSpan });
  return Math.max(end.last + 1, after);
}

function isOpen(qualifier: Qualifier | undefined): boolean {
  return qualifier === 'at-least' || qualifier === 'more-than';
}

function ruleFor(number: ParsedNumber, qualifier: Qualifier): string {
  if (number.form === 'vague') return 'quantity/vague';
  if (qualifier === 'range') return 'quantity/range';
  if (qualifier === 'exact') return number.form === 'words' ? 'quantity/number-words' : 'quantity/number';
  return `quantity/${qualifier}-n`;
}

/** Years, dates, clock times, ordinals, model names, footnotes, ages, addresses, identifiers and idioms with "one". */
function isNotACount(text: string, tokens: readonly Token[], number: ParsedNumber): boolean {
  const first = tokens[number.first];
  const last = tokens[number.last];
  if (first === undefined || last === undefined) return true;
  const previous = tokens[number.first - 1];
  const next = tokens[number.last + 1];
  const afterNext = tokens[number.last + 2];
  const gluedBefore = previous !== undefined && previous.end === first.start;
  const gluedAfter = next !== undefined && next.start === last.end;

  // Stuck to a word or a mark: "F-16", "term.68", "report[3]", "#3", "9/11", "+1".
  if (gluedBefore && !GLUE_BEFORE_OK.has(previous.text) && !isOpeningQuote(tokens, number.first - 1)) return true;
  if (gluedAfter) {
    if (next.type === 'word' && !(MONEY_SUFFIXES.has(next.lower) && currencyBefore(tokens, number.first) !== null)) return true;
    if (next.text === ']') return true;
    const gluedTwice = afterNext !== undefined && afterNext.start === next.end;
    if (gluedTwice && (next.text === ':' || next.text === '/' || next.text === '.')) return true;
    if (gluedTwice && RANGE_DASHES.has(next.text)) {
      if (afterNext.type === 'word') return true;
      // "10-6" is a score or a code, not a range: a range rises.
      if (afterNext.type === 'number' && Number(afterNext.text.replaceAll(',', '')) <= number.value) return true;
      // Three or more groups are a date, a phone number or a code ("2023-10-10", "202-555-0143").
      const third = tokens[number.last + 3];
      if (third !== undefined && third.start === afterNext.end && RANGE_DASHES.has(third.text)) return true;
    }
  }
  if (number.form === 'digits' && /^0\d/.test(first.text)) return true;
  if (isPhoneNumber(tokens, number)) return true;
  if (isDateNumber(tokens, number)) return true;
  if (next !== undefined && TIME_WORDS.has(next.lower)) return true;
  if (next !== undefined && TIME_UNITS.has(next.lower)) {
    if (afterNext?.lower === 'ago') return true;
    if (previous !== undefined && PERIOD_BEFORE.has(previous.lower)) return true;
  }
  if (isAge(tokens, number)) return true;
  if (isAddress(tokens, number.last)) return true;
  if (number.form === 'digits' && isIdentifier(tokens, number.first)) return true;
  // "Air Force One", "Channel Four": a capitalised number word after a capitalised word is a name
  // (not in a headline set in capitals: "LEADS TO FOUR FATALITIES").
  if (
    number.form !== 'digits' &&
    isCapitalised(first) &&
    first.text !== first.text.toUpperCase() &&
    previous?.type === 'word' &&
    isCapitalised(previous) &&
    !hasSentenceEnd(text, tokens, number.first - 2, number.first)
  ) {
    return true;
  }
  if (number.form === 'words' && first.lower === 'one' && number.first === number.last) {
    if (previous !== undefined && ONE_PRONOUN_BEFORE.has(previous.lower)) return true;
    if (next === undefined || ONE_IDIOM_AFTER.has(next.lower)) return true;
  }
  return false;
}

/** Phone numbers and codes: "(202) 555-0143", "(274637)", "555-0143". */
function isPhoneNumber(tokens: readonly Token[], number: ParsedNumber): boolean {
  if (number.form !== 'digits' || number.first !== number.last) return false;
  const previous = tokens[number.first - 1];
  const next = tokens[number.last + 1];
  const afterNext = tokens[number.last + 2];
  // "(202) 555-0143", and a bare number in parentheses ("call CRIMES (274637)").
  if (previous?.text === '(' && next?.text === ')') return true;
  return (
    /^\d{3}$/.test(tokens[number.first]?.text ?? '') &&
    next !== undefined &&
    RANGE_DASHES.has(next.text) &&
    afterNext !== undefined &&
    afterNext.start === next.end &&
    /^\d{4}$/.test(afterNext.text)
  );
}

function isOpeningQuote(tokens: readonly Token[], index: number): boolean {
  const quote = tokens[index];
  const before = tokens[index - 1];
  return quote !== undefined && STRAIGHT_QUOTES.has(quote.text) && (before === undefined || before.end < quote.start);
}

function isCapitalised(token: Token): boolean {
  const first = token.text[0] ?? '';
  return first !== first.toLowerCase();
}

function isMonth(token: Token | undefined): boolean {
  return token !== undefined && token.type === 'word' && isCapitalised(token) && MONTH_WORDS.has(token.lower);
}

/** A month name at `index`, or its abbreviation and dot ending there ("Oct."). */
function isMonthEndingAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token?.text === '.') return isMonth(tokens[index - 1]);
  return isMonth(token);
}

/** "Oct. 17", "17 October", "Oct. 17-30", "17 and 30 October", "October 2023". */
function isDateNumber(tokens: readonly Token[], number: ParsedNumber): boolean {
  if (number.form !== 'digits' || number.scale !== 1) return false;
  const { first, last } = number;
  if (isMonthEndingAt(tokens, first - 1)) return true;
  const next = tokens[last + 1];
  if (isMonth(next)) return true;
  if (next?.lower === 'of' && isMonth(tokens[last + 2])) return true;
  if (next !== undefined && DATE_JOINERS.has(next.lower) && tokens[last + 2]?.type === 'number' && isMonth(tokens[last + 3])) {
    return true;
  }
  const previous = tokens[first - 1];
  return (
    previous !== undefined && DATE_JOINERS.has(previous.lower) && tokens[first - 2]?.type === 'number' && isMonthEndingAt(tokens, first - 3)
  );
}

function isYearLike(tokens: readonly Token[], number: ParsedNumber): boolean {
  const text = tokens[number.first]?.text ?? '';
  return number.form === 'digits' && number.scale === 1 && /^\d{4}$/.test(text) && number.value >= 1800 && number.value <= 2100;
}

/** "a 23-year-old" is caught as a hyphen compound; this reads "23 years old", "aged 23", "ages 19 and 24", "Jane Doe, 23," and "then 18,". */
function isAge(tokens: readonly Token[], number: ParsedNumber): boolean {
  const previous = tokens[number.first - 1];
  const next = tokens[number.last + 1];
  if (previous !== undefined && AGE_BEFORE.has(previous.lower)) return true;
  if ((next?.lower === 'years' || next?.lower === 'year') && tokens[number.last + 2]?.lower === 'old') return true;
  if (number.form !== 'digits' || number.value >= 120) return false;
  const beforePrevious = tokens[number.first - 2];
  if (
    previous !== undefined &&
    DATE_JOINERS.has(previous.lower) &&
    beforePrevious?.type === 'number' &&
    AGE_BEFORE.has(tokens[number.first - 3]?.lower ?? '')
  ) {
    return true;
  }
  const closes = next?.text === ',' || next?.text === '.' || next?.text === ')';
  if (previous?.lower === 'then' && next?.text === ',') return true;
  return (
    previous?.text === ',' &&
    closes &&
    beforePrevious?.type === 'word' &&
    isCapitalised(beforePrevious) &&
    !MONTH_WORDS.has(beforePrevious.lower)
  );
}

/** "the 1200 block of Main Street", "123 Main St.", "804 N. Broadway", "OK 74953". */
function isAddress(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  if (next?.lower === 'block' && tokens[last + 2]?.lower === 'of') return true;
  if (next !== undefined && COMPASS_POINTS.has(next.text)) return true;
  const number = tokens[last];
  const previous = tokens[last - 1];
  if (number !== undefined && /^\d{5}$/.test(number.text) && previous !== undefined && /^[A-Z]{2}$/.test(previous.text)) return true;
  for (let offset = 1; offset <= 3; offset++) {
    const word = tokens[last + offset];
    if (word === undefined || word.type !== 'word' || !isCapitalised(word)) return false;
    const suffix = tokens[last + offset + 1];
    if (offset > 1 && STREET_WORDS.has(word.lower)) return true;
    if (suffix !== undefined && suffix.type === 'word' && isCapitalised(suffix) && STREET_WORDS.has(suffix.lower)) return true;
  }
  return false;
}

/** "Resolution 2334", "Flight 17", "No. 3", and station names in capitals ("ABC 27", "FOX 28"). */
function isIdentifier(tokens: readonly Token[], first: number): boolean {
  let previous = tokens[first - 1];
  if (previous === undefined || previous.type !== 'word') {
    if (previous?.text !== '.') return false;
    previous = tokens[first - 2];
  }
  if (previous === undefined || previous.type !== 'word') return false;
  // A station's call letters, not a headline in capitals ("POLICE SAY 3 KILLED").
  const next = tokens[first + 1];
  const isHeadline = next !== undefined && next.type === 'word' && next.text === next.text.toUpperCase();
  if (/^[A-Z]{2,5}$/.test(previous.text) && !CURRENCY_CODES.has(previous.text) && !isHeadline) return true;
  return isCapitalised(previous) && IDENTIFIER_WORDS.has(previous.lower);
}

interface FoundQualifier {
  readonly qualifier: Qualifier;
  readonly startToken: number;
}

/** The qualifier words just before a number ("at least", "some", "upwards of"), longest match first. */
function qualifierBefore(text: string, tokens: readonly Token[], first: number): FoundQualifier | null {
  for (const [words, qualifier] of QUALIFIER_WORDS) {
    const start = first - words.length;
    if (start < 0) continue;
    let matches = true;
    for (let offset = 0; offset < words.length && matches; offset++) {
      const token = tokens[start + offset];
      const following = tokens[start + offset + 1];
      matches =
        token !== undefined &&
        following !== undefined &&
        token.lower === words[offset] &&
        /^ +$/.test(text.slice(token.end, following.start));
    }
    if (matches) return { qualifier, startToken: start };
  }
  return null;
}

interface FoundRange {
  readonly low: number;
  readonly high: ParsedNumber;
  /** The token the range's text starts at: "between" when it opens the range, else the first number. */
  readonly startToken: number;
}

/** "between 10 and 15", "10 to 15", "10-15", "two or three"; the scale of the second applies to the first ("1 to 2 million"). */
function readRange(tokens: readonly Token[], number: ParsedNumber, qualifier: FoundQualifier | null): FoundRange | null {
  if (number.form === 'vague') return null;
  const joiner = tokens[number.last + 1];
  if (joiner === undefined) return null;
  const before = tokens[number.first - 1];
  const isBetween = before?.lower === 'between' && joiner.lower === 'and';
  if (!(isBetween || RANGE_DASHES.has(joiner.text) || RANGE_WORDS.has(joiner.lower))) return null;
  if (before?.lower === 'from' && CHANGE_VERBS.has(tokens[number.first - 2]?.lower ?? '')) return null;
  if (qualifier !== null && qualifier.qualifier !== 'about') return null;
  const high = parseNumber(tokens, number.last + 2);
  if (high === null || high.form === 'vague' || high.form !== number.form) return null;
  if (isYearLike(tokens, number) || isYearLike(tokens, high)) return null;
  let low = number.value;
  if (high.scale > 1 && number.scale === 1 && low * high.scale < high.value) low *= high.scale;
  if (low >= high.value) return null;
  return { low, high, startToken: isBetween ? number.first - 1 : (qualifier?.startToken ?? number.first) };
}

interface FoundCurrency {
  readonly currency: string;
  readonly startToken: number;
  readonly endToken: number;
}

/** "$", "US$", "€", "USD" before the amount. */
function currencyBefore(tokens: readonly Token[], first: number): FoundCurrency | null {
  const previous = tokens[first - 1];
  const number = tokens[first];
  if (previous === undefined || number === undefined) return null;
  const sign = CURRENCY_SIGNS.get(previous.text);
  if (sign !== undefined && previous.end === number.start) {
    const letters = tokens[first - 2];
    const named =
      letters !== undefined && letters.end === previous.start && previous.text === '$' ? DOLLAR_PREFIXES.get(letters.lower) : undefined;
    if (named !== undefined) return { currency: named, startToken: first - 2, endToken: first };
    return { currency: sign, startToken: first - 1, endToken: first };
  }
  if (previous.type === 'word' && CURRENCY_CODES.has(previous.text))
    return { currency: previous.text, startToken: first - 1, endToken: first };
  return null;
}

/** "dollars", "U.S. dollars", "euros", "USD" after the amount. */
function currencyAfter(tokens: readonly Token[], last: number): FoundCurrency | null {
  let index = last + 1;
  const next = tokens[index];
  if (next === undefined) return null;
  if (next.type === 'word' && CURRENCY_CODES.has(next.text)) return { currency: next.text, startToken: last, endToken: index };
  if (next.lower === 'u.s.' || next.lower === 'us' || next.lower === 'american') index++;
  const word = tokens[index];
  const currency = word === undefined ? undefined : CURRENCY_WORDS.get(word.lower);
  if (currency === undefined) return null;
  if (index > last + 1 && currency !== 'USD') return null;
  return { currency, startToken: last, endToken: index };
}

/** The glued scale of "$3bn". */
function moneySuffix(tokens: readonly Token[], last: number): { scale: number; token: number } | null {
  const next = tokens[last + 1];
  const number = tokens[last];
  if (next === undefined || number === undefined || next.start !== number.end) return null;
  const scale = MONEY_SUFFIXES.get(next.lower);
  return scale === undefined ? null : { scale, token: last + 1 };
}

function moneyMention(
  text: string,
  tokens: readonly Token[],
  number: ParsedNumber,
  currency: FoundCurrency,
  endToken: number,
  suffix: { scale: number; token: number } | null,
): MentionOf<'money'> {
  const startToken = Math.min(currency.startToken, number.first);
  const lastToken = Math.max(endToken, number.last, suffix?.token ?? -1);
  const start = tokens[startToken]?.start ?? 0;
  const end = tokens[lastToken]?.end ?? start;
  const amount = Math.round(number.value * (suffix?.scale ?? 1) * 100) / 100;
  return {
    kind: 'money',
    span: { start, end },
    text: text.slice(start, end),
    value: { amount, currency: currency.currency },
    rule: 'money/amount',
    confidence: 0.9,
  };
}

/** "%", "percent", "per cent", "pct", "percentage points" after the number: the index of its last token. */
function percentAfter(tokens: readonly Token[], last: number): number | null {
  const next = tokens[last + 1];
  if (next === undefined) return null;
  if (next.text === '%' || next.lower === 'percent' || next.lower === 'pct') return last + 1;
  const following = tokens[last + 2]?.lower;
  if (next.lower === 'per' && following === 'cent') return last + 2;
  if (next.lower === 'percentage' && (following === 'points' || following === 'point')) return last + 2;
  return null;
}

function percentMention(
  text: string,
  tokens: readonly Token[],
  firstToken: number,
  lastToken: number,
  percent: number,
): MentionOf<'percent'> {
  const start = tokens[firstToken]?.start ?? 0;
  const end = tokens[lastToken]?.end ?? start;
  return { kind: 'percent', span: { start, end }, text: text.slice(start, end), value: { percent }, rule: 'percent/n', confidence: 0.9 };
}

// Marks that may follow a number whose noun was left out ("900, while", "900."), unlike "-" or "(".
const ELISION_MARKS: ReadonlySet<string> = new Set([',', '.', ';', ':', ')', '!', '?', '—', '–']);
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'on', 'at', 'near', 'across', 'inside', 'around', 'against']);
const SHARED_GAP = 6;

/**
 * "at least 12 times in Iraq, and seven times in Syria": a bare number joined by "and"
 * to a qualified count, with at most a place phrase between, shares its qualifier. A verb between
 * ("killed more than 40 people and seized 12") keeps them apart.
 */
function sharedQualifier(text: string, tokens: readonly Token[], first: number, counted: readonly Counted[]): Qualifier | null {
  const previous = counted[counted.length - 1];
  if (previous === undefined || previous.qualifier === 'exact') return null;
  // Only "and" joins them: in a list ("at least 14 raids, 23 attacks") the qualifier stays with its number.
  let index = first - 1;
  if (tokens[index]?.lower !== 'and') return null;
  index--;
  if (tokens[index]?.text === ',') index--;
  const gap = index - previous.lastToken;
  if (gap < 0 || gap > SHARED_GAP || hasSentenceEnd(text, tokens, previous.lastToken, first)) return null;
  if (gap === 0) return previous.qualifier;
  const preposition = tokens[previous.lastToken + 1];
  if (preposition === undefined || !PLACE_PREPOSITIONS.has(preposition.lower)) return null;
  for (let position = previous.lastToken + 2; position <= index; position++) {
    const token = tokens[position];
    if (token === undefined) return null;
    const isPlaceWord = token.type === 'word' && (isCapitalised(token) || token.lower === 'the' || token.lower === 'of');
    if (!isPlaceWord && token.text !== '-') return null;
  }
  return previous.qualifier;
}

/** A bare number reuses a noun only when nothing that could be its own noun follows ("some 900 in Syria", "900 were"). */
function mayElideNoun(tokens: readonly Token[], index: number): boolean {
  const next = tokens[index];
  if (next === undefined) return true;
  if (next.type === 'punct') return ELISION_MARKS.has(next.text);
  if (next.lower === 'of' || next.type === 'number') return false;
  return NOUN_STOPS.has(next.lower) || (next.lower.length > 4 && next.lower.endsWith('ed'));
}

/** A sentence ends between tokens `from` and `to` (exclusive): a full stop that is not an abbreviation's, or a line break. */
function hasSentenceEnd(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  const left = tokens[Math.max(0, from)];
  const right = tokens[to];
  if (left === undefined || right === undefined) return false;
  if (text.slice(left.end, right.start).includes('\n')) return true;
  for (let index = Math.max(0, from) + 1; index < to; index++) {
    const token = tokens[index];
    if (token === undefined || !SENTENCE_ENDS.has(token.text)) continue;
    const before = tokens[index - 1];
    if (token.text === '.' && before !== undefined && ABBREVIATIONS.has(before.lower)) continue;
    return true;
  }
  return false;
}
