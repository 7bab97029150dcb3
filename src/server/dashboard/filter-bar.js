/**
 * @module The filters every analytic view shares (period, place, country, actor, event type, category, fact status),
 * kept in the address so a view can be shared or bookmarked; the day the whole picture is shown as of (`asOf`); a
 * time control that scrolls the period; and download links that export exactly the filtered records through the API.
 */
import { getJson } from './api-client.js';
import { el, href, pictureDate } from './dom.js';

/** The filters, in the order the bar shows them. */
export const FILTER_KEYS = ['since', 'until', 'place', 'country', 'actor', 'type', 'category', 'status'];

/** Which filters each record family takes: the API refuses the others. */
export const INCIDENT_FILTERS = ['since', 'until', 'place', 'country', 'actor', 'type'];
export const FACT_FILTERS = ['since', 'until', 'place', 'country', 'category', 'status'];
export const TREND_FILTERS = ['since', 'until', 'place', 'country', 'actor', 'type'];

/** The values an enum parameter of an endpoint takes, as the API describes them (so the bar never offers one it refuses). */
export function enumValues(openapi, path, name) {
  return openapi.paths[path]?.get.parameters.find((p) => p.name === name)?.schema.enum ?? [];
}

/** The filters set in `query` (a URLSearchParams), by name; empty ones left out. */
export function filtersOf(query) {
  const filters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** The filters one record family takes. */
export function pick(filters, keys) {
  return Object.fromEntries(Object.entries(filters).filter(([key]) => keys.includes(key)));
}

const DAY = 86_400_000;
const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

/** The period moved by its own length (`direction` -1 earlier, +1 later). */
export function shiftPeriod(since, until, direction) {
  const [start, end] = [Date.parse(since), Date.parse(until)];
  const length = end - start + DAY;
  return { since: isoDay(start + direction * length), until: isoDay(end + direction * length) };
}

/**
 * The filter bar for `route` (['facts'], [] …) over the current `filters`. `span` is the first and last day the
 * store's incidents cover, for the time control; `places` and `actors` are offered as the user types; `types`,
 * `categories` and `statuses` are the values the API takes.
 */
export function filterBar(route, filters, { span, places, actors, types, categories, statuses }) {
  const field = (label, input) => el('label', {}, el('span', { class: 'label' }, label), input);
  const input = (name, props = {}) => el('input', { name, id: `filter-${name}`, value: filters[name] ?? '', ...props });
  const choose = (name, values, any) =>
    el(
      'select',
      { name, id: `filter-${name}` },
      ['', ...values].map((v) => el('option', { value: v, selected: v === (filters[name] ?? '') ? '' : null }, v || any)),
    );
  // The picture's date stays as it is unless `next` sets it (see `href`).
  const go = (next) => {
    location.hash = href(route, next);
  };
  const { asOf = '', asOfBy = '' } = pictureDate();

  const form = el(
    'form',
    {
      class: 'filter-bar',
      'aria-label': 'Filters for every view',
      onsubmit: async (event) => {
        event.preventDefault();
        const next = Object.fromEntries([...new FormData(event.target)].filter(([, v]) => v !== ''));
        // The day known by means nothing without the day.
        if (!next.asOf) delete next.asOfBy;
        go(await resolvePlace({ asOf: '', asOfBy: '', ...next }));
      },
    },
    field('From', input('since', { type: 'date' })),
    field('To', input('until', { type: 'date' })),
    field('Place', input('place', { list: 'known-places', placeholder: 'any spelling', size: 14 })),
    field('Country', input('country', { size: 3, maxlength: 2, placeholder: 'IQ', pattern: '[A-Za-z]{2}' })),
    field('Actor', input('actor', { list: 'known-actors', size: 14 })),
    field('Type', choose('type', types, 'any type')),
    field('Category', choose('category', categories, 'any category')),
    field('Status', choose('status', statuses, 'any status')),
    el(
      'div',
      { class: 'as-of', role: 'group', 'aria-labelledby': 'as-of-label', 'aria-describedby': 'as-of-hint' },
      el('span', { class: 'label', id: 'as-of-label' }, 'Picture as of'),
      el(
        'span',
        { class: 'as-of-inputs' },
        el('input', { name: 'asOf', id: 'filter-asOf', type: 'date', value: asOf, 'aria-label': 'Picture as of this day' }),
        el(
          'select',
          { name: 'asOfBy', id: 'filter-asOfBy', 'aria-label': 'Reports counted' },
          el('option', { value: '', selected: asOfBy === 'ingested' ? null : '' }, 'published by then'),
          el('option', { value: 'ingested', selected: asOfBy === 'ingested' ? '' : null }, 'stored by then'),
        ),
        asOf ? el('button', { type: 'button', class: 'as-of-now', onclick: () => go({ ...filters, asOf: '', asOfBy: '' }) }, 'Now') : null,
      ),
    ),
    el(
      'div',
      { class: 'filter-actions' },
      el('button', { type: 'submit' }, 'Apply'),
      el('button', { type: 'button', onclick: () => go({ asOf: '', asOfBy: '' }) }, 'Clear'),
    ),
    el(
      'datalist',
      { id: 'known-places' },
      places.map((p) => el('option', { value: p.name }, `${p.name}${p.country ? `, ${p.country}` : ''}`)),
    ),
    el(
      'datalist',
      { id: 'known-actors' },
      actors.map((a) => el('option', { value: a })),
    ),
  );
  return el(
    'section',
    { class: 'filters-panel', 'aria-label': 'Filters' },
    form,
    timeControl(filters, span, go),
    el(
      'p',
      { class: 'hint' },
      'Type and actor narrow incidents; category and status narrow facts; period, place and country narrow both. The address keeps the filters: copy it to share this view.',
    ),
    el(
      'p',
      { class: 'hint', id: 'as-of-hint' },
      'Picture as of a day: every view shows only the reports published (or stored) by the end of that day, as sitrep knew it then. Empty: now.',
    ),
    downloads(filters),
  );
}

/** A place typed in any spelling the store knows, read as the place's stored name, with its country when none is set. */
async function resolvePlace(filters) {
  if (!filters.place) return filters;
  const { places } = await getJson('places', { q: filters.place, limit: 5 });
  const exact = places.find((p) => p.place.name.toLowerCase() === filters.place.toLowerCase());
  const found = exact ?? places[0];
  if (!found) return filters;
  return { ...filters, place: found.place.name, ...(filters.country || !found.place.country ? {} : { country: found.place.country }) };
}

/**
 * Scrolls the period: earlier and later by its own length, and a slider over the weeks the incidents cover that moves
 * the period's start (four weeks when none is set).
 */
function timeControl(filters, span, go) {
  if (!span) return null;
  const [first, last] = [Date.parse(span.first), Date.parse(span.last)];
  const weeks = Math.max(1, Math.ceil((last - first) / (7 * DAY)));
  const since = filters.since ?? null;
  const until = filters.until ?? null;
  const length = since && until ? Date.parse(until) - Date.parse(since) : 27 * DAY;
  const at = since ? Math.round((Date.parse(since) - first) / (7 * DAY)) : weeks;
  const setWindow = (start) => go({ ...filters, since: isoDay(start), until: isoDay(start + length) });
  const slider = el('input', {
    type: 'range',
    id: 'period-slider',
    min: 0,
    max: weeks,
    step: 1,
    value: Math.min(weeks, Math.max(0, at)),
    'aria-valuetext': since ? `from ${since}` : 'the whole period',
    onchange: (event) => setWindow(first + Number(event.target.value) * 7 * DAY),
  });
  const step = (direction) => {
    if (since && until) go({ ...filters, ...shiftPeriod(since, until, direction) });
    else setWindow(direction < 0 ? last - length : first);
  };
  return el(
    'div',
    { class: 'time-control', role: 'group', 'aria-label': 'Scroll the period' },
    el('button', { type: 'button', class: 'period-earlier', onclick: () => step(-1) }, '◀ Earlier'),
    el('label', { for: 'period-slider', class: 'label' }, `Period start (${span.first} to ${span.last})`),
    slider,
    el('button', { type: 'button', class: 'period-later', onclick: () => step(1) }, 'Later ▶'),
    el('span', { class: 'period-shown' }, since || until ? `${since ?? 'start'} – ${until ?? 'now'}` : 'the whole period'),
  );
}

/** Links that download the filtered incidents and facts through the API. */
function downloads(filters) {
  const url = (what, format, keys) => {
    const params = new URLSearchParams({ format, ...pick(filters, keys), ...pictureDate() });
    return `/api/export/${what}?${params}`;
  };
  const item = (what, format, label, keys) =>
    el('a', { href: url(what, format, keys), download: '', class: `download ${what}-${format}`, 'data-format': format }, label);
  return el(
    'p',
    { class: 'downloads' },
    el('span', { class: 'label' }, 'Download the filtered incidents: '),
    item('incidents', 'csv', 'CSV', INCIDENT_FILTERS),
    ' ',
    item('incidents', 'geojson', 'GeoJSON', INCIDENT_FILTERS),
    ' ',
    item('incidents', 'jsonl', 'JSONL', INCIDENT_FILTERS),
    ' ',
    item('incidents', 'acled', 'ACLED-like CSV', INCIDENT_FILTERS),
    el('span', { class: 'label' }, ' · facts: '),
    item('facts', 'csv', 'CSV', FACT_FILTERS),
    ' ',
    item('facts', 'jsonl', 'JSONL', FACT_FILTERS),
  );
}
