/** @module The early, middle or late part of a month, year or decade ("mid-October", "late last year", "the early 1990s"). */
import { dayNumber, daysInMonth } from '../../model/day-number.ts';

/** Which third of a period a phrase points at. */
export type PeriodPart = 'early' | 'mid' | 'late';

/** The word that names a part ("mid", "early", "the end of") as a `PeriodPart`, or null. */
export function periodPart(word: string): PeriodPart | null {
  const lower = word.toLowerCase();
  if (lower === 'early' || lower === 'beginning' || lower === 'start') return 'early';
  if (lower === 'mid' || lower === 'middle') return 'mid';
  if (lower === 'late' || lower === 'end') return 'late';
  return null;
}

/** Thirds of a month: days 1 to 10, 11 to 20, 21 to the end, as day numbers. */
export function partOfMonth(year: number, month: number, part: PeriodPart): [number, number] {
  if (part === 'early') return [dayNumber(year, month, 1), dayNumber(year, month, 10)];
  if (part === 'mid') return [dayNumber(year, month, 11), dayNumber(year, month, 20)];
  return [dayNumber(year, month, 21), dayNumber(year, month, daysInMonth(year, month))];
}

/** Thirds of a year: January to April, May to August, September to December, as day numbers. */
export function partOfYear(year: number, part: PeriodPart): [number, number] {
  if (part === 'early') return [dayNumber(year, 1, 1), dayNumber(year, 4, 30)];
  if (part === 'mid') return [dayNumber(year, 5, 1), dayNumber(year, 8, 31)];
  return [dayNumber(year, 9, 1), dayNumber(year, 12, 31)];
}
