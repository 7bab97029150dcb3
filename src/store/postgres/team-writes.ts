/**
 * @module Team mode's own tables on PostgreSQL: the documents queued for analysis in resolution units, and what
 * analysis found in each, kept until its unit is resolved. A unit is a run of documents in store order; units are
 * resolved one after another in that order, so the facts and incidents never depend on which worker analysed what.
 */
import { CompiledQuery, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Claim } from '../../model/claim.ts';
import type { Document } from '../../model/document.ts';
import type { Event } from '../../model/event.ts';
import { toDocument } from '../documents-repository.ts';
import type { Database, DocumentsTable } from '../schema.ts';

/** A unit as resolution sees it. */
export interface TeamUnit {
  /** Units are numbered from 1 in the order they were queued, which is the order they are resolved in. */
  readonly unit: number;
  readonly documents: number;
  readonly analysed: number;
}

/** What analysis found in one document of a unit, kept for the unit's resolution. */
export interface StagedAnalysis {
  readonly documentId: string;
  readonly claims: readonly Claim[];
  readonly events: readonly Event[];
}

/** How far resolution has got. */
export interface TeamProgress {
  readonly units: number;
  readonly resolvedUnits: number;
  readonly documents: number;
  readonly resolvedDocuments: number;
  /** The first unit not yet resolved, or null when every unit is. */
  readonly next: TeamUnit | null;
}

/** What a job's save found when it kept its documents' analyses. */
export interface KeptAnalyses {
  /** The documents kept, in store order. */
  readonly documentIds: string[];
  /** Units whose last document this transaction kept: they are ready to resolve once it commits. */
  readonly completedUnits: number[];
}

/**
 * Created on first use (`prepareTeamTables`); a SQLite store has none of them. What analysis found in a document is
 * kept as one JSON text, `[claims, events]`: plain `text`, so the server neither parses it on the way in (as `json`
 * would) nor reorders keys (as `jsonb` would), and the records reach the store exactly as one process writes them.
 */
const TABLES = [
  sql`create table if not exists team_units (
    unit bigint primary key,
    documents integer not null,
    analysed integer not null default 0,
    queued_at timestamptz not null default now(),
    resolved_at timestamptz
  )`,
  sql`create table if not exists team_items (
    document_id text primary key,
    unit bigint not null,
    seq bigint not null,
    analysed boolean not null default false,
    found text
  )`,
  sql`create index if not exists team_items_by_unit on team_items (unit, seq)`,
];

/** Rows per statement when keeping analyses: two parameters a row, far below PostgreSQL's 65,535. */
const KEPT_PER_STATEMENT = 1000;

/** Advisory lock key for creating the tables: "sitrep" in ASCII, then 0x10. */
const PREPARE_LOCK = 0x7369747265710;

/** Creates team mode's tables when missing; safe to run from many processes at once. */
export async function prepareTeamTables(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PREPARE_LOCK})`.execute(trx);
    const before = await sql<{ found: string | null }>`select to_regclass('team_items')::text as found`.execute(trx);
    const created = before.rows[0]?.found == null;
    for (const statement of TABLES) await statement.execute(trx);
    // Set once, on the table just made: altering it later would wait for every worker's writes, and they for it.
    if (!created) return;
    // A job's analyses are about 5 kB of JSON a document, written once and read once: lz4 compresses them several
    // times faster than PostgreSQL's default pglz (a job's write took 7 ms against 11 ms); a server built without lz4
    // stores them uncompressed (9 ms), which costs disk for the few units in flight rather than CPU on every job.
    const { rows } = await sql<{ lz4: boolean }>`
      select coalesce(bool_or('lz4' = any(enumvals)), false) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(trx);
    await (
      rows[0]?.lz4
        ? sql`alter table team_items alter column found set compression lz4`
        : sql`alter table team_items alter column found set storage external`
    ).execute(trx);
  });
}

/** Team mode's writes, inside a store transaction (PostgreSQL only). */
export class TeamWrites {
  readonly #trx: Transaction<Database>;

  constructor(trx: Transaction<Database>) {
    this.#trx = trx;
  }

