/**
 * @module The dashboard's entry: a router over the URL fragment (`#/documents/ID?span=3-9`), the overview (timeline,
 * map, sources, latest reports), the document list and search. Each view reads the API afresh when shown, so a
 * refresh shows what another process has stored since; an alert streamed from the server redraws the view it
 * concerns in place. A day set in the address (`asOf`) shows every view as the reports published by then tell it.
 */
import { followAlerts } from './alert-feed.js';
import { getJson } from './api-client.js';
import { renderDocument } from './document-view.js';
import { el, errorBox, formatCount, formatPublished, href, link, pictureDate, replace } from './dom.js';
import { factsTable, formatValue, renderFact, renderFacts, statusBadge } from './fact-views.js';
import { enumValues, FACT_FILTERS, filterBar, filtersOf, INCIDENT_FILTERS, pick, TREND_FILTERS } from './filter-bar.js';
import { incidentList, incidentSummary, renderIncident, renderIncidents } from './incident-views.js';
import { reportedChart } from './reported-chart.js';
import { timelineChart } from './timeline-chart.js';
import { worldMap } from './world-map.js';

const view = document.getElementById('view');
const stateLine = document.getElementById('store-state');
const nav = document.getElementById('nav');
const filtersSlot = document.getElementById('filters');
/** Views the shared filters apply to. */
const FILTERED = new Set(['', 'facts', 'incidents']);
/** What the filter bar offers (places, actors, the period incidents cover): read once per day shown, again on Refresh. */
let choices = null;
/** The day `choices` were read as of ('' for the present). */
let choicesAsOf = '';
const PAGE = 50;

/** Views by the first part of the route. */
const ROUTES = {
  '': renderOverview,
  facts: (rest, query) => (rest.length > 0 ? renderFact(view, rest.join('/')) : renderFacts(view, query, pager, filtersOf(query))),
  incidents: (rest, query) =>
    rest.length > 0 ? renderIncident(view, rest.join('/')) : renderIncidents(view, query, pager, filtersOf(query)),
  documents: (rest, query) => (rest.length > 0 ? renderDocument(view, rest.join('/'), query) : renderDocuments(query)),
  search: (_rest, query) => renderSearch(query),
};

const NAV = [
  ['', 'Overview'],
  ['facts', 'Facts'],
  ['incidents', 'Incidents'],
  ['documents', 'Documents'],
];

/** Event types drawn in their own colour on the timeline and map; the rest share one. */
const TYPE_COLOURS = ['ASSAULT', 'MOBILIZE', 'COERCE', 'THREATEN', 'ACCUSE', 'DEATH'];

/** The colour class of an event type: its own for the types in `TYPE_COLOURS`, one shared class for the rest. */
function typeClass(type) {
  return `type-${TYPE_COLOURS.includes(type) ? type : 'other'}`;
}

/** Legend entries for the types drawn, in `TYPE_COLOURS` order, the shared colour last with the types it stands for. */
function typeLegend(types) {
  const present = new Set(types);
  const own = TYPE_COLOURS.filter((t) => present.has(t)).map((t) => ({ className: `type-${t}`, label: t }));
  const others = [...present].filter((t) => !TYPE_COLOURS.includes(t)).sort();
  return others.length > 0 ? [...own, { className: 'type-other', label: `other: ${others.join(', ')}` }] : own;
}

/** The store's status when the current view was drawn. */
let shownStatus = null;

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, search] = hash.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(search ?? '') };
}

/**
 * Draws the view the address names. `quiet` redraws it in place (an alert came in): no "Loading" in between, and
 * the filter bar, which the user may be typing in, is left as it is.
 */
