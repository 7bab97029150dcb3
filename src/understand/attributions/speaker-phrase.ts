/** @module The noun phrase that names who speaks, before or after a speech cue, and what kind of source it is. */
import type { AttributionKind, Mention, MentionOf, PersonValue } from '../../model/mention.ts';
import type { ActorLexicon } from '../actors/actor-lexicon.ts';
import { sentenceOpeners } from '../sentences/abbreviations.ts';
import { createTokenView, startsUpper, type TokenView } from '../sentences/token-view.ts';
import { words } from '../sentences/words.ts';
import type { MentionIndex } from './mention-tokens.ts';

/** The mentions a speaker phrase can contain: actors, people, and places (a place that speaks is its government). */
export type SpeakerMention = MentionOf<'actor'> | MentionOf<'person'> | MentionOf<'place'>;

/** A mention that stands for an organisation or a government in a speaker phrase. */
type Holder = MentionOf<'actor'> | MentionOf<'place'>;

/** What a phrase scanner reads: the tokens, the lexicon and where earlier mentions are. */
export interface SpeakerScan {
  readonly view: TokenView;
  readonly lexicon: ActorLexicon;
  readonly mentions: MentionIndex<SpeakerMention>;
}

/** How a speaker phrase refers: by name or description, by a pronoun, or by a definite description that may point back. */
export type SpeakerReference = 'named' | 'pronoun' | 'definite';

/** A speaker phrase at tokens `[start, end)`. */
export interface SpeakerPhrase {
  readonly start: number;
  readonly end: number;
  readonly kind: AttributionKind;
  /** The person it names, when it starts with a person mention. */
  readonly person: PersonValue | null;
  /** The name of the actor it names or belongs to ("RAND", "Department of Defense"), or null. */
  readonly affiliation: string | null;
  readonly reference: SpeakerReference;
  /** Key of the head noun ("official", "report"), or null for a name. */
  readonly head: string | null;
  /** Normalised content words, to match "the US official" with "a senior U.S. defense official". */
  readonly words: readonly string[];
  /** Whether it can be "he" or "she": a person or a person-like head ("official", "spokesman"). */
  readonly personal: boolean;
}

/** The mentions among `found` that can name a speaker: people first, then actors, then places, so a name found twice reads as the richer kind. */
export function speakerMentions(found: readonly Mention[]): SpeakerMention[] {
  const rank = { person: 0, actor: 1, place: 2 } as const;
  return found
    .filter((mention): mention is SpeakerMention => mention.kind === 'person' || mention.kind === 'actor' || mention.kind === 'place')
    .sort((a, b) => rank[a.kind] - rank[b.kind]);
}

const DETERMINERS: ReadonlySet<string> = new Set(
  words(
    'a an the this these those its their his her our some many several other another both each one two ' + 'three four five multiple most',
  ),
);
// Words that end a speaker phrase read leftwards from its verb: clause words, auxiliaries, prepositions.
const LEFT_STOPS: ReadonlySet<string> = new Set(
  words(
    'that which who whom whose and or but while when where as because if after before since although ' +
      'though so then not to is are was were be been being has have had will would could should may might ' +
      'can do does did also than of for from by with in on at into about said says say told we you i there ' +
      'here what how why regarding based including like',
  ),
);
// Words that end a speaker phrase read rightwards from its cue ("said the official on Monday").
const RIGHT_STOPS: ReadonlySet<string> = new Set([
  ...[',', '.', ';', ':', '!', '?', '—', '–', '"', '“', '”', '‘', '’', "'", ')'],
  ...words(
    'that which who whom whose while when because although though but as after before if since said says told on in ' +
      'at during last earlier yesterday today monday tuesday wednesday thursday friday saturday sunday is are was were ' +
      'has have had to and citing adding noting',
  ),
]);
// After "according to" or "reports from" a phrase may run on ("residents and local journalists close to the militias").
const LENIENT_RIGHT_STOPS: ReadonlySet<string> = new Set(
  [...RIGHT_STOPS].filter((word) => word !== 'and' && word !== 'to' && word !== 'in' && word !== 'at'),
);
// After a head noun, a participle followed by one of these starts a new phrase ("a report released on Friday").
const AFTER_PARTICIPLE: ReadonlySet<string> = new Set(['on', 'in', 'at', 'by', 'last', 'earlier', 'this', 'late', 'early']);
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it']);
const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'from', 'at', 'with', 'by', 'in', 'on']);
// Heads that stand for a person, so "he" or "she" can refer back to them.
const PERSONAL_HEADS: ReadonlySet<string> = new Set(
  words(
    'official spokesman spokeswoman spokesperson commander minister officer diplomat source analyst ' +
      'expert researcher witness resident sheriff prosecutor coroner leader activist survivor neighbor ' +
      'neighbour eyewitness doctor journalist correspondent fellow scholar',
  ),
);
const ACTOR_KINDS: Readonly<Record<string, AttributionKind>> = {
  'state-forces': 'official',
  government: 'official',
  police: 'official',
  'armed-group': 'official',
  'designated-terrorist-group': 'official',
  'political-party': 'official',
  'international-organisation': 'ngo',
  'think-tank': 'expert',
  media: 'media',
  ngo: 'ngo',
  civilians: 'witness',
  individual: 'witness',
  'unidentified-armed-group': 'unattributed',
};
const MAX_LEFT = 12;
const MAX_RIGHT = 18;

