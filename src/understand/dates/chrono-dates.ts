/** @module Dates with month names and numeric dates, found by chrono-node and resolved by sitrep against the reference day. */

import type { ParsedComponents, ParsedResult } from 'chrono-node';
import * as chrono from 'chrono-node';
import { calendarDate, dayNumber, daysInMonth } from '../../model/day-number.ts';
import type { DateCandidate } from './date-candidate.ts';
import { isFutureTense } from './future-tense.ts';
import { partOfMonth, periodPart } from './period-part.ts';

// Only the parsers for written dates: sitrep reads relative phrases itself (phrase-dates.ts), and the
// time and casual parsers cost most of chrono's time while finding clock times a report never needs.
const WANTED_PARSERS = [
  'ENYearMonthDayParser',
  'ISOFormatParser',
  'SlashDateFormatParser',
  'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser',
  'ENWeekdayParser',
  'ENYearMonthNameParser',
  'ENMonthNameParser',
];

// "the end of October" is the last third of the month to sitrep (period-part.ts), not chrono's October 31.
const UNWANTED_REFINERS = ['ENEndOfPeriodRefiner'];

function createParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers = parser.parsers.filter((each) => WANTED_PARSERS.includes(each.constructor.name));
  parser.refiners = parser.refiners.filter((each) => !UNWANTED_REFINERS.includes(each.constructor.name));
  if (parser.parsers.length !== WANTED_PARSERS.length) {
    throw new Error(
      `chrono-node no longer has the parsers ${WANTED_PARSERS.join(', ')}; update WANTED_PARSERS in chrono-dates.ts to match the installed version.`,
    );
  }
  return parser;
}

const PARSER = createParser();

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'];
const NAMES = [...MONTHS, ...MONTH_ABBREVIATIONS];

// chrono runs only on windows around these: a capitalised month name ("march" and "may" in lower case
// are verbs), an ISO date or a slashed date with a year. Weekdays alone are read by weekday-dates.ts;
// one just before a month ("Monday, Oct. 30") falls inside the window and chrono merges it.
const TRIGGER = new RegExp(
  String.raw`\b(?:${[...NAMES, ...NAMES.map((name) => name.toUpperCase())].join('|')})\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b`,
  'g',
);
// Enough for "Monday, 30 October" before the month and "17, 2023 through 30" after it; a range's
// second month is a trigger of its own, and overlapping windows merge.
const WINDOW_BEFORE = 16;
const WINDOW_AFTER = 24;

const MONTH_WORD =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(\.?)/i;
const LEADING_FILLER = /^(?:on|at|in)\s+/i;
const TRAILING_FILLER = /[\s,;:—–-]+$/;
// A month alone is a date only after a word that takes a time: "in October", "from September", "mid-".
const MONTH_LEAD =
  /\b(?:in|since|by|during|until|till|through|throughout|from|for|of|early|mid|late|last|next|this|before|after|between|and|to|or|around)[\s-]+$/i;
const PART_LEAD = /(?:\b(early|mid|late)[-\s]+|\b(?:the\s+)?(end|beginning|start|middle)\s+of\s+)$/i;
const BETWEEN_LEAD = /\bbetween\s+$/i;

/** A one- or two-digit number after a date and a comma: chrono reads it as the year; it is a count. */
const COUNT_AFTER_DATE = /,\s*'?(\d{1,2})$/;

