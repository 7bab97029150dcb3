/**
 * @module What an attack may hit when the text describes it rather than names it: people by kind ("six Jesuit priests",
 * "a judge", "peasants"), people by title and name ("attorney Carlos Lorenzana") or by name in apposition ("two
 * reporters, Ana Ruiz and Luis Paz"), and physical targets ("the U.S. embassy", "two electric power towers", "a bus").
 * The nouns come from `data/target-nouns.json`; which phrase is a target is decided by the roles (`assign-roles.ts`).
 */
import nounData from '../../../data/target-nouns.json' with { type: 'json' };
import type { EventActor } from '../../model/event.ts';
import { TENS, UNITS } from '../../understand/quantities/quantity-words.ts';
import { startsUpper } from '../../understand/sentences/token-view.ts';
import { words } from '../../understand/sentences/words.ts';
import type { DocumentFrame } from './document-frame.ts';

/** A described or titled target in the text: `tokens[start..end)`. */
export interface TargetPhrase {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly actor: EventActor;
}

/** The nouns and trigger words targets are read with. */
export interface TargetLexicon {
  /** Each form of a kind of people, to whether it is singular. */
  readonly people: ReadonlyMap<string, boolean>;
  /** Each form of a kind of physical target, to whether it is singular. */
  readonly objects: ReadonlyMap<string, boolean>;
  /** Words before a name that make it a person's ("Msgr", "attorney"). */
  readonly titles: ReadonlySet<string>;
  /** Noun triggers whose possessor is the victim ("the senator's murder"). */
  readonly victimPossessor: ReadonlySet<string>;
  /** Trigger words (first word of a trigger, or the whole of one) that tell the targets died. */
  readonly lethal: ReadonlySet<string>;
}

interface TargetNounData {
  readonly people: readonly string[];
  readonly objects: readonly string[];
  readonly titles: readonly string[];
  readonly victimPossessor: readonly string[];
  readonly lethal: readonly string[];
}

/** Builds a lexicon from data shaped like `data/target-nouns.json`. */
export function buildTargetLexicon(data: TargetNounData): TargetLexicon {
  const forms = (list: readonly string[]) => {
    const map = new Map<string, boolean>();
    for (const entry of list) {
      const [singular, plural] = entry.split('/') as [string, string | undefined];
      // A form with no plural after it is one or the other by its ending ("headquarters", "people", "msgr").
      map.set(singular.replaceAll('-', ' '), plural !== undefined || !/(s|people|aircraft)$/.test(singular));
      if (plural) map.set(plural.replaceAll('-', ' '), false);
    }
    return map;
  };
  return {
    people: forms(data.people),
    objects: forms(data.objects),
    titles: new Set(data.titles),
    victimPossessor: new Set(data.victimPossessor),
    lethal: new Set(data.lethal),
  };
}

let cached: TargetLexicon | null = null;

/** The lexicon in `data/target-nouns.json`, built once per process. */
export function defaultTargetLexicon(): TargetLexicon {
  cached ??= buildTargetLexicon(nounData as TargetNounData);
  return cached;
}

// Words that open a noun phrase; they are not kept in its name.
const ARTICLES: ReadonlySet<string> = new Set(words('the a an this that these those'));
// Words that open a noun phrase and are kept in its name ("their cook", "two other persons").
const DETERMINERS: ReadonlySet<string> = new Set(words('its their his her our several some many both all another each'));
// Words that are never inside a described target: function words, pronouns, verbs of speech and being.
const NOT_MODIFIERS: ReadonlySet<string> = new Set(
  words(
    'of in on at for to by with from into onto upon against toward towards near after before during since until as than via ' +
      'and or but nor so yet if that which who whom whose where when while because although though ' +
      'he she it they we you i him them us me is are was were be been being am has have had do does did will would can could ' +
      'shall should may might must not no said says say told reported according also then there here what how why ' +
      'killed murdered kidnapped attacked bombed wounded injured shot destroyed burned damaged blew dynamited',
  ),
);
const SINGULAR_COUNT: ReadonlySet<string> = new Set(words('a an one another'));
const MAX_MODIFIERS = 4;
const MAX_NAME_PARTS = 4;

