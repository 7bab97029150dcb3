/**
 * @module The timeline: one stacked bar per ISO week (empty weeks included), a series per layer (reports; incidents
 * by type where the store has them), and a marker over each week flagged as escalating.
 */
import { svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 220;
const MARGIN = { top: 30, right: 12, bottom: 34, left: 40 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * @param {Array<Record<string, unknown> & {week: string}>} weeks one row per week, oldest first
 * @param {{series: Array<{key: string, label: string, className: string}>, flags?: Array<{week: string, reason: string}>, unit: string}} options
 * @returns {SVGSVGElement}
 */
export function timelineChart(weeks, options) {
  const { series, unit } = options;
  const flags = new Map((options.flags ?? []).map((f) => [f.week, f.reason]));
  const totals = weeks.map((w) => series.reduce((sum, s) => sum + Number(w[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = innerWidth / Math.max(1, weeks.length);
  const barWidth = Math.max(1, step * 0.8);
  const y = (value) => MARGIN.top + innerHeight - (value / max) * innerHeight;

  const chart = svg('svg', {
    class: 'timeline',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': `${series.map((s) => s.label).join(' and ')} per week, ${weeks.length} weeks`,
  });
  chart.append(
    svg('line', { class: 'axis', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(0), y2: y(0) }),
    svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
    svg('text', { class: 'tick', x: MARGIN.left - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'),
  );

  let lastLabelX = -Infinity;
  weeks.forEach((week, i) => {
    const x = MARGIN.left + i * step + (step - barWidth) / 2;
    let base = 0;
    const group = svg('g', { class: 'week', 'data-week': week.week, 'data-total': totals[i] });
    for (const s of series) {
      const value = Number(week[s.key] ?? 0);
      if (value <= 0) continue;
      group.append(
        svg(
          'rect',
          {
            class: `bar ${s.className}`,
            x: x.toFixed(1),
            y: y(base + value).toFixed(1),
            width: barWidth.toFixed(1),
            height: (y(base) - y(base + value)).toFixed(1),
          },
          svg('title', {}, `Week of ${week.week}: ${value} ${s.label.toLowerCase()}`),
        ),
      );
      base += value;
    }
    const reason = flags.get(week.week);
    if (reason) {
      group.classList.add('flagged');
      group.append(
        svg(
          'path',
          { class: 'flag', d: `M${x + barWidth / 2} ${y(base) - 4} l-5 -9 h10 z` },
          svg('title', {}, `Week of ${week.week}: ${reason}`),
        ),
      );
    }
    const day = new Date(`${week.week}T00:00:00Z`);
    // A label at the first week of each month (and the very first week), so labels never crowd.
    const previous = i > 0 ? new Date(`${weeks[i - 1].week}T00:00:00Z`) : null;
    // A month label only where the last one has room to end (the first week's label may be the month before's).
    if ((!previous || previous.getUTCMonth() !== day.getUTCMonth()) && x - lastLabelX >= 44) {
      lastLabelX = x;
      const label = `${MONTHS[day.getUTCMonth()]}${!previous || day.getUTCMonth() === 0 ? ` ${day.getUTCFullYear()}` : ''}`;
      group.append(svg('text', { class: 'tick', x: x.toFixed(1), y: HEIGHT - MARGIN.bottom + 16 }, label));
    }
    chart.append(group);
  });
  chart.append(svg('text', { class: 'unit', x: MARGIN.left, y: 12 }, unit));
  return chart;
}