/** The speaker phrase that ends just before token `end` ("the senior official" in "... the senior official said"). */
export function speakerBefore(scan: SpeakerScan, end: number, floor: number): SpeakerPhrase | null {
  const { keys, tokens } = scan.view;
  const last = end - 1;
  if (last < floor) return null;
  if (PRONOUNS.has(keys[last] as string)) {
    const before = keys[last - 1];
    // "told her" or "of it" make the pronoun an object, not the speaker.
    if (last > floor && before !== undefined && !LEFT_STOPS.has(before) && tokens[last - 1]?.kind !== 'punct') return null;
    return pronoun(scan, last);
  }
  let start = end;
  for (let at = last; at >= floor && end - at <= MAX_LEFT; at--) {
    const mention = scan.mentions.byLast[at];
    if (mention !== undefined && mention.start >= floor) {
      start = mention.start;
      at = mention.start;
      continue;
    }
    const key = keys[at] as string;
    if (key === ')') {
      const open = matching(keys, at, floor, '(', -1);
      if (open < 0) break;
      start = open;
      at = open;
      continue;
    }
    if (DETERMINERS.has(key)) {
      start = at;
      break;
    }
    if ((tokens[at]?.kind === 'punct' && key !== '-') || LEFT_STOPS.has(key)) break;
    start = at;
  }
  const phrase = describe(scan, start, end, floor);
  if (phrase === null) return null;
  // "A spokesman for the ministry": a person-like head before a preposition takes the phrase after it in.
  const preposition = start - 1;
  if (preposition > floor && PREPOSITIONS.has(keys[preposition] as string)) {
    const holder = speakerBefore(scan, preposition, floor);
    if (holder !== null && holder.reference !== 'pronoun' && holder.head !== null && PERSONAL_HEADS.has(holder.head)) {
      return describe(scan, holder.start, end, floor) ?? phrase;
    }
  }
  return phrase;
}

/**
 * The speaker phrase starting at token `from` and ending before `last + 1` at the latest ("the official" in
 * "said the official."; "Israeli statistics" in "according to Israeli statistics"). `lenient` accepts any noun phrase,
 * as after "according to"; otherwise it must name someone or end in a speaker head.
 */
export function speakerAfter(scan: SpeakerScan, from: number, last: number, lenient: boolean): SpeakerPhrase | null {
  const { keys, tokens } = scan.view;
  if (from > last) return null;
  if (PRONOUNS.has(keys[from] as string))
    return lenient || from === last || RIGHT_STOPS.has(keys[from + 1] ?? '.') ? pronoun(scan, from) : null;
  const stops = lenient ? LENIENT_RIGHT_STOPS : RIGHT_STOPS;
  let at = from;
  if (DETERMINERS.has(keys[at] as string)) at++;
  while (at <= last && at - from < MAX_RIGHT) {
    const mention = scan.mentions.byStart[at];
    if (mention !== undefined && mention.end - 1 <= last) {
      at = mention.end;
      continue;
    }
    const key = keys[at] as string;
    if (key === '(') {
      const close = matching(keys, at, last, ')', 1);
      if (close < 0) break;
      at = close + 1;
      continue;
    }
    const token = tokens[at];
    if (stops.has(key) || (token?.kind === 'punct' && key !== '-')) break;
    // A participle ends the phrase: "a senior official speaking on condition of anonymity", "a report released on Friday".
    if (at > from + 1 && key.endsWith('ing') && !startsUpper(token?.text ?? '')) break;
    const isParticiple = key.endsWith('ed') && scan.lexicon.speakerHeads.has(keys[at - 1] as string);
    if (isParticiple && AFTER_PARTICIPLE.has(keys[at + 1] ?? '')) break;
    at++;
    // Strictly, a head noun followed by a lower-case word ends the phrase: "The official | described the strikes".
    if (!lenient && scan.lexicon.speakerHeads.has(key) && isVerbLike(scan.view, at)) break;
  }
  const end = at;
  if (end <= from || (end === from + 1 && DETERMINERS.has(keys[from] as string))) return null;
  const phrase = describe(scan, from, end, from);
  if (phrase !== null) return phrase;
  return lenient ? { ...named(scan, from, end, 'unattributed'), head: keys[end - 1] ?? null } : null;
}

