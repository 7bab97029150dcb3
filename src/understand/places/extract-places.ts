/** @module Finds place names in a report and resolves each to one gazetteer entry, using the rest of the document to choose among places of one name. */
import { mostCounted } from '../tally.ts';
import type { MentionOf } from '../../model/mention.ts';
import type { UnderstandInput } from '../context.ts';
import { ALIAS_FLAG, type Gazetteer, NO_ADMIN1, NO_COUNTRY, SETTLEMENT_KINDS as SETTLEMENTS } from './gazetteer.ts';
import { MIN_FOREIGN_TOWN, isMajorPlace, isDoubtful, namedRegions, isKept, findContainer } from './place-facts.ts';
import { POLICE_AFTER, DIRECTION_WORDS } from './place-words.ts';
import { buildNeighbourhood, focusShareOf, countOthers, countNeighbours } from './place-neighbourhood.ts';
import { chooseNewsProfile, countWarWords, type NewsProfile } from './news-profile.ts';
import {
  creditSpans,
  isNamedThing,
  isRegistryCountry,
  isAfterAmpersand,
  opensFullName,
  isSpeakingPerson,
  isAgedPerson,
  isPossessive,
  isHomeOwner,
  isAgedFirstName,
  isNamedLikePerson,
  demonymContext,
  nameContext,
} from './place-name-context.ts';
import { detectMetonymy } from './detect-metonymy.ts';
import { isDateline, isDatelinePlace, isWireDateline } from './place-datelines.ts';
import {
  matchRegionAbbreviation,
  matchStreet,
  hasCountyWordAhead,
  matchCounty,
  resolveCounty,
  countyNamesakes,
  resolveStreet,
  streetTowns,
  type StreetTowns,
  placeNearReportTown,
  placeInPossessiveTown,
} from './us-local-places.ts';
import { outletTowns } from './outlet-towns.ts';
import { placeValue, confidenceOf } from './place-values.ts';
import { type Match, type Container, type Evidence, emptyEvidence } from './place-match.ts';
import { type PlaceToken, tokenizeForPlaces } from './tokenize-for-places.ts';

/** Knobs of the extractor; the defaults are what `npm run eval -- geo` was tuned with. */
export interface ExtractPlacesOptions {
  /** Mark demonyms ("Iraqi", "Americans") as country mentions with rule `place/demonym`. Default true. */
  readonly demonyms?: boolean;
  /** A one-word town smaller than this needs support from the document (its region or country named, a place nearby). */
  readonly minSingleWordPopulation?: number;
  /** The outlet ("dayton-news.example", "Orlando Sentinel"): a US city it names makes the report local news there. */
  readonly source?: string | null;
  /** The report's profile, where already chosen (a headline read above its body); else chosen here from its names. */
  readonly profile?: NewsProfile;
}

/** A report's place mentions and the profile chosen for it. */
export interface PlaceReading {
  readonly mentions: MentionOf<'place'>[];
  readonly profile: NewsProfile;
}

// Lower-case words allowed inside a multi-word name: "Gulf of Aden", "Bab el-Mandeb", "Stratford-upon-Avon".
const CONNECTORS = new Set(
  'of the de del della di da do dos das du la le les al el ad ar as an at az ash ez es bin ibn upon on and y e et sur am im der den van von'.split(
    ' ',
  ),
);

const ARTICLES = new Set('al el ad ar as an at az ash ez es'.split(' '));

const PLACE_PREPOSITIONS = new Set('in at near from to outside into toward towards around across throughout inside'.split(' '));

// A town this small is rarely the one meant by its name alone once the report has used it as a first name ("Paxton Shannon").
const MAX_FIRST_NAME_TOWN = 10000;

// After a name, these make it a part of a town: "the Woodlawn neighborhood", "the city's East Germantown section".
const NEIGHBOURHOOD_WORDS = new Set(['neighborhood', 'neighbourhood', 'section']);

// What a neighbourhood gains over its namesake towns when the text calls the name a neighbourhood.
const NEIGHBOURHOOD_WEIGHT = 3;

const MAX_CANDIDATES = 40;

const MAX_WORDS = 7;

const COUNTRY_WEIGHT = 6;

const ADMIN1_WEIGHT = 6;

const NEAR_WEIGHT = 2;

const ALIAS_WITH_NAMESAKE = 4;

