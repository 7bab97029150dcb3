/** @module What the gazetteer and the report’s other names say of a candidate place: whether it is major, a region, doubtful, named alone; the regions and countries a report names; the report’s main country and most-named town; whether a name is kept. */
import standaloneCities from '../../../data/places/standalone-cities.json' with { type: 'json' };
import { ALIAS_FLAG, type Gazetteer, SETTLEMENT_KINDS as SETTLEMENTS } from './gazetteer.ts';
import { TIME_WORDS, MAX_UNSTATED_NAMESAKE, DIRECTION_WORDS } from './place-words.ts';
import { distanceKm } from './distance-km.ts';
import { placeKey } from './place-key.ts';
import { type Match, type Container } from './place-match.ts';
import { type PlaceToken } from './tokenize-for-places.ts';
import { mostCounted } from '../tally.ts';

// A place abroad this big is named for itself, not mistaken for a word: it counts as the report's news from abroad.
export const MIN_FOREIGN_TOWN = 100000;

export function isMajorPlace(g: Gazetteer, id: number): boolean {
  const kind = g.kind(id);
  return !SETTLEMENTS.has(kind) || kind === 'capital' || kind === 'admin-seat';
}

/** A word that names a country or a region ("Springfield Illinois"), not a family name that is also a town ("Henderson"). */
export function isRegionName(g: Gazetteer, key: string): boolean {
  const k = g.findKey(key);
  if (k < 0) return false;
  return !SETTLEMENTS.has(g.kind(g.posting(g.postingStart(k)) & ~ALIAS_FLAG));
}

/** A word that names a country, a region or a big city on its own, and is not a common word. */
export function isStrongPlace(g: Gazetteer, key: string): boolean {
  if (g.stopNames.has(key)) return false;
  const k = g.findKey(key);
  if (k < 0) return false;
  const top = g.posting(g.postingStart(k)) & ~ALIAS_FLAG;
  return !SETTLEMENTS.has(g.kind(top)) || g.population(top) >= 100000;
}

/**
 * "MEMPHIS, Tenn --", "Tupelo, Miss": after a town and its comma, a region's AP abbreviation written without its period.
 * Two-letter forms ("Pa", "La", "Va") are left out: without the period they are as often words or initials.
 */
export function undottedAbbreviation(g: Gazetteer, word: string): number | undefined {
  return word.length >= 3 && !word.includes('.') ? g.apAbbreviations.get(`${word}.`) : undefined;
}

/** After "Town, ": a region (abbreviated or not) or a country that contains the town. */
export function findContainer(text: string, tokens: readonly PlaceToken[], last: number, g: Gazetteer): Container | null {
  const end = tokens[last] as PlaceToken;
  const next = tokens[last + 1];
  if (!next || !/^,\s*$/.test(text.slice(end.fullEnd, next.start))) return null;
  let place = g.apAbbreviations.get(next.text) ?? undottedAbbreviation(g, next.text);
  if (place === undefined && next.isAllCaps && next.text.length === 2) place = g.postalCodes.get(next.text);
  if (place === undefined && next.isCapitalised) {
    let key = '';
    for (let j = last + 1; j < last + 4 && j < tokens.length; j++) {
      const t = tokens[j] as PlaceToken;
      if (j > last + 1 && !t.joinsPrevious) break;
      key = j === last + 1 ? t.key : `${key} ${t.key}`;
      const k = g.findKey(t.isAllCaps && j === last + 1 && t.text.replace(/\./g, '').length <= 5 ? `#${key}` : key);
      if (k < 0) continue;
      const top = g.posting(g.postingStart(k)) & ~ALIAS_FLAG;
      const kind = g.kind(top);
      if (kind === 'country' || kind === 'admin1') place = top;
    }
  }
  if (place === undefined) return null;
  const isCountry = g.kind(place) === 'country';
  return { place, country: g.countryIndex(place), admin1: isCountry ? -1 : g.admin1Index(place) };
}

