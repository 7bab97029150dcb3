/** @module Finds place names in a report and resolves each to one gazetteer entry, using the rest of the document to choose among places of one name. */
import standaloneCities from '../../../data/places/standalone-cities.json' with { type: 'json' };
import speechVerbs from '../../../data/speech-verbs.json' with { type: 'json' };
import type { MentionOf, PlaceValue } from '../../model/mention.ts';
import type { UnderstandInput } from '../context.ts';
import { detectMetonymy } from './detect-metonymy.ts';
import { distanceKm } from './distance-km.ts';
import { ALIAS_FLAG, type Gazetteer, NO_ADMIN1, NO_COUNTRY, SETTLEMENT_KINDS as SETTLEMENTS } from './gazetteer.ts';
import { chooseNewsProfile, countWarWords, type NewsProfile } from './news-profile.ts';
import { outletTowns } from './outlet-towns.ts';
import { placeKey } from './place-key.ts';
import { nextVisible, type PlaceToken, tokenizeForPlaces } from './tokenize-for-places.ts';

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
// After a town's name, these keep it a place ("Richmond police", "Texas Gov. Rick Perry").
const PLACE_FOLLOWERS = new Set(
  'police fire sheriff sheriffs county parish city council mayor metro area region township borough district province governorate officials authorities residents airport state'.split(
    ' ',
  ),
);
// After a name, these are its town's: "Share Memphis police said" names the city whatever word stands before it.
const TOWN_SERVICES = new Set('police fire sheriff mayor'.split(' '));
// Before a name, these keep it a place ("North Carolina" aside, "Northern Gaza", "Greater London").
const PLACE_MODIFIERS = new Set(
  'north south east west northern southern eastern western central upper lower greater new old downtown metro metropolitan historic occupied rural suburban mount mt lake port fort ft saint st gulf inner outer northeast northwest southeast southwest'.split(
    ' ',
  ),
);
// Places that are also common first names or surnames: "Jordan Henderson", "Michael Jordan", "Lloyd Austin".
const PERSON_NAME_PLACES = new Set(
  'jordan chad israel india kenya georgia virginia carolina england ireland holland wales paris victoria florence charlotte austin houston dallas lincoln madison jackson washington sydney orlando chester warren clinton marshall franklin hamilton kent troy tyler denver phoenix aurora savannah camden regina adelaide beverly'.split(
    ' ',
  ),
);
// Days and months say when, not who: "shot in Hermitage Tuesday evening", "in Senath Saturday", "Dayton March 3".
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const DIRECTION_WORDS = new Set(
  'north south east west northeast northwest southeast southwest northern southern eastern western central downtown'.split(' '),
);
const PLACE_PREPOSITIONS = new Set('in at near from to outside into toward towards around across throughout inside'.split(' '));
// "at Davis' home": what a person owns, not a town.
const HOME_WORDS = new Set(
  'home house residence apartment trailer yard porch driveway bedroom garage family mother father son daughter wife husband girlfriend boyfriend'.split(
    ' ',
  ),
);
// "at Macy's", "inside Denny's": where a possessive name is a shop.
const SHOP_PREPOSITIONS = new Set('at inside outside'.split(' '));
// A town this small is rarely the one meant by "at X's" ("at Dayton's airport" is the city's).
const MAX_SHOP_NAMESAKE = 10000;
// A town this small is rarely the one meant by its name alone once the report has used it as a first name ("Paxton Shannon").
const MAX_FIRST_NAME_TOWN = 10000;
// After a name, these make it a part of a town: "the Woodlawn neighborhood", "the city's East Germantown section".
const NEIGHBOURHOOD_WORDS = new Set(['neighborhood', 'neighbourhood', 'section']);
// What a neighbourhood gains over its namesake towns when the text calls the name a neighbourhood.
const NEIGHBOURHOOD_WEIGHT = 3;
const DISEASE_WORDS = new Set('virus viruses fever flu influenza disease syndrome strain encephalitis outbreak'.split(' '));
const COUNTY_WORDS = new Set(['county', 'parish', 'township']);
// Words that end a building's or an institution's name: "Sentara Norfolk General Hospital", "Bayview Lincoln High School".
const INSTITUTION_TAILS = new Set(
  'hospital hospitals clinic school academy church cathedral chapel mosque synagogue temple cemetery mall'.split(' '),
);
const MAX_INSTITUTION_RUN = 4;
// Words that end the name of an armed or political group named after a person ("Farabundo Marti National Liberation Front").
const GROUP_TAILS = new Set(
  'front movement army party brigade brigades command commandos group union alliance board league forces'.split(' '),
);
// The last word of a street's name: "Orchard St.", "Dublin Road", "North Cooper Street".
const STREET_TYPES = new Set(
  'street st avenue ave road rd drive dr boulevard blvd lane ln parkway pkwy pike circle terrace trail highway freeway expressway turnpike'.split(
    ' ',
  ),
);
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
// Capitalised only because they start a sentence: "But Main Street", "And Elm Road".
const NOT_STREET_HEADS = new Set('but and or at in on from to for with by as if when while after before'.split(' '));
const COUNTY_NAME_PREFIXES = new Set(
  'st ste saint san santa los las el la de du prince fort port new palm anne east west north south upper lower'.split(' '),
);
const NOT_COUNTY_NAMES = new Set('the this that each every our his her their a one another same which what its'.split(' '));
// Phrases just before a point place that make its precision "near": "near Abu Kamal", "40 km north of Baghdad".
const NEAR =
  /(?:\bnear(?:by)?|\boutside(?: of)?|\bclose to|\boutskirts of|\bvicinity of|\baround|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?(?: of)?|\b(?:km|kilometers|kilometres|miles|mi)\s+(?:from|of|outside))\s+(?:the\s+)?(?:town\s+of\s+|city\s+of\s+|village\s+of\s+)?$/i;
