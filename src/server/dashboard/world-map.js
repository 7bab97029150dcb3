/**
 * @module The map: world-atlas country shapes (served by sitrep itself, no tile server) projected with d3-geo,
 * framed on the points, which are circles sized by their value (area proportional to it) and link to their view.
 */
import { geoMercator, geoPath } from '/vendor/d3-geo.mjs';
import { feature } from '/vendor/topojson-client/index.js';
import { svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 440;
/** Largest circle radius in pixels; the largest value gets it. */
const MAX_RADIUS = 22;
const MIN_RADIUS = 3;
/** How many of the biggest points are named on the map itself (all have a tooltip). */
const LABELS = 8;

let countries = null;

async function loadCountries() {
  countries ??= fetch('/atlas/countries-50m.json')
    .then((response) => {
      if (!response.ok) throw new Error(`The country shapes could not be loaded (${response.status})`);
      return response.json();
    })
    .then((topology) => feature(topology, topology.objects.countries).features);
  return countries;
}

/** Degrees around a point that count as its neighbourhood when finding where the reports are. */
const NEIGHBOURHOOD = 12;

/**
 * The area to show: the neighbourhood holding the most value (the theatre the reports are about), with a margin
 * and a least extent so one point is not a zoom into a street. A capital abroad that many reports name (where
 * statements come from) does not widen the frame to half the world; points outside it are clipped.
 */
function frame(points) {
  if (points.length === 0) return { type: 'Sphere' };
  const near = (a, b) => Math.abs(a.lat - b.lat) <= NEIGHBOURHOOD && Math.abs(a.lon - b.lon) <= NEIGHBOURHOOD;
  let framed = [];
  let best = -1;
  for (const centre of points) {
    const around = points.filter((p) => near(p, centre));
    // Every point weighs at least 1: incidents without casualties still say where things happen.
    const held = around.reduce((sum, p) => sum + p.value + 1, 0);
    if (held > best) [best, framed] = [held, around];
  }
  const lons = framed.map((p) => p.lon);
  const lats = framed.map((p) => p.lat);
  let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const widen = (low, high, least) => {
    const pad = Math.max(0, least - (high - low)) / 2 + 2;
    return [low - pad, high + pad];
  };
  [west, east] = widen(west, east, 16);
  [south, north] = widen(south, north, 10);
  return {
    type: 'MultiPoint',
    coordinates: [
      [Math.max(west, -179), Math.max(south, -80)],
      [Math.min(east, 179), Math.min(north, 84)],
    ],
  };
}

/**
 * @param {Array<{lat: number, lon: number, value: number, title: string, label: string, href: string, className?: string}>} points
 * @param {{label: string}} options
 * @returns {Promise<SVGSVGElement>}
 */
export async function worldMap(points, options) {
  const shapes = await loadCountries();
  const projection = geoMercator()
    .fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      frame(points),
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection);
  const map = svg('svg', { class: 'world-map', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': options.label });
  map.append(svg('rect', { class: 'sea', x: 0, y: 0, width: WIDTH, height: HEIGHT }));
  const land = svg('g', { class: 'countries' });
  for (const shape of shapes) {
    const d = path(shape);
    if (d) land.append(svg('path', { class: 'country', d }, svg('title', {}, shape.properties?.name ?? '')));
  }
  map.append(land);

  const max = Math.max(1, ...points.map((p) => p.value));
  const radius = (value) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(value / max);
  const dots = svg('g', { class: 'points' });
  // Biggest first, so smaller circles are drawn on top and stay clickable.
  const ordered = [...points].sort((a, b) => b.value - a.value);
  for (const point of ordered) {
    const at = projection([point.lon, point.lat]);
    if (!at) continue;
    dots.append(
      svg(
        'a',
        { href: point.href, class: 'point-link' },
        svg(
          'circle',
          {
            class: `point ${point.className ?? ''}`,
            cx: at[0].toFixed(1),
            cy: at[1].toFixed(1),
            r: radius(point.value).toFixed(1),
            'data-value': point.value,
          },
          svg('title', {}, point.title),
        ),
      ),
    );
  }
  for (const point of ordered.slice(0, LABELS)) {
    const at = projection([point.lon, point.lat]);
    if (at)
      dots.append(
        svg('text', { class: 'point-label', x: (at[0] + radius(point.value) + 3).toFixed(1), y: (at[1] + 4).toFixed(1) }, point.label),
      );
  }
  map.append(dots);
  return map;
}