/** Every described or titled target phrase in the document, in text order; an inner phrase gives way to one around it. */
export function findTargetPhrases(frame: DocumentFrame, lexicon: TargetLexicon = defaultTargetLexicon()): TargetPhrase[] {
  const { keys } = frame.view;
  const named = coverage(frame, [frame.people]);
  const blocked = coverage(frame, [frame.dates, frame.actors, frame.places]);
  // After "of", a place or a group is the owner's name ("the consulate of Norway"); only a date ends it.
  const dates = coverage(frame, [frame.dates]);
  const found: TargetPhrase[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const person = lexicon.people.get(key);
    const object = person === undefined ? lexicon.objects.get(key) : undefined;
    if ((person === undefined && object === undefined) || named[i] || blocked[i]) continue;
    // Compound heads: "bus station", "power plant"; the last noun names the kind.
    let head = i;
    while (lexicon.objects.has(keys[head + 1] ?? '') && frame.sentenceOf[head + 1] === frame.sentenceOf[i] && !named[head + 1]) head++;
    const isPeople = head === i && person !== undefined;
    const singular = isPeople ? (person as boolean) : (lexicon.objects.get(keys[head] as string) as boolean);
    const start = phraseStart(frame, i, named);
    let end = head + 1;
    let isNamed = false;
    // "attorney Carlos Lorenzana", "Msgr Oscar Romero", "political leader Ana Ruiz": a title (or a singular noun for
    // people before a name of two words or more) and a name are one named person.
    if (isPeople && singular) {
      const title = lexicon.titles.has(key);
      // "Msgr Oscar Romero" read by the people finder already: the person is the participant.
      if (title && named[end]) continue;
      const nameEnd = nameAfter(frame, end, named, blocked);
      if (nameEnd - end >= (title ? 1 : 2)) {
        end = nameEnd;
        isNamed = true;
      }
    }
    // "members of the Democratic Convergence", "the offices of the Agriculture Ministry".
    if (!isNamed) end = ofNameAfter(frame, end, dates, lexicon);
    const count = countOf(frame, start, singular);
    const from = ARTICLES.has(keys[start] as string) ? start + 1 : start;
    const kind = !isPeople ? 'object' : singular ? 'person' : 'group';
    found.push({
      start,
      end,
      sentence: frame.sentenceOf[i] as number,
      actor: {
        name: textOf(frame, from, end),
        kind,
        ...(count !== null ? { count } : {}),
        ...(isNamed ? {} : { described: true }),
      },
    });
    // "two reporters, Ana Ruiz and Luis Paz": the names after a description of people are the people it describes.
    if (isPeople && !isNamed) found.push(...appositiveNames(frame, end, named, blocked));
    i = Math.max(i, end - 1);
  }
  found.push(...victimNames(frame, lexicon, named, blocked));
  return withoutInner(found);
}

/**
 * Names the people finder did not read, where a killing noun makes them a victim's: "the murder of Luis Garza",
 * "Garza's assassination". Such a name is a person whatever its length, since the noun says it is someone's.
 */
function victimNames(frame: DocumentFrame, lexicon: TargetLexicon, named: Uint8Array, blocked: Uint8Array): TargetPhrase[] {
  const { keys } = frame.view;
  const out: TargetPhrase[] = [];
  const person = (start: number, end: number) =>
    out.push({
      start,
      end,
      sentence: frame.sentenceOf[start] as number,
      actor: { name: textOf(frame, start, end), kind: 'person', count: 1 },
    });
  for (let i = 0; i < keys.length; i++) {
    // "a street vendor identified as Maria Perez", "identified as 57-year-old Jose Martinez": the name of one described.
    if (keys[i] === 'identified' && keys[i + 1] === 'as') {
      const from = pastAge(keys, i + 2);
      const end = nameAfter(frame, from, named, blocked);
      if (end - from >= 2) person(from, end);
      continue;
    }
    if (!lexicon.victimPossessor.has(keys[i] as string)) continue;
    if (keys[i + 1] === 'of') {
      const end = nameAfter(frame, i + 2, named, blocked);
      if (end > i + 2) person(i + 2, end);
    }
    if (keys[i - 1] === "'s" || keys[i - 1] === "'") {
      let start = i - 1;
      while (
        start > 0 &&
        i - 1 - start < MAX_NAME_PARTS &&
        isNameWord(frame.view.tokens[start - 1]?.text) &&
        !named[start - 1] &&
        !blocked[start - 1]
      )
        start--;
      if (start < i - 1 && frame.sentenceOf[start] === frame.sentenceOf[i]) person(start, i - 1);
    }
  }
  return out;
}

