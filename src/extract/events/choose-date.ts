/** @module When an event happened: a date in its sentences, a well-known happening it names, else the publication date. */
import anchorData from '../../../data/anchor-events.json' with { type: 'json' };
import type { EventDate, EventType } from '../../model/event.ts';
import { addDays } from '../../model/day-number.ts';
import { dateAttachment } from './date-attachment.ts';
import type { DocumentFrame } from './document-frame.ts';

const ANCHORS = anchorData.events.map((event) => ({
  date: event.date,
  pattern: new RegExp(event.patterns.join('|'), 'i'),
}));
// Happenings that last (aid, deployments, talks) are dated more loosely than attacks when no date is given.
const LASTING: ReadonlySet<EventType> = new Set(['AID', 'MOBILIZE', 'CONSULT', 'SANCTION', 'AGREE', 'RETREAT', 'SUPPORT']);
// Happenings whose reports go on to tell what followed them: arrests, hearings, statements.
const VIOLENT: ReadonlySet<EventType> = new Set(['ASSAULT', 'DEATH']);

/**
 * Dates in the event's sentences that are not after the report: the earliest day-precision one (what follows an
 * attack, a death in hospital or an arrest, is dated later), else the narrowest. For an attack or a death, a date said
 * of what followed it ("was arrested Friday", "police said Friday") only when nothing else there dates it, and then
 * marked `date-follow-up` so that `reportDate` looks for the attack's own day. Then a well-known happening the
 * sentences name ("since Hamas invaded Israel"). Else the week (for lasting happenings, the month) up to publication.
 */
export function chooseDate(
  frame: DocumentFrame,
  sentences: ReadonlySet<number>,
  type: EventType,
  triggerSpans: ReadonlyArray<{ readonly start: number; readonly end: number }> = [],
  clause: number | null = null,
): EventDate | null {
  const published = frame.published;
  const inSentences = frame.dates.filter(
    (d) =>
      sentences.has(d.sentence) &&
      (!published || d.mention.value.start <= published.end) &&
      // "the deadliest strike since the campaign began on March 15": a day a comparison counts from is not the attack's,
      // unless the clause tells the attack itself ("since Hamas' Oct. 7, 2023, attack").
      !(VIOLENT.has(type) && sinceClauseWithout(frame, d.start, triggerSpans)),
  );
  // A date in the trigger's own clause first: "held militias to blame for raids since May 2, and struck back last week".
  const inClause = clause === null ? [] : inSentences.filter((d) => frame.clauseOf[d.start] === clause);
  // What followed an attack ("was arrested Friday in the shooting") dates it only when nothing else there does.
  const told = (dates: typeof inSentences) => (VIOLENT.has(type) ? dates.filter((d) => dateAttachment(frame, d) !== 'follow-up') : dates);
  const candidates = [told(inClause), told(inSentences), inClause, inSentences].find((dates) => dates.length > 0) ?? [];
  const followUp = candidates.length > 0 && told(candidates).length === 0;
  const days = candidates.filter((d) => d.mention.value.precision === 'day');
  const pool = days.length > 0 ? days : candidates;
  let best = pool[0];
  for (const d of pool) {
    const v = d.mention.value;
    const b = (best as (typeof pool)[number]).mention.value;
    if (days.length > 0 ? v.start < b.start : span(v) < span(b)) best = d;
  }
  if (best) {
    const v = best.mention.value;
    const rule = `${followUp ? 'date-follow-up' : 'date-in-sentence'}/${best.mention.rule}`;
    return { start: v.start, end: v.end, precision: v.precision, rule };
  }
  // A well-known happening dates the event only where its name covers the trigger ("since Hamas invaded Israel").
  for (const s of sentences) {
    const sentence = frame.sentences[s];
    if (!sentence) continue;
    const text = frame.text.slice(sentence.span.start, sentence.span.end);
    for (const anchor of ANCHORS) {
      const match = anchor.pattern.exec(text);
      if (!match) continue;
      const start = sentence.span.start + match.index;
      const end = start + match[0].length;
      if (triggerSpans.some((t) => t.start < end && start < t.end))
        return { start: anchor.date, end: anchor.date, precision: 'day', rule: 'date-anchor' };
    }
  }
  if (!published) return null;
  const lasting = LASTING.has(type);
  return {
    start: addDays(published.end, lasting ? -30 : -6),
    end: published.end,
    precision: lasting ? 'month' : 'week',
    rule: 'date-from-published',
  };
}

// Dates read against the publication day ("last week", "in May"): right for news, wrong for a report months
// later about the trial; an explicit date said of the violence ("was shot on March 1, 2014") is the better witness,
// and so is a weekday inside the period ("earlier this week" ... "was shot Sunday night").
// An event's own weekday is left alone: in the news it is mostly right, and an explicit date elsewhere is as often
// another happening.
const RELATIVE_RULES: ReadonlySet<string> = new Set(['date/relative', 'date/last-week', 'date/month', 'date/week']);

