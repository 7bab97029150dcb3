/**
 * @module Migration 0005: full-text search over documents (SQLite FTS5, PostgreSQL tsvector), kept in step with
 * inserts by triggers, and the indexes the API's source filter and overview counts read.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

/** The PostgreSQL text-search configuration; SQLite uses the Porter stemmer, also English: "strike" finds "strikes". */
export const SEARCH_LANGUAGE = 'english';

export function searchMigration(types: ColumnTypes): Migration {
  // Only the column types tell the engines apart inside a migration; bigserial exists on PostgreSQL alone.
  const postgres = types.serial === 'bigserial';
  return {
    async up(db: Kysely<unknown>) {
      // Listing by source in insertion order without reading the documents' text.
      await db.schema.createIndex('documents_source').on('documents').columns(['source', 'seq']).execute();
      // Covering indexes for the overview counts (reports per day, per source): answered from the index alone.
      await db.schema.createIndex('documents_status_day').on('documents').columns(['status', 'published_start', 'published_end']).execute();
      await db.schema
        .createIndex('documents_status_source')
        .on('documents')
        .columns(['status', 'source', 'published_start', 'published_end'])
        .execute();
      if (postgres) await upPostgres(db);
      else await upSqlite(db);
    },
    async down(db: Kysely<unknown>) {
      if (postgres) {
        await sql`drop trigger if exists documents_search_sync on documents`.execute(db);
        await sql`drop function if exists document_search_sync()`.execute(db);
        await sql`drop table if exists document_search`.execute(db);
      } else {
        for (const name of ['documents_fts_insert', 'documents_fts_delete', 'documents_fts_update'])
          await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
        await sql`drop table if exists documents_fts`.execute(db);
      }
      await db.schema.dropIndex('documents_status_source').execute();
      await db.schema.dropIndex('documents_status_day').execute();
      await db.schema.dropIndex('documents_source').execute();
    },
  };
}

/**
 * An external-content FTS5 table over `documents` (the text is not stored twice), keyed by `seq`. Titles weigh
 * five times the text in the ranking: a report headed by the words is about them.
 */
async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table documents_fts using fts5(
    title, text, content='documents', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into documents_fts(documents_fts, rank) values ('rank', 'bm25(5.0, 1.0)')`.execute(db);
  await sql`create trigger documents_fts_insert after insert on documents begin
    insert into documents_fts(rowid, title, text) values (new.seq, new.title, new.text);
  end`.execute(db);
  await sql`create trigger documents_fts_delete after delete on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
  end`.execute(db);
  await sql`create trigger documents_fts_update after update of title, text on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.seq, old.title, old.text);
    insert into documents_fts(rowid, title, text) values (new.seq, new.title, new.text);
  end`.execute(db);
  // Stores migrated before this one already hold documents.
  await sql`insert into documents_fts(documents_fts) values ('rebuild')`.execute(db);
}

/**
 * A side table of weighted tsvectors (title A, text D) with a GIN index. It is a table of its own, not a column
 * of `documents`, so listing documents never carries the vectors.
 */
async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`create table document_search (
    seq bigint primary key references documents(seq) on delete cascade,
    vector tsvector not null)`.execute(db);
  await sql`create index document_search_vector on document_search using gin (vector)`.execute(db);
  await sql
    .raw(
      `create function document_search_sync() returns trigger language plpgsql as $$
    begin
      insert into document_search (seq, vector)
      values (new.seq, setweight(to_tsvector('${SEARCH_LANGUAGE}', coalesce(new.title, '')), 'A') || to_tsvector('${SEARCH_LANGUAGE}', new.text))
      on conflict (seq) do update set vector = excluded.vector;
      return new;
    end $$`,
    )
    .execute(db);
  await sql`create trigger documents_search_sync after insert or update of title, text on documents
    for each row execute function document_search_sync()`.execute(db);
  await sql
    .raw(
      `insert into document_search (seq, vector)
    select seq, setweight(to_tsvector('${SEARCH_LANGUAGE}', coalesce(title, '')), 'A') || to_tsvector('${SEARCH_LANGUAGE}', text) from documents`,
    )
    .execute(db);
}
