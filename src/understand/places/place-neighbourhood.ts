/** @module The neighbourhood of a report's names: which regions and grid cells its places fall in, so a namesake among its neighbours is preferred to one far from them. */
import { ALIAS_FLAG, type Gazetteer, NO_ADMIN1, NO_COUNTRY } from './gazetteer.ts';
import { PLAUSIBLE_PRIOR_GAP, NEIGHBOUR_CANDIDATES } from './place-words.ts';
import { isDoubtful } from './place-facts.ts';
import { type Match } from './place-match.ts';

/** Where the document's names could lie, before any is chosen: grid cells, regions, and each region's share of the names. */
export interface Neighbourhood {
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
export function buildNeighbourhood(matches: readonly Match[], g: Gazetteer): Neighbourhood {
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
export function focusShare(n: Neighbourhood, admin1: number, ownKey: string): number {
  if (admin1 === NO_ADMIN1) return 0;
  const own = n.focusOwn.get(ownKey);
  const names = n.focusNames - (own ? 1 : 0);
  if (names < 2) return 0;
  return Math.max(0, (n.focus.get(admin1) ?? 0) - (own?.get(admin1) ?? 0)) / names;
}

/** `focusShare` of a place: a country's is the share of all its regions. */
export function focusShareOf(n: Neighbourhood, g: Gazetteer, id: number, ownKey: string): number {
  if (g.kind(id) !== 'country') return focusShare(n, g.admin1Index(id), ownKey);
  const country = g.countryIndex(id);
  const own = n.focusOwn.get(ownKey);
  const names = n.focusNames - (own ? 1 : 0);
  if (names < 2) return 0;
  let votes = n.focusByCountry.get(country) ?? 0;
  for (const [admin1, v] of own ?? []) if (regionCountry(g, admin1) === country) votes -= v;
  return Math.max(0, votes) / names;
}

export function countOthers(names: ReadonlySet<string> | undefined, ownKey: string): number {
  if (!names) return 0;
  return names.size - (names.has(ownKey) ? 1 : 0);
}

/**
 * How many other names have a candidate in the cell of `id` or a cell next to it. A name whose
 * candidate is `id` itself is no neighbour: "Mexico City" does not make "Mexico" the city.
 */
export function countNeighbours(cells: Neighbourhood['cells'], g: Gazetteer, id: number, ownKey: string): number {
  const lat = Math.floor(g.lat(id));
  const lon = Math.floor(g.lon(id));
  // A list, not a set: a few names at most lie near one place, and this runs for every candidate of every name.
  let names: string[] | null = null;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const here = cells.get(cellKey(lat + dy, lon + dx));
      if (here === undefined) continue;
      for (const other of here) {
        if (other.key === ownKey || other.id === id) continue;
        if (names === null) names = [other.key];
        else if (!names.includes(other.key)) names.push(other.key);
      }
    }
  }
  return names === null ? 0 : names.length;
}

function cellOf(lat: number, lon: number): number {
  return cellKey(Math.floor(lat), Math.floor(lon));
}

function cellKey(lat: number, lon: number): number {
  return (lat + 90) * 1000 + (lon + 180);
}
