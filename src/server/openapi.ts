/** @module The OpenAPI 3.1 description the server answers at `/api/openapi.json`, made from the endpoint declarations. */
import type { Endpoint } from './endpoint.ts';
import type { ParamSpec } from './query-params.ts';
import { TARGET_KINDS } from '../model/event.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
const day: Schema = { type: 'string', format: 'date' };
const pageOf = (item: string): Schema => ({
  type: 'object',
  required: ['items', 'limit', 'offset', 'nextOffset'],
  properties: {
    items: { type: 'array', items: ref(item) },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    nextOffset: { type: ['integer', 'null'], description: 'the offset of the next page; null on the last page' },
  },
});
const span: Schema = {
  type: 'object',
  description: 'UTF-16 offsets into the document text; end exclusive',
  required: ['start', 'end'],
  properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
};

const documentProperties: Record<string, Schema> = {
  id: { type: 'string', description: 'a hash of the normalised text' },
  externalId: { type: 'string', description: 'the name a user knows the report by (file name, JSONL id, feed guid)' },
  source: nullable('string', { description: 'the outlet' }),
  title: nullable('string'),
  url: nullable('string'),
  byline: nullable('string'),
  language: { type: 'string', description: 'ISO 639-1, or und' },
  status: { enum: ['stored', 'duplicate', 'skipped'] },
  statusReason: nullable('string'),
  duplicateOf: nullable('string'),
  published: {
    oneOf: [
      { type: 'null' },
      {
        type: 'object',
        properties: { start: day, end: day, inferred: { type: 'boolean' }, rule: { type: 'string' } },
        required: ['start', 'end', 'inferred', 'rule'],
      },
    ],
  },
  syndicationGroup: { type: 'string', description: 'shared by near-copies of one story: they count as one source' },
  format: { enum: ['text', 'markdown', 'html', 'rss', 'atom', 'jsonl'] },
  origin: {
    type: 'object',
    properties: { path: { type: 'string' }, line: { type: 'integer' }, item: { type: 'integer' } },
    required: ['path'],
  },
  contentHash: { type: 'string' },
  ingestedAt: { type: 'string', format: 'date-time' },
};

const claimValue: Schema = {
  type: 'object',
  description: 'a figure as a closed range: "at least 14" is {low: 14, high: null, qualifier: at-least}',
  required: ['low', 'high', 'qualifier'],
  properties: {
    low: { type: 'number' },
    high: { type: ['number', 'null'] },
    qualifier: { enum: ['exact', 'at-least', 'more-than', 'about', 'at-most', 'less-than', 'range'] },
  },
};
const claimPlace: Schema = {
  type: ['object', 'null'],
  properties: {
    name: { type: 'string' },
    country: nullable('string'),
    lat: { type: 'number' },
    lon: { type: 'number' },
    precision: { type: 'integer' },
    countries: { type: 'array', items: { type: 'string' } },
    basis: { enum: ['text', 'lede'] },
  },
};
const period: Schema = {
  type: ['object', 'null'],
  properties: { start: day, end: day, basis: { enum: ['text', 'published'] } },
};
const attribution: Schema = { type: ['object', 'null'], properties: { text: { type: 'string' }, kind: { type: 'string' } } };
const eventPlace: Schema = {
  type: ['object', 'null'],
  properties: {
    name: { type: 'string' },
    country: nullable('string'),
    admin1: nullable('string'),
    lat: { type: 'number' },
    lon: { type: 'number' },
    precision: { type: 'integer' },
  },
};
const actors: Schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string' },
      id: { type: 'string' },
      country: { type: 'string' },
      kind: {
        type: 'string',
        enum: [...TARGET_KINDS],
        description: 'what a target is: one person, people counted together, a physical thing',
      },
      count: { type: 'integer', description: 'how many the text counts ("six Jesuit priests": 6)' },
      described: { type: 'boolean', description: 'true where the text describes the target ("a judge") rather than names it' },
    },
  },
};
const actor: Schema = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, id: { type: 'string' }, country: { type: 'string' } },
};
const responsibility: Schema = {
  type: 'array',
  description: 'statements of responsibility, each with the sentence that makes it and the rule that read it',
  items: {
    type: 'object',
    required: ['actor', 'by', 'span', 'text', 'rule'],
    properties: {
      actor,
      by: { ...actor, type: ['object', 'null'], description: 'who blames, or speaks for the denier; null where no one else is named' },
      span,
      text: { type: 'string', description: 'the sentence' },
      rule: { type: 'string' },
    },
  },
};
const incidentResponsibility: Schema = {
  type: 'array',
  description: 'one entry per actor (and accuser) over the incident, with the ids of the events whose sentences say it',
  items: {
    type: 'object',
    required: ['actor', 'by', 'events'],
    properties: { actor, by: { ...actor, type: ['object', 'null'] }, events: { type: 'array', items: { type: 'string' } } },
  },
};
const fusedCount: Schema = {
  type: ['object', 'null'],
  properties: { low: { type: 'number' }, best: { type: 'number' }, high: { type: ['number', 'null'] }, rule: { type: 'string' } },
};
const range: Schema = { type: ['object', 'null'], properties: { low: { type: 'number' }, high: { type: ['number', 'null'] } } };
const strings: Schema = { type: 'array', items: { type: 'string' } };

