/** @module The loaded gazetteer: a compact, read-only index of place names over typed arrays, shared by every document. */
import type { GeoPrecision } from '../../model/mention.ts';
import { NO_COUNTY, type UsCounty } from './us-counties.ts';
import { placeKey } from './place-key.ts';

/** What sort of place an entry is; it sets the entry's geographic precision and its weight when a name is ambiguous. */
export type PlaceKind =
  | 'country'
  | 'admin1'
  | 'area'
  | 'region'
  | 'water'
  | 'site'
  | 'airport'
  | 'capital'
  | 'admin-seat'
  | 'district-seat'
  | 'local-seat'
  | 'populated-place'
  /** A section of a town (GeoNames PPLX): "South Shore", "Liberty City", "Williamsburg". */
  | 'section';

/** Kinds in the order of their stored code. */
export const PLACE_KINDS: readonly PlaceKind[] = [
  'country',
  'admin1',
  'area',
  'region',
  'water',
  'site',
  'airport',
  'capital',
  'admin-seat',
  'district-seat',
  'local-seat',
  'populated-place',
  'section',
];

/** Kinds that are settlements: towns, seats and the sections of towns. */
export const SETTLEMENT_KINDS: ReadonlySet<PlaceKind> = new Set([
  'capital',
  'admin-seat',
  'district-seat',
  'local-seat',
  'populated-place',
  'section',
]);

const PRECISION_BY_KIND: Readonly<Record<PlaceKind, GeoPrecision>> = {
  country: 5,
  admin1: 4,
  area: 4,
  region: 6,
  water: 6,
  site: 1,
  airport: 1,
  capital: 1,
  'admin-seat': 1,
  'district-seat': 1,
  'local-seat': 1,
  'populated-place': 1,
  // A neighbourhood's point is its own, but the place readers mean is the town around it: near that town.
  section: 2,
};

/** The prior weight of a kind when nothing in the document tells two places of one name apart. */
const KIND_WEIGHT: Readonly<Record<PlaceKind, number>> = {
  country: 12,
  admin1: 9.5,
  area: 9,
  region: 10,
  water: 10,
  site: 8,
  airport: 5,
  capital: 4.5,
  'admin-seat': 1.5,
  'district-seat': 0.5,
  'local-seat': 0.2,
  'populated-place': 0,
  // A neighbourhood yields to a town of its name unless the document speaks for it.
  section: -1,
};

/** Postings carry this bit when the entry was found under one of its other names rather than its own. */
export const ALIAS_FLAG = 0x80000000;

/** The index's format version: part of the cache key, so a changed builder never reads an old file. */
export const GAZETTEER_FORMAT = 10;

/** A first-level region named in the index: its country, GeoNames admin1 code and name. */
export interface Admin1Region {
  readonly country: string;
  readonly code: string;
  readonly name: string;
  /** The region's own entry, or -1 when only its name is known. */
  readonly place: number;
}

/** Everything the index stores besides its typed arrays; serialised as JSON in the file header. */
export interface GazetteerMeta {
  readonly format: number;
  /** The cache key of the sources it was built from. */
  readonly sourceKey: string;
  readonly placeCount: number;
  readonly keyCount: number;
  readonly postingCount: number;
  readonly hashSize: number;
  readonly sections: Readonly<Record<string, { readonly offset: number; readonly length: number }>>;
  /** ISO alpha-2 codes by stored country index. */
  readonly countries: readonly string[];
  readonly admin1: readonly Admin1Region[];
  /** Demonym key (`placeKey`) to the place it names. */
  readonly demonyms: Readonly<Record<string, number>>;
  /** AP-style abbreviations as written ("Calif.", "W.Va.") to the region's entry. */
  readonly apAbbreviations: Readonly<Record<string, number>>;
  /** Postal codes ("CA") to the region's entry. */
  readonly postalCodes: Readonly<Record<string, number>>;
  /** Keys of one-word names that are also common words or people's names. */
  readonly stopNames: readonly string[];
  /** Keys of words that come before a person's name. */
  readonly titles: readonly string[];
  /** Keys of words that, after a place name, make it part of an organisation's name. */
  readonly organisationHeads: readonly string[];
  /** Keys of given names and common family names: a place of that one-word name needs support from the document. */
  readonly givenNames: readonly string[];
  /** A section's (PPLX, kind `section`) place id to the id of the town it lies in, where one is near enough. */
  readonly sectionTowns: Readonly<Record<number, number>>;
  /** US counties (and parishes, boroughs), indexed by the `county` section. */
  readonly counties: readonly UsCounty[];
}