/**
 * The date of a single violent event, from the report's other sentences about violence (`violent`), where the event's
 * own date is the publication fallback, a day said of what followed it, or one read against the publication day: the
 * day-precision date in the violent sentence nearest the event ("The family of a teen shot by police hired a lawyer."
 * ... "His life ended Friday night."), or, for a relative date, an explicit day or a weekday before its last day, also
 * from the event's own sentences. Failing violent sentences, a date said of the happening in any sentence ("It
 * happened about 9 p.m. Saturday"), else any day the report gives ("Officers were called to the corner Saturday").
 * Dates said of what followed never count, nor days after a stated day of what followed. Only where those sentences
 * give one day (within a day): a report of several attacks dates each apart. Returns `own` when the report gives
 * nothing better.
 */
export function reportDate(
  frame: DocumentFrame,
  own: EventDate | null,
  eventSentences: ReadonlySet<number>,
  violent: ReadonlySet<number>,
): EventDate | null {
  const fallback = own === null || own.rule === 'date-from-published' || own.rule.startsWith('date-follow-up/');
  const relative = own !== null && RELATIVE_RULES.has(own.rule.replace(/^date-in-sentence\//, ''));
  if (!fallback && !relative) return own;
  const published = frame.published;
  const first = Math.min(...eventSentences);
  // An attack precedes what followed it when that is a stated day; a weekday may be read against a report a day late.
  const latest = own?.rule === 'date-follow-up/date/explicit' ? own.end : (published?.end ?? null);
  const elsewhere = frame.dates.filter(
    (d) =>
      d.mention.value.precision === 'day' &&
      !(fallback && eventSentences.has(d.sentence)) &&
      !(latest && d.mention.value.start > latest) &&
      dateAttachment(frame, d) !== 'follow-up' &&
      !sinceClauseWithout(frame, d.start, []),
  );
  // Sentences with no trigger of their own still date the attack when they say so: "The shooting happened Thursday."
  let told = elsewhere.filter((d) => violent.has(d.sentence) || eventSentences.has(d.sentence));
  if (told.length === 0) told = elsewhere.filter((d) => dateAttachment(frame, d) === 'happening');
  // A report about one attack that gives a single day gives the attack's ("Officers were called Saturday").
  if (told.length === 0) told = elsewhere;
  // Only a report that dates its violence to one day tells one story; a report of many attacks dates each apart.
  const days = told.map((d) => Date.parse(d.mention.value.start));
  if (days.length > 0 && Math.max(...days) - Math.min(...days) > 86_400_000) return own;
  let best: (typeof frame.dates)[number] | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const d of told) {
    const v = d.mention.value;
    if (relative && ((d.mention.rule !== 'date/explicit' && d.mention.rule !== 'date/weekday') || !own || v.end >= addDays(own.end, -1)))
      continue;
    // Later sentences tell what followed; an earlier one told the happening: a date before the event weighs less.
    const distance = d.sentence >= first ? d.sentence - first : (first - d.sentence) * 1.5;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  if (!best) return own;
  const v = best.mention.value;
  return { start: v.start, end: v.end, precision: v.precision, rule: `date-in-report/${best.mention.rule}` };
}

/**
 * Whether the token at `at` lies in a clause opened by "since" ("since March 15", "since the campaign came into action
 * on March 15") that holds none of the event's triggers: a day such a clause gives starts a period, told to measure
 * against or count from. Not where a "when" clause after it tells what happened that day.
 */
function sinceClauseWithout(
  frame: DocumentFrame,
  at: number,
  triggerSpans: ReadonlyArray<{ readonly start: number; readonly end: number }>,
): boolean {
  const clause = frame.clauseOf[at];
  let first = at;
  while (first > 0 && frame.clauseOf[first - 1] === clause) first--;
  if (frame.view.keys[first] !== 'since') return false;
  let last = at;
  while (last + 1 < frame.clauseOf.length && frame.clauseOf[last + 1] === clause) last++;
  // "since October 7, when Hamas stormed across the border, killing 1,200": the day's own happening follows, told in
  // its "when" clause, and the day is its date.
  const keys = frame.view.keys;
  if (keys[last + 1] === 'when' || (keys[last + 1] === ',' && keys[last + 2] === 'when')) return false;
  const from = frame.view.tokens[first]?.start ?? 0;
  const to = frame.view.tokens[last]?.end ?? 0;
  return !triggerSpans.some((t) => t.start >= from && t.end <= to);
}

function span(v: { start: string; end: string }): number {
  return Date.parse(v.end) - Date.parse(v.start);
}
