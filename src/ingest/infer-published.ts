/**
 * @module When a report was published, from its metadata, its address or, failing that, its text.
 *
 * The text gives bounds, not a day: a report is published on or after the latest past date it
 * mentions, within the spans it states ("just over four weeks since ..."), in the month it calls
 * "this month", and on or just after the weekday it says a statement was made on. The rules below
 * turn each cue into a bound and intersect them, after choosing how to read yearless dates (their
 * year context): near the day the batch's other reports of the story give; in the month the address
 * gives; in the year a weekday tied to a date allows ("Tuesday, Oct. 1"); before a span counted from a
 * known happening; after the latest date, year or happening the text names. Where nothing tells the
 * year there is no date, with the reason: the day of reading dates only a live feed's items. Our own
 * small date reader rather than chrono: ingest needs only absolute dates, and reading them with one
 * regular expression is about fifty times faster.
 */
import anchorData from '../../data/anchor-events.json' with { type: 'json' };
import { calendarDate, dayNumber, daysInMonth, isDayInRange, isoDay, weekday as weekdayOf } from '../model/day-number.ts';
import type { Published } from '../model/document.ts';

const DAY_MS = 86_400_000;
/** How long after its latest dated reference a report is assumed to appear, when nothing else bounds it. */
const DEFAULT_LAG_DAYS = 2;
/** How many days after the latest dated reference a weekday the report names may fall. */
const WEEKDAY_REACH_DAYS = 6;
/** How many days before the batch's other reports of its story a report may have been published. */
const PEER_LEAD_DAYS = 2;
/** How long after the batch's other reports of its story a yearless date in a report may fall. */
const AFTER_PEERS_DAYS = 30;
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
  eleven: 11,
  twelve: 12,
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
/** A year standing for a period the report speaks of: "throughout 2024", "in 2023"; a lower bound only. */
const YEAR_PATTERN = /\b(?:in|throughout|during|since|of|early|late|mid-?|by)\s+((?:19|20)\d\d)\b(?![-/]\d)/gi;
/** A weekday with its date: "Tuesday, October 17", "on Tuesday (Oct 1)", "Sunday, 25 August". */
const TIED_WEEKDAY = new RegExp(
  `\\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:,\\s*|\\s*\\(\\s*|\\s+)(?:${MONTH_NAME}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH_NAME})\\b(?!,?\\s+\\d{4})`,
  'g',
);
/** A dated path in a link the text quotes: ".../2025/apr/18/...", ".../2024/08/12/...". */
const LINK_DATE = /\/((?:19|20)\d\d)\/([a-z]{3}|\d{1,2})\/(\d{1,2})\//gi;
const DATE_LINE = /^\s*(?:date[d]?|published|posted|updated|first published)\s*:?\s*/i;
const DATELINE = /^[A-Z][A-Z .'-]{2,40},\s+(?:[A-Z][a-z]{1,5}\.?,\s+)?/;
const FUTURE_CUE = /\b(?:will|would|shall|plans? to|is to|are to|scheduled|next|due|expected to|until)\b[^.]{0,40}$/i;
const WEEKDAY_PATTERN = /\b(?:on |since |earlier |late |early |last )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const COUNT = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const SPAN_QUALIFIER = '(a bit over|just over|more than|over|nearly|almost|just under|about|some|roughly)?';
/** "four weeks since X", "six months into the war", "eight months of conflict following X", "two years after X". */
const SPAN_SINCE = new RegExp(
  `\\b${SPAN_QUALIFIER}\\s*${COUNT}\\s+(day|week|month|year)s?\\s+(since|after|into|of|following)\\s+([^;\\n]{3,120})`,
  'gi',
);
/** "the eight-month-long war", "a 10-month war": counted from the war the report is about. */
const SPAN_LONG_WAR = new RegExp(
  `\\b${SPAN_QUALIFIER}\\s*${COUNT}[- ](day|week|month|year)(?:s?[- ]long|[- ]old)?\\s+(?:war|conflict|invasion|offensive)\\b`,
  'gi',
);
/** "the 500th day of the war". */
const NTH_DAY_OF_WAR = /\b(\d+)(?:st|nd|rd|th)\s+day\s+(?:of|into)\s+(?:the\s+)?(?:war|conflict|invasion|fighting)\b/gi;
/** "... seized power nearly two years ago": a span back from the day of writing to a happening named before it. */
const SPAN_AGO = new RegExp(`\\b${SPAN_QUALIFIER}\\s*${COUNT}\\s+(day|week|month|year)s?\\s+ago\\b`, 'gi');
/** How many days before the latest dated reference a yearless date may fall and still be read in its year. */
const EARLIER_IN_YEAR_DAYS = 45;
/** A Unix time in milliseconds ending an address, as some publishers number their stories ("...-101744940921662.html"). */
const URL_EPOCH_MS = /(1[3-9]\d{11})(?:\.html?)?\/?$/;

interface Anchor {
  readonly id: string;
  readonly day: number;
  readonly war: boolean;
  readonly pattern: RegExp;
}

const ANCHORS: readonly Anchor[] = anchorData.events.map((event) => ({
  id: event.id,
  day: dayNumber(...(event.date.split('-').map(Number) as [number, number, number])),
  war: event.war,
  pattern: new RegExp(event.patterns.join('|'), 'i'),
}));

export interface InferPublishedOptions {
  /** The publication date the input's metadata gives, as written; used when it can be read. */
  readonly metadata?: string | null;
  /** The report's address: a dated path (`/2024/07/09/`) dates it. */
  readonly url?: string | null;
  /** The day the report is read, ISO; yearless dates never fall after it. Defaults to today. */
  readonly today?: string;
  /** True for an item of a live feed: when nothing else tells, it was published about the day it is read. */
  readonly live?: boolean;
  /** The day the batch's other reports of the same story were published, ISO: yearless dates are read near it. */
  readonly near?: string;
}

/** What the metadata, address and text tell of a report's publication. */
export interface PublishedReading {
  readonly published: Published | null;
  /**
   * True when the year is told (metadata, address, a dated reference, a weekday tied to a date, a span from a known
   * happening); false for a reading from bounds alone, which the batch's other reports of the story may better.
   */
  readonly firm: boolean;
  /** Why there is no date, when there is none. */
  readonly reason: string | null;
}

/** The publication interval of a report: from metadata when it has a readable date, else inferred. */
export function inferPublished(text: string, options: InferPublishedOptions = {}): Published | null {
  return readPublished(text, options).published;
}

/** The publication interval of a report with how firmly it is known, or why it cannot be told. */
export function readPublished(text: string, options: InferPublishedOptions = {}): PublishedReading {
  const fromMetadata = options.metadata ? readMetadataDate(options.metadata) : null;
  if (fromMetadata !== null) return firmly(interval(fromMetadata, fromMetadata, false, 'published/metadata'));
  const fromUrl = options.url ? readUrlDate(options.url) : null;
  if (fromUrl !== null && fromUrl.start === fromUrl.end) return firmly(interval(fromUrl.start, fromUrl.end, true, 'published/url'));
  const today = options.today ? dayOf(options.today) : dayOf(new Date().toISOString());
  const cues = readCues(text);
  for (const context of yearContexts(text, cues, today, options, fromUrl)) {
    const explicit = readDateLine(text, context.yearOf);
    if (explicit !== null) return firmly(interval(explicit, explicit, true, 'published/date-line'));
    let bounds = solve(text, cues, context.yearOf, context.notBefore);
    if (bounds === null && context.fallback) bounds = { ...context.fallback, rules: [], spanFromAnchor: false, lagOnly: false };
    if (bounds === null) continue;
    if (fromUrl !== null) bounds = { ...bounds, ...withinMonth(bounds, fromUrl) };
    const rules = [...(context.rule ? [context.rule] : []), ...bounds.rules];
    const firm = context.firm || bounds.spanFromAnchor;
    if (cues.weekday === undefined) return { published: interval(bounds.lower, bounds.upper, true, ruleName(rules)), firm, reason: null };
    // A report says "on Monday" of the most recent Monday: the latest such day the bounds allow, else (when only the
    // latest date bounds it) the first after that date: "on Friday" after a photo of Monday is that week's Friday.
    const last = bounds.lagOnly ? bounds.lower + WEEKDAY_REACH_DAYS : bounds.upper;
    for (let day = bounds.upper; day >= bounds.lower; day--) {
      if (weekdayOf(day) === cues.weekday) {
        return { published: interval(day, Math.min(day + 1, bounds.upper), true, ruleName([...rules, 'weekday'])), firm, reason: null };
      }
    }
    for (let day = bounds.upper + 1; day <= last && !context.weekdayMustFit; day++) {
      if (weekdayOf(day) === cues.weekday)
        return { published: interval(day, day + 1, true, ruleName([...rules, 'weekday'])), firm, reason: null };
    }
    if (!context.weekdayMustFit) return { published: interval(bounds.lower, bounds.upper, true, ruleName(rules)), firm, reason: null };
  }
  const reason =
    cues.references.length > 0 || cues.weekday !== undefined
      ? 'no metadata date, and nothing in the address or text tells the year of the dates it gives'
      : 'no metadata date, and the address and text give none';
  return { published: null, firm: false, reason };
}

function firmly(published: Published): PublishedReading {
  return { published, firm: true, reason: null };
}

function ruleName(rules: readonly string[]): string {
  return `published/${rules.join('+') || 'anchor'}`;
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

/**
 * The days a report's address gives: a dated path (`/2024/07/09/`, `/2024-07-09-`, `/2025/apr/18/`) gives its day,
 * a year and month (`/2024/08/`) the month, a Unix time in milliseconds ending the address its day; else null.
 */
export function readUrlDate(url: string): { start: number; end: number } | null {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const day = /\/((?:19|20)\d\d)[/-]([a-z]{3}|\d{1,2})[/-](\d{1,2})(?=[/-]|\.html?|$)/i.exec(path);
  if (day) {
    const month = /^\d+$/.test(day[2] ?? '') ? Number(day[2]) : monthNumber(day[2]);
    const date = Number(day[3]);
    if (month >= 1 && month <= 12 && date >= 1 && date <= 31) {
      const n = dayNumber(Number(day[1]), month, date);
      return { start: n, end: n };
    }
  }
  const month = /\/((?:19|20)\d\d)\/(\d{2})\//.exec(path);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const first = dayNumber(Number(month[1]), Number(month[2]), 1);
    return { start: first, end: dayNumber(Number(month[1]), Number(month[2]) + 1, 1) - 1 };
  }
  const epoch = URL_EPOCH_MS.exec(path.replace(/[?#].*$/, ''));
  if (epoch) {
    const n = Math.floor(Number(epoch[1]) / DAY_MS);
    if (n >= dayNumber(2014, 1, 1) && n <= Math.floor(Date.now() / DAY_MS) + 1) return { start: n, end: n };
  }
  return null;
}

/** Bounds narrowed to the month the address gives; the month itself when they fall outside it. */
function withinMonth(bounds: { lower: number; upper: number }, month: { start: number; end: number }): { lower: number; upper: number } {
  const lower = Math.max(bounds.lower, month.start);
  const upper = Math.min(bounds.upper, month.end);
  return lower <= upper ? { lower, upper } : { lower: month.start, upper: month.end };
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
  /** A date of a happening the report recalls (a known happening's day, "since ..."): a bound, never the year of the news. */
  readonly history: boolean;
}

type YearOf = (month: number, day: number) => number;

/** One way of reading yearless dates, with what it rests on. */
interface YearContext {
  readonly yearOf: YearOf;
  /** Whether the year it gives is told rather than bounded. */
  readonly firm: boolean;
  readonly rule: string | null;
  /** The days to give when no dated reference bounds the report. */
  readonly fallback?: { lower: number; upper: number };
  /** True when only a weekday chose the year: a year where it does not fit is rejected. */
  readonly weekdayMustFit?: boolean;
  /** A day the report is not published before, whatever its own dates say. */
  readonly notBefore?: number;
}

/** Everything in a text that bounds its publication date, read once. */
interface Cues {
  readonly references: readonly Reference[];
  /** First days of months named with a year ("December 2023"), and whether each recalls a known happening. */
  readonly monthYears: ReadonlyArray<{ readonly day: number; readonly history: boolean }>;
  /** First days of years named for a period ("throughout 2024"). */
  readonly years: readonly number[];
  readonly anchors: readonly Anchor[];
  readonly anchorDay: number | null;
  readonly weekday: number | undefined;
  /** Yearless dates with their weekday ("Tuesday, Oct. 1"). */
  readonly tied: ReadonlyArray<{ readonly month: number; readonly day: number; readonly weekday: number }>;
  /** True when only a weekday can place yearless dates: then a year where it does not fit is rejected. */
  readonly weekdayDecidesYear: boolean;
}

function toReference(match: RegExpExecArray): { month: number; day: number; year: number | null } {
  if (match[7]) return { year: Number(match[7]), month: Number(match[8]), day: Number(match[9]) };
  if (match[1]) return { month: monthNumber(match[1]), day: Number(match[2]), year: match[3] ? Number(match[3]) : null };
  return { month: monthNumber(match[5] ?? ''), day: Number(match[4]), year: match[6] ? Number(match[6]) : null };
}

/** A known happening the text names whose day is this month and day (give or take one: "the war began on October 8"). */
function anchorOn(anchors: readonly Anchor[], month: number, day: number): Anchor | undefined {
  return anchors.find((anchor) => {
    const [year] = ymd(anchor.day);
    return Math.abs(dayNumber(year, month, day) - anchor.day) <= 1;
  });
}

function readCues(text: string): Cues {
  const anchors = ANCHORS.filter((anchor) => anchor.pattern.test(text));
  const anchorDays = new Set(ANCHORS.flatMap((anchor) => [anchor.day - 1, anchor.day, anchor.day + 1]));
  const references: Reference[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    let reference = toReference(match);
    if (reference.month < 1 || reference.month > 12 || reference.day < 1 || reference.day > 31) continue;
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    let history = /\bsince\s+(?:the\s+)?$/i.test(before);
    if (reference.year === null) {
      // "since October 7" in a report on the war Hamas began: the happening's own day, with its year.
      const anchor = anchorOn(anchors, reference.month, reference.day);
      if (anchor) {
        reference = { ...reference, year: ymd(anchor.day)[0] };
        history = true;
      }
    } else if (anchorDays.has(dayNumber(reference.year, reference.month, reference.day))) history = true;
    references.push({ ...reference, index: match.index, future: FUTURE_CUE.test(before), history });
  }
  for (const match of text.matchAll(LINK_DATE)) {
    const month = /^\d+$/.test(match[2] ?? '') ? Number(match[2]) : monthNumber(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    references.push({ year: Number(match[1]), month, day, index: match.index, future: false, history: false });
  }
  const anchorMonths = new Set(ANCHORS.map((anchor) => ymd(anchor.day).slice(0, 2).join('-')));
  const monthYears = [...text.matchAll(MONTH_YEAR_PATTERN)].map((m) => {
    const year = Number(m[2]);
    const month = monthNumber(m[1] ?? '');
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    return {
      day: dayNumber(year, month, 1),
      history: anchorMonths.has(`${year}-${month}`) || /\b(?:since|began|erupted|started|broke out)\b[^.]{0,30}$/i.test(before),
    };
  });
  const years = [...text.matchAll(YEAR_PATTERN)].map((m) => dayNumber(Number(m[1]), 1, 1));
  const tied = [...text.matchAll(TIED_WEEKDAY)].flatMap((m) => {
    const month = monthNumber(m[2] ?? m[5]);
    const day = Number(m[3] ?? m[4]);
    return month >= 1 && day >= 1 && day <= 31 ? [{ month, day, weekday: WEEKDAYS[(m[1] ?? '').toLowerCase()] as number }] : [];
  });
  const weekday = [...text.matchAll(WEEKDAY_PATTERN)].map((m) => WEEKDAYS[(m[1] ?? '').toLowerCase()] as number)[0];
  const hasYear = references.some((r) => r.year !== null) || monthYears.length > 0 || years.length > 0;
  return {
    references,
    monthYears,
    years,
    anchors,
    anchorDay: anchors.length > 0 ? Math.max(...anchors.map((a) => a.day)) : null,
    weekday,
    tied,
    weekdayDecidesYear: !hasYear && anchors.length === 0 && weekday !== undefined && references.length > 0,
  };
}

/**
 * Ways to read a yearless month and day, best first: near the day the batch's other reports of the story give; in
 * the month the address gives; in the year its weekday allows; before a span counted from a known happening; after
 * the latest date, year or happening the text names; in the most recent year where its weekdays fit; for a live
 * feed's item, before the day of reading.
 */
function* yearContexts(
  text: string,
  cues: Cues,
  today: number,
  options: InferPublishedOptions,
  fromUrl: { start: number; end: number } | null,
): Generator<YearContext> {
  if (options.near) {
    const near = dayOf(options.near);
    const ownLower = lowerBound(cues, false).day;
    // The report tells the story the others told on `near`: its dates are before about then, and it is not much older.
    yield {
      yearOf: (month, day) => nearPeers(month, day, near, ownLower),
      firm: true,
      rule: 'peers',
      fallback: { lower: near, upper: near },
      notBefore: near - PEER_LEAD_DAYS,
    };
    return;
  }
  if (fromUrl !== null) {
    const middle = Math.floor((fromUrl.start + fromUrl.end) / 2);
    yield {
      yearOf: (month, day) => closestTo(month, day, middle),
      firm: false,
      rule: 'url-month',
      fallback: { lower: fromUrl.start, upper: fromUrl.end },
    };
    return;
  }
  const lowest = lowerBound(cues);
  if (cues.tied.length > 0) {
    const [todayYear] = ymd(today);
    const fromYear = lowest.day === null ? todayYear - YEARS_BACK : ymd(lowest.day)[0];
    for (let year = todayYear; year >= fromYear; year--) {
      if (!cues.tied.every((t) => weekdayOf(dayNumber(year, t.month, t.day)) === t.weekday)) continue;
      const last = Math.max(...cues.tied.map((t) => dayNumber(year, t.month, t.day)));
      yield { yearOf: (month, day) => closestTo(month, day, last), firm: true, rule: 'tied-weekday' };
      return;
    }
  }
  const spanEnd = anchoredSpanEnd(text, cues);
  if (spanEnd !== null) {
    yield { yearOf: (month, day) => mostRecentOnOrBefore(month, day, spanEnd), firm: true, rule: null };
    return;
  }
  // "Ten days after the October 7 attack": the report came later, and its yearless dates follow that day.
  const spanStarts = anchoredSpans(text, cues.anchors)
    .filter((b) => !Number.isFinite(b.high))
    .map((b) => b.low);
  if (spanStarts.length > 0) {
    const from = Math.min(...spanStarts) - EARLIER_IN_YEAR_DAYS;
    yield { yearOf: (month, day) => firstOnOrAfter(month, day, from), firm: true, rule: null };
    return;
  }
  if (lowest.day !== null) {
    const from = lowest.day - EARLIER_IN_YEAR_DAYS;
    yield { yearOf: (month, day) => firstOnOrAfter(month, day, from), firm: lowest.firm, rule: null };
    return;
  }
  if (cues.weekdayDecidesYear) {
    const [todayYear] = ymd(today);
    for (let year = todayYear; year > todayYear - YEARS_BACK; year--) {
      const yearOf: YearOf = (month, day) => mostRecentOnOrBefore(month, day, Math.min(dayNumber(year, 12, 31), today));
      if (cues.references.every((r) => r.year !== null || yearOf(r.month, r.day) >= dayNumber(year, 1, 1)))
        yield { yearOf, firm: false, rule: null, weekdayMustFit: true };
    }
    return;
  }
  if (options.live)
    yield {
      yearOf: (month, day) => mostRecentOnOrBefore(month, day, today),
      firm: true,
      rule: 'live-feed',
      fallback: { lower: today, upper: today },
    };
}

/**
 * The latest day the text says the report is on or after, and whether it is a day of the news itself (a dated
 * reference that recalls no known happening) rather than a year, a month or a happening's day.
 */
function lowerBound(cues: Cues, withAnchors = true): { day: number | null; firm: boolean } {
  let day = Number.NEGATIVE_INFINITY;
  let firm = false;
  for (const r of cues.references) {
    if (r.year === null || r.future) continue;
    const n = dayNumber(r.year, r.month, r.day);
    if (n > day || (n === day && !r.history)) {
      day = n;
      firm = !r.history;
    }
  }
  for (const m of cues.monthYears) if (m.day > day) [day, firm] = [m.day, false];
  for (const y of cues.years) if (y > day) [day, firm] = [y, false];
  if (withAnchors && cues.anchorDay !== null && cues.anchorDay > day) [day, firm] = [cues.anchorDay, false];
  return Number.isFinite(day) ? { day, firm } : { day: null, firm: false };
}

/** The latest day a span from a known happening allows ("eight months of war", "six months since the invasion"). */
function anchoredSpanEnd(text: string, cues: Cues): number | null {
  const ends = anchoredSpans(text, cues.anchors)
    .map((b) => b.high)
    .filter(Number.isFinite);
  return ends.length > 0 ? Math.min(...ends) : null;
}

/** Intersects the bounds every cue gives, for one way of placing yearless dates. */
function solve(
  text: string,
  cues: Cues,
  yearOf: YearOf,
  notBefore = Number.NEGATIVE_INFINITY,
): { lower: number; upper: number; rules: string[]; spanFromAnchor: boolean; lagOnly: boolean } | null {
  const past = cues.references
    .filter((r) => !r.future)
    .map((r) => (r.year !== null ? dayNumber(r.year, r.month, r.day) : yearOf(r.month, r.day)));
  let lower = Math.max(...past, ...cues.monthYears.map((m) => m.day), ...cues.years, cues.anchorDay ?? Number.NEGATIVE_INFINITY);
  if (Number.isFinite(lower)) lower = Math.max(lower, notBefore);
  let upper = Number.POSITIVE_INFINITY;
  const rules: string[] = [];
  if (past.length > 0) rules.push('latest-date');
  let spanFromAnchor = false;
  for (const bound of [...relativeSpans(text, cues.anchors, yearOf), ...anchoredSpans(text, cues.anchors)]) {
    lower = Math.max(lower, bound.low);
    upper = Math.min(upper, bound.high);
    if (!rules.includes('relative-span')) rules.push('relative-span');
    spanFromAnchor ||= bound.anchored;
  }
  if (cues.anchorDay !== null && /\b(?:began|started|erupted|broke out)\s+earlier this month\b/i.test(text)) {
    const [year, month] = ymd(cues.anchorDay);
    upper = Math.min(upper, dayNumber(year, month + 1, 1) - 1);
    rules.push('this-month');
    spanFromAnchor = true;
  }
  if (!Number.isFinite(lower)) return null;
  const lagOnly = !Number.isFinite(upper) || upper < lower;
  if (lagOnly) upper = lower + DEFAULT_LAG_DAYS;
  return { lower, upper, rules, spanFromAnchor, lagOnly };
}

interface SpanBound {
  readonly low: number;
  readonly high: number;
  /** True when the span runs from a known happening, so the bound does not depend on how yearless dates are read. */
  readonly anchored: boolean;
}

/** The days a span of `count` `unit`s after `start` allows, by its qualifier ("just over", "nearly", none). */
function spanBound(start: number, count: number, unit: string, qualifier: string, anchored: boolean): SpanBound {
  const days = unit === 'day' ? count : unit === 'week' ? count * 7 : unit === 'month' ? Math.round(count * 30.44) : count * 365;
  const slack = unit === 'day' ? 0 : unit === 'week' ? 3 : unit === 'month' ? 15 : 180;
  const exactSlack = unit === 'day' ? 0 : unit === 'week' ? 1 : unit === 'month' ? 10 : 60;
  if (/over|more/.test(qualifier)) return { low: start + days, high: start + days + slack, anchored };
  if (/nearly|almost|under/.test(qualifier)) return { low: start + days - slack, high: start + days, anchored };
  return { low: start + days - exactSlack, high: start + days + exactSlack, anchored };
}

function countOf(word: string | undefined): number {
  return /^\d+$/.test(word ?? '') ? Number(word) : (NUMBER_WORDS[(word ?? '').toLowerCase()] ?? 0);
}

/** The war a report is about, when it names exactly one: what "ten months of war" counts from. */
function warOf(anchors: readonly Anchor[]): Anchor | undefined {
  const wars = anchors.filter((anchor) => anchor.war);
  return wars.length === 1 ? wars[0] : undefined;
}

/** "just over four weeks since the invasion began": bounds from a span after a known or dated happening. */
function relativeSpans(text: string, anchors: readonly Anchor[], yearOf: YearOf): SpanBound[] {
  const bounds: SpanBound[] = [];
  for (const match of text.matchAll(SPAN_SINCE)) {
    const count = countOf(match[2]);
    const after = match[5] ?? '';
    if (anchorAfter(after, anchors) !== null || count === 0) continue; // counted by anchoredSpans
    const dated = FIRST_DATE.exec(after);
    // The date must be what the span runs from ("five days after the Feb. 2 strikes"), not one in a later clause.
    if (!dated || dated.index > 40) continue;
    const reference = toReference(dated);
    const start =
      reference.year !== null ? dayNumber(reference.year, reference.month, reference.day) : yearOf(reference.month, reference.day);
    bounds.push(sinceOrAfter(spanBound(start, count, (match[3] ?? '').toLowerCase(), (match[1] ?? '').toLowerCase(), false), match[4]));
  }
  return bounds;
}

/**
 * "Ten weeks since", "into" or "of" a happening measure up to the day of writing; "ten days after" or "following" it
 * dates some other happening ("the attacks started ten days after the October 7 attack"), which only says the
 * report came later.
 */
function sinceOrAfter(bound: SpanBound, connector: string | undefined): SpanBound {
  return /^(?:after|following)$/i.test(connector ?? '') ? { ...bound, high: Number.POSITIVE_INFINITY } : bound;
}

/** The known happening a span's words run from: one named in them, or the report's war for "of war", "into the war". */
function anchorAfter(after: string, anchors: readonly Anchor[]): Anchor | null {
  const named = anchors.find((anchor) => anchor.pattern.test(after.slice(0, 120)));
  if (named) return named;
  if (/^(?:the\s+)?(?:war|conflict|fighting|invasion|full-scale war)\b/i.test(after)) return warOf(anchors) ?? null;
  return null;
}

/** Spans counted from known happenings: "six months since ...", "the eight-month-long war", "the 500th day of war", "... two years ago". */
function anchoredSpans(text: string, anchors: readonly Anchor[]): SpanBound[] {
  if (anchors.length === 0) return [];
  const bounds: SpanBound[] = [];
  for (const match of text.matchAll(SPAN_SINCE)) {
    const anchor = anchorAfter(match[5] ?? '', anchors);
    const count = countOf(match[2]);
    if (anchor && count > 0)
      bounds.push(
        sinceOrAfter(spanBound(anchor.day, count, (match[3] ?? '').toLowerCase(), (match[1] ?? '').toLowerCase(), true), match[4]),
      );
  }
  const war = warOf(anchors);
  if (war) {
    for (const match of text.matchAll(SPAN_LONG_WAR)) {
      const count = countOf(match[2]);
      if (count > 0) bounds.push(spanBound(war.day, count, (match[3] ?? '').toLowerCase(), (match[1] ?? '').toLowerCase(), true));
    }
    for (const match of text.matchAll(NTH_DAY_OF_WAR)) {
      const n = Number(match[1]);
      if (n > 0) bounds.push({ low: war.day + n - 1, high: war.day + n, anchored: true });
    }
  }
  for (const match of text.matchAll(SPAN_AGO)) {
    const sentenceStart = Math.max(text.lastIndexOf('.', match.index), text.lastIndexOf('\n', match.index), 0);
    const before = text.slice(Math.max(sentenceStart, match.index - 160), match.index);
    const anchor = anchors.find((a) => a.pattern.test(before));
    const count = countOf(match[2]);
    if (anchor && count > 0)
      bounds.push(spanBound(anchor.day, count, (match[3] ?? '').toLowerCase(), (match[1] ?? '').toLowerCase(), true));
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

/**
 * A yearless date in a report whose story others told on `near`: the nearest such day, unless that is well after
 * them (reports tell of the past), and never before a year, month or date the report itself names (`ownLower`).
 */
function nearPeers(month: number, day: number, near: number, ownLower: number | null): number {
  let candidate = closestTo(month, day, near);
  if (candidate > near + AFTER_PEERS_DAYS) candidate = dayNumber(ymd(candidate)[0] - 1, month, day);
  if (ownLower !== null && candidate < ownLower - EARLIER_IN_YEAR_DAYS)
    candidate = firstOnOrAfter(month, day, ownLower - EARLIER_IN_YEAR_DAYS);
  return candidate;
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
