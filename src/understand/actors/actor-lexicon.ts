/**
 * @module The actor lexicon (`data/actors.json`, the hand lexicon, and `data/actor-dictionary.json`, the event-coding
 * dictionaries) compiled once into token tries: actors, agent nouns, unnamed-group words, titles, speakers.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-files.ts';
import type { ActorType, AttributionKind } from '../../model/mention.ts';
import { tokenKey } from '../sentences/token-view.ts';
import { TokenStarts, TokenTrie } from './token-trie.ts';

/** What a title before a name makes a person part of, which picks the affiliation when the title has a country. */
export type TitleCategory = 'government' | 'military' | 'police' | 'other';

/** One actor of the lexicon. */
export interface LexiconActor {
  /** Stable id (`hamas`, `us-forces`). */
  readonly id: string;
  /** Canonical name. */
  readonly name: string;
  readonly type: ActorType;
  /** ISO 3166-1 alpha-2, or null for a group spanning countries. */
  readonly country: string | null;
  /** The kind of source the actor is when quoted, where its type does not say it (a health ministry gives statistics). */
  readonly attribution: AttributionKind | null;
}

/** An alias found in the text: its actor, and whether it is a place name standing for the actor ("Tehran says"). */
export interface ActorAlias {
  readonly actor: LexiconActor;
  readonly metonymic: boolean;
}

/** A collective noun of an armed or state actor ("army", "treasury police"): the kind it gives and its CAMEO code. */
export interface AgentNoun {
  readonly type: ActorType;
  readonly cameo: string;
}

/** The actors a country's government and military titles belong to. */
export interface CountryTies {
  readonly country: string;
  readonly government: string | null;
  readonly military: string | null;
}

/** The compiled lexicon every actor, person and attribution extractor reads. */
export interface ActorLexicon {
  readonly actors: ReadonlyMap<string, LexiconActor>;
  readonly aliases: TokenTrie<ActorAlias>;
  /** Collective nouns of armed and state actors from the dictionaries ("armed forces"), unnamed by themselves. */
  readonly agents: TokenTrie<AgentNoun>;
  /** Nationality words of every country ("Salvadoran"), to its country: the country of an agent noun after one. */
  readonly nationalities: TokenTrie<string>;
  /** Heads after a capitalised place that make a police force ("Police Department"). */
  readonly policeHeads: TokenTrie<true>;
  /** Patron names before a backing word ("Iran" in "Iran-backed"), to their country. */
  readonly patrons: TokenTrie<string>;
  /** Backing words ("backed", "aligned"), as keys. */
  readonly backing: ReadonlySet<string>;
  /** Words allowed between a backing word and a group head ("militant"), as keys. */
  readonly groupModifiers: ReadonlySet<string>;
  readonly groupHeads: TokenTrie<true>;
  /** Heads that name a patron's proxies without a backing word ("Iranian proxies"). */
  readonly proxyHeads: TokenTrie<true>;
  /** Heads of an unidentified armed group; the value says whether the head needs a modifier ("unidentified gunman"). */
  readonly unidentifiedHeads: TokenTrie<boolean>;
  readonly unidentifiedModifiers: ReadonlySet<string>;
  /** Nationality words and possessives ("Israeli", "Iraq's"), to their country. */
  readonly demonyms: TokenTrie<string>;
  /** Country names and capitals that speak for a government ("Iran said"), to their country. */
  readonly countryNames: TokenTrie<string>;
  readonly countries: ReadonlyMap<string, CountryTies>;
  readonly titles: TokenTrie<TitleCategory>;
  /** Head words of a person's description ("researcher", "director"), as keys. */
  readonly roles: ReadonlySet<string>;
  /** Head nouns of an unnamed speaker ("official", "statistics"), as keys, to the kind of source. */
  readonly speakerHeads: ReadonlyMap<string, AttributionKind>;
  /** Every key an actor or unnamed group can start with: other tokens need no look-up at all. */
  readonly actorStartKeys: ReadonlySet<string>;
  /** Whether a token, as written (key and case), can start an actor or unnamed group: other tokens need no trie look-up. */
  readonly actorStarts: TokenStarts;
  /**
   * Start keys only phrases of two or more words begin with ("the" of "the Taliban", "hit" of "hit squad"), to the keys
   * their second word may have: a token before any other word starts nothing.
   */
  readonly startsOnlyBefore: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every key a title or a nationality before a title can start with. */
  readonly titleStarts: ReadonlySet<string>;
}