const SCHEMAS: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } },
    },
  },
  DocumentSummary: { type: 'object', properties: documentProperties, required: Object.keys(documentProperties) },
  Document: {
    type: 'object',
    properties: {
      ...documentProperties,
      text: { type: 'string', description: 'the text every span indexes into; plain text, never HTML' },
    },
    required: [...Object.keys(documentProperties), 'text'],
  },
  Mention: {
    type: 'object',
    required: ['kind', 'span', 'text', 'value', 'rule', 'confidence'],
    properties: {
      kind: { enum: ['sentence', 'date', 'quantity', 'money', 'percent', 'place', 'actor', 'person', 'attribution', 'quote'] },
      span,
      text: { type: 'string' },
      value: { type: 'object', description: "the kind's normalised value: see src/model/mention.ts" },
      rule: { type: 'string', description: 'the rule that found it' },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      documentId: { type: 'string', description: 'in /api/mentions only' },
    },
  },
  DocumentWithMentions: {
    type: 'object',
    required: ['document', 'mentions'],
    properties: { document: ref('Document'), mentions: { type: 'array', items: ref('Mention') } },
  },
  Snippet: {
    type: 'object',
    required: ['text', 'marks'],
    properties: {
      text: { type: 'string' },
      marks: {
        type: 'array',
        items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
        description: '[start, end) of each matched word',
      },
    },
  },
  SearchHit: {
    type: 'object',
    required: ['document', 'score', 'snippet'],
    properties: {
      document: ref('DocumentSummary'),
      score: { type: 'number', description: 'higher is more relevant' },
      snippet: ref('Snippet'),
    },
  },
  Claim: {
    type: 'object',
    required: ['id', 'documentId', 'externalId', 'category', 'value', 'modality', 'span', 'text', 'rule'],
    properties: {
      id: { type: 'string' },
      documentId: { type: 'string' },
      externalId: { type: 'string' },
      factId: nullable('string'),
      category: { type: 'string' },
      noun: nullable('string'),
      value: claimValue,
      place: claimPlace,
      period,
      attribution,
      modality: { enum: ['asserted', 'denied', 'reported-unconfirmed', 'hypothetical', 'future'] },
      span,
      text: { type: 'string', description: 'the sentence stating the figure' },
      valueSpan: span,
      rule: { type: 'string' },
    },
  },
  Fact: {
    type: 'object',
    required: ['id', 'category', 'value', 'status', 'claims', 'documents', 'sources', 'sides', 'updates', 'updatedBy'],
    properties: {
      id: { type: 'string' },
      category: { type: 'string' },
      noun: nullable('string'),
      value: claimValue,
      place: claimPlace,
      period,
      status: { enum: ['corroborated', 'single-source', 'conflicting'] },
      claims: strings,
      documents: { ...strings, description: 'external ids' },
      sources: { ...strings, description: 'independent sources' },
      primarySources: { ...strings, description: 'who first said it (five outlets quoting one ministry are one primary source)' },
      sides: {
        type: 'array',
        description: 'one per value given; two or more when conflicting',
        items: { type: 'object', properties: { value: claimValue, claims: strings, sources: strings } },
      },
      updates: { ...strings, description: 'earlier facts of the same growing count' },
      updatedBy: { ...strings, description: 'later facts of the same growing count' },
    },
  },
  LedgerEntry: {
    type: 'object',
    required: ['claimId', 'documentId', 'externalId', 'source', 'published', 'value', 'modality', 'span', 'text', 'rule'],
    properties: {
      claimId: { type: 'string' },
      documentId: { type: 'string' },
      externalId: { type: 'string' },
      source: nullable('string'),
      published: nullable('string'),
      attribution,
      value: claimValue,
      modality: { type: 'string' },
      place: claimPlace,
      period,
      span,
      text: { type: 'string' },
      rule: { type: 'string' },
    },
  },
  FactWithLedger: {
    type: 'object',
    required: ['fact', 'ledger', 'updates', 'updatedBy', 'counted'],
    properties: {
      fact: ref('Fact'),
      ledger: { type: 'array', items: ref('LedgerEntry') },
      updates: { type: 'array', items: ref('Fact') },
      updatedBy: { type: 'array', items: ref('Fact') },
      counted: nullable('object', {
        description:
          'reported against counted: for a count of attacks or strikes over a stated period in named countries, the incidents of that type the store holds there and then, and the gap; null for other facts',
        required: ['reported', 'counted', 'gap', 'type', 'countries', 'start', 'end', 'rule'],
        properties: {
          reported: { type: 'number' },
          counted: { type: 'integer' },
          gap: { type: 'number' },
          type: { type: 'string' },
          countries: strings,
          start: day,
          end: day,
          rule: { type: 'string' },
        },
      }),
    },
  },
  Event: {
    type: 'object',
    required: ['id', 'documentId', 'type', 'modality', 'span', 'rule'],
    properties: {
      id: { type: 'string' },
      documentId: { type: 'string' },
      externalId: { type: 'string' },
      incidentId: nullable('string'),
      type: { type: 'string', description: 'PLOVER event type' },
      modes: strings,
      subEventType: { type: 'string' },
      initiator: actors,
      target: actors,
      claimedBy: {
        ...responsibility,
        description: 'who claims it ("X claimed the attack"); the first claimant is the initiator where the text names none',
      },
      blamedOn: { ...responsibility, description: 'who is blamed for it, and by whom (`by`); never an initiator' },
      deniedBy: { ...responsibility, description: 'who is said not to have done it ("X denied involvement"); never an initiator' },
      place: eventPlace,
      date: { type: ['object', 'null'], properties: { start: day, end: day, precision: { type: 'string' }, rule: { type: 'string' } } },
      killed: range,
      injured: range,
      modality: { type: 'string' },
      salience: { type: 'number' },
      aggregate: range,
      field: { type: 'string', enum: ['text', 'title'], description: 'the document field span, triggers and evidence point into' },
      names: { ...strings, description: "the report's distinctive proper names, lowercase, for linking reports" },
      span,
      triggers: { type: 'array', items: span },
      evidence: { type: 'array', items: span },
      rule: { type: 'string' },
      confidence: { type: 'number' },
    },
  },
  Incident: {
    type: 'object',
    required: ['id', 'type', 'events', 'documents', 'sources', 'sourceCount'],
    properties: {
      id: { type: 'string' },
      type: { type: 'string' },
      modes: strings,
      date: { type: ['object', 'null'], properties: { start: day, end: day, precision: { type: 'string' } } },
      place: eventPlace,
      initiator: actors,
      target: actors,
      claimedBy: incidentResponsibility,
      blamedOn: incidentResponsibility,
      deniedBy: incidentResponsibility,
      killed: fusedCount,
      injured: fusedCount,
      events: strings,
      documents: {
        type: 'array',
        description: 'the documents that tell it, each named as users know it',
        items: {
          type: 'object',
          required: ['id', 'externalId', 'title', 'url', 'source'],
          properties: {
            id: { type: 'string' },
            externalId: { type: 'string', description: 'file name without extension, JSONL id or feed guid' },
            title: nullable('string'),
            url: nullable('string'),
            source: nullable('string'),
          },
        },
      },
      sources: strings,
      sourceCount: { type: 'integer', description: 'independent sources' },
      aggregate: { type: 'boolean' },
      blockKeys: strings,
    },
  },
  IncidentDetail: {
    type: 'object',
    required: ['incident', 'events', 'facts'],
    properties: {
      incident: ref('Incident'),
      events: {
        type: 'array',
        items: {
          allOf: [
            ref('Event'),
            {
              type: 'object',
              properties: {
                document: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    externalId: { type: 'string' },
                    source: nullable('string'),
                    title: nullable('string'),
                    published: nullable('string'),
                  },
                },
                casualties: {
                  type: 'array',
                  description: 'each casualty figure this report gives, with the sentence it was read from',
                  items: {
                    type: 'object',
                    required: ['what', 'value', 'field', 'span', 'text', 'attribution', 'factId', 'basis'],
                    properties: {
                      what: { enum: ['killed', 'injured'] },
                      value: { type: 'object', properties: { low: { type: 'integer' }, high: { type: ['integer', 'null'] } } },
                      field: { enum: ['text', 'title'] },
                      span,
                      text: { type: 'string', description: 'the sentence' },
                      attribution,
                      factId: nullable('string', { description: 'the fact whose ledger holds this figure' }),
                      basis: { enum: ['claim', 'event'], description: 'a claim states the figure, or only the event sentence is known' },
                    },
                  },
                },
              },
            },
          ],
        },
      },
      facts: { type: 'array', items: ref('Fact'), description: 'the facts the casualty figures joined, each with its status' },
    },
  },
  Trends: {
    type: 'object',
    required: ['since', 'until', 'weeks', 'series', 'outside', 'reported', 'flags'],
    properties: {
      since: nullable('string', { format: 'date' }),
      until: nullable('string', { format: 'date' }),
      weeks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            week: day,
            incidents: { type: 'integer' },
            killed: { type: 'integer', description: 'best estimates, summed' },
            byType: { type: 'object', additionalProperties: { type: 'integer' } },
            flag: nullable('string', { description: 'why the week is flagged as escalating' }),
          },
        },
      },
      flags: {
        type: 'array',
        description: 'weeks well above the recent rate (Poisson test against the previous 8 weeks, p < 0.01), per series',
        items: {
          type: 'object',
          properties: {
            week: day,
            series: { type: 'string', description: '`all incidents` or `ASSAULT in <country>`' },
            count: { type: 'integer' },
            baseline: { type: 'number', description: 'mean weekly count over the weeks before' },
            p: { type: 'number' },
            reason: { type: 'string' },
          },
        },
      },
      series: {
        type: 'array',
        description: 'incidents per week, country and type',
        items: {
          type: 'object',
          properties: {
            week: day,
            country: nullable('string'),
            type: { type: 'string' },
            incidents: { type: 'integer' },
            killed: { type: 'integer' },
          },
        },
      },
      outside: { type: 'integer', description: 'incidents dated outside the weeks shown' },
      reported: {
        type: 'array',
        description: 'running totals as reports give them (facts over a week or more), never mixed with counted incidents',
        items: {
          type: 'object',
          properties: {
            factId: { type: 'string' },
            category: { type: 'string' },
            noun: nullable('string'),
            value: claimValue,
            asOf: day,
            from: day,
            place: nullable('string'),
            status: { type: 'string' },
            sources: { type: 'integer' },
          },
        },
      },
    },
  },
  ClaimPage: pageOf('Claim'),
  FactPage: pageOf('Fact'),
  EventPage: pageOf('Event'),
  IncidentPage: pageOf('Incident'),
  DocumentPage: pageOf('DocumentSummary'),
  MentionPage: pageOf('Mention'),
  SearchPage: pageOf('SearchHit'),
  Status: {
    type: 'object',
    required: ['engine', 'counts', 'state', 'available'],
    properties: {
      engine: { enum: ['sqlite', 'postgres'] },
      counts: {
        type: 'object',
        properties: { stored: { type: 'integer' }, duplicate: { type: 'integer' }, skipped: { type: 'integer' } },
      },
      state: {
        type: 'object',
        properties: {
          documents: { type: 'integer' },
          latestSeq: { type: 'integer', description: 'grows with every document stored' },
          latestIngestedAt: nullable('string', { format: 'date-time' }),
        },
      },
      available: { type: 'array', items: { type: 'string' }, description: 'the record families this server answers for' },
    },
  },
  Timeline: {
    type: 'object',
    required: ['weeks'],
    properties: {
      weeks: {
        type: 'array',
        items: {
          type: 'object',
          properties: { week: { ...day, description: 'the Monday the week starts on' }, documents: { type: 'integer' } },
        },
      },
    },
  },
  Sources: {
    type: 'object',
    required: ['sources'],
    properties: {
      sources: {
        type: 'array',
        items: {
          type: 'object',
          properties: { source: nullable('string'), documents: { type: 'integer' }, first: nullable('string'), last: nullable('string') },
        },
      },
    },
  },
  Places: {
    type: 'object',
    required: ['places'],
    properties: {
      places: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            place: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                country: nullable('string'),
                admin1: nullable('string'),
                lat: { type: 'number' },
                lon: { type: 'number' },
                precision: { type: 'integer', minimum: 1, maximum: 6 },
              },
            },
            mentions: { type: 'integer' },
            documents: { type: 'integer' },
          },
        },
      },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'a parameter is unknown, repeated or malformed; the message says which and why',
  404: 'no such record',
  500: 'the server failed; the message says so without internals',
};

