/**
 * @module Downloads: the incidents or facts a view shows, with the same filters, as a file (CSV, GeoJSON, JSONL or an
 * ACLED-like CSV), written by the same exporters as `sitrep export`, so a download holds exactly the filtered rows.
 */
import { CLAIM_CATEGORIES } from '../model/claim.ts';
import { EVENT_TYPES } from '../model/event.ts';
import { FACT_STATUSES } from '../model/fact.ts';
import { EXPORTERS, type ExportOptions } from '../export/exporters.ts';
import { type Endpoint, endpoint, FileAnswer } from './endpoint.ts';
import {
  actorParam,
  checkPeriod,
  countryParam,
  minSourcesParam,
  placeParam,
  responsibilityParams,
  sinceParam,
  sourceParam,
  untilParam,
} from './paging.ts';

/** Media type and file extension of each format. */
const FORMATS: Readonly<Record<string, { type: string; extension: string }>> = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  geojson: { type: 'application/geo+json; charset=utf-8', extension: 'geojson' },
  acled: { type: 'text/csv; charset=utf-8', extension: 'acled.csv' },
};

/** Runs the exporter of `what` into one string. */
async function download(
  what: 'incidents' | 'facts',
  format: string,
  options: ExportOptions,
  store: Parameters<Endpoint['handle']>[0]['store'],
) {
  const chunks: string[] = [];
  const exporter = EXPORTERS[what];
  if (!exporter) throw new Error(`no exporter for ${what}`);
  await exporter.run(store, format, (chunk) => chunks.push(chunk), options);
  const { type, extension } = FORMATS[format] ?? { type: 'text/plain; charset=utf-8', extension: format };
  return new FileAnswer(chunks.join(''), type, `sitrep-${what}.${extension}`);
}

/** Endpoints that answer files. */
export const exportEndpoints: readonly Endpoint[] = [
  endpoint({
    path: '/api/export/incidents',
    tag: 'export',
    summary: "Every incident matching the filters (the incidents list's), as one file: CSV, GeoJSON, JSONL or an ACLED-like CSV",
    description: 'Not paged: the file holds every matching incident, in the fields of `sitrep export --what incidents`.',
    query: {
      format: { type: 'enum', description: 'the file format', values: ['csv', 'geojson', 'jsonl', 'acled'] },
      type: { type: 'enum', description: 'only this PLOVER event type', values: EVENT_TYPES },
      country: countryParam,
      place: placeParam,
      actor: actorParam,
      ...responsibilityParams,
      since: { ...sinceParam, description: 'only what happened on or after this day (YYYY-MM-DD)' },
      until: { ...untilParam, description: 'only what happened on or before this day (YYYY-MM-DD)' },
      source: { ...sourceParam, description: 'only incidents an outlet reported' },
      minSources: minSourcesParam,
    },
    response: 'File',
    produces: ['text/csv', 'application/geo+json', 'application/x-ndjson'],
    async handle({ store, query }) {
      checkPeriod(query);
      const { format = 'csv', ...incidents } = query;
      return download('incidents', format, { incidents }, store);
    },
  }),
  endpoint({
    path: '/api/export/facts',
    tag: 'export',
    summary: "Every fact matching the filters (the facts list's), as one file: CSV or JSONL",
    description: 'Not paged: the file holds every matching fact, in the fields of `sitrep export --what facts`.',
    query: {
      format: { type: 'enum', description: 'the file format', values: ['csv', 'jsonl'] },
      category: { type: 'enum', description: 'only figures counting this', values: CLAIM_CATEGORIES },
      status: { type: 'enum', description: 'only facts with this status', values: FACT_STATUSES },
      country: countryParam,
      place: placeParam,
      since: { ...sinceParam, description: 'only facts whose period ends on or after this day' },
      until: { ...untilParam, description: 'only facts whose period starts on or before this day' },
      source: { ...sourceParam, description: 'only facts with a claim from this outlet' },
      minSources: minSourcesParam,
    },
    response: 'File',
    produces: ['text/csv', 'application/x-ndjson'],
    async handle({ store, query }) {
      checkPeriod(query);
      const { format = 'csv', ...facts } = query;
      return download('facts', format, { facts }, store);
    },
  }),
];
