/**
 * @module When a report was published, from its metadata or, failing that, from its text.
 *
 * The text gives bounds, not a day: a report is published on or after the latest past date it
 * mentions, within the spans it states ("just over four weeks since ..."), in the month it calls
 * "this month", and on or just after the weekday it says a statement was made on. The rules below
 * turn each cue into a bound and intersect them, in this order: year context, dated references,
 * relative spans, weekday. Our own small date reader rather than chrono: ingest needs only absolute
 * dates, and reading them with one regular expression is about fifty times faster.
 */
import anchorData from '../../data/anchor-events.json' with { type: 'json' };
import { calendarDate, dayNumber, daysInMonth, isDayInRange, isoDay, weekday as weekdayOf } from '../model/day-number.ts';
import type { Published } from '../model/document.ts';

const DAY_MS = 86_400_000;
/** How long after its latest dated reference a report is assumed to appear, when nothing else bounds it. */
const DEFAULT_LAG_DAYS = 2;
/** How far back a year is searched for when only weekdays can place a yearless date. */
const YEARS_BACK = 15;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS: Readonly<Record<string, number>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const NUMBER_WORDS: Readonly<Record<string, number>> = {
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
};

const MONTH_NAME =
  '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
/** Month Day[, Year] | Day Month [Year] | YYYY-MM-DD. */
const DATE_PATTERN = new RegExp(
  `\\b(?:${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'g',
);
/** The same, for reading one date: a non-global copy has no `lastIndex` to leak between calls. */
const FIRST_DATE = new RegExp(DATE_PATTERN.source);
const MONTH_YEAR_PATTERN = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{4})\\b`, 'g');
const DATE_LINE = /^\s*(?:date[d]?|published|posted|updated|first published)\s*:?\s*/i;
const DATELINE = /^[A-Z][A-Z .'-]{2,40},\s+(?:[A-Z][a-z]{1,5}\.?,\s+)?/;
const FUTURE_CUE = /\b(?:will|would|shall|plans? to|is to|are to|scheduled|next|due|expected to|until)\b[^.]{0,40}$/i;
const WEEKDAY_PATTERN = /\b(?:on |since |earlier |late |early |last )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const SPAN_SINCE =
  /\b(a bit over|just over|more than|over|nearly|almost|just under|about|some)?\s*(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month)s?\s+(?:since|after)\s+([^;\n]{3,120})/gi;

interface Anchor {
  readonly id: string;
  readonly day: number;
  readonly pattern: RegExp;
}

const ANCHORS: readonly Anchor[] = anchorData.events.map((event) => ({
  id: event.id,
  day: dayNumber(...(event.date.split('-').map(Number) as [number, number, number])),
  pattern: new RegExp(event.patterns.join('|'), 'i'),
}));

export interface InferPublishedOptions {
  /** The publication date the input's metadata gives, as written; used when it can be read. */
  readonly metadata?: string | null;
  /** The day the report is read, ISO; yearless dates never fall after it. Defaults to today. */
  readonly today?: string;
}

/** The publication interval of a report: from metadata when it has a readable date, else inferred from the text. */
export function inferPublished(text: string, options: InferPublishedOptions = {}): Published | null {
  const fromMetadata = options.metadata ? readMetadataDate(options.metadata) : null;
  if (fromMetadata !== null) return interval(fromMetadata, fromMetadata, false, 'published/metadata');
  const today = options.today ? dayOf(options.today) : dayOf(new Date().toISOString());
  const cues = readCues(text);
  for (const yearOf of yearContexts(cues, today)) {
    const explicit = readDateLine(text, yearOf);
    if (explicit !== null) return interval(explicit, explicit, true, 'published/date-line');
    const bounds = solve(text, cues, yearOf);
    if (bounds === null) continue;
    if (cues.weekday === undefined) return interval(bounds.lower, bounds.upper, true, `published/${bounds.rules.join('+') || 'anchor'}`);
    // A report says "on Monday" of the most recent Monday: the latest such day the bounds allow.
    for (let day = bounds.upper; day >= bounds.lower; day--) {
      if (weekdayOf(day) === cues.weekday) {
        return interval(day, Math.min(day + 1, bounds.upper), true, `published/${[...bounds.rules, 'weekday'].join('+')}`);
      }
    }
    if (!cues.weekdayDecidesYear) return interval(bounds.lower, bounds.upper, true, `published/${bounds.rules.join('+') || 'anchor'}`);
  }
  return null;
}

/** A date in metadata: ISO keeps the day as written (the publisher's zone); RFC 822 and others are read by name. */
export function readMetadataDate(value: string): number | null {
  const read = readMetadataDay(value);
  return read !== null && 'day' in read ? read.day : null;
}

/** A metadata date read: its day, or why the date it looks like is no calendar day. */
export type MetadataDay = { readonly day: number } | { readonly problem: string };

/**
 * Reads a date in metadata strictly: a date written in a form we know (ISO, "30 Oct 2023", "October 30, 2023",
 * 2023/10/30, 10/30/2023, 30/10/2023) that names no calendar day from 0001-01-01 to 9999-12-31 is a problem, never rolled
 * over (`2023-99-99` is not 2031-06-07). Null when no date can be read at all.
 */
export function readMetadataDay(value: string): MetadataDay | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/.exec(trimmed);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slashed = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?![\d])/.exec(trimmed);
  if (slashed) return checked(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d])/.exec(trimmed);
  if (american) {
    // Month first, as Date.parse reads it, unless only the other order names a month (30/10/2023).
    const [first, second] = [Number(american[1]), Number(american[2])];
    return first > 12 && second <= 12 ? checked(Number(american[3]), second, first) : checked(Number(american[3]), first, second);
  }
  const named = /(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4,})/.exec(value) ?? null;
  if (named) {
    const month = MONTHS[named[2]?.toLowerCase() ?? ''];
    if (month) return checked(Number(named[3]), month, Number(named[1]));
  }
  const worded = new RegExp(`${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4,})`).exec(value);
  if (worded) return checked(Number(worded[3]), monthNumber(worded[1]), Number(worded[2]));
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  const day = Math.floor(parsed / DAY_MS);
  return isDayInRange(day) ? { day } : { problem: `is outside 0001-01-01 to 9999-12-31` };
}

