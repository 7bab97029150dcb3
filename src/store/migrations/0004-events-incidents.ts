/** @module Migration 0004: events, incidents and the blocking keys incidents are found by. */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function eventsIncidentsMigration(types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('date_start', 'text')
        .addColumn('date_end', 'text')
        .addColumn('modality', 'text', (c) => c.notNull())
        .addColumn('salience', types.real, (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_document').on('events').columns(['document_id', 'ordinal']).execute();
      await db.schema.createIndex('events_incident').on('events').column('incident_id').execute();
      await db.schema.createIndex('events_type_date').on('events').columns(['type', 'date_start']).execute();
      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('week', 'text')
        .addColumn('date_start', 'text')
        .addColumn('date_end', 'text')
        .addColumn('place_name', 'text')
        .addColumn('killed_best', 'integer')
        .addColumn('injured_best', 'integer')
        .addColumn('source_count', 'integer', (c) => c.notNull())
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .addColumn('aggregate', 'integer', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_date').on('incidents').columns(['date_start', 'id']).execute();
      await db.schema.createIndex('incidents_type_country').on('incidents').columns(['type', 'country', 'week']).execute();
      await db.schema
        .createTable('incident_blocks')
        .addColumn('block_key', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_blocks_key').on('incident_blocks').column('block_key').execute();
      await db.schema.createIndex('incident_blocks_incident').on('incident_blocks').column('incident_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('incident_blocks').execute();
      await db.schema.dropTable('incidents').execute();
      await db.schema.dropTable('events').execute();
    },
  };
}
