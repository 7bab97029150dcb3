/**
 * @module Ingest: reads inputs, prepares each report, finds exact and near copies, and stores the batch in one transaction.
 *
 * Order matters: exact copies are found before near copies (an exact copy is never a "near" one), and
 * near-copy candidates are looked up a chunk at a time so the ten-thousandth report costs what the first did.
 */
import { createHash } from 'node:crypto';
import type { Document, Origin } from '../model/document.ts';
import type { NewDocument, Store, StoreTransaction } from '../store/store.ts';
import { formatOrigin, IngestError } from './ingest-error.ts';
import { estimateJaccard } from './minhash.ts';
import { readPublished } from './infer-published.ts';
import { type PreparedDocument, prepareDocument, publishedOptions } from './prepare-document.ts';
import { datePeers, type StoryReport } from './story-peers.ts';
import type { ParsedItem } from './raw-report.ts';
import { type ReadInputsOptions, readInputs } from './read-inputs.ts';

/** Reports prepared before their duplicates are looked up and they are written. */
const CHUNK = 500;
/**
 * Word-shingle Jaccard, as estimated from MinHash signatures, at or above which two reports are copies of one
 * story: a new headline and a few edits stay well above it; two outlets' own write-ups of one briefing fall far below.
 */
export const NEAR_COPY_THRESHOLD = 0.6;

/**
 * What became of one report:
 * `stored` new; `near-duplicate` new, joined to an earlier copy's syndication group (a near-copy, or the same text
 * under another headline); `duplicate` the same text and headline as a stored report under another name, kept as a
 * record of it; `unchanged` already stored under this name,
 * nothing written; `skipped` stored but not analysed (say, not English); `failed` not stored, with the reason.
 */
export type IngestOutcome = 'stored' | 'near-duplicate' | 'duplicate' | 'unchanged' | 'skipped' | 'failed';

export interface IngestItemResult {
  readonly outcome: IngestOutcome;
  readonly origin: Origin;
  readonly externalId: string | null;
  readonly documentId: string | null;
  readonly syndicationGroup: string | null;
  /** Why it failed or was skipped, or which document it copies. */
  readonly reason: string | null;
}

/** A file in a folder that was not read (not a format sitrep reads), with the reason. */
export interface PassedOverFile {
  readonly path: string;
  readonly reason: string;
}

export interface IngestSummary {
  readonly items: readonly IngestItemResult[];
  /** Files in the folders named that were not read, each with the reason; none are stored or counted as reports. */
  readonly passedOver: readonly PassedOverFile[];
  readonly counts: Readonly<Record<IngestOutcome, number>>;
  /** Bytes of input read. */
  readonly bytes: number;
  readonly seconds: number;
}

export interface IngestProgress {
  readonly reports: number;
  readonly bytes: number;
}

export interface IngestOptions extends ReadInputsOptions {
  /** Languages analysed (ISO 639-1); reports in others are stored as skipped. Default: English. */
  readonly languages?: readonly string[];
  /** The time stamped on documents; also the day yearless dates are read against. Default: now. */
  readonly now?: string;
  /** Called after each report. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Called inside the ingest's transaction once every report is written, before it commits: what it writes (a
   * watch's record of the items it read) lands with the reports or not at all.
   */
  readonly beforeCommit?: (tx: StoreTransaction, items: readonly IngestItemResult[]) => Promise<void>;
}

/** Ingests files, folders and `-` (stdin) into the store, all in one transaction. */
export async function ingest(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  return ingestFrom(store, readInputs(paths, options), options);
}

/** Ingests already-parsed reports (for embedding sitrep and for measuring it). */
export async function ingestReports(
  store: Store,
  items: Iterable<ParsedItem> | AsyncIterable<ParsedItem>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  async function* single() {
    for await (const item of items)
      yield { path: item instanceof Error ? '' : item.origin.path, bytes: item instanceof Error ? 0 : item.text.length, items: [item] };
  }
  return ingestFrom(store, single(), options);
}