function checked(year: number, month: number, day: number): MetadataDay {
  if (year < 1 || year > 9999) return { problem: `has year ${year}; years run from 0001 to 9999` };
  if (month < 1 || month > 12) return { problem: `has month ${month}; months run from 1 to 12` };
  const length = daysInMonth(year, month);
  if (day < 1 || day > length)
    return { problem: `has day ${day}; ${isoDay(dayNumber(year, month, 1)).slice(0, 7)} has days 1 to ${length}` };
  return { day: dayNumber(year, month, day) };
}

/** Lines at the top where a date line or dateline may stand (after a headline and an outlet line). */
const HEAD_LINES = 6;
/** A line this short holding a full date is a date line ("Defense Press Office | Press Release | November 8, 2023"). */
const SHORT_LINE = 120;

/** "date 2023-10-10", "Published: Oct. 30, 2023", a dateline "BAGHDAD, Jan. 4 (Wire) -", or a short line with a full date. */
function readDateLine(text: string, yearOf: YearOf): number | null {
  const lines = text
    .slice(0, 1200)
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, HEAD_LINES);
  for (const line of lines) {
    const prefix = DATE_LINE.exec(line) ?? DATELINE.exec(line);
    if (prefix) {
      const match = FIRST_DATE.exec(line.slice(prefix[0].length));
      if (match && match.index === 0) {
        const reference = toReference(match);
        return reference.year !== null ? dayNumber(reference.year, reference.month, reference.day) : yearOf(reference.month, reference.day);
      }
    }
    if (line.length <= SHORT_LINE) {
      const match = FIRST_DATE.exec(line);
      const reference = match ? toReference(match) : null;
      if (reference?.year != null && /\|/.test(line)) return dayNumber(reference.year, reference.month, reference.day);
    }
  }
  return null;
}

