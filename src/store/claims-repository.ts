/**
 * @module Claims and facts in the store: listing and filtering facts, a fact's ledger, claims per document; and,
 * inside a transaction, what incremental resolution reads and writes (facts by blocking key, claims, update links).
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Claim, ClaimAttribution, ClaimCategory, ClaimModality, ClaimPeriod, ClaimPlace, ClaimValue } from '../model/claim.ts';
import type { Fact, FactSide, FactStatus, LedgerEntry } from '../model/fact.ts';
import type { AttributionKind, Qualifier } from '../model/mention.ts';
import type { FactState, FactStorePort, FactWrite, SeriesFact } from '../resolve/facts/resolve-facts.ts';
import type { ClaimSource, SourcedClaim } from '../resolve/facts/summarise-fact.ts';
import { CHUNK, chunks } from './chunks.ts';
import type { RowWriter } from './row-writer.ts';
import { containsPattern, placeSpellings } from './place-filter.ts';
import type { ClaimsTable, Database, FactsTable } from './schema.ts';

/** A claim with the document's external id and the fact it belongs to. */
export type StoredClaim = Claim & { readonly externalId: string; readonly factId: string | null };

/** Filters for listing claims; every field narrows. */
export interface ClaimQuery {
  readonly documentId?: string;
  readonly factId?: string;
  readonly category?: ClaimCategory;
  readonly limit?: number;
  readonly offset?: number;
}

/** Filters for listing facts; every field narrows. */
export interface FactQuery {
  readonly category?: ClaimCategory;
  readonly status?: FactStatus;
  /** ISO 3166-1 alpha-2: facts whose place covers this country. */
  readonly country?: string;
  /** Facts whose place name contains this text, in any case ("kamal"), or is another spelling of it ("Al-Bukamal"). */
  readonly place?: string;
  /** Facts whose period ends on or after this ISO day. */
  readonly since?: string;
  /** Facts whose period starts on or before this ISO day. */
  readonly until?: string;
  /** Facts with a claim from a document of this source (outlet name, exactly). */
  readonly source?: string;
  /** Facts with at least this many independent sources. */
  readonly minSources?: number;
  readonly limit?: number;
  readonly offset?: number;
}

type FactRow = Selectable<FactsTable>;
type ClaimRow = Selectable<ClaimsTable>;