const ACTOR_TYPES: ReadonlySet<string> = new Set<ActorType>([
  'state-forces',
  'government',
  'armed-group',
  'designated-terrorist-group',
  'political-party',
  'international-organisation',
  'think-tank',
  'media',
  'ngo',
  'police',
  'civilians',
  'individual',
  'unidentified-armed-group',
]);
const ATTRIBUTION_KINDS: ReadonlySet<string> = new Set<AttributionKind>([
  'official',
  'statistics',
  'report',
  'media',
  'ngo',
  'expert',
  'witness',
  'unattributed',
]);
const TITLE_CATEGORIES: readonly TitleCategory[] = ['government', 'military', 'police', 'other'];

let defaultLexicon: ActorLexicon | null = null;

/**
 * The lexicon in the project's `data/actors.json`, with the dictionaries of `data/actor-dictionary.json` and the
 * nationality words of `data/places/demonyms.json`, read and compiled on first use.
 */
export function defaultActorLexicon(): ActorLexicon {
  if (defaultLexicon === null) {
    const read = (path: string) => JSON.parse(readFileSync(dataFile(path), 'utf8')) as unknown;
    defaultLexicon = compileActorLexicon(read('actors.json'), read('actor-dictionary.json'), read('places/demonyms.json'));
  }
  return defaultLexicon;
}

/**
 * Compiles lexicon data shaped like `data/actors.json`, and optionally dictionary data shaped like
 * `data/actor-dictionary.json` and nationality words shaped like `data/places/demonyms.json`; throws, naming the
 * entry, when the data is malformed. The hand lexicon wins: a dictionary group any of whose aliases the hand lexicon
 * already has is left out whole, and so is an agent noun the hand lexicon already reads.
 */
