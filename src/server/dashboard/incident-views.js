/**
 * @module Incidents in the dashboard: the list in time order, and one incident with its fused date, place, actors
 * and casualties and every report's telling of it, each linking to the sentence it came from.
 */
import { getJson } from './api-client.js';
import { el, errorBox, href, link, replace } from './dom.js';

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

/** One line for an incident: type and modes, place, who against whom, toll. */
export function incidentSummary(incident) {
  const toll = [formatToll(incident.killed, 'killed'), formatToll(incident.injured, 'injured')].filter(Boolean).join(', ');
  return `${incident.type}${incident.modes.length > 0 ? ` (${incident.modes.join(', ')})` : ''} at ${incident.place?.name ?? 'an unknown place'}: ${actors(incident.initiator)} against ${actors(incident.target)}${toll ? `; ${toll}` : ''}`;
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

export async function renderIncidents(view, query, pager) {
  const filters = { type: query.get('type') ?? '', country: query.get('country') ?? '', place: query.get('place') ?? '' };
  const page = await getJson('incidents', { ...filters, limit: 50, offset: query.get('offset') ?? 0 });
  replace(
    view,
    el('h1', {}, 'Incidents'),
    el('p', { class: 'hint' }, 'Each incident joins what several reports say about one happening; latest first.'),
    el(
      'form',
      {
        class: 'filters',
        onsubmit: (event) => {
          event.preventDefault();
          location.hash = href(['incidents'], Object.fromEntries(new FormData(event.target)));
        },
      },
      el(
        'label',
        {},
        'Type ',
        el(
          'select',
          { name: 'type' },
          [
            '',
            'ASSAULT',
            'MOBILIZE',
            'AID',
            'CONSULT',
            'THREATEN',
            'ACCUSE',
            'COERCE',
            'PROTEST',
            'RETREAT',
            'SANCTION',
            'AGREE',
            'REQUEST',
            'SUPPORT',
            'REJECT',
            'DEATH',
          ].map((t) => el('option', { value: t, selected: t === filters.type ? '' : null }, t || 'any')),
        ),
      ),
      el('label', {}, 'Country ', el('input', { name: 'country', value: filters.country, size: 3, maxlength: 2, placeholder: 'IQ' })),
      el('label', {}, 'Place ', el('input', { name: 'place', value: filters.place })),
      el('button', { type: 'submit' }, 'Filter'),
    ),
    page.items.length === 0 ? el('p', { class: 'hint' }, 'No incidents match.') : incidentList(page.items),
    pager(['incidents'], query, page),
  );
}

export async function renderIncident(view, id) {
  let detail;
  try {
    detail = await getJson(`incidents/${encodeURIComponent(id)}`);
  } catch (error) {
    replace(view, el('h1', {}, 'Incident'), errorBox(error));
    return;
  }
  const { incident, events } = detail;
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
        toll.length > 0 ? toll.join('; ') : 'no figure given',
        incident.killed ? el('span', { class: 'meta' }, ` (${incident.killed.rule})`) : null,
      ),
      el('dt', {}, 'Sources'),
      el('dd', {}, `${incident.sourceCount} independent: ${incident.sources.join(', ') || 'unnamed'}`),
    ),
    el('h2', {}, `How each report tells it (${events.length})`),
    el(
      'ol',
      { class: 'tellings' },
      events.map((event) =>
        el(
          'li',
          { 'data-event': event.id },
          link(
            // A happening only the headline tells points into the title, not the text the document view highlights.
            href(['documents', event.document.id], event.field === 'title' ? {} : { span: `${event.span.start}-${event.span.end}` }),
            event.document.title ?? event.document.externalId,
          ),
          el(
            'span',
            { class: 'meta' },
            ` ${event.document.source ?? 'unknown source'} · ${event.document.published ?? 'undated'} · ${event.modality}`,
          ),
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
