/**
 * @module The map: world-atlas country shapes (served by sitrep itself, no tile server) projected with d3-geo, framed
 * on the points with outliers left out, which pans and zooms (wheel, drag, buttons, keyboard). Points closer than
 * their circles are drawn as one cluster that splits as the map zooms in; labels are placed where they overlap
 * nothing; a scale bar gives distances. Circles are coloured by type and sized by value (area proportional to it).
 */
import { geoDistance, geoMercator, geoPath } from '/vendor/d3-geo.mjs';
import { feature } from '/vendor/topojson-client/index.js';
import { el, svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 440;
/** Largest circle radius in pixels; the largest value gets it. */
const MAX_RADIUS = 20;
const MIN_RADIUS = 4;
const MAX_ZOOM = 64;
const EARTH_KM = 6371;
/** A label's height in pixels and a character's mean width, for keeping labels apart. */
const LABEL_HEIGHT = 12;
const CHAR_WIDTH = 6.2;

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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The points the first view frames: those within three times the median distance from the median point (at least
 * 500 km), so a capital abroad where statements are made, or one misplaced incident, does not widen the frame to half
 * the world. Every point is still drawn, and a pan or zoom out shows it.
 */
export function framedPoints(points) {
  if (points.length <= 2) return points;
  const centre = [median(points.map((p) => p.lon)), median(points.map((p) => p.lat))];
  const distances = points.map((p) => geoDistance(centre, [p.lon, p.lat]) * EARTH_KM);
  const reach = Math.max(500, 3 * median(distances));
  return points.filter((_p, i) => distances[i] <= reach);
}

/** The area to show for `points`: their bounds, with a margin and a least extent so one point is not a street. */
function frame(points) {
  if (points.length === 0) return { type: 'Sphere' };
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const widen = (low, high, least) => {
    const pad = Math.max(0, least - (high - low)) / 2 + 1;
    return [low - pad, high + pad];
  };
  const [west, east] = widen(Math.min(...lons), Math.max(...lons), 8);
  const [south, north] = widen(Math.min(...lats), Math.max(...lats), 5);
  return {
    type: 'MultiPoint',
    coordinates: [
      [Math.max(west, -179), Math.max(south, -80)],
      [Math.min(east, 179), Math.min(north, 84)],
    ],
  };
}

/** A round distance (1, 2 or 5 times a power of ten) no longer than `km`. */
function roundDistance(km) {
  const power = 10 ** Math.floor(Math.log10(km));
  return [5, 2, 1].map((m) => m * power).find((d) => d <= km) ?? power;
}

/**
 * Groups points whose circles would touch at the current zoom, greedily from the largest: a cluster sits at its
 * members' value-weighted centre and is sized by their summed value.
 */
function cluster(points, radius) {
  const groups = [];
  for (const p of [...points].sort((a, b) => b.value - a.value)) {
    const near = groups.find((g) => Math.hypot(g.x - p.x, g.y - p.y) < radius(g.value) + radius(p.value) - 2);
    if (near) {
      near.members.push(p);
      const weight = (q) => q.value + 1;
      const total = near.members.reduce((s, q) => s + weight(q), 0);
      near.x = near.members.reduce((s, q) => s + q.x * weight(q), 0) / total;
      near.y = near.members.reduce((s, q) => s + q.y * weight(q), 0) / total;
      near.value += p.value;
    } else groups.push({ x: p.x, y: p.y, value: p.value, members: [p] });
  }
  return groups;
}

/**
 * Labels (`radius(mark)` its circle's) for the biggest marks first, each tried right, left, above and below its circle, kept only where it
 * overlaps no label and no other circle, and inside the map.
 */
function placeLabels(marks, radius) {
  const boxes = [];
  const circles = marks.map((m) => ({ x: m.x, y: m.y, r: radius(m) }));
  const hitsCircle = (b) =>
    circles.some((c) => c.x + c.r > b.x && c.x - c.r < b.x + b.w && c.y + c.r > b.y && c.y - c.r < b.y + b.h && !b.own(c));
  const placed = [];
  for (const mark of [...marks].sort((a, b) => b.value - a.value)) {
    const text = mark.members.length > 1 ? `${mark.members[0].label} +${mark.members.length - 1}` : mark.members[0].label;
    if (!text) continue;
    const r = radius(mark);
    const w = text.length * CHAR_WIDTH;
    const own = (c) => c.x === mark.x && c.y === mark.y;
    const tries = [
      { x: mark.x + r + 3, y: mark.y - LABEL_HEIGHT / 2, anchor: 'start' },
      { x: mark.x - r - 3 - w, y: mark.y - LABEL_HEIGHT / 2, anchor: 'end' },
      { x: mark.x - w / 2, y: mark.y - r - 2 - LABEL_HEIGHT, anchor: 'middle' },
      { x: mark.x - w / 2, y: mark.y + r + 2, anchor: 'middle' },
    ];
    for (const t of tries) {
      const box = { x: t.x, y: t.y, w, h: LABEL_HEIGHT, own };
      if (box.x < 2 || box.y < 2 || box.x + w > WIDTH - 2 || box.y + LABEL_HEIGHT > HEIGHT - 30) continue;
      if (boxes.some((b) => b.x < box.x + w && box.x < b.x + b.w && b.y < box.y + box.h && box.y < b.y + b.h)) continue;
      if (hitsCircle(box)) continue;
      boxes.push(box);
      const x = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x + w : t.x + w / 2;
      placed.push({ text, x, y: t.y + LABEL_HEIGHT - 2, anchor: t.anchor });
      break;
    }
  }
  return placed;
}

/**
 * @param {Array<{lat: number, lon: number, value: number, title: string, label: string, href: string, type?: string}>} points
 * @param {{label: string, legend: Array<{className: string, label: string}>, valueLabel: string, clusterHref?: (members: object[]) => string}} options
 *   `legend` lists the colour classes drawn (one per type) and what each means; `valueLabel` what circle size counts;
 *   `clusterHref` where marks at one spot (which no zoom splits) are listed.
 * @returns {Promise<HTMLElement>} the map, its controls, legend and scale bar
 */
export async function worldMap(points, options) {
  const shapes = await loadCountries();
  const base = geoMercator().fitExtent(
    [
      [12, 12],
      [WIDTH - 12, HEIGHT - 12],
    ],
    frame(framedPoints(points)),
  );
  const path = geoPath(base);
  // Zoomed out as far as the whole world, whatever the first view frames.
  const world = geoMercator().fitExtent(
    [
      [12, 12],
      [WIDTH - 12, HEIGHT - 12],
    ],
    { type: 'Sphere' },
  );
  const minZoom = Math.min(1, world.scale() / base.scale());
  const projected = points
    .map((p) => {
      const at = base([p.lon, p.lat]);
      return at ? { ...p, bx: at[0], by: at[1] } : null;
    })
    .filter(Boolean);

  const max = Math.max(1, ...points.map((p) => p.value));
  const radius = (value) => MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(Math.min(value, max) / max);

  const map = svg('svg', {
    class: 'world-map',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'group',
    'aria-label': `${options.label}. Arrow keys pan, plus and minus zoom, 0 fits the view.`,
    tabindex: 0,
  });
  const land = svg('g', { class: 'countries' });
  for (const shape of shapes) {
    const d = path(shape);
    if (d) land.append(svg('path', { class: 'country', d }, svg('title', {}, shape.properties?.name ?? '')));
  }
  const marks = svg('g', { class: 'points' });
  const labels = svg('g', { class: 'labels', 'aria-hidden': 'true' });
  const scale = svg('g', { class: 'scale-bar', 'aria-hidden': 'true' });
  map.append(svg('rect', { class: 'sea', x: 0, y: 0, width: WIDTH, height: HEIGHT }), land, marks, labels, scale);

  /** The view: screen = base projection × k + (x, y). */
  const view = { k: 1, x: 0, y: 0 };
  const status = el('p', { class: 'map-status hint', 'aria-live': 'polite' });

  function draw() {
    land.setAttribute('transform', `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`);
    map.dataset.zoom = view.k.toFixed(3);
    map.dataset.pan = `${view.x.toFixed(1)},${view.y.toFixed(1)}`;
    const onScreen = projected.map((p) => ({ ...p, x: p.bx * view.k + view.x, y: p.by * view.k + view.y }));
    const groups = cluster(onScreen, radius);
    marks.replaceChildren();
    let shown = 0;
    for (const g of groups) {
      const r = radius(g.value);
      if (g.x < -r || g.y < -r || g.x > WIDTH + r || g.y > HEIGHT + r) continue;
      shown += g.members.length;
      if (g.members.length === 1) {
        const p = g.members[0];
        marks.append(
          svg(
            'a',
            { href: p.href, class: 'point-link', 'aria-label': p.title, 'data-members': p.href },
            svg(
              'circle',
              {
                class: `point ${p.className ?? ''}`,
                cx: g.x.toFixed(1),
                cy: g.y.toFixed(1),
                r: r.toFixed(1),
                'data-value': p.value,
              },
              svg('title', {}, p.title),
            ),
          ),
        );
      } else {
        // A cluster is at least big enough to hold its count, coloured as most of its marks are.
        const rc = Math.max(r, 9);
        const classes = new Map();
        for (const m of g.members) classes.set(m.className ?? '', (classes.get(m.className ?? '') ?? 0) + 1);
        const dominant = [...classes].sort((a, b) => b[1] - a[1])[0][0];
        const title = `${g.members.length} marks here: ${g.members
          .slice(0, 5)
          .map((m) => m.label)
          .join(', ')}${g.members.length > 5 ? ', …' : ''}.`;
        // Marks at one spot never split, however far in: selecting them opens their list instead.
        const spread = Math.max(...g.members.map((m) => Math.hypot(m.bx - g.members[0].bx, m.by - g.members[0].by)));
        const together = spread * MAX_ZOOM < 2 || view.k >= MAX_ZOOM;
        const listed = together ? options.clusterHref?.(g.members) : null;
        const open = () => (listed ? (location.hash = listed) : zoomAt(Math.min(MAX_ZOOM / view.k, 3), g.x, g.y));
        marks.append(
          svg(
            'g',
            {
              class: 'cluster',
              role: 'button',
              tabindex: 0,
              'aria-label': `${title} ${listed ? 'Select to list them.' : 'Select to zoom in.'}`,
              'data-count': g.members.length,
              'data-members': g.members.map((m) => m.href).join(' '),
              'data-together': together ? 'true' : null,
              onclick: open,
              onkeydown: (event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  event.stopPropagation();
                  open();
                }
              },
            },
            svg(
              'circle',
              { class: `point cluster-mark ${dominant}`, cx: g.x.toFixed(1), cy: g.y.toFixed(1), r: rc.toFixed(1) },
              svg('title', {}, title),
            ),
            svg(
              'text',
              { class: 'cluster-count', x: g.x.toFixed(1), y: (g.y + 4).toFixed(1), 'text-anchor': 'middle' },
              String(g.members.length),
            ),
          ),
        );
      }
    }
    labels.replaceChildren(
      ...placeLabels(groups, (mark) => (mark.members.length > 1 ? Math.max(radius(mark.value), 9) : radius(mark.value))).map((l) =>
        svg('text', { class: 'point-label', x: l.x.toFixed(1), y: l.y.toFixed(1), 'text-anchor': l.anchor }, l.text),
      ),
    );
    drawScale();
    status.textContent = `${shown} of ${projected.length} marks in view · zoom ×${view.k.toFixed(1)}`;
  }

  function drawScale() {
    // Mercator stretches with latitude: the bar is measured at the map's middle.
    const mid = [(WIDTH / 2 - view.x) / view.k, (HEIGHT / 2 - view.y) / view.k];
    const a = base.invert(mid);
    const b = base.invert([mid[0] + 100 / view.k, mid[1]]);
    scale.replaceChildren();
    if (!a || !b) return;
    const kmPer100 = geoDistance(a, b) * EARTH_KM;
    const km = roundDistance(kmPer100 * 1.2);
    const px = (km / kmPer100) * 100;
    const [x0, y0] = [12, HEIGHT - 14];
    scale.append(
      svg('rect', { class: 'scale-back', x: x0 - 6, y: y0 - 18, width: px + 12 + 60, height: 26, rx: 3 }),
      svg('path', { class: 'scale-line', d: `M${x0} ${y0 - 5} V${y0} H${(x0 + px).toFixed(1)} V${y0 - 5}` }),
      svg('text', { class: 'scale-text', x: (x0 + px + 6).toFixed(1), y: y0 }, `${km.toLocaleString('en-US')} km`),
    );
    map.dataset.scaleKm = String(km);
  }

  /** Zooms by `factor` keeping the screen point (cx, cy) where it is. */
  function zoomAt(factor, cx = WIDTH / 2, cy = HEIGHT / 2) {
    const k = Math.min(MAX_ZOOM, Math.max(minZoom, view.k * factor));
    const f = k / view.k;
    view.x = cx - (cx - view.x) * f;
    view.y = cy - (cy - view.y) * f;
    view.k = k;
    draw();
  }
  function panBy(dx, dy) {
    view.x += dx;
    view.y += dy;
    draw();
  }
  function fit() {
    Object.assign(view, { k: 1, x: 0, y: 0 });
    draw();
  }

  /** Screen pixels in the map's own units (the SVG is scaled to its box). */
  const toMap = (event) => {
    const box = map.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * WIDTH, ((event.clientY - box.top) / box.height) * HEIGHT];
  };
  map.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const [x, y] = toMap(event);
      zoomAt(Math.exp(-event.deltaY * 0.002), x, y);
    },
    { passive: false },
  );
  let drag = null;
  map.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { at: toMap(event), moved: false, id: event.pointerId };
  });
  map.addEventListener('pointermove', (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    const at = toMap(event);
    const [dx, dy] = [at[0] - drag.at[0], at[1] - drag.at[1]];
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) map.setPointerCapture(event.pointerId);
    drag.moved = true;
    drag.at = at;
    map.classList.add('dragging');
    panBy(dx, dy);
  });
  const endDrag = (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    // A drag is not a click: the mark under the pointer is not opened when a pan ends on it.
    if (drag.moved) map.addEventListener('click', (e) => e.preventDefault(), { capture: true, once: true });
    drag = null;
    map.classList.remove('dragging');
  };
  map.addEventListener('pointerup', endDrag);
  map.addEventListener('pointercancel', endDrag);
  map.addEventListener('keydown', (event) => {
    if (event.target !== map) return;
    const step = 60;
    const keys = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      '+': () => zoomAt(1.5),
      '=': () => zoomAt(1.5),
      '-': () => zoomAt(1 / 1.5),
      0: fit,
    };
    const act = keys[event.key];
    if (act) {
      event.preventDefault();
      act();
    }
  });

  const button = (label, text, onclick, className) =>
    el('button', { type: 'button', class: `map-button ${className}`, 'aria-label': label, title: label, onclick }, text);
  const controls = el(
    'div',
    { class: 'map-controls', role: 'toolbar', 'aria-label': 'Map view' },
    button('Zoom in', '+', () => zoomAt(1.5), 'zoom-in'),
    button('Zoom out', '−', () => zoomAt(1 / 1.5), 'zoom-out'),
    button('Fit the marks', 'Fit', fit, 'zoom-fit'),
  );
  draw();
  return el('div', { class: 'map-frame' }, el('div', { class: 'map-stage' }, map, controls), legend(options, max, radius), status);
}