export function compileActorLexicon(data: unknown, dictionary?: unknown, nationalityData?: unknown): ActorLexicon {
  const root = record(data, 'the lexicon');
  const actors = new Map<string, LexiconActor>();
  const aliases = new TokenTrie<ActorAlias>();
  for (const [index, raw] of list(root.actors, 'actors').entries()) {
    const entry = record(raw, `actors[${index}]`);
    const id = text(entry.id, `actors[${index}].id`);
    const type = text(entry.type, `actor ${id} type`);
    if (!ACTOR_TYPES.has(type)) throw new Error(`Actor ${id} has type "${type}"; use one of ${[...ACTOR_TYPES].join(', ')}.`);
    const attribution = entry.attribution === undefined ? null : text(entry.attribution, `actor ${id} attribution`);
    if (attribution !== null && !ATTRIBUTION_KINDS.has(attribution)) {
      throw new Error(`Actor ${id} has attribution "${attribution}"; use one of ${[...ATTRIBUTION_KINDS].join(', ')}.`);
    }
    const country = entry.country === null ? null : text(entry.country, `actor ${id} country`);
    const actor: LexiconActor = {
      id,
      name: text(entry.name, `actor ${id} name`),
      type: type as ActorType,
      country,
      attribution: attribution as AttributionKind | null,
    };
    if (actors.has(id)) throw new Error(`Actor id "${id}" appears twice in the lexicon; ids must be unique.`);
    actors.set(id, actor);
    const metonymic = new Set(entry.metonymic === undefined ? [] : texts(entry.metonymic, `actor ${id} metonymic`));
    for (const alias of texts(entry.aliases, `actor ${id} aliases`)) {
      aliases.add(alias, { actor, metonymic: metonymic.has(alias) });
    }
  }

  const handAliases = new Set<string>();
  for (const raw of list(root.actors, 'actors'))
    for (const alias of texts((raw as Record<string, unknown>).aliases, 'aliases')) handAliases.add(alias.toLowerCase());
  const agents = new TokenTrie<AgentNoun>();
  if (dictionary !== undefined) addDictionary(record(dictionary, 'the dictionary'), actors, aliases, agents, handAliases);

  const groups = record(root.unnamedGroups, 'unnamedGroups');
  const patrons = new TokenTrie<string>();
  for (const [name, country] of Object.entries(record(groups.patrons, 'unnamedGroups.patrons'))) {
    patrons.add(name, text(country, `patron ${name}`));
  }
  const needsModifier = new Set(texts(groups.needsModifier, 'unnamedGroups.needsModifier'));
  const unidentifiedHeads = new TokenTrie<boolean>();
  for (const head of texts(groups.unidentifiedHeads, 'unnamedGroups.unidentifiedHeads')) {
    unidentifiedHeads.add(head, needsModifier.has(head));
  }

  const countries = new Map<string, CountryTies>();
  const demonyms = new TokenTrie<string>();
  const countryNames = new TokenTrie<string>();
  for (const [country, raw] of Object.entries(record(root.countries, 'countries'))) {
    if (country === 'about') continue;
    const ties = record(raw, `countries.${country}`);
    for (const demonym of texts(ties.demonyms, `countries.${country}.demonyms`)) demonyms.add(demonym, country);
    for (const name of texts(ties.names, `countries.${country}.names`)) countryNames.add(name, country);
    countries.set(country, {
      country,
      government: ties.government === null ? null : knownActor(actors, ties.government, `countries.${country}`),
      military: ties.military === null ? null : knownActor(actors, ties.military, `countries.${country}`),
    });
  }

  const titles = new TokenTrie<TitleCategory>();
  const titleData = record(root.titles, 'titles');
  for (const category of TITLE_CATEGORIES) {
    for (const title of texts(titleData[category], `titles.${category}`)) titles.add(title, category);
  }

  const speakerHeads = new Map<string, AttributionKind>();
  for (const [head, kind] of Object.entries(record(record(root.speakers, 'speakers').heads, 'speakers.heads'))) {
    if (typeof kind !== 'string' || !ATTRIBUTION_KINDS.has(kind)) throw new Error(`Speaker head "${head}" has no known kind.`);
    speakerHeads.set(tokenKey(head), kind as AttributionKind);
  }

  const unidentifiedModifiers = keysOf(texts(groups.unidentifiedModifiers, 'unnamedGroups.unidentifiedModifiers'));
  const nationalities = new TokenTrie<string>();
  if (nationalityData !== undefined) {
    const byCountry = record(record(nationalityData, 'the nationality words').demonyms, 'demonyms');
    for (const [country, words] of Object.entries(byCountry)) {
      if (!/^[A-Z]{2}$/.test(country)) continue;
      for (const word of texts(words, `demonyms.${country}`)) nationalities.add(word, country);
    }
  }
  for (const [name, country] of Object.entries(record(groups.patrons, 'unnamedGroups.patrons'))) nationalities.add(name, String(country));

  return {
    actors,
    aliases,
    agents,
    nationalities,
    policeHeads: trieOf(texts(record(root.namedPolice, 'namedPolice').heads, 'namedPolice.heads')),
    patrons,
    backing: keysOf(texts(groups.backing, 'unnamedGroups.backing')),
    groupModifiers: keysOf(texts(groups.modifiers, 'unnamedGroups.modifiers')),
    groupHeads: trieOf(texts(groups.heads, 'unnamedGroups.heads')),
    proxyHeads: trieOf(texts(groups.proxyHeads, 'unnamedGroups.proxyHeads')),
    unidentifiedHeads,
    unidentifiedModifiers,
    demonyms,
    countryNames,
    countries,
    titles,
    roles: keysOf(texts(record(root.roles, 'roles').words, 'roles.words')),
    speakerHeads,
    actorStartKeys: new Set([
      ...aliases.firstKeys(),
      ...agents.firstKeys(),
      ...nationalities.firstKeys(),
      ...patrons.firstKeys(),
      ...unidentifiedHeads.firstKeys(),
      ...unidentifiedModifiers,
      'pro',
    ]),
    actorStarts: new TokenStarts([aliases, agents, nationalities, patrons, unidentifiedHeads], [...unidentifiedModifiers, 'pro']),
    startsOnlyBefore: startsOnlyBefore([aliases, agents, nationalities, patrons, unidentifiedHeads], [...unidentifiedModifiers, 'pro']),
    titleStarts: new Set([...titles.firstKeys(), ...demonyms.firstKeys()]),
  };
}

