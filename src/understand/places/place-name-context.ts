/** @module Whether a name that is also a place names a person, an organisation, a ship, a credit or a thing named after a place: the readings that keep people and groups from becoming towns. */
import {
  PLACE_FOLLOWERS,
  TOWN_SERVICES,
  PLACE_MODIFIERS,
  TIME_WORDS,
  HOME_WORDS,
  SHOP_PREPOSITIONS,
  MAX_SHOP_NAMESAKE,
  DISEASE_WORDS,
  SPEECH_VERBS,
  NOT_STREET_HEADS,
  NOT_COUNTY_NAMES,
} from './place-words.ts';
import { isMajorPlace, isRegionName, isStrongPlace } from './place-facts.ts';
import { type Gazetteer, SETTLEMENT_KINDS as SETTLEMENTS } from './gazetteer.ts';
import { type PlaceToken } from './tokenize-for-places.ts';

// Places that are also common first names or surnames: "Jordan Henderson", "Michael Jordan", "Lloyd Austin".
const PERSON_NAME_PLACES = new Set(
  'jordan chad israel india kenya georgia virginia carolina england ireland holland wales paris victoria florence charlotte austin houston dallas lincoln madison jackson washington sydney orlando chester warren clinton marshall franklin hamilton kent troy tyler denver phoenix aurora savannah camden regina adelaide beverly'.split(
    ' ',
  ),
);

// Words that end a building's or an institution's name: "Sentara Norfolk General Hospital", "Bayview Lincoln High School".
const INSTITUTION_TAILS = new Set(
  'hospital hospitals clinic school academy church cathedral chapel mosque synagogue temple cemetery mall'.split(' '),
);

const MAX_INSTITUTION_RUN = 4;

// Words that end the name of an armed or political group named after a person ("Farabundo Marti National Liberation Front").
const GROUP_TAILS = new Set(
  'front movement army party brigade brigades command commandos group union alliance board league forces'.split(' '),
);

// "a Lingle man", "2 Blytheville teens", "the Alturas shooting": a town's name before a resident or a local happening
// says where that person is from or where it happened.
// "USS Carney", "HMS Diamond", "the MV Galaxy Leader": a ship's prefix before its name.
const VESSEL_BEFORE = /\b(?:USS|USNS|HMS|HMCS|HMAS|HMNZS|INS|RFA|FS|MV|M\/V|MS|SS)\s+$/;

// "C-130 Hercules", "MQ-9 Reaper", "Su-25": a maker's designation before an aircraft's or a weapon's name.
const DESIGNATION_BEFORE = /\b[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]?\s+$/;

// "told Xinhua", "told Kyiv Independent": whom a speaker told, an outlet or a person.
const TOLD_BEFORE = /\btold\s+(?:the\s+)?$/;

// "the Salem Abu Quta family", "the Jordan clan": a family's name.
const FAMILY_AFTER = /^(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:family|families|clan|tribe)\b/;

// "Vivian van de Perre", "Ursula von der Leyen": a surname after its particles.
const SURNAME_PARTICLES_BEFORE = /\b[A-Z][\w'’-]+\s+(?:van|von|de|der|den|ter|du|da|di|dos)(?:\s+(?:de|der|den|la|le))?\s+$/;

// "Reporting by Lincoln Feast", "Photo by Sam Jordan/AFP", "Photo: Jordan Pix/Reuters", "By Sam Austin" opening a line:
// who wrote, edited or photographed, not where.
const CREDIT_NAME = String.raw`\s+([^\n;()|]{1,60}?)(?=$|[\n;()|]|\s(?:in|at|from|for|with|on|via)\s|,|\.\s)`;
// Each pattern opens on its literal ("by", "By", ":") and looks behind only there: a pattern opening on the
// alternation of credit words would try it at every character of the text.
const CREDITS: readonly RegExp[] = [
  new RegExp(
    String.raw`(?:by(?<=\b(?:[Aa]dditional reporting|[Rr]eporting|[Ww]riting|[Ww]ritten|[Ee]diting|[Ee]dited|[Cc]ompiled|[Tt]ranslated|[Pp]hotos?|[Pp]hotographs?|[Ii]mages?|[Vv]ideo|[Gg]raphics?)\s+by)|By(?<=(?:^|\n)[ \t]*By))` +
      CREDIT_NAME,
    'g',
  ),
  /:(?<=\b(?:Photo|Credit|Image|Picture)s?:)\s*([^\n/()]{1,40})(?=\/|\s+via\s)/g,
];

/** Where the text credits its writers, editors and photographers: `[start, end)` pairs. */
export function creditSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const pattern of CREDITS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      spans.push([end - (m[1] ?? '').length, end]);
    }
  }
  return spans;
}

