/** @module The API's endpoints over events and incidents, and the weekly trends counted from incidents. */
import { EVENT_MODALITIES, EVENT_TYPES } from '../model/event.ts';
import type { Incident } from '../model/incident.ts';
import { casualtyEvidence } from '../report/casualty-evidence.ts';
import type { DocumentName, Store, StoredClaim } from '../store/store.ts';
import { weeklyTrends } from '../report/weekly-trends.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { HttpError } from './http-error.ts';
import {
  actorParam,
  checkPeriod,
  countryParam,
  filtersOf,
  limitParam as limit,
  minSourcesParam,
  offsetParam as offset,
  page,
  placeParam,
  recordId,
  responsibilityParams,
  sinceParam,
  sourceParam,
  untilParam,
} from './paging.ts';

const type = { type: 'enum', description: 'only this PLOVER event type', values: EVENT_TYPES } as const;
const since = { ...sinceParam, description: 'only what happened on or after this day (YYYY-MM-DD)' } as const;
const until = { ...untilParam, description: 'only what happened on or before this day (YYYY-MM-DD)' } as const;

/** Endpoints over events, incidents and trends. */
export const incidentEndpoints: readonly Endpoint[] = [
  endpoint({
    path: '/api/events',
    tag: 'incidents',
    summary: 'Events: one happening as one document tells it, by document then position',
    query: {
      document: { type: 'string', description: 'only events in this document (its id)', maxLength: 200 },
      incident: { type: 'string', description: 'only events joined into this incident (its id)', maxLength: 200 },
      type,
      modality: { type: 'enum', description: 'only events the text frames this way', values: EVENT_MODALITIES },
      ...responsibilityParams,
      since,
      until,
      limit,
      offset,
    },
    response: 'EventPage',
    async handle({ store, query }) {
      checkPeriod(query);
      const { document, incident, ...filters } = filtersOf(query);
      return page(query, (limit, offset) =>
        store.events.list({
          ...filters,
          ...(document ? { documentId: document } : {}),
          ...(incident ? { incidentId: incident } : {}),
          limit,
          offset,
        }),
      );
    },
  }),
  endpoint({
    path: '/api/incidents',
    tag: 'incidents',
    summary: 'Incidents: events from many reports about one happening, fused; latest first',
    query: {
      type,
      country: countryParam,
      place: placeParam,
      actor: actorParam,
      ...responsibilityParams,
      since,
      until,
      source: { ...sourceParam, description: 'only incidents an outlet reported' },
      minSources: minSourcesParam,
      limit,
      offset,
    },
    response: 'IncidentPage',
    async handle({ store, query }) {
      checkPeriod(query);
      return page(query, async (limit, offset) =>
        withDocumentNames(store, await store.events.incidents({ ...filtersOf(query), limit, offset })),
      );
    },
  }),
  endpoint({
    path: '/api/incidents/{id}',
    tag: 'incidents',
    summary: 'One incident with every event it joins, each with its document, sentence spans and the sentence behind each casualty figure',
    description:
      "Each event's `casualties` give every figure it reports (killed, injured) with the sentence it was read from, who says so and " +
      'the fact that figure joined; `facts` are those facts, each with its status (`/api/facts/{id}` gives its ledger).',
    pathParams: { id: 'the incident id' },
    query: {},
    response: 'IncidentDetail',
    errors: [404],
    async handle({ store, path }) {
      const id = recordId(path, 'incident');
      const detail = await store.events.incident(id);
      if (!detail) throw new HttpError(404, `no incident with id "${id.slice(0, 80)}"`);
      const [incident] = await withDocumentNames(store, [detail.incident]);
      const claims = new Map<string, StoredClaim[]>();
      for (const documentId of new Set(detail.events.map((e) => e.documentId)))
        claims.set(documentId, await store.claims.list({ documentId }));
      const events = detail.events.map((e) => ({ ...e, casualties: casualtyEvidence(e, claims.get(e.documentId) ?? []) }));
      const factIds = [...new Set(events.flatMap((e) => e.casualties.map((c) => c.factId)).filter((id): id is string => id !== null))];
      const facts = (await Promise.all(factIds.map((factId) => store.claims.fact(factId)))).filter((f) => f !== null);
      return { incident, events, facts };
    },
  }),
  endpoint({
    path: '/api/trends',
    tag: 'incidents',
    summary: 'Incidents per ISO week (empty weeks included) by type, with the people killed, and the running totals reports give',
    description:
      'Without `since`, weeks start eight weeks before the first report, so a long-past happening a report recalls does not stretch ' +
      'the chart over years; `outside` counts the incidents left out that way. `reported` holds running totals from facts ' +
      '("23 attacks from 17 to 30 October"): figures as reported, never added to the counted incidents.',
    query: { since, until, country: countryParam, place: placeParam, actor: actorParam, type },
    response: 'Trends',
    async handle({ store, query }) {
      checkPeriod(query);
      return weeklyTrends(store, query);
    },
  }),
];

/** An incident as the API answers it: its documents named (id, file name, title, address, outlet), not bare ids. */
export type NamedIncident = Omit<Incident, 'documents'> & { readonly documents: readonly DocumentName[] };

/** Names each incident's documents, in one lookup for the page. */
async function withDocumentNames(store: Store, incidents: readonly Incident[]): Promise<NamedIncident[]> {
  const names = await store.documents.names(incidents.flatMap((i) => i.documents));
  const unknown = (id: string): DocumentName => ({ id, externalId: id, title: null, url: null, source: null });
  return incidents.map((i) => ({ ...i, documents: i.documents.map((id) => names.get(id) ?? unknown(id)) }));
}