/** FNV-1a over UTF-16 code units: the hash the builder and the reader share. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A read-only gazetteer over one index file's bytes; every place is an integer id from 0. */
export class Gazetteer {
  readonly meta: GazetteerMeta;
  readonly placeCount: number;
  readonly demonyms: ReadonlyMap<string, number>;
  readonly apAbbreviations: ReadonlyMap<string, number>;
  readonly postalCodes: ReadonlyMap<string, number>;
  readonly stopNames: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly organisationHeads: ReadonlySet<string>;
  readonly givenNames: ReadonlySet<string>;
  private readonly lats: Float32Array;
  private readonly lons: Float32Array;
  private readonly populations: Uint32Array;
  private readonly geonameIds: Int32Array;
  private readonly nameOffsets: Uint32Array;
  private readonly nameLengths: Uint16Array;
  private readonly admin1s: Uint16Array;
  private readonly countryCodes: Uint8Array;
  private readonly kinds: Uint8Array;
  private readonly keyOffsets: Uint32Array;
  private readonly keyLengths: Uint8Array;
  private readonly postingStarts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly hashTable: Uint32Array;
  private readonly names: string;
  private readonly keys: string;
  private readonly countryPlaces: Int32Array;
  private readonly countryIndexes: ReadonlyMap<string, number>;
  private readonly countyOf: Uint16Array;
  private readonly countiesByKey: ReadonlyMap<string, readonly number[]>;

  /** Reads an index made by `buildGazetteerIndex`; `bytes` must start at an 8-byte aligned offset. */
  constructor(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a sitrep gazetteer index: rebuild it with scripts/build-gazetteer.ts');
    const headerLength = view.getUint32(4, true);
    const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as GazetteerMeta;
    if (meta.format !== GAZETTEER_FORMAT)
      throw new Error(`Gazetteer index format ${meta.format}, expected ${GAZETTEER_FORMAT}: rebuild it`);
    this.meta = meta;
    this.placeCount = meta.placeCount;
    const section = (name: string): { offset: number; length: number } => {
      const s = meta.sections[name];
      if (!s) throw new Error(`Gazetteer index lacks section ${name}: rebuild it`);
      return s;
    };
    const at = (name: string): number => bytes.byteOffset + section(name).offset;
    const n = meta.placeCount;
    const buffer = bytes.buffer;
    this.lats = new Float32Array(buffer, at('lat'), n);
    this.lons = new Float32Array(buffer, at('lon'), n);
    this.populations = new Uint32Array(buffer, at('population'), n);
    this.geonameIds = new Int32Array(buffer, at('geonameId'), n);
    this.nameOffsets = new Uint32Array(buffer, at('nameOffset'), n);
    this.nameLengths = new Uint16Array(buffer, at('nameLength'), n);
    this.admin1s = new Uint16Array(buffer, at('admin1'), n);
    this.countryCodes = new Uint8Array(buffer, at('country'), n);
    this.kinds = new Uint8Array(buffer, at('kind'), n);
    this.countyOf = new Uint16Array(buffer, at('county'), n);
    const byKey = new Map<string, number[]>();
    meta.counties.forEach((c, i) => {
      const key = placeKey(c.name);
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    });
    this.countiesByKey = byKey;
    this.keyOffsets = new Uint32Array(buffer, at('keyOffset'), meta.keyCount);
    this.keyLengths = new Uint8Array(buffer, at('keyLength'), meta.keyCount);
    this.postingStarts = new Uint32Array(buffer, at('postingStart'), meta.keyCount + 1);
    this.postings = new Uint32Array(buffer, at('postings'), meta.postingCount);
    this.hashTable = new Uint32Array(buffer, at('hash'), meta.hashSize);
    const decoder = new TextDecoder();
    const names = section('names');
    this.names = decoder.decode(bytes.subarray(names.offset, names.offset + names.length));
    const keys = section('keys');
    this.keys = decoder.decode(bytes.subarray(keys.offset, keys.offset + keys.length));
    this.demonyms = new Map(Object.entries(meta.demonyms));
    this.apAbbreviations = new Map(Object.entries(meta.apAbbreviations));
    this.postalCodes = new Map(Object.entries(meta.postalCodes));
    this.stopNames = new Set(meta.stopNames);
    this.titles = new Set(meta.titles);
    this.organisationHeads = new Set(meta.organisationHeads);
    this.givenNames = new Set(meta.givenNames);
    this.countryIndexes = new Map(meta.countries.map((c, i) => [c, i]));
    this.countryPlaces = new Int32Array(meta.countries.length).fill(-1);
    for (let id = 0; id < n; id++) {
      if (this.kinds[id] === 0) this.countryPlaces[this.countryCodes[id] ?? 0] = id;
    }
  }

