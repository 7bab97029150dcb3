/**
 * @module Team mode's own tables on PostgreSQL: the documents queued for analysis in resolution units, and what
 * analysis found in each, kept until its unit is resolved. A unit is a run of documents in store order; units are
 * resolved one after another in that order, so the facts and incidents never depend on which worker analysed what.
 */
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import type { Claim } from '../../model/claim.ts';
import type { Event } from '../../model/event.ts';
import type { Database } from '../schema.ts';

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

/**
 * Created on first use (`prepareTeamTables`); a SQLite store has none of them. What analysis found is kept as `json`,
 * not `jsonb`: jsonb reorders keys, and the records must reach the store exactly as one process would write them.
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
    claims json,
    events json
  )`,
  sql`create index if not exists team_items_by_unit on team_items (unit, seq)`,
];

/** Advisory lock key for creating the tables: "sitrep" in ASCII, then 0x10. */
const PREPARE_LOCK = 0x7369747265710;

/** Creates team mode's tables when missing; safe to run from many processes at once. */
export async function prepareTeamTables(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${PREPARE_LOCK})`.execute(trx);
    for (const statement of TABLES) await statement.execute(trx);
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
   * Of these documents, the queued ones no one has analysed yet, locked until the transaction ends: a second worker
   * running the same job (its lease ran out while the first still worked) waits here, then finds them analysed.
   */
  async takeUnanalysed(documentIds: readonly string[]): Promise<string[]> {
    const { rows } = await sql<{ document_id: string }>`
      select document_id from team_items
      where document_id = any(${[...documentIds]}::text[]) and not analysed
      order by seq for update`.execute(this.#trx);
    return rows.map((r) => r.document_id);
  }

  /** Keeps what analysis found in these documents (taken with `takeUnanalysed`) until their units are resolved. */
  async stage(results: readonly StagedAnalysis[]): Promise<void> {
    if (results.length === 0) return;
    // One statement for the whole job; the json type (unlike jsonb) hands each record back exactly as it was written.
    const payload = JSON.stringify(results.map((r) => ({ id: r.documentId, claims: r.claims, events: r.events })));
    const { rows } = await sql<{ unit: number; documents: number }>`
      with staged as (
        update team_items i set analysed = true, claims = e.value -> 'claims', events = e.value -> 'events'
        from json_array_elements(${payload}::json) e
        where i.document_id = e.value ->> 'id' and not i.analysed
        returning i.unit
      )
      select unit, count(*)::int as documents from staged group by unit order by unit`.execute(this.#trx);
    for (const row of rows)
      await sql`update team_units set analysed = analysed + ${row.documents} where unit = ${row.unit}`.execute(this.#trx);
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
    const { rows } = await sql<{ document_id: string; claims: Claim[] | null; events: Event[] | null }>`
      select document_id, claims, events from team_items where unit = ${unit} order by seq`.execute(this.#trx);
    return rows.map((r) => {
      if (r.claims === null || r.events === null) throw new Error(`team unit ${unit}: document ${r.document_id} is not analysed yet`);
      return { documentId: r.document_id, claims: r.claims, events: r.events };
    });
  }

  /** Marks a unit resolved and drops what was kept for it. */
  async finishUnit(unit: number): Promise<void> {
    await sql`delete from team_items where unit = ${unit}`.execute(this.#trx);
    await sql`update team_units set resolved_at = now() where unit = ${unit}`.execute(this.#trx);
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
}
