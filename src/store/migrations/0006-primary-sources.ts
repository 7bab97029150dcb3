/** @module Migration 0006: each fact keeps its primary sources, who first said the figure (a JSON list of names). */
import type { Kysely, Migration } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

export function primarySourcesMigration(_types: ColumnTypes): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Facts written before this migration read as having none, until their claims are resolved again.
      await db.schema.alterTable('facts').addColumn('primary_sources', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('facts').dropColumn('primary_sources').execute();
    },
  };
}