const SPELLING_WEIGHT = 1.5;

// A town inside a county the report names: enough to outweigh a country of the name ("Denmark" beside "Bamberg County").
const COUNTY_WEIGHT = 9;

/** How much smaller (as a share of population) a namesake may be and still claim its name: Philadelphia is a third of Amman. */
const NAMESAKE_SHARE = 0.1;

// The document's region as its names spread over regions: local news names towns of one state.
const FOCUS_WEIGHT = 15;

const RESIDENT_AFTER =
  /^\s+(?:man|woman|men|women|teen|teens|teenager|teenagers|boy|boys|girl|girls|resident|residents|couple|shooting|shootings|homicide|homicides|murder|murders|standoff)\b/i;

/** Place mentions in reading order, each resolved to a gazetteer entry. */
export function extractPlaces(input: UnderstandInput, gazetteer: Gazetteer, options: ExtractPlacesOptions = {}): MentionOf<'place'>[] {
  return readPlaces(input, gazetteer, options).mentions;
}

/**
 * Place mentions in reading order, each resolved to a gazetteer entry, and the report's news profile, chosen from its
 * names before they are resolved (`chooseNewsProfile`): the local-news readings run only on local news.
 */
export function readPlaces(input: UnderstandInput, gazetteer: Gazetteer, options: ExtractPlacesOptions = {}): PlaceReading {
  const { text } = input;
  const tokens = tokenizeForPlaces(text);
  let matches = findMatches(text, tokens, gazetteer, options.demonyms ?? true);
  const minPopulation = options.minSingleWordPopulation ?? 15000;
  const profile = options.profile ?? chooseNewsProfile(newsSignals(text, matches, gazetteer, options.source));
  // A street, its corner or its block is a US local-news reading: in wide news "on Monday and Wednesday" is no corner.
  if (!profile.readings.has('address-town')) matches = matches.filter((m) => m.rule !== 'place/street');
  resolveMatches(matches, gazetteer, text, minPopulation, profile);
  const mentions: MentionOf<'place'>[] = [];
  const metonymic = new Set<number>();
  matches.forEach((m, index) => {
    if (m.chosen < 0) return;
    const kind = gazetteer.kind(m.chosen);
    if ((kind === 'country' || kind === 'capital') && m.rule === 'place/gazetteer' && detectMetonymy(text, tokens, m.first, m.last)) {
      metonymic.add(index);
    }
  });
  // "Baghdad and Washington agreed": the first of two coordinated governments acts too.
  matches.forEach((m, index) => {
    const next = matches[index + 1];
    if (!next || !metonymic.has(index + 1) || m.chosen < 0 || metonymic.has(index)) return;
    const kind = gazetteer.kind(m.chosen);
    const between = tokens[m.last + 1];
    if ((kind === 'country' || kind === 'capital') && between?.key === 'and' && next.first === m.last + 2) metonymic.add(index);
  });
  const namedCountries = namedRegions(matches, gazetteer).countries;
  matches.forEach((m, index) => {
    if (m.chosen < 0 || !isKept(m, gazetteer, minPopulation, namedCountries)) return;
    const isMetonymic = metonymic.has(index);
    const value = placeValue(gazetteer, m, text, isMetonymic);
    mentions.push({
      kind: 'place',
      span: { start: m.start, end: m.end },
      text: text.slice(m.start, m.end),
      value,
      rule: isMetonymic
        ? 'place/metonymy'
        : m.partOfReportTown !== undefined || (m.rule === 'place/gazetteer' && gazetteer.kind(m.chosen) === 'section')
          ? 'place/neighbourhood'
          : m.rule,
      confidence: confidenceOf(m, gazetteer),
    });
  });
  return { mentions, profile };
}

