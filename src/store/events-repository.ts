/** @module Events and incidents in the store: lists with filters and pages, one incident with its sentences, weekly counts, and the writes resolution needs. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Event, EventActor, EventType, Responsibility, ResponsibilityKind } from '../model/event.ts';
import type { Incident } from '../model/incident.ts';
import { weekOf } from '../resolve/incidents/block-keys.ts';
import type { MemberEvent } from '../resolve/incidents/fuse-incident.ts';
import type { IncidentWorkspace } from '../resolve/incidents/resolve-incidents.ts';
import { CHUNK, chunks } from './chunks.ts';
import type { RowWriter } from './row-writer.ts';
import { containsPattern, placeSpellings } from './place-filter.ts';
import type { Database } from './schema.ts';

/** An event with the document it came from, as users know it, and the incident it joined. */
export type StoredEvent = Event & { readonly externalId: string; readonly incidentId: string | null };

/** Filters for listing events; every field narrows. */
export interface EventQuery {
  readonly documentId?: string;
  readonly type?: EventType;
  readonly incidentId?: string;
  readonly modality?: Event['modality'];
  /** Events whose date ends on or after this ISO day. */
  readonly since?: string;
  /** Events whose date starts on or before this ISO day. */
  readonly until?: string;
  /** Events this actor (its name or lexicon id, any case) claims. */
  readonly claimedBy?: string;
  /** Events blamed on this actor. */
  readonly blamedOn?: string;
  /** Events this actor is said not to have done. */
  readonly deniedBy?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Filters for listing incidents; every field narrows. Ordered by date (latest first), then id. */
export interface IncidentQuery {
  readonly type?: EventType;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** A place name, or part of one, case-insensitive, or another spelling of it ("Al-Bukamal" finds Abu Kamal). */
  readonly place?: string;
  /** Incidents whose date ends on or after this ISO day. */
  readonly since?: string;
  /** Incidents whose date starts on or before this ISO day. */
  readonly until?: string;
  /** Incidents told by at least one document from this source. */
  readonly source?: string;
  /** Incidents with this actor (its name as stored, any case) on either side. */
  readonly actor?: string;
  /** Incidents one of whose events this actor (its name or lexicon id, any case) claims. */
  readonly claimedBy?: string;
  /** Incidents one of whose events is blamed on this actor. */
  readonly blamedOn?: string;
  /** Incidents one of whose events this actor is said not to have done. */
  readonly deniedBy?: string;
  /** Only incidents with at least this many independent sources. */
  readonly minSources?: number;
  readonly limit?: number;
  readonly offset?: number;
}

/** One incident with every event that tells it, each with its sentence and document. */
export interface IncidentDetail {
  readonly incident: Incident;
  readonly events: ReadonlyArray<
    StoredEvent & {
      readonly document: {
        readonly id: string;
        readonly externalId: string;
        readonly source: string | null;
        readonly title: string | null;
        readonly published: string | null;
      };
    }
  >;
}

/** Incidents (and their killed, best estimates summed) per ISO week, country and type. */
export interface WeeklyIncidentCount {
  /** Monday of the ISO week. */
  readonly week: string;
  readonly country: string | null;
  readonly type: EventType;
  readonly incidents: number;
  readonly killed: number;
}

/** Reading events and incidents. */
export class EventsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Events in document order, then text order. */
  async list(query: EventQuery = {}): Promise<StoredEvent[]> {
    let select = this.#db
      .selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .select(['e.record', 'e.incident_id', 'd.external_id']);
    if (query.documentId) select = select.where('e.document_id', '=', query.documentId);
    if (query.type) select = select.where('e.type', '=', query.type);
    if (query.incidentId) select = select.where('e.incident_id', '=', query.incidentId);
    if (query.modality) select = select.where('e.modality', '=', query.modality);
    if (query.since) select = select.where('e.date_end', '>=', query.since);
    if (query.until) select = select.where('e.date_start', '<=', query.until);
    for (const [kind, actor] of responsibilityFilters(query)) select = select.where('e.id', 'in', statedOf(this.#db, kind, actor));
    select = select.orderBy('d.seq').orderBy('e.ordinal');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map((row) => ({
      ...readEvent(row.record),
      externalId: row.external_id,
      incidentId: row.incident_id,
    }));
  }

  /** Incidents matching the query, latest first. */
  async incidents(query: IncidentQuery = {}): Promise<Incident[]> {
    let select = (await this.#incidentQuery(query)).select('i.record').orderBy('i.date_start', 'desc').orderBy('i.id');
    if (query.limit !== undefined) select = select.limit(query.limit);
    if (query.offset !== undefined) select = select.offset(query.offset);
    return (await select.execute()).map((row) => readIncident(row.record));
  }

  /** How many incidents match the query (for pagination). */
  async countIncidents(query: IncidentQuery = {}): Promise<number> {
    const row = await (await this.#incidentQuery(query)).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** One incident with its events, their sentences and documents; null when there is none with that id. */
  async incident(id: string): Promise<IncidentDetail | null> {
    const row = await this.#db.selectFrom('incidents').select('record').where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const events = await this.#db
      .selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .select(['e.record', 'e.incident_id', 'd.id as document_id', 'd.external_id', 'd.source', 'd.title', 'd.published_end'])
      .where('e.incident_id', '=', id)
      .orderBy('d.published_end')
      .orderBy('d.seq')
      .orderBy('e.ordinal')
      .execute();
    return {
      incident: readIncident(row.record),
      events: events.map((e) => ({
        ...readEvent(e.record),
        externalId: e.external_id,
        incidentId: e.incident_id,
        document: { id: e.document_id, externalId: e.external_id, source: e.source, title: e.title, published: e.published_end },
      })),
    };
  }

  /** Incidents per week, country and type, for trends; the query's filters apply (its paging does not). */
  async weeklyCounts(query: IncidentQuery = {}): Promise<WeeklyIncidentCount[]> {
    const rows = await (
      await this.#incidentQuery(query)
    )
      .select(['i.week', 'i.country', 'i.type'])
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('i.killed_best').as('killed')])
      .where('i.week', 'is not', null)
      .groupBy(['i.week', 'i.country', 'i.type'])
      .orderBy('i.week')
      .orderBy('i.country')
      .orderBy('i.type')
      .execute();
    return rows.map((r) => ({
      week: r.week as string,
      country: r.country,
      type: r.type as EventType,
      incidents: Number(r.n),
      killed: Number(r.killed ?? 0),
    }));
  }

  async #incidentQuery(query: IncidentQuery) {
    let select = this.#db.selectFrom('incidents as i');
    if (query.type) select = select.where('i.type', '=', query.type);
    if (query.country) select = select.where('i.country', '=', query.country.toUpperCase());
    if (query.place) {
      const pattern = containsPattern(query.place);
      const spellings = await placeSpellings(query.place);
      select = select.where((eb) =>
        eb.or([
          eb(sql<string>`lower(i.place_name)`, 'like', sql<string>`${pattern} escape '!'`),
          ...(spellings.length > 0 ? [eb(sql<string>`lower(i.place_name)`, 'in', spellings)] : []),
        ]),
      );
    }
    if (query.since) select = select.where('i.date_end', '>=', query.since);
    if (query.until) select = select.where('i.date_start', '<=', query.until);
    if (query.minSources !== undefined) select = select.where('i.source_count', '>=', query.minSources);
    if (query.actor) {
      // Actors are the objects in the record's lists that start with their name: `[{"name":…` or `},{"name":…`; the
      // place, the only other object starting so, follows `"place":`. One pattern per way an actor can be preceded.
      const name = `{"name":${JSON.stringify(query.actor).toLowerCase()}`.replace(/[!%_]/g, (c) => `!${c}`);
      select = select.where((eb) =>
        eb.or([
          eb(sql<string>`lower(i.record)`, 'like', sql<string>`${`%[${name}%`} escape '!'`),
          eb(sql<string>`lower(i.record)`, 'like', sql<string>`${`%},${name}%`} escape '!'`),
        ]),
      );
    }
    for (const [kind, actor] of responsibilityFilters(query)) {
      select = select.where('i.id', 'in', (eb) =>
        eb
          .selectFrom('events as re')
          .select('re.incident_id')
          .where('re.incident_id', 'is not', null)
          .where('re.id', 'in', statedOf(this.#db, kind, actor)),
      );
    }
    if (query.source) {
      const source = query.source;
      select = select.where('i.id', 'in', (eb) =>
        eb
          .selectFrom('events as se')
          .innerJoin('documents as sd', 'sd.id', 'se.document_id')
          .select('se.incident_id')
          .where('sd.source', '=', source)
          .where('se.incident_id', 'is not', null),
      );
    }
    return select;
  }
}

/** What one document's analysis found, as `EventWrites.save` takes it. */
export interface DocumentEvents {
  readonly documentId: string;
  readonly events: readonly Event[];
}

/** Writing events and incidents, inside a transaction; also the workspace incident resolution reads and writes. */
export class EventWrites implements IncidentWorkspace {
  readonly #trx: Transaction<Database>;
  readonly #rows: RowWriter;

  constructor(trx: Transaction<Database>, rows: RowWriter) {
    this.#trx = trx;
    this.#rows = rows;
  }

  /**
   * Replaces the events of these documents. Returns the incidents that lost events (their documents were analysed
   * before): resolution fuses them again or deletes them.
   */
  async save(results: readonly DocumentEvents[]): Promise<string[]> {
    const dirty = new Set<string>();
    for (const chunk of chunks(
      results.map((r) => r.documentId),
      CHUNK.lookup,
    )) {
      const old = await this.#trx
        .selectFrom('events')
        .select('incident_id')
        .distinct()
        .where('document_id', 'in', chunk)
        .where('incident_id', 'is not', null)
        .execute();
      for (const row of old) if (row.incident_id) dirty.add(row.incident_id);
      await this.#trx.deleteFrom('events').where('document_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('event_responsibility').where('document_id', 'in', chunk).execute();
    }
    const rows = results.flatMap((r) =>
      r.events.map((event, ordinal) => ({
        id: event.id,
        document_id: r.documentId,
        ordinal,
        type: event.type,
        country: event.place?.country ?? null,
        date_start: event.date?.start ?? null,
        date_end: event.date?.end ?? null,
        modality: event.modality,
        salience: event.salience,
        incident_id: null,
        record: JSON.stringify(event),
      })),
    );
    await this.#rows.insert('events', rows);
    const statements = results.flatMap((r) => r.events.flatMap((event) => responsibilityRows(r.documentId, event)));
    await this.#rows.insert('event_responsibility', statements);
    return [...dirty];
  }

  /** The events of these documents with what fusion needs of the documents. */
  async memberEvents(documentIds: readonly string[]): Promise<MemberEvent[]> {
    const members: MemberEvent[] = [];
    for (const chunk of chunks(documentIds, CHUNK.lookup)) {
      const rows = await this.#memberSelect().where('e.document_id', 'in', chunk).orderBy('e.document_id').orderBy('e.ordinal').execute();
      members.push(...rows.map(toMember));
    }
    return members;
  }

  async incidentsByKeys(keys: readonly string[]): Promise<Incident[]> {
    const found = new Map<string, Incident>();
    for (const chunk of chunks(keys, CHUNK.lookup)) {
      const rows = await this.#trx
        .selectFrom('incidents as i')
        .select(['i.id', 'i.record'])
        .where('i.id', 'in', (eb) => eb.selectFrom('incident_blocks').select('incident_id').where('block_key', 'in', chunk))
        .execute();
      for (const row of rows) if (!found.has(row.id)) found.set(row.id, readIncident(row.record));
    }
    return [...found.values()];
  }

  async membersOf(incidentIds: readonly string[]): Promise<Map<string, MemberEvent[]>> {
    const byIncident = new Map<string, MemberEvent[]>();
    for (const chunk of chunks(incidentIds, CHUNK.lookup)) {
      const rows = await this.#memberSelect().where('e.incident_id', 'in', chunk).orderBy('e.id').execute();
      for (const row of rows) {
        const id = row.incident_id as string;
        const list = byIncident.get(id) ?? [];
        if (list.length === 0) byIncident.set(id, list);
        list.push(toMember(row));
      }
    }
    return byIncident;
  }

  async saveIncidents(incidents: readonly Incident[]): Promise<void> {
    const ids = incidents.map((i) => i.id);
    for (const chunk of chunks(ids, CHUNK.lookup)) {
      await this.#trx.deleteFrom('incident_blocks').where('incident_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('incidents').where('id', 'in', chunk).execute();
    }
    const rows = incidents.map((incident) => ({
      id: incident.id,
      type: incident.type,
      country: incident.place?.country ?? null,
      week: incident.date ? weekOf(incident.date.start) : null,
      date_start: incident.date?.start ?? null,
      date_end: incident.date?.end ?? null,
      place_name: incident.place?.name ?? null,
      killed_best: incident.killed?.best ?? null,
      injured_best: incident.injured?.best ?? null,
      source_count: incident.sourceCount,
      event_count: incident.events.length,
      aggregate: incident.aggregate ? 1 : 0,
      record: JSON.stringify(incident),
    }));
    await this.#rows.insert('incidents', rows);
    const blocks = incidents.flatMap((incident) => incident.blockKeys.map((block_key) => ({ block_key, incident_id: incident.id })));
    await this.#rows.insert('incident_blocks', blocks);
    // In incident order, as before: an event two incidents list (it should not happen) keeps the later one.
    await this.#rows.setById(
      'events',
      'incident_id',
      incidents.flatMap((incident) => incident.events.map((eventId) => [eventId, incident.id] as const)),
    );
  }

  async deleteIncidents(ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids, CHUNK.lookup)) {
      await this.#trx.deleteFrom('incident_blocks').where('incident_id', 'in', chunk).execute();
      await this.#trx.deleteFrom('incidents').where('id', 'in', chunk).execute();
      await this.#trx.updateTable('events').set({ incident_id: null }).where('incident_id', 'in', chunk).execute();
    }
  }

  #memberSelect() {
    return this.#trx
      .selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .select(['e.record', 'e.incident_id', 'd.published_end', 'd.source', 'd.syndication_group']);
  }
}

