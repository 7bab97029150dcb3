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
  /** Keys one of which must stand in the trigger's clause ("captured" a town, "seized" weapons); empty for none. */
  readonly needs: ReadonlySet<string>;
}

/** One reading of a trigger phrase: its entry and part of speech. */
export interface TriggerOption {
  readonly entry: TriggerEntry;
  readonly pos: 'verb' | 'noun';
}

/** What a phrase in the trigger trie is. */
export type TriggerHit =
  | {
      readonly kind: 'trigger';
      /** The readings of the phrase in data order: the first whose `needs` the clause meets is taken. */
      readonly options: TriggerOption[];
    }
  | { readonly kind: 'blocked' };

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
    readonly needs?: readonly string[];
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
  const hits = new Map<string, { kind: 'trigger'; options: TriggerOption[] }>();
  for (const item of data.triggers) {
    if (!TYPES.has(item.type))
      throw new Error(`Event trigger "${item.id}" has an unknown type "${item.type}"; use one of ${[...TYPES].join(', ')}.`);
    const entry: TriggerEntry = {
      id: item.id,
      type: item.type as EventType,
      modes: item.modes,
      needs: new Set((item.needs ?? []).map((w) => w.toLowerCase())),
    };
    // A phrase of several entries ("seized" a town, "seized" weapons) keeps every reading, in data order.
    const add = (phrase: string, pos: 'verb' | 'noun') => {
      const key = phrase.toLowerCase();
      const known = hits.get(key);
      if (known) known.options.push({ entry, pos });
      else {
        const hit = { kind: 'trigger' as const, options: [{ entry, pos }] };
        hits.set(key, hit);
        triggers.add(phrase, hit);
      }
    };
    for (const verb of item.verbs) add(verb, 'verb');
    for (const noun of item.nouns) add(noun, 'noun');
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
