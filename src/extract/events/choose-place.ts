/** @module Where an event happened: the most telling place in its sentences, else the place the report is about. */
import type { EventPlace } from '../../model/event.ts';
import type { MentionOf, PlaceValue } from '../../model/mention.ts';
import { distanceKm } from '../../understand/places/distance-km.ts';
import { words } from '../../understand/sentences/words.ts';
import { mostCounted } from '../../understand/tally.ts';
import type { DocumentFrame, PlacedMention } from './document-frame.ts';

const LOCATIVES: ReadonlySet<string> = new Set(words('in at near outside inside on across throughout into within'));
const ORIGINS: ReadonlySet<string> = new Set(words('from'));
// "Harris County deputies", "the Culpeper County Sheriff's Office": an agency named for its county says who speaks,
// not where anything happened.
const AGENCY_WORDS: ReadonlySet<string> = new Set(
  words(
    "sheriff sheriff's sheriffs deputies deputy prosecutor prosecutor's prosecutors coroner coroner's medical police jail court courts attorney attorney's da commissioners commission government officials authorities board detention schools school fire emergency dispatch 911 superior circuit district",
  ),
);
// "taken to Oak Lawn Hospital", "a Henderson County High School sophomore", "at Los Altos Skate Park": a place that
// names a facility says where someone was taken or studies, or is a landmark of some other town.
const FACILITY_WORDS: ReadonlySet<string> = new Set(
  words(
    'hospital hospitals medical memorial university college clinic health regional general mall motel hotel skate recreation arbors church cemetery academy elementary middle high airport',
  ),
);
// "in the West Garfield Park neighborhood": a part of a town, which counts the town as the place.
const NEIGHBOURHOOD_WORDS: ReadonlySet<string> = new Set(words('neighborhood neighbourhood neighborhoods subdivision section'));
// "a Pocatello man", "the Vista boy": a town before a person says where someone lives, which a dateline or an "in"
// may contradict.
const RESIDENT_NOUNS: ReadonlySet<string> = new Set(
  words(
    'man men woman women boy boys girl girls teen teens teenager teenagers resident residents father mother couple family child children native student youth toddler infant baby son daughter',
  ),
);
// "Vanderbilt University Medical Center in Nashville", "Silver Cross Hospital in New Lenox": the town a victim was taken
// to, named after the hospital.
const CARE_HEADS: ReadonlySet<string> = new Set(words('hospital center centre clinic'));
const CARE_WORDS: ReadonlySet<string> = new Set(words('hospital medical clinic trauma health'));
// "Justin Burns, 19, of Palisade", "a resident of Gary": where a person lives.
const RESIDENT_OF: ReadonlySet<string> = new Set(words('resident residents native natives'));
const WIRE_AFTER = /^[^(\n]{0,20}\((?:AP|Reuters|AFP|UPI|Bloomberg)\)/;
// "sites linked to Tehran", "Iran-backed": a relation to a place, not a location.
const RELATIONS: ReadonlySet<string> = new Set(words('linked tied backed allied loyal close ties'));
// "attacks on U.S. forces", "a US air strike", "Iran-backed militias": nouns a country's name qualifies, saying whose
// people or things they are (target's or initiator's), not where anything happened.
const NATIONALITY_HEADS: ReadonlySet<string> = new Set(
  words(
    'forces force troops soldiers soldier servicemembers servicemen personnel military army navy marines airmen sailors warship warships ship ships vessel vessels destroyer destroyers carrier aircraft jets jet fighter fighters warplanes planes drone drones missile missiles base bases positions position facility facilities installations embassy consulate official officials diplomat diplomats envoy government administration president secretary leader leaders strike strikes airstrike airstrikes air raid raids attack attacks assault campaign bombardment bombing bombings operation operations offensive citizen citizens national nationals contractor contractors hostage hostages weapons arms ally allies partners coalition intelligence sanctions aid support backed led made supplied funded armed sponsored allied',
  ),
);
// A day or a month after a country says when: "in Yemen Saturday".
const TIME_WORDS: ReadonlySet<string> = new Set(
  words(
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
  ),
);
// "bombardment by the US", "fired by Israel": the agent of a passive, who did it, not where.
const AGENT_WORDS: ReadonlySet<string> = new Set(words('by'));

/** A chosen place and the rule that chose it. */
export interface PlaceChoice {
  readonly place: EventPlace;
  readonly rule: string;
}

/**
 * Scores the locations (never a place speaking, as in "Washington says") in the event's sentences: precise places
 * first, then those after "in", "at" or "near", those the report names often, and those in the report's main region;
 * a place after "from" is where an attack came from, not where it happened. Falls back to `documentPlace`.
 */
export function choosePlace(
  frame: DocumentFrame,
  sentences: ReadonlySet<number>,
  triggerTokens: readonly number[],
  documentPlace: PlaceChoice | null,
  triggerEnds: readonly number[] = [],
  clause: number | null = null,
  wide = false,
): PlaceChoice | null {
  const region = mainRegion(frame);
  const country = mainCountry(frame);
  let best: PlacedMention<'place'> | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  // The best place that is no street: where a street's town is unknown, its point is a guess.
  let bestOther: PlacedMention<'place'> | null = null;
  let bestOtherScore = Number.NEGATIVE_INFINITY;
  for (const p of frame.places) {
    if (!sentences.has(p.sentence) || p.mention.value.metonymic) continue;
    // "MANAGUA (NICARAGUA), 17 JUN 89 (RADIO SANDINO) --" over news of El Salvador: wide news is filed from its
    // dateline, which says where only as the report's fallback (`datelinePlace`).
    if (wide && p.mention.rule === 'place/dateline') continue;
    const keys = frame.view.keys;
    const before = keys[p.start - 1] ?? '';
    const before2 = keys[p.start - 2] ?? '';
    if (isRelation(frame, p)) continue;
    const v = p.mention.value;
    const locative = LOCATIVES.has(before) || LOCATIVES.has(before2) || LOCATIVES.has(keys[p.start - 3] ?? '');
    const afterTrigger = triggerEnds.some((end) => p.start >= end && p.start - end <= 5);
    // A country named as a modifier ("U.S. positions", "a U.S. citizen") is not where anything happened.
    if (v.precision >= 5 && !locative && !afterTrigger) continue;
    // "in any US airstrike", "attacks on U.S. forces", "shelling by Israel": whose the strike or the forces are, or who
    // did it, even after "in" or "on". A nationality ("Israeli", "Russian") is never where.
    if (v.precision >= 5 && (isNationality(frame, p) || isAgent(frame, p))) continue;
    if (p.mention.rule === 'place/demonym') continue;
    if (p.mention.rule === 'place/in-organisation-name' && country && v.country !== country) continue;
    // A lone word read as a place abroad in a report about another country ("Jaquise Lewis" read as a capital overseas,
    // "Buy Photo") is where something happened only when the sentence puts something there.
    if (country && v.country !== country && !locative && !afterTrigger && p.end - p.start === 1) continue;
    let score = (6 - v.precision) * 2;
    if (clause !== null && frame.clauseOf[p.start] === clause) score += 2;
    if (p.mention.rule === 'place/demonym') score -= 3;
    if (p.mention.rule === 'place/in-organisation-name') score -= 2;
    // A facility's town may be the event's ("San Francisco General Hospital"), but a town named for itself says more.
    if (isFacility(frame, p)) score -= keys[p.start - 1] === 'to' || before2 === 'to' ? 8 : 3;
    else if (isHospitalTown(frame, p)) score -= 6;
    // A street is a detail of the town it is read in (it carries the town's point): the town names the place.
    if (p.mention.rule === 'place/street') score -= 3;
    // A county is wider than the town the same sentence names; one named for its agency is no location at all.
    if (p.mention.rule === 'place/county') score -= isAgency(frame, p) ? 8 : 3;
    // "in Iraq" says where; a name right after the trigger ("visited Jordan", "attacks on U.S. bases") may only say whom.
    if (locative) score += 2;
    else if (afterTrigger) score += 1;
    if (isResidence(frame, p)) score -= 2;
    // "BOISE, Idaho — A Nampa man was shot": local news reports from where it happened, unless the sentence says "in".
    else if (isDateline(frame, p) && !isWireDateline(frame, p)) score += 2;
    if (region && v.admin1 === region) score += 2;
    // "Philadelphia" read as Amman in a report about Pennsylvania: the report's own country decides.
    if (country && v.country !== country) score -= 4;
    score += Math.min(3, countOf(frame, v.name) - 1);
    const distance = Math.min(...triggerTokens.map((t) => Math.abs(t - p.start)));
    score -= Math.min(2, distance / 15);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
    if (p.mention.rule !== 'place/street' && score > bestOtherScore) {
      bestOther = p;
      bestOtherScore = score;
    }
  }
  if (best?.mention.rule === 'place/street') {
    // The street carries its town's point: the town it lies in names the place ("on Elm Street in Dayton").
    const town = townAt(frame, best);
    if (town) return { place: toEventPlace(town, 'place-in-sentence/street-town'), rule: 'place-in-sentence/street-town' };
    if (bestOther) best = bestOther;
    else if (documentPlace && documentPlace.place.precision <= 2) return documentPlace;
  }
  if (best && (best.mention.rule === 'place/county' || best.mention.value.precision === 4)) {
    // "shot in Franklin County" in a report from Columbus: the county (or state) is where the town is, and the town says more.
    const town = townIn(frame, best.mention.value.admin1, best.mention.value.country, best.mention.value.usCounty);
    if (town) {
      const rule = best.mention.rule === 'place/county' ? 'place-in-sentence/county-town' : 'place-in-sentence/region-town';
      return { place: toEventPlace(town, rule), rule };
    }
  }
  if (best) {
    const rule = `place-in-sentence/${best.mention.rule}${isNeighbourhood(frame, best) ? '/neighbourhood' : ''}`;
    return { place: toEventPlace(best, rule), rule };
  }
  return documentPlace;
}

/** The town a street was placed in: a town mention of the report at the street's point. */
function townAt(frame: DocumentFrame, street: PlacedMention<'place'>): PlacedMention<'place'> | null {
  const v = street.mention.value;
  for (const p of frame.places) {
    const t = p.mention.value;
    if (
      t.precision <= 2 &&
      p.mention.rule !== 'place/street' &&
      p.mention.rule !== 'place/county' &&
      !t.metonymic &&
      t.lat === v.lat &&
      t.lon === v.lon
    )
      return p;
  }
  return null;
}

/**
 * The report's town in a region: its dateline's if that lies there, else the one it names most there (first named among
 * equals). Null when the region is unknown or the report names no town in it.
 */
function townIn(
  frame: DocumentFrame,
  admin1: string | null,
  country: string | null,
  county: string | undefined,
): PlacedMention<'place'> | null {
  if (admin1 === null) return null;
  // "shot in Smith County" in a report naming Tyler and Longview: a town inside the county says more than one beside it.
  if (county !== undefined) {
    const inside = townIn(
      { ...frame, places: frame.places.filter((p) => p.mention.value.usCounty === county) },
      admin1,
      country,
      undefined,
    );
    if (inside) return inside;
  }
  const counts = new Map<string, { first: PlacedMention<'place'>; n: number }>();
  for (const p of frame.places) {
    const v = p.mention.value;
    if (v.precision > 2 || v.metonymic || v.admin1 !== admin1 || v.country !== country) continue;
    if (p.mention.rule === 'place/street' || p.mention.rule === 'place/county' || p.mention.rule === 'place/demonym') continue;
    if (p.mention.rule === 'place/in-organisation-name' || isRelation(frame, p)) continue;
    // "flown to Riverside Hospital": where a victim was taken.
    if (isFacility(frame, p) || isHospitalTown(frame, p)) continue;
    if (isDateline(frame, p)) return p;
    const entry = counts.get(v.name);
    if (entry) entry.n++;
    else counts.set(v.name, { first: p, n: 1 });
  }
  let best: { first: PlacedMention<'place'>; n: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best?.first ?? null;
}

/** A place in capitals opening a sentence, as a dateline is written ("TOLEDO, Ohio —", "CULPEPER, Va. (WUSA9) --"). */
export function isDateline(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const sentence = frame.sentences[p.sentence];
  if (!sentence || p.start !== sentence.start) return false;
  const text = p.mention.text;
  return text.length > 2 && text === text.toUpperCase() && /[A-Z]/.test(text);
}

/** "A Pocatello man", "an Upper Sandusky boy", "Jo Reyes, 19, of Palisade", "a resident of Gary": where a person lives. */
function isResidence(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  if (RESIDENT_NOUNS.has(keys[p.end] ?? '')) return true;
  if (keys[p.start - 1] !== 'of') return false;
  const before = keys[p.start - 2] ?? '';
  return before === ',' || RESIDENT_OF.has(before);
}

/** "Grady Memorial Hospital in Atlanta", "St. Mary's Medical Center in Huntington": the town of a hospital named just before. */
function isHospitalTown(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  if (keys[p.start - 1] !== 'in' || !CARE_HEADS.has(keys[p.start - 2] ?? '')) return false;
  for (let i = p.start - 2; i >= Math.max(0, p.start - 6); i--) if (CARE_WORDS.has(keys[i] ?? '')) return true;
  return false;
}

/** "BOSTON (Reuters) -": a wire service's bureau, which reports on the whole region around it. */
function isWireDateline(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  return WIRE_AFTER.test(frame.text.slice(p.mention.span.end, p.mention.span.end + 40));
}

/** "Harris County deputies", "Culpeper County Sheriff's Office": a place named as part of an agency's name. */
function isAgency(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  return AGENCY_WORDS.has(frame.view.keys[p.end] ?? '');
}

/** "Miami Valley Hospital", "Los Altos Skate Park", "Henderson County High School": a place named in a facility's name. */
function isFacility(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  const next = keys[p.end] ?? '';
  if (FACILITY_WORDS.has(next)) return next !== 'high' && next !== 'middle' ? true : keys[p.end + 1] === 'school';
  // "Jackson Memorial" is read whole; "Rush University Medical Center" one word further.
  return FACILITY_WORDS.has(keys[p.end + 1] ?? '') && (keys[p.end + 1] === 'medical' || keys[p.end + 1] === 'memorial');
}

/** "the Englewood neighborhood", "in the Auburn Gresham neighbourhood": a part of a town. */
function isNeighbourhood(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  return p.mention.value.precision === 1 && NEIGHBOURHOOD_WORDS.has(frame.view.keys[p.end] ?? '');
}

/** The place a report is mostly about: its most often named precise place (first named among equals), in its main region. */
/**
 * Wide news's fallback for an event its own sentences place nowhere: the dateline ("SAN SALVADOR, 5 JAN 90 (RADIO
 * ...) --"), where wire copy is filed, when it lies in the country the report is mostly about. A bureau abroad
 * ("WASHINGTON --" over strikes in Syria) is not where anything happened, so it gives nothing.
 */
export function datelinePlace(frame: DocumentFrame): PlaceChoice | null {
  const first = frame.places[0];
  // The report's first words, before a comma or a dash: in capitals as wire copy writes it, or re-cased from a
  // report all in capitals.
  const opens = first !== undefined && first.sentence === 0 && first.start === frame.sentences[0]?.start;
  const after = first ? (frame.view.keys[first.end] ?? '') : '';
  if (!first || !opens || !(isDateline(frame, first) || [',', '-', '--', '—', '–', '('].includes(after))) return null;
  if (first.mention.value.metonymic) return null;
  // The dateline's country need only be named as often as any other (its own weight helps it to).
  const counts = countryCounts(frame);
  const own = counts.get(first.mention.value.country ?? '') ?? 0;
  if ([...counts.values()].some((n) => n > own)) return null;
  return { place: toEventPlace(first, 'place-from-document/dateline'), rule: 'place-from-document/dateline' };
}

// How many times the next country's count the report's country must reach, named at least twice unless alone.
const REPORT_COUNTRY_LEAD = 1.5;

/**
 * Wide news's last fallback, at the precision of a country: the country the report is about (`reportCountry`), where
 * its places leave no doubt. Its point is the country's own mention, else `countryPlace`'s (the gazetteer's).
 */
export function reportCountryPlace(frame: DocumentFrame, countryPlace?: (code: string) => PlaceValue | null): PlaceChoice | null {
  const country = reportCountry(frame);
  if (!country) return null;
  const named =
    frame.places.find(
      (p) => p.mention.value.country === country && p.mention.value.precision === COUNTRY_PRECISION && p.mention.rule !== 'place/demonym',
    ) ?? frame.places.find((p) => p.mention.value.country === country && p.mention.value.precision === COUNTRY_PRECISION);
  const value = named && !named.mention.value.metonymic ? named.mention.value : (countryPlace?.(country) ?? null);
  if (!value) return null;
  const rule = 'place-from-document/report-country';
  return { place: placeOf(value, rule), rule };
}

/** The country a wide report is about, or null where another is named nearly as often (see `countryCounts`). */
function reportCountry(frame: DocumentFrame): string | null {
  const [top, second] = [...countryCounts(frame).entries()].sort((a, b) => b[1] - a[1]);
  if (!top || (second && second[1] * REPORT_COUNTRY_LEAD >= top[1]) || (top[1] < 2 && second)) return null;
  return top[0];
}

/**
 * How often a report puts things in each country: nationalities ("U.S. officials"), agents ("by the United States")
 * and capitals speaking do not count; a people's name counts a half, a dateline twice.
 */
function countryCounts(frame: DocumentFrame): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of frame.places) {
    const v = p.mention.value;
    if (v.metonymic || v.country === null) continue;
    if (v.precision >= COUNTRY_PRECISION && p.mention.rule !== 'place/demonym' && (isNationality(frame, p) || isAgent(frame, p))) continue;
    const weight = p.mention.rule === 'place/dateline' ? 2 : p.mention.rule === 'place/demonym' ? 0.5 : 1;
    counts.set(v.country, (counts.get(v.country) ?? 0) + weight);
  }
  return counts;
}

