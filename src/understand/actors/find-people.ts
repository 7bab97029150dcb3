/** @module People by title and name ("Defense Secretary Lloyd Austin"), by name and description ("Jeffrey Martini, a researcher at RAND"), and later by surname. */
import type { PersonValue } from '../../model/mention.ts';
import type { TokenView } from '../sentences/token-view.ts';
import type { Token } from '../sentences/tokenize.ts';
import { words } from '../sentences/words.ts';
import type { ActorLexicon, LexiconActor, TitleCategory } from './actor-lexicon.ts';

/** An actor already found, which a person's title or description may name as the affiliation. */
export interface FoundActor {
  readonly start: number;
  /** Index just past the last token. */
  readonly end: number;
  /** The lexicon actor, or null for an unnamed group or a named police force. */
  readonly actor: LexiconActor | null;
}

/** A person found at tokens `[start, end)`. */
export interface PersonMatch {
  readonly start: number;
  readonly end: number;
  readonly value: PersonValue;
  readonly rule: string;
  readonly confidence: number;
}

// Capitalised words that are never part of a name after a title ("General Motors", "President Tuesday").
const NOT_NAMES: ReadonlySet<string> = new Set(
  words(
    'The A An And Or But Of In On At For To By With From As If It He She They We I His Her This That ' +
      'There Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June ' +
      'July August September October November December Department Office Command Forces Force Army Navy Air ' +
      'Police State States House Ministry Council Committee University Motors Electric Assembly Staff ' +
      'Counsel Court County City Street Base Gulf Sea East West North South Middle Program Center Centre ' +
      'Institute Agency Province Government Islamic Republic Kingdom Administration Party Group Corps Guard ' +
      'Brigade Division Battalion Company Corporation Foundation Hospital School Airport Operation War ' +
      'Affairs Security Defense Defence General Secretary Minister President Said Says Told',
  ),
);
const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'van', 'von', 'de', 'der', 'da', 'del', 'la', 'le', 'du', 'di']);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'at', 'for', 'with', 'in', 'on', 'from']);
// Words that end a description after a name ("..., a researcher at RAND, said").
const DESCRIPTION_STOPS: ReadonlySet<string> = new Set([
  ...[',', ';', ':', '(', ')', '"', '“', '”', '‘', '’', '—', '–', '.', '!', '?'],
  ...words('said says told added who which that and but wrote noted warned'),
]);
const LOCATIVES: ReadonlySet<string> = new Set(['in', 'near', 'at', 'from', 'to', 'outside', 'into', 'of']);
const NAME_WORD = /^\p{Lu}[\p{L}'’]*\p{Ll}[\p{L}'’]*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const MAX_NAME_PARTS = 4;
const MAX_DESCRIPTION = 16;

interface NameMatch {
  readonly end: number;
  /** How many space-separated words the name has. */
  readonly parts: number;
}

interface Description {
  readonly end: number;
  readonly title: string | null;
  readonly affiliation: string | null;
  readonly actor: LexiconActor | null;
}

/**
 * People in the token view: a title (with an optional actor or nationality before it) followed by a name, or a name of
 * two words or more followed by a description with a role; then every later or earlier lone surname of a full name.
 */
export function findPeople(view: TokenView, lexicon: ActorLexicon, actors: readonly FoundActor[]): PersonMatch[] {
  const actorAt = new Int32Array(view.tokens.length).fill(-1);
  const covered = new Uint8Array(view.tokens.length);
  for (const [index, found] of actors.entries()) {
    actorAt[found.start] = index;
    covered.fill(1, found.start, found.end);
  }
  const people: PersonMatch[] = [];
  for (let at = 0; at < view.tokens.length;) {
    if (actorAt[at] === -1 && view.shapes[at] === 0 && !lexicon.titleStarts.has(view.keys[at] as string)) {
      at++;
      continue;
    }
    const person =
      titledPersonAt(view, at, lexicon, actors, actorAt, covered) ?? describedPersonAt(view, at, lexicon, actors, actorAt, covered);
    if (person === null) {
      at++;
      continue;
    }
    people.push(person);
    at = person.end;
  }
  return resolveSurnames(view, people, covered);
}