/** The token after an age before a name ("57-year-old", "57- year- old"), or `at` where none stands there. */
function pastAge(keys: readonly string[], at: number): number {
  if (!/^\d{1,3}$/.test(keys[at] ?? '')) return at;
  let i = at + 1;
  for (const word of ['year', 'old']) {
    if (keys[i] === '-') i++;
    if (keys[i] !== word && keys[i] !== `${word}s`) return at;
    i++;
  }
  return keys[i] === ',' ? i + 1 : i;
}

/** The first token of the phrase whose noun is at `head`: back over modifiers to a determiner or a count. */
function phraseStart(frame: DocumentFrame, head: number, named: Uint8Array): number {
  const { keys, tokens } = frame.view;
  const sentence = frame.sentenceOf[head];
  let start = head;
  let modifiers = 0;
  for (let j = head - 1; j >= 0 && frame.sentenceOf[j] === sentence && modifiers <= MAX_MODIFIERS; j--) {
    const key = keys[j] as string;
    if (frame.view.breaks[j + 1] === 1) break;
    if (ARTICLES.has(key) || DETERMINERS.has(key)) return j;
    const number = numberAt(keys, j);
    // "15-year-old daughter": a number inside a hyphenated modifier is an age, not a count; go on past it.
    if (number !== null && keys[j + 1] !== '-') {
      // "twenty-six men": the tens before a hyphen are the same count.
      const first = keys[j - 1] === '-' && TENS.has(keys[j - 2] ?? '') ? j - 2 : j;
      return ARTICLES.has(keys[first - 1] ?? '') || DETERMINERS.has(keys[first - 1] ?? '') ? first - 1 : first;
    }
    if (key === "'s" || key === '-' || number !== null) {
      start = j;
      continue;
    }
    if (named[j] || NOT_MODIFIERS.has(key) || !/^\p{L}[\p{L}.'’-]*$/u.test(key)) break;
    start = j;
    modifiers++;
  }
  // Without a determiner before them, words in -ed or -ing are the verb's, not the noun's ("bombed power towers").
  while (start < head && /(ed|ing)$/.test(keys[start] as string) && !startsUpper(tokens[start]?.text ?? '')) start++;
  while (start < head && (keys[start] === "'s" || keys[start] === '-')) start++;
  return start;
}

/** Capitalised words from `at` that make a name (two to four, or one after a title), or `at` where none do. */
function nameAfter(frame: DocumentFrame, at: number, named: Uint8Array, blocked: Uint8Array): number {
  const { keys, tokens } = frame.view;
  // A name the people finder read already is its own participant.
  if (named[at]) return at;
  let end = at;
  for (let j = at; j < at + MAX_NAME_PARTS && j < keys.length; j++) {
    if (frame.sentenceOf[j] !== frame.sentenceOf[at] || blocked[j] || NOT_MODIFIERS.has(keys[j] as string)) break;
    // A name word re-cased as a common word in capital-letter copy ("Msgr oscar Arnulfo Romero") stays in, between
    // name words.
    const inside = /^\p{Ll}+$/u.test(tokens[j]?.text ?? '') && !/(s|ed|ing)$/.test(keys[j] as string) && isNameWord(tokens[j + 1]?.text);
    if (!isNameWord(tokens[j]?.text) && !inside) break;
    end = j + 1;
  }
  return end;
}

/**
 * "of the Democratic Convergence", "of the Nicaraguan ambassador": capitalised words after "of", perhaps closed by a
 * noun of the lexicon, extend the phrase; else it ends at `at`.
 */
function ofNameAfter(frame: DocumentFrame, at: number, blocked: Uint8Array, lexicon: TargetLexicon): number {
  const { keys } = frame.view;
  if (keys[at] !== 'of') return at;
  const from = keys[at + 1] === 'the' ? at + 2 : at + 1;
  let end = nameAfter(frame, from, new Uint8Array(keys.length), blocked);
  const key = keys[end] ?? '';
  if (end > from && (lexicon.people.has(key) || lexicon.objects.has(key))) end++;
  return end > from ? end : at;
}

/** Names in apposition after a description of people: ", Ana Ruiz and Luis Paz" (two words or more each). */
function appositiveNames(frame: DocumentFrame, at: number, named: Uint8Array, blocked: Uint8Array): TargetPhrase[] {
  const { keys } = frame.view;
  if (keys[at] !== ',' && keys[at] !== '(') return [];
  const out: TargetPhrase[] = [];
  let next = at + 1;
  for (;;) {
    const end = nameAfter(frame, next, named, blocked);
    if (end - next < 2) break;
    out.push({
      start: next,
      end,
      sentence: frame.sentenceOf[next] as number,
      // No count of its own: the description before it counts these people ("two reporters").
      actor: { name: textOf(frame, next, end), kind: 'person' },
    });
    if (keys[end] === 'and') next = end + 1;
    else if (keys[end] === ',' && keys[end + 1] === 'and') next = end + 2;
    else if (keys[end] === ',') next = end + 1;
    else break;
  }
  return out;
}

/** How many the phrase counts: its number, one for a singular noun; null for a plural without one ("peasants"). */
function countOf(frame: DocumentFrame, start: number, singular: boolean): number | null {
  if (singular) return 1;
  const { keys } = frame.view;
  if (SINGULAR_COUNT.has(keys[start] as string)) return 1;
  const first = ARTICLES.has(keys[start] as string) || DETERMINERS.has(keys[start] as string) ? start + 1 : start;
  if (SINGULAR_COUNT.has(keys[first] as string)) return 1;
  const hyphenedTens = TENS.has(keys[first] as string) && UNITS.has(keys[first + 2] ?? '') && keys[first + 3] !== '-';
  return keys[first + 1] === '-' && !hyphenedTens ? null : numberAt(keys, first);
}

/** A count written in digits ("44") or in words up to ninety-nine ("six", "twenty-six"), or null. */
function numberAt(keys: readonly string[], at: number): number | null {
  const key = keys[at] as string;
  const tens = TENS.get(key);
  const unit = keys[at + 1] === '-' ? UNITS.get(keys[at + 2] ?? '') : undefined;
  if (tens !== undefined && unit !== undefined && unit < 10) return tens + unit;
  if (/^\d{1,3}(,\d{3})*$|^\d{1,6}$/.test(key)) return Number(key.replaceAll(',', ''));
  return UNITS.get(key) ?? TENS.get(key) ?? null;
}

function isNameWord(text: string | undefined): boolean {
  return text !== undefined && startsUpper(text) && /\p{Ll}/u.test(text);
}

function textOf(frame: DocumentFrame, start: number, end: number): string {
  const { tokens } = frame.view;
  return frame.text.slice(tokens[start]?.start ?? 0, tokens[end - 1]?.end ?? 0);
}

function coverage(frame: DocumentFrame, lists: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>): Uint8Array {
  const covered = new Uint8Array(frame.view.keys.length);
  for (const list of lists) for (const m of list) covered.fill(1, m.start, m.end);
  return covered;
}

/** Phrases in text order, less any inside another ("the cook" inside "the cook's daughter"). */
function withoutInner(found: readonly TargetPhrase[]): TargetPhrase[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TargetPhrase[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p.start < last.end) {
      if (p.end <= last.end) continue;
      // Overlapping heads ("the cook's daughter" after "the cook"): the longer phrase stands.
      if (p.end - p.start > last.end - last.start) out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}
