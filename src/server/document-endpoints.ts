/** @module The API's endpoints over documents, mentions, search and the overview counts. */
import type { Document } from '../model/document.ts';
import type { MentionKind } from '../model/mention.ts';
import { weeklyCounts } from '../report/weekly-counts.ts';
import { searchTerms } from '../store/search-repository.ts';
import type { DocumentSummary } from '../store/store.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { HttpError } from './http-error.ts';
import {
  checkPeriod,
  countryParam as country,
  filtersOf,
  limitParam as limit,
  offsetParam as offset,
  page,
  recordId,
  sinceParam,
  sourceParam as source,
  untilParam,
} from './paging.ts';
import { everyValue } from './query-params.ts';

/** Every mention kind, for validating `kind`. */
export const MENTION_KINDS = everyValue<MentionKind>()([
  'sentence',
  'date',
  'quantity',
  'money',
  'percent',
  'place',
  'actor',
  'person',
  'attribution',
  'quote',
]);

function summary(document: Document): DocumentSummary {
  const { text: _text, ...rest } = document;
  return rest;
}

const since = { ...sinceParam, description: 'only documents published on or after this day (YYYY-MM-DD)' } as const;
const until = { ...untilParam, description: 'only documents published on or before this day (YYYY-MM-DD)' } as const;
const status = {
  type: 'enum',
  description: 'only documents with this status: stored, duplicate (same text as a stored one) or skipped',
  values: ['stored', 'duplicate', 'skipped'],
} as const;

const order = {
  type: 'enum',
  description: 'oldest (the order they were stored in, the default) or newest first: the latest reports without a deep offset',
  values: ['oldest', 'newest'],
} as const;

/** Endpoints over documents and what was found in them. */
export const documentEndpoints: readonly Endpoint[] = [
  endpoint({
    path: '/api/documents',
    tag: 'documents',
    summary: 'Documents in the order they were stored (or newest first), without their text',
    query: { status, source, since, until, order, limit, offset },
    response: 'DocumentPage',
    async handle({ store, query }) {
      checkPeriod(query);
      const newestFirst = query.order === 'newest';
      return page(query, async (limit, offset) =>
        (await store.documents.list({ ...filtersOf(query), newestFirst, limit, offset })).map(summary),
      );
    },
  }),
  endpoint({
    path: '/api/documents/{id}',
    tag: 'documents',
    summary: 'One document with its text and every mention found in it',
    description: 'Mention spans are UTF-16 offsets into `document.text`, end exclusive.',
    pathParams: { id: 'the document id, or its external id (file name without extension, JSONL id, feed guid)' },
    query: {},
    response: 'DocumentWithMentions',
    errors: [404],
    async handle({ store, path }) {
      const reference = recordId(path, 'document');
      const document = await store.documents.get(reference);
      if (!document) throw new HttpError(404, `no document with id or external id "${reference.slice(0, 80)}"`);
      const mentions = await store.mentions.list({ documentId: document.id });
      return { document, mentions: mentions.map(({ documentId: _d, ...mention }) => mention) };
    },
  }),
  endpoint({
    path: '/api/mentions',
    tag: 'documents',
    summary: 'Mentions (dates, quantities, places, actors, people, attributions, quotes, …), by document then position',
    query: {
      document: { type: 'string', description: 'only mentions in this document (its id)', maxLength: 200 },
      kind: { type: 'enum', description: 'only mentions of this kind', values: MENTION_KINDS },
      limit,
      offset,
    },
    response: 'MentionPage',
    async handle({ store, query }) {
      return page(query, (limit, offset) =>
        store.mentions.list({
          ...(query.document ? { documentId: query.document } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          limit,
          offset,
        }),
      );
    },
  }),
  endpoint({
    path: '/api/search',
    tag: 'search',
    summary: 'Full-text search over document titles and texts, best match first, with a highlighted snippet',
    description:
      'Every word in `q` must occur (English stemming: "drone" finds "drones"); a trailing `*` makes a word a prefix. ' +
      'Punctuation and operators are ignored. Snippet marks are `[start, end)` offsets into the snippet text.',
    query: {
      q: { type: 'string', description: 'the words to find', maxLength: 500, required: true },
      status,
      source,
      since,
      until,
      limit,
      offset,
    },
    response: 'SearchPage',
    async handle({ store, query }) {
      checkPeriod(query);
      if (searchTerms(query.q).length === 0) throw new HttpError(400, `parameter "q" has no words to search for (letters or digits)`);
      const { q, ...filters } = filtersOf(query);
      return page(query, (limit, offset) => store.search.search({ text: q, ...filters, limit, offset }));
    },
  }),
  endpoint({
    path: '/api/timeline',
    tag: 'overview',
    summary: 'Reports per ISO week (Monday first) by publication date, empty weeks included',
    description: 'Counts stored documents (not duplicates); undated documents are left out.',
    query: { since, until, source },
    response: 'Timeline',
    async handle({ store, query }) {
      checkPeriod(query);
      const days = await store.overview.documentsByDay({ ...query, status: 'stored' });
      return {
        weeks: weeklyCounts(days.map((d) => ({ day: d.day, count: d.documents }))).map((w) => ({ week: w.week, documents: w.count })),
      };
    },
  }),
  endpoint({
    path: '/api/sources',
    tag: 'overview',
    summary: 'Outlets with how many stored documents each has and the period they cover, most documents first',
    query: { since, until },
    response: 'Sources',
    async handle({ store, query }) {
      checkPeriod(query);
      return { sources: await store.overview.sources({ ...query, status: 'stored' }) };
    },
  }),
  endpoint({
    path: '/api/places',
    tag: 'overview',
    summary: 'Places the documents mention, with coordinates, most-reported first (metonymic mentions left out)',
    query: {
      since,
      until,
      source,
      country: { ...country, description: 'only places in this country (ISO 3166-1 alpha-2, any case)' },
      q: {
        type: 'string',
        description: 'only places whose name, or any spelling a report used for it ("Bukamal" for Abu Kamal), contains this text, any case',
        maxLength: 200,
      },
      limit: { ...limit, default: 200, max: 2000, description: 'at most this many places (1 to 2000)' },
    },
    response: 'Places',
    async handle({ store, query }) {
      checkPeriod(query);
      const { country, limit: most, q, ...filters } = query;
      const places = await store.overview.places({ ...filters, ...(q ? { spelling: q } : {}) });
      return { places: places.filter((p) => !country || p.place.country === country).slice(0, most) };
    },
  }),
];
