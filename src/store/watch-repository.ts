/** @module What `sitrep watch` keeps in the store: sources' fetch state, items already read, alerts and their deliveries. */
import type { Kysely, Transaction } from 'kysely';
import { CHUNK, chunks } from './chunks.ts';
import type { Database } from './schema.ts';

/** A source's fetch state, as the last poll left it. */
export interface SourceState {
  readonly sourceId: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Failed polls in a row. */
  readonly failures: number;
  readonly polls: number;
  /** ISO timestamps. */
  readonly nextPollAt: string | null;
  readonly lastPolledAt: string | null;
  readonly lastOkAt: string | null;
  readonly lastError: string | null;
}

/** An item read from a source. */
export interface SeenItem {
  readonly sourceId: string;
  readonly itemKey: string;
  readonly contentHash: string;
  readonly documentId: string | null;
  readonly seenAt: string;
}

/** An alert as stored, with the targets it has reached. */
export interface StoredAlert {
  readonly seq: number;
  readonly id: string;
  readonly rule: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly payload: unknown;
}

type Db = Kysely<Database> | Transaction<Database>;

async function sourceStates(db: Db): Promise<Map<string, SourceState>> {
  const rows = await db.selectFrom('watch_sources').selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.source_id,
      {
        sourceId: r.source_id,
        etag: r.etag,
        lastModified: r.last_modified,
        failures: Number(r.failures),
        polls: Number(r.polls),
        nextPollAt: r.next_poll_at,
        lastPolledAt: r.last_polled_at,
        lastOkAt: r.last_ok_at,
        lastError: r.last_error,
      },
    ]),
  );
}

async function seenItems(db: Db, sourceId: string, keys: readonly string[]): Promise<Map<string, SeenItem>> {
  const seen = new Map<string, SeenItem>();
  for (const part of chunks(keys, CHUNK.lookup)) {
    const rows = await db.selectFrom('watch_items').selectAll().where('source_id', '=', sourceId).where('item_key', 'in', part).execute();
    for (const r of rows)
      seen.set(r.item_key, {
        sourceId: r.source_id,
        itemKey: r.item_key,
        contentHash: r.content_hash,
        documentId: r.document_id,
        seenAt: r.seen_at,
      });
  }
  return seen;
}

function toAlert(row: { seq: number; id: string; rule: string; kind: string; created_at: string; payload: string }): StoredAlert {
  return { seq: Number(row.seq), id: row.id, rule: row.rule, kind: row.kind, createdAt: row.created_at, payload: JSON.parse(row.payload) };
}

/** Reading watch state. */
export class WatchRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Every source's state, by source id. */
  sourceStates(): Promise<Map<string, SourceState>> {
    return sourceStates(this.#db);
  }

  /** Which of `keys` were read from the source, and with what content. */
  seenItems(sourceId: string, keys: readonly string[]): Promise<Map<string, SeenItem>> {
    return seenItems(this.#db, sourceId, keys);
  }

  /** Items read from a source, oldest first. */
  async items(sourceId?: string): Promise<SeenItem[]> {
    let select = this.#db.selectFrom('watch_items').selectAll();
    if (sourceId) select = select.where('source_id', '=', sourceId);
    const rows = await select.orderBy('seen_at').orderBy('item_key').execute();
    return rows.map((r) => ({
      sourceId: r.source_id,
      itemKey: r.item_key,
      contentHash: r.content_hash,
      documentId: r.document_id,
      seenAt: r.seen_at,
    }));
  }

  /** The documents read by the watch (by id, with their external ids): alerts are about what the watch read. */
  async watchedDocuments(): Promise<Map<string, string>> {
    const rows = await this.#db
      .selectFrom('watch_items')
      .innerJoin('documents', 'documents.id', 'watch_items.document_id')
      .select(['documents.id', 'documents.external_id'])
      .execute();
    return new Map(rows.map((r) => [r.id, r.external_id]));
  }

  /** Alerts raised after `afterSeq`, oldest first. */
  async alerts(afterSeq = 0, limit = 1000): Promise<StoredAlert[]> {
    const rows = await this.#db.selectFrom('alerts').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
    return rows.map(toAlert);
  }

  /** Alerts not yet delivered to `target`, oldest first. */
  async undelivered(target: string, limit = 1000): Promise<StoredAlert[]> {
    const rows = await this.#db
      .selectFrom('alerts')
      .selectAll()
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('alert_deliveries')
              .select('alert_id')
              .whereRef('alert_deliveries.alert_id', '=', 'alerts.id')
              .where('target', '=', target),
          ),
        ),
      )
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map(toAlert);
  }
}

/** Writing watch state, inside a transaction. */
export class WatchWrites {
  readonly #trx: Transaction<Database>;

  constructor(trx: Transaction<Database>) {
    this.#trx = trx;
  }

  sourceStates(): Promise<Map<string, SourceState>> {
    return sourceStates(this.#trx);
  }

  seenItems(sourceId: string, keys: readonly string[]): Promise<Map<string, SeenItem>> {
    return seenItems(this.#trx, sourceId, keys);
  }

  /** Writes a source's state whole. */
  async saveSourceState(state: SourceState): Promise<void> {
    const row = {
      source_id: state.sourceId,
      etag: state.etag,
      last_modified: state.lastModified,
      failures: state.failures,
      polls: state.polls,
      next_poll_at: state.nextPollAt,
      last_polled_at: state.lastPolledAt,
      last_ok_at: state.lastOkAt,
      last_error: state.lastError,
    };
    const { source_id: _id, ...rest } = row;
    await this.#trx
      .insertInto('watch_sources')
      .values(row)
      .onConflict((c) => c.column('source_id').doUpdateSet(rest))
      .execute();
  }

  /** Records items as read (an edited item's hash is replaced). */
  async markSeen(items: readonly SeenItem[]): Promise<void> {
    for (const part of chunks(items, CHUNK.wide)) {
      if (part.length === 0) continue;
      await this.#trx
        .insertInto('watch_items')
        .values(
          part.map((i) => ({
            source_id: i.sourceId,
            item_key: i.itemKey,
            content_hash: i.contentHash,
            document_id: i.documentId,
            seen_at: i.seenAt,
          })),
        )
        .onConflict((c) =>
          c.columns(['source_id', 'item_key']).doUpdateSet((eb) => ({
            content_hash: eb.ref('excluded.content_hash'),
            document_id: eb.ref('excluded.document_id'),
            seen_at: eb.ref('excluded.seen_at'),
          })),
        )
        .execute();
    }
  }

  /** Stores alerts whose ids are new; returns those (an id already stored is a change already reported). */
  async raiseAlerts(
    alerts: ReadonlyArray<{ id: string; rule: string; kind: string; createdAt: string; payload: unknown }>,
  ): Promise<string[]> {
    const raised: string[] = [];
    for (const alert of alerts) {
      const inserted = await this.#trx
        .insertInto('alerts')
        .values({ id: alert.id, rule: alert.rule, kind: alert.kind, created_at: alert.createdAt, payload: JSON.stringify(alert.payload) })
        .onConflict((c) => c.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) raised.push(alert.id);
    }
    return raised;
  }

  /** Records that an alert reached a target. */
  async markDelivered(alertId: string, target: string, at: string): Promise<void> {
    await this.#trx
      .insertInto('alert_deliveries')
      .values({ alert_id: alertId, target, delivered_at: at })
      .onConflict((c) => c.columns(['alert_id', 'target']).doNothing())
      .execute();
  }
}
