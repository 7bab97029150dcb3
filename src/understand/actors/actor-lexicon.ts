/** @module The actor lexicon (`data/actors.json`) compiled once into token tries: actors, unnamed-group words, titles, speakers. */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../package-files.ts';
import type { ActorType, AttributionKind } from '../../model/mention.ts';
import { tokenKey } from '../sentences/token-view.ts';
import { TokenTrie } from './token-trie.ts';

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
  /** Every key an actor or unnamed group can start with: other tokens need no trie look-up. */
  readonly actorStarts: ReadonlySet<string>;
  /** Every key a title or a nationality before a title can start with. */
  readonly titleStarts: ReadonlySet<string>;
}

const ACTOR_TYPES: ReadonlySet<string> = new Set<ActorType>([
  'state-forces',
  'government',
  'armed-group',
  'designated-terrorist-group',
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

/** The lexicon in the project's `data/actors.json`, read and compiled on first use. */
export function defaultActorLexicon(): ActorLexicon {
  if (defaultLexicon === null) {
    defaultLexicon = compileActorLexicon(JSON.parse(readFileSync(dataFile('actors.json'), 'utf8')));
  }
  return defaultLexicon;
}

/** Compiles lexicon data shaped like `data/actors.json`; throws, naming the entry, when the data is malformed. */
export function compileActorLexicon(data: unknown): ActorLexicon {
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
  return {
    actors,
    aliases,
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
    actorStarts: new Set([
      ...aliases.firstKeys(),
      ...patrons.firstKeys(),
      ...unidentifiedHeads.firstKeys(),
      ...unidentifiedModifiers,
      'pro',
    ]),
    titleStarts: new Set([...titles.firstKeys(), ...demonyms.firstKeys()]),
  };
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