function isVerbLike(view: TokenView, at: number): boolean {
  const token = view.tokens[at];
  return (
    token !== undefined &&
    token.kind === 'word' &&
    !startsUpper(token.text) &&
    !PREPOSITIONS.has(view.keys[at] as string) &&
    !LEFT_STOPS.has(view.keys[at] as string)
  );
}

/** Decides whether tokens `[start, end)` name a speaker, and which kind of source; null when they do not. */
function describe(scan: SpeakerScan, start: number, end: number, floor: number): SpeakerPhrase | null {
  if (end <= start) return null;
  const { keys, tokens } = scan.view;
  const first = DETERMINERS.has(keys[start] as string) ? start + 1 : start;
  if (first >= end) return null;
  const lead = scan.mentions.byStart[first];
  if (lead !== undefined && lead.mention.kind === 'person' && lead.end === end) {
    const person = lead.mention.value;
    return { ...named(scan, start, end, kindOfPerson(scan.lexicon, person)), person, affiliation: person.affiliation, personal: true };
  }
  // The core is the phrase up to its first preposition or participle: "the latest quarterly report" in "... from the IG".
  let coreEnd = first;
  const holders: Holder[] = [];
  let coreHolder: Holder | null = null;
  let person: PersonValue | null = null;
  for (let at = first; at < end;) {
    const found = scan.mentions.byStart[at];
    if (found !== undefined && found.end <= end) {
      const mention = found.mention;
      if (mention.kind === 'person') person ??= mention.value;
      else holders.push(mention);
      if (coreEnd === at) {
        coreEnd = found.end;
        if (mention.kind !== 'person') coreHolder ??= mention;
      }
      at = found.end;
      continue;
    }
    const key = keys[at] as string;
    const ended = PREPOSITIONS.has(key) || key === '(' || (at > first && /(?:ed|ing)$/.test(key) && !startsUpper(tokens[at]?.text ?? ''));
    if (coreEnd === at && !ended) coreEnd = at + 1;
    at++;
  }
  let head: string | null = null;
  let headKind: AttributionKind | undefined;
  for (let at = first; at < coreEnd; at++) {
    const kind = scan.lexicon.speakerHeads.get(keys[at] as string);
    if (kind !== undefined && !startsUpper(tokens[at]?.text ?? '')) {
      head = keys[at] as string;
      headKind = kind;
      break;
    }
  }
  // A place names the speaker only as the whole core ("Iran said"); in "the US official" it is a modifier.
  if (coreHolder?.kind === 'place' && coreEnd !== scan.mentions.byStart[first]?.end) coreHolder = null;
  if (coreHolder !== null) {
    const personal = head !== null && PERSONAL_HEADS.has(head);
    return { ...named(scan, start, end, kindOfHolder(scan.lexicon, coreHolder)), head, affiliation: coreHolder.value.name, personal };
  }
  const later = holders[0];
  if (headKind !== undefined && head !== null) {
    let kind = headKind;
    // "a report by the Wall Street Journal" is the newspaper's; "a statement from the Pentagon" is official.
    if (later !== undefined && (headKind === 'report' || headKind === 'official')) {
      const holderKind = kindOfHolder(scan.lexicon, later);
      if (holderKind !== 'unattributed' && holderKind !== 'official') kind = holderKind;
    }
    const hasActor = holders.some((holder) => holder.kind === 'actor');
    const reference: SpeakerReference = keys[start] === 'the' && !hasActor && person === null ? 'definite' : 'named';
    return {
      ...named(scan, start, end, kind),
      reference,
      head,
      person,
      affiliation: later?.value.name ?? person?.affiliation ?? null,
      personal: PERSONAL_HEADS.has(head),
    };
  }
  if (person !== null) {
    return { ...named(scan, start, end, kindOfPerson(scan.lexicon, person)), person, affiliation: person.affiliation, personal: true };
  }
  if (later !== undefined) return { ...named(scan, start, end, kindOfHolder(scan.lexicon, later)), affiliation: later.value.name };
  return properNoun(scan, first, end, floor) ? named(scan, start, end, countryKind(scan, first, end)) : null;
}

