/** @module The export contract for documents: the fields later tools and checks read, in a stable shape. */
import type { Document } from '../model/document.ts';

/** One document as `sitrep export --what documents` writes it. Documented in the README. */
export interface DocumentRecord {
  readonly id: string;
  readonly externalId: string;
  readonly source: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly byline: string | null;
  readonly language: string;
  readonly status: Document['status'];
  readonly statusReason: string | null;
  readonly duplicateOf: string | null;
  readonly published: { readonly start: string; readonly end: string; readonly inferred: boolean; readonly rule: string } | null;
  /** Why `published` is null, else null. */
  readonly unpublishedReason: string | null;
  readonly syndicationGroup: string;
  readonly format: Document['format'];
  readonly origin: string;
  readonly ingestedAt: string;
  readonly text?: string;
}

export interface DocumentRecordOptions {
  /** Include the full text (JSONL only by default). */
  readonly withText?: boolean;
}

export function toDocumentRecord(document: Document, options: DocumentRecordOptions = {}): DocumentRecord {
  const origin =
    document.origin.line !== undefined
      ? `${document.origin.path}:${document.origin.line}`
      : document.origin.item !== undefined
        ? `${document.origin.path}#${document.origin.item}`
        : document.origin.path;
  return {
    id: document.id,
    externalId: document.externalId,
    source: document.source,
    title: document.title,
    url: document.url,
    byline: document.byline,
    language: document.language,
    status: document.status,
    statusReason: document.statusReason,
    duplicateOf: document.duplicateOf,
    published: document.published,
    unpublishedReason: document.published ? null : (document.unpublishedReason ?? null),
    syndicationGroup: document.syndicationGroup,
    format: document.format,
    origin,
    ingestedAt: document.ingestedAt,
    ...(options.withText ? { text: document.text } : {}),
  };
}
