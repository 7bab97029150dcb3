/** @module A date found in the text and resolved to days, before it becomes a mention. */
import type { DatePrecision } from '../../model/interval.ts';

/** One resolved date expression: where it is, the closed interval of days it means, and the rule that read it. */
export interface DateCandidate {
  /** UTF-16 offset of the expression's first code unit. */
  readonly start: number;
  /** UTF-16 offset just past its last code unit. */
  readonly end: number;
  /** First day meant, as a day number (see `day-number.ts`). */
  readonly firstDay: number;
  /** Last day meant, inclusive, as a day number. */
  readonly lastDay: number;
  readonly precision: DatePrecision;
  readonly rule: string;
  /** 0 to 1. */
  readonly confidence: number;
}
