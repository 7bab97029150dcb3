/**
 * @module Migration 0007: what `sitrep watch` remembers between runs: each source's fetch state (validators,
 * failures, when to poll next), the items already read from it, the alerts raised and where each was delivered.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function watchMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('watch_sources')
        .addColumn('source_id', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('polls', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_poll_at', 'text')
        .addColumn('last_polled_at', 'text')
        .addColumn('last_ok_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createTable('watch_items')
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text')
        .addColumn('seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('watch_items_pk', ['source_id', 'item_key'])
        .execute();
      await db.schema
        .createTable('alerts')
        .addColumn('seq', types.serial, (c) => (types.serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('alert_id', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_deliveries_pk', ['alert_id', 'target'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['alert_deliveries', 'alerts', 'watch_items', 'watch_sources']) await db.schema.dropTable(table).execute();
    },
  };
}