/** Alerts, fact histories: answers of the routes that are not endpoint declarations (see `HAND_ROUTED`). */
const alertEvidence: Schema = {
  type: 'object',
  description: 'a report behind the alert, and the sentence that says it',
  required: ['documentId', 'externalId', 'source', 'title', 'url', 'published', 'sentence'],
  properties: {
    documentId: { type: 'string' },
    externalId: { type: 'string' },
    source: nullable('string', { description: 'the outlet' }),
    title: nullable('string'),
    url: nullable('string'),
    published: nullable('string', { format: 'date' }),
    sentence: { type: 'string' },
  },
};
const factSaying: Schema = {
  type: 'object',
  required: ['published', 'source', 'externalId', 'documentId', 'value', 'sentence'],
  properties: {
    published: nullable('string', { format: 'date', description: 'the day the report was published; null when undated' }),
    source: nullable('string'),
    externalId: { type: 'string' },
    documentId: { type: 'string' },
    value: claimValue,
    sentence: { type: 'string' },
  },
};
const valueWithSources: Schema = {
  type: 'object',
  required: ['value', 'sources'],
  properties: { value: claimValue, sources: strings },
};

Object.assign(SCHEMAS, {
  Alert: {
    type: 'object',
    description: 'one change `sitrep watch` found; it fires once (its id is the change itself)',
    required: ['seq', 'id', 'rule', 'kind', 'createdAt', 'summary', 'subject', 'change', 'sources', 'evidence'],
    properties: {
      seq: { type: 'integer', minimum: 1, description: 'the order alerts were raised in: `after` and `Last-Event-ID` take it' },
      id: { type: 'string', description: 'the change: kind:rule:subject[:detail]' },
      rule: { type: 'string', description: "the id of the rule in the sources file's alerts section" },
      kind: { enum: ['new-incident', 'corroborated', 'conflicting', 'count-updated', 'escalation'] },
      createdAt: { type: 'string', format: 'date-time' },
      summary: { type: 'string', description: 'one line for people' },
      subject: {
        type: 'object',
        required: ['type', 'id'],
        properties: {
          type: { enum: ['incident', 'fact', 'series'] },
          id: {
            type: 'string',
            description: 'an incident or fact id (as /api/incidents/{id} and /api/facts/{id} take), or TYPE in CC@WEEK',
          },
        },
      },
      change: {
        type: ['object', 'null'],
        description: 'count-updated and escalation: from and to; conflicting: the values on each side',
        properties: { from: {}, to: {}, sides: { type: 'array', items: valueWithSources } },
      },
      sources: { ...strings, description: 'independent sources (outlets)' },
      evidence: { type: 'array', items: alertEvidence, maxItems: 10 },
    },
  },
  AlertList: {
    type: 'object',
    required: ['alerts'],
    properties: { alerts: { type: 'array', items: ref('Alert'), description: 'oldest first' } },
  },
  FactHistory: {
    type: 'object',
    required: ['factId', 'said', 'changes', 'earlier'],
    properties: {
      factId: { type: 'string' },
      said: { type: 'array', items: factSaying, description: 'each outlet saying the figure, oldest first' },
      changes: {
        type: 'array',
        description: 'the figure the fact stood for from each day on: the value most independent sources gave by then',
        items: {
          type: 'object',
          required: ['on', 'from', 'to', 'sources', 'against'],
          properties: {
            on: nullable('string', { format: 'date' }),
            from: { oneOf: [{ type: 'null' }, claimValue] },
            to: claimValue,
            sources: strings,
            against: { type: 'array', items: valueWithSources, description: 'other values given by then: a conflict at that point' },
          },
        },
      },
      earlier: {
        type: 'array',
        description: 'earlier counts of the same running total that this fact updates, latest first',
        items: {
          type: 'object',
          required: ['factId', 'value', 'period', 'firstSaid'],
          properties: { factId: { type: 'string' }, value: claimValue, period, firstSaid: nullable('string', { format: 'date' }) },
        },
      },
    },
  },
});