export function documentPlace(frame: DocumentFrame): PlaceChoice | null {
  const region = mainRegion(frame);
  const country = mainCountry(frame);
  const counts = new Map<string, { first: PlacedMention<'place'>; n: number }>();
  for (const p of frame.places) {
    const v = p.mention.value;
    if (v.metonymic || v.precision > 4 || p.mention.rule === 'place/demonym' || isRelation(frame, p)) continue;
    // "The New York Times reports" in a report about Lebanon: an organisation abroad says where it is, not the report.
    if (p.mention.rule === 'place/in-organisation-name' && country && v.country !== country) continue;
    if (p.mention.rule === 'place/county' && isAgency(frame, p)) continue;
    // "was flown to St. Louis Children's Hospital": where a victim was taken, not what the report is about.
    if (isFacility(frame, p) && (frame.view.keys[p.start - 1] === 'to' || frame.view.keys[p.start - 2] === 'to')) continue;
    if (isHospitalTown(frame, p)) continue;
    const key = `${v.name}|${v.admin1 ?? ''}|${v.country ?? ''}`;
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { first: p, n: 1 });
  }
  let best: { first: PlacedMention<'place'>; n: number } | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const entry of counts.values()) {
    const v = entry.first.mention.value;
    const score =
      entry.n * 2 +
      (region && v.admin1 === region ? 2 : 0) +
      (country && v.country !== country ? -4 : 0) +
      (v.precision === 1 ? 2 : v.precision <= 3 ? 1 : 0) +
      // "PUYALLUP, Wash. —": the dateline says where the report is from, and local news reports from where it happened.
      (isDateline(frame, entry.first) ? 4 : 0) -
      entry.first.sentence / 50;
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  if (best) {
    // "in Topeka" in a report naming Kansas three times: a state is where the report's town is. A county stays, as a
    // report that names its towns only in passing may mean the county.
    const v = best.first.mention.value;
    const town = v.precision === 4 ? townIn(frame, v.admin1, v.country, undefined) : null;
    if (town) return { place: toEventPlace(town, 'place-from-document/region-town'), rule: 'place-from-document/region-town' };
    return { place: toEventPlace(best.first, 'place-from-document'), rule: 'place-from-document' };
  }
  // A country only where the report puts something in it ("in Iraq"), not where it names one as a modifier.
  const named = frame.places.find((p) => {
    const keys = frame.view.keys;
    return (
      !p.mention.value.metonymic &&
      p.mention.value.precision === 5 &&
      (LOCATIVES.has(keys[p.start - 1] ?? '') || LOCATIVES.has(keys[p.start - 2] ?? '')) &&
      !isNationality(frame, p) &&
      !isAgent(frame, p)
    );
  });
  return named ? { place: toEventPlace(named, 'place-from-document/country'), rule: 'place-from-document/country' } : null;
}

