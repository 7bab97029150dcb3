/** @module Calendar arithmetic on day numbers (days since 1970-01-01), so no machine time zone can shift a date. */

// Proleptic Gregorian conversions after Howard Hinnant's `days_from_civil` and `civil_from_days`:
// a `Date` per call (and `toISOString`) was the largest single cost of the date extractor.

/** The day number of a calendar date; `month` is 1 to 12, out-of-range months and days roll over as `Date.UTC` does. */
export function dayNumber(year: number, month: number, day: number): number {
  const carry = Math.floor((month - 1) / 12);
  const y = year + carry;
  const m = month - 12 * carry;
  const shifted = m <= 2 ? y - 1 : y;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + (day - 1);
}

/** Year, month (1 to 12) and day of month of a day number. */
export function calendarDate(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/** The ISO `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  const date = calendarDate(day);
  const month = date.month < 10 ? `0${date.month}` : `${date.month}`;
  const dayOfMonth = date.day < 10 ? `0${date.day}` : `${date.day}`;
  return `${String(date.year).padStart(4, '0')}-${month}-${dayOfMonth}`;
}

/** Day of the week, 0 Sunday to 6 Saturday, as `Date#getDay`. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** The Monday on or before a day: weeks run Monday to Sunday (ISO 8601). */
export function mondayOf(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** The number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
}

/** The first day sitrep accepts, 0001-01-01: ISO days have four-digit years, and year 0 is not a calendar year. */
export const FIRST_DAY = dayNumber(1, 1, 1);
/** The last day sitrep accepts, 9999-12-31: the day after it has no four-digit ISO form. */
export const LAST_DAY = dayNumber(9999, 12, 31);

/** True for a whole day number from `FIRST_DAY` to `LAST_DAY`. */
export function isDayInRange(day: number): boolean {
  return Number.isSafeInteger(day) && day >= FIRST_DAY && day <= LAST_DAY;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Why `iso` is not a calendar day from 0001-01-01 to 9999-12-31 written `YYYY-MM-DD`, or null when it is one.
 * Nothing rolls over: `2023-02-29` and `2023-99-99` are refused, never read as a day in March or in 2031.
 */
export function isoDayProblem(iso: string): string | null {
  const match = ISO_DAY.exec(iso);
  if (match === null) return 'is not a day written YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return 'has year 0000; years run from 0001 to 9999';
  if (month < 1 || month > 12) return `has month ${match[2]}; months run from 01 to 12`;
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) return `has day ${match[3]}; ${year}-${match[2]} has days 01 to ${length}`;
  return null;
}

/** The day number of an ISO `YYYY-MM-DD` from 0001-01-01 to 9999-12-31, or null when it is not one (see `isoDayProblem`). */
export function parseIsoDay(iso: string): number | null {
  // Read the ten characters directly: the date reader asks this for every date it weighs.
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumber(year, month, day);
}

/** The number written by `count` ASCII digits from `from`, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** ISO day `day` moved by `n` days, as an ISO day. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