/**
 * The start keys no reader has a phrase of one word for (nor takes alone, as a modifier), to the keys their second
 * word may have in any of the readers' tries: "the" (of "the Taliban"), "hit" (of "hit squad").
 */
function startsOnlyBefore(tries: ReadonlyArray<TokenTrie<unknown>>, aloneKeys: readonly string[]): Map<string, ReadonlySet<string>> {
  const alone = new Set<string>(aloneKeys);
  const seconds = new Map<string, Set<string>>();
  for (const trie of tries) {
    for (const [key, next] of trie.secondKeys()) {
      if (next === null) {
        alone.add(key);
        continue;
      }
      const known = seconds.get(key);
      if (known === undefined) seconds.set(key, new Set(next));
      else for (const word of next) known.add(word);
    }
  }
  for (const key of alone) seconds.delete(key);
  return seconds;
}

/** Adds the dictionary's groups as actors and its agent nouns, each only where the hand lexicon does not have it. */
function addDictionary(
  root: Record<string, unknown>,
  actors: Map<string, LexiconActor>,
  aliases: TokenTrie<ActorAlias>,
  agents: TokenTrie<AgentNoun>,
  handAliases: ReadonlySet<string>,
): void {
  for (const [index, raw] of list(root.groups, 'groups').entries()) {
    const row = list(raw, `groups[${index}]`);
    const id = text(row[0], `groups[${index}][0]`);
    const type = text(row[2], `group ${id} kind`);
    if (!ACTOR_TYPES.has(type)) throw new Error(`Dictionary group ${id} has kind "${type}"; use one of ${[...ACTOR_TYPES].join(', ')}.`);
    const names = texts(row[5], `group ${id} aliases`);
    if (actors.has(id) || names.some((name) => handAliases.has(name.toLowerCase()))) continue;
    const actor: LexiconActor = {
      id,
      name: text(row[1], `group ${id} name`),
      type: type as ActorType,
      country: row[3] === null ? null : text(row[3], `group ${id} country`),
      attribution: null,
    };
    actors.set(id, actor);
    for (const name of names) aliases.add(name, { actor, metonymic: false });
  }
  for (const [index, raw] of list(root.agents, 'agents').entries()) {
    const row = list(raw, `agents[${index}]`);
    const phrase = text(row[0], `agents[${index}][0]`);
    const type = text(row[1], `agent ${phrase} kind`);
    if (!ACTOR_TYPES.has(type))
      throw new Error(`Dictionary agent "${phrase}" has kind "${type}"; use one of ${[...ACTOR_TYPES].join(', ')}.`);
    if (handAliases.has(phrase.toLowerCase())) continue;
    agents.add(phrase, { type: type as ActorType, cameo: text(row[2], `agent ${phrase} code`) });
  }
}

function trieOf(phrases: readonly string[]): TokenTrie<true> {
  const trie = new TokenTrie<true>();
  for (const phrase of phrases) trie.add(phrase, true);
  return trie;
}

function keysOf(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(tokenKey));
}

function knownActor(actors: ReadonlyMap<string, LexiconActor>, id: unknown, where: string): string {
  const name = text(id, where);
  if (!actors.has(name)) throw new Error(`${where} names actor "${name}", which the lexicon does not define.`);
  return name;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`The actor lexicon needs an object at ${where}.`);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`The actor lexicon needs a list at ${where}.`);
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`The actor lexicon needs a non-empty string at ${where}.`);
  return value;
}

function texts(value: unknown, where: string): string[] {
  return list(value, where).map((item, index) => text(item, `${where}[${index}]`));
}