/** What the report's names, read with their most likely place only where that is clear, and its outlet say of its kind. */
function newsSignals(
  text: string,
  matches: readonly Match[],
  g: Gazetteer,
  source: string | null | undefined,
): Parameters<typeof chooseNewsProfile>[0] {
  const us = g.meta.countries.indexOf('US');
  let usLocal = 0;
  let foreign = 0;
  const countries = new Set<number>();
  for (const m of matches) {
    if (m.rule === 'place/county') {
      if (countyNamesakes(m, g).length > 0) usLocal++;
      continue;
    }
    if (m.rule === 'place/street' || m.isStopName || isDoubtful(m, g)) continue;
    // "Detroit", "a Nampa man": a town whose likeliest place is in the US, other than the capital, is local news's.
    const top = (m.candidates[0] ?? -1) & ~ALIAS_FLAG;
    if (
      m.rule !== 'place/demonym' &&
      top >= 0 &&
      g.countryIndex(top) === us &&
      SETTLEMENTS.has(g.kind(top)) &&
      g.kind(top) !== 'capital' &&
      g.kind(top) !== 'section'
    ) {
      usLocal++;
      continue;
    }
    if (!isDecisive(m, g)) continue;
    const id = pickWithContainer(m, g);
    if (id < 0) continue;
    const country = g.countryIndex(id);
    const kind = g.kind(id);
    if (country === us) {
      if (kind === 'admin1' || m.rule === 'place/region-abbreviation' || (m.container !== null && m.container.admin1 >= 0)) usLocal++;
      continue;
    }
    if (country === NO_COUNTRY) continue;
    // A nationality ("a Mexican national", "a Chinese restaurant") says less of where the news is than a place does.
    if (m.rule === 'place/demonym') foreign += 0.5;
    else if (isMajorPlace(g, id) || g.population(id) >= MIN_FOREIGN_TOWN) foreign++;
    else continue;
    countries.add(country);
  }
  const usOutlet = outletTowns(source, g).some((t) => t.country === 'US');
  return { usLocal, usOutlet, foreign, foreignCountries: countries.size, war: countWarWords(text) };
}

