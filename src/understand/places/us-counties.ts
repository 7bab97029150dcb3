/** @module US counties from the Census Bureau's shapes (us-atlas): each county's state, centre, and the towns inside it. */
import { geoBounds, geoCentroid, geoContains } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology as TopoTopology } from 'topojson-specification';

/** A county (or parish, borough) as stored in the gazetteer index. */
export interface UsCounty {
  /** Its name without "County" or "Parish", as the Census writes it: "DeKalb", "St. Louis", "Orleans". */
  readonly name: string;
  /** Index of its state among the index's first-level regions. */
  readonly admin1: number;
  /** The centroid of its area, in degrees. */
  readonly lat: number;
  readonly lon: number;
  /** The summed population of the gazetteer's towns inside it: which of two namesakes a report more likely means. */
  readonly population: number;
}

/** A town the builder asks about: its point, and whether it is a US settlement worth placing in a county. */
export interface CountyTown {
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly isUsSettlement: boolean;
}

/** No county: the place lies outside the United States, or in no county's shape. */
export const NO_COUNTY = 65535;

// Census county codes from 500 up are independent cities (Baltimore, St. Louis, Richmond in Virginia) and
// consolidated city-counties, which reports call cities, not counties.
const FIRST_INDEPENDENT_CITY = 500;

/**
 * Reads us-atlas `counties-10m.json`: every county with its state (by `stateIndex`, which maps a state's name
 * to its first-level region index, or -1), its centroid, and for every town the county it lies in.
 */
export function readUsCounties(
  topology: unknown,
  stateIndex: (name: string) => number,
  towns: readonly CountyTown[],
): { counties: UsCounty[]; countyOf: Uint16Array } {
  const topo = topology as TopoTopology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection<{ name: string }> }>;
  const stateByFips = new Map<string, number>();
  for (const g of topo.objects.states.geometries) {
    const index = stateIndex((g.properties as { name?: string } | undefined)?.name ?? '');
    if (g.id !== undefined && index >= 0) stateByFips.set(String(g.id), index);
  }
  const shapes = feature(topo, topo.objects.counties).features;
  const kept: {
    county: Omit<UsCounty, 'population'>;
    shape: GeoPermissibleObjects;
    west: number;
    south: number;
    east: number;
    north: number;
  }[] = [];
  for (const shape of shapes) {
    const id = String(shape.id ?? '');
    const state = stateByFips.get(id.slice(0, 2));
    if (state === undefined || Number(id.slice(2)) >= FIRST_INDEPENDENT_CITY) continue;
    const [lon, lat] = geoCentroid(shape);
    const [[west, south], [east, north]] = geoBounds(shape);
    const county = { name: shape.properties.name, admin1: state, lat: round(lat), lon: round(lon) };
    kept.push({ county, shape, west, south, east, north });
  }
  // A grid of one-degree cells, each listing the counties whose bounds touch it, so a town tests a handful of shapes.
  const cells = new Map<number, number[]>();
  kept.forEach((k, index) => {
    for (let y = Math.floor(k.south); y <= Math.floor(k.north); y++) {
      for (let x = Math.floor(k.west); x <= Math.floor(k.east); x++) {
        const list = cells.get(y * 1000 + x);
        if (list) list.push(index);
        else cells.set(y * 1000 + x, [index]);
      }
    }
  });
  const countyOf = new Uint16Array(towns.length).fill(NO_COUNTY);
  const population = new Float64Array(kept.length);
  towns.forEach((town, id) => {
    if (!town.isUsSettlement) return;
    for (const index of cells.get(Math.floor(town.lat) * 1000 + Math.floor(town.lon)) ?? []) {
      const k = kept[index];
      if (!k || town.lon < k.west || town.lon > k.east || town.lat < k.south || town.lat > k.north) continue;
      if (!geoContains(k.shape, [town.lon, town.lat])) continue;
      countyOf[id] = index;
      population[index] = (population[index] ?? 0) + town.population;
      return;
    }
  });
  return { counties: kept.map((k, index) => ({ ...k.county, population: population[index] ?? 0 })), countyOf };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
