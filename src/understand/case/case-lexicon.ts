/** @module What case restoration reads: English common words (wink's lexicon), place names (the gazetteer) and actor names (the actor lexicon). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import dictionaryData from '../../../data/actor-dictionary.json' with { type: 'json' };
import actorData from '../../../data/actors.json' with { type: 'json' };
import demonymData from '../../../data/places/demonyms.json' with { type: 'json' };
import type { Gazetteer } from '../places/gazetteer.ts';
import { placeKey } from '../places/place-key.ts';

/** The words and names a capital-letter copy is re-cased by. */
export interface CaseLexicon {
  /** Whether a lower-case word is a common English word (not a proper noun): written in lower case unless it opens a sentence. */
  isCommon(word: string): boolean;
  /**
   * How a name of one or more words is written ("San Salvador", "FMLN"), looked up by its lower-case words joined by
   * single spaces; undefined when the phrase is no name the lexicons know, or too weak a one to beat common words.
   */
  nameOf(phrase: string, allCommon: boolean, single: boolean): string | undefined;
  /** Whether a lower-case word is a common given name ("hector", "bill"), which opens a name before another name. */
  isGivenName(word: string): boolean;
}

interface WinkModel {
  readonly lexicon: string;
  readonly features: { readonly lexeme: { readonly list: readonly string[] }; readonly posClusters: { readonly list: readonly string[] } };
}

let commonWords: ReadonlySet<string> | null = null;

/**
 * The lower-case words of wink's English lexicon that it does not tag as proper nouns ("peru", "colombia" are left
 * out; "attack", "police" are in). Read once, on the first capital-letter copy a process meets.
 */
export function englishCommonWords(): ReadonlySet<string> {
  if (commonWords) return commonWords;
  const require = createRequire(import.meta.url);
  const path = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  const model = JSON.parse(readFileSync(path, 'utf8')) as WinkModel;
  const packed = Buffer.from(model.lexicon, 'base64');
  const lexicon = new Uint32Array(packed.buffer, packed.byteOffset, packed.length >>> 2);
  const properNoun = model.features.posClusters.list.indexOf('PROPN');
  const list = model.features.lexeme.list;
  const set = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const word = list[i] as string;
    if (!/^[a-z]+$/.test(word)) continue;
    // Each lexeme takes four 32-bit words; the second one's top six bits are its part-of-speech cluster.
    if ((lexicon[i * 4 + 1] ?? 0) >>> 26 === properNoun) continue;
    set.add(word);
  }
  commonWords = set;
  return set;
}

interface ActorData {
  readonly actors: ReadonlyArray<{ readonly aliases: readonly string[] }>;
  readonly plainWords: { readonly words: readonly string[] };
}

const plainWords: ReadonlySet<string> = new Set((actorData as ActorData).plainWords.words.map((w) => w.toLowerCase()));

let actorNames: ReadonlyMap<string, string> | null = null;

/**
 * The names that carry a capital in the actor lexicon ("FMLN", "Islamic State"), the dictionaries' group names of
 * two words or more with a word that is no common word ("Tupac Katari Guerrilla Army"; their one-word names are too
 * often a word or a person's name, and names of common words only a phrase), and the
 * nationality words ("Peruvian", "Salvadorans"), by their lower-case words.
 */
function actorNameMap(common: ReadonlySet<string>): ReadonlyMap<string, string> {
  if (actorNames) return actorNames;
  const map = new Map<string, string>();
  for (const list of Object.values((demonymData as { demonyms: Record<string, readonly string[]> }).demonyms))
    for (const demonym of list)
      for (const form of demonym.endsWith('s') ? [demonym] : [demonym, `${demonym}s`]) map.set(form.toLowerCase(), form);
  for (const actor of (actorData as ActorData).actors)
    for (const alias of actor.aliases) {
      if (!/\p{Lu}/u.test(alias)) continue;
      const key = alias.toLowerCase().split(/\s+/).join(' ');
      if (!map.has(key)) map.set(key, alias);
    }
  for (const group of (dictionaryData as { groups: ReadonlyArray<readonly unknown[]> }).groups)
    for (const alias of group[5] as readonly string[]) {
      const key = alias.toLowerCase().split(/\s+/).join(' ');
      // "INTERNATIONAL SOLIDARITY" in capital copy is the phrase, not the group: a name needs a word of its own.
      if (key.includes(' ') && !map.has(key) && !key.split(' ').every((w) => isCommonForm(common, w))) map.set(key, alias);
    }
  actorNames = map;
  return map;
}