async function render({ quiet = false } = {}) {
  const { parts, query } = parseRoute();
  const [head = '', ...rest] = parts;
  const route = ROUTES[head];
  const filters = filtersOf(query);
  const asOf = pictureDate().asOf ?? '';
  if (asOf !== choicesAsOf) {
    choices = null;
    choicesAsOf = asOf;
  }
  if (quiet) {
    if (!route) return;
    await updateState();
    try {
      await route(rest, query);
    } catch (error) {
      view.append(errorBox(error));
    }
    return;
  }
  replace(
    nav,
    NAV.map(([name, label]) =>
      el(
        'a',
        {
          // The filters go with the user from view to view.
          href: href(name ? [name] : [], FILTERED.has(name) ? filters : {}),
          class: name === head ? 'current' : null,
          'aria-current': name === head ? 'page' : null,
        },
        label,
      ),
    ),
  );
  // Tests and scripts wait on this flag: it is up only while the view drawn matches the address.
  delete view.dataset.ready;
  replace(view, el('p', { class: 'loading' }, 'Loading…'));
  if (head !== 'search') document.querySelector('#search input[name=q]').value = '';
  await updateState();
  if (FILTERED.has(head) && rest.length === 0) {
    try {
      choices ??= await filterChoices();
      replace(filtersSlot, filterBar(head ? [head] : [], filters, choices));
    } catch (error) {
      replace(filtersSlot, errorBox(error));
    }
  } else replace(filtersSlot);
  if (!route) {
    replace(view, el('h1', {}, 'Not found'), el('p', {}, 'No view here. '), link('#/', 'Back to the overview'));
    return;
  }
  try {
    await route(rest, query);
  } catch (error) {
    view.append(errorBox(error));
  }
  view.dataset.ready = 'true';
}

