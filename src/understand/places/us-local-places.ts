/** @module The readings of US local news: street addresses, cross streets and numbered roads, counties, state abbreviations, and the report's own town with its parts and neighbours. They run only on reports read as US local news (`NewsProfile`). */
import { ALIAS_FLAG, type Gazetteer, NO_ADMIN1, SETTLEMENT_KINDS as SETTLEMENTS } from './gazetteer.ts';
import { DATELINE_FOLLOWERS, isLineStart } from './place-datelines.ts';
import { TIME_WORDS, WIRE_AFTER, POLICE_AFTER, COUNTY_WORDS, STREET_TYPES, NOT_STREET_HEADS, NOT_COUNTY_NAMES } from './place-words.ts';
import { isPossessive } from './place-name-context.ts';
import { nextVisible, type PlaceToken } from './tokenize-for-places.ts';
import { type Match } from './place-match.ts';
import { type Neighbourhood, focusShare } from './place-neighbourhood.ts';
import {
  undottedAbbreviation,
  isDoubtful,
  isNamedAlone,
  namedRegions,
  namesTownsWithRegion,
  placesApartKm,
  mostNamedTown,
  mainCountryIndex,
  medoid,
  isKept,
  findContainer,
} from './place-facts.ts';

// Words before a road's number: "Highway 19", "County Road 43", "FM 645", "I-95". Not "U.S. 287", where
// "U.S." is read as the country, as gazetteers and the gold sets read it.
const ROAD_HEADS = new Set('highway hwy route interstate road i sr cr fm'.split(' '));

const ROAD_PREFIXES = new Set('state county farm'.split(' '));

const STREET_DIRECTIONS = new Set('north south east west n s e w ne nw se sw old'.split(' '));

const MAX_STREET_WORDS = 4;

// "Bourbon and Iberville streets", "Yale and Ramill Roads": two streets named before one plural street word.
const PLURAL_STREET_TYPES = new Set('streets avenues roads drives boulevards lanes'.split(' '));

// Before a corner of two names, "on" and "at" put them on streets ("on Winthrop and Clarita"), where "in" would not.
const CROSS_STREET_LEADS = new Set(['on', 'at']);

const COUNTY_NAME_PREFIXES = new Set(
  'st ste saint san santa los las el la de du prince fort port new palm anne east west north south upper lower'.split(' '),
);

// A report's town and its parts: namesakes this close are its neighbours; one this far off in another state is not meant.
const NEAR_REPORT_TOWN_KM = 40;

const FAR_FROM_REPORT_TOWN_KM = 150;

// Only a town this big has named parts and neighbours (townships, suburbs) the gazetteer may not know.
const MIN_TOWN_WITH_PARTS = 10000;

// A part of New York City is named by its borough, as addresses there are ("Coney Island" is in Brooklyn); the boroughs
// are counties. Queens is left out: its addresses keep their neighbourhoods' names (Jamaica, Far Rockaway).
export const BOROUGHS: ReadonlyMap<string, string> = new Map([
  ['Kings, New York', 'Brooklyn'],
  ['Bronx, New York', 'Bronx'],
  ['Richmond, New York', 'Staten Island'],
  ['New York, New York', 'New York'],
]);

export const NEW_YORK_CITY = 'New York City';