function findMatches(text: string, tokens: readonly PlaceToken[], g: Gazetteer, withDemonyms: boolean): Match[] {
  const matches: Match[] = [];
  const people = new Set<string>();
  const credits = creditSpans(text);
  // End of the last match, to tell "Iraq-Syria" (both names) from "Wal-Mart" (one).
  let matchedEnd = -1;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as PlaceToken;
    const abbreviation = matchRegionAbbreviation(text, tokens, i, g);
    if (abbreviation) {
      matches.push(abbreviation);
      matchedEnd = abbreviation.end;
      i++;
      continue;
    }
    const startsName =
      // The article last: most words are lower case, and a look-up would hash each one.
      t.isCapitalised || (tokens[i + 1]?.isHyphenated === true && tokens[i + 1]?.isCapitalised === true && ARTICLES.has(t.key));
    // "Wal-Mart", "Jean-Paul": a capitalised word hyphened to an unmatched capitalised word is part of that word.
    const previous = tokens[i - 1];
    // A party and a town ("R-Charleston") are two words, not one name.
    const isCompoundTail =
      t.isHyphenated &&
      previous?.isCapitalised === true &&
      previous.text.length > 1 &&
      matchedEnd < previous.end &&
      !ARTICLES.has(previous.key);
    const isTitle = t.text.endsWith('.') && g.titles.has(t.key);
    if (!startsName || isCompoundTail || isTitle) {
      i++;
      continue;
    }
    const street = matchStreet(text, tokens, i, g, matches.at(-1)?.rule === 'place/street' && matches.at(-1)?.last === i - 2);
    if (street) {
      matches.push(street);
      matchedEnd = street.end;
      i = street.last + 1;
      continue;
    }
    const county = hasCountyWordAhead(tokens, i) ? matchCounty(text, tokens, i, g) : null;
    if (county) {
      matches.push(county);
      matchedEnd = county.end;
      i = county.last + 1;
      continue;
    }
    const found = longestName(text, tokens, i, g, withDemonyms);
    if (!found) {
      i++;
      continue;
    }
    const { last, keyIndex, demonym } = found;
    const end = tokens[last] as PlaceToken;
    const matchKey = tokens
      .slice(i, last + 1)
      .map((x) => x.key)
      .join(' ');
    const top = keyIndex >= 0 ? g.posting(g.postingStart(keyIndex)) & ~ALIAS_FLAG : demonym;
    // "HOUSTON - A man was shot": a dateline's capitalised next word opens the story, not a surname or a firm's name.
    const isDateline = keyIndex >= 0 && isDatelinePlace(text, tokens, i, last);
    const context = keyIndex < 0 ? demonymContext(tokens, i, last) : isDateline ? 'place' : nameContext(tokens, i, last, g, top);
    const aged =
      i === last &&
      (isAgedPerson(text, g, end, top) || isAgedFirstName(text, g, tokens, last, top, context) || isHomeOwner(g, tokens, last, top));
    const speaks = i === last && (isSpeakingPerson(g, tokens, last, top) || aged || isNamedLikePerson(text, g, tokens, i, top));
    // "Sports Bar & Grill", "Smith & Hayes": a town's name joined by an ampersand to a word that is no place ("Dallas &
    // Houston" is two) is part of a firm's name.
    const inFirmName =
      i === last &&
      keyIndex >= 0 &&
      !isDateline &&
      isAfterAmpersand(text, t) &&
      (matches.at(-1)?.last ?? -2) !== i - 1 &&
      !isMajorPlace(g, top);
    if (
      context === 'person' ||
      context === 'surname' ||
      context === 'named-after' ||
      (context === 'organisation' && keyIndex < 0) ||
      speaks ||
      inFirmName ||
      (!isDateline && isNamedThing(text, t.start, end.end, credits)) ||
      isRegistryCountry(tokens, i, last)
    ) {
      // Only a town's name recurs as the person's; a capital or a region stays a place elsewhere in the text.
      // A region's name given as a family name ("Francisco Jose Guerrero") recurs as the person's too ("Guerrero, who").
      if (i === last && keyIndex >= 0 && context === 'surname' && (!isMajorPlace(g, top) || g.kind(top) === 'admin1')) people.add(t.key);
      // "Sidney Davis, 44,", "Austin Hedrick, 16,", "at Davis' home": a name given an age or a home is a person's, and so
      // is the name alone later ("killing Austin"), unless a preposition puts something in it; a country's capital aside.
      if (aged && keyIndex >= 0 && g.kind(top) !== 'capital') people.add(t.key);
      // "Paxton Shannon ... Paxton's organs": a small town's name opening a person's full name is that person's first
      // name, and so is the name alone later, unless a preposition puts something in it. A city's name before a word
      // names its team or its firm ("Detroit Lions"), and the city stays a place.
      if (context === 'person' && i === last && keyIndex >= 0 && g.population(top) < MAX_FIRST_NAME_TOWN && opensFullName(g, tokens, last))
        people.add(t.key);
      i = last + 1;
      continue;
    }
    const candidates: number[] = [];
    if (keyIndex >= 0) {
      const from = g.postingStart(keyIndex);
      const to = Math.min(g.postingEnd(keyIndex), from + MAX_CANDIDATES);
      for (let p = from; p < to; p++) candidates.push(g.posting(p));
    } else {
      candidates.push(demonym);
    }
    // "Four men shot" is no other name of a town: a phrase ending in a lower-case word is a name only as a place's own.
    if (last > i && !end.isCapitalised && candidates.every((c) => (c & ALIAS_FLAG) !== 0)) {
      i = last + 1;
      continue;
    }
    const isSingleWord = i === last;
    const container = keyIndex >= 0 ? findContainer(text, tokens, last, g) : null;
    matches.push({
      first: i,
      last,
      start: t.start,
      end: end.end,
      rule:
        keyIndex < 0
          ? 'place/demonym'
          : context === 'organisation'
            ? 'place/in-organisation-name'
            : isDateline
              ? 'place/dateline'
              : 'place/gazetteer',
      candidates,
      container,
      isSingleWord,
      isStopName: !found.isAbbreviation && g.stopNames.has(matchKey),
      key: matchKey,
      chosen: -1,
      supported: false,
      strong: false,
      afterPreposition: followsPlacePreposition(tokens, i) || container !== null,
      beforePolice: POLICE_AFTER.test(text.slice(end.end, end.end + 30)),
      afterIn: t.joinsPrevious && tokens[i - 1]?.key === 'in' && tokens[i - 1]?.isCapitalised === false,
      beforeResident: RESIDENT_AFTER.test(text.slice(end.fullEnd, end.fullEnd + 20)),
      beforeNeighbourhood: isNeighbourhoodWord(tokens[last + 1]),
      ownedNeighbourhood: isNeighbourhoodWord(tokens[last + 1]) && followsPossessivePlace(tokens, i, matchedEnd),
    });
    matchedEnd = end.end;
    i = last + 1;
  }
  // One name, one sense: once the text gives the neighbourhood to its town, its other mentions are that part too.
  const owned = new Set(matches.filter((m) => m.ownedNeighbourhood === true).map((m) => m.key));
  for (const m of matches) if (owned.has(m.key) && m.container === null) m.ownedNeighbourhood = true;
  // "Jones" after "Sheriff Bill Jones" is the sheriff, wherever it appears.
  return matches.filter(
    (m) =>
      !(
        m.first === m.last &&
        m.rule !== 'place/region-abbreviation' &&
        m.rule !== 'place/dateline' &&
        people.has((tokens[m.first] as PlaceToken).key) &&
        // "at Wright's bond hearing": the person's possessive, after any preposition.
        (!followsPlacePreposition(tokens, m.first) || isPossessive(tokens[m.first] as PlaceToken))
      ),
  );
}

