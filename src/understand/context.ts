/** @module What every understanding extractor receives: one document's text and the date it is read against. */
import type { DateInterval } from '../model/interval.ts';

/** The input of the understanding stage: a pure function of this and read-only lexicons. */
export interface UnderstandInput {
  /** The stored text; every span indexes into it. */
  readonly text: string;
  /** The report's publication interval; relative dates are read against its end. Null when unknown. */
  readonly published: DateInterval | null;
}