/**
 * A name that is a ship's ("USS Carney"), an aircraft's or a weapon's ("C-130 Hercules"), a family's ("the Salem Abu
 * Quta family"), a surname after its particles ("van de Perre"), or inside a credit ("Reporting by Lincoln Feast").
 */
export function isNamedThing(text: string, start: number, end: number, credits: ReadonlyArray<readonly [number, number]>): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (VESSEL_BEFORE.test(before) || DESIGNATION_BEFORE.test(before) || SURNAME_PARTICLES_BEFORE.test(before)) return true;
  // "told Xinhua", "(Xinhua)": whom someone told, or the agency credited in brackets.
  const next = /^\s+([A-Za-z]+)/.exec(text.slice(end, end + 20))?.[1]?.toLowerCase() ?? '';
  if (TOLD_BEFORE.test(before) && !PLACE_FOLLOWERS.has(next)) return true;
  if (/\(\s*$/.test(before) && /^\s*\)/.test(text.slice(end, end + 3))) return true;
  if (FAMILY_AFTER.test(text.slice(end, end + 80))) return true;
  return credits.some(([s, e]) => start >= s && end <= e);
}

// "a Liberian-flagged tanker", "the Greek-owned bulk carrier", "Panama-registered": a ship's or a firm's country.
const REGISTRY_WORDS = new Set('flagged registered owned operated managed chartered insured'.split(' '));

/**
 * A country or nationality hyphened to "flagged", "owned" and the like, or after "flagged in": whose a ship or a firm
 * is, not where anything is.
 */
export function isRegistryCountry(tokens: readonly PlaceToken[], first: number, last: number): boolean {
  const next = tokens[last + 1];
  if (next !== undefined && next.isHyphenated && REGISTRY_WORDS.has(next.key)) return true;
  return tokens[first - 1]?.key === 'in' && REGISTRY_WORDS.has(tokens[first - 2]?.key ?? '');
}

export function isAfterAmpersand(text: string, t: PlaceToken): boolean {
  return /\S\s?&\s?$/.test(text.slice(Math.max(0, t.start - 4), t.start));
}

/** "Paxton Shannon": the name is followed by one capitalised word that is no common word, a surname, and no longer run. */
export function opensFullName(g: Gazetteer, tokens: readonly PlaceToken[], last: number): boolean {
  const surname = tokens[last + 1];
  const third = tokens[last + 2];
  return (
    surname?.joinsPrevious === true &&
    surname.isCapitalised &&
    !surname.isAllCaps &&
    // "Bladensburg High", "Fairview Middle": a common word after the name makes it a school's or a firm's.
    !g.stopNames.has(surname.key) &&
    !(third?.joinsPrevious === true && third.isCapitalised && !third.isSentenceStart)
  );
}

/** "Jones said": a town's name before a speech verb is a person's (capitals and countries are left to metonymy). */
export function isSpeakingPerson(g: Gazetteer, tokens: readonly PlaceToken[], last: number, top: number): boolean {
  const kind = g.kind(top);
  if (!SETTLEMENTS.has(kind) || kind === 'capital') return false;
  const after = tokens[last + 1];
  return (
    after?.joinsPrevious === true &&
    SPEECH_VERBS.has(after.key) &&
    (tokens[last] as PlaceToken).fullEnd === (tokens[last] as PlaceToken).end
  );
}

/** "Tran, 35, was charged": a town's name followed by an age between commas is a person's. */
export function isAgedPerson(text: string, g: Gazetteer, t: PlaceToken, top: number): boolean {
  const kind = g.kind(top);
  return SETTLEMENTS.has(kind) && kind !== 'capital' && /^,\s*\d{1,3}\s*,/.test(text.slice(t.fullEnd, t.fullEnd + 8));
}

export function isPossessive(t: PlaceToken): boolean {
  return t.fullEnd !== t.end;
}

/** "at Davis' home", "Tyler's apartment": a town's name owning a home is a person's. */
export function isHomeOwner(g: Gazetteer, tokens: readonly PlaceToken[], last: number, top: number): boolean {
  const t = tokens[last] as PlaceToken;
  const after = tokens[last + 1];
  return SETTLEMENTS.has(g.kind(top)) && t.fullEnd !== t.end && after !== undefined && HOME_WORDS.has(after.key);
}