/**
 * A lone word that may well be no place at all: a given name ("James Glass Jr."), or a word no place bears as its own
 * name ("Lewis" as another name of a capital overseas). It is still read as a place, but says nothing about where the
 * document's other places lie, unless a preposition or a container vouches for it.
 */
export function isDoubtful(m: Match, g: Gazetteer): boolean {
  if (!m.isSingleWord || m.afterPreposition || m.rule === 'place/dateline') return false;
  return g.givenNames.has(m.key) || m.candidates.every((c) => (c & ALIAS_FLAG) !== 0);
}

const standaloneByGazetteer = new WeakMap<Gazetteer, ReadonlySet<number>>();

/**
 * A city a report from elsewhere names without its state or country: in the United States one of the cities AP style
 * names alone (`data/places/standalone-cities.json`: Chicago, not Austin), abroad any big city.
 */
export function isNamedAlone(g: Gazetteer, id: number): boolean {
  if (g.country(id) !== 'US') return g.population(id) >= MAX_UNSTATED_NAMESAKE;
  let ids = standaloneByGazetteer.get(g);
  if (!ids) {
    const found = new Set<number>();
    for (const [name, state] of standaloneCities.cities) {
      const match = g
        .lookup(placeKey(name ?? ''))
        .find((p) => g.country(p & ~ALIAS_FLAG) === 'US' && g.admin1(p & ~ALIAS_FLAG)?.code === state);
      if (match !== undefined) found.add(match & ~ALIAS_FLAG);
    }
    ids = found;
    standaloneByGazetteer.set(g, ids);
  }
  return ids.has(id);
}

/** The first-level regions and the countries a document names outright, or as a town's container. */
export function namedRegions(matches: readonly Match[], g: Gazetteer): { regions: Set<number>; countries: Set<number> } {
  const regions = new Set<number>();
  const countries = new Set<number>();
  for (const m of matches) {
    if (m.container) {
      countries.add(m.container.country);
      if (m.container.admin1 >= 0) regions.add(m.container.admin1);
    }
    if (m.chosen < 0 || m.isStopName) continue;
    const kind = g.kind(m.chosen);
    if (kind === 'country') countries.add(g.countryIndex(m.chosen));
    if (kind === 'admin1') {
      regions.add(g.admin1Index(m.chosen));
      countries.add(g.countryIndex(m.chosen));
    }
  }
  return { regions, countries };
}

/** Whether news style names the country's towns with their region, as AP style does ("Dayton, Ohio", "Tupelo, Miss."). */
export function namesTownsWithRegion(g: Gazetteer, country: number): boolean {
  for (const place of g.apAbbreviations.values()) if (g.countryIndex(place) === country) return true;
  return false;
}

/** The distance in km between two gazetteer places. */
export function placesApartKm(g: Gazetteer, a: number, b: number): number {
  return distanceKm(g.lat(a), g.lon(a), g.lat(b), g.lon(b));
}

/** The town of a country the matches name most (first named among equals), or -1. */
export function mostNamedTown(g: Gazetteer, matches: readonly Match[], country: number): number {
  const counts = new Map<number, number>();
  for (const o of matches) {
    if (o.chosen < 0 || !SETTLEMENTS.has(g.kind(o.chosen)) || g.countryIndex(o.chosen) !== country) continue;
    if (o.rule !== 'place/gazetteer' && o.rule !== 'place/dateline' && o.container === null) continue;
    counts.set(o.chosen, (counts.get(o.chosen) ?? 0) + 1);
  }
  // The map keeps the order the towns were first named in.
  return mostCounted(counts) ?? -1;
}

