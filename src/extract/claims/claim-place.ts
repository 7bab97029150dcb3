/**
 * @module The place a figure is about: the locative place names of its own clause ("14 times in Iraq"), never the
 * speaker's capital, an adjective ("U.S. forces") or an origin ("an attack from Gaza"); failing that, the places the
 * report opens with.
 */
import type { ClaimPlace } from '../../model/claim.ts';
import type { GeoPrecision, MentionOf, PlaceValue } from '../../model/mention.ts';
import type { Span } from '../../model/span.ts';

type PlaceMention = MentionOf<'place'>;

/** A place mention that may be a figure's place, and whether a locative word governs it. */
export interface PlaceCandidate {
  readonly mention: PlaceMention;
  /** "in Iraq", "near Abu Kamal", "invaded Israel": the text puts something there. */
  readonly locative: boolean;
}

/** A run of places one phrase names together: "in Iraq and Syria", "al-Asad Air Base in western Iraq". */
export interface PlaceRun {
  readonly start: number;
  readonly end: number;
  readonly places: readonly PlaceValue[];
}

// Rules whose place names a people or an organisation, not a location ("Iranian-backed", "Daily Caller").
const NOT_LOCATIONS: ReadonlySet<string> = new Set(['place/demonym', 'place/in-organisation-name', 'place/metonymy']);
const DIRECTIONS = '(?:(?:north|south)?(?:east|west)?(?:ern)?|northern|southern|eastern|western|central|border|neighbou?ring|far)';
// A word that puts what comes next somewhere, with "the" and direction words allowed between.
const LOCATIVE_BEFORE = new RegExp(
  String.raw`(?:^|[^\w-])(?:in|at|near|inside|outside|across|throughout|within|around|over|into|on|against|attacked|invaded|struck|hit|bombed|shelled|raided|targeted|stormed|(?:town|city|village|province|governorate|district|kingdom|region|outskirts|area|east|west|north|south) of)\s+(?:the\s+)?(?:${DIRECTIONS}\s+)*$`,
  'i',
);
// "to" puts troops and supplies somewhere only after a verb of sending ("deployed to the Middle East"), not "linked to Tehran".
const SENT_TO_BEFORE = new RegExp(
  String.raw`\b(?:deploy\w*|sent|send\w*|dispatch\w*|moved?|moving|flown|flew|head\w*|return\w*|travel\w*|rushed|surged?)\b[^.;]{0,40}\bto\s+(?:the\s+)?(?:${DIRECTIONS}\s+)*$`,
  'i',
);
const ORIGIN_BEFORE = /\bfrom\s+(?:the\s+)?(?:\w+ern\s+)?$/i;
// Words that may follow a country named as a location; any other word makes it an adjective ("U.S. forces").
const AFTER_LOCATION: ReadonlySet<string> = new Set(
  (
    'and or but as on in at from to for with since during after before when where which that who whose is are was were ' +
    'has have had said says say over near between amid despite until by via through the a an this last while if than ' +
    'because so including remain remains stayed also alone itself next early late overnight yesterday today tonight ' +
    'earlier later ago recently due following'
  ).split(' '),
);
// "Israel's offensive", "Russia's full-scale invasion", "Israel's 12-day bombing": an owner of an act, not a place
// ("Syria's Sweida province" stays a place).
const OWNER_AFTER =
  /^['’]s\s+(?:[\p{L}\d-]+\s+){0,2}?(?:war|wars|offensive|invasion|bombing|bombardment|campaign|assault|attacks?|strikes?|airstrikes?|operations?|incursion|forces|military|army|troops|shelling|blockade|siege|retaliation)\b/iu;
// Words allowed between two places of one run ("Syria and al-Asad Air Base in western Iraq").
const RUN_GAP_WORDS: ReadonlySet<string> = new Set(
  (
    "and or , the in near outside inside of at 's ’s northern southern eastern western central northeastern northwestern " +
    'southeastern southwestern garrison base air outpost province governorate district region area areas city town ' +
    'village camp border crossing airport airfield facility'
  ).split(' '),
);

/**
 * The place mentions of a text that can be a figure's place, with whether each is locative. `speakerSpans` are the
 * attributions' speakers: a place inside one ("Israeli officials", "the Gaza health ministry") is not where a figure is.
 */
export function placeCandidates(text: string, places: readonly PlaceMention[], speakerSpans: readonly Span[]): PlaceCandidate[] {
  const candidates: PlaceCandidate[] = [];
  let reach = -1;
  for (const mention of [...places].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    // Nested mentions ("Gaza" inside "Gaza Strip"): the longest stands for both.
    if (mention.span.start < reach) continue;
    reach = mention.span.end;
    if (NOT_LOCATIONS.has(mention.rule) && mention.rule !== 'place/metonymy') continue;
    if (speakerSpans.some((s) => s.start <= mention.span.start && mention.span.end <= s.end)) continue;
    const before = text.slice(Math.max(0, mention.span.start - 60), mention.span.start);
    if (ORIGIN_BEFORE.test(before)) continue;
    if (isInName(text, mention, places)) continue;
    if (isAdjective(text, mention)) continue;
    // "killed in Israel's offensive on Gaza": a possessive before what a side does names who acts, not where.
    if (OWNER_AFTER.test(text.slice(mention.span.end, mention.span.end + 60))) continue;
    const locative = LOCATIVE_BEFORE.test(before) || SENT_TO_BEFORE.test(before);
    // A name read as a government speaking is still a place after "in" ("forces in Iraq and Syria had come under
    // attack"), or joined to one.
    if (mention.rule === 'place/metonymy' || mention.value.metonymic) {
      const previous = candidates[candidates.length - 1];
      const joined = previous?.locative === true && isRunGap(text.slice(previous.mention.span.end, mention.span.start));
      if (!locative && !joined) continue;
      candidates.push({ mention, locative: true });
      continue;
    }
    candidates.push({ mention, locative });
  }
  return candidates;
}

/**
 * A place inside an organisation's name: "the Islamic Resistance in Iraq" names a group, not where a figure is. A
 * capitalised word before "in" or "of" makes a name unless it belongs to a place itself ("Al Asad Air Base in Iraq").
 */
function isInName(text: string, mention: PlaceMention, places: readonly PlaceMention[]): boolean {
  const before = /(?:^|[^.!?\n]\s)([A-Z][a-z]+)\s+(?:in|of|for)\s+(?:the\s+)?$/.exec(
    text.slice(Math.max(0, mention.span.start - 40), mention.span.start),
  );
  if (before === null) return false;
  const wordEnd = mention.span.start - (before[0].length - before[0].indexOf(before[1] as string) - (before[1] as string).length);
  return !places.some((p) => p !== mention && p.span.start < wordEnd && wordEnd <= p.span.end);
}

/** A country or region named before a noun is an adjective: "U.S. forces", "Israel-Hamas war", "U.S. and coalition bases". */
function isAdjective(text: string, mention: PlaceMention): boolean {
  if (mention.value.precision < 5) return false;
  // A line ends a phrase: "... in Iraq and Syria" above a credit line is no adjective.
  const after = text.slice(mention.span.end, mention.span.end + 40).split(/[\r\n]/)[0] as string;
  if (/^\s*[-–]\s*[A-Za-z]/.test(after) && !/^\s*[-–]\s*(?:based|wide)\b/i.test(after)) return true;
  if (/^\s+and\s+(?:coalition|allied|partner|other|international|western|arab|regional)\b/i.test(after)) return true;
  const next = /^\s+([A-Za-z][\w’'.-]*)/.exec(after)?.[1];
  if (next === undefined) return false;
  if (/^[A-Z]/.test(next))
    return !/^(?:On|In|At|And|Or|But|The|Since|After|Before|During|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(next);
  // "in Yemen overnight.": a full stop ends the sentence, not the word.
  return !AFTER_LOCATION.has(next.toLowerCase().replace(/\.+$/, ''));
}

/** Runs of locative places inside `[from, to)`: each starts at a locative place and takes the places joined to it. */
export function placeRuns(text: string, candidates: readonly PlaceCandidate[], from: number, to: number): PlaceRun[] {
  const runs: PlaceRun[] = [];
  let current: { start: number; end: number; places: PlaceValue[] } | null = null;
  for (const { mention, locative } of candidates) {
    if (mention.span.start < from || mention.span.end > to) continue;
    if (current !== null && isRunGap(text.slice(current.end, mention.span.start))) {
      current.places.push(mention.value);
      current.end = mention.span.end;
      continue;
    }
    if (current !== null) runs.push(current);
    current = locative ? { start: mention.span.start, end: mention.span.end, places: [mention.value] } : null;
  }
  if (current !== null) runs.push(current);
  return runs;
}

function isRunGap(gap: string): boolean {
  if (gap.length > 40) return false;
  const words = gap
    .toLowerCase()
    .replace(/,/g, ' , ')
    .replace(/(['’]s)\b/g, ' $1')
    .split(/\s+/)
    .filter(Boolean);
  return words.every((word) => RUN_GAP_WORDS.has(word));
}

/**
 * One place for several: nested places keep the most specific ("al-Asad Air Base" over "Iraq"); places in several
 * countries become one place spanning them ("Iraq and Syria").
 */
export function mergePlaces(places: readonly PlaceValue[], basis: ClaimPlace['basis']): ClaimPlace | null {
  const unique: PlaceValue[] = [];
  for (const place of places) if (!unique.some((u) => u.name === place.name)) unique.push(place);
  // A country (or first-level region) named beside a place inside it only says where that place is.
  const kept = unique.filter(
    (place) =>
      !unique.some(
        (other) =>
          other !== place &&
          other.precision < place.precision &&
          other.country === place.country &&
          (place.precision >= 5 || (place.admin1 !== null && other.admin1 === place.admin1)),
      ),
  );
  const first = kept[0];
  if (first === undefined) return null;
  const countries = [...new Set(kept.map((p) => p.country).filter((c): c is string => c !== null))].sort();
  if (kept.length === 1)
    return {
      name: first.name,
      country: first.country,
      admin1: first.admin1,
      lat: first.lat,
      lon: first.lon,
      precision: first.precision,
      countries,
      basis,
    };
  const names = kept.map((p) => p.name);
  const name = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const sameAdmin1 = kept.every((p) => p.admin1 !== null && p.admin1 === first.admin1);
  const precision: GeoPrecision = countries.length > 1 || countries.length === 0 ? 6 : sameAdmin1 ? 4 : 5;
  return {
    name,
    country: countries.length === 1 ? (countries[0] as string) : null,
    admin1: sameAdmin1 ? first.admin1 : null,
    lat: round(kept.reduce((sum, p) => sum + p.lat, 0) / kept.length),
    lon: round(kept.reduce((sum, p) => sum + p.lon, 0) / kept.length),
    precision,
    countries,
    basis,
  };
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** A figure's place, the rule that found it, and the place values it was made of (a total joins its parts'). */
export interface FigurePlace {
  readonly place: ClaimPlace;
  readonly rule: string;
  readonly values: readonly PlaceValue[];
}

// A place right after an event noun is that event's ("days before the attack at Tower 22"), not a figure's.
const EVENT_BEFORE =
  /\b(?:attacks?|strikes?|raids?|bombings?|blasts?|explosions?|ambush(?:es)?|war|conflict|fighting)\s+(?:at|in|on|near|against)\s+(?:the\s+)?$/i;

/**
 * The place of a figure at `value`: a run of places in its own segment (between the figures before and after it,
 * within its clause) that starts before the next comma ("14 times in Iraq, and ..."), else the nearest one before it;
 * else every locative place of its comma-delimited phrase, then of its clause, that no event noun claims.
 */
export function figurePlace(
  text: string,
  candidates: readonly PlaceCandidate[],
  clause: Span,
  segment: Span,
  value: Span,
): FigurePlace | null {
  const found = (values: readonly PlaceValue[], rule: string): FigurePlace => ({
    place: mergePlaces(values, 'text') as ClaimPlace,
    rule,
    values,
  });
  const comma = text.slice(value.end, segment.end).search(/[,;]/);
  const phraseEnd = comma < 0 ? segment.end : value.end + comma;
  const after = placeRuns(text, candidates, value.end, segment.end).find((r) => r.start < phraseEnd);
  if (after) return found(after.places, 'place-after');
  const before = placeRuns(text, candidates, segment.start, value.start).pop();
  if (before) return found(before.places, 'place-before');
  const ownRuns = (from: number, to: number) =>
    placeRuns(text, candidates, from, to).filter((r) => !EVENT_BEFORE.test(text.slice(Math.max(0, r.start - 40), r.start)));
  const phraseStart = Math.max(clause.start, text.lastIndexOf(',', value.start) + 1);
  const nextComma = text.slice(value.end, clause.end).search(/,/);
  const inPhrase = ownRuns(phraseStart, nextComma < 0 ? clause.end : value.end + nextComma);
  if (inPhrase.length > 0)
    return found(
      inPhrase.flatMap((r) => r.places),
      'place-in-phrase',
    );
  const inClause = ownRuns(clause.start, clause.end);
  if (inClause.length > 0)
    return found(
      inClause.flatMap((r) => r.places),
      'place-in-clause',
    );
  return null;
}

/** The places a report opens with: every locative place of the first sentence that has one. */
export function ledePlace(text: string, candidates: readonly PlaceCandidate[], sentences: readonly Span[]): ClaimPlace | null {
  for (const sentence of sentences) {
    const runs = placeRuns(text, candidates, sentence.start, sentence.end);
    if (runs.length === 0) continue;
    const lede = mergePlaces(
      runs.flatMap((r) => r.places),
      'lede',
    );
    if (lede === null) return null;
    // The figure may be about any country the report names, never about one it does not.
    const named = candidates.map((c) => c.mention.value.country).filter((c): c is string => c !== null);
    return { ...lede, reportCountries: [...new Set([...lede.countries, ...named])].sort() };
  }
  return null;
}

// "In the entire country, at least 36 people were killed": the figure is the whole country's, not the lede city's.
const COUNTRY_WIDE =
  /\b(?:nation-?wide|country-?wide|(?:across|throughout|in|over)\s+the\s+(?:(?:entire|whole)\s+)?(?:country|nation)(?!\s*['’]s)\b)/i;

/**
 * The country a figure's sentence speaks of as a whole ("nationwide", "across the country"): the single country the
 * report opens in, as the report itself names it. Null when the sentence says no such thing, or the lede spans countries.
 */
export function countryWidePlace(
  text: string,
  sentence: Span,
  lede: ClaimPlace | null,
  places: readonly MentionOf<'place'>[],
): ClaimPlace | null {
  if (lede === null || lede.countries.length !== 1 || !COUNTRY_WIDE.test(text.slice(sentence.start, sentence.end))) return null;
  const country = lede.countries[0];
  const named = places.find((p) => p.value.precision === 5 && p.value.country === country && !p.value.metonymic);
  return named === undefined ? null : mergePlaces([named.value], 'text');
}
