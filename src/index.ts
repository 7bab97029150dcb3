/** @module The library entry: the pipeline's stages as typed functions, the store, and the record types. */
export type * from './model/index.ts';
export { ingest, ingestReports } from './ingest/ingest.ts';
export type { IngestItemResult, IngestOptions, IngestOutcome, IngestSummary } from './ingest/ingest.ts';
export type { RawReport } from './ingest/raw-report.ts';
export { IngestError } from './ingest/ingest-error.ts';
export { inferPublished } from './ingest/infer-published.ts';
export { openStore, DEFAULT_STORE } from './store/open-store.ts';
export type { Store, DocumentQuery } from './store/store.ts';