function titledPersonAt(
  view: TokenView,
  at: number,
  lexicon: ActorLexicon,
  actors: readonly FoundActor[],
  actorAt: Int32Array,
  covered: Uint8Array,
): PersonMatch | null {
  const found = actors[actorAt[at] ?? -1];
  if (found === undefined && !lexicon.titles.starts(view, at) && !lexicon.demonyms.starts(view, at)) return null;
  const options: Array<{ from: number; actor: LexiconActor | null; country: string | null }> = [];
  if (found !== undefined) options.push({ from: found.end, actor: found.actor, country: null });
  const demonym = lexicon.demonyms.match(view, at);
  if (demonym !== null) options.push({ from: demonym.end, actor: null, country: demonym.value });
  options.push({ from: at, actor: null, country: null });
  for (const option of options) {
    let next = option.from;
    let category: TitleCategory | null = null;
    for (let title = lexicon.titles.match(view, next); title !== null; title = lexicon.titles.match(view, next)) {
      category = title.value;
      next = title.end;
    }
    if (category === null || view.breaks[next] === 1) continue;
    const name = nameAt(view, next, lexicon, covered, false);
    if (name === null) continue;
    const description = descriptionAfter(view, name.end, lexicon, actors, actorAt);
    const tokens = view.tokens;
    const title = view.text.slice((tokens[option.from] as Token).start, (tokens[next - 1] as Token).end);
    const ties = option.country === null ? undefined : lexicon.countries.get(option.country);
    const tied = category === 'government' ? ties?.government : category === 'military' ? ties?.military : null;
    // An actor the title itself names ("Inspector General Robert Storch") is the affiliation too.
    const titleActor = option.from === at && found !== undefined && found.end <= next ? found.actor : null;
    const actor = option.actor ?? titleActor ?? description?.actor ?? (tied == null ? null : (lexicon.actors.get(tied) ?? null));
    return {
      start: at,
      end: description?.end ?? name.end,
      value: {
        name: spanText(view, next, name.end),
        title,
        affiliation: actor?.name ?? description?.affiliation ?? null,
        actorId: actor?.id ?? null,
      },
      rule: 'person/title-name',
      confidence: 0.9,
    };
  }
  return null;
}

function describedPersonAt(
  view: TokenView,
  at: number,
  lexicon: ActorLexicon,
  actors: readonly FoundActor[],
  actorAt: Int32Array,
  covered: Uint8Array,
): PersonMatch | null {
  const name = nameAt(view, at, lexicon, covered, true);
  if (name === null || name.parts < 2) return null;
  const description = descriptionAfter(view, name.end, lexicon, actors, actorAt);
  if (description === null) return null;
  return {
    start: at,
    end: description.end,
    value: {
      name: spanText(view, at, name.end),
      title: description.title,
      affiliation: description.actor?.name ?? description.affiliation,
      actorId: description.actor?.id ?? null,
    },
    rule: 'person/name-description',
    confidence: 0.8,
  };
}

/** A name of one to four words ("Pat Ryder", "Michael E. Kurilla", "Mohammed Shia al-Sudani") at token `at`. */
function nameAt(view: TokenView, at: number, lexicon: ActorLexicon, covered: Uint8Array, strict: boolean): NameMatch | null {
  const { tokens, keys } = view;
  let next = at;
  let parts = 0;
  let end = -1;
  while (parts < MAX_NAME_PARTS && next < tokens.length) {
    if (next > at && view.breaks[next] === 1) break;
    const token = tokens[next] as Token;
    if (parts > 0 && INITIAL.test(token.text)) {
      next++;
      continue;
    }
    let partEnd = -1;
    if (isNameWord(view, next, lexicon, covered, strict)) partEnd = next + 1;
    else if (parts > 0 && PARTICLES.has(keys[next] as string)) {
      const joined = keys[next + 1] === '-' && tokens[next + 1]?.start === token.end ? next + 2 : next + 1;
      if (isNameWord(view, joined, lexicon, covered, false)) partEnd = joined + 1;
    }
    if (partEnd < 0) break;
    // Hyphenated parts ("Abdul-Mahdi") stay one part.
    while (keys[partEnd] === '-' && isGlued(tokens, partEnd) && isNameWord(view, partEnd + 1, lexicon, covered, false)) {
      partEnd += 2;
    }
    parts++;
    next = partEnd;
    end = partEnd;
  }
  return end < 0 ? null : { end, parts };
}

function isNameWord(view: TokenView, at: number, lexicon: ActorLexicon, covered: Uint8Array, strict: boolean): boolean {
  const token = view.tokens[at];
  if (token === undefined || covered[at] === 1 || view.shapes[at] === 0) return false;
  if (!NAME_WORD.test(token.text) || NOT_NAMES.has(token.text)) return false;
  if (lexicon.titles.starts(view, at) && lexicon.titles.match(view, at) !== null) return false;
  // A name met without a title must not be a nationality or a place-like word a lexicon knows.
  return !strict || (lexicon.demonyms.match(view, at) === null && lexicon.patrons.match(view, at) === null);
}