/** "Calif.", "W.Va.", "D.C." and, after "Town, ", postal codes: the region itself is a place mention. */
export function matchRegionAbbreviation(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer): Match | null {
  const t = tokens[i] as PlaceToken;
  // Every AP abbreviation ("Calif.", "D.C.") and postal code ("TX") opens on a capital.
  if (!t.isCapitalised) return null;
  const previous = tokens[i - 1];
  // "Town, ST": asked only of a capitalised word's next token, and the comma before the slice is made.
  const afterComma =
    previous !== undefined &&
    previous.isCapitalised &&
    text.charCodeAt(previous.fullEnd) === 44 &&
    /^,\s*$/.test(text.slice(previous.fullEnd, t.start));
  let place = g.apAbbreviations.get(t.text) ?? (afterComma ? undottedAbbreviation(g, t.text) : undefined);
  const isPostal = t.isAllCaps && t.text.length === 2;
  if (place === undefined && !isPostal) return null;
  const dotted = t.text.indexOf('.') < t.text.length - 1;
  if (place !== undefined && !dotted && !afterComma) place = undefined;
  if (place === undefined && afterComma && isPostal && !/[A-Za-z]/.test(text[t.end] ?? '')) {
    place = g.postalCodes.get(t.text);
  }
  if (place === undefined) return null;
  return {
    first: i,
    last: i,
    start: t.start,
    end: t.end,
    rule: 'place/region-abbreviation',
    candidates: [place],
    container: null,
    isSingleWord: false,
    isStopName: false,
    key: t.key,
    chosen: -1,
    supported: true,
    strong: true,
    afterPreposition: false,
  };
}

/**
 * "1935 Orchard St.", "North Cooper Street", "Highway 19", "County Road 43", "I-95": a street or a
 * numbered road. Checked before towns, so "Dublin Road" is a road and not Dublin. "St." or "Dr." before
 * a name is Saint or Doctor ("St. Louis"), and a street before more capitalised words names a firm or
 * a building ("Wall Street Journal", "Main Street Bank").
 */
export function matchStreet(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer, streetBefore: boolean): Match | null {
  const head = tokens[i] as PlaceToken;
  if (!head.isCapitalised || head.isHyphenated) return null;
  const road = matchNumberedRoad(tokens, i);
  if (road >= 0) return streetMatch(tokens, i, road);
  const cross = matchCrossStreet(text, tokens, i, streetBefore);
  if (cross >= 0) return streetMatch(tokens, i, cross);
  for (let k = i + 1; k <= i + MAX_STREET_WORDS && k < tokens.length; k++) {
    const t = tokens[k] as PlaceToken;
    const previous = tokens[k - 1] as PlaceToken;
    if (!t.joinsPrevious || t.isHyphenated || !t.isCapitalised || t.isAllCaps || previous.fullEnd !== previous.end) return null;
    if (!STREET_TYPES.has(t.key)) continue;
    const words = tokens.slice(i, k);
    if (NOT_COUNTY_NAMES.has(head.key) || NOT_STREET_HEADS.has(head.key)) return null;
    // A direction alone ("North Street") or a title ("Gen. Way") is no street's name.
    if (words.every((w) => STREET_DIRECTIONS.has(w.key) || g.titles.has(w.key))) return null;
    if (words.some((w) => w.isAllCaps || /^\d/.test(w.key))) return null;
    const after = tokens[k + 1];
    const abbreviated = t.text.endsWith('.');
    // "Main Street Bank" names a firm; "Sheridan Road Monday" and "Plymouth Ave N" are streets.
    const isStreetTail = after !== undefined && (TIME_WORDS.has(after.key) || (STREET_DIRECTIONS.has(after.key) && after.key !== 'old'));
    if (after?.joinsPrevious && after.isCapitalised && t.fullEnd === t.end && (abbreviated || !after.isHyphenated) && !isStreetTail)
      return null;
    return streetMatch(tokens, i, k);
  }
  return null;
}

/**
 * The last token of a street named without a street word, or -1: "the 2600 block of Hazelwood", a corner ("at Winthrop
 * and Clarita", "near 19th and Prospect", "Broadway/Pike") or one of two streets before a plural street word ("Yale and
 * Ramill Roads"). A lone capitalised word, never a name of two or more, so "on Long Island" stays a place.
 */