function toMember(row: { record: string; published_end: string | null; source: string | null; syndication_group: string }): MemberEvent {
  return {
    event: readEvent(row.record),
    published: row.published_end,
    source: row.source,
    syndicationGroup: row.syndication_group,
  };
}

const RESPONSIBILITY_FIELDS = { claim: 'claimedBy', blame: 'blamedOn', denial: 'deniedBy' } as const;

/** The responsibility filters a query sets, as `[kind, actor]`. */
function responsibilityFilters(query: EventQuery | IncidentQuery): Array<[ResponsibilityKind, string]> {
  const out: Array<[ResponsibilityKind, string]> = [];
  for (const [kind, field] of Object.entries(RESPONSIBILITY_FIELDS) as Array<[ResponsibilityKind, keyof typeof query]>) {
    const actor = query[field];
    if (typeof actor === 'string' && actor.trim() !== '') out.push([kind, actor.trim().toLowerCase()]);
  }
  return out;
}

/** The ids of the events with a statement of this kind about this actor, by its name or its lexicon id. */
function statedOf(db: Kysely<Database>, kind: ResponsibilityKind, actor: string) {
  return db
    .selectFrom('event_responsibility as r')
    .select('r.event_id')
    .where('r.kind', '=', kind)
    .where((eb) => eb.or([eb('r.actor_name', '=', actor), eb('r.actor_id', '=', actor)]));
}