/**
 * "U.S. forces", "a US air strike", "United States President Donald Trump", "the U.S. Central Command", "Iran-backed": a
 * country's name before a noun it qualifies or before another capitalised name, which says whose, not where.
 */
export function isNationality(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  let next = p.end;
  if (keys[next] === '-') next++;
  const key = keys[next] ?? '';
  if (NATIONALITY_HEADS.has(key)) return true;
  // "U.S. and coalition forces", "US, British and Iraqi troops": the head noun after a list of qualifiers.
  if (key === 'and' || key === 'or' || key === ',') {
    for (let k = next + 1; k <= next + 5 && k < keys.length; k++) {
      const word = keys[k] ?? '';
      if (NATIONALITY_HEADS.has(word)) return true;
      if (LOCATIVES.has(word) || ORIGINS.has(word) || frame.view.tokens[k]?.kind !== 'word') {
        if (word !== ',' && word !== '-') return false;
      }
    }
    return false;
  }
  const token = frame.view.tokens[next];
  // "United States President", "U.S. Central Command": a capitalised word that is no place and no time goes on the name.
  if (!token || token.kind !== 'word' || next !== p.end || frame.view.breaks[next] === 1) return false;
  if (!/^\p{Lu}\p{Ll}/u.test(token.text) || frame.text.slice(frame.view.tokens[next - 1]?.end ?? 0, token.start) !== ' ') return false;
  return !TIME_WORDS.has(key) && !frame.places.some((o) => o.start === next);
}