function matchCrossStreet(text: string, tokens: readonly PlaceToken[], i: number, streetBefore: boolean): number {
  const head = tokens[i] as PlaceToken;
  if (head.isAllCaps || head.fullEnd !== head.end || NOT_STREET_HEADS.has(head.key)) return -1;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  if (next?.joinsPrevious && next.isCapitalised) return PLURAL_STREET_TYPES.has(next.key) ? i + 1 : -1;
  if (previous?.key === 'of' && tokens[i - 2]?.key === 'block' && head.joinsPrevious) return i;
  // The second street of a corner: "Winthrop and Clarita", "19th and Prospect".
  if (previous?.key === 'and' && (streetBefore || isOrdinal(tokens[i - 2]))) return i;
  if (!next) return -1;
  const between = text.slice(head.fullEnd, next.start).trim();
  // "Broadway/Pike": a slash joins two streets.
  if (between === '/' && next.isCapitalised) return i;
  const other = next.key === 'and' ? tokens[i + 2] : between === '&' ? next : undefined;
  if (!other) return -1;
  if (isOrdinal(other)) return i;
  if (!other.isCapitalised) return -1;
  const after = tokens[next.key === 'and' ? i + 3 : i + 2];
  if (after && PLURAL_STREET_TYPES.has(after.key)) return i;
  return previous && CROSS_STREET_LEADS.has(previous.key) ? i : -1;
}

function isOrdinal(t: PlaceToken | undefined): boolean {
  return t !== undefined && /^\d+(?:st|nd|rd|th)$/.test(t.key);
}

/** The last token of "Highway 19", "State Highway 360", "County Road 43", "FM 645", "I-95", or -1. */
function matchNumberedRoad(tokens: readonly PlaceToken[], i: number): number {
  let k = i;
  const first = tokens[k] as PlaceToken;
  if (ROAD_PREFIXES.has(first.key)) {
    const next = tokens[k + 1];
    if (!next?.joinsPrevious || !next.isCapitalised || !ROAD_HEADS.has(next.key)) return -1;
    k++;
  }
  const roadHead = tokens[k] as PlaceToken;
  if (!ROAD_HEADS.has(roadHead.key)) return -1;
  // "I", "US", "SR", "CR", "FM" name roads only in capitals; "Road 43" needs a prefix ("County Road").
  if (roadHead.key.length <= 2 && !roadHead.isAllCaps && roadHead.key !== 'i') return -1;
  if (roadHead.key === 'road' && k === i) return -1;
  const number = tokens[k + 1];
  if (!number?.joinsPrevious || !/^\d{1,4}[a-z]?$/.test(number.key)) return -1;
  return k + 1;
}

function streetMatch(tokens: readonly PlaceToken[], first: number, last: number): Match {
  const head = tokens[first] as PlaceToken;
  const end = tokens[last] as PlaceToken;
  return {
    first,
    last,
    start: head.start,
    end: end.end,
    rule: 'place/street',
    candidates: [],
    container: null,
    isSingleWord: false,
    isStopName: false,
    key: tokens
      .slice(first, last + 1)
      .map((x) => x.key)
      .join(' '),
    chosen: -1,
    supported: true,
    strong: true,
    afterPreposition: false,
  };
}

export function hasCountyWordAhead(tokens: readonly PlaceToken[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (COUNTY_WORDS.has((tokens[k] as PlaceToken).key)) return true;
  return false;
}

/** "Laurel County", "Rapides Parish", "Pleasant Township": a US subdivision, which the gazetteer's towns file does not list. */
export function matchCounty(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer): Match | null {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
    const t = tokens[k] as PlaceToken;
    const previous = tokens[k - 1] as PlaceToken;
    // "Prince George's County", "Queen Anne's County": only the word right before "County" may be a possessive.
    const isPossessiveName = isPossessive(previous) && COUNTY_WORDS.has(t.key);
    if (!t.joinsPrevious || t.isHyphenated || !t.isCapitalised || (isPossessive(previous) && !isPossessiveName)) return null;
    if (!COUNTY_WORDS.has(t.key)) continue;
    // One word before "County", or two when they make a known name ("Palm Beach") or start like one ("St. Louis").
    let first = k - 1;
    const two = tokens[k - 2];
    if (k - 2 >= i && two && (tokens[k - 1] as PlaceToken).joinsPrevious && !(tokens[k - 1] as PlaceToken).isHyphenated) {
      if (COUNTY_NAME_PREFIXES.has(two.key) || g.findKey(`${two.key} ${previous.key}`) >= 0) first = k - 2;
    }
    const head = tokens[first] as PlaceToken;
    if (NOT_COUNTY_NAMES.has(head.key) || !head.isCapitalised) return null;
    if (head.isAllCaps && !isCountyDateline(text, tokens, first, k)) return null;
    return {
      first,
      last: k,
      start: head.start,
      end: t.end,
      rule: 'place/county',
      candidates: [],
      container: findContainer(text, tokens, k, g),
      isSingleWord: false,
      isStopName: false,
      key: '',
      countyWord: t.key,
      // The Census list writes the possessive without its apostrophe: "Prince Georges".
      countyName:
        tokens
          .slice(first, k)
          .map((x) => x.key)
          .join(' ') + (isPossessiveName ? 's' : ''),
      chosen: -1,
      supported: true,
      strong: true,
      afterPreposition: false,
    };
  }
  return null;
}