/** One row per claim, blame and denial of an event, for lookup by actor. */
function responsibilityRows(documentId: string, event: Event) {
  const rows = [];
  for (const [kind, field] of Object.entries(RESPONSIBILITY_FIELDS) as Array<[ResponsibilityKind, 'claimedBy' | 'blamedOn' | 'deniedBy']>)
    for (const r of event[field])
      rows.push({
        event_id: event.id,
        document_id: documentId,
        kind,
        actor_name: r.actor.name.toLowerCase(),
        actor_id: r.actor.id ?? null,
        by_name: r.by?.name.toLowerCase() ?? null,
      });
  return rows;
}

/**
 * An event record as stored. Records written before responsibility was read have none, and may carry the actors said
 * not to have done it as `deniedInitiator`: those become denials told in the event's own sentence.
 */
function readEvent(record: string): Event {
  const event = JSON.parse(record) as Event & { deniedInitiator?: readonly EventActor[] };
  if (event.claimedBy && event.blamedOn && event.deniedBy) return event;
  const { deniedInitiator, ...rest } = event;
  const deniedBy: Responsibility[] = (deniedInitiator ?? []).map((actor) => ({
    actor,
    by: null,
    span: event.span,
    text: event.text,
    rule: 'responsibility/denied-carrying-out',
  }));
  return { ...rest, claimedBy: event.claimedBy ?? [], blamedOn: event.blamedOn ?? [], deniedBy: event.deniedBy ?? deniedBy };
}

/** An incident record as stored; those fused before responsibility was read have none. */
function readIncident(record: string): Incident {
  const incident = JSON.parse(record) as Incident;
  if (incident.claimedBy && incident.blamedOn && incident.deniedBy) return incident;
  return { ...incident, claimedBy: incident.claimedBy ?? [], blamedOn: incident.blamedOn ?? [], deniedBy: incident.deniedBy ?? [] };
}