/** "bombardment by the US", "shelled by Russia": the agent of a passive names who did it. */
function isAgent(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  const before = keys[p.start - 1] ?? '';
  return AGENT_WORDS.has(before) || (before === 'the' && AGENT_WORDS.has(keys[p.start - 2] ?? ''));
}

/** "from Gaza", "linked to Tehran": where something came from or belongs, not where it happened. */
function isRelation(frame: DocumentFrame, p: PlacedMention<'place'>): boolean {
  const keys = frame.view.keys;
  const before = keys[p.start - 1] ?? '';
  const before2 = keys[p.start - 2] ?? '';
  return ORIGINS.has(before) || ORIGINS.has(before2) || RELATIONS.has(before) || RELATIONS.has(before2);
}

/** The country most places in the report (and the regions named in it) are in, or null. */
function mainCountry(frame: DocumentFrame): string | null {
  const counts = new Map<string, number>();
  for (const p of frame.places) {
    const v = p.mention.value;
    if (v.metonymic || v.country === null) continue;
    // A first-level region ("Pennsylvania", "Texas") is rarely a false reading: it counts double.
    counts.set(v.country, (counts.get(v.country) ?? 0) + (v.precision === 4 ? 2 : 1));
  }
  return mostCounted(counts) ?? null;
}