// What may follow a dateline's place: "TOLEDO, Ohio —", "CHICAGO (AP) —", "NEW ORLEANS --".
const DATELINE_FOLLOWERS = new Set([',', '(', '-', '—', '–']);
const SPEECH_VERBS: ReadonlySet<string> = new Set(Object.keys(speechVerbs.verbs));
const MAX_CANDIDATES = 40;
const MAX_WORDS = 7;
const PLAUSIBLE_PRIOR_GAP = 6;
const NEIGHBOUR_CANDIDATES = 15;
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

// A report's town and its parts: namesakes this close are its neighbours; one this far off in another state is not meant.
const NEAR_REPORT_TOWN_KM = 40;
const FAR_FROM_REPORT_TOWN_KM = 150;
// A city this big is named with its state when a report from elsewhere means it; a smaller town with no namesake near
// the report's town is a part of that town.
const MAX_UNSTATED_NAMESAKE = 100000;
// Only a town this big has named parts and neighbours (townships, suburbs) the gazetteer may not know.
const MIN_TOWN_WITH_PARTS = 10000;
// A part of New York City is named by its borough, as addresses there are ("Coney Island" is in Brooklyn); the boroughs
// are counties. Queens is left out: its addresses keep their neighbourhoods' names (Jamaica, Far Rockaway).
const BOROUGHS: ReadonlyMap<string, string> = new Map([
  ['Kings, New York', 'Brooklyn'],
  ['Bronx, New York', 'Bronx'],
  ['Richmond, New York', 'Staten Island'],
  ['New York, New York', 'New York'],
]);
const NEW_YORK_CITY = 'New York City';
const WIRE_AFTER = /^[^(\n]{0,20}\((?:AP|Reuters|AFP|UPI|Bloomberg)\)/;
const POLICE_AFTER = /^'?s?\s+(?:police|Police)\b/;
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
const CREDITS =
  /(?:\b(?:[Aa]dditional reporting|[Rr]eporting|[Ww]riting|[Ww]ritten|[Ee]diting|[Ee]dited|[Cc]ompiled|[Tt]ranslated|[Pp]hotos?|[Pp]hotographs?|[Ii]mages?|[Vv]ideo|[Gg]raphics?)\s+by|(?:^|\n)[ \t]*By)\s+([^\n;()|]{1,60}?)(?=$|[\n;()|]|\s(?:in|at|from|for|with|on|via)\s|,|\.\s)|\b(?:Photo|Credit|Image|Picture)s?:\s*([^\n/()]{1,40})(?=\/|\s+via\s)/g;
const RESIDENT_AFTER =
  /^\s+(?:man|woman|men|women|teen|teens|teenager|teenagers|boy|boys|girl|girls|resident|residents|couple|shooting|shootings|homicide|homicides|murder|murders|standoff)\b/i;

/** One name found in the text before it is resolved. */
interface Match {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  /** Candidate place ids (with `ALIAS_FLAG`), best prior first. */
  readonly candidates: readonly number[];
  /** "Springfield, Ill.": the region or country the text puts the place in. */
  readonly container: Container | null;
  readonly isSingleWord: boolean;
  readonly isStopName: boolean;
  /** The name's lookup key: repeats of one name do not vouch for each other. */
  readonly key: string;
  /** For a county: the words before "County". */
  readonly countyName?: string;
  /** For a county: "county", "parish" or "township". */
  readonly countyWord?: string;
  chosen: number;
  /** Something in the document speaks for the chosen place: its country, region, a neighbour or a container. */
  supported: boolean;
  /** Its region, a neighbour or a container speaks for it. */
  strong: boolean;
  /** Wide news: a town outside the country the report is mostly about, which nothing near it speaks for. */
  strayAbroad?: boolean;
  /** "in Scott", "near Lincoln", or a container: a person's name is a place here. */
  readonly afterPreposition: boolean;
  /** "Humble police said": the town's police speak, so a town that is also a common word is meant. */
  readonly beforePolice?: boolean;
  /** "shot in Duquesne": "in" right before the name. */
  readonly afterIn?: boolean;
  /** "a Lingle man": a resident's word right after the name. */
  readonly beforeResident?: boolean;
  /** "the Woodlawn neighborhood", "the East Germantown section": the name is a part of a town. */
  readonly beforeNeighbourhood?: boolean;
  /** "Baltimore's Brooklyn neighborhood": a part of the town named just before, which its namesakes say nothing about. */
  ownedNeighbourhood?: boolean;
  /**
   * Read as a part of the report's own town ("in Madisonville" in a report from Cincinnati): `chosen` is that town, and
   * this the namesake far off that the name was first read as, which still decides whether the name is kept.
   */
  partOfReportTown?: number;
  /** The chosen town lies in a county the document names ("in Elgin" beside "Fayette County"). */
  inNamedCounty?: boolean;
  /** For a county placed in the gazetteer's US county list: its index there, whose centre is its point. */
  county?: number;
}

interface Container {
  readonly place: number;
  /** Country index of the container. */
  readonly country: number;
  /** Admin1 index, or -1 for a country. */
  readonly admin1: number;
}

interface Evidence {
  readonly countries: Map<number, number>;
  readonly admin1s: Map<number, number>;
  /** Admin1 votes summed by the country the region lies in: a country contains its regions. */
  readonly admin1sByCountry: Map<number, number>;
  countryTotal: number;
  admin1Total: number;
  /** What each match contributed, so that it can be left out of its own evidence. */
  readonly own: Map<number, { readonly id: number; readonly weight: number }>;
}

function emptyEvidence(): Evidence {
  return { countries: new Map(), admin1s: new Map(), admin1sByCountry: new Map(), countryTotal: 0, admin1Total: 0, own: new Map() };
}

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

// A place abroad this big is named for itself, not mistaken for a word: it counts as the report's news from abroad.
const MIN_FOREIGN_TOWN = 100000;

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
      t.isCapitalised || (ARTICLES.has(t.key) && tokens[i + 1]?.isHyphenated === true && tokens[i + 1]?.isCapitalised === true);
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
      (!isDateline && isNamedThing(text, t.start, end.end, credits))
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

/** Where the text credits its writers, editors and photographers: `[start, end)` pairs. */
function creditSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const m of text.matchAll(CREDITS)) {
    const name = m[1] ?? m[2] ?? '';
    const end = (m.index ?? 0) + m[0].length;
    spans.push([end - name.length, end]);
  }
  return spans;
}