async function updateState() {
  try {
    const status = await getJson('status');
    const { asOf, asOfBy } = pictureDate();
    shownStatus = status;
    const c = status.counts;
    replace(
      stateLine,
      `${formatCount(c.stored)} reports stored`,
      c.duplicate ? `, ${formatCount(c.duplicate)} duplicates` : '',
      c.skipped ? `, ${formatCount(c.skipped)} skipped` : '',
      status.state.latestIngestedAt ? ` · last stored ${status.state.latestIngestedAt.replace('T', ' ').slice(0, 19)} UTC` : '',
      ` · ${status.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
      asOf
        ? [
            ' · ',
            el(
              'strong',
              { class: 'as-of-shown' },
              `As of ${asOf}: only reports ${asOfBy === 'ingested' ? 'stored' : 'published'} by the end of that day`,
            ),
            ' ',
            el('button', { type: 'button', class: 'linkish as-of-clear', onclick: backToPresent }, 'Back to the present'),
          ]
        : null,
    );
  } catch (error) {
    replace(stateLine, errorBox(error));
  }
}

/** The same view, of the store as it is now. */
function backToPresent() {
  const { parts, query } = parseRoute();
  location.hash = href(parts, { ...Object.fromEntries(query), asOf: '', asOfBy: '' });
}

/** Tells the user when another process has stored reports since this view was drawn. */
async function watchForNewReports() {
  // A past day's picture does not grow: only the present is watched.
  if (pictureDate().asOf) return;
  try {
    const status = await getJson('status');
    if (shownStatus && status.state.latestSeq > shownStatus.state.latestSeq && !stateLine.querySelector('.news')) {
      stateLine.append(
        ' · ',
        el('button', { type: 'button', class: 'news linkish', onclick: () => render() }, 'New reports stored: refresh'),
      );
    }
  } catch {
    // The server may be restarting; the next poll will tell.
  }
}

/** The places, actors and period the filter bar offers, from the whole store. */
async function filterChoices() {
  const [places, incidents, openapi] = await Promise.all([
    getJson('places', { limit: 500 }),
    getJson('incidents', { limit: 500 }),
    getJson('openapi.json'),
  ]);
  const actors = new Map();
  for (const i of incidents.items) for (const a of [...i.initiator, ...i.target]) actors.set(a.name, (actors.get(a.name) ?? 0) + 1);
  const days = incidents.items.flatMap((i) => (i.date ? [i.date.start, i.date.end] : [])).sort();
  return {
    places: places.places.filter((p) => !p.place.metonymic).map((p) => p.place),
    actors: [...actors].sort((a, b) => b[1] - a[1]).map(([name]) => name),
    span: days.length > 0 ? { first: days[0], last: days.at(-1) } : null,
    types: enumValues(openapi, '/api/incidents', 'type'),
    categories: enumValues(openapi, '/api/facts', 'category'),
    statuses: enumValues(openapi, '/api/facts', 'status'),
  };
}

/** The route's query as it is now. */
function currentQuery() {
  return parseRoute().query;
}

function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', {}, title), ...children);
}

async function renderOverview() {
  // The newest ten stored reports, newest first (a deep offset would read every report before them).
  const filters = filtersOf(currentQuery());
  const period = pick(filters, ['since', 'until']);
  const [timeline, trends, places, sources, newest, facts, incidents] = await Promise.all([
    getJson('timeline', period),
    getJson('trends', pick(filters, TREND_FILTERS)),
    getJson('places', { ...pick(filters, ['since', 'until', 'country']), limit: 300 }),
    getJson('sources', period),
    getJson('documents', { status: 'stored', order: 'newest', limit: 10 }),
    getJson('facts', { ...pick(filters, FACT_FILTERS), ...(Object.keys(filters).length > 0 ? {} : { minSources: 2 }), limit: 15 }),
    getJson('incidents', { ...pick(filters, INCIDENT_FILTERS), limit: 500 }),
  ]);

  const types = [...new Set(trends.weeks.flatMap((w) => Object.keys(w.byType)))].sort(
    (a, b) => TYPE_COLOURS.indexOf(b) - TYPE_COLOURS.indexOf(a) || a.localeCompare(b),
  );
  const incidentWeeks = trends.weeks.map((w) => ({ week: w.week, ...w.byType }));
  const timelinePanel = section(
    'Timeline',
    trends.weeks.length === 0
      ? el('p', { class: 'hint' }, 'No dated incidents yet.')
      : timelineChart(incidentWeeks, {
          series: types.map((t) => ({ key: t, label: `${t} incidents`, className: `type-${TYPE_COLOURS.includes(t) ? t : 'other'}` })),
          unit: 'incidents per week, by type',
          flags: trends.weeks.filter((w) => w.flag).map((w) => ({ week: w.week, reason: w.flag })),
        }),
    el(
      'ul',
      { class: 'legend inline' },
      typeLegend(types).map((item) => el('li', {}, el('span', { class: `swatch ${item.className}` }), ` ${item.label}`)),
    ),
    trends.outside > 0
      ? el('p', { class: 'hint' }, `${trends.outside} incidents dated long before the first report are left off the chart.`)
      : null,
    timeline.weeks.length === 0
      ? null
      : timelineChart(timeline.weeks, { series: [{ key: 'documents', label: 'Reports', className: 'reports' }], unit: 'reports per week' }),
    trends.reported.length === 0
      ? null
      : [
          el('h3', {}, 'Running totals as reported'),
          el('p', { class: 'hint' }, 'Figures reports give for a period, shown as reported: not added to the counted incidents.'),
          // One chart per category: attacks and people killed never share an axis.
          [...Map.groupBy(trends.reported, (r) => r.category)].map(([category, totals]) => [
            el('h4', { class: 'chart-title' }, category),
            reportedChart(totals),
            el(
              'ul',
              { class: 'reported' },
              totals.map((r) =>
                el(
                  'li',
                  {},
                  link(href(['facts', r.factId]), `${formatValue(r.value)} ${r.noun ?? r.category}`),
                  ` ${r.place ? `in ${r.place} ` : ''}from ${r.from} to ${r.asOf} `,
                  statusBadge(r.status),
                ),
              ),
            ),
          ]),
        ],
  );
  timelinePanel.id = 'timeline';
  const mapPanel = section('Map');
  mapPanel.id = 'map';
  replace(
    view,
    el('h1', {}, 'Overview'),
    el('div', { class: 'grid' }, timelinePanel, mapPanel),
    el(
      'div',
      { class: 'grid' },
      section(
        'Key figures',
        facts.items.length === 0 ? el('p', { class: 'hint' }, 'No figure matches (or has two sources yet).') : factsTable(facts.items),
        link(href(['facts'], filters), 'All facts'),
      ),
      section('Latest incidents', incidentList(incidents.items.slice(0, 10)), link(href(['incidents'], filters), 'All incidents')),
    ),
    el(
      'div',
      { class: 'grid' },
      section(
        'Sources',
        el(
          'table',
          { class: 'sources' },
          el('thead', {}, el('tr', {}, el('th', {}, 'Source'), el('th', { class: 'num' }, 'Reports'), el('th', {}, 'Period'))),
          el(
            'tbody',
            {},
            sources.sources.map((s) =>
              el(
                'tr',
                {},
                el('td', {}, s.source ? link(href(['documents'], { source: s.source }), s.source) : 'unnamed'),
                el('td', { class: 'num' }, formatCount(s.documents)),
                el('td', {}, s.first ? `${s.first} – ${s.last}` : 'undated'),
              ),
            ),
          ),
        ),
      ),
      section('Latest reports', documentList(newest.items), link('#/documents', 'All documents')),
    ),
  );
  try {
    mapPanel.append(...(await overviewMap(incidents.items, places.places)));
  } catch (error) {
    mapPanel.append(errorBox(error));
  }
}

/**
 * Incidents placed more precisely than a country, sized by casualties (killed and injured, best estimates); with
 * none, the places the reports mention, sized by reports.
 */
async function overviewMap(incidents, places) {
  // Countries and wider regions (precision 5 and 6) say where a report is about, not where something happened.
  if (incidents.length === 0 && Object.keys(filtersOf(currentQuery())).length > 0)
    return [el('p', { class: 'hint' }, 'No incident matches the filters.')];
  const placed = incidents.filter((i) => i.place && i.place.precision <= 4);
  if (placed.length > 0) {
    const points = placed.map((i) => {
      const casualties = (i.killed?.best ?? 0) + (i.injured?.best ?? 0);
      return {
        lat: i.place.lat,
        lon: i.place.lon,
        value: casualties,
        label: i.place.name,
        title: `${i.date ? i.date.start : 'undated'}: ${incidentSummary(i)}`,
        href: href(['incidents', i.id]),
        className: `incident ${typeClass(i.type)}`,
      };
    });
    return [
      el('p', { class: 'hint' }, `${placed.length} incidents placed. Select a circle to open its incident.`),
      await worldMap(points, {
        label: `Map of ${points.length} incidents`,
        legend: typeLegend(placed.map((i) => i.type)),
        valueLabel: 'people killed and injured',
        clusterHref: (members) => href(['incidents'], { ...filtersOf(currentQuery()), place: members[0].label }),
      }),
      placed.length < incidents.length
        ? el(
            'p',
            { class: 'hint' },
            `${incidents.length - placed.length} incidents placed only at country level or not at all are not drawn.`,
          )
        : null,
    ];
  }
  const points = places
    .filter((p) => p.place.precision <= 4 && Number.isFinite(p.place.lat) && Number.isFinite(p.place.lon))
    .map((p) => ({
      lat: p.place.lat,
      lon: p.place.lon,
      value: p.documents,
      label: p.place.name,
      title: `${p.place.name}${p.place.country ? `, ${p.place.country}` : ''}: ${p.documents} reports, ${p.mentions} mentions`,
      href: href(['search'], { q: p.place.name }),
      className: 'place',
    }));
  return [
    el(
      'p',
      { class: 'hint' },
      'No incidents placed yet: towns, sites and provinces the reports mention; circle area by reports. Select one to search for it.',
    ),
    await worldMap(points, {
      label: `Map of ${points.length} places mentioned in reports`,
      legend: [{ className: 'place', label: 'a place the reports mention' }],
      valueLabel: 'reports',
    }),
  ];
}

function documentList(documents) {
  return el(
    'ul',
    { class: 'documents' },
    documents.map((d) =>
      el(
        'li',
        { 'data-id': d.id },
        link(href(['documents', d.id]), d.title ?? d.externalId),
        el(
          'span',
          { class: 'meta' },
          ` ${d.source ?? 'unknown source'} · ${formatPublished(d.published)}${d.status === 'stored' ? '' : ` · ${d.status}`}`,
        ),
      ),
    ),
  );
}

function pager(route, query, page) {
  const at = (offset) => href(route, { ...Object.fromEntries(query), offset });
  return el(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    page.offset > 0 ? link(at(Math.max(0, page.offset - page.limit)), '‹ Previous') : null,
    el('span', {}, ` ${formatCount(page.offset + 1)}–${formatCount(page.offset + page.items.length)} `),
    page.nextOffset !== null ? link(at(page.nextOffset), 'Next ›') : null,
  );
}

async function renderDocuments(query) {
  const filters = Object.fromEntries(['status', 'source', 'since', 'until'].map((k) => [k, query.get(k) ?? '']));
  const page = await getJson('documents', { ...filters, limit: PAGE, offset: query.get('offset') ?? 0 });
  const form = el(
    'form',
    {
      class: 'filters',
      onsubmit: (event) => {
        event.preventDefault();
        location.hash = href(['documents'], Object.fromEntries(new FormData(event.target)));
      },
    },
    el('label', {}, 'Source ', el('input', { name: 'source', value: filters.source })),
    el(
      'label',
      {},
      'Status ',
      el(
        'select',
        { name: 'status' },
        ['', 'stored', 'duplicate', 'skipped'].map((s) =>
          el('option', { value: s, selected: s === filters.status ? '' : null }, s || 'any'),
        ),
      ),
    ),
    el('label', {}, 'Since ', el('input', { name: 'since', type: 'date', value: filters.since })),
    el('label', {}, 'Until ', el('input', { name: 'until', type: 'date', value: filters.until })),
    el('button', { type: 'submit' }, 'Filter'),
  );
  replace(
    view,
    el('h1', {}, 'Documents'),
    form,
    page.items.length === 0 ? el('p', { class: 'hint' }, 'No documents match.') : documentList(page.items),
    pager(['documents'], query, page),
  );
}

function snippet(s) {
  const out = el('p', { class: 'snippet' });
  let at = 0;
  for (const [start, end] of s.marks) {
    out.append(s.text.slice(at, start), el('mark', {}, s.text.slice(start, end)));
    at = end;
  }
  out.append(s.text.slice(at));
  return out;
}

async function renderSearch(query) {
  const q = query.get('q') ?? '';
  document.querySelector('#search input[name=q]').value = q;
  if (!q.trim()) {
    replace(view, el('h1', {}, 'Search'), el('p', { class: 'hint' }, 'Type words to find in titles and texts.'));
    return;
  }
  const page = await getJson('search', { q, limit: PAGE, offset: query.get('offset') ?? 0 });
  replace(
    view,
    el('h1', {}, `Search: ${q}`),
    page.items.length === 0
      ? el('p', { class: 'hint' }, 'No report holds all these words.')
      : el(
          'ol',
          { class: 'hits' },
          page.items.map((hit) =>
            el(
              'li',
              { 'data-id': hit.document.id },
              link(href(['documents', hit.document.id]), hit.document.title ?? hit.document.externalId),
              el('span', { class: 'meta' }, ` ${hit.document.source ?? 'unknown source'} · ${formatPublished(hit.document.published)}`),
              snippet(hit.snippet),
            ),
          ),
        ),
    pager(['search'], query, page),
  );
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = new FormData(event.target).get('q');
  location.hash = href(['search'], { q });
});
// The routes live in the fragment, so a skip link (#view) would be a route: the skip is a button that moves focus.
document.getElementById('skip').addEventListener('click', () => view.focus());
document.getElementById('refresh').addEventListener('click', () => {
  choices = null;
  render();
});
window.addEventListener('hashchange', () => render());
setInterval(watchForNewReports, 15_000);
render();
followAlerts(document.getElementById('alerts'), redrawFor).catch(() => {});

/** Whether an alert changes what the current view shows: the lists and the overview, or the very incident or fact. */
function concerns(alert) {
  const [head = '', ...rest] = parseRoute().parts;
  if (rest.length === 0) return FILTERED.has(head) || head === 'documents';
  return (head === 'incidents' || head === 'facts') && rest.join('/') === alert.subject?.id;
}

let redrawTimer = null;
let redrawing = null;
/** Redraws the current view in place when an alert concerns it; alerts arriving together make one redraw. */
function redrawFor(alert) {
  if (!concerns(alert)) return;
  clearTimeout(redrawTimer);
  redrawTimer = setTimeout(async () => {
    await redrawing;
    // New incidents bring new places and actors: the filter bar offers them the next time it is drawn.
    choices = null;
    redrawing = render({ quiet: true });
    await redrawing;
    view.dataset.redrawn = String(Number(view.dataset.redrawn ?? 0) + 1);
  }, 250);
}
