/** @module The library entry: the pipeline's stages as typed functions, the store, and the record types. */

export type { ClaimInput } from './extract/claims/extract-claims.ts';
export { extractClaims } from './extract/claims/extract-claims.ts';
export type { EventInput } from './extract/events/extract-events.ts';
export { extractEvents } from './extract/events/extract-events.ts';
export { inferPublished } from './ingest/infer-published.ts';
export type { IngestItemResult, IngestOptions, IngestOutcome, IngestSummary } from './ingest/ingest.ts';
export { ingest, ingestReports } from './ingest/ingest.ts';
export { IngestError } from './ingest/ingest-error.ts';
export type { RawReport } from './ingest/raw-report.ts';
export type { AnalyseOptions, AnalyseSummary } from './pipeline/analyse.ts';
export { ANALYSIS_VERSION, analyse } from './pipeline/analyse.ts';
export { understand, loadLexicons } from './understand/understand.ts';
export type * from './model/index.ts';
export { resolveFacts } from './resolve/facts/resolve-facts.ts';
export { resolveIncidents } from './resolve/incidents/resolve-incidents.ts';
export type { SituationFormat, SituationQuery } from './report/situation-report.ts';
export { situationReport } from './report/situation-report.ts';
export type { RunningServer, ServeOptions } from './server/start-server.ts';
export { startServer } from './server/start-server.ts';
export { DEFAULT_STORE, openStore } from './store/open-store.ts';
export type { ClaimQuery, FactQuery, StoredClaim } from './store/store.ts';
export type { DocumentQuery, SearchHit, SearchQuery, Store } from './store/store.ts';
export type { EventQuery, IncidentDetail, IncidentQuery, StoredEvent, WeeklyIncidentCount } from './store/store.ts';
