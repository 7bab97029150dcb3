/** @module The event lexicon: trigger words, blocked phrases, mode cues, death causes and casualty words, from `data/event-triggers.json`. */
import triggerData from '../../../data/event-triggers.json' with { type: 'json' };
import { EVENT_TYPES, type EventType } from '../../model/event.ts';
import { TokenTrie } from '../../understand/actors/token-trie.ts';

/** One trigger entry: the type and modes its words imply. */
export interface TriggerEntry {
  /** The entry's id, which names the rule: `event/assault-firearms`. */
  readonly id: string;
  readonly type: EventType;
  readonly modes: readonly string[];
}

/** What a phrase in the trigger trie is. */
export type TriggerHit =
  { readonly kind: 'trigger'; readonly entry: TriggerEntry; readonly pos: 'verb' | 'noun' } | { readonly kind: 'blocked' };

/** The words casualty figures are read with. */
export type CasualtyCue = 'killed' | 'injured' | 'shot' | 'suspectDied' | 'any';

export interface EventLexicon {
  readonly triggers: TokenTrie<TriggerHit>;
  /** Mode cues: a phrase to the mode it adds. */
  readonly modeCues: TokenTrie<string>;
  readonly deathCauses: TokenTrie<true>;
  readonly casualty: TokenTrie<CasualtyCue>;
}

interface TriggerData {
  readonly triggers: ReadonlyArray<{
    readonly id: string;
    readonly type: string;
    readonly modes: readonly string[];
    readonly verbs: readonly string[];
    readonly nouns: readonly string[];
  }>;
  readonly blocked: readonly string[];
  readonly modeCues: Readonly<Record<string, readonly string[]>>;
  readonly deathCauses: readonly string[];
  readonly casualty: Readonly<Record<CasualtyCue, readonly string[]>>;
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

/** Builds a lexicon from data shaped like `data/event-triggers.json`; throws on an unknown event type. */
export function buildEventLexicon(data: TriggerData): EventLexicon {
  const triggers = new TokenTrie<TriggerHit>();
  // Blocked phrases go in first: the trie keeps the first value of a phrase, and a longer blocked phrase wins anyway.
  for (const phrase of data.blocked) triggers.add(phrase, { kind: 'blocked' });
  for (const item of data.triggers) {
    if (!TYPES.has(item.type))
      throw new Error(`Event trigger "${item.id}" has an unknown type "${item.type}"; use one of ${[...TYPES].join(', ')}.`);
    const entry: TriggerEntry = { id: item.id, type: item.type as EventType, modes: item.modes };
    for (const verb of item.verbs) triggers.add(verb, { kind: 'trigger', entry, pos: 'verb' });
    for (const noun of item.nouns) triggers.add(noun, { kind: 'trigger', entry, pos: 'noun' });
  }
  const modeCues = new TokenTrie<string>();
  for (const [mode, phrases] of Object.entries(data.modeCues)) for (const phrase of phrases) modeCues.add(phrase, mode);
  const deathCauses = new TokenTrie<true>();
  for (const phrase of data.deathCauses) deathCauses.add(phrase, true);
  const casualty = new TokenTrie<CasualtyCue>();
  // Longer, more telling phrases first: "shot and killed" is a death, not a shooting.
  for (const cue of ['suspectDied', 'killed', 'injured', 'shot', 'any'] as const)
    for (const phrase of data.casualty[cue]) casualty.add(phrase, cue);
  return { triggers, modeCues, deathCauses, casualty };
}

let cached: EventLexicon | null = null;

/** The lexicon in `data/event-triggers.json`, built once per process. */
export function defaultEventLexicon(): EventLexicon {
  cached ??= buildEventLexicon(triggerData as TriggerData);
  return cached;
}
