/**
 * @module What time a figure covers: a date of its own sentence ("from Oct. 17 to Oct. 30", "since October 17"), never
 * the day a speaker spoke ("said on Monday"); a figure without one stands as of the publication date.
 */
import type { ClaimPeriod } from '../../model/claim.ts';
import type { DateInterval } from '../../model/interval.ts';
import type { MentionOf } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';

type DateMention = MentionOf<'date'>;

// A speech verb just before a date dates the speaking: "said on Monday", "told reporters Monday", "released last week".
const SPEECH_BEFORE =
  /\b(?:said|says|told|tells|announced|briefed|disclosed|reported|confirmed|identified|released|published|gave|added|stated|acknowledged|denied|briefing|statement|interview)(?:\s+(?:reporters|journalists|the press|a briefing|a news conference|the agency|\w+))?\s+(?:on\s+|late\s+|early\s+)?$/i;
// Dates that are periods, not days: they say what a count covers.
const PERIOD_RULES: ReadonlySet<string> = new Set(['date/range', 'date/since', 'date/since-event']);
/**
 * "since", then the happening a count runs from, then its date, in one clause: "since the Hamas attack on October 7,
 * 2023", "since Israel's offensive began in October 2023". No comma, digit, speech verb or other "since" between.
 */
const SINCE_EVENT_LEAD = /\bsince\s+(?![^,.;:!?()\n]*\b(?:since|said|says|told|then)\b)[^,.;:!?()\n\d]{3,120}?\s$/i;
// "the war that began in April 2023 has killed 16,000": the date a happening began, so the count runs from it.
const BEGAN_LEAD = /\b(?:started|began|begun|erupted|broke out)\s+(?:in|on)\s+$/i;
// "the April 2023 war", "the Oct. 7 attack": a date naming a happening, not the time a figure covers.
const NAMES_HAPPENING = /^(?:,\s*)?\s*(?:war|attacks?|offensive|invasion|conflict|assault|massacre|raid|incursion|uprising|coup)\b/i;
const FOUR_DIGIT_YEAR = /\b(?:19|20)\d\d\b/;
// "Russia's deadliest airstrike on the capital in 2024", "the worst attack of 2023": a year after a superlative is what
// the happening is compared with, not when it happened.
const SUPERLATIVE_BEFORE =
  /\b(?:deadliest|worst|largest|biggest|heaviest|bloodiest|most\s+(?:lethal|intense|destructive|massive))\b[^,.;:!?()\n]{0,60}?\s(?:in|of|so far in|since)\s+$/i;
const DAY_MS = 86_400_000;

/**
 * The dates of a sentence that may be a figure's period: not the day someone spoke. A date read more than a year
 * from publication with no year written took a stray number for its year ("between Oct. 17 and Oct. 24, 13
 * attacks"): it is read again in the publication's year, and a "since" date runs to publication.
 */
export function periodCandidates(
  text: string,
  dates: readonly DateMention[],
  sentence: Span,
  speechSpans: readonly Span[],
  published: DateInterval | null,
): DateMention[] {
  const found: DateMention[] = [];
  for (const date of dates) {
    if (date.span.start < sentence.start || date.span.end > sentence.end) continue;
    if (speechSpans.some((s) => s.start <= date.span.start && date.span.end <= s.end)) continue;
    if (SPEECH_BEFORE.test(text.slice(Math.max(sentence.start, date.span.start - 50), date.span.start))) continue;
    const before = text.slice(Math.max(sentence.start, date.span.start - 130), date.span.start);
    if (published !== null && date.rule !== 'date/since' && (SINCE_EVENT_LEAD.test(before) || BEGAN_LEAD.test(before))) {
      if (date.value.start <= published.end)
        found.push({ ...date, value: { ...date.value, end: published.end }, rule: 'date/since-event' });
      continue;
    }
    if (NAMES_HAPPENING.test(text.slice(date.span.end, Math.min(sentence.end, date.span.end + 20)))) continue;
    if (/^(?:19|20)\d\d$/.test(date.text.trim()) && SUPERLATIVE_BEFORE.test(before)) continue;
    if (published !== null && !FOUR_DIGIT_YEAR.test(date.text) && yearsApart(date.value, published) > 1) {
      const repaired = inPublicationYear(date, published);
      if (repaired !== null) found.push(repaired);
      continue;
    }
    found.push(date);
  }
  return found;
}

/** A date moved into the publication's year (the year before, if it would fall after publication). */
function inPublicationYear(date: DateMention, published: DateInterval): DateMention | null {
  const year = Number(published.end.slice(0, 4));
  const shift = (day: string, to: number) => `${to}${day.slice(4)}`;
  let start = shift(date.value.start, year);
  if (start > published.end) start = shift(date.value.start, year - 1);
  const startYear = Number(start.slice(0, 4));
  const spanYears = Number(date.value.end.slice(0, 4)) - Number(date.value.start.slice(0, 4));
  let end = date.rule === 'date/since' ? published.end : shift(date.value.end, startYear + spanYears);
  if (end > published.end && date.rule !== 'date/since') end = published.end;
  if (end < start || Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) return null;
  return { ...date, value: { ...date.value, start, end }, rule: `${date.rule}+year-from-publication` };
}

function yearsApart(a: DateInterval, b: DateInterval): number {
  return Math.abs(Date.parse(a.start) - Date.parse(b.end)) / (365 * DAY_MS);
}

/**
 * The period of a figure at `value`: a date of its own segment first, then of its clause, then of its sentence; a
 * period (range, since) before a day; the nearest on a tie. Without one, the publication interval.
 */
export function figurePeriod(
  candidates: readonly DateMention[],
  segment: Span,
  clause: Span,
  value: Span,
  published: DateInterval | null,
): { period: ClaimPeriod | null; rule: string } {
  const inside = (date: DateMention, span: Span) => date.span.start >= span.start && date.span.end <= span.end;
  let best: { date: DateMention; score: number } | null = null;
  for (const date of candidates) {
    const gap = date.span.start >= value.end ? date.span.start - value.end : value.start - date.span.end;
    const score = (inside(date, segment) ? 2000 : 0) + (inside(date, clause) ? 1000 : 0) + (PERIOD_RULES.has(date.rule) ? 500 : 0) - gap;
    if (best === null || score > best.score) best = { date, score };
  }
  if (best !== null)
    return { period: { start: best.date.value.start, end: best.date.value.end, basis: 'text' }, rule: 'period-in-sentence' };
  if (published === null) return { period: null, rule: 'no-period' };
  return { period: { start: published.start, end: published.end, basis: 'published' }, rule: 'period-as-of-publication' };
}
