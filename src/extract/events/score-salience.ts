/** @module Salience: how central each event is to its report, from 0 to 1. */
import type { Event } from '../../model/event.ts';
import type { Draft } from './extract-events.ts';

// What makes an event the report's subject: told in the lead, with figures the lead states, violent, told often,
// placed and dated. Told often weighs less than told first: a later account that gathers the body's many triggers
// ("the victim", "the shooting", "was taken to hospital") is as often a sidebar or a detail of the main one.
const WEIGHTS = {
  position: 0.3,
  leadFigures: 0.15,
  share: 0.15,
  violent: 0.15,
  figures: 0.1,
  placed: 0.05,
  dated: 0.05,
  asserted: 0.05,
} as const;
// The headline and the first sentences: where a report says what it is about.
const LEAD_SENTENCES = 3;

/** Scores each event (paired with the draft it came from) and returns the events with `salience` set. */
export function scoreSalience(events: readonly Event[], drafts: readonly Draft[], sentenceCount: number): Event[] {
  const triggers = drafts.reduce((n, d) => n + d.triggers.length, 0);
  return events.map((event, i) => {
    const draft = drafts[i] as Draft;
    const first = Math.min(...draft.sentences);
    const position = first < LEAD_SENTENCES ? 1 : 0.6 * (1 - first / Math.max(1, sentenceCount));
    const leadFigures = draft.accounts.some((a) => a.some((f) => !f.absent && f.sentence < LEAD_SENTENCES));
    const share = draft.triggers.length / Math.max(1, triggers);
    let score =
      WEIGHTS.position * position +
      WEIGHTS.share * Math.min(1, share * 2) +
      (leadFigures ? WEIGHTS.leadFigures : 0) +
      // Territory taken by force is a battle (ACLED's "Battles"), as violent as an attack.
      (event.type === 'ASSAULT' || event.modes.includes('territory') ? WEIGHTS.violent : event.type === 'DEATH' ? WEIGHTS.violent / 2 : 0) +
      (event.killed || event.injured ? WEIGHTS.figures : 0) +
      (draft.place ? WEIGHTS.placed : 0) +
      (draft.date ? WEIGHTS.dated : 0) +
      (event.modality === 'asserted' ? WEIGHTS.asserted : 0);
    if ((event.modality === 'hypothetical' && !isCounted(event)) || event.modality === 'future' || event.modality === 'denied')
      score *= 0.5;
    return { ...event, salience: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000 };
  });
}

/**
 * A report's main violent event: an attack before a death, then the most salient, among those told as happened
 * (asserted or reported). Null when the report tells none.
 */
export function mainViolentEvent<E extends Event>(events: Iterable<E>): E | null {
  const rank = (e: Event) => (e.type === 'ASSAULT' ? 1 : 0) + e.salience;
  let best: E | null = null;
  for (const e of events) {
    if (e.type !== 'ASSAULT' && e.type !== 'DEATH') continue;
    if (e.modality !== 'asserted' && e.modality !== 'reported-unconfirmed' && !(e.modality === 'hypothetical' && isCounted(e))) continue;
    if (!best || rank(e) > rank(best)) best = e;
  }
  return best;
}

/**
 * Whether an event told under a modal states its toll as told: "a dispute might have led to a shooting that left two
 * dead and four wounded" doubts the cause, not the shooting, whose dead and hurt are counted.
 */
function isCounted(event: Event): boolean {
  const definite = (r: Event['killed']) => r !== null && r.high !== null && r.low > 0;
  return definite(event.killed) || definite(event.injured);
}