  /** The index of `key` (a `placeKey`), or -1 when no place has that name. */
  findKey(key: string): number {
    const mask = this.hashTable.length - 1;
    let slot = hashKey(key) & mask;
    for (;;) {
      const entry = this.hashTable[slot] ?? 0;
      if (entry === 0) return -1;
      const k = entry - 1;
      if (this.keyLengths[k] === key.length && this.keys.startsWith(key, this.keyOffsets[k])) return k;
      slot = (slot + 1) & mask;
    }
  }

  /** First posting of key `k`; postings run to `postingEnd(k)` and are ordered by prior weight, best first. */
  postingStart(k: number): number {
    return this.postingStarts[k] ?? 0;
  }

  postingEnd(k: number): number {
    return this.postingStarts[k + 1] ?? 0;
  }

  /** The posting at `i`: a place id, with `ALIAS_FLAG` set when found under another of its names. */
  posting(i: number): number {
    return this.postings[i] ?? 0;
  }

  /** The places named `key`, best prior first. */
  lookup(key: string): number[] {
    const k = this.findKey(key);
    if (k < 0) return [];
    const ids: number[] = [];
    for (let i = this.postingStart(k); i < this.postingEnd(k); i++) ids.push(this.posting(i) & ~ALIAS_FLAG);
    return ids;
  }

  /** The canonical name of a place. */
  name(id: number): string {
    const offset = this.nameOffsets[id] ?? 0;
    return this.names.slice(offset, offset + (this.nameLengths[id] ?? 0));
  }

  kind(id: number): PlaceKind {
    return PLACE_KINDS[this.kinds[id] ?? 11] ?? 'populated-place';
  }

  precision(id: number): GeoPrecision {
    return PRECISION_BY_KIND[this.kind(id)];
  }

  /** ISO alpha-2 code, or null for places spanning countries. */
  country(id: number): string | null {
    const c = this.countryCodes[id] ?? NO_COUNTRY;
    return c === NO_COUNTRY ? null : (this.meta.countries[c] ?? null);
  }

  /** Stored country index (255 when none): cheap to compare. */
  /** The US counties named `key` (a `placeKey` of the name without "County"), as indexes into `meta.counties`. */
  countiesNamed(key: string): readonly number[] {
    return this.countiesByKey.get(key) ?? [];
  }

  /** The county (an index into `meta.counties`) a US town lies in, or -1. */
  county(id: number): number {
    const c = this.countyOf[id] ?? NO_COUNTY;
    return c === NO_COUNTY ? -1 : c;
  }

  /** The town a section (kind `section`) lies in, or -1 when none is known or `id` is no section. */
  sectionTown(id: number): number {
    return this.meta.sectionTowns[id] ?? -1;
  }

  countryIndex(id: number): number {
    return this.countryCodes[id] ?? NO_COUNTRY;
  }

  /** Index into `meta.admin1` (65535 when unknown): cheap to compare. */
  admin1Index(id: number): number {
    return this.admin1s[id] ?? NO_ADMIN1;
  }

  admin1(id: number): Admin1Region | null {
    const a = this.admin1s[id] ?? NO_ADMIN1;
    return a === NO_ADMIN1 ? null : (this.meta.admin1[a] ?? null);
  }

  lat(id: number): number {
    return this.lats[id] ?? 0;
  }

  lon(id: number): number {
    return this.lons[id] ?? 0;
  }

  population(id: number): number {
    return this.populations[id] ?? 0;
  }

  /** GeoNames id, or null for places from other sources. */
  geonameId(id: number): number | null {
    const g = this.geonameIds[id] ?? 0;
    return g > 0 ? g : null;
  }

  /** The entry of a country by ISO alpha-2 code, or -1. */
  countryPlace(code: string): number {
    const i = this.countryIndexes.get(code);
    return i === undefined ? -1 : (this.countryPlaces[i] ?? -1);
  }

  /** The prior weight of a place: its kind, then its population. */
  prior(id: number): number {
    return priorWeight(this.kind(id), this.population(id));
  }
}

/** The prior weight of a place of this kind and population; the builder orders postings by it. */
export function priorWeight(kind: PlaceKind, population: number): number {
  const size = population > 0 ? Math.log10(population + 1) : 0;
  const isSettlement =
    kind === 'capital' ||
    kind === 'admin-seat' ||
    kind === 'district-seat' ||
    kind === 'local-seat' ||
    kind === 'populated-place' ||
    kind === 'section';
  return KIND_WEIGHT[kind] + (isSettlement ? size : size * 0.05);
}

/** "SGZ1" little-endian. */
export const MAGIC = 0x315a4753;
export const NO_COUNTRY = 255;
export const NO_ADMIN1 = 65535;
