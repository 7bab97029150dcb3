/**
 * @module Incidents in the dashboard: the list in time order, and one incident with its fused date, place, actors
 * and casualties and every report's telling of it, each linking to the sentence it came from.
 */
import { getJson } from './api-client.js';
import { el, errorBox, href, link, replace } from './dom.js';
import { factsTable, statusBadge } from './fact-views.js';
import { INCIDENT_FILTERS, pick } from './filter-bar.js';

/** What each fusing rule means (from `src/report/casualty-evidence.ts`, where the rules are explained for the report). */
const FUSE_RULES = {
  'fuse/single-report': 'one report gives a figure: its figure',
  'fuse/most-reports': 'the figure most independent reports give (copies of one wire story count once)',
  'fuse/largest-tied': 'reports split evenly: the largest figure, as tolls grow and partial counts fall short',
};

/** A link to the document with `span` highlighted; a sentence from the headline opens the document plain. */
export function sentenceLink(documentId, field, span, text) {
  return link(href(['documents', documentId], field === 'title' ? {} : { span: `${span.start}-${span.end}` }), text);
}

export function formatDate(date) {
  if (!date) return 'undated';
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}

/** "3 killed (2–4)", or null when no report gives a figure. */
export function formatToll(count, what) {
  if (!count) return null;
  const spread = count.low !== count.best || count.high !== count.best ? ` (${count.low}–${count.high ?? '?'})` : '';
  return `${count.best} ${what}${spread}`;
}

function actors(list) {
  return list.length > 0 ? list.map((a) => a.name).join(', ') : 'not named';
}

/** The kinds of responsibility, in the order shown: the incident's field and how a statement of it reads. */
const RESPONSIBILITY = [
  ['claimedBy', 'Claimed by', 'claim'],
  ['blamedOn', 'Blamed on', 'blame'],
  ['deniedBy', 'Denied by', 'denial'],
];

/** "Kata'ib Hezbollah (by Department of Defense), Hamas": who, and who says so where someone else does. */
function responsible(list) {
  return list.map((r) => (r.by ? `${r.actor.name} (by ${r.by.name})` : r.actor.name)).join(', ');
}

/** One line for an incident: type and modes, place, who against whom, who claims it, toll. */
export function incidentSummary(incident) {
  const toll = [formatToll(incident.killed, 'killed'), formatToll(incident.injured, 'injured')].filter(Boolean).join(', ');
  const claimed = incident.claimedBy?.length > 0 ? `; claimed by ${responsible(incident.claimedBy)}` : '';
  return `${incident.type}${incident.modes.length > 0 ? ` (${incident.modes.join(', ')})` : ''} at ${incident.place?.name ?? 'an unknown place'}: ${actors(incident.initiator)} against ${actors(incident.target)}${claimed}${toll ? `; ${toll}` : ''}`;
}

/**
 * Who claims the incident, who is blamed and by whom, who denies it: each statement with the sentence that makes it,
 * linked to that sentence in its report. Nothing where no report says any of it.
 */
function responsibilitySection(events) {
  const items = events.flatMap((event) =>
    RESPONSIBILITY.flatMap(([field, , kind]) =>
      (event[field] ?? []).map((r) =>
        el(
          'li',
          { 'data-kind': kind, 'data-event': event.id },
          el('strong', {}, `${kind}: ${r.actor.name}`),
          r.by ? el('span', { class: 'meta' }, ` by ${r.by.name}`) : null,
          ' · ',
          sentenceLink(event.document.id, event.field, r.span, event.document.title ?? event.document.externalId),
          el('blockquote', { class: 'telling' }, r.text),
          el('div', { class: 'meta' }, r.rule),
        ),
      ),
    ),
  );
  if (items.length === 0) return null;
  return [el('h2', { id: 'responsibility' }, 'Who claims, blames and denies it'), el('ol', { class: 'responsibility' }, items)];
}

export function incidentList(incidents) {
  return el(
    'ol',
    { class: 'incidents' },
    incidents.map((incident) =>
      el(
        'li',
        { 'data-id': incident.id },
        el('span', { class: 'date' }, formatDate(incident.date)),
        ' ',
        link(href(['incidents', incident.id]), incidentSummary(incident)),
        el(
          'span',
          { class: 'meta' },
          ` · ${incident.sourceCount} source${incident.sourceCount === 1 ? '' : 's'}${incident.aggregate ? ' · a tally of many' : ''}`,
        ),
      ),
    ),
  );
}

export async function renderIncidents(view, query, pager, filters) {
  const page = await getJson('incidents', { ...pick(filters, INCIDENT_FILTERS), limit: 50, offset: query.get('offset') ?? 0 });
  replace(
    view,
    el('h1', {}, 'Incidents'),
    el('p', { class: 'hint' }, 'Each incident joins what several reports say about one happening; latest first.'),
    page.items.length === 0 ? el('p', { class: 'hint' }, 'No incidents match.') : incidentList(page.items),
    pager(['incidents'], query, page),
  );
}