interface Reference {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
  readonly index: number;
  readonly future: boolean;
}

type YearOf = (month: number, day: number) => number;

/** Everything in a text that bounds its publication date, read once. */
interface Cues {
  readonly references: readonly Reference[];
  /** First days of months named with a year ("December 2023"). */
  readonly monthYears: readonly number[];
  readonly anchors: readonly Anchor[];
  readonly anchorDay: number | null;
  readonly weekday: number | undefined;
  /** True when only a weekday can place yearless dates: then a year where it does not fit is rejected. */
  readonly weekdayDecidesYear: boolean;
}

function toReference(match: RegExpExecArray): Omit<Reference, 'index' | 'future'> {
  if (match[7]) return { year: Number(match[7]), month: Number(match[8]), day: Number(match[9]) };
  if (match[1]) return { month: monthNumber(match[1]), day: Number(match[2]), year: match[3] ? Number(match[3]) : null };
  return { month: monthNumber(match[5] ?? ''), day: Number(match[4]), year: match[6] ? Number(match[6]) : null };
}

function readCues(text: string): Cues {
  const references: Reference[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const reference = toReference(match);
    if (reference.month < 1 || reference.month > 12 || reference.day < 1 || reference.day > 31) continue;
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    references.push({ ...reference, index: match.index, future: FUTURE_CUE.test(before) });
  }
  const monthYears = [...text.matchAll(MONTH_YEAR_PATTERN)].map((m) => dayNumber(Number(m[2]), monthNumber(m[1] ?? ''), 1));
  const anchors = ANCHORS.filter((anchor) => anchor.pattern.test(text));
  const weekday = [...text.matchAll(WEEKDAY_PATTERN)].map((m) => WEEKDAYS[(m[1] ?? '').toLowerCase()] as number)[0];
  const hasYear = references.some((r) => r.year !== null) || monthYears.length > 0;
  return {
    references,
    monthYears,
    anchors,
    anchorDay: anchors.length > 0 ? Math.max(...anchors.map((a) => a.day)) : null,
    weekday,
    weekdayDecidesYear: !hasYear && anchors.length === 0 && weekday !== undefined && references.length > 0,
  };
}

/**
 * Ways to place a yearless month and day, best first: near the years the text names; after a
 * well-known happening it mentions; in the most recent year where its weekdays fit; before today.
 */
function* yearContexts(cues: Cues, today: number): Generator<YearOf> {
  const certain = cues.references.filter((r) => r.year !== null).map((r) => dayNumber(r.year as number, r.month, r.day));
  const latestCertain = Math.max(...certain, ...cues.monthYears);
  if (Number.isFinite(latestCertain)) {
    yield (month, day) => closestTo(month, day, latestCertain);
    return;
  }
  if (cues.anchorDay !== null) {
    const anchorDay = cues.anchorDay;
    yield (month, day) => firstOnOrAfter(month, day, anchorDay);
    return;
  }
  if (cues.weekdayDecidesYear) {
    const [todayYear] = ymd(today);
    for (let year = todayYear; year > todayYear - YEARS_BACK; year--) {
      const yearOf: YearOf = (month, day) => mostRecentOnOrBefore(month, day, Math.min(dayNumber(year, 12, 31), today));
      if (cues.references.every((r) => r.year !== null || yearOf(r.month, r.day) >= dayNumber(year, 1, 1))) yield yearOf;
    }
    return;
  }
  yield (month, day) => mostRecentOnOrBefore(month, day, today);
}

