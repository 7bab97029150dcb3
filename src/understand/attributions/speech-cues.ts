/** @module The verbs and frames that introduce a speaker (`data/speech-verbs.json`), compiled once for token look-up. */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-files.ts';
import type { AttributionStance } from '../../model/mention.ts';
import { TokenTrie } from '../actors/token-trie.ts';
import { tokenKey } from '../sentences/token-view.ts';

/** The compiled cues: single-word verbs by key, multi-word frames in a trie. */
export interface SpeechCues {
  /** "said" → asserted, "denied" → denied, "claimed" → reported-unconfirmed. */
  readonly verbs: ReadonlyMap<string, AttributionStance>;
  /** "according to", "reports from", "reportedly": the frame as written in the data, and its stance. */
  readonly frames: TokenTrie<{ readonly frame: string; readonly stance: AttributionStance }>;
}

const STANCES: ReadonlySet<string> = new Set<AttributionStance>(['asserted', 'denied', 'reported-unconfirmed']);

let defaultCues: SpeechCues | null = null;

/** The cues in the project's `data/speech-verbs.json`, read and compiled on first use. */
export function defaultSpeechCues(): SpeechCues {
  if (defaultCues === null) {
    defaultCues = compileSpeechCues(JSON.parse(readFileSync(dataFile('speech-verbs.json'), 'utf8')));
  }
  return defaultCues;
}

/** Compiles data shaped like `data/speech-verbs.json`; throws, naming the entry, when a stance is unknown. */
export function compileSpeechCues(data: unknown): SpeechCues {
  const root = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const verbs = new Map<string, AttributionStance>();
  for (const [verb, stance] of entries(root.verbs, 'verbs')) verbs.set(tokenKey(verb), stance);
  const frames = new TokenTrie<{ readonly frame: string; readonly stance: AttributionStance }>();
  for (const [frame, stance] of entries(root.frames, 'frames')) frames.add(frame, { frame, stance });
  return { verbs, frames };
}

function entries(value: unknown, where: string): Array<[string, AttributionStance]> {
  if (typeof value !== 'object' || value === null) throw new Error(`Speech cues need an object at "${where}".`);
  return Object.entries(value).map(([word, stance]) => {
    if (typeof stance !== 'string' || !STANCES.has(stance)) {
      throw new Error(`Speech cue "${word}" has stance ${JSON.stringify(stance)}; use one of ${[...STANCES].join(', ')}.`);
    }
    return [word, stance as AttributionStance];
  });
}
