/** @module Finds the words that tell an event happened ("airstrike", "were shot", "visited"), with their voice. */
import type { EventType } from '../../model/event.ts';
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame } from './document-frame.ts';
import type { EventLexicon, TriggerEntry } from './event-lexicon.ts';

/** One trigger in a document: `tokens[start..end)`. */
export interface Trigger {
  readonly entry: TriggerEntry;
  /** The entry's type, or DEATH where "killed" comes with a cause no attack gives ("killed in a car crash"). */
  readonly type: EventType;
  readonly pos: 'verb' | 'noun';
  /** True for a passive verb ("were attacked"): its subject is the target. */
  readonly passive: boolean;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly clause: number;
}

// Forms of "be" (and "get") that make a participle passive; "has attacked" stays active.
const AUXILIARIES: ReadonlySet<string> = new Set(words('was were is are be been being got get gets getting'));
// Between an auxiliary and its participle: "were reportedly attacked", "was fatally shot", "had been".
const SKIPPABLE: ReadonlySet<string> = new Set(
  words('also reportedly allegedly later then just all both apparently not never had has have'),
);
// "came under attack": the subject is what was attacked, whatever the voice.
const UNDERGONE = /^(came|come|comes) under /;
// Before one of these a verb form is a noun: "the attack", "23 attacks", "Hamas's assault".
const NOUN_BEFORE: ReadonlySet<string> = new Set(
  words(
    "a an the this that these those their its his her our your my 's ’s any many several recent such of more further latest new first second third last deadly fatal surprise separate",
  ),
);

/** Every trigger in the document, in text order; blocked phrases ("heart attack") hide the triggers inside them. */
export function findTriggers(frame: DocumentFrame, lexicon: EventLexicon): Trigger[] {
  const { view } = frame;
  const found: Trigger[] = [];
  for (let at = 0; at < view.tokens.length;) {
    if (!lexicon.triggers.starts(view, at)) {
      at++;
      continue;
    }
    const match = lexicon.triggers.match(view, at);
    if (match === null) {
      at++;
      continue;
    }
    if (match.value.kind === 'blocked') {
      at = match.end;
      continue;
    }
    const option = match.value.options.find((o) => o.entry.needs.size === 0 || clauseHas(frame, at, match.end, o.entry.needs));
    if (option === undefined) {
      at++;
      continue;
    }
    const { entry } = option;
    let type = entry.type;
    const causeAhead = hasDeathCause(frame, lexicon, match.end, option.pos === 'verb' && isPassive(frame, at));
    // "died" tells an event of its own only with a cause no attack gives; otherwise it is a casualty of an attack.
    if (type === 'DEATH' && !causeAhead) {
      at = match.end;
      continue;
    }
    // "killed in a car crash", "the earthquake killed eight", "an explosion caused by a gas leak": no attack.
    const cause = causeAhead || hasDeathCauseBefore(frame, lexicon, at);
    const key = view.keys[at] as string;
    if (type === 'ASSAULT' && cause && (entry.modes.length === 0 ? /^kill/ : /^(explo|blast)/).test(key)) type = 'DEATH';
    // "An earthquake struck the island": what a disaster hits is no attack, where the disaster is the verb's subject.
    if (type === 'ASSAULT' && entry.modes.length === 0 && /^(struck|hit)$/.test(key) && hasDeathCauseBefore(frame, lexicon, at, true))
      type = 'DEATH';
    // "An earthquake struck the island, killing two people": the toll of a death with a cause of its own.
    const last = found.at(-1);
    if (type === 'ASSAULT' && entry.modes.length === 0 && /^kill/.test(view.keys[at] as string) && view.keys[at - 1] === ',')
      if (last?.type === 'DEATH' && last.sentence === frame.sentenceOf[at] && last.entry.type === 'ASSAULT') type = 'DEATH';
    const previous = view.keys[at - 1] ?? '';
    // "the attacks", "67 attacks", "Israeli attacks": a determiner, a number or a nationality makes a noun of the word.
    const nounAhead =
      NOUN_BEFORE.has(previous) ||
      /^\d[\d,.]*$/.test(previous) ||
      frame.places.some((p) => p.end === at && p.mention.rule === 'place/demonym');
    const pos = option.pos === 'verb' && nounAhead ? 'noun' : option.pos;
    found.push({
      entry,
      type,
      pos,
      passive: pos === 'verb' && (isPassive(frame, at) || UNDERGONE.test(view.keys.slice(at, match.end).join(' '))),
      start: at,
      end: match.end,
      sentence: frame.sentenceOf[at] as number,
      clause: frame.clauseOf[at] as number,
    });
    at = match.end;
  }
  return found;
}

// How far around a trigger its needed word is sought, within its clause: "seized a large cache of weapons".
const NEEDS_AFTER = 12;
const NEEDS_BEFORE = 8;

/** Whether one of `needs` stands in the trigger's clause near it ("captured the town", "weapons were seized"). */
function clauseHas(frame: DocumentFrame, start: number, end: number, needs: ReadonlySet<string>): boolean {
  const { keys } = frame.view;
  const clause = frame.clauseOf[start];
  for (let i = Math.max(0, start - NEEDS_BEFORE); i < Math.min(keys.length, end + NEEDS_AFTER); i++) {
    if (i >= start && i < end) continue;
    if (frame.clauseOf[i] === clause && needs.has(keys[i] as string)) return true;
  }
  return false;
}

/** Whether an auxiliary stands before the verb at `at` ("were attacked", "had come under attack", "was fatally shot"). */
function isPassive(frame: DocumentFrame, at: number): boolean {
  const { keys } = frame.view;
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
    const key = keys[i] as string;
    if (AUXILIARIES.has(key)) return true;
    if (!SKIPPABLE.has(key) && !key.endsWith('ly')) return false;
  }
  return false;
}

/** Whether a non-violent cause of death stands before a trigger in its clause ("the earthquake killed", "a gas explosion"). */
function hasDeathCauseBefore(frame: DocumentFrame, lexicon: EventLexicon, at: number, subjectOnly = false): boolean {
  const { view, clauseOf } = frame;
  for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
    if (clauseOf[i] !== clauseOf[at] || (subjectOnly && view.keys[i] === ',')) return false;
    const match = lexicon.deathCauses.starts(view, i) ? lexicon.deathCauses.match(view, i) : null;
    if (match && match.end <= at) return true;
  }
  return false;
}

const CAUSE_REACH = 16;
const CAUSE_LEADS: ReadonlySet<string> = new Set(words('after when as by'));

/** Whether a non-violent cause of death follows within a few tokens ("died of a heart attack", "killed in a crash"). */
function hasDeathCause(frame: DocumentFrame, lexicon: EventLexicon, from: number, passive = false): boolean {
  const { view, sentenceOf } = frame;
  const sentence = sentenceOf[from - 1];
  for (let i = from; i < Math.min(view.tokens.length, from + CAUSE_REACH); i++) {
    if (sentenceOf[i] !== sentence) return false;
    if (!lexicon.deathCauses.starts(view, i) || !lexicon.deathCauses.match(view, i)) continue;
    // "were killed ... after a volcano erupted": further on, only a cause said to be what deaths with no doer followed.
    const leads = CAUSE_LEADS.has(view.keys[i - 1] as string) || CAUSE_LEADS.has(view.keys[i - 2] as string);
    if (i - from < 8 || (passive && leads)) return true;
  }
  return false;
}