/** Intersects the bounds every cue gives, for one way of placing yearless dates. */
function solve(text: string, cues: Cues, yearOf: YearOf): { lower: number; upper: number; rules: string[] } | null {
  const past = cues.references
    .filter((r) => !r.future)
    .map((r) => (r.year !== null ? dayNumber(r.year, r.month, r.day) : yearOf(r.month, r.day)));
  let lower = Math.max(...past, ...cues.monthYears, cues.anchorDay ?? Number.NEGATIVE_INFINITY);
  let upper = Number.POSITIVE_INFINITY;
  const rules: string[] = [];
  if (past.length > 0) rules.push('latest-date');
  for (const bound of relativeSpans(text, cues.anchors, yearOf)) {
    lower = Math.max(lower, bound.low);
    upper = Math.min(upper, bound.high);
    rules.push('relative-span');
  }
  if (cues.anchorDay !== null && /\b(?:began|started|erupted|broke out)\s+earlier this month\b/i.test(text)) {
    const [year, month] = ymd(cues.anchorDay);
    upper = Math.min(upper, dayNumber(year, month + 1, 1) - 1);
    rules.push('this-month');
  }
  if (!Number.isFinite(lower)) return null;
  if (!Number.isFinite(upper) || upper < lower) upper = lower + DEFAULT_LAG_DAYS;
  return { lower, upper, rules };
}

/** "just over four weeks since the invasion began": bounds from a span after a known or dated happening. */
function relativeSpans(text: string, anchors: readonly Anchor[], yearOf: YearOf): Array<{ low: number; high: number }> {
  const bounds: Array<{ low: number; high: number }> = [];
  for (const match of text.matchAll(SPAN_SINCE)) {
    const qualifier = (match[1] ?? '').toLowerCase();
    const count = /^\d+$/.test(match[2] ?? '') ? Number(match[2]) : (NUMBER_WORDS[(match[2] ?? '').toLowerCase()] ?? 0);
    const unit = (match[3] ?? '').toLowerCase();
    const after = match[4] ?? '';
    let start: number | null = anchors.find((anchor) => anchor.pattern.test(after))?.day ?? null;
    if (start === null) {
      const dated = FIRST_DATE.exec(after);
      // The date must be what the span runs from ("five days after the Feb. 2 strikes"), not one in a later clause.
      if (dated && dated.index <= 40) {
        const reference = toReference(dated);
        start =
          reference.year !== null ? dayNumber(reference.year, reference.month, reference.day) : yearOf(reference.month, reference.day);
      }
    }
    if (start === null || count === 0) continue;
    const days = unit === 'day' ? count : unit === 'week' ? count * 7 : count * 30;
    const slack = unit === 'day' ? 0 : unit === 'week' ? 3 : 15;
    const exactSlack = unit === 'day' ? 0 : unit === 'week' ? 1 : 7;
    if (/over|more/.test(qualifier)) bounds.push({ low: start + days, high: start + days + slack });
    else if (/nearly|almost|under/.test(qualifier)) bounds.push({ low: start + days - slack, high: start + days });
    else bounds.push({ low: start + days - exactSlack, high: start + days + exactSlack });
  }
  return bounds;
}

function interval(start: number, end: number, inferred: boolean, rule: string): Published {
  return { start: isoDay(start), end: isoDay(end), inferred, rule };
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').toLowerCase().replace('.', '')] ?? 0;
}

function dayOf(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

function ymd(day: number): [number, number, number] {
  const date = calendarDate(day);
  return [date.year, date.month, date.day];
}

function mostRecentOnOrBefore(month: number, day: number, limit: number): number {
  const [year] = ymd(limit);
  const candidate = dayNumber(year, month, day);
  return candidate <= limit ? candidate : dayNumber(year - 1, month, day);
}

function closestTo(month: number, day: number, near: number): number {
  const [year] = ymd(near);
  const options = [year - 1, year, year + 1].map((y) => dayNumber(y, month, day));
  return options.reduce((best, d) => (Math.abs(d - near) < Math.abs(best - near) ? d : best));
}

function firstOnOrAfter(month: number, day: number, start: number): number {
  const [year] = ymd(start);
  const candidate = dayNumber(year, month, day);
  return candidate >= start ? candidate : dayNumber(year + 1, month, day);
}