/** The casualty figures: each fused figure with its rule, then each report's figure with its sentence. */
function casualtySection(incident, events, facts) {
  const status = new Map(facts.map((f) => [f.id, f.status]));
  const rows = events.flatMap((event) => (event.casualties ?? []).map((c) => ({ event, c })));
  const fused = ['killed', 'injured']
    .filter((what) => incident[what])
    .map((what) =>
      el(
        'li',
        { 'data-figure': what },
        el('strong', {}, formatToll(incident[what], what)),
        ' — ',
        FUSE_RULES[incident[what].rule] ?? 'fused from the reports',
        el('span', { class: 'meta' }, ` [${incident[what].rule}]`),
      ),
    );
  return [
    el('h2', { id: 'casualties' }, 'Casualties'),
    fused.length === 0 ? el('p', { class: 'hint' }, 'No report gives a figure.') : el('ul', { class: 'fused' }, fused),
    rows.length === 0
      ? null
      : el(
          'table',
          { class: 'casualties' },
          el('caption', {}, 'Each report’s figure and the sentence it was read from'),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              el('th', { scope: 'col' }, 'Figure'),
              el('th', { scope: 'col' }, 'Source'),
              el('th', { scope: 'col' }, 'Published'),
              el('th', { scope: 'col' }, 'Who says so'),
              el('th', { scope: 'col' }, 'Sentence'),
              el('th', { scope: 'col' }, 'Fact'),
            ),
          ),
          el(
            'tbody',
            {},
            rows.map(({ event, c }) =>
              el(
                'tr',
                { 'data-event': event.id, 'data-what': c.what },
                el('td', { class: 'num' }, formatToll({ low: c.value.low, best: c.value.low, high: c.value.high }, c.what)),
                el(
                  'td',
                  {},
                  event.document.source ?? 'unknown source',
                  el('br'),
                  el('span', { class: 'meta' }, event.document.title ?? event.document.externalId),
                ),
                el('td', {}, event.document.published ?? 'undated'),
                el('td', {}, c.attribution ? `${c.attribution.text} (${c.attribution.kind})` : 'not said'),
                el('td', { class: 'sentence' }, sentenceLink(event.document.id, c.field, c.span, c.text)),
                el(
                  'td',
                  {},
                  c.factId
                    ? [status.has(c.factId) ? statusBadge(status.get(c.factId)) : null, ' ', link(href(['facts', c.factId]), 'ledger')]
                    : el('span', { class: 'meta' }, 'no fact'),
                ),
              ),
            ),
          ),
        ),
  ];
}

export async function renderIncident(view, id) {
  let detail;
  try {
    detail = await getJson(`incidents/${encodeURIComponent(id)}`);
  } catch (error) {
    replace(view, el('h1', {}, 'Incident'), errorBox(error));
    return;
  }
  const { incident, events, facts = [] } = detail;
  const toll = [formatToll(incident.killed, 'killed'), formatToll(incident.injured, 'injured')].filter(Boolean);
  replace(
    view,
    el('p', { class: 'crumbs' }, link('#/incidents', 'Incidents'), ' › ', incident.id),
    el('h1', {}, `${incident.type} · ${incident.place?.name ?? 'unknown place'} · ${formatDate(incident.date)}`),
    el(
      'dl',
      { class: 'meta-list' },
      el('dt', {}, 'How'),
      el('dd', {}, incident.modes.join(', ') || 'not said'),
      el('dt', {}, 'By'),
      el('dd', {}, actors(incident.initiator)),
      el('dt', {}, 'Against'),
      el('dd', {}, actors(incident.target)),
      RESPONSIBILITY.filter(([field]) => incident[field]?.length > 0).map(([field, label]) => [
        el('dt', {}, label),
        el('dd', { 'data-responsibility': field }, responsible(incident[field])),
      ]),
      el('dt', {}, 'Place'),
      el(
        'dd',
        {},
        incident.place ? `${[incident.place.name, incident.place.admin1, incident.place.country].filter(Boolean).join(', ')}` : 'unknown',
      ),
      el('dt', {}, 'Casualties'),
      el(
        'dd',
        {},
        toll.length > 0
          ? el(
              'button',
              // The address is the route (#/incidents/ID): a fragment link would leave the view, so this scrolls.
              { type: 'button', class: 'linkish', onclick: () => view.querySelector('#casualties')?.scrollIntoView({ block: 'start' }) },
              toll.join('; '),
            )
          : 'no figure given',
      ),
      el('dt', {}, 'Sources'),
      el('dd', {}, `${incident.sourceCount} independent: ${incident.sources.join(', ') || 'unnamed'}`),
      el('dt', {}, 'Reports'),
      el(
        'dd',
        {},
        incident.documents.map((d, i) => [i > 0 ? ', ' : '', link(href(['documents', d.id]), d.title ?? d.externalId)]),
      ),
    ),
    responsibilitySection(events),
    casualtySection(incident, events, facts),
    facts.length === 0
      ? null
      : [
          el('h2', {}, 'Figures across reports'),
          el('p', { class: 'hint' }, 'The facts these casualty figures joined; select a row to open its ledger.'),
          factsTable(facts),
        ],
    el('h2', {}, `How each report tells it (${events.length})`),
    el(
      'ol',
      { class: 'tellings' },
      events.map((event) =>
        el(
          'li',
          { 'data-event': event.id },
          sentenceLink(event.document.id, event.field, event.span, event.document.title ?? event.document.externalId),
          el(
            'span',
            { class: 'meta' },
            ` ${event.document.source ?? 'unknown source'} · ${event.document.published ?? 'undated'} · ${event.modality}`,
          ),
          el('blockquote', { class: 'telling' }, event.text),
          el(
            'div',
            { class: 'meta' },
            [
              formatDate(event.date),
              event.place?.name,
              formatToll(event.killed ? { ...event.killed, best: event.killed.low } : null, 'killed'),
              event.rule,
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        ),
      ),
    ),
  );
}