/**
 * "MONTGOMERY COUNTY (WSLS 10) –", "WELD COUNTY, Colo. --": a county in capitals is read only as a dateline (opening a
 * line, followed by a dateline's comma, dash or station), where local news names the county it reports from.
 */
function isCountyDateline(text: string, tokens: readonly PlaceToken[], first: number, last: number): boolean {
  const head = tokens[first] as PlaceToken;
  const end = tokens[last] as PlaceToken;
  return end.isAllCaps && isLineStart(text, head.start) && DATELINE_FOLLOWERS.has(nextVisible(text, end.fullEnd));
}

/**
 * Local news names the parts and neighbours of its own town without their state: "shot in Germantown" in a report
 * datelined Philadelphia, "Glendale police" in one from Phoenix. Where the report's town is known (its dateline, else
 * the town whose police speak), a name with a namesake near that town is that namesake; a town's name whose every
 * namesake lies far off in another state or country is a part of the report's town that the gazetteer does not know.
 */
export function placeNearReportTown(matches: Match[], g: Gazetteer, text: string): void {
  const town = reportTown(matches, g, text);
  if (!town || g.population(town.chosen) < MIN_TOWN_WITH_PARTS) return;
  const anchor = town.chosen;
  const home = g.countryIndex(anchor);
  const named = namedRegions(matches, g);
  for (const m of matches) {
    if (m === town || m.key === town.key || m.container !== null || m.chosen < 0 || m.isStopName || isDoubtful(m, g)) continue;
    if (m.rule !== 'place/gazetteer' && m.rule !== 'place/in-organisation-name') continue;
    if (!SETTLEMENTS.has(g.kind(m.chosen))) continue;
    let near = -1;
    for (const posting of m.candidates) {
      const id = posting & ~ALIAS_FLAG;
      if (SETTLEMENTS.has(g.kind(id)) && placesApartKm(g, id, anchor) <= NEAR_REPORT_TOWN_KM) {
        near = id;
        break;
      }
    }
    if (near >= 0) {
      m.chosen = near;
      m.supported = true;
      continue;
    }
    if (placesApartKm(g, m.chosen, anchor) <= FAR_FROM_REPORT_TOWN_KM || isNamedAlone(g, m.chosen)) continue;
    const unlikely =
      g.countryIndex(m.chosen) === home
        ? // Where news style names a town with its state ("Dayton, Ohio"), a town of another state named without it,
          // and in a report that names that state nowhere, is a local one.
          namesTownsWithRegion(g, home) && g.admin1Index(m.chosen) !== g.admin1Index(anchor) && !named.regions.has(g.admin1Index(m.chosen))
        : // Abroad, only in a country the report never names: "Whitehaven" in a report from Memphis, not "Abu Kamal" in
          // one from Washington about Syria.
          !named.countries.has(g.countryIndex(m.chosen));
    if (unlikely) {
      m.partOfReportTown = m.chosen;
      m.chosen = anchor;
    }
  }
}

