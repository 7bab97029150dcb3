/** @module Turns a parsed report into a document ready to store: id, language, publication date, near-copy signature. */
import { createHash } from 'node:crypto';
import type { Document, DocumentStatus } from '../model/document.ts';
import { normaliseText } from './decode-text.ts';
import { detectLanguage } from './detect-language.ts';
import { readMetadataDay, readPublished } from './infer-published.ts';
import { inferSource } from './infer-source.ts';
import { IngestError } from './ingest-error.ts';
import { bandKeys, minhashSignature, shingleHashes } from './minhash.ts';
import type { RawReport } from './raw-report.ts';

/**
 * The longest text one report may have: two million characters, a long book, where news runs to thousands. Past
 * it, analysis would hold more memory than a batch should.
 */
export const MAX_REPORT_CHARS = 2_000_000;

/** A document before duplicate detection, with what detection needs. */
export interface PreparedDocument {
  readonly document: Document;
  readonly signature: Uint32Array;
  readonly bands: readonly number[];
  /** Whether its metadata, address or text fixes its date; if not, the batch's other reports of its story may. */
  readonly firmlyDated: boolean;
}

export interface PrepareOptions {
  /** ISO timestamp stamped on the document. */
  readonly now: string;
  /** Languages analysed; others are stored as skipped. */
  readonly languages: readonly string[];
}

/** Normalises a parsed report into a document; throws an IngestError for an empty one, or one whose metadata names an impossible date. */
export function prepareDocument(raw: RawReport, options: PrepareOptions): PreparedDocument {
  if (raw.text.length > MAX_REPORT_CHARS)
    throw new IngestError(
      'too-large',
      raw.origin,
      `is a report of ${raw.text.length.toLocaleString('en')} characters, over the ${MAX_REPORT_CHARS.toLocaleString('en')}-character limit for one report: split it into reports`,
    );
  const text = normaliseText(raw.text);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError('empty', raw.origin, 'has no text');
  const metadataDay = raw.published ? readMetadataDay(raw.published) : null;
  if (metadataDay !== null && 'problem' in metadataDay)
    throw new IngestError('bad-field', raw.origin, `"${clip(raw.published as string)}" is not a calendar day: it ${metadataDay.problem}`, {
      field: 'published',
    });
  const contentHash = createHash('sha256').update(text.replace(/\s+/g, ' ')).digest('hex');
  const { language } = detectLanguage(text);
  let status: DocumentStatus = 'stored';
  let statusReason: string | null = null;
  if (!options.languages.includes(language)) {
    status = 'skipped';
    statusReason =
      language === 'und'
        ? 'language could not be told (too little running text)'
        : `language is ${language}, not ${options.languages.join(' or ')}`;
  }
  const id = contentHash.slice(0, 16);
  const reading = readPublished(text, publishedOptions(raw, options.now));
  const signature = minhashSignature(shingleHashes(text));
  const document: Document = {
    id,
    externalId: raw.externalId,
    source: inferSource(text, raw.source, raw.url),
    title: raw.title,
    url: raw.url,
    byline: raw.byline,
    language,
    status,
    statusReason,
    duplicateOf: null,
    published: reading.published,
    ...(reading.reason === null ? {} : { unpublishedReason: reading.reason }),
    syndicationGroup: id,
    format: raw.format,
    origin: raw.origin,
    text,
    contentHash,
    ingestedAt: options.now,
  };
  return { document, signature, bands: bandKeys(signature), firmlyDated: reading.firm };
}

/** How a report's publication date is read: only a live feed's items may be dated by the day they are read. */
export function publishedOptions(
  raw: Pick<RawReport, 'published' | 'url' | 'format'>,
  now: string,
): { metadata: string | null; url: string | null; today: string; live: boolean } {
  return { metadata: raw.published, url: raw.url, today: now, live: raw.format === 'rss' || raw.format === 'atom' };
}

/** A field's value in a message, without echoing a whole page of it. */
function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
