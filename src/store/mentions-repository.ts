/** @module Mentions in the store: what the understanding stage found, per document, replaced whole on re-analysis. */
import type { Kysely, Transaction } from 'kysely';
import type { Mention } from '../model/mention.ts';
import { CHUNK, chunks } from './chunks.ts';
import type { RowWriter } from './row-writer.ts';
import type { Database } from './schema.ts';

/** A mention with the document it was found in. */
export type StoredMention = Mention & { readonly documentId: string };

/** Filters for listing mentions. */
export interface MentionQuery {
  readonly documentId?: string;
  readonly kind?: Mention['kind'];
  readonly limit?: number;
  readonly offset?: number;
}

/** Reading mentions. */
export class MentionsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Mentions in document order, then span order. */
  async list(query: MentionQuery = {}): Promise<StoredMention[]> {
    let select = this.#db.selectFrom('mentions').selectAll();
    if (query.documentId) select = select.where('document_id', '=', query.documentId);
    if (query.kind) select = select.where('kind', '=', query.kind);
    select = select.orderBy('document_id').orderBy('ordinal');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map(
      (row) =>
        ({
          documentId: row.document_id,
          kind: row.kind,
          span: { start: row.span_start, end: row.span_end },
          text: row.text,
          value: JSON.parse(row.value),
          rule: row.rule,
          confidence: row.confidence,
        }) as StoredMention,
    );
  }
}

/** Writing mentions, inside a transaction. */
export class MentionWrites {
  readonly #trx: Transaction<Database>;
  readonly #rows: RowWriter;

  constructor(trx: Transaction<Database>, rows: RowWriter) {
    this.#trx = trx;
    this.#rows = rows;
  }

  /** Replaces the mentions of these documents and records the analysis version they are now at. */
  async save(
    results: ReadonlyArray<{ readonly documentId: string; readonly mentions: readonly Mention[] }>,
    version: number,
  ): Promise<void> {
    for (const chunk of chunks(
      results.map((r) => r.documentId),
      CHUNK.lookup,
    )) {
      await this.#trx.deleteFrom('mentions').where('document_id', 'in', chunk).execute();
      await this.#trx.updateTable('documents').set({ analysis_version: version }).where('id', 'in', chunk).execute();
    }
    const rows = results.flatMap((r) =>
      r.mentions.map((m, ordinal) => ({
        document_id: r.documentId,
        ordinal,
        kind: m.kind,
        span_start: m.span.start,
        span_end: m.span.end,
        text: m.text,
        value: JSON.stringify(m.value),
        rule: m.rule,
        confidence: m.confidence,
      })),
    );
    await this.#rows.insert('mentions', rows);
  }
}