async function ingestFrom(
  store: Store,
  inputs: AsyncIterable<{
    readonly path: string;
    readonly bytes: number;
    readonly items: readonly ParsedItem[];
    readonly passedOver?: string;
  }>,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const prepareOptions = { now: options.now ?? new Date().toISOString(), languages: options.languages ?? ['en'] };
  const results: IngestItemResult[] = [];
  const passedOver: PassedOverFile[] = [];
  let bytes = 0;
  // Every report written, with whether it is firmly dated: the batch-level dating pass reads them after the last chunk.
  const written: Array<{ document: Document; firm: boolean }> = [];
  await store.transaction(async (tx) => {
    // Two ingests at once on PostgreSQL would each miss the other's copies and insert one report twice.
    await tx.lock('ingest');
    let pending: PreparedDocument[] = [];
    for await (const input of inputs) {
      if (input.passedOver !== undefined) passedOver.push({ path: input.path, reason: input.passedOver });
      bytes += input.bytes;
      for (const item of input.items) {
        if (item instanceof Error) {
          results.push(failure(item));
        } else {
          try {
            pending.push(prepareDocument(item, prepareOptions));
          } catch (error) {
            if (!(error instanceof IngestError)) throw error;
            results.push(failure(error));
          }
        }
        options.onProgress?.({ reports: results.length + pending.length, bytes });
      }
      if (pending.length >= CHUNK) {
        results.push(...(await storeChunk(tx, pending, written)));
        pending = [];
      }
    }
    results.push(...(await storeChunk(tx, pending, written)));
    await tx.documents.setPublished(dateFromStoryPeers(written, prepareOptions.now));
    await options.beforeCommit?.(tx, results);
  });
  const counts: Record<IngestOutcome, number> = { stored: 0, 'near-duplicate': 0, duplicate: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const result of results) counts[result.outcome]++;
  return { items: results, passedOver, counts, bytes, seconds: (performance.now() - started) / 1000 };
}

function failure(error: Error): IngestItemResult {
  const origin = error instanceof IngestError ? error.origin : { path: '?' };
  return { outcome: 'failed', origin, externalId: null, documentId: null, syndicationGroup: null, reason: error.message };
}

/** The id of a duplicate's own record: the same text under another name is a different record. */
function duplicateId(contentId: string, externalId: string): string {
  return createHash('sha256').update(`${contentId}\n${externalId}`).digest('hex').slice(0, 16);
}