/** "Philadelphia's East Mount Airy": the name follows, past directions only, a place's name in the possessive. */
function followsPossessivePlace(tokens: readonly PlaceToken[], first: number, matchedEnd: number): boolean {
  let k = first - 1;
  while (k >= 0 && DIRECTION_WORDS.has((tokens[k] as PlaceToken).key)) k--;
  const owner = tokens[k];
  return owner !== undefined && isPossessive(owner) && owner.end === matchedEnd;
}

function isNeighbourhoodWord(t: PlaceToken | undefined): boolean {
  return t !== undefined && t.joinsPrevious && !t.isCapitalised && NEIGHBOURHOOD_WORDS.has(t.key);
}

/**
 * "in Lincoln", "near Scott", "in south Jackson", "in the Bronx": a preposition of place right before the name, or
 * before a direction or "the".
 */
function followsPlacePreposition(tokens: readonly PlaceToken[], first: number): boolean {
  let before = tokens[first - 1];
  if (before?.key === 'the' && !before.isCapitalised && (tokens[first] as PlaceToken).joinsPrevious) {
    first--;
    before = tokens[first - 1];
  }
  if (before && !before.isCapitalised && DIRECTION_WORDS.has(before.key) && (tokens[first] as PlaceToken).joinsPrevious) {
    first--;
    before = tokens[first - 1];
  }
  return before !== undefined && !before.isCapitalised && PLACE_PREPOSITIONS.has(before.key) && (tokens[first] as PlaceToken).joinsPrevious;
}

/** The longest gazetteer name or demonym starting at token `i`. */
function longestName(
  text: string,
  tokens: readonly PlaceToken[],
  i: number,
  g: Gazetteer,
  withDemonyms: boolean,
): { last: number; keyIndex: number; demonym: number; isAbbreviation: boolean } | null {
  let key = '';
  let best: { last: number; keyIndex: number; demonym: number; isAbbreviation: boolean } | null = null;
  const first = tokens[i] as PlaceToken;
  for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
    const t = tokens[j] as PlaceToken;
    if (j > i) {
      const previous = tokens[j - 1] as PlaceToken;
      if (!t.joinsPrevious || previous.fullEnd !== previous.end) break;
    }
    key = j === i ? t.key : `${key} ${t.key}`;
    // Lower-case words go on inside a name ("Gulf of Aden"); any other may end one ("Deir-ez-zor", "al-Tanf garrison").
    const isLowerCase = !t.isCapitalised && !/^\d+$/.test(t.key);
    if (isLowerCase && CONNECTORS.has(t.key)) continue;
    if (isLowerCase && j > i) {
      const keyIndex = g.findKey(key);
      if (keyIndex >= 0) best = { last: j, keyIndex, demonym: -1, isAbbreviation: false };
      break;
    }
    const isAbbreviation = j === i && t.isAllCaps && t.text.replace(/\./g, '').length <= 5;
    let keyIndex = -1;
    let viaAbbreviation = false;
    if (isAbbreviation) {
      keyIndex = g.findKey(`#${key}`);
      viaAbbreviation = keyIndex >= 0;
      if (keyIndex < 0 && t.text.length >= 4 && isDateline(text, t)) keyIndex = g.findKey(key);
    } else if (first.isAllCaps && t.isAllCaps && t.text.length > 2) {
      if (isDateline(text, t)) keyIndex = g.findKey(key);
    } else {
      keyIndex = g.findKey(key);
    }
    // "Canadian" is a demonym before it is Canadian, Texas; a longer name ("American Samoa") still wins.
    const demonym = withDemonyms && j - i < 3 && !first.isAllCaps ? g.demonyms.get(key) : undefined;
    if (demonym !== undefined) best = { last: j, keyIndex: -1, demonym, isAbbreviation: false };
    else if (keyIndex >= 0) best = { last: j, keyIndex, demonym: -1, isAbbreviation: viaAbbreviation };
  }
  return best;
}