/**
 * A name that is a ship's ("USS Carney"), an aircraft's or a weapon's ("C-130 Hercules"), a family's ("the Salem Abu
 * Quta family"), a surname after its particles ("van de Perre"), or inside a credit ("Reporting by Lincoln Feast").
 */
function isNamedThing(text: string, start: number, end: number, credits: ReadonlyArray<readonly [number, number]>): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (VESSEL_BEFORE.test(before) || DESIGNATION_BEFORE.test(before) || SURNAME_PARTICLES_BEFORE.test(before)) return true;
  // "told Xinhua", "(Xinhua)": whom someone told, or the agency credited in brackets.
  const next = /^\s+([A-Za-z]+)/.exec(text.slice(end, end + 20))?.[1]?.toLowerCase() ?? '';
  if (TOLD_BEFORE.test(before) && !PLACE_FOLLOWERS.has(next)) return true;
  if (/\(\s*$/.test(before) && /^\s*\)/.test(text.slice(end, end + 3))) return true;
  if (FAMILY_AFTER.test(text.slice(end, end + 80))) return true;
  return credits.some(([s, e]) => start >= s && end <= e);
}

function isAfterAmpersand(text: string, t: PlaceToken): boolean {
  return /\S\s?&\s?$/.test(text.slice(Math.max(0, t.start - 4), t.start));
}