/** The first-level region most places in the report fall in, or null. */
function mainRegion(frame: DocumentFrame): string | null {
  const counts = new Map<string, number>();
  for (const p of frame.places) {
    const v = p.mention.value;
    if (v.metonymic || v.admin1 === null || v.precision > 4) continue;
    counts.set(v.admin1, (counts.get(v.admin1) ?? 0) + 1);
  }
  return mostCounted(counts) ?? null;
}

function countOf(frame: DocumentFrame, name: string): number {
  let n = 0;
  for (const p of frame.places) if (p.mention.value.name === name && !p.mention.value.metonymic) n++;
  return n;
}

function toEventPlace(p: PlacedMention<'place'>, rule: string): EventPlace {
  return placeOf(p.mention.value, rule);
}

/** An event's place from a place mention's value, with the rule that chose it. */
function placeOf(v: PlaceValue, rule: string): EventPlace {
  const { name, country, admin1, lat, lon, precision, geonameId } = v;
  return { name, country, admin1, lat, lon, precision, geonameId, rule };
}

// "Four shot in Elm Park - WXYZ News Springfield": what follows a dash or a bar in a headline names the outlet.
const OUTLET_SUFFIX = /\s[-|–—]\s|\s\|/;
// "in Elm Park", "in southwest Elm Park", "in NW Elm Park".
const LOCATIVE_BEFORE =
  /\b(?:in|at|near|outside)\s+(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|downtown|central|[NS][EW]?)\s+)?$/i;
