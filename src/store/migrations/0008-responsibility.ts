/**
 * @module Migration 0008: who claims, is blamed for or denies each event, one row per statement, so that events and
 * incidents can be found by a claimant, a blamed actor or a denier without reading every record. The statements
 * themselves (sentence, span, rule) stay in the event's record; events stored before this migration have none until
 * their documents are analysed again.
 */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function responsibilityMigration(_types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('event_responsibility')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('by_name', 'text')
        .execute();
      await db.schema.createIndex('event_responsibility_event').on('event_responsibility').column('event_id').execute();
      await db.schema.createIndex('event_responsibility_document').on('event_responsibility').column('document_id').execute();
      await db.schema.createIndex('event_responsibility_name').on('event_responsibility').columns(['kind', 'actor_name']).execute();
      await db.schema.createIndex('event_responsibility_actor').on('event_responsibility').columns(['kind', 'actor_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('event_responsibility').execute();
    },
  };
}