/**
 * "Philadelphia's East Mount Airy neighborhood", "Baltimore's Brooklyn neighborhood": a neighbourhood given to a town
 * in the possessive is a part of that town, whatever towns elsewhere bear its name.
 */
export function placeInPossessiveTown(matches: Match[], g: Gazetteer): void {
  const towns = new Map<string, number>();
  matches.forEach((m, index) => {
    const owner = matches[index - 1];
    if (m.ownedNeighbourhood !== true || !owner || owner.chosen < 0 || owner.last >= m.first) return;
    if (m.beforeNeighbourhood === true && SETTLEMENTS.has(g.kind(owner.chosen)) && !towns.has(m.key)) towns.set(m.key, owner.chosen);
  });
  for (const m of matches) {
    const town = towns.get(m.key);
    if (town === undefined || m.chosen < 0 || m.chosen === town || m.container !== null) continue;
    m.partOfReportTown = m.chosen;
    m.chosen = town;
  }
}

/** The town a report is from: its dateline's, else the first town whose police speak in it ("Stockton police said"). */
function reportTown(matches: readonly Match[], g: Gazetteer, text: string): Match | null {
  const isTown = (m: Match) => m.chosen >= 0 && SETTLEMENTS.has(g.kind(m.chosen)) && g.kind(m.chosen) !== 'section';
  const dateline = matches.find((m) => m.rule === 'place/dateline' && isTown(m));
  // "BOSTON (Reuters) -": a wire service writes from its bureau about the whole region, not about its town's parts.
  if (dateline) return WIRE_AFTER.test(text.slice(dateline.end, dateline.end + 40)) ? null : dateline;
  return (
    matches.find((m) => m.rule === 'place/gazetteer' && !m.isStopName && isTown(m) && POLICE_AFTER.test(text.slice(m.end, m.end + 30))) ??
    null
  );
}

/**
 * Places a county: at a town of its name in its state, else at the middle of the document's towns in
 * that state, else at the state. Its state is the container ("Clay County, Ky."), else the state the
 * document's places lie in: each name votes once however often it recurs, a state named outright votes
 * twice, and the document's focus breaks ties.
 */
export function resolveCounty(
  m: Match,
  g: Gazetteer,
  matches: readonly Match[],
  neighbourhood: Neighbourhood,
  minPopulation: number,
): void {
  const us = g.meta.countries.indexOf('US');
  // The counties of that name: a state with none is not the county's, whatever else the document names there.
  const namesakes = countyNamesakes(m, g);
  const states = new Set(namesakes.map((c) => g.meta.counties[c]?.admin1 ?? -1));
  let admin1 = m.container && m.container.country === us ? m.container.admin1 : -1;
  if (admin1 < 0) {
    const votes = new Map<number, number>();
    const voted = new Set<string>();
    for (const other of matches) {
      if (
        other === m ||
        other.chosen < 0 ||
        other.rule === 'place/county' ||
        other.rule === 'place/street' ||
        g.countryIndex(other.chosen) !== us
      )
        continue;
      const a = g.admin1Index(other.chosen);
      if (a === NO_ADMIN1 || voted.has(`${other.key} ${a}`)) continue;
      // Among namesakes that exist, a name the document drops ("James" in "James Blazier of Brookhaven") has no say.
      if (states.size > 0 && (!states.has(a) || !isKept(other, g, minPopulation))) continue;
      voted.add(`${other.key} ${a}`);
      const isState = g.kind(other.chosen) === 'admin1';
      // "the Highland East Atlanta apartments": a name inside a building's or a firm's name speaks only half as loud.
      const weight = isState ? 2 : other.rule === 'place/in-organisation-name' ? 0.5 : 1;
      votes.set(a, (votes.get(a) ?? 0) + weight + focusShare(neighbourhood, a, ''));
    }
    let bestVotes = 0;
    for (const [a, v] of votes) {
      if (v > bestVotes) {
        admin1 = a;
        bestVotes = v;
      }
    }
    // "Barrow County deputies" in a report naming no town: the most populous county of the name is the one meant.
    if (admin1 < 0 && namesakes.length > 0) {
      admin1 = g.meta.counties[mostPopulous(g, namesakes)]?.admin1 ?? -1;
    }
  }
  const county = namesakes.find((c) => g.meta.counties[c]?.admin1 === admin1);
  if (county !== undefined) m.county = county;
  const region = g.meta.admin1[admin1];
  if (!region || region.place < 0) return;
  const byName = g.lookup(m.countyName ?? '').find((id) => g.admin1Index(id) === admin1 && SETTLEMENTS.has(g.kind(id)));
  if (byName !== undefined) {
    m.chosen = byName;
    return;
  }
  const towns = [
    ...new Set(
      matches
        .filter(
          (o) => o !== m && o.chosen >= 0 && o.rule !== 'place/county' && g.admin1Index(o.chosen) === admin1 && g.precision(o.chosen) === 1,
        )
        .map((o) => o.chosen),
    ),
  ];
  m.chosen = towns.length > 0 ? medoid(g, towns) : region.place;
}