/** The legend: a swatch per colour drawn, circles for three sizes, and the cluster mark, each as the map draws it. */
function legend(options, max, radius) {
  const sizes = [...new Set([0, Math.round(max / 4), max])].sort((a, b) => a - b);
  const circle = (value, className) => {
    const r = radius(value);
    const size = 2 * MAX_RADIUS + 2;
    return svg(
      'svg',
      { class: 'legend-mark', width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true' },
      svg('circle', { class: `point ${className}`, cx: size / 2, cy: size / 2, r: r.toFixed(1) }),
    );
  };
  return el(
    'div',
    { class: 'map-legend' },
    el(
      'ul',
      { class: 'legend-types', 'aria-label': 'Colour: type' },
      options.legend.map((item) =>
        el(
          'li',
          {},
          svg(
            'svg',
            { class: 'legend-swatch', width: 14, height: 14, 'aria-hidden': 'true' },
            svg('circle', { class: `point ${item.className}`, cx: 7, cy: 7, r: 6 }),
          ),
          ` ${item.label}`,
        ),
      ),
    ),
    el(
      'ul',
      { class: 'legend-sizes', 'aria-label': `Size: ${options.valueLabel}` },
      el('li', { class: 'legend-title' }, `Size: ${options.valueLabel}`),
      sizes.map((v) => el('li', {}, circle(v, 'legend-size'), ` ${v.toLocaleString('en-US')}`)),
      el(
        'li',
        {},
        circle(1, 'cluster-mark'),
        ' dashed ring: several marks close together (the number), coloured as most of them; select to zoom in or list them',
      ),
    ),
  );
}
