/** @module Date intervals: every date sitrep stores is a closed interval of ISO days. */

/** How finely a date is known. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** A closed interval of calendar days, ISO `YYYY-MM-DD`, `start <= end`. */
export interface DateInterval {
  readonly start: string;
  readonly end: string;
}