// A place must weigh this much (gazetteer prior: kind, then population) to be written as a name where every word
// of it is a common word ("United States", "Lima"): countries, first-level regions and large capitals do; "Nice",
// "Reading" and "Mobile" do not.
const COMMON_WORD_PLACE_PRIOR = 9;
// Other names (at least one word no common word) need only be a real town: "San Miguel", "Santa Ana".
const PLACE_PRIOR = 1;
// Small words inside a name stay in lower case: "Gulf of Aden", "Puerto de la Cruz".
const CONNECTORS = new Set('of the de del della di da do dos das du la las los le les el y e et and van von bin ibn al'.split(' '));

const byGazetteer = new WeakMap<Gazetteer, CaseLexicon>();

/** The case lexicon over this gazetteer, built once per gazetteer (and process). */
export function caseLexiconFor(gazetteer: Gazetteer): CaseLexicon {
  let lexicon = byGazetteer.get(gazetteer);
  if (!lexicon) byGazetteer.set(gazetteer, (lexicon = createCaseLexicon(gazetteer)));
  return lexicon;
}

// Words that name a kind of place or a direction, never one place on their own: "the capital", "central Colombia".
const GENERIC = new Set(
  'capital central north south east west northern southern eastern western northeast northwest southeast southwest centre center coast islands district region province department state city town'.split(
    ' ',
  ),
);

/** A case lexicon over the gazetteer and the project's actor lexicon. */
export function createCaseLexicon(gazetteer: Gazetteer): CaseLexicon {
  const common = englishCommonWords();
  const actors = actorNameMap(common);
  return {
    isCommon: (word) => isCommonForm(common, word),
    isGivenName: (word) => gazetteer.givenNames.has(placeKey(word)),
    nameOf(phrase, allCommon, single) {
      const actor = actors.get(phrase);
      // A one-word actor name that is also a plain word ("WHO", "ARENA") is read as the word; "ELN" is the name.
      if (actor !== undefined && !(single && allCommon && actor === actor.toUpperCase() && plainWords.has(phrase))) return actor;
      if (single && GENERIC.has(phrase)) return undefined;
      const ids = gazetteer.lookup(placeKey(phrase));
      if (ids.length === 0) return undefined;
      const best = ids[0] as number;
      if (gazetteer.prior(best) < (allCommon ? COMMON_WORD_PLACE_PRIOR : PLACE_PRIOR)) return undefined;
      return phrase
        .split(' ')
        .map((word, i) => (i > 0 && CONNECTORS.has(word) ? word : capitalise(word)))
        .join(' ');
    },
  };
}

/**
 * Whether a word is a common word or an inflection of one: the lexicon lists lemmas and some forms, so "massacred",
 * "lieutenants" and "person's" are read through "massacre", "lieutenant" and "person".
 */
function isCommonForm(common: ReadonlySet<string>, word: string): boolean {
  if (common.has(word)) return true;
  const bare = word.replace(/['’]s?$/, '');
  if (bare !== word) return common.has(bare) || isCommonForm(common, bare);
  for (const [suffix, ...bases] of INFLECTIONS) {
    if (!bare.endsWith(suffix) || bare.length - suffix.length < 3) continue;
    const stem = bare.slice(0, -suffix.length);
    if (bases.some((base) => common.has(stem + base))) return true;
    // A doubled consonant before the ending: "planned", "shipping".
    if ((suffix === 'ed' || suffix === 'ing') && stem.at(-1) === stem.at(-2) && common.has(stem.slice(0, -1))) return true;
  }
  return false;
}

// An ending and what may stand in its place in the lemma: "bodies" ← "body", "armed" ← "arm", "surnamed" ← "surname".
const INFLECTIONS: ReadonlyArray<readonly [string, ...string[]]> = [
  ['men', 'man'],
  ['ies', 'y'],
  ['ied', 'y'],
  ['es', '', 'e'],
  ['s', ''],
  ['ed', '', 'e'],
  ['ing', '', 'e'],
  ['ers', '', 'e'],
  ['er', '', 'e'],
  ['ly', '', 'le'],
];

/** "salvador" → "Salvador"; a capital after each hyphen ("Al-Bukamal") and after an apostrophe in a name ("O'Neill", not "Garcia'S"). */
export function capitalise(word: string): string {
  return word.replace(/(^|-|['’](?=\p{L}{2}))(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