/** `asOf` and `asOfBy`, which every endpoint and the fact history take (`as-of-stores.ts`). */
const PARAMETERS: Record<string, Schema> = {
  asOf: {
    name: 'asOf',
    in: 'query',
    required: false,
    description:
      'answer from only the reports published (or, with asOfBy=ingested, stored) by the end of this day, as a store of just those reports would',
    schema: { type: 'string', format: 'date' },
  },
  asOfBy: {
    name: 'asOfBy',
    in: 'query',
    required: false,
    description: 'what asOf counts by: the day a report was published (default) or the day it was stored; needs asOf',
    schema: { type: 'string', enum: ['published', 'ingested'], default: 'published' },
  },
};
const asOfParameters = [{ $ref: '#/components/parameters/asOf' }, { $ref: '#/components/parameters/asOfBy' }];

const errorResponse = (status: number): Schema => ({
  description: ERROR_TEXT[status] ?? 'error',
  content: { 'application/json': { schema: ref('Error') } },
});
const sequence = (name: string, description: string): Schema => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'integer', minimum: 0, maximum: 999_999_999_999_999, default: 0 },
});

/**
 * Routes registered by hand rather than declared as endpoints: the alerts (`alert-stream.ts`), which read the store
 * as it is, so take no `asOf`, and a fact's history (`fact-history-route.ts`).
 */
