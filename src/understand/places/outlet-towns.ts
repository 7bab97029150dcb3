/** @module The towns a local outlet's web address names ("kansascity.com", "orlandosentinel.com", "abc7chicago.com"). */
import type { PlaceValue } from '../../model/mention.ts';
import { ALIAS_FLAG, type Gazetteer, SETTLEMENT_KINDS } from './gazetteer.ts';
import { distanceKm } from './distance-km.ts';
import { placeKey } from './place-key.ts';

// Only cities this big: a smaller town's name is too often a word inside an address ("news", "post", "star").
const MIN_POPULATION = 100_000;
// A name this short is a word inside too many addresses.
const MIN_KEY_LENGTH = 5;

const keysByGazetteer = new WeakMap<Gazetteer, ReadonlyMap<string, readonly number[]>>();

/** The big US cities by their name written without spaces or dots ("sanantonio", "stlouis"). */
function cityKeys(g: Gazetteer): ReadonlyMap<string, readonly number[]> {
  const known = keysByGazetteer.get(g);
  if (known) return known;
  const keys = new Map<string, number[]>();
  for (let id = 0; id < g.placeCount; id++) {
    if (g.population(id) < MIN_POPULATION || g.country(id) !== 'US' || !SETTLEMENT_KINDS.has(g.kind(id))) continue;
    const key = addressKey(g.name(id));
    if (key.length < MIN_KEY_LENGTH) continue;
    const list = keys.get(key);
    if (list) list.push(id);
    else keys.set(key, [id]);
    // "St. Louis" is written "stlouis" in addresses, "Saint Paul" "stpaul".
    const short = key.replace(/^saint/, 'st');
    if (short !== key) keys.set(short, [...(keys.get(short) ?? []), id]);
  }
  keysByGazetteer.set(g, keys);
  return keys;
}

function addressKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/**
 * The big US cities whose name an outlet's host ("orlandosentinel.com") or name ("Orlando Sentinel", as a page's
 * site name gives it) spells inside it, the longest name first ("kansascity" before a shorter one inside it); several
 * namesakes of one name all come back, for the report to choose among.
 */
export function outletTowns(source: string | null | undefined, g: Gazetteer): PlaceValue[] {
  if (!source) return [];
  const host = /^[\w.-]+\.[a-z]{2,}$/i.test(source.trim());
  // A host's top-level domain and "www" name no town.
  const labels = host
    ? source
        .trim()
        .toLowerCase()
        .split('.')
        .slice(0, -1)
        .filter((l) => l !== 'www')
    : [source.toLowerCase()];
  const text = labels.join('.').replace(/[\s'’.-]/g, '');
  const found: Array<{ key: string; ids: readonly number[] }> = [];
  for (const [key, ids] of cityKeys(g)) if (text.includes(key)) found.push({ key, ids });
  found.sort((a, b) => b.key.length - a.key.length);
  const longest = found[0];
  if (!longest) return [];
  return longest.ids.map((id) => valueOf(id, g));
}

function valueOf(id: number, g: Gazetteer): PlaceValue {
  return {
    name: g.name(id),
    country: g.country(id),
    admin1: g.admin1(id)?.name ?? null,
    lat: Math.round(g.lat(id) * 1e5) / 1e5,
    lon: Math.round(g.lon(id) * 1e5) / 1e5,
    precision: 1,
    geonameId: g.geonameId(id),
    metonymic: false,
  };
}

// How far from a local outlet's town a namesake lies to be the one its report means.
const NAMESAKE_KM = 150;

/**
 * A town of `name` near a local outlet's town (within 150 km; the biggest of several), or null: "Troy" in a report of
 * an outlet in Ohio is the Troy in Ohio, whichever Troy the report's words alone chose.
 */
export function namesakeNear(name: string, town: PlaceValue, g: Gazetteer): PlaceValue | null {
  let best = -1;
  for (const posting of g.lookup(placeKey(name))) {
    const id = posting & ~ALIAS_FLAG;
    if (!SETTLEMENT_KINDS.has(g.kind(id)) || g.country(id) !== town.country) continue;
    if (distanceKm(g.lat(id), g.lon(id), town.lat, town.lon) > NAMESAKE_KM) continue;
    if (best < 0 || g.population(id) > g.population(best)) best = id;
  }
  return best < 0 ? null : valueOf(best, g);
}
