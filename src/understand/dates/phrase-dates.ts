/** @module Date phrases sitrep reads with its own patterns: relative periods ("last week", "earlier this month", "three weeks ago"), weekends, years and decades. */

import { calendarDate, dayNumber, daysInMonth, mondayOf, weekday } from '../../model/day-number.ts';
import type { DatePrecision } from '../../model/interval.ts';
import type { DateCandidate } from './date-candidate.ts';
import { isFutureTense } from './future-tense.ts';
import { type PeriodPart, partOfMonth, partOfYear, periodPart } from './period-part.ts';

type Unit = 'hour' | 'day' | 'week' | 'month' | 'year';

const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
};
const COUNT = String.raw`(\d{1,3}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const YEAR = String.raw`((?:1[89]|20)\d{2})`;

// Rolling windows that end on the reference day: "the past two weeks", "over the last 24 hours"
// ("the previous month" is the calendar month before, read by PERIOD).
const PAST_N = new RegExp(String.raw`\bthe\s+(?:past|last)\s+(?:${COUNT}\s+)?(hours?|days?|weeks?|months?|years?)\b`, 'gi');
const AGO = new RegExp(String.raw`\b${COUNT}\s+(days?|weeks?|months?|years?)\s+ago\b`, 'gi');
// Patterns start at their fixed words; optional words before them are read from the text behind
// (a pattern that starts with an optional group is tried at every offset, and cost most of the time).
const WEEKEND = /\b(the|this|last|next)(?:\s+(past|coming|previous))?\s+weekend\b/gi;
const WEEKEND_LEAD = /\b(?:over|during|at|on|through|throughout)\s+$/i;
// Calendar periods around the reference: "last week", "earlier this month", "late last year".
const PERIOD = /\b(this|last|next|previous|coming)\s+(week|month|year)\b/gi;
const PERIOD_LEAD = /(?:\b(earlier|later)\s+)?(?:\b(early|mid|late)[-\s]+)?$/i;
const DAY_WORD = /\b(today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b/gi;
const YEAR_RANGE = new RegExp(
  String.raw`\b${YEAR}\s*(-|–|—|\bto\b|\band\b|\buntil\b|\bthrough\b)\s*((?:1[89]|20)\d{2}|\d{2})\b(?![-/.]\d)`,
  'g',
);
const RANGE_LEAD = /\b(from|between)\s+$/i;
const BARE_YEAR = /\b((?:1[89]|20)\d{2})\b(?![-/.]\d|,\d{3})/g;
// A bare year counts as a date only after a word that takes a time ("in 2023", "since 2014", "mid-2023")
// or after another year ("in 2022 and 2023").
const YEAR_LEAD =
  /\b(in|during|since|until|till|through|throughout|from|for|early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of|(?:1[89]|20)\d{2},?\s+(?:and|or))[\s-]+$/i;
const DECADE = /\b((?:1[89]|20)\d)0s\b/g;
const PART_LEAD = /\b(early|mid|late)[-\s]+$/i;
const YEAR_DIGITS = /(?:1[89]|20)\d\d/;
const LOOK_BACK = 32;

/** Every phrase date in `text`; relative ones only when `reference` (a day number) is known. */
export function findPhraseDates(text: string, reference: number | null): DateCandidate[] {
  const found: DateCandidate[] = [];
  // Longer, more specific patterns first: a later match overlapping an earlier one is dropped.
  // A pattern runs only where its key word occurs: most reports have no "ago" and no "weekend".
  const lower = text.toLowerCase();
  if (reference !== null) {
    if (/past|last/.test(lower)) collect(found, text, PAST_N, (match) => pastN(match, reference));
    if (lower.includes(' ago')) collect(found, text, AGO, (match) => ago(match, reference));
    if (lower.includes('weekend')) collect(found, text, WEEKEND, (match) => weekend(match, text, reference));
    if (/week|month|year/.test(lower)) collect(found, text, PERIOD, (match) => period(match, text, reference));
    collect(found, text, DAY_WORD, (match) => dayWord(match, reference));
  }
  if (YEAR_DIGITS.test(text)) {
    collect(found, text, YEAR_RANGE, (match) => yearRange(match, text));
    collect(found, text, BARE_YEAR, (match) => yearAfterWord(match, text));
    collect(found, text, DECADE, (match) => decade(match, text));
  }
  return found;
}

function collect(found: DateCandidate[], text: string, pattern: RegExp, read: (match: RegExpExecArray) => DateCandidate | null): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const candidate = read(match);
    if (candidate === null) continue;
    if (found.some((other) => other.start < candidate.end && candidate.start < other.end)) continue;
    found.push(candidate);
  }
}

function candidate(
  start: number,
  end: number,
  [firstDay, lastDay]: readonly [number, number],
  precision: DatePrecision,
  rule: string,
  confidence: number,
): DateCandidate {
  return { start, end, firstDay, lastDay, precision, rule, confidence };
}

function count(word: string | undefined): number | null {
  if (word === undefined) return 1;
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  const value = /^\d+$/.test(lower) ? Number(lower) : COUNTS[lower];
  return value === undefined || value < 1 ? null : value;
}

function unitOf(word: string): Unit {
  return word.toLowerCase().replace(/s$/, '') as Unit;
}

/** The day `n` months after `day` (negative for before), keeping the day of month where the month has it. */
function addMonths(day: number, months: number): number {
  const { year, month, day: dayOfMonth } = calendarDate(day);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  return dayNumber(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

function shift(day: number, unit: Unit, n: number): number {
  if (unit === 'hour') return day + Math.ceil(n / 24);
  if (unit === 'day') return day + n;
  if (unit === 'week') return day + 7 * n;
  if (unit === 'month') return addMonths(day, n);
  return addMonths(day, 12 * n);
}

function precisionOf(unit: Unit): DatePrecision {
  return unit === 'hour' ? 'day' : unit;
}

function pastN(match: RegExpExecArray, reference: number): DateCandidate | null {
  const n = count(match[1]);
  const unitWord = match[2] ?? '';
  // "the past week" is one week; "the past weeks" without a number is too vague to bound.
  if (n === null || (match[1] === undefined && /s$/i.test(unitWord))) return null;
  const unit = unitOf(unitWord);
  const interval: [number, number] = [shift(reference, unit, -n), reference];
  return candidate(match.index, match.index + match[0].length, interval, precisionOf(unit), 'date/relative', 0.8);
}

function ago(match: RegExpExecArray, reference: number): DateCandidate | null {
  const n = count(match[1]);
  if (n === null) return null;
  const unit = unitOf(match[2] ?? '');
  const day = shift(reference, unit, -n);
  const { year, month } = calendarDate(day);
  // "three weeks ago" names a week, not the day exactly 21 days back.
  const interval: [number, number] =
    unit === 'day'
      ? [day, day]
      : unit === 'week'
        ? [mondayOf(day), mondayOf(day) + 6]
        : unit === 'month'
          ? [dayNumber(year, month, 1), dayNumber(year, month, daysInMonth(year, month))]
          : [dayNumber(year, 1, 1), dayNumber(year, 12, 31)];
  return candidate(match.index, match.index + match[0].length, interval, precisionOf(unit), 'date/relative', 0.8);
}

function lookBack(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - LOOK_BACK), offset);
}

function weekend(match: RegExpExecArray, text: string, reference: number): DateCandidate {
  const lead = WEEKEND_LEAD.exec(lookBack(text, match.index));
  const start = lead === null ? match.index : match.index - lead[0].length;
  const which = (match[1] ?? '').toLowerCase();
  const modifier = (match[2] ?? '').toLowerCase();
  const sinceSaturday = (weekday(reference) + 1) % 7;
  // The Saturday of the weekend that contains the reference day or last ended before it.
  const recent = reference - sinceSaturday;
  let saturday = recent;
  if (which === 'next' || modifier === 'coming') saturday = recent + 7;
  else if (which === 'last' || modifier === 'past' || modifier === 'previous') {
    saturday = recent + 1 < reference ? recent : recent - 7;
  } else if (isFutureTense(text, match.index) && recent + 1 < reference) saturday = recent + 7;
  return candidate(start, match.index + match[0].length, [saturday, saturday + 1], 'week', 'date/weekend', 0.8);
}

function period(match: RegExpExecArray, text: string, reference: number): DateCandidate {
  const lead = PERIOD_LEAD.exec(lookBack(text, match.index));
  const side = lead?.[1]?.toLowerCase();
  const part = lead?.[2] === undefined ? null : periodPart(lead[2]);
  const which = (match[1] ?? '').toLowerCase();
  const unit = (match[2] ?? '').toLowerCase() as 'week' | 'month' | 'year';
  const offset = which === 'last' || which === 'previous' ? -1 : which === 'next' || which === 'coming' ? 1 : 0;
  const start = side === undefined && part === null ? match.index : match.index - (lead?.[0].length ?? 0);
  const end = match.index + match[0].length;
  if (unit === 'week') {
    const monday = mondayOf(reference) + 7 * offset;
    const interval = bounded([monday, monday + 6], offset === 0 ? side : undefined, reference);
    return candidate(start, end, interval, 'week', offset === -1 ? 'date/last-week' : 'date/week', 0.85);
  }
  const { year, month } = calendarDate(reference);
  if (unit === 'month') {
    const { year: y, month: m } = calendarDate(addMonths(dayNumber(year, month, 1), offset));
    if (part !== null) return candidate(start, end, partOfMonth(y, m, part), 'week', 'date/relative', 0.8);
    const whole: [number, number] = [dayNumber(y, m, 1), dayNumber(y, m, daysInMonth(y, m))];
    return candidate(start, end, bounded(whole, offset === 0 ? side : undefined, reference), 'month', 'date/relative', 0.85);
  }
  const y = year + offset;
  if (part !== null) return candidate(start, end, partOfYear(y, part), 'month', 'date/relative', 0.8);
  const whole: [number, number] = [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
  return candidate(start, end, bounded(whole, offset === 0 ? side : undefined, reference), 'year', 'date/relative', 0.85);
}

/** "earlier this month" runs from the first to the reference day, "later this month" from it to the last. */
function bounded(interval: [number, number], side: string | undefined, reference: number): [number, number] {
  if (side === 'earlier') return [interval[0], Math.max(interval[0], reference)];
  if (side === 'later') return [Math.min(interval[1], reference), interval[1]];
  return interval;
}

function dayWord(match: RegExpExecArray, reference: number): DateCandidate {
  const word = (match[1] ?? '').toLowerCase();
  const day = word === 'yesterday' || word.startsWith('last') ? reference - 1 : word === 'tomorrow' ? reference + 1 : reference;
  return candidate(match.index, match.index + match[0].length, [day, day], 'day', 'date/relative', 0.85);
}

function yearRange(match: RegExpExecArray, text: string): DateCandidate | null {
  const leadMatch = RANGE_LEAD.exec(lookBack(text, match.index));
  const lead = leadMatch?.[1]?.toLowerCase();
  const first = Number(match[1]);
  const joiner = (match[2] ?? '').toLowerCase();
  const secondText = match[3] ?? '';
  const isDash = joiner === '-' || joiner === '–' || joiner === '—';
  if (secondText.length === 2 && !isDash) return null;
  if (joiner === 'and' && lead !== 'between') return null;
  const second = secondText.length === 2 ? Math.floor(first / 100) * 100 + Number(secondText) : Number(secondText);
  if (second <= first) return null;
  return candidate(
    match.index - (leadMatch?.[0].length ?? 0),
    match.index + match[0].length,
    [dayNumber(first, 1, 1), dayNumber(second, 12, 31)],
    'year',
    'date/range',
    0.85,
  );
}

function yearAfterWord(match: RegExpExecArray, text: string): DateCandidate | null {
  const lead = YEAR_LEAD.exec(lookBack(text, match.index));
  if (lead === null) return null;
  const year = Number(match[1]);
  const end = match.index + match[0].length;
  const part = periodPart(
    (lead[1] ?? '')
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/\s+of$/, ''),
  );
  if (part !== null) return candidate(match.index - lead[0].length, end, partOfYear(year, part), 'month', 'date/year', 0.85);
  // The preposition is context, not part of the date ("since" is read again by the caller).
  return candidate(match.index, end, [dayNumber(year, 1, 1), dayNumber(year, 12, 31)], 'year', 'date/year', 0.85);
}

function decade(match: RegExpExecArray, text: string): DateCandidate {
  const lead = PART_LEAD.exec(lookBack(text, match.index));
  const part: PeriodPart | null = lead?.[1] === undefined ? null : periodPart(lead[1]);
  const first = Number(match[1]) * 10;
  const [from, to] = part === 'early' ? [0, 3] : part === 'mid' ? [4, 6] : part === 'late' ? [7, 9] : [0, 9];
  return candidate(
    match.index - (lead?.[0].length ?? 0),
    match.index + match[0].length,
    [dayNumber(first + from, 1, 1), dayNumber(first + to, 12, 31)],
    'year',
    'date/decade',
    0.8,
  );
}
