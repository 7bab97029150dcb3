/**
 * @module Every record family `sitrep export --what` can write, with the formats each supports. A new family
 * registers its description and formats in `export-families.ts` (the CLI lists its choices from there) and its
 * exporter here; the API reads its choices from this table.
 */
import type { FactQuery, IncidentQuery, Store } from '../store/store.ts';
import { claimsExporter } from './claim-record.ts';
import { toDocumentRecord } from './document-record.ts';
import { eventsExporter } from './event-record.ts';
import { EXPORT_FAMILIES, type ExportFamily, type ExportWhat } from './export-families.ts';
import { factsExporter } from './fact-record.ts';
import { incidentsExporter } from './incident-record.ts';
import { toMentionRecord } from './mention-record.ts';
import { RecordWriter } from './write-records.ts';

/** Records per page read from the store: exports never hold a whole store in memory. */
export const EXPORT_PAGE = 1000;

export interface ExportOptions {
  /** Include document texts (documents only). */
  readonly withText?: boolean;
  /** Only the incidents matching these filters (incidents only); default: every incident. */
  readonly incidents?: Omit<IncidentQuery, 'limit' | 'offset'>;
  /** Only the facts matching these filters (facts only); default: every fact. */
  readonly facts?: Omit<FactQuery, 'limit' | 'offset'>;
}

export interface Exporter extends ExportFamily {
  /** Writes every record in `format`; resolves to how many were written. */
  run(store: Store, format: string, write: (chunk: string) => void, options: ExportOptions): Promise<number>;
}

const DOCUMENT_COLUMNS = [
  'id',
  'externalId',
  'source',
  'title',
  'url',
  'byline',
  'language',
  'status',
  'statusReason',
  'duplicateOf',
  'published.start',
  'published.end',
  'published.inferred',
  'published.rule',
  'unpublishedReason',
  'syndicationGroup',
  'format',
  'origin',
  'ingestedAt',
];
const MENTION_COLUMNS = ['documentId', 'externalId', 'kind', 'span.start', 'span.end', 'text', 'value', 'rule', 'confidence'];

/** Pages through a listing until a short page. */
export async function eachPage<T>(
  list: (page: { limit: number; offset: number }) => Promise<T[]>,
  visit: (items: T[]) => Promise<void> | void,
): Promise<number> {
  let count = 0;
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await list({ limit: EXPORT_PAGE, offset });
    await visit(page);
    count += page.length;
    if (page.length < EXPORT_PAGE) return count;
  }
}

const documents: Exporter = {
  ...EXPORT_FAMILIES.documents,
  run(store, format, write, options) {
    const writer = new RecordWriter(
      format as 'jsonl' | 'csv',
      write,
      format === 'csv' ? [...DOCUMENT_COLUMNS, ...(options.withText ? ['text'] : [])] : undefined,
    );
    return eachPage(
      (page) => store.documents.list(page),
      (page) => writer.write(page.map((d) => toDocumentRecord(d, { withText: options.withText ?? false }))),
    );
  },
};

const mentions: Exporter = {
  ...EXPORT_FAMILIES.mentions,
  run(store, format, write) {
    const writer = new RecordWriter(format as 'jsonl' | 'csv', write, format === 'csv' ? MENTION_COLUMNS : undefined);
    const externalIds = new Map<string, string>();
    return eachPage(
      (page) => store.mentions.list(page),
      async (page) => {
        for (const id of new Set(page.map((m) => m.documentId))) {
          if (!externalIds.has(id)) externalIds.set(id, (await store.documents.get(id))?.externalId ?? id);
        }
        writer.write(
          page.map((m) => toMentionRecord(m, externalIds.get(m.documentId) ?? m.documentId, format === 'csv' ? 'csv' : 'jsonl')),
        );
      },
    );
  },
};

// One exporter for each family in EXPORT_FAMILIES, no more, no fewer (the type says so).
const exporters: Record<ExportWhat, Exporter> = {
  documents,
  mentions,
  claims: claimsExporter,
  facts: factsExporter,
  events: eventsExporter,
  incidents: incidentsExporter,
};

/** Record families by the name `--what` takes. */
export const EXPORTERS: Readonly<Record<string, Exporter>> = exporters;