/** What a date expression states, leaving out what chrono implied from its reference. */
interface Stated {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

/** A chrono result reduced to its span in the whole text and what it states. */
interface Found {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly from: Stated;
  readonly to: Stated | null;
}

/** Every written date in `text` resolved against `reference` (a day number); without one, only dates that state their year. */
export function findChronoDates(text: string, reference: number | null): DateCandidate[] {
  const found = mergeBetween(text, parseWindows(text));
  const candidates: DateCandidate[] = [];
  for (const each of found) {
    const candidate = resolve(text, each, reference);
    if (candidate !== null) candidates.push(candidate);
  }
  return candidates;
}

function parseWindows(text: string): Found[] {
  const windows: Array<[number, number]> = [];
  TRIGGER.lastIndex = 0;
  for (let match = TRIGGER.exec(text); match !== null; match = TRIGGER.exec(text)) {
    const start = snapStart(text, Math.max(0, match.index - WINDOW_BEFORE), match.index);
    const end = snapEnd(text, Math.min(text.length, match.index + match[0].length + WINDOW_AFTER), match.index);
    const last = windows[windows.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  // Any fixed instant will do: sitrep keeps only the components a text states and infers missing
  // years itself, so neither chrono's reference nor the machine's time zone can move a date.
  const instant = new Date(2000, 0, 1, 12);
  const found: Found[] = [];
  for (const [start, end] of windows) {
    for (const result of PARSER.parse(text.slice(start, end), instant)) {
      const each = toFound(result, start);
      if (each !== null) found.push(each);
    }
  }
  return found;
}

/** Back to the start of a word (or line), so chrono never sees half a number ("1 October" from "21 October"). */
function snapStart(text: string, from: number, trigger: number): number {
  const lineStart = text.lastIndexOf('\n', trigger - 1) + 1;
  let start = Math.max(from, lineStart);
  while (start > lineStart && !/\s/.test(text[start - 1] ?? ' ')) start--;
  return start;
}

function snapEnd(text: string, to: number, trigger: number): number {
  const lineEnd = text.indexOf('\n', trigger);
  let end = lineEnd === -1 ? to : Math.min(to, lineEnd);
  const limit = lineEnd === -1 ? text.length : lineEnd;
  while (end < limit && !/\s/.test(text[end] ?? ' ')) end++;
  return end;
}

function stated(components: ParsedComponents): Stated {
  const pick = (component: 'year' | 'month' | 'day'): number | null => (components.isCertain(component) ? components.get(component) : null);
  return { year: pick('year'), month: pick('month'), day: pick('day') };
}

function toFound(result: ParsedResult, offset: number): Found | null {
  let start = offset + result.index;
  let body = result.text;
  const lead = LEADING_FILLER.exec(body);
  if (lead !== null) {
    start += lead[0].length;
    body = body.slice(lead[0].length);
  }
  body = body.replace(TRAILING_FILLER, '');
  if (body.length === 0) return null;
  let from = stated(result.start);
  // chrono leaves `end` null, not undefined, on a single date.
  let to = result.end ? stated(result.end) : null;
  // "Oct. 24, 13 attacks": a count after a date is never a two-digit year; the date ends before it.
  const count = COUNT_AFTER_DATE.exec(body);
  if (count !== null) {
    const digits = Number(count[1]);
    const misread = new Set([digits, 2000 + digits, 1900 + digits]);
    body = body.slice(0, count.index);
    if (from.year !== null && misread.has(from.year)) from = { ...from, year: null };
    if (to?.year != null && misread.has(to.year)) to = { ...to, year: null };
  }
  return { start, end: start + body.length, text: body, from, to };
}

/** "between October 17 and October 30": chrono gives two dates; sitrep reads one range. */
function mergeBetween(text: string, found: Found[]): Found[] {
  const merged: Found[] = [];
  for (let i = 0; i < found.length; i++) {
    const first = found[i];
    const second = found[i + 1];
    if (first === undefined) continue;
    const lead = BETWEEN_LEAD.exec(text.slice(Math.max(0, first.start - 12), first.start));
    if (
      second !== undefined &&
      lead !== null &&
      first.to === null &&
      second.to === null &&
      /^\s+and\s+$/i.test(text.slice(first.end, second.start))
    ) {
      const start = first.start - lead[0].length;
      merged.push({
        start,
        end: second.end,
        text: text.slice(start, second.end),
        from: first.from,
        to: second.from,
      });
      i++;
    } else merged.push(first);
  }
  return merged;
}

function resolve(text: string, found: Found, reference: number | null): DateCandidate | null {
  const { from, to } = found;
  // A clock time or a weekday alone states no month: weekday-dates.ts reads weekdays.
  if (from.month === null) return null;
  if (!isWrittenDate(text, found)) return null;
  const future = reference !== null && isFutureTense(text, found.start);
  if (to !== null && to.month !== null) return rangeDate(found, from, to, reference, future);
  const year = from.year ?? (reference === null ? null : inferYear(from.month, from.day, reference, future));
  if (year === null) return null;
  if (from.day !== null) {
    const day = dayNumber(year, from.month, from.day);
    return {
      ...span(found),
      firstDay: day,
      lastDay: day,
      precision: 'day',
      rule: 'date/explicit',
      confidence: from.year === null ? 0.9 : 0.95,
    };
  }
  const part = PART_LEAD.exec(text.slice(Math.max(0, found.start - 20), found.start));
  const partName = part === null ? null : periodPart(part[1] ?? part[2] ?? '');
  if (part !== null && partName !== null) {
    const [firstDay, lastDay] = partOfMonth(year, from.month, partName);
    return {
      start: found.start - part[0].length,
      end: found.end,
      firstDay,
      lastDay,
      precision: 'week',
      rule: 'date/month',
      confidence: 0.8,
    };
  }
  return {
    ...span(found),
    firstDay: dayNumber(year, from.month, 1),
    lastDay: dayNumber(year, from.month, daysInMonth(year, from.month)),
    precision: 'month',
    rule: 'date/month',
    confidence: 0.85,
  };
}

function span(found: Found): { start: number; end: number } {
  return { start: found.start, end: found.end };
}

/** Rejects what chrono reads as a date but a report does not mean as one. */
function isWrittenDate(text: string, found: Found): boolean {
  const month = MONTH_WORD.exec(found.text);
  if (month === null) {
    // Numbers alone ("9/11", "10/26") are dates only with their year.
    return found.from.year !== null;
  }
  const word = month[1] ?? '';
  if (word[0] !== word[0]?.toUpperCase()) return false;
  if (NAMED_AFTER_DATE.test(text.slice(found.end, found.end + 30))) return false;
  if (found.from.day !== null || found.from.year !== null || (found.to !== null && found.to.year !== null)) return true;
  // A month alone: not an abbreviation without its dot ("Jan" is a name), and after a word that takes a time.
  if (word.length === 3 && month[2] === '' && word.toLowerCase() !== 'may') return false;
  return MONTH_LEAD.test(text.slice(Math.max(0, found.start - 24), found.start));
}

// "the March 23 Movement (M23)", "the March 14 Alliance", "the 6 April Youth Movement": a date that opens the name of a
// group (a capitalised head right after it, or one more capitalised word and then the head) is part of that name.
const NAMED_AFTER_DATE = /^\s+(?:[A-Z][a-z]+\s+)?(?:Movement|Alliance|Brigades?|Front|Coalition|Revolution|Uprising)\b/;

// A date a few days after the reference keeps its year: a publication day a little early, or a
// hearing set for next week, is likelier than a date almost a year back.
const NEAR_FUTURE_DAYS = 7;

/** The most recent occurrence on or before the reference (a report tells the past), or the next one when the tense says future. */
function inferYear(month: number, day: number | null, reference: number, future: boolean): number {
  const { year } = calendarDate(reference);
  if (future) {
    const last = dayNumber(year, month, day ?? daysInMonth(year, month));
    return last >= reference ? year : year + 1;
  }
  const slack = day === null ? 0 : NEAR_FUTURE_DAYS;
  return dayNumber(year, month, day ?? 1) <= reference + slack ? year : year - 1;
}

function rangeDate(found: Found, from: Stated, to: Stated, reference: number | null, future: boolean): DateCandidate | null {
  const fromMonth = from.month ?? 1;
  const toMonth = to.month ?? fromMonth;
  const fromKey = fromMonth * 100 + (from.day ?? 1);
  const toKey = toMonth * 100 + (to.day ?? 31);
  let toYear: number | null;
  let fromYear: number | null;
  // The end anchors the range ("From October to December 2023"); the start falls in the same year or the one before.
  if (to.year !== null) toYear = to.year;
  else if (from.year !== null) toYear = toKey < fromKey ? from.year + 1 : from.year;
  else toYear = reference === null ? null : inferYear(toMonth, to.day, reference, future);
  if (toYear === null) return null;
  if (from.year !== null) fromYear = from.year;
  else fromYear = fromKey > toKey ? toYear - 1 : toYear;
  const firstDay = dayNumber(fromYear, fromMonth, from.day ?? 1);
  const lastDay = dayNumber(toYear, toMonth, to.day ?? daysInMonth(toYear, toMonth));
  if (lastDay < firstDay) return null;
  const precision = from.day !== null && to.day !== null ? 'day' : 'month';
  const confidence = from.year === null && to.year === null ? 0.85 : 0.95;
  return { ...span(found), firstDay, lastDay, precision, rule: 'date/range', confidence };
}
