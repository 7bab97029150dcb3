/** @module The API's endpoints over claims and facts: each fact with its status, and its ledger of claims. */
import { countedAgainst } from '../report/reported-counted.ts';
import { CLAIM_CATEGORIES } from '../model/claim.ts';
import { FACT_STATUSES, type Fact } from '../model/fact.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { HttpError } from './http-error.ts';
import {
  checkPeriod,
  countryParam,
  filtersOf,
  limitParam as limit,
  minSourcesParam,
  offsetParam as offset,
  page,
  placeParam,
  recordId,
  sinceParam,
  sourceParam,
  untilParam,
} from './paging.ts';

const category = { type: 'enum', description: 'only figures counting this', values: CLAIM_CATEGORIES } as const;

/** Endpoints over claims and facts. */
export const factEndpoints: readonly Endpoint[] = [
  endpoint({
    path: '/api/claims',
    tag: 'facts',
    summary: 'Claims: one attributed figure in one document each, by document then position',
    query: {
      document: { type: 'string', description: 'only claims in this document (its id)', maxLength: 200 },
      fact: { type: 'string', description: 'only claims of this fact (its id)', maxLength: 200 },
      category,
      limit,
      offset,
    },
    response: 'ClaimPage',
    async handle({ store, query }) {
      return page(query, (limit, offset) =>
        store.claims.list({
          ...(query.document ? { documentId: query.document } : {}),
          ...(query.fact ? { factId: query.fact } : {}),
          ...(query.category ? { category: query.category } : {}),
          limit,
          offset,
        }),
      );
    },
  }),
  endpoint({
    path: '/api/facts',
    tag: 'facts',
    summary: 'Facts: one figure across reports, with its status (corroborated, single-source, conflicting), in the order first found',
    query: {
      category,
      status: { type: 'enum', description: 'only facts with this status', values: FACT_STATUSES },
      country: { ...countryParam, description: 'only facts whose place covers this country (ISO 3166-1 alpha-2)' },
      place: {
        ...placeParam,
        description: 'only facts whose place name contains this text, any case, or that are at a place it is another spelling of',
      },
      since: { ...sinceParam, description: 'only facts whose period ends on or after this day' },
      until: { ...untilParam, description: 'only facts whose period starts on or before this day' },
      source: { ...sourceParam, description: 'only facts with a claim from this outlet' },
      minSources: { ...minSourcesParam, description: 'only facts backed by at least this many independent sources' },
      limit,
      offset,
    },
    response: 'FactPage',
    async handle({ store, query }) {
      checkPeriod(query);
      return page(query, (limit, offset) => store.claims.facts({ ...filtersOf(query), limit, offset }));
    },
  }),
  endpoint({
    path: '/api/facts/{id}',
    tag: 'facts',
    summary: 'One fact with its ledger: every claim behind it with its document, source, attribution, value and sentence',
    description:
      'Each ledger entry names its document (`documentId`) and span: `/api/documents/{documentId}` gives the text the span indexes. ' +
      '`updates` are earlier facts of the same growing count, latest first; `updatedBy` later ones.',
    pathParams: { id: 'the fact id' },
    query: {},
    response: 'FactWithLedger',
    errors: [404],
    async handle({ store, path }) {
      const id = recordId(path, 'fact');
      const fact = await store.claims.fact(id);
      if (!fact) throw new HttpError(404, `no fact with id "${id.slice(0, 80)}"`);
      const [ledger, updates, updatedBy, counted] = await Promise.all([
        store.claims.ledger(fact.id),
        linked(fact.updates),
        linked(fact.updatedBy),
        countedAgainst(store, fact),
      ]);
      return { fact, ledger, updates, updatedBy, counted };

      async function linked(ids: readonly string[]): Promise<Fact[]> {
        const facts = await Promise.all(ids.map((linkedId) => store.claims.fact(linkedId)));
        return facts.filter((f): f is Fact => f !== null);
      }
    },
  }),
];
