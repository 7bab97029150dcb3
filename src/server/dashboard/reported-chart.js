/**
 * @module Running totals as reports give them ("23 attacks by 30 October", "at least 134 by the end of December"),
 * plotted as points at the day each runs to, one line per category and place: reported figures, never added to the
 * counted incidents.
 */
import { svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 200;
const MARGIN = { top: 16, right: 16, bottom: 30, left: 48 };
const DAY = 86_400_000;

/**
 * @param {Array<{factId: string, category: string, noun: string | null, value: {low: number, high: number | null, qualifier: string}, asOf: string, place: string | null}>} reported
 * @returns {SVGSVGElement}
 */
export function reportedChart(reported) {
  const points = reported.filter((r) => Number.isFinite(r.value.low) && !Number.isNaN(Date.parse(r.asOf)));
  const times = points.map((r) => Date.parse(r.asOf));
  const first = Math.min(...times);
  const last = Math.max(...times, first + 7 * DAY);
  const max = Math.max(1, ...points.map((r) => r.value.low));
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (time) => MARGIN.left + ((time - first) / (last - first)) * innerWidth;
  const y = (value) => MARGIN.top + innerHeight - (value / max) * innerHeight;

  const chart = svg('svg', {
    class: 'reported-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `${points.length} running totals as reported`,
  });
  chart.append(
    svg('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }),
    svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
    svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'),
    svg('text', { class: 'tick', x: MARGIN.left, y: HEIGHT - 8 }, new Date(first).toISOString().slice(0, 10)),
    svg('text', { class: 'tick', x: WIDTH - MARGIN.right, y: HEIGHT - 8, 'text-anchor': 'end' }, new Date(last).toISOString().slice(0, 10)),
  );
  // One line per category and place: a growing count reads as a rising line of reported figures.
  const lines = new Map();
  for (const r of points) {
    const key = `${r.category} ${r.place ?? ''}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  for (const [key, items] of lines) {
    const sorted = items.sort((a, b) => a.asOf.localeCompare(b.asOf));
    if (sorted.length > 1) {
      chart.append(
        svg('polyline', { class: 'reported-line', points: sorted.map((r) => `${x(Date.parse(r.asOf))},${y(r.value.low)}`).join(' ') }),
      );
    }
    for (const r of sorted) {
      const label = `${r.value.qualifier === 'exact' ? '' : `${r.value.qualifier} `}${r.value.low} ${r.noun ?? r.category}${r.place ? ` in ${r.place}` : ''} by ${r.asOf}`;
      chart.append(
        svg(
          'circle',
          { class: 'reported-point', cx: x(Date.parse(r.asOf)), cy: y(r.value.low), r: 4, 'data-fact': r.factId, 'data-series': key },
          svg('title', {}, label),
        ),
      );
    }
  }
  return chart;
}