/** "Paxton Shannon": the name is followed by one capitalised word that is no common word, a surname, and no longer run. */
function opensFullName(g: Gazetteer, tokens: readonly PlaceToken[], last: number): boolean {
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

function isMajorPlace(g: Gazetteer, id: number): boolean {
  const kind = g.kind(id);
  return !SETTLEMENTS.has(kind) || kind === 'capital' || kind === 'admin-seat';
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

/** "Jones said": a town's name before a speech verb is a person's (capitals and countries are left to metonymy). */
function isSpeakingPerson(g: Gazetteer, tokens: readonly PlaceToken[], last: number, top: number): boolean {
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
function isAgedPerson(text: string, g: Gazetteer, t: PlaceToken, top: number): boolean {
  const kind = g.kind(top);
  return SETTLEMENTS.has(kind) && kind !== 'capital' && /^,\s*\d{1,3}\s*,/.test(text.slice(t.fullEnd, t.fullEnd + 8));
}

function isPossessive(t: PlaceToken): boolean {
  return t.fullEnd !== t.end;
}

/** "at Davis' home", "Tyler's apartment": a town's name owning a home is a person's. */
function isHomeOwner(g: Gazetteer, tokens: readonly PlaceToken[], last: number, top: number): boolean {
  const t = tokens[last] as PlaceToken;
  const after = tokens[last + 1];
  return SETTLEMENTS.has(g.kind(top)) && t.fullEnd !== t.end && after !== undefined && HOME_WORDS.has(after.key);
}

/** "Austin Hedrick, 16,": a town's name read as a first name, before a surname and an age between commas. */
function isAgedFirstName(
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
function isNamedLikePerson(text: string, g: Gazetteer, tokens: readonly PlaceToken[], i: number, top: number): boolean {
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
function demonymContext(tokens: readonly PlaceToken[], first: number, last: number): NameContext {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const head = tokens[first] as PlaceToken;
  if (head.isHyphenated || (before && head.joinsPrevious && (before.key === 'native' || before.key === 'latin'))) return 'person';
  if (after?.joinsPrevious && after.isCapitalised && !after.isHyphenated && !head.isTitleCase) return 'organisation';
  return 'place';
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

/** An all-capital word counts only in a dateline: "BEIRUT (Reuters) —", "CHARLESTON, W.Va.", "NEW ORLEANS --"; never "MORE:". */
function isDateline(text: string, t: PlaceToken): boolean {
  const next = nextVisible(text, t.fullEnd);
  if (t.isSentenceStart && next !== ':') return true;
  return DATELINE_FOLLOWERS.has(next);
}

/**
 * A place in capitals opening the text or a line and followed by a dateline's comma, dash or agency: "CHICAGO (AP) —",
 * "SPRINGFIELD, Mo. (KY3) -". The report was written there, so the place is kept without other support.
 */
function isDatelinePlace(text: string, tokens: readonly PlaceToken[], first: number, last: number): boolean {
  const head = tokens[first] as PlaceToken;
  const end = tokens[last] as PlaceToken;
  // "LA" alone is Los Angeles written short; "LA PAZ" is a name.
  if (!head.isAllCaps || !end.isAllCaps || (first === last && head.text.replace(/\./g, '').length < 3)) return false;
  if (!isLineStart(text, head.start)) return false;
  return DATELINE_FOLLOWERS.has(nextVisible(text, end.fullEnd));
}

function isLineStart(text: string, position: number): boolean {
  for (let k = position - 1; k >= 0; k--) {
    const c = text[k];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return true;
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
function nameContext(tokens: readonly PlaceToken[], first: number, last: number, g: Gazetteer, top: number): NameContext {
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

/** A word that names a country or a region ("Springfield Illinois"), not a family name that is also a town ("Henderson"). */
function isRegionName(g: Gazetteer, key: string): boolean {
  const k = g.findKey(key);
  if (k < 0) return false;
  return !SETTLEMENTS.has(g.kind(g.posting(g.postingStart(k)) & ~ALIAS_FLAG));
}

/** A word that names a country, a region or a big city on its own, and is not a common word. */
function isStrongPlace(g: Gazetteer, key: string): boolean {
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
function undottedAbbreviation(g: Gazetteer, word: string): number | undefined {
  return word.length >= 3 && !word.includes('.') ? g.apAbbreviations.get(`${word}.`) : undefined;
}

/** "Calif.", "W.Va.", "D.C." and, after "Town, ", postal codes: the region itself is a place mention. */
function matchRegionAbbreviation(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer): Match | null {
  const t = tokens[i] as PlaceToken;
  const afterComma =
    i > 0 && /^,\s*$/.test(text.slice((tokens[i - 1] as PlaceToken).fullEnd, t.start)) && (tokens[i - 1] as PlaceToken).isCapitalised;
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
function matchStreet(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer, streetBefore: boolean): Match | null {
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

function hasCountyWordAhead(tokens: readonly PlaceToken[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) if (COUNTY_WORDS.has((tokens[k] as PlaceToken).key)) return true;
  return false;
}

/** "Laurel County", "Rapides Parish", "Pleasant Township": a US subdivision, which the gazetteer's towns file does not list. */
function matchCounty(text: string, tokens: readonly PlaceToken[], i: number, g: Gazetteer): Match | null {
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

/** After "Town, ": a region (abbreviated or not) or a country that contains the town. */
function findContainer(text: string, tokens: readonly PlaceToken[], last: number, g: Gazetteer): Container | null {
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
      for (const posting of m.candidates) {
        const id = posting & ~ALIAS_FLAG;
        if (m.container && !isInside(g, id, m.container)) continue;
        const support = supportOf(g, id, index, evidence);
        const kind = g.kind(id);
        const neighbours =
          g.precision(id) === 1
            ? countNeighbours(neighbourhood.cells, g, id, m.key)
            : kind === 'admin1'
              ? countOthers(neighbourhood.regions.get(g.admin1Index(id)), m.key)
              : 0;
        const inNamedCounty = namedCounties.size > 0 && namedCounties.has(g.county(id));
        const local = focusing || (sure.countries.get(g.countryIndex(id)) ?? 0) > 0;
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
          (local ? NEAR_WEIGHT * Math.min(neighbours, 2) + FOCUS_WEIGHT * focusShareOf(neighbourhood, g, id, m.key) : 0);
        if (score > bestScore) {
          best = id;
          bestScore = score;
          bestInCounty = inNamedCounty;
          const near = local && neighbours > 0;
          bestSupported = m.container !== null || support.admin1 > 0 || near || support.country > 0 || inNamedCounty;
          bestStrong = m.container !== null || support.admin1 > 0 || near || inNamedCounty;
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
    const main = mostVoted(sure.countries);
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
  matches.forEach((m, index) => {
    if (m.rule === 'place/street') resolveStreet(m, index, g, matches, text, minPopulation);
  });
}

/** A dateline without a container ("LA PAZ, 20 DEC 89 (EFE) --") in wide news: where a wire report was filed. */
function isWireDateline(m: Match, profile: NewsProfile): boolean {
  return !profile.readings.has('namesake-focus') && m.rule === 'place/dateline' && m.container === null;
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

/** The key with the most votes, or -1. */
function mostVoted(votes: ReadonlyMap<number, number>): number {
  let best = -1;
  let n = 0;
  for (const [key, v] of votes) {
    if (v > n) {
      best = key;
      n = v;
    }
  }
  return best;
}

/** The text of a name written with an abbreviation ("St. Louis", "Ft. Myers"), or null: its spelling tells its namesakes apart. */
function abbreviatedSpelling(text: string, m: Match): string | null {
  const surface = text.slice(m.start, m.end);
  return surface.includes('.') ? surface : null;
}

/**
 * A lone word that may well be no place at all: a given name ("James Glass Jr."), or a word no place bears as its own
 * name ("Lewis" as another name of a capital overseas). It is still read as a place, but says nothing about where the
 * document's other places lie, unless a preposition or a container vouches for it.
 */
function isDoubtful(m: Match, g: Gazetteer): boolean {
  if (!m.isSingleWord || m.afterPreposition || m.rule === 'place/dateline') return false;
  return g.givenNames.has(m.key) || m.candidates.every((c) => (c & ALIAS_FLAG) !== 0);
}

/**
 * Local news names the parts and neighbours of its own town without their state: "shot in Germantown" in a report
 * datelined Philadelphia, "Glendale police" in one from Phoenix. Where the report's town is known (its dateline, else
 * the town whose police speak), a name with a namesake near that town is that namesake; a town's name whose every
 * namesake lies far off in another state or country is a part of the report's town that the gazetteer does not know.
 */
function placeNearReportTown(matches: Match[], g: Gazetteer, text: string): void {
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
function placeInPossessiveTown(matches: Match[], g: Gazetteer): void {
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

const standaloneByGazetteer = new WeakMap<Gazetteer, ReadonlySet<number>>();

/**
 * A city a report from elsewhere names without its state or country: in the United States one of the cities AP style
 * names alone (`data/places/standalone-cities.json`: Chicago, not Austin), abroad any big city.
 */
function isNamedAlone(g: Gazetteer, id: number): boolean {
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
function namedRegions(matches: readonly Match[], g: Gazetteer): { regions: Set<number>; countries: Set<number> } {
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
function namesTownsWithRegion(g: Gazetteer, country: number): boolean {
  for (const place of g.apAbbreviations.values()) if (g.countryIndex(place) === country) return true;
  return false;
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

/** The distance in km between two gazetteer places. */
function placesApartKm(g: Gazetteer, a: number, b: number): number {
  return distanceKm(g.lat(a), g.lon(a), g.lat(b), g.lon(b));
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

/** Where the document's names could lie, before any is chosen: grid cells, regions, and each region's share of the names. */
interface Neighbourhood {
  /** One-degree cells to the names with a plausible point candidate there, and that candidate. */
  readonly cells: Map<number, { readonly key: string; readonly id: number }[]>;
  /** Admin1 index to the names with a plausible candidate (not the region itself) inside it. */
  readonly regions: Map<number, Set<string>>;
  /** Admin1 index to its soft votes: each name gives one vote, split evenly over the places its plausible candidates lie in. */
  readonly focus: Map<number, number>;
  /** Per name key, its vote for each admin1, so that a name can be left out of its own support. */
  readonly focusOwn: Map<string, Map<number, number>>;
  /** Country index to the soft votes of its regions. */
  readonly focusByCountry: Map<number, number>;
  /** How many names voted. */
  readonly focusNames: number;
}

/**
 * Grid cells of one degree holding, for each point candidate of every name, the names it could be:
 * "Lebanon" beside "Zionsville" is the Lebanon in Indiana, because one of Zionsville's candidates
 * lies in the next cell. Every plausible candidate counts, so no early guess decides for the rest.
 * Names that are also common words or people's names ("Taylor", "Lee") lie in every state, so they
 * say nothing about where the document is and are left out.
 */
function buildNeighbourhood(matches: readonly Match[], g: Gazetteer): Neighbourhood {
  const cells = new Map<number, { readonly key: string; readonly id: number }[]>();
  const regions = new Map<number, Set<string>>();
  const focus = new Map<number, number>();
  const focusOwn = new Map<string, Map<number, number>>();
  const seen = new Set<string>();
  for (const m of matches) {
    if (m.rule === 'place/county' || m.rule === 'place/street' || m.rule === 'place/demonym' || m.ownedNeighbourhood === true) continue;
    if (seen.has(m.key)) continue;
    seen.add(m.key);
    if (m.isStopName || isDoubtful(m, g)) continue;
    const top = m.candidates[0];
    if (top === undefined) continue;
    const floor = g.prior(top & ~ALIAS_FLAG) - PLAUSIBLE_PRIOR_GAP;
    let taken = 0;
    // The places a name could be, one bucket per region (or per country for a country): its vote is split over them.
    const buckets = new Set<number>();
    for (const posting of m.candidates) {
      const id = posting & ~ALIAS_FLAG;
      if (g.prior(id) < floor) continue;
      const admin1 = g.admin1Index(id);
      buckets.add(admin1 === NO_ADMIN1 ? -1 - g.countryIndex(id) : admin1);
      if (admin1 !== NO_ADMIN1 && g.kind(id) !== 'admin1') {
        let inRegion = regions.get(admin1);
        if (!inRegion) {
          inRegion = new Set();
          regions.set(admin1, inRegion);
        }
        inRegion.add(m.key);
      }
      if (g.precision(id) !== 1 || taken >= NEIGHBOUR_CANDIDATES) continue;
      taken++;
      const cell = cellOf(g.lat(id), g.lon(id));
      let names = cells.get(cell);
      if (!names) {
        names = [];
        cells.set(cell, names);
      }
      names.push({ key: m.key, id });
    }
    const own = new Map<number, number>();
    for (const bucket of buckets) {
      if (bucket < 0) continue;
      own.set(bucket, 1 / buckets.size);
      focus.set(bucket, (focus.get(bucket) ?? 0) + 1 / buckets.size);
    }
    focusOwn.set(m.key, own);
  }
  const focusByCountry = new Map<number, number>();
  for (const [admin1, votes] of focus) {
    const country = regionCountry(g, admin1);
    focusByCountry.set(country, (focusByCountry.get(country) ?? 0) + votes);
  }
  return { cells, regions, focus, focusOwn, focusByCountry, focusNames: focusOwn.size };
}

function regionCountry(g: Gazetteer, admin1: number): number {
  const region = g.meta.admin1[admin1];
  return region && region.place >= 0 ? g.countryIndex(region.place) : NO_COUNTRY;
}

/** The share of the other names' soft votes that falls in `admin1`: how much the document is about that region. */
function focusShare(n: Neighbourhood, admin1: number, ownKey: string): number {
  if (admin1 === NO_ADMIN1) return 0;
  const own = n.focusOwn.get(ownKey);
  const names = n.focusNames - (own ? 1 : 0);
  if (names < 2) return 0;
  return Math.max(0, (n.focus.get(admin1) ?? 0) - (own?.get(admin1) ?? 0)) / names;
}

/** `focusShare` of a place: a country's is the share of all its regions. */
function focusShareOf(n: Neighbourhood, g: Gazetteer, id: number, ownKey: string): number {
  if (g.kind(id) !== 'country') return focusShare(n, g.admin1Index(id), ownKey);
  const country = g.countryIndex(id);
  const own = n.focusOwn.get(ownKey);
  const names = n.focusNames - (own ? 1 : 0);
  if (names < 2) return 0;
  let votes = n.focusByCountry.get(country) ?? 0;
  for (const [admin1, v] of own ?? []) if (regionCountry(g, admin1) === country) votes -= v;
  return Math.max(0, votes) / names;
}

function countOthers(names: ReadonlySet<string> | undefined, ownKey: string): number {
  if (!names) return 0;
  return names.size - (names.has(ownKey) ? 1 : 0);
}

/**
 * How many other names have a candidate in the cell of `id` or a cell next to it. A name whose
 * candidate is `id` itself is no neighbour: "Mexico City" does not make "Mexico" the city.
 */
function countNeighbours(cells: Neighbourhood['cells'], g: Gazetteer, id: number, ownKey: string): number {
  const lat = Math.floor(g.lat(id));
  const lon = Math.floor(g.lon(id));
  const names = new Set<string>();
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const here = cells.get(cellKey(lat + dy, lon + dx));
      if (here) for (const other of here) if (other.key !== ownKey && other.id !== id) names.add(other.key);
    }
  }
  return names.size;
}

function cellOf(lat: number, lon: number): number {
  return cellKey(Math.floor(lat), Math.floor(lon));
}

function cellKey(lat: number, lon: number): number {
  return (lat + 90) * 1000 + (lon + 180);
}

/**
 * Places a county: at a town of its name in its state, else at the middle of the document's towns in
 * that state, else at the state. Its state is the container ("Clay County, Ky."), else the state the
 * document's places lie in: each name votes once however often it recurs, a state named outright votes
 * twice, and the document's focus breaks ties.
 */
function resolveCounty(m: Match, g: Gazetteer, matches: readonly Match[], neighbourhood: Neighbourhood, minPopulation: number): void {
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
function countyNamesakes(m: Match, g: Gazetteer): number[] {
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

/**
 * Places a street at its town: the one named right after it ("Orchard St., Alexandria", "Elm Street in Dayton"), else
 * the dateline's town, else the town the document names most in its main country. A document that names no such town
 * leaves the street unplaced, and dropped.
 */
function resolveStreet(m: Match, index: number, g: Gazetteer, matches: readonly Match[], text: string, minPopulation: number): void {
  const next = matches[index + 1];
  if (next && next.chosen >= 0 && g.precision(next.chosen) === 1 && /^(?:,|\s+in)\s*$/.test(text.slice(m.end, next.start))) {
    m.chosen = next.chosen;
    return;
  }
  // Local news reports from where it happened: the dateline names the street's town.
  // Only places the document keeps: a dropped false friend ("Bobby", "Advocate") must not place a street.
  const kept = matches.filter((o) => o.chosen >= 0 && o.rule !== 'place/street' && isKept(o, g, minPopulation));
  const dateline = kept.find((o) => o.rule === 'place/dateline' && SETTLEMENTS.has(g.kind(o.chosen)));
  if (dateline) {
    m.chosen = dateline.chosen;
    return;
  }
  // Never a town abroad: a report on a shooting in Ohio that mentions Paris does not put Elm Street in France, and the
  // middle of towns in two countries is in neither.
  const country = mainCountryIndex(g, kept);
  // A kept town first; else one the document drops as unsure, which still says where the report is from.
  const best = mostNamedTown(g, kept, country);
  const fallback = best >= 0 ? best : mostNamedTown(g, matches, country);
  if (fallback >= 0) m.chosen = fallback;
}

/** The town of a country the matches name most (first named among equals), or -1. */
function mostNamedTown(g: Gazetteer, matches: readonly Match[], country: number): number {
  const counts = new Map<number, number>();
  for (const o of matches) {
    if (o.chosen < 0 || !SETTLEMENTS.has(g.kind(o.chosen)) || g.countryIndex(o.chosen) !== country) continue;
    if (o.rule !== 'place/gazetteer' && o.rule !== 'place/dateline' && o.container === null) continue;
    counts.set(o.chosen, (counts.get(o.chosen) ?? 0) + 1);
  }
  let best = -1;
  let n = 0;
  // The map keeps the order the towns were first named in.
  for (const [id, count] of counts) {
    if (count > n) {
      best = id;
      n = count;
    }
  }
  return best;
}

/** The country most resolved places of the document are in (a first-level region counts double), or -1. */
function mainCountryIndex(g: Gazetteer, matches: readonly Match[]): number {
  const counts = new Map<number, number>();
  for (const o of matches) {
    if (o.chosen < 0 || o.rule === 'place/street') continue;
    const country = g.countryIndex(o.chosen);
    counts.set(country, (counts.get(country) ?? 0) + (g.kind(o.chosen) === 'admin1' ? 2 : 1));
  }
  let best = -1;
  let n = 0;
  for (const [country, count] of counts) {
    if (count > n) {
      best = country;
      n = count;
    }
  }
  return best;
}

/** The place with the least summed distance to the others: the middle of a cluster, never pulled off by one outlier. */
function medoid(g: Gazetteer, ids: readonly number[]): number {
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
function isKept(m: Match, g: Gazetteer, minPopulation: number, namedCountries?: ReadonlySet<number>): boolean {
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

/** A country as a place, by its ISO alpha-2 code: its name and conventional centre point; null for a code unknown. */
export function countryPlaceValue(g: Gazetteer, code: string): PlaceValue | null {
  const id = g.countryPlace(code);
  if (id < 0) return null;
  return {
    name: g.name(id),
    country: g.country(id),
    admin1: null,
    lat: round(g.lat(id)),
    lon: round(g.lon(id)),
    precision: g.precision(id),
    geonameId: g.geonameId(id),
    metonymic: false,
  };
}

function placeValue(g: Gazetteer, m: Match, text: string, metonymic: boolean): PlaceValue {
  const id = m.chosen;
  let precision = g.precision(id);
  let name = g.name(id);
  let lat = g.lat(id);
  let lon = g.lon(id);
  let county = m.rule === 'place/county' ? (m.county ?? -1) : g.county(id);
  if (m.rule === 'place/county') {
    precision = 3;
    name = titleCase(text.slice(m.start, m.end));
    const shape = g.meta.counties[county];
    if (shape) {
      lat = shape.lat;
      lon = shape.lon;
    }
  } else if (m.partOfReportTown !== undefined) {
    // A part of the report's town lies near its point, not at it.
    precision = 2;
  } else if (m.rule === 'place/street') {
    // The point is the street's town, so the street lies near it, not at it.
    precision = 2;
    name = text.slice(m.start, m.end);
  } else if (precision === 1 && NEAR.test(text.slice(Math.max(0, m.start - 40), m.start))) {
    precision = 2;
  }
  // A neighbourhood is named by its town ("South Shore" is in Chicago), at its own point, near the town's.
  const town = g.kind(id) === 'section' ? g.sectionTown(id) : -1;
  if (town >= 0) name = g.name(town);
  if (m.partOfReportTown !== undefined) county = g.county(m.chosen);
  const countyShape = g.meta.counties[county];
  const usCounty = countyShape ? `${countyShape.name}, ${g.meta.admin1[countyShape.admin1]?.name ?? ''}` : undefined;
  const borough = usCounty === undefined ? undefined : BOROUGHS.get(usCounty);
  if (borough !== undefined && precision <= 2 && m.rule !== 'place/street' && name !== NEW_YORK_CITY) name = borough;
  return {
    name,
    country: g.country(id),
    admin1: g.admin1(id)?.name ?? null,
    lat: round(lat),
    lon: round(lon),
    precision,
    geonameId: m.rule === 'place/county' || m.rule === 'place/street' ? null : g.geonameId(town >= 0 ? town : id),
    metonymic,
    ...(usCounty !== undefined ? { usCounty } : {}),
  };
}

/** "WELD COUNTY" as "Weld County": a dateline's capitals are typography, not the name. */
function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s.'-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function confidenceOf(m: Match, g: Gazetteer): number {
  if (m.rule === 'place/demonym') return 0.5;
  if (m.rule === 'place/in-organisation-name') return 0.4;
  if (m.rule === 'place/county') return 0.6;
  if (m.rule === 'place/street') return 0.5;
  if (m.rule === 'place/region-abbreviation' || m.container) return 0.9;
  const second = m.candidates[1];
  const ambiguous = second !== undefined && g.prior(second & ~ALIAS_FLAG) > g.prior(m.chosen) - 3;
  return ambiguous ? (m.supported ? 0.7 : 0.55) : m.isSingleWord ? 0.8 : 0.9;
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
