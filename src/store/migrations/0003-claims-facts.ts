/** @module Migration 0003: claims, facts, the blocking keys facts are found by, and the update links between facts. */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function claimsFactsMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('claims')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('noun', 'text')
        .addColumn('value_low', types.real, (c) => c.notNull())
        .addColumn('value_high', types.real)
        .addColumn('qualifier', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('period_start', 'text')
        .addColumn('period_end', 'text')
        .addColumn('period_basis', 'text')
        .addColumn('attribution_text', 'text')
        .addColumn('attribution_kind', 'text')
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('value_start', 'integer', (c) => c.notNull())
        .addColumn('value_end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'text')
        .execute();
      await db.schema.createIndex('claims_document').on('claims').columns(['document_id', 'ordinal']).execute();
      await db.schema.createIndex('claims_fact').on('claims').column('fact_id').execute();
      await db.schema
        .createTable('facts')
        .addColumn('seq', types.serial, (c) => (types.serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('noun', 'text')
        .addColumn('value_low', types.real, (c) => c.notNull())
        .addColumn('value_high', types.real)
        .addColumn('qualifier', 'text', (c) => c.notNull())
        .addColumn('place_name', 'text')
        .addColumn('place_country', 'text')
        .addColumn('place_countries', 'text')
        .addColumn('place', 'text')
        .addColumn('period_start', 'text')
        .addColumn('period_end', 'text')
        .addColumn('period_basis', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('claim_count', 'integer', (c) => c.notNull())
        .addColumn('source_count', 'integer', (c) => c.notNull())
        .addColumn('claims', 'text', (c) => c.notNull())
        .addColumn('documents', 'text', (c) => c.notNull())
        .addColumn('sources', 'text', (c) => c.notNull())
        .addColumn('sides', 'text', (c) => c.notNull())
        .addColumn('anchor_start', 'text')
        .addColumn('anchor_end', 'text')
        .addColumn('anchor_basis', 'text')
        .addColumn('text_places', 'text', (c) => c.notNull())
        .addColumn('series_key', 'text')
        .execute();
      await db.schema.createIndex('facts_category_status').on('facts').columns(['category', 'status']).execute();
      await db.schema.createIndex('facts_period').on('facts').columns(['period_start', 'period_end']).execute();
      await db.schema.createIndex('facts_series').on('facts').column('series_key').execute();
      await db.schema
        .createTable('fact_keys')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('fact_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fact_keys_pk', ['key', 'fact_id'])
        .execute();
      await db.schema.createIndex('fact_keys_fact').on('fact_keys').column('fact_id').execute();
      await db.schema
        .createTable('fact_updates')
        .addColumn('later_id', 'text', (c) => c.notNull())
        .addColumn('earlier_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('fact_updates_pk', ['later_id', 'earlier_id'])
        .execute();
      await db.schema.createIndex('fact_updates_earlier').on('fact_updates').column('earlier_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['fact_updates', 'fact_keys', 'facts', 'claims']) await db.schema.dropTable(table).execute();
    },
  };
}
