/** @module The export contract for mentions: where in which document, what kind, the normalised value and the rule. */
import type { StoredMention } from '../store/store.ts';

export interface MentionRecord {
  readonly documentId: string;
  readonly externalId: string;
  readonly kind: StoredMention['kind'];
  readonly span: { readonly start: number; readonly end: number };
  readonly text: string;
  /** The kind's value; in CSV, JSON text in one column. */
  readonly value: unknown;
  readonly rule: string;
  readonly confidence: number;
}

export function toMentionRecord(mention: StoredMention, externalId: string, format: 'jsonl' | 'csv' = 'jsonl'): MentionRecord {
  return {
    documentId: mention.documentId,
    externalId,
    kind: mention.kind,
    span: mention.span,
    text: mention.text,
    value: format === 'csv' ? JSON.stringify(mention.value) : mention.value,
    rule: mention.rule,
    confidence: mention.confidence,
  };
}
