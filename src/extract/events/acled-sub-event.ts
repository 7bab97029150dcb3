/**
 * @module ACLED's vocabulary beside PLOVER's: the sub-event type (and its event type) an event maps to, chosen by the
 * ordered rules of `data/acled-sub-events.json` from the event's PLOVER type, modes, initiator, target and the cue
 * phrases of its sentences.
 */
import subEventData from '../../../data/acled-sub-events.json' with { type: 'json' };
import { EVENT_TYPES, type EventActor, type EventType } from '../../model/event.ts';
import { TokenTrie } from '../../understand/actors/token-trie.ts';
import type { DocumentFrame } from './document-frame.ts';

interface SubEventRule {
  readonly sub: string;
  readonly types: readonly string[];
  readonly modes?: readonly string[];
  readonly cues?: readonly string[];
  readonly noCues?: readonly string[];
  readonly noModes?: boolean;
  readonly notModes?: readonly string[];
  readonly initiator?: 'state' | 'non-state';
  readonly armedTarget?: boolean;
}

interface SubEventData {
  readonly subEvents: Readonly<Record<string, { readonly eventType: string; readonly plover: readonly string[] }>>;
  readonly rules: readonly SubEventRule[];
  readonly cues: Readonly<Record<string, readonly string[]>>;
}

/** The compiled rules: checked once when the module loads, so a bad data file fails at start, naming the entry. */
export interface SubEventLexicon {
  readonly eventTypes: Readonly<Record<string, string>>;
  readonly rules: readonly SubEventRule[];
  /** Every cue phrase, to the cue sets it belongs to. */
  readonly cues: TokenTrie<readonly string[]>;
}

/** Builds the lexicon from data shaped like `data/acled-sub-events.json`; throws on a rule naming an unknown type, sub-event or cue set. */
export function buildSubEventLexicon(data: SubEventData): SubEventLexicon {
  const types: ReadonlySet<string> = new Set(EVENT_TYPES);
  data.rules.forEach((rule, i) => {
    const where = `data/acled-sub-events.json rules[${i}] ("${rule.sub}")`;
    if (!(rule.sub in data.subEvents)) throw new Error(`${where}: unknown sub-event type; add it to "subEvents".`);
    for (const t of rule.types) if (!types.has(t)) throw new Error(`${where}: unknown PLOVER type "${t}".`);
    for (const c of [...(rule.cues ?? []), ...(rule.noCues ?? [])])
      if (!(c.replace(/^(subject|after):/, '') in data.cues)) throw new Error(`${where}: unknown cue set "${c}"; add it to "cues".`);
  });
  const sets = new Map<string, string[]>();
  for (const [name, phrases] of Object.entries(data.cues))
    for (const phrase of phrases) {
      const key = phrase.toLowerCase();
      sets.set(key, [...(sets.get(key) ?? []), name]);
    }
  const cues = new TokenTrie<readonly string[]>();
  for (const [phrase, names] of sets) cues.add(phrase, names);
  const eventTypes: Record<string, string> = {};
  for (const [sub, { eventType }] of Object.entries(data.subEvents)) eventTypes[sub] = eventType;
  return { eventTypes, rules: data.rules, cues };
}

const lexicon = buildSubEventLexicon(subEventData as SubEventData);

/** ACLED's event type for each sub-event type. */
export const ACLED_EVENT_TYPES: Readonly<Record<string, string>> = lexicon.eventTypes;

// Lexicon ids and names of armed actors: an attack on them is a clash, not violence against civilians.
const ARMED =
  /forces|military|army|troops|soldiers|militia|militants?|fighters|guard|command|air force|navy|marines|police|irgc|hamas|hezbollah|isis|islamic state|group/i;
// Initiators that are a state: its forces, police or government.
const STATE = /forces|military|army|troops|soldiers|government|ministry|police|navy|air force|marines|guard|command|security/i;

/** What a sub-event rule reads of one event. */
export interface SubEventInput {
  readonly type: EventType;
  readonly modes: readonly string[];
  readonly initiator: readonly EventActor[];
  readonly target: readonly EventActor[];
  /** The cue sets with a phrase in the event's sentences (`findCueSets`). */
  readonly cues: ReadonlySet<string>;
}

/** The ACLED sub-event type of an event: the first rule that fits, else "Other". */
export function acledSubEvent(event: SubEventInput, rules: readonly SubEventRule[] = lexicon.rules): string {
  for (const rule of rules) if (fits(rule, event)) return rule.sub;
  return 'Other';
}

function fits(rule: SubEventRule, e: SubEventInput): boolean {
  if (!rule.types.includes(e.type)) return false;
  if (rule.modes && !rule.modes.some((m) => e.modes.includes(m))) return false;
  if (rule.noModes && e.modes.length > 0) return false;
  if (rule.notModes && rule.notModes.some((m) => e.modes.includes(m))) return false;
  if (rule.cues && !rule.cues.every((c) => e.cues.has(c))) return false;
  if (rule.noCues && rule.noCues.some((c) => e.cues.has(c))) return false;
  if (rule.initiator) {
    const state = e.initiator.some((a) => STATE.test(`${a.id ?? ''} ${a.name}`) && !/militia|rebel|insurgent|opposition/i.test(a.name));
    if ((rule.initiator === 'state') !== state) return false;
  }
  if (rule.armedTarget && !e.target.some((a) => ARMED.test(`${a.id ?? ''} ${a.name}`)) && !e.cues.has('after:armed-target')) return false;
  return true;
}

/**
 * The cue sets with a phrase in the given sentences of a document; a set found before the event's first trigger, in
 * its sentence, also as `subject:` and its name (who did it: "government forces recaptured the town"), and one found
 * after it as `after:` and its name (whom it hit: "attacked an army checkpoint").
 */
export function findCueSets(frame: DocumentFrame, sentences: Iterable<number>, firstTrigger: number): Set<string> {
  const triggerSentence = frame.sentenceOf[firstTrigger];
  const found = new Set<string>();
  const { view } = frame;
  for (const s of sentences) {
    const sentence = frame.sentences[s];
    if (!sentence) continue;
    for (let i = sentence.start; i < sentence.end;) {
      const match = lexicon.cues.starts(view, i) ? lexicon.cues.match(view, i) : null;
      if (!match) {
        i++;
        continue;
      }
      for (const name of match.value) {
        found.add(name);
        if (s === triggerSentence && match.end <= firstTrigger) found.add(`subject:${name}`);
        else found.add(`after:${name}`);
      }
      i = match.end;
    }
  }
  return found;
}
