/** @module Country centre points from a world-atlas TopoJSON topology: the area centroid of each country's largest polygon. */

/** The parts of a TopoJSON topology this reads. */
export interface Topology {
  readonly arcs: readonly (readonly (readonly [number, number])[])[];
  readonly transform?: { readonly scale: readonly [number, number]; readonly translate: readonly [number, number] };
  readonly objects: Readonly<
    Record<string, { readonly geometries: readonly { readonly type: string; readonly id?: string; readonly arcs?: unknown }[] }>
  >;
}

/** A point in degrees. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/**
 * Centre points keyed by the geometry id (ISO 3166-1 numeric in world-atlas). The largest polygon stands
 * for the country so that overseas islands do not pull the point into the sea (France, the United States).
 */
export function countryCentroids(topology: Topology, objectName = 'countries'): Map<string, LatLon> {
  const arcs = decodeArcs(topology);
  const result = new Map<string, LatLon>();
  // Dependencies share their country's numeric code (Australia's Coral Sea Islands are 036 too).
  const areas = new Map<string, number>();
  const object = topology.objects[objectName];
  if (!object) throw new Error(`Topology has no object "${objectName}"`);
  for (const geometry of object.geometries) {
    if (geometry.id === undefined) continue;
    const polygons =
      geometry.type === 'Polygon' ? [geometry.arcs as number[][]] : geometry.type === 'MultiPolygon' ? (geometry.arcs as number[][][]) : [];
    let best: { area: number; lat: number; lon: number } | null = null;
    for (const polygon of polygons) {
      const outer = polygon[0];
      if (!outer) continue;
      const ring = ringPoints(outer, arcs);
      const c = ringCentroid(ring);
      if (c && (!best || c.area > best.area)) best = c;
    }
    if (best && best.area > (areas.get(geometry.id) ?? 0)) {
      areas.set(geometry.id, best.area);
      result.set(geometry.id, { lat: best.lat, lon: wrapLongitude(best.lon) });
    }
  }
  return result;
}

function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

function decodeArcs(topology: Topology): [number, number][][] {
  const scale = topology.transform?.scale ?? [1, 1];
  const translate = topology.transform?.translate ?? [0, 0];
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (topology.transform) {
        x += dx;
        y += dy;
        return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as [number, number];
      }
      return [dx, dy] as [number, number];
    });
  });
}

function ringPoints(ring: readonly number[], arcs: readonly [number, number][][]): [number, number][] {
  const points: [number, number][] = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : arcs[~index]?.slice().reverse();
    if (!arc) continue;
    // Consecutive arcs share their joining point.
    points.push(...(points.length > 0 ? arc.slice(1) : arc));
  }
  // Rings that cross the antimeridian jump from 180 to -180; unwrap them so the shoelace sees one shape.
  let shift = 0;
  for (let i = 1; i < points.length; i++) {
    const previous = points[i - 1];
    const point = points[i];
    if (!previous || !point) continue;
    const step = point[0] + shift - previous[0];
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    points[i] = [point[0] + shift, point[1]];
  }
  return points;
}

function ringCentroid(points: readonly [number, number][]): { area: number; lat: number; lon: number } | null {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (!a || !b) continue;
    const cross = a[0] * b[1] - b[0] * a[1];
    twiceArea += cross;
    cx += (a[0] + b[0]) * cross;
    cy += (a[1] + b[1]) * cross;
  }
  if (twiceArea === 0) return null;
  return { area: Math.abs(twiceArea / 2), lon: cx / (3 * twiceArea), lat: cy / (3 * twiceArea) };
}