/** ", a senior defense researcher at RAND" / ", director of the X Program at the Y Center" after a name. */
function descriptionAfter(
  view: TokenView,
  after: number,
  lexicon: ActorLexicon,
  actors: readonly FoundActor[],
  actorAt: Int32Array,
): Description | null {
  const { tokens, keys } = view;
  if (keys[after] !== ',' || view.breaks[after + 1] === 1) return null;
  let next = after + 1;
  if (ARTICLES.has(keys[next] as string)) next++;
  const first = next;
  let role = -1;
  for (let k = 0; k < 6 && next < tokens.length; k++, next++) {
    if (lexicon.roles.has(keys[next] as string)) {
      role = next;
      while (lexicon.roles.has(keys[role + 1] as string)) role++;
      break;
    }
    if (DESCRIPTION_STOPS.has(keys[next] as string) || tokens[next]?.kind !== 'word' || actorAt[next] !== -1) return null;
  }
  if (role < 0) return null;
  let end = role + 1;
  let actor: FoundActor | null = null;
  let lastPreposition = -1;
  let affiliationStart = -1;
  while (end < tokens.length && end - role <= MAX_DESCRIPTION && view.breaks[end] !== 1) {
    const found = actors[actorAt[end] ?? -1];
    if (found !== undefined) {
      if (found.actor !== null) actor = found;
      end = found.end;
      continue;
    }
    const key = keys[end] as string;
    if (DESCRIPTION_STOPS.has(key)) break;
    if (PREPOSITIONS.has(key)) {
      lastPreposition = end;
      affiliationStart = -1;
    } else if (affiliationStart < 0 && lastPreposition >= 0 && /^\p{Lu}/u.test(tokens[end]?.text ?? '')) {
      affiliationStart = end;
    }
    end++;
  }
  const actorPreposition = actor === null ? -1 : prepositionBefore(keys, actor.start, role);
  const affiliationEnd = affiliationStart < 0 ? -1 : end;
  const titleEnd = actorPreposition >= 0 ? actorPreposition : affiliationStart >= 0 ? lastPreposition : role + 1;
  return {
    end,
    title: spanText(view, first, titleEnd),
    affiliation: affiliationStart < 0 ? null : spanText(view, affiliationStart, affiliationEnd),
    actor: actor?.actor ?? null,
  };
}

/** The preposition introducing the phrase at `at` ("at" in "at the Center for ..."), or -1. */
function prepositionBefore(keys: readonly string[], at: number, floor: number): number {
  let before = at - 1;
  if (ARTICLES.has(keys[before] as string)) before--;
  return before > floor && PREPOSITIONS.has(keys[before] as string) ? before : -1;
}

/** Gives each lone mention of a full name's surname ("Martini said") the full name's value. */
function resolveSurnames(view: TokenView, people: PersonMatch[], covered: Uint8Array): PersonMatch[] {
  const bySurname = new Map<string, PersonValue>();
  for (const person of people) {
    const words = person.value.name.split(' ');
    const surname = words.at(-1);
    if (words.length >= 2 && surname !== undefined && !bySurname.has(surname)) bySurname.set(surname, person.value);
  }
  if (bySurname.size === 0) return people;
  const resolved = people.map((person) => {
    const full = person.value.name.includes(' ') ? undefined : bySurname.get(person.value.name);
    return full === undefined ? person : { ...person, value: { ...full, title: person.value.title ?? full.title } };
  });
  const inPerson = new Uint8Array(view.tokens.length);
  for (const person of people) inPerson.fill(1, person.start, person.end);
  for (let at = 0; at < view.tokens.length; at++) {
    const token = view.tokens[at] as Token;
    const full = bySurname.get(token.text);
    if (full === undefined || inPerson[at] === 1 || covered[at] === 1) continue;
    if (LOCATIVES.has(view.keys[at - 1] ?? '') || NAME_WORD.test(view.tokens[at + 1]?.text ?? '')) continue;
    resolved.push({ start: at, end: at + 1, value: full, rule: 'person/surname', confidence: 0.8 });
  }
  return resolved.sort((a, b) => a.start - b.start);
}

function isGlued(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  return token !== undefined && before?.end === token.start && after?.start === token.end;
}

function spanText(view: TokenView, from: number, to: number): string {
  const first = view.tokens[from];
  const last = view.tokens[to - 1];
  if (first === undefined || last === undefined || to <= from) return '';
  return view.text.slice(first.start, last.end);
}