/**
 * Chooses each match's place. Unambiguous names (one candidate, or one far above the rest) first give
 * the document's countries, regions and points; every name is then scored with that evidence, twice,
 * the second time with what the first round chose. A match never counts as its own evidence.
 */
function resolveMatches(matches: Match[], g: Gazetteer, text: string, minPopulation: number, profile: NewsProfile): void {
  const sure = emptyEvidence();
  const us = g.countryPlace('US');
  matches.forEach((m, index) => {
    // "X County" is mostly American; it says so even when the county itself cannot be placed.
    if (m.rule === 'place/county') {
      if (us >= 0) addEvidence(sure, g, index, m.container?.place ?? us, 0.5);
      return;
    }
    if (m.rule === 'place/street' || m.ownedNeighbourhood === true) return;
    // "LIMA, 16 JAN 90 (EFE) --": wide news is filed from the biggest place of its dateline's name, which speaks for
    // its country, though less than a country the report names: a bureau abroad ("WASHINGTON --") reports on others.
    if (isWireDateline(m, profile)) {
      addEvidence(sure, g, index, biggestCandidate(m, g), 0.5);
      return;
    }
    if (isDecisive(m, g) && !m.isStopName && !isDoubtful(m, g))
      addEvidence(sure, g, index, pickWithContainer(m, g), m.rule === 'place/demonym' ? 0.5 : 1);
  });
  const neighbourhood = buildNeighbourhood(matches, g);
  // Wide news: names cluster in a state only as local news clusters them, so a small namesake near another ("Geneva" and
  // "London" in Ohio) gains nothing from its neighbours or the state's share unless the report names its country.
  const focusing = profile.readings.has('namesake-focus');
  // "of Denmark" beside "Bamberg County": a town inside a county the report names is the one meant, of any namesakes.
  const namedCounties = new Set(matches.flatMap((m) => (m.rule === 'place/county' ? countyNamesakes(m, g) : [])));
  // A candidate's neighbours and its region's share of the names are the same in both rounds: counted once, on demand.
  const nearby = matches.map((m) => new Float64Array(m.candidates.length * 2).fill(-1));
  let evidence = sure;
  for (let round = 0; round < 2; round++) {
    // Round two hears round one's choices at half weight on top of the sure ones, so a wrong guess cannot outvote them.
    const next = emptyEvidence();
    for (const [index, { id, weight }] of sure.own) addEvidence(next, g, index, id, weight);
    matches.forEach((m, index) => {
      if (m.rule === 'place/county' || m.rule === 'place/street') return;
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      let bestSupported = false;
      let bestStrong = false;
      let bestInCounty = false;
      // "LA PAZ, 20 DEC 89 (EFE) --": a wire dateline abroad names a city with a news bureau, so its size counts twice
      // against the report's other names.
      const wireDateline = isWireDateline(m, profile);
      // "St. Louis" is spelled as the American city spells itself, not as Saint-Louis in Senegal does.
      const abbreviated = m.isSingleWord ? null : abbreviatedSpelling(text, m);
      const near = nearby[index] as Float64Array;
      for (let k = 0; k < m.candidates.length; k++) {
        const posting = m.candidates[k] as number;
        const id = posting & ~ALIAS_FLAG;
        if (m.container && !isInside(g, id, m.container)) continue;
        const support = supportOf(g, id, index, evidence);
        const kind = g.kind(id);
        const inNamedCounty = namedCounties.size > 0 && namedCounties.has(g.county(id));
        const local = focusing || (sure.countries.get(g.countryIndex(id)) ?? 0) > 0;
        // Neighbours and focus count only for a place where the report is local.
        if (local && near[2 * k] === -1) {
          near[2 * k] =
            g.precision(id) === 1
              ? countNeighbours(neighbourhood.cells, g, id, m.key)
              : kind === 'admin1'
                ? countOthers(neighbourhood.regions.get(g.admin1Index(id)), m.key)
                : 0;
          near[2 * k + 1] = focusShareOf(neighbourhood, g, id, m.key);
        }
        const neighbours = local ? (near[2 * k] as number) : 0;
        const score =
          (wireDateline ? g.prior(id) : 0) +
          (inNamedCounty ? COUNTY_WEIGHT : 0) +
          (m.beforeNeighbourhood === true && kind === 'section' ? NEIGHBOURHOOD_WEIGHT : 0) +
          g.prior(id) -
          aliasPenalty(m, posting, g) +
          (abbreviated !== null && g.name(id) === abbreviated ? SPELLING_WEIGHT : 0) +
          COUNTRY_WEIGHT * support.countryShare +
          0.5 * Math.min(support.country, 4) +
          ADMIN1_WEIGHT * support.admin1Share +
          (local ? NEAR_WEIGHT * Math.min(neighbours, 2) + FOCUS_WEIGHT * (near[2 * k + 1] as number) : 0);
        if (score > bestScore) {
          best = id;
          bestScore = score;
          bestInCounty = inNamedCounty;
          const hasNeighbours = neighbours > 0;
          bestSupported = m.container !== null || support.admin1 > 0 || hasNeighbours || support.country > 0 || inNamedCounty;
          bestStrong = m.container !== null || support.admin1 > 0 || hasNeighbours || inNamedCounty;
        }
      }
      // Wide news: "El Salvador" is the country, not a Mexican hamlet of that name however many Mexican names (read
      // from people's surnames, often) stand around it; only a container ("Lebanon, Ind.") says otherwise.
      if (!focusing && m.container === null && best >= 0 && g.kind(best) !== 'country') {
        const country = m.candidates.find((posting) => !(posting & ALIAS_FLAG) && g.kind(posting) === 'country');
        if (country !== undefined) {
          best = country;
          bestSupported = true;
          bestStrong = false;
          bestInCounty = false;
        }
      }
      m.chosen = best;
      m.inNamedCounty = bestInCounty;
      m.supported = m.supported || bestSupported;
      m.strong = m.strong || bestStrong;
      if (best >= 0 && !m.isStopName && !isDoubtful(m, g) && !sure.own.has(index) && m.ownedNeighbourhood !== true)
        addEvidence(next, g, index, best, m.rule === 'place/demonym' ? 0.25 : 0.5);
    });
    evidence = next;
  }
  // Wide news: a country named, other than the one the report is mostly about, says little for a small namesake there
  // ("the Red Cross" as a village in a report on Yemen that names the US); its region, a neighbour or a container must.
  if (!focusing) {
    const main = mostCounted(sure.countries) ?? -1;
    for (const m of matches) {
      if (m.chosen >= 0 && SETTLEMENTS.has(g.kind(m.chosen)) && !m.strong && g.countryIndex(m.chosen) !== main) {
        m.supported = false;
        // Stray where its own country has less than half the main one's sure names ("Abu Kamal" beside "Syria" is not).
        const own = sure.countries.get(g.countryIndex(m.chosen)) ?? 0;
        m.strayAbroad = main >= 0 && own * 2 < (sure.countries.get(main) ?? 0);
      }
      // "The Mission" in a report about Ukraine: a neighbourhood is a place only where something speaks for its town.
      if (m.chosen >= 0 && g.kind(m.chosen) === 'section' && !m.strong) m.chosen = -1;
    }
  }
  if (profile.readings.has('report-town-parts')) placeNearReportTown(matches, g, text);
  placeInPossessiveTown(matches, g);
  for (const m of matches) if (m.rule === 'place/county') resolveCounty(m, g, matches, neighbourhood, minPopulation);
  // After the counties, whose towns they never borrow: a street lies in a town, not in a county's middle.
  let towns: StreetTowns | null = null;
  matches.forEach((m, index) => {
    if (m.rule !== 'place/street') return;
    towns ??= streetTowns(g, matches, minPopulation);
    resolveStreet(m, index, g, matches, text, towns);
  });
}