const HAND_ROUTED: Record<string, Schema> = {
  '/api/alerts': {
    get: {
      operationId: 'alerts',
      tags: ['alerts'],
      summary: 'Alerts `sitrep watch` raised, oldest first',
      description: 'Page with `after`: the `seq` of the last alert read. Alerts are of the store as it is now: `asOf` does not apply.',
      parameters: [
        sequence('after', 'only alerts raised after the one with this seq'),
        {
          name: 'limit',
          in: 'query',
          required: false,
          description: 'alerts at most',
          schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
        },
      ],
      responses: {
        200: { description: 'the alerts', content: { 'application/json': { schema: ref('AlertList') } } },
        400: errorResponse(400),
        500: errorResponse(500),
      },
    },
  },
  '/api/alerts/stream': {
    get: {
      operationId: 'alerts-stream',
      tags: ['alerts'],
      summary: 'Each alert as it is raised, as server-sent events',
      description:
        "Events are named `alert`; `id:` is the alert's seq and `data:` its JSON (the Alert schema). The stream never ends by itself; a comment line is sent when it has been quiet for a while. " +
        "A client that reconnects sends `Last-Event-ID` (browsers' EventSource does) and misses nothing; `after` starts a new stream after a seq.",
      parameters: [
        sequence('after', 'start after the alert with this seq (Last-Event-ID wins when both are sent)'),
        {
          name: 'Last-Event-ID',
          in: 'header',
          required: false,
          description: 'the id of the last event received',
          schema: { type: 'string', pattern: '^\\d{1,15}$' },
        },
      ],
      responses: {
        200: {
          description: 'an endless stream of `alert` events',
          content: { 'text/event-stream': { schema: { type: 'string', description: 'event: alert / id: SEQ / data: an Alert as JSON' } } },
        },
        400: errorResponse(400),
      },
    },
  },
  '/api/facts/{id}/history': {
    get: {
      operationId: 'facts-id-history',
      tags: ['facts'],
      summary: "A fact's history: when each outlet said its figure, how the figure changed, and the earlier counts it updates",
      parameters: [
        { name: 'id', in: 'path', required: true, description: 'a fact id, whole or as the tables show it', schema: { type: 'string' } },
        ...asOfParameters,
      ],
      responses: {
        200: { description: 'the history', content: { 'application/json': { schema: ref('FactHistory') } } },
        400: errorResponse(400),
        404: errorResponse(404),
        500: errorResponse(500),
      },
    },
  },
};