// A town this close to the body's town is more likely a part of it ("Man shot in Elm Park" over a report from the
// city around it) than another municipality.
const SAME_TOWN_KM = 12;
// How near a county's middle a big city lies to be taken for the county's city, and how near a city's centre a place
// lies to be taken for a part of it.
const COUNTY_CITY_KM = 30;
const CITY_PART_KM = 10;
// A place of this precision or coarser is a country (see `EventPlace.precision`).
const COUNTRY_PRECISION = 5;

/**
 * The headline's town for a report's main attack, or null to keep the body's place. A headline names the town it
 * happened in ("Man shot in Elm Park"), where the body may place it only by the report's most named place, by a county
 * or state around that town, or by a town it names for something else. A headline's name counts only after "in", "at"
 * or "near", or where the body names it too: headlines capitalise every word ("Man Shot By Friend").
 */
export function headlinePlace(
  title: string,
  titlePlaces: readonly MentionOf<'place'>[],
  bodyPlaces: readonly MentionOf<'place'>[],
  current: EventPlace | null,
): EventPlace | null {
  const cut = title.search(OUTLET_SUFFIX);
  const end = cut > 0 ? cut : title.length;
  const located = (m: MentionOf<'place'>) => LOCATIVE_BEFORE.test(title.slice(0, m.span.start));
  const inBody = (m: MentionOf<'place'>) => bodyPlaces.some((b) => b.value.geonameId === m.value.geonameId && !b.value.metonymic);
  const towns = titlePlaces.filter(
    (m) =>
      m.span.end <= end &&
      !m.value.metonymic &&
      m.value.precision <= 2 &&
      (m.rule === 'place/gazetteer' || m.rule === 'place/dateline') &&
      (located(m) || inBody(m)),
  );
  // The outlet's town ("- WXYZ News - Springfield, Ohio") over the report's most named place where that lies in another
  // state or country: a word read as a far-off place ("Brittany", "Batman"), or another story of the page.
  const outlet = titlePlaces.find((m) => m.span.start >= end && !m.value.metonymic && m.value.precision <= 2);
  const guessed =
    current?.rule === 'place-from-document' &&
    outlet !== undefined &&
    current.admin1 !== outlet.value.admin1 &&
    !isForeignNews(current, outlet.value, bodyPlaces);
  const town = towns.find(located) ?? towns[0] ?? (current ? undefined : anyPlace(titlePlaces, end)) ?? (guessed ? outlet : undefined);
  if (!town) return null;
  const v = town.value;
  if (current && current.name === v.name) return null;
  const place = placeOf(v, 'place-from-headline');
  if (!current) return place;
  if (current.country !== v.country && town !== outlet) return null;
  // An organisation's name ("the Elm City Motel") says where less plainly than a headline.
  if (current.rule.startsWith('place-from-document') || current.rule.endsWith('in-organisation-name')) return place;
  // A dateline says where the report comes from, as plainly as a headline.
  if (current.rule.includes('dateline')) return null;
  const apart = distanceKm(current.lat, current.lon, v.lat, v.lon) > SAME_TOWN_KM;
  if (current.admin1 !== v.admin1) {
    // The body's place in another state, where the body names the headline's town too and its state at least as often:
    // a page's other stories or an organisation's name ("Elm City Motel") placed it.
    const support = (admin1: string | null) => bodyPlaces.filter((b) => !b.value.metonymic && b.value.admin1 === admin1).length;
    return located(town) && inBody(town) && support(v.admin1) >= support(current.admin1) ? place : null;
  }
  if (current.precision >= 3) return place;
  return located(town) && apart ? place : null;
}