/** A headline's words, for comparing two: case, punctuation and spacing are typography. */
function headlineKey(title: string | null): string {
  return (title ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether two reports with one text carry different headlines; a missing headline differs from none. */
function isOtherHeadline(a: string | null, b: string | null): boolean {
  const x = headlineKey(a);
  const y = headlineKey(b);
  return x !== '' && y !== '' && x !== y;
}

/**
 * Dates the batch's reports their own metadata, address and text do not firmly date from its other reports of the
 * same story (`datePeers`): the same syndication group, else the most alike in rare words and figures.
 */
function dateFromStoryPeers(
  written: ReadonlyArray<{ document: Document; firm: boolean }>,
  now: string,
): Array<{ id: string; published: NonNullable<Document['published']> }> {
  if (written.every((w) => w.firm)) return [];
  const byId = new Map(written.map((w) => [w.document.id, w.document]));
  const reports: StoryReport[] = written
    .filter((w) => w.document.status !== 'skipped')
    .map(({ document, firm }) => ({
      id: document.id,
      text: document.text,
      title: document.title,
      syndicationGroup: document.syndicationGroup,
      published: document.published,
      firm,
    }));
  const dated = datePeers(reports, (report, near) => {
    const document = byId.get(report.id);
    if (!document) return null;
    const options = publishedOptions({ published: null, url: document.url, format: document.format }, now);
    return readPublished(document.text, { ...options, near }).published;
  });
  return [...dated].map(([id, { published }]) => ({ id, published }));
}

/** Looks up one chunk's exact and near copies, then writes what is new. */
async function storeChunk(
  tx: StoreTransaction,
  chunk: readonly PreparedDocument[],
  written: Array<{ document: Document; firm: boolean }>,
): Promise<IngestItemResult[]> {
  if (chunk.length === 0) return [];
  const lookups = chunk.flatMap((p) => [p.document.id, duplicateId(p.document.id, p.document.externalId)]);
  const existing = await tx.documents.byIds(lookups);
  const storedByBand = new Map<number, StoredCandidate[]>();
  for (const candidate of await tx.documents.nearCandidates([...new Set(chunk.flatMap((p) => p.bands))])) {
    const entry = { id: candidate.id, group: candidate.syndicationGroup, signature: candidate.signature };
    for (const band of candidate.bandKeys) {
      const list = storedByBand.get(band);
      if (list) list.push(entry);
      else storedByBand.set(band, [entry]);
    }
  }
  const bandIndex = new Map<number, StoredCandidate[]>();

  const fresh = new Map<string, Document>();
  const writes: NewDocument[] = [];
  const results: IngestItemResult[] = [];
  const result = (outcome: IngestOutcome, document: Document, reason: string | null): IngestItemResult => ({
    outcome,
    origin: document.origin,
    externalId: document.externalId,
    documentId: document.id,
    syndicationGroup: document.syndicationGroup,
    reason,
  });

  for (const prepared of chunk) {
    const document = prepared.document;
    const original = existing.get(document.id) ?? fresh.get(document.id);
    if (original) {
      const copyId = duplicateId(document.id, document.externalId);
      if (original.externalId === document.externalId || existing.has(copyId) || fresh.has(copyId)) {
        results.push(
          result(
            'unchanged',
            original.externalId === document.externalId ? original : { ...document, id: copyId },
            `already stored as ${original.id}`,
          ),
        );
        continue;
      }
      if (isOtherHeadline(original.title, document.title)) {
        // One page text in front of many stories (a sign-in form, a paywall, a video player): the headline is what
        // the report tells, so it is analysed on its own. It stays in the original's group, never an extra source.
        const other: Document = { ...document, id: copyId, syndicationGroup: original.syndicationGroup };
        fresh.set(copyId, other);
        writes.push({ document: other, bands: [] });
        const reason = `same text as ${original.externalId} (${original.id}) under another headline`;
        results.push(result(other.status === 'skipped' ? 'skipped' : 'near-duplicate', other, other.statusReason ?? reason));
        continue;
      }
      const copy: Document = {
        ...document,
        id: copyId,
        status: 'duplicate',
        statusReason: `same text as ${original.externalId} (${original.id})`,
        duplicateOf: original.id,
        syndicationGroup: original.syndicationGroup,
      };
      fresh.set(copyId, copy);
      writes.push({ document: copy, bands: [] });
      results.push(result('duplicate', copy, copy.statusReason));
      continue;
    }

    const near = findNearCopy(prepared, [bandIndex, storedByBand]);
    const stored: Document = near ? { ...document, syndicationGroup: near.group } : document;
    fresh.set(stored.id, stored);
    writes.push({ document: stored, bands: prepared.bands, signature: prepared.signature });
    const entry = { id: stored.id, group: stored.syndicationGroup, signature: prepared.signature };
    for (const band of prepared.bands) {
      const list = bandIndex.get(band);
      if (list) list.push(entry);
      else bandIndex.set(band, [entry]);
    }
    if (stored.status === 'skipped') results.push(result('skipped', stored, stored.statusReason));
    else if (near) results.push(result('near-duplicate', stored, `near-copy (Jaccard ${near.similarity.toFixed(2)}) of ${near.id}`));
    else results.push(result('stored', stored, null));
  }
  await tx.documents.insert(writes);
  const firm = new Map(chunk.map((p) => [p.document.id, p.firmlyDated]));
  for (const { document } of writes)
    written.push({ document, firm: firm.get(document.id) ?? firm.get(document.duplicateOf ?? '') ?? true });
  return results;
}

/** A report that may be copied: stored earlier, or new in this chunk. */
interface StoredCandidate {
  readonly id: string;
  readonly group: string;
  readonly signature: Uint32Array;
}

/** The most similar earlier report sharing an LSH band, at or above the threshold. */
function findNearCopy(
  prepared: PreparedDocument,
  indexes: ReadonlyArray<ReadonlyMap<number, readonly StoredCandidate[]>>,
): { id: string; group: string; similarity: number } | null {
  let best: { id: string; group: string; similarity: number } | null = null;
  const seen = new Set<string>();
  for (const index of indexes) {
    for (const band of prepared.bands) {
      for (const other of index.get(band) ?? []) {
        if (seen.has(other.id)) continue;
        seen.add(other.id);
        const similarity = estimateJaccard(prepared.signature, other.signature);
        if (similarity >= NEAR_COPY_THRESHOLD && (!best || similarity > best.similarity))
          best = { id: other.id, group: other.group, similarity };
      }
    }
  }
  return best;
}

export { formatOrigin };