  /**
   * Queues every stored document whose analysis is older than `version` and that is not queued yet, in store order,
   * as new units of at most `unitSize` documents. Hold the `ingest` lock: units are numbered in the order they commit.
   */
  async queuePending(version: number, unitSize: number): Promise<Array<{ unit: number; documentIds: string[] }>> {
    const { rows } = await sql<{ id: string; seq: number }>`
      select d.id, d.seq from documents d
      where d.status = 'stored' and d.analysis_version < ${version}
        and not exists (select 1 from team_items i where i.document_id = d.id)
      order by d.seq`.execute(this.#trx);
    if (rows.length === 0) return [];
    const last = await sql<{ unit: number | null }>`select max(unit) as unit from team_units`.execute(this.#trx);
    let unit = Number(last.rows[0]?.unit ?? 0);
    const units: Array<{ unit: number; documentIds: string[] }> = [];
    for (let at = 0; at < rows.length; at += unitSize) {
      const part = rows.slice(at, at + unitSize);
      unit++;
      await sql`insert into team_units (unit, documents) values (${unit}, ${part.length})`.execute(this.#trx);
      await sql`
        insert into team_items (document_id, unit, seq)
        select id, ${unit}, seq from unnest(${part.map((r) => r.id)}::text[], ${part.map((r) => r.seq)}::bigint[]) as t(id, seq)`.execute(
        this.#trx,
      );
      units.push({ unit, documentIds: part.map((r) => r.id) });
    }
    return units;
  }

  /**
   * Of these documents, those queued and not yet analysed, in store order, locked until the transaction ends: what a
   * job has left to do (all of it, unless an earlier try saved some), with the ids of any that are queued but no
   * longer stored. A second worker running the same job (its lease ran out while the first still worked) waits here,
   * then finds them analysed.
   */
  async takeUnanalysed(documentIds: readonly string[]): Promise<{ documents: Document[]; missing: string[] }> {
    const { rows } = await sql<{ item_id: string } & Partial<Selectable<DocumentsTable>>>`
      select i.document_id as item_id, d.* from team_items i left join documents d on d.id = i.document_id
      where i.document_id = any(${[...documentIds]}::text[]) and not i.analysed
      order by i.seq for update of i`.execute(this.#trx);
    const documents: Document[] = [];
    const missing: string[] = [];
    for (const { item_id, ...row } of rows) {
      if (row.id == null) missing.push(item_id);
      else documents.push(toDocument(row as Selectable<DocumentsTable>));
    }
    return { documents, missing };
  }

  /**
   * Keeps what analysis found in these documents (taken with `takeUnanalysed`) until their units are resolved, and
   * counts them analysed in their units: one statement a job. Run it last before the commit: the count locks the
   * unit's row, which every job of the unit updates.
   */
  async keep(analyses: readonly StagedAnalysis[]): Promise<KeptAnalyses> {
    const documentIds: string[] = [];
    const completed = new Set<number>();
    for (let at = 0; at < analyses.length; at += KEPT_PER_STATEMENT) {
      const part = analyses.slice(at, at + KEPT_PER_STATEMENT);
      // One parameter per document: an array parameter would be escaped into an array literal and parsed back.
      const values = part.map((a) => sql`(${a.documentId}::text, ${JSON.stringify([a.claims, a.events])}::text)`);
      const { rows } = await sql<{ document_id: string; unit: number; complete: boolean }>`
        with kept as (
          update team_items i set analysed = true, found = v.found
          from (values ${sql.join(values)}) as v(document_id, found)
          where i.document_id = v.document_id and not i.analysed
          returning i.document_id, i.unit, i.seq
        ), counted as (
          update team_units u set analysed = u.analysed + k.documents
          from (select unit, count(*)::int as documents from kept group by unit) k
          where u.unit = k.unit
          returning u.unit, u.analysed = u.documents as complete
        )
        select k.document_id, k.unit, c.complete from kept k join counted c on c.unit = k.unit order by k.seq`.execute(this.#trx);
      for (const row of rows) {
        documentIds.push(row.document_id);
        if (row.complete) completed.add(Number(row.unit));
      }
    }
    return { documentIds, completedUnits: [...completed].sort((a, b) => a - b) };
  }

  /** This transaction's connection, for the queue library to write its jobs in the same transaction. */
  sqlExecutor(): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
    return { executeSql: async (text, values) => ({ rows: (await this.#trx.executeQuery(CompiledQuery.raw(text, values))).rows }) };
  }

  /** The first unit not yet resolved, or null. */
  async nextUnit(): Promise<TeamUnit | null> {
    return nextUnit(this.#trx);
  }

  /** What analysis found in a unit's documents, in store order. */
  async staged(unit: number): Promise<StagedAnalysis[]> {
    const { rows } = await sql<{ document_id: string; found: string | null }>`
      select document_id, found from team_items where unit = ${unit} order by seq`.execute(this.#trx);
    return rows.map((r) => {
      if (r.found === null) throw new Error(`team unit ${unit}: document ${r.document_id} is not analysed yet`);
      const [claims, events] = JSON.parse(r.found) as [Claim[], Event[]];
      return { documentId: r.document_id, claims, events };
    });
  }

  /** Marks a unit resolved and drops what was kept for it. */
  async finishUnit(unit: number): Promise<void> {
    await sql`
      with dropped as (delete from team_items where unit = ${unit})
      update team_units set resolved_at = now() where unit = ${unit}`.execute(this.#trx);
  }
}

async function nextUnit(db: Kysely<Database>): Promise<TeamUnit | null> {
  const { rows } = await sql<{ unit: number; documents: number; analysed: number }>`
    select unit, documents, analysed from team_units where resolved_at is null order by unit limit 1`.execute(db);
  const row = rows[0];
  return row ? { unit: Number(row.unit), documents: Number(row.documents), analysed: Number(row.analysed) } : null;
}

/** Resolution's progress, read outside any transaction. */
export async function teamProgress(db: Kysely<Database>): Promise<TeamProgress> {
  const exists = await sql<{ found: string | null }>`select to_regclass('team_units')::text as found`.execute(db);
  if (exists.rows[0]?.found == null) return { units: 0, resolvedUnits: 0, documents: 0, resolvedDocuments: 0, next: null };
  const { rows } = await sql<{ units: number; resolved_units: number; documents: number; resolved_documents: number }>`
    select count(*)::int as units,
      count(resolved_at)::int as resolved_units,
      coalesce(sum(documents), 0)::int as documents,
      coalesce(sum(documents) filter (where resolved_at is not null), 0)::int as resolved_documents
    from team_units`.execute(db);
  const row = rows[0] ?? { units: 0, resolved_units: 0, documents: 0, resolved_documents: 0 };
  return {
    units: row.units,
    resolvedUnits: row.resolved_units,
    documents: row.documents,
    resolvedDocuments: row.resolved_documents,
    next: await nextUnit(db),
  };
}

/** Team mode's reads outside transactions (PostgreSQL only). */
export class TeamRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Creates team mode's tables when missing. */
  prepare(): Promise<void> {
    return prepareTeamTables(this.#db);
  }

  /** How far resolution has got. */
  progress(): Promise<TeamProgress> {
    return teamProgress(this.#db);
  }

  /** The first unit not yet resolved, or null (the team tables must exist: `prepare`). */
  async nextUnit(): Promise<TeamUnit | null> {
    return nextUnit(this.#db);
  }
}