function parameterSchema(spec: ParamSpec): Schema {
  switch (spec.type) {
    case 'string':
      return { type: 'string', maxLength: spec.maxLength };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'day':
      return { type: 'string', format: 'date' };
    case 'country':
      return { type: 'string', pattern: '^[A-Za-z]{2}$' };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max, ...(spec.default === undefined ? {} : { default: spec.default }) };
  }
}

/** The OpenAPI document for `endpoints`. */
export function openApiDocument(endpoints: readonly Endpoint[], version: string): Schema {
  const paths: Record<string, Schema> = {};
  for (const e of endpoints) {
    const parameters = [
      ...Object.entries(e.pathParams ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...Object.entries(e.query).map(([name, spec]) => ({
        name,
        in: 'query',
        required: spec.type === 'string' && spec.required === true,
        description: spec.description,
        schema: parameterSchema(spec),
      })),
      ...asOfParameters,
    ];
    const responses: Record<string, Schema> = {
      200: {
        description: e.summary,
        content: e.produces
          ? Object.fromEntries(e.produces.map((type) => [type, { schema: { type: 'string' } }]))
          : { 'application/json': { schema: ref(e.response) } },
      },
    };
    for (const status of [400, ...(e.errors ?? []), 500]) responses[status] = errorResponse(status);
    paths[e.path] = {
      get: {
        operationId:
          e.path
            .replace(/^\/api\//, '')
            .replace(/[{}]/g, '')
            .replace(/\//g, '-') || 'root',
        tags: [e.tag],
        summary: e.summary,
        ...(e.description ? { description: e.description } : {}),
        parameters,
        responses,
      },
    };
  }
  // `createApp` serves these beside whatever endpoints it is given.
  Object.assign(paths, HAND_ROUTED);
  return {
    openapi: '3.1.0',
    info: {
      title: 'sitrep API',
      version,
      description:
        'Read-only JSON over a sitrep store: documents, mentions, search, claims, facts with their ledgers, events, incidents and trends. Errors are JSON `{error: {status, message}}`. ' +
        'Lists are paged with `limit` and `offset`; `nextOffset` is null on the last page. Unknown or repeated parameters are a 400. ' +
        'Any method but GET, HEAD and OPTIONS needs the write token the server was started with (`writeToken`): 401 without it, 403 when the server has none. ' +
        'Every endpoint but the alerts takes `asOf` (and `asOfBy`): the answer a store of only the reports known by that day would give.',
    },
    paths,
    components: {
      schemas: SCHEMAS,
      parameters: PARAMETERS,
      securitySchemes: {
        writeToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'SITREP_API_TOKEN or --token-file of `sitrep serve`; needed by every request that writes',
        },
      },
    },
  };
}
