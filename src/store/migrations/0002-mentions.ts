/** @module Migration 0002: mentions, and the analysis version each document is at. */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function mentionsMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Which version of the analysis a document has had: documents behind the current one are analysed (again).
      await db.schema
        .alterTable('documents')
        .addColumn('analysis_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('documents_analysis').on('documents').columns(['status', 'analysis_version']).execute();
      await db.schema
        .createTable('mentions')
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('confidence', types.real, (c) => c.notNull())
        .addPrimaryKeyConstraint('mentions_pk', ['document_id', 'ordinal'])
        .execute();
      await db.schema.createIndex('mentions_kind').on('mentions').columns(['kind', 'document_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('mentions').execute();
      await db.schema.dropIndex('documents_analysis').execute();
      await db.schema.alterTable('documents').dropColumn('analysis_version').execute();
    },
  };
}