/** The country most resolved places of the document are in (a first-level region counts double), or -1. */
export function mainCountryIndex(g: Gazetteer, matches: readonly Match[]): number {
  const counts = new Map<number, number>();
  for (const o of matches) {
    if (o.chosen < 0 || o.rule === 'place/street') continue;
    const country = g.countryIndex(o.chosen);
    counts.set(country, (counts.get(country) ?? 0) + (g.kind(o.chosen) === 'admin1' ? 2 : 1));
  }
  return mostCounted(counts) ?? -1;
}

/** The place with the least summed distance to the others: the middle of a cluster, never pulled off by one outlier. */
export function medoid(g: Gazetteer, ids: readonly number[]): number {
  let best = ids[0] ?? -1;
  let bestSum = Number.POSITIVE_INFINITY;
  for (const a of ids) {
    let sum = 0;
    const cos = Math.cos((g.lat(a) * Math.PI) / 180);
    for (const b of ids) sum += Math.hypot(g.lat(a) - g.lat(b), (g.lon(a) - g.lon(b)) * cos);
    if (sum < bestSum) {
      best = a;
      bestSum = sum;
    }
  }
  return best;
}

/** Keeps a resolved match unless it is a small or common-word town the document gives no reason to believe. */
export function isKept(m: Match, g: Gazetteer, minPopulation: number, namedCountries?: ReadonlySet<number>): boolean {
  if (m.rule === 'place/dateline') return m.chosen >= 0 && (!m.isStopName || m.container !== null);
  if (m.container !== null || (m.rule !== 'place/gazetteer' && m.rule !== 'place/in-organisation-name')) return m.chosen >= 0;
  if (m.isStopName) return isStatedStopName(m, g);
  if (isOtherNameOnly(m)) return false;
  const id = m.partOfReportTown ?? m.chosen;
  const kind = g.kind(id);
  if (m.isSingleWord && kind !== 'capital' && SETTLEMENTS.has(kind) && g.givenNames.has(m.key) && !m.afterPreposition) return false;
  // However small, a town inside a county the report names is where the report says it is.
  if (m.inNamedCounty === true && m.partOfReportTown === undefined) return true;
  if (!SETTLEMENTS.has(kind)) return true;
  const population = g.population(id);
  if (kind === 'capital' || kind === 'admin-seat') return true;
  // "shot in Duquesne", "Blytheville police said": a small town the words place something in needs no other support,
  // unless the report names another country ("a swan found in Fife" in a report about the UK is no American town).
  const isPlacedThere =
    namedCountries !== undefined &&
    m.rule === 'place/gazetteer' &&
    (m.afterIn === true || m.beforePolice === true || m.beforeResident === true) &&
    !g.givenNames.has(m.key) &&
    [...namedCountries].every((c) => c === g.countryIndex(id));
  // "San Benito" in a report about El Salvador that names a dozen of its towns: a Mexican village of that name is no
  // reading of it; a city that size abroad may be.
  if (m.strayAbroad === true && population < MIN_FOREIGN_TOWN) return false;
  if (m.isSingleWord) return population >= minPopulation || ((m.supported || isPlacedThere) && population >= 1000);
  return population >= 1000 || m.supported;
}

/**
 * "shot Sunday night in Mobile", "in Concord" in a report naming other towns of its state: a town that is also a common
 * word is meant where a preposition puts something in it and the document's region or neighbours speak for it.
 */
function isStatedStopName(m: Match, g: Gazetteer): boolean {
  // "in August", "in Northwest" say when or which part, whatever town bears the word.
  if (TIME_WORDS.has(m.key) || DIRECTION_WORDS.has(m.key)) return false;
  return (m.afterPreposition || m.beforePolice === true) && m.strong && m.container === null && SETTLEMENTS.has(g.kind(m.chosen));
}

/**
 * "Drug" (another name of a town in India), "Lewis": a lone word that only another name of a place bears is a common
 * word or a person's name unless "in" or a container puts it somewhere.
 */
function isOtherNameOnly(m: Match): boolean {
  return m.isSingleWord && !m.afterPreposition && m.candidates.every((c) => (c & ALIAS_FLAG) !== 0);
}
