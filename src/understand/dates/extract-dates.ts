/** @module Date mentions: every date expression in a report, as a closed interval of days read against its publication date. */

import { isoDay, parseIsoDay } from '../../model/day-number.ts';
import type { MentionOf } from '../../model/mention.ts';
import type { UnderstandInput } from '../context.ts';
import { findChronoDates } from './chrono-dates.ts';
import type { DateCandidate } from './date-candidate.ts';
import { findPhraseDates } from './phrase-dates.ts';
import { findWeekdayDates } from './weekday-dates.ts';

const SINCE_LEAD = /\bsince\s+$/i;

/**
 * Finds every date in `input.text`. Relative dates ("said Monday", "last week") are read against the end
 * of `input.published`; dates without a year take their most recent occurrence on or before that day
 * unless the words before them say future. Without a publication date only dates that state their year
 * are kept. Mentions come in text order and never overlap.
 */
export function extractDates(input: UnderstandInput): MentionOf<'date'>[] {
  const { text, published } = input;
  const reference = published === null ? null : parseIsoDay(published.end);
  if (published !== null && reference === null) {
    throw new Error(`extractDates: published.end must be an ISO day (YYYY-MM-DD), got ${JSON.stringify(published.end)}.`);
  }
  const found = [
    ...findPhraseDates(text, reference),
    ...(reference === null ? [] : findWeekdayDates(text, reference)),
    ...findChronoDates(text, reference),
  ];
  const candidates = keepLongest(found);
  const mentions: MentionOf<'date'>[] = [];
  for (const each of candidates) {
    const read = readSince(text, each, reference);
    if (read === null) continue;
    mentions.push({
      kind: 'date',
      span: { start: read.start, end: read.end },
      text: text.slice(read.start, read.end),
      value: { start: isoDay(read.firstDay), end: isoDay(read.lastDay), precision: read.precision },
      rule: read.rule,
      confidence: read.confidence,
    });
  }
  return mentions;
}

/**
 * Of overlapping candidates the longest wins ("Monday, Oct. 30" over "Monday"); on a tie the earlier
 * finder wins, so phrase rules beat chrono ("over the weekend" is two days, chrono's "weekend" a Saturday).
 */
function keepLongest(found: readonly DateCandidate[]): DateCandidate[] {
  const order = found.map((each, index) => ({ each, index }));
  order.sort((a, b) => b.each.end - b.each.start - (a.each.end - a.each.start) || a.index - b.index);
  const kept: DateCandidate[] = [];
  for (const { each } of order) {
    if (!kept.some((other) => other.start < each.end && each.start < other.end)) kept.push(each);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** "since October 17" runs from that date to the reference day; without a reference its end is unknown, so it is dropped. */
function readSince(text: string, candidate: DateCandidate, reference: number | null): DateCandidate | null {
  const lead = SINCE_LEAD.exec(text.slice(Math.max(0, candidate.start - 8), candidate.start));
  if (lead === null) return candidate;
  if (reference === null) return null;
  return {
    ...candidate,
    start: candidate.start - lead[0].length,
    lastDay: Math.max(candidate.lastDay, reference),
    rule: 'date/since',
  };
}