/** The US counties a county match may be: "Rapides Parish" only in Louisiana, "Clay County" anywhere but there. */
export function countyNamesakes(m: Match, g: Gazetteer): number[] {
  const isParish = m.countyWord === 'parish';
  if (m.countyWord === 'township') return [];
  return g.countiesNamed(m.countyName ?? '').filter((c) => {
    const county = g.meta.counties[c];
    return county !== undefined && (g.meta.admin1[county.admin1]?.code === 'LA') === isParish;
  });
}

function mostPopulous(g: Gazetteer, counties: readonly number[]): number {
  let best = counties[0] ?? -1;
  for (const c of counties) if ((g.meta.counties[c]?.population ?? 0) > (g.meta.counties[best]?.population ?? 0)) best = c;
  return best;
}

/** Where a document's streets lie when no town follows them: the same for each of its streets, so read once. */
export interface StreetTowns {
  /** The town of the report's dateline, or -1. */
  readonly dateline: number;
  /** The main country of the places the document keeps. */
  readonly country: number;
  /** The kept town the document names most in that country, or -1. */
  readonly best: number;
}

/** The towns a document's streets may lie in (`StreetTowns`), from the places it keeps, streets aside. */
export function streetTowns(g: Gazetteer, matches: readonly Match[], minPopulation: number): StreetTowns {
  // Only places the document keeps: a dropped false friend ("Bobby", "Advocate") must not place a street.
  const kept = matches.filter((o) => o.chosen >= 0 && o.rule !== 'place/street' && isKept(o, g, minPopulation));
  const dateline = kept.find((o) => o.rule === 'place/dateline' && SETTLEMENTS.has(g.kind(o.chosen)));
  // Never a town abroad: a report on a shooting in Ohio that mentions Paris does not put Elm Street in France, and the
  // middle of towns in two countries is in neither.
  const country = mainCountryIndex(g, kept);
  return { dateline: dateline?.chosen ?? -1, country, best: mostNamedTown(g, kept, country) };
}

/**
 * Places a street at its town: the one named right after it ("Orchard St., Alexandria", "Elm Street in Dayton"), else
 * the dateline's town, else the town the document names most in its main country. A document that names no such town
 * leaves the street unplaced, and dropped.
 */
export function resolveStreet(m: Match, index: number, g: Gazetteer, matches: readonly Match[], text: string, towns: StreetTowns): void {
  const next = matches[index + 1];
  if (next && next.chosen >= 0 && g.precision(next.chosen) === 1 && /^(?:,|\s+in)\s*$/.test(text.slice(m.end, next.start))) {
    m.chosen = next.chosen;
    return;
  }
  // Local news reports from where it happened: the dateline names the street's town.
  if (towns.dateline >= 0) {
    m.chosen = towns.dateline;
    return;
  }
  // A kept town first; else one the document drops as unsure, which still says where the report is from.
  const fallback = towns.best >= 0 ? towns.best : mostNamedTown(g, matches, towns.country);
  if (fallback >= 0) m.chosen = fallback;
}