/** The candidate of a name with the highest prior (kind, then population). */
function biggestCandidate(m: Match, g: Gazetteer): number {
  let best = -1;
  for (const posting of m.candidates) {
    const id = posting & ~ALIAS_FLAG;
    if (best < 0 || g.prior(id) > g.prior(best)) best = id;
  }
  return best;
}

/** The text of a name written with an abbreviation ("St. Louis", "Ft. Myers"), or null: its spelling tells its namesakes apart. */
function abbreviatedSpelling(text: string, m: Match): string | null {
  const surface = text.slice(m.start, m.end);
  return surface.includes('.') ? surface : null;
}

/** A name whose place is clear without context: one candidate, a container, or a best candidate far above the rest. */
function isDecisive(m: Match, g: Gazetteer): boolean {
  const top = m.candidates[0];
  if (top === undefined) return false;
  const second = m.candidates[1];
  if (m.container !== null || second === undefined) return true;
  const topId = top & ~ALIAS_FLAG;
  const margin = g.prior(topId) - aliasPenalty(m, top, g) - g.prior(second & ~ALIAS_FLAG);
  // A big town's namesakes elsewhere are many and small, so a town needs a wider margin than a country.
  return margin >= (SETTLEMENTS.has(g.kind(topId)) ? 6 : 4);
}