/** Reading claims and facts. */
export class ClaimsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Claims in document order, then text order. */
  async list(query: ClaimQuery = {}): Promise<StoredClaim[]> {
    let select = this.#db
      .selectFrom('claims as c')
      .innerJoin('documents as d', 'd.id', 'c.document_id')
      .selectAll('c')
      .select('d.external_id');
    if (query.documentId) select = select.where('c.document_id', '=', query.documentId);
    if (query.factId) select = select.where('c.fact_id', '=', query.factId);
    if (query.category) select = select.where('c.category', '=', query.category);
    select = select.orderBy('d.seq').orderBy('c.ordinal');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map((row) => ({ ...toClaim(row), externalId: row.external_id, factId: row.fact_id }));
  }

  /** Facts in the order they were first found, filtered and paged. */
  async facts(query: FactQuery = {}): Promise<Fact[]> {
    let select = (await this.#filtered(query)).selectAll('f').orderBy('f.seq');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return this.#withLinks(await select.execute());
  }

  /** How many facts the filters select (for pagination). */
  async countFacts(query: Omit<FactQuery, 'limit' | 'offset'> = {}): Promise<number> {
    const row = await (await this.#filtered(query)).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** One fact by id, or null. */
  async fact(id: string): Promise<Fact | null> {
    const rows = await this.#db.selectFrom('facts as f').selectAll('f').where('f.id', '=', id).execute();
    return (await this.#withLinks(rows))[0] ?? null;
  }

  /** A fact's ledger: every claim with its document, source, attribution, value, modality and sentence, oldest first. */
  async ledger(factId: string): Promise<LedgerEntry[]> {
    const rows = await this.#db
      .selectFrom('claims as c')
      .innerJoin('documents as d', 'd.id', 'c.document_id')
      .selectAll('c')
      .select(['d.external_id', 'd.source', 'd.published_end'])
      .where('c.fact_id', '=', factId)
      .orderBy('d.published_end')
      .orderBy('d.seq')
      .orderBy('c.ordinal')
      .execute();
    return rows.map((row) => {
      const claim = toClaim(row);
      return {
        claimId: claim.id,
        documentId: claim.documentId,
        externalId: row.external_id,
        source: row.source,
        published: row.published_end,
        attribution: claim.attribution,
        value: claim.value,
        modality: claim.modality,
        place: claim.place,
        period: claim.period,
        span: claim.span,
        text: claim.text,
        rule: claim.rule,
      };
    });
  }

  async #filtered(query: Omit<FactQuery, 'limit' | 'offset'>) {
    let select = this.#db.selectFrom('facts as f');
    if (query.category) select = select.where('f.category', '=', query.category);
    if (query.status) select = select.where('f.status', '=', query.status);
    if (query.country) select = select.where('f.place_countries', 'like', `%,${query.country.toUpperCase()},%`);
    if (query.place) {
      const pattern = containsPattern(query.place);
      const spellings = await placeSpellings(query.place);
      select = select.where((eb) =>
        eb.or([
          eb(sql<string>`lower(f.place_name)`, 'like', sql<string>`${pattern} escape '!'`),
          ...(spellings.length > 0 ? [eb(sql<string>`lower(f.place_name)`, 'in', spellings)] : []),
        ]),
      );
    }
    if (query.since) select = select.where('f.period_end', '>=', query.since);
    if (query.until) select = select.where('f.period_start', '<=', query.until);
    if (query.minSources !== undefined) select = select.where('f.source_count', '>=', query.minSources);
    if (query.source) {
      const source = query.source;
      select = select.where('f.id', 'in', (eb) =>
        eb
          .selectFrom('claims as c')
          .innerJoin('documents as d', 'd.id', 'c.document_id')
          .select('c.fact_id')
          .where('d.source', '=', source)
          .where('c.fact_id', 'is not', null)
          .$castTo<string>(),
      );
    }
    return select;
  }

  async #withLinks(rows: readonly FactRow[]): Promise<Fact[]> {
    const links = await readLinks(
      this.#db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toFact(row, links));
  }
}

interface Links {
  readonly updates: Map<string, string[]>;
  readonly updatedBy: Map<string, string[]>;
}

/** Update links of these facts: what each supersedes (latest first) and what supersedes it (earliest first). */
async function readLinks(db: Kysely<Database> | Transaction<Database>, ids: readonly string[]): Promise<Links> {
  const updates = new Map<string, string[]>();
  const updatedBy = new Map<string, string[]>();
  for (const chunk of chunks(ids, CHUNK.lookup)) {
    const earlier = await db
      .selectFrom('fact_updates as u')
      .innerJoin('facts as f', 'f.id', 'u.earlier_id')
      .select(['u.later_id', 'u.earlier_id'])
      .where('u.later_id', 'in', chunk)
      .orderBy('f.period_end', 'desc')
      .orderBy('f.seq')
      .execute();
    for (const row of earlier) updates.set(row.later_id, [...(updates.get(row.later_id) ?? []), row.earlier_id]);
    const later = await db
      .selectFrom('fact_updates as u')
      .innerJoin('facts as f', 'f.id', 'u.later_id')
      .select(['u.later_id', 'u.earlier_id'])
      .where('u.earlier_id', 'in', chunk)
      .orderBy('f.period_end')
      .orderBy('f.seq')
      .execute();
    for (const row of later) updatedBy.set(row.earlier_id, [...(updatedBy.get(row.earlier_id) ?? []), row.later_id]);
  }
  return { updates, updatedBy };
}

function toFact(row: FactRow, links: Links): Fact {
  return {
    id: row.id,
    category: row.category as ClaimCategory,
    noun: row.noun,
    value: toValue(row),
    place: row.place === null ? null : (JSON.parse(row.place) as ClaimPlace),
    period: toPeriod(row.period_start, row.period_end, row.period_basis),
    status: row.status as FactStatus,
    claims: JSON.parse(row.claims) as string[],
    documents: JSON.parse(row.documents) as string[],
    sources: JSON.parse(row.sources) as string[],
    primarySources: row.primary_sources === null ? [] : (JSON.parse(row.primary_sources) as string[]),
    sides: JSON.parse(row.sides) as FactSide[],
    updates: links.updates.get(row.id) ?? [],
    updatedBy: links.updatedBy.get(row.id) ?? [],
  };
}

function toValue(row: { value_low: number; value_high: number | null; qualifier: string }): ClaimValue {
  return {
    low: Number(row.value_low),
    high: row.value_high === null ? null : Number(row.value_high),
    qualifier: row.qualifier as Qualifier,
  };
}

function toPeriod(start: string | null, end: string | null, basis: string | null): ClaimPeriod | null {
  return start !== null && end !== null ? { start, end, basis: basis as ClaimPeriod['basis'] } : null;
}

function toClaim(row: ClaimRow): Claim {
  const attribution: ClaimAttribution | null =
    row.attribution_text === null ? null : { text: row.attribution_text, kind: row.attribution_kind as AttributionKind };
  return {
    id: row.id,
    documentId: row.document_id,
    category: row.category as ClaimCategory,
    noun: row.noun,
    value: toValue(row),
    place: row.place === null ? null : (JSON.parse(row.place) as ClaimPlace),
    period: toPeriod(row.period_start, row.period_end, row.period_basis),
    attribution,
    modality: row.modality as ClaimModality,
    span: { start: row.span_start, end: row.span_end },
    text: row.text,
    valueSpan: { start: row.value_start, end: row.value_end },
    rule: row.rule,
  };
}

function toClaimRow(claim: Claim, ordinal: number): ClaimRow {
  return {
    id: claim.id,
    document_id: claim.documentId,
    ordinal,
    category: claim.category,
    noun: claim.noun,
    value_low: claim.value.low,
    value_high: claim.value.high,
    qualifier: claim.value.qualifier,
    place: claim.place === null ? null : JSON.stringify(claim.place),
    period_start: claim.period?.start ?? null,
    period_end: claim.period?.end ?? null,
    period_basis: claim.period?.basis ?? null,
    attribution_text: claim.attribution?.text ?? null,
    attribution_kind: claim.attribution?.kind ?? null,
    modality: claim.modality,
    span_start: claim.span.start,
    span_end: claim.span.end,
    value_start: claim.valueSpan.start,
    value_end: claim.valueSpan.end,
    text: claim.text,
    rule: claim.rule,
    fact_id: null,
  };
}

function toFactRow(write: FactWrite): Omit<FactRow, 'seq'> {
  const { state, summary } = write;
  const place = summary.place;
  return {
    id: state.id,
    category: summary.category,
    unit: state.unit,
    noun: summary.noun,
    value_low: summary.value.low,
    value_high: summary.value.high,
    qualifier: summary.value.qualifier,
    place_name: place?.name ?? null,
    place_country: place?.country ?? null,
    place_countries: place === null ? null : `,${place.countries.join(',')},`,
    place: place === null ? null : JSON.stringify(place),
    period_start: summary.period?.start ?? null,
    period_end: summary.period?.end ?? null,
    period_basis: summary.period?.basis ?? null,
    status: summary.status,
    claim_count: summary.claims.length,
    source_count: summary.sources.length,
    claims: JSON.stringify(summary.claims),
    documents: JSON.stringify(summary.documents),
    sources: JSON.stringify(summary.sources),
    primary_sources: JSON.stringify(summary.primarySources),
    sides: JSON.stringify(summary.sides),
    anchor_start: state.anchor?.start ?? null,
    anchor_end: state.anchor?.end ?? null,
    anchor_basis: state.anchor?.basis ?? null,
    text_places: JSON.stringify(state.places),
    series_key: write.seriesKeys[0] ?? null,
  };
}

/** Writing claims and facts inside a transaction: the store side of incremental resolution. */
export class ClaimWrites implements FactStorePort {
  readonly #trx: Transaction<Database>;
  readonly #rows: RowWriter;

  constructor(trx: Transaction<Database>, rows: RowWriter) {
    this.#trx = trx;
    this.#rows = rows;
  }

  async deleteClaims(documentIds: readonly string[]): Promise<string[]> {
    const affected = new Set<string>();
    for (const chunk of chunks(documentIds, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('claims')
        .select('fact_id')
        .distinct()
        .where('document_id', 'in', chunk)
        .where('fact_id', 'is not', null)
        .execute();
      for (const row of rows) affected.add(row.fact_id as string);
      await this.#trx.deleteFrom('claims').where('document_id', 'in', chunk).execute();
    }
    return [...affected];
  }

  async claimSources(documentIds: readonly string[]): Promise<Map<string, ClaimSource>> {
    const found = new Map<string, ClaimSource>();
    for (const chunk of chunks(documentIds, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('documents')
        .select(['id', 'external_id', 'source', 'syndication_group', 'published_end'])
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows)
        found.set(row.id, {
          externalId: row.external_id,
          source: row.source,
          syndicationGroup: row.syndication_group,
          published: row.published_end,
        });
    }
    return found;
  }

  async insertClaims(claims: ReadonlyArray<{ readonly claim: Claim; readonly factId: string }>): Promise<void> {
    const ordinals = new Map<string, number>();
    const rows = claims.map(({ claim, factId }) => {
      const ordinal = ordinals.get(claim.documentId) ?? 0;
      ordinals.set(claim.documentId, ordinal + 1);
      return { ...toClaimRow(claim, ordinal), fact_id: factId };
    });
    await this.#rows.insert('claims', rows);
  }

  async sourcedClaims(query: { readonly factIds: readonly string[] }): Promise<SourcedClaim[]> {
    const found: SourcedClaim[] = [];
    for (const chunk of chunks(query.factIds, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('claims as c')
        .innerJoin('documents as d', 'd.id', 'c.document_id')
        .selectAll('c')
        .select(['d.external_id', 'd.source', 'd.syndication_group', 'd.published_end'])
        .where('c.fact_id', 'in', chunk)
        .orderBy('c.document_id')
        .orderBy('c.ordinal')
        .execute();
      for (const row of rows)
        found.push({
          ...toClaim(row),
          externalId: row.external_id,
          source: row.source,
          syndicationGroup: row.syndication_group,
          published: row.published_end,
          factId: row.fact_id,
        });
    }
    return found;
  }

  async factsByKeys(keys: readonly string[]): Promise<FactState[]> {
    const found = new Map<string, FactState>();
    for (const chunk of chunks(keys, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('fact_keys as k')
        .innerJoin('facts as f', 'f.id', 'k.fact_id')
        .select([
          'f.id',
          'f.category',
          'f.unit',
          'f.anchor_start',
          'f.anchor_end',
          'f.anchor_basis',
          'f.sides',
          'f.text_places',
          'f.claim_count',
        ])
        .distinct()
        .where('k.key', 'in', chunk)
        .execute();
      for (const row of rows) {
        if (found.has(row.id)) continue;
        found.set(row.id, {
          id: row.id,
          category: row.category as ClaimCategory,
          unit: row.unit,
          anchor: toPeriod(row.anchor_start, row.anchor_end, row.anchor_basis),
          values: (JSON.parse(row.sides) as FactSide[]).map((s) => s.value),
          places: JSON.parse(row.text_places) as ClaimPlace[],
          claimCount: row.claim_count,
        });
      }
    }
    return [...found.values()];
  }

  async assignClaims(assignments: ReadonlyMap<string, string>): Promise<void> {
    await this.#rows.setById('claims', 'fact_id', [...assignments]);
  }

  async deleteFacts(ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids, CHUNK.lookup)) {
      await this.#trx.updateTable('claims').set({ fact_id: null }).where('fact_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('fact_keys').where('fact_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('fact_updates').where('later_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('fact_updates').where('earlier_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('facts').where('id', 'in', chunk).execute();
    }
  }

  async writeFacts(facts: readonly FactWrite[]): Promise<void> {
    // A changed fact is written again under the position it was first found at, so listings keep their order.
    const seqs = new Map<string, number>();
    for (const chunk of chunks(
      facts.map((f) => f.state.id),
      CHUNK.lookup,
    )) {
      for (const row of await this.#trx.selectFrom('facts').select(['id', 'seq']).where('id', 'in', chunk).execute())
        seqs.set(row.id, Number(row.seq));
      await this.#trx.deleteFrom('facts').where('id', 'in', chunk).execute();
      await this.#trx.deleteFrom('fact_keys').where('fact_id', 'in', chunk).execute();
    }
    const rows = facts.map((write) => {
      const seq = seqs.get(write.state.id);
      return seq === undefined ? toFactRow(write) : { ...toFactRow(write), seq };
    });
    await this.#rows.insert('facts', rows);
    const keys = facts.flatMap((f) => [...new Set([...f.keys, ...f.seriesKeys])].map((key) => ({ key, fact_id: f.state.id })));
    await this.#rows.insert('fact_keys', keys);
  }

  async seriesByKeys(keys: readonly string[]): Promise<SeriesFact[]> {
    const found = new Map<string, SeriesFact>();
    for (const chunk of chunks(keys, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('facts')
        .innerJoin('fact_keys', 'fact_keys.fact_id', 'facts.id')
        .select([
          'id',
          'category',
          'unit',
          'noun',
          'value_low',
          'value_high',
          'qualifier',
          'period_start',
          'period_end',
          'period_basis',
          'place',
        ])
        .where('fact_keys.key', 'in', chunk)
        .execute();
      for (const row of rows)
        found.set(row.id, {
          id: row.id,
          category: row.category as ClaimCategory,
          unit: row.unit,
          noun: row.noun,
          value: toValue(row),
          period: toPeriod(row.period_start, row.period_end, row.period_basis),
          place: row.place === null ? null : (JSON.parse(row.place) as ClaimPlace),
        });
    }
    return [...found.values()];
  }

  async replaceUpdates(factIds: readonly string[], links: ReadonlyArray<readonly [string, string]>): Promise<void> {
    for (const chunk of chunks(factIds, CHUNK.lookup)) {
      await this.#trx.deleteFrom('fact_updates').where('later_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('fact_updates').where('earlier_id', 'in', chunk).execute();
    }
    const rows = links.map(([later_id, earlier_id]) => ({ later_id, earlier_id }));
    await this.#rows.insert('fact_updates', rows);
  }
}
