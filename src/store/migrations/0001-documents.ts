/** @module Migration 0001: documents and the LSH band keys of their MinHash signatures. */
import { type Kysely, type Migration, sql } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function documentsMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('seq', types.serial, (c) => (types.serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('title', 'text')
        .addColumn('url', 'text')
        .addColumn('byline', 'text')
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('stored', 'duplicate', 'skipped')`))
        .addColumn('status_reason', 'text')
        .addColumn('duplicate_of', 'text')
        .addColumn('published_start', 'text')
        .addColumn('published_end', 'text')
        .addColumn('published_inferred', 'integer')
        .addColumn('published_rule', 'text')
        .addColumn('syndication_group', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('origin_path', 'text', (c) => c.notNull())
        .addColumn('origin_line', 'integer')
        .addColumn('origin_item', 'integer')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('signature', types.bytes)
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_external_id').on('documents').column('external_id').execute();
      await db.schema.createIndex('documents_content_hash').on('documents').column('content_hash').execute();
      await db.schema.createIndex('documents_syndication_group').on('documents').column('syndication_group').execute();
      await db.schema.createIndex('documents_published').on('documents').columns(['published_start', 'published_end']).execute();
      await db.schema
        .createTable('document_bands')
        .addColumn('band_key', types.bigint, (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_bands_key').on('document_bands').column('band_key').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('document_bands').execute();
      await db.schema.dropTable('documents').execute();
    },
  };
}
