/**
 * @module Versioned schema migrations, shared by both engines; only column types differ, and they are passed in.
 * One file per migration under `migrations/`; a name sorts after every name before it. Never edit one that has
 * shipped: add another.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { documentsMigration } from './migrations/0001-documents.ts';
import { mentionsMigration } from './migrations/0002-mentions.ts';
import { claimsFactsMigration } from './migrations/0003-claims-facts.ts';
import { eventsIncidentsMigration } from './migrations/0004-events-incidents.ts';
import { searchMigration } from './migrations/0005-search.ts';
import { primarySourcesMigration } from './migrations/0006-primary-sources.ts';
import { watchMigration } from './migrations/0007-watch.ts';
import { responsibilityMigration } from './migrations/0008-responsibility.ts';
import type { ColumnTypes } from './migrations/column-types.ts';

export type { ColumnTypes } from './migrations/column-types.ts';

function migrations(types: ColumnTypes): Record<string, Migration> {
  return {
    '0001-documents': documentsMigration(types),
    '0002-mentions': mentionsMigration(types),
    '0003-claims-facts': claimsFactsMigration(types),
    '0004-events-incidents': eventsIncidentsMigration(types),
    '0005-search': searchMigration(types),
    '0006-primary-sources': primarySourcesMigration(types),
    '0007-watch': watchMigration(types),
    '0008-responsibility': responsibilityMigration(types),
  };
}

/** A Kysely migration provider over the migrations above. */
export function migrationProvider(types: ColumnTypes): MigrationProvider {
  return { getMigrations: async () => migrations(types) };
}
