/**
 * @module Every endpoint the API serves, in the order the OpenAPI description lists them. Each is declared once,
 * in its family's file; `create-app.ts` routes them and `openapi.ts` describes them from the same declarations.
 */
import { documentEndpoints } from './document-endpoints.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { exportEndpoints } from './export-endpoints.ts';
import { factEndpoints } from './fact-endpoints.ts';
import { incidentEndpoints } from './incident-endpoints.ts';

/** The record families this server answers for; the dashboard shows a view only for those listed. */
export const AVAILABLE = [
  'documents',
  'mentions',
  'search',
  'timeline',
  'sources',
  'places',
  'claims',
  'facts',
  'events',
  'incidents',
  'trends',
] as const;

const statusEndpoint = endpoint({
  path: '/api/status',
  tag: 'overview',
  summary: 'What the store holds: documents per status, the newest document, and which record families are served',
  description: 'Poll `state.latestSeq`: it grows whenever a document is added, by this process or any other.',
  query: {},
  response: 'Status',
  async handle({ store }) {
    const [counts, state] = await Promise.all([store.documents.counts(), store.overview.state()]);
    return { engine: store.engine, counts, state, available: AVAILABLE };
  },
});

export const apiEndpoints: readonly Endpoint[] = [
  statusEndpoint,
  ...documentEndpoints,
  ...factEndpoints,
  ...incidentEndpoints,
  ...exportEndpoints,
];