/**
 * What a candidate found under another of its names loses. Where a place of comparable size bears the name itself,
 * the other name is a former or a neighbour's ("Philadelphia" for Amman, "Puyallup" for Tacoma, "Toledo" for Toledo
 * District): the namesake is meant unless the document says otherwise. A hamlet that shares a city's common spelling
 * ("Derna" for Darnah) does not count: the city is meant.
 */
function aliasPenalty(m: Match, posting: number, g: Gazetteer): number {
  if (!(posting & ALIAS_FLAG)) return 0;
  const own = g.population(posting & ~ALIAS_FLAG);
  const namesake = Math.max(0, ...m.candidates.filter((c) => !(c & ALIAS_FLAG)).map((c) => g.population(c)));
  return namesake >= own * NAMESAKE_SHARE ? ALIAS_WITH_NAMESAKE : 1;
}

function pickWithContainer(m: Match, g: Gazetteer): number {
  for (const posting of m.candidates) {
    const id = posting & ~ALIAS_FLAG;
    if (!m.container || isInside(g, id, m.container)) return id;
  }
  return -1;
}

function isInside(g: Gazetteer, id: number, container: Container): boolean {
  if (g.countryIndex(id) !== container.country) return false;
  return container.admin1 < 0 || g.admin1Index(id) === container.admin1;
}

function addEvidence(e: Evidence, g: Gazetteer, index: number, id: number, weight: number): void {
  if (id < 0) return;
  const country = g.countryIndex(id);
  e.countries.set(country, (e.countries.get(country) ?? 0) + weight);
  e.countryTotal += weight;
  if (g.kind(id) !== 'country') {
    const admin1 = g.admin1Index(id);
    e.admin1s.set(admin1, (e.admin1s.get(admin1) ?? 0) + weight);
    e.admin1sByCountry.set(country, (e.admin1sByCountry.get(country) ?? 0) + weight);
    e.admin1Total += weight;
  }
  e.own.set(index, { id, weight });
}

/** How much of the evidence, leaving out match `index`'s own, speaks for place `id`: votes and shares of all votes. */
function supportOf(
  g: Gazetteer,
  id: number,
  index: number,
  e: Evidence,
): { country: number; countryShare: number; admin1: number; admin1Share: number } {
  const country = g.countryIndex(id);
  const admin1 = g.admin1Index(id);
  const own = e.own.get(index);
  // "Mexico" beside Mexican towns is the country as much as Mexico City: a country gets the votes of its regions.
  const isCountry = g.kind(id) === 'country';
  let countryVotes = e.countries.get(country) ?? 0;
  let admin1Votes = isCountry ? (e.admin1sByCountry.get(country) ?? 0) : admin1 === NO_ADMIN1 ? 0 : (e.admin1s.get(admin1) ?? 0);
  let countryTotal = e.countryTotal;
  let admin1Total = e.admin1Total;
  if (own) {
    countryTotal -= own.weight;
    if (g.countryIndex(own.id) === country) countryVotes -= own.weight;
    if (g.kind(own.id) !== 'country') {
      admin1Total -= own.weight;
      if (isCountry ? g.countryIndex(own.id) === country : g.admin1Index(own.id) === admin1) admin1Votes -= own.weight;
    }
  }
  countryVotes = Math.max(0, countryVotes);
  admin1Votes = Math.max(0, admin1Votes);
  return {
    country: countryVotes,
    countryShare: countryTotal > 0.01 ? countryVotes / countryTotal : 0,
    admin1: admin1Votes,
    admin1Share: admin1Total > 0.01 ? admin1Votes / admin1Total : 0,
  };
}