/** "Austin Hedrick, 16,": a town's name read as a first name, before a surname and an age between commas. */
export function isAgedFirstName(
  text: string,
  g: Gazetteer,
  tokens: readonly PlaceToken[],
  last: number,
  top: number,
  context: NameContext,
): boolean {
  const surname = tokens[last + 1];
  if (context !== 'person' || !surname?.joinsPrevious || !SETTLEMENTS.has(g.kind(top))) return false;
  return /^,\s*\d{1,3}\s*,/.test(text.slice(surname.fullEnd, surname.fullEnd + 8));
}

/**
 * "Anton "Dunn" Jones": a town's name before a nickname in quotes is a first name; "shot inside Macy's", "at Denny's": a
 * small town's name in the possessive after "at" or "inside" is a shop named for its founder.
 */
export function isNamedLikePerson(text: string, g: Gazetteer, tokens: readonly PlaceToken[], i: number, top: number): boolean {
  if (!SETTLEMENTS.has(g.kind(top)) || isMajorPlace(g, top)) return false;
  const t = tokens[i] as PlaceToken;
  if (/^\s*["“][A-Z][^"”\n]{0,24}["”]\s+[A-Z]/.test(text.slice(t.fullEnd, t.fullEnd + 40))) return true;
  const before = tokens[i - 1];
  return (
    t.fullEnd !== t.end &&
    before !== undefined &&
    SHOP_PREPOSITIONS.has(before.key) &&
    !before.isCapitalised &&
    g.population(top) < MAX_SHOP_NAMESAKE
  );
}

/** "American Red Cross", "Native American", "African-American": a demonym inside a name or compound does not name a place. */
export function demonymContext(tokens: readonly PlaceToken[], first: number, last: number): NameContext {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const head = tokens[first] as PlaceToken;
  if (head.isHyphenated || (before && head.joinsPrevious && (before.key === 'native' || before.key === 'latin'))) return 'person';
  if (after?.joinsPrevious && after.isCapitalised && !after.isHyphenated && !head.isTitleCase) return 'organisation';
  return 'place';
}

/**
 * What a name is part of, by the words around it; `surname` is a person whose name recurs alone ("Austin said");
 * `named-after` a name inside an organisation's name that honours someone, which says nothing of the name elsewhere.
 */
type NameContext = 'place' | 'organisation' | 'person' | 'surname' | 'named-after';

/**
 * "Lloyd Austin", "Jordan Henderson" and "Gen. Jordan" are people; "Washington Post" and "Dublin Arts
 * Council" are organisations named after a place (kept, under their own rule, since the place is named).
 * Headlines, where every word is capitalised, are left alone.
 */
export function nameContext(tokens: readonly PlaceToken[], first: number, last: number, g: Gazetteer, top: number): NameContext {
  const head = tokens[first] as PlaceToken;
  const end = tokens[last] as PlaceToken;
  const after = tokens[last + 1];
  const before = tokens[first - 1];
  const hasPossessive = end.fullEnd !== end.end;
  const followedByName =
    !hasPossessive &&
    after !== undefined &&
    after.joinsPrevious &&
    after.isCapitalised &&
    !after.isHyphenated &&
    !TIME_WORDS.has(after.key);
  // "Farabundo Marti National Liberation Front", "Manuel Rodriguez Patriotic Front": a name inside an organisation's
  // name, after a capitalised word of its own, is the person it is named after.
  const insideName =
    before !== undefined &&
    before.isCapitalised &&
    !before.isAllCaps &&
    !before.isSentenceStart &&
    head.joinsPrevious &&
    before.fullEnd === before.end &&
    !PLACE_MODIFIERS.has(before.key) &&
    !g.titles.has(before.key);
  if (followedByName && g.organisationHeads.has(after.key)) return 'organisation';
  // "the Center for Strategic and International Studies", "the Institute for the Study of War": a body's name.
  if (first === last && before?.key === 'the' && !before.isCapitalised && after?.key === 'for' && !after.isCapitalised) {
    const next = tokens[last + 2]?.key === 'the' ? tokens[last + 3] : tokens[last + 2];
    if (next?.isCapitalised === true) return 'organisation';
  }
  // "Marburg virus", "Ebola outbreak" name diseases, not where they are.
  if (after?.joinsPrevious && DISEASE_WORDS.has(after.key)) return 'person';
  if (head.isTitleCase) return 'place';
  const kind = top >= 0 ? g.kind(top) : 'country';
  const isTownLike = SETTLEMENTS.has(kind) || PERSON_NAME_PLACES.has(head.key);
  if (followedByName && !after.isAllCaps && !PLACE_FOLLOWERS.has(after.key) && !g.titles.has(after.key) && !isRegionName(g, after.key)) {
    // A run of two or more capitalised words after the place names an organisation; one word, a person.
    const third = tokens[last + 2];
    const isRun = third?.joinsPrevious && (third.isCapitalised || (third.key === 'of' && tokens[last + 3]?.isCapitalised === true));
    // "Christopher Dean Wright": a run opened by a common first name is a person's full name, unless an organisation's
    // word ends it ("Christopher Newport University").
    const fourth = tokens[last + 3];
    const isFullName =
      isRun &&
      g.givenNames.has(head.key) &&
      third.isCapitalised &&
      !g.organisationHeads.has(third.key) &&
      !(fourth?.joinsPrevious === true && fourth.isCapitalised);
    if (isFullName && first === last) return 'person';
    if (isRun) return insideName && endsInArmedGroup(tokens, last) ? 'named-after' : 'organisation';
    if (isTownLike && first === last) return 'person';
  }
  const joinedBefore = before?.isCapitalised && head.joinsPrevious && !head.isHyphenated && before.fullEnd === before.end;
  // "Francisco Jose Guerrero", "Luis Cordoba": a region's name after a given name is a family name.
  if (
    kind === 'admin1' &&
    first === last &&
    joinedBefore &&
    !before.isAllCaps &&
    (g.givenNames.has(before.key) || g.titles.has(before.key))
  )
    return 'surname';
  if (!isTownLike || first !== last) return 'place';
  if (joinedBefore && g.titles.has(before.key)) return 'surname';
  // "George Smith", "Christian Austin", "Jordan Middleton": after a common first name, even one that is a place elsewhere
  // (a country or a city that is also a first name), or opening a sentence.
  const isFirstName = g.givenNames.has(before?.key ?? '') || PERSON_NAME_PLACES.has(before?.key ?? '');
  if (joinedBefore && !before.isAllCaps && isFirstName && !PLACE_MODIFIERS.has(before.key)) return 'surname';
  if (joinedBefore && endsInInstitution(tokens, last)) return 'organisation';
  if (
    joinedBefore &&
    !before.isSentenceStart &&
    // "— A Hopkinsville teen", "(WISH) – The Greensburg father": an article or a pronoun is no first name.
    !NOT_COUNTY_NAMES.has(before.key) &&
    !NOT_STREET_HEADS.has(before.key) &&
    !before.isAllCaps &&
    !PLACE_MODIFIERS.has(before.key) &&
    !isStrongPlace(g, before.key) &&
    !g.demonyms.has(before.key) &&
    // "Share Memphis police said", "Photo: Detroit Police": a town's police or mayor after it make it the town, whatever
    // word stands before.
    !(after?.joinsPrevious === true && TOWN_SERVICES.has(after.key))
  ) {
    return 'surname';
  }
  return 'place';
}

/**
 * "Sentara Norfolk General Hospital": a run of capitalised words after the name that ends in a hospital, a school or a
 * church names a building, so the word before the town is the institution's own, not a first name.
 */
function endsInInstitution(tokens: readonly PlaceToken[], last: number): boolean {
  for (let j = last + 1; j <= last + MAX_INSTITUTION_RUN; j++) {
    const t = tokens[j];
    if (!t?.joinsPrevious || t.isHyphenated) return false;
    // "Sentara Norfolk General hospital": the last word may be written lower-case.
    if (INSTITUTION_TAILS.has(t.key)) return j > last + 1 || t.isCapitalised;
    if (!t.isCapitalised) return false;
    if (t.fullEnd !== t.end) return false;
  }
  return false;
}

/** "Marti National Liberation Front", "Rodriguez Patriotic Front": a run of capitalised words ending in a group's word. */
function endsInArmedGroup(tokens: readonly PlaceToken[], last: number): boolean {
  for (let j = last + 1; j <= last + MAX_INSTITUTION_RUN; j++) {
    const t = tokens[j];
    if (!t?.joinsPrevious || t.isHyphenated || !t.isCapitalised) return false;
    if (GROUP_TAILS.has(t.key)) return true;
    if (t.fullEnd !== t.end) return false;
  }
  return false;
}