/** The town of the outlet a headline names after its dash ("- WXYZ News - Springfield, Ohio"), if any. */
export function titleOutletTown(title: string, titlePlaces: readonly MentionOf<'place'>[]): PlaceValue | undefined {
  const cut = title.search(OUTLET_SUFFIX);
  if (cut <= 0) return undefined;
  return titlePlaces.find((m) => m.span.start >= cut && !m.value.metonymic && m.value.precision <= 2)?.value;
}

/**
 * Where the body names no place at all: the headline's first place, a county too ("Boy hurt in Elk County"), else the
 * town of the outlet named after its dash ("- WXYZ News - Springfield, Ohio"), as local news tells local events.
 */
function anyPlace(titlePlaces: readonly MentionOf<'place'>[], end: number): MentionOf<'place'> | undefined {
  const usable = titlePlaces.filter((m) => !m.value.metonymic && m.value.precision <= 3 && m.rule !== 'place/demonym');
  return usable.find((m) => m.span.end <= end) ?? usable.find((m) => m.value.precision <= 2);
}

/**
 * The town of a local outlet (its web address names it: see `outletTowns`) for the report's main attack, or null to
 * keep `current`: where the report places it nowhere or abroad, in a county around the city, at a place right by the
 * city's centre, or in another state where a namesake lies near the city (that namesake) or where the report names the
 * city's state more often.
 */
export function outletPlace(
  hostTowns: readonly PlaceValue[],
  bodyPlaces: readonly MentionOf<'place'>[],
  current: EventPlace | null,
  namesakeNear: (name: string, town: PlaceValue) => PlaceValue | null = () => null,
): EventPlace | null {
  if (hostTowns.length === 0) return null;
  const support = (admin1: string | null) => bodyPlaces.filter((b) => !b.value.metonymic && b.value.admin1 === admin1).length;
  let town = hostTowns[0] as PlaceValue;
  for (const t of hostTowns) if (support(t.admin1) > support(town.admin1)) town = t;
  if (current && current.name === town.name) return null;
  if (current && current.admin1 === town.admin1) {
    // "shot in Elm County" with the outlet's city near the county's middle, or a place right by the city's centre
    // (a part of it the gazetteer lists as its own place): the city is what an address there names.
    const km = distanceKm(current.lat, current.lon, town.lat, town.lon);
    const inside =
      current.precision === 3 ? km <= COUNTY_CITY_KM : current.precision <= 2 && km <= CITY_PART_KM && !current.rule.includes('dateline');
    return inside
      ? { ...current, name: town.name, lat: town.lat, lon: town.lon, precision: 1, geonameId: town.geonameId, rule: 'place-from-outlet' }
      : null;
  }
  const place = placeOf(town, 'place-from-outlet');
  if (!current) return place;
  // "Troy" read as the one in another state by a report of an outlet in Ohio: the Troy near the outlet.
  const namesake = current.precision <= 2 && current.rule !== 'place-in-sentence/place/street' ? namesakeNear(current.name, town) : null;
  if (namesake) {
    const { name, country, admin1, lat, lon, geonameId } = namesake;
    return { ...current, name, country, admin1, lat, lon, geonameId, rule: 'place-from-outlet/namesake' };
  }
  // A place abroad in a local outlet's report that names home more than that country is a word read as a far-off place
  // ("Dade" as a town in China); one that names the country as often is news from abroad.
  if (current.country !== town.country) return isForeignNews(current, town, bodyPlaces) ? null : place;
  // A place in another state, in a report that names the outlet's state more often: a word read as a far-off town.
  if (!current.rule.includes('dateline') && support(town.admin1) > support(current.admin1)) return place;
  return null;
}

/**
 * Whether a report places its attack abroad (`current`, in another country than the outlet's `home`), names that
 * country itself ("Iraq", "Iraqi officials") and names places there more than once: a local outlet's news from
 * abroad, not a word read as a far-off town ("Brittany", "Felon in Possession", "Miami-Dade" as a Dade abroad).
 */
function isForeignNews(current: EventPlace, home: PlaceValue, bodyPlaces: readonly MentionOf<'place'>[]): boolean {
  if (current.country === home.country) return false;
  const there = bodyPlaces.filter((b) => b.value.country === current.country);
  return there.length >= 2 && there.some((b) => b.value.precision >= COUNTRY_PRECISION);
}

// "in the 100 block of Elm Street in Larkton", "on Birch Road in Larkton", "at Fir Drive and Oak Lane in Larkton": a
// town named right after a street address, which police give for where it happened.
const ADDRESS_BEFORE =
  /(?:\b(?:street|st|avenue|ave|road|rd|drive|dr|boulevard|blvd|lane|ln|highway|hwy|circle|cir|parkway|pkwy|pike|trail|terrace)\.?|\bblock of [A-Z][\w.]*(?: [A-Z][\w.]*)?),?\s+in\s+$/i;