/** Capitalised words only ("Iran", "The United States"), not a capitalised sentence opener ("Regarding"). */
function properNoun(scan: SpeakerScan, first: number, end: number, floor: number): boolean {
  const { tokens } = scan.view;
  for (let at = first; at < end; at++) {
    const text = tokens[at]?.text ?? '';
    if (!startsUpper(text)) return false;
  }
  const opener = tokens[first]?.text ?? '';
  return !(first === floor && (sentenceOpeners.has(opener) || /(?:ing|ly)$/.test(opener)));
}

function countryKind(scan: SpeakerScan, first: number, end: number): AttributionKind {
  const country = scan.lexicon.countryNames.match(scan.view, first);
  return country !== null && country.end === end ? 'official' : 'unattributed';
}

function named(scan: SpeakerScan, start: number, end: number, kind: AttributionKind): SpeakerPhrase {
  return {
    start,
    end,
    kind,
    person: null,
    affiliation: null,
    reference: 'named',
    head: null,
    words: normalisedWords(scan.view, start, end),
    personal: false,
  };
}

function pronoun(scan: SpeakerScan, at: number): SpeakerPhrase {
  const key = scan.view.keys[at] as string;
  return { ...named(scan, at, at + 1, 'unattributed'), reference: 'pronoun', head: key, personal: key === 'he' || key === 'she' };
}

/** An actor by its kind; a place that speaks ("Washington says", "Iran said") is its government. */
function kindOfHolder(lexicon: ActorLexicon, holder: Holder): AttributionKind {
  if (holder.kind === 'actor') return kindOfActor(lexicon, holder.value.id, holder.value.type);
  return holder.value.metonymic || holder.value.precision === 5 ? 'official' : 'unattributed';
}

/** The kind of source an actor is: its lexicon override, else by its type. */
function kindOfActor(lexicon: ActorLexicon, id: string | null, type: string): AttributionKind {
  const override = id === null ? null : (lexicon.actors.get(id)?.attribution ?? null);
  return override ?? ACTOR_KINDS[type] ?? 'unattributed';
}

/** The kind of source a person is: by the affiliation, else by the title ("Gen." is official, "analyst" expert). */
function kindOfPerson(lexicon: ActorLexicon, person: PersonValue): AttributionKind {
  const actor = person.actorId === null ? undefined : lexicon.actors.get(person.actorId);
  if (actor !== undefined) return kindOfActor(lexicon, actor.id, actor.type);
  if (person.title === null) return 'unattributed';
  const view = createTokenView(person.title);
  for (let at = 0; at < view.tokens.length; at++) {
    const title = lexicon.titles.match(view, at);
    if (title !== null && title.value !== 'other') return 'official';
    const kind = lexicon.speakerHeads.get(view.keys[at] as string);
    if (kind !== undefined) return kind;
  }
  return 'unattributed';
}

/** The normalised content words of a speaker as written, to compare with `SpeakerPhrase.words`. */
export function speakerWords(text: string): string[] {
  const view = createTokenView(text);
  return normalisedWords(view, 0, view.tokens.length);
}

/** Lower-case content words with spelling variants merged ("U.S." and "United States" are "us"; "defence" is "defense"). */
function normalisedWords(view: TokenView, start: number, end: number): string[] {
  const words: string[] = [];
  for (let at = start; at < end; at++) {
    const key = view.keys[at] as string;
    if (DETERMINERS.has(key) || view.tokens[at]?.kind === 'punct') continue;
    if (key === 'united' && view.keys[at + 1] === 'states') {
      words.push('us');
      at++;
    } else words.push(key === 'u.s.' ? 'us' : key === 'defence' ? 'defense' : key);
  }
  return words;
}

/** The index of the bracket matching the one at `at`, searching towards `limit` in `step` direction; -1 if none. */
function matching(keys: readonly string[], at: number, limit: number, bracket: string, step: 1 | -1): number {
  for (let k = at + step; step > 0 ? k <= limit : k >= limit; k += step) {
    if (keys[k] === bracket) return k;
    if (Math.abs(k - at) > 8) return -1;
  }
  return -1;
}