// How far from the report's place a street's town may lie and still be the same report's scene.
const ADDRESS_FAR_KM = 150;
// "Jo Reyes, of the 1700 block of Elm Street in Larkton": where someone lives.
const HOME_ADDRESS = /(?:,|\bresidents?)\s+of\s+the\s+\d[\d,]*\s+block\b[^.]*$/i;

/**
 * The town the body names right after a street address ("in the 100 block of Elm Street in Larkton") for the
 * report's main attack, or null to keep `current`: the address is the most telling place a report gives, where the
 * attack's sentences may name a victim's town, an agency's or a hospital's. Only a town in `current`'s state, and only
 * where the report gives one such town (two say two scenes).
 */
export function addressPlace(text: string, bodyPlaces: readonly MentionOf<'place'>[], current: EventPlace | null): EventPlace | null {
  const towns = bodyPlaces.filter(
    (m) =>
      !m.value.metonymic &&
      m.value.precision <= 2 &&
      m.rule !== 'place/street' &&
      ADDRESS_BEFORE.test(text.slice(Math.max(0, m.span.start - 60), m.span.start)) &&
      !HOME_ADDRESS.test(text.slice(Math.max(0, m.span.start - 80), m.span.start)),
  );
  const v = soleTownBeside(towns, current);
  if (!v) return null;
  // A headline's town, or the town of a street the attack's own sentences name, says where as plainly.
  if (current?.rule === 'place-from-headline' || current?.rule.endsWith('street-town')) return null;
  // "shot in Elm Park" says where as plainly as an address: the address may be a suspect's or another scene's.
  if (current && new RegExp(`\\b(?:in|near)\\s+${escapeRegExp(current.name)}\\b`).test(text)) return null;
  return placeOf(v, 'place-from-address');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// "shot in Larkton", "a home near Larkton": a town named as where something is.
const SCENE_BEFORE = /\b(?:in|near)\s+$/i;
// "taken to Elm Hospital in Larkton", "arraigned in Larkton", "lives in Larkton": where a victim was taken, a case is
// heard or someone lives.
const NO_SCENE_BEFORE =
  /\b(?:hospitals?|center|centre|medical|court|courthouse|jail|conference|arrested|arraigned|booked|charged|lives?|lived|living|born|raised|grew|moved|attended|school|buried|funeral|services?)\b[^.]*$/i;

// How an attack's place was read where no sentence of it put the attack there: the report's most named place, a part
// of a town read as the town, a name inside an organisation's, or a namesake near the outlet.
const WEAK_READINGS = /^place-from-document|\/neighbourhood$|in-organisation-name$|^place-from-outlet\/namesake$/;

/**
 * The one town the body puts anything in ("shot in Larkton", "a home near Larkton") for the report's main attack,
 * where the attack's place is only a weak reading (`WEAK_READINGS`) of a town the report never puts anything in: or null
 * to keep `current`.
 */
export function scenePlace(text: string, bodyPlaces: readonly MentionOf<'place'>[], current: EventPlace | null): EventPlace | null {
  if (!current || current.precision > 2 || !WEAK_READINGS.test(current.rule)) return null;
  if (new RegExp(`\\b(?:in|near|at)\\s+(?:the\\s+)?${escapeRegExp(current.name)}\\b`).test(text)) return null;
  const towns = bodyPlaces.filter(
    (m) =>
      !m.value.metonymic &&
      m.value.precision <= 2 &&
      (m.rule === 'place/gazetteer' || m.rule === 'place/dateline') &&
      SCENE_BEFORE.test(text.slice(Math.max(0, m.span.start - 10), m.span.start)) &&
      !NO_SCENE_BEFORE.test(text.slice(Math.max(0, m.span.start - 60), m.span.start)) &&
      !/^\s*(?:County|Parish|Township)\b/.test(text.slice(m.span.end, m.span.end + 12)),
  );
  const v = soleTownBeside(towns, current);
  return v ? placeOf(v, 'place-from-scene') : null;
}

/**
 * The one town `towns` all name (two towns say two scenes), other than `current` but in its state and near it, or
 * null. Without a current place, the one town.
 */
function soleTownBeside(towns: readonly MentionOf<'place'>[], current: EventPlace | null): PlaceValue | null {
  const first = towns[0];
  if (!first || towns.some((m) => m.value.geonameId !== first.value.geonameId)) return null;
  const v = first.value;
  if (!current) return v;
  if (current.name === v.name || current.admin1 !== v.admin1 || current.country !== v.country) return null;
  // A town this far from the report's place is more likely a namesake of a part of it ("on Elm Street in Midtown").
  return distanceKm(current.lat, current.lon, v.lat, v.lon) > ADDRESS_FAR_KM ? null : v;
}
