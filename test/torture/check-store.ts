/**
 * @module Checks a store a killed process left behind, straight through the database driver (never through sitrep's own
 * store code): the engine's integrity checks, orphans, duplicates, batches written by halves and analysis written by
 * halves.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

/** What kind of promise a problem breaks; the summary counts each kind. */
export type ProblemKind = 'integrity' | 'orphan' | 'duplicate' | 'half-batch' | 'half-analysis' | 'lost-job';

/** One broken promise, in words a reader can act on. */
export interface StoreProblem {
  readonly kind: ProblemKind;
  readonly detail: string;
}

type Row = Record<string, unknown>;

/** Read access to one store's tables, through the engine's own driver. */
export interface StoreProbe {
  readonly engine: 'sqlite' | 'postgres';
  /** Rows of a query; `?` placeholders on both engines. */
  all(query: string, params?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Opens a probe on a SQLite file or a `postgres://` URL. */
export async function openProbe(location: string): Promise<StoreProbe> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    return {
      engine: 'postgres',
      async all(query, params = []) {
        let n = 0;
        return (
          await client.query(
            query.replace(/\?/g, () => `$${++n}`),
            [...params],
          )
        ).rows as Row[];
      },
      close: () => client.end(),
    };
  }
  // Opened read-write as any next run would: it replays a hot WAL the killed process left.
  const database = new Database(location, { fileMustExist: true });
  return {
    engine: 'sqlite',
    async all(query, params = []) {
      const statement = database.prepare(query);
      return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
    },
    async close() {
      database.close();
    },
  };
}

/** Per-document counts of what analysis wrote, to tell a whole analysis from a half one. */
export interface AnalysisCounts {
  readonly mentions: number;
  readonly claims: number;
  readonly events: number;
}

/** What the check knows about the batches a job writes. */
export interface StoreExpectations {
  /** Documents (by id) that must all be present: what earlier, finished jobs wrote. */
  readonly settled: ReadonlySet<string>;
  /** Each batch the killed job may have written: all of its documents or none. */
  readonly batches: ReadonlyArray<{ readonly name: string; readonly ids: ReadonlySet<string> }>;
  /** Documents (by id) analysed before the job started: the job's own analysis comes in whole batches. */
  readonly analysedBefore: ReadonlySet<string>;
  /** The analysis version a finished analysis stamps on a document. */
  readonly analysisVersion: number;
  /** Documents analysed per transaction (src/pipeline/analyse.ts): a batch is whole or absent. */
  readonly analysisBatch: number;
  /** What a finished, uninterrupted run wrote for each document. */
  readonly reference: ReadonlyMap<string, AnalysisCounts>;
  /**
   * Team mode (`sitrep worker`): documents are analysed in any order and their claims and events wait, kept in
   * `team_items`, until their resolution unit is resolved; units are resolved in order.
   */
  readonly team?: boolean;
}

/** What the store holds, for the trial log: documents, and how many are analysed. */
export interface StoreState {
  readonly documents: number;
  readonly stored: number;
  readonly analysed: number;
}

/** Runs every check; an empty list means the store kept every promise. */
export async function checkStore(probe: StoreProbe, expect: StoreExpectations): Promise<{ problems: StoreProblem[]; state: StoreState }> {
  const problems: StoreProblem[] = [];
  const add = (kind: ProblemKind, detail: string) => problems.push({ kind, detail });
  await checkIntegrity(probe, add);

  const documents = await probe.all(
    'select id, external_id, status, seq, analysis_version, duplicate_of, syndication_group from documents order by seq',
  );
  const ids = new Set(documents.map((d) => String(d.id)));
  checkBatches(ids, expect, add);
  await checkOrphans(probe, ids, add);
  await checkDuplicates(probe, add);
  const analysed = expect.team
    ? await checkTeamAnalysis(probe, documents, expect, add)
    : await checkAnalysis(probe, documents, expect, add);
  return {
    problems,
    state: { documents: documents.length, stored: documents.filter((d) => d.status === 'stored').length, analysed },
  };
}

async function checkIntegrity(probe: StoreProbe, add: (kind: ProblemKind, detail: string) => void): Promise<void> {
  if (probe.engine === 'sqlite') {
    const integrity = (await probe.all('pragma integrity_check')).map((r) => String(Object.values(r)[0]));
    if (integrity.join() !== 'ok') add('integrity', `PRAGMA integrity_check: ${integrity.slice(0, 5).join('; ')}`);
    const foreign = await probe.all('pragma foreign_key_check');
    if (foreign.length > 0) add('integrity', `PRAGMA foreign_key_check: ${foreign.length} rows, first ${JSON.stringify(foreign[0])}`);
    // FTS5 compares its index with the documents it indexes; it raises SQLITE_CORRUPT_VTAB when they disagree.
    try {
      await probe.all("insert into documents_fts(documents_fts) values ('integrity-check')");
    } catch (error) {
      add('integrity', `FTS5 integrity-check of documents_fts: ${(error as Error).message}`);
    }
    return;
  }
  // amcheck verifies every B-tree index against its heap (heapallindexed): an index a crash left torn is found here.
  await probe.all('create extension if not exists amcheck');
  const indexes = await probe.all(
    `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
     join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = 'public'`,
  );
  for (const index of indexes) {
    try {
      await probe.all(`select bt_index_check(?::regclass, true)`, [index.name]);
    } catch (error) {
      add('integrity', `amcheck bt_index_check(${String(index.name)}): ${(error as Error).message}`);
    }
  }
  const [search] = await probe.all(
    'select (select count(*) from documents) as documents, (select count(*) from document_search) as indexed',
  );
  if (Number(search?.documents) !== Number(search?.indexed))
    add('integrity', `document_search holds ${String(search?.indexed)} rows for ${String(search?.documents)} documents`);
}

/** Every settled document is there; each batch is all there or not at all; nothing else is. */
function checkBatches(ids: ReadonlySet<string>, expect: StoreExpectations, add: (kind: ProblemKind, detail: string) => void): void {
  const missing = [...expect.settled].filter((id) => !ids.has(id));
  if (missing.length > 0)
    add('half-batch', `${missing.length} documents of finished jobs are gone, e.g. ${missing.slice(0, 3).join(', ')}`);
  const known = new Set(expect.settled);
  for (const batch of expect.batches) {
    const present = [...batch.ids].filter((id) => ids.has(id)).length;
    if (present !== 0 && present !== batch.ids.size)
      add('half-batch', `batch ${batch.name}: ${present} of ${batch.ids.size} documents stored`);
    for (const id of batch.ids) known.add(id);
  }
  const strangers = [...ids].filter((id) => !known.has(id));
  if (strangers.length > 0)
    add('duplicate', `${strangers.length} documents no uninterrupted run writes, e.g. ${strangers.slice(0, 3).join(', ')}`);
}

/** Rows whose document, claim, event, fact or incident is gone, and facts and incidents nothing points to. */
async function checkOrphans(probe: StoreProbe, ids: ReadonlySet<string>, add: (kind: ProblemKind, detail: string) => void): Promise<void> {
  const dangling: Array<[string, string]> = [
    ['mentions whose document is gone', 'select document_id as id from mentions where document_id not in (select id from documents)'],
    ['claims whose document is gone', 'select id from claims where document_id not in (select id from documents)'],
    ['events whose document is gone', 'select id from events where document_id not in (select id from documents)'],
    [
      'band keys whose document is gone',
      'select document_id as id from document_bands where document_id not in (select id from documents)',
    ],
    ['claims whose fact is gone', 'select id from claims where fact_id is not null and fact_id not in (select id from facts)'],
    ['claims in no fact', 'select id from claims where fact_id is null'],
    [
      'events whose incident is gone',
      'select id from events where incident_id is not null and incident_id not in (select id from incidents)',
    ],
    ['fact keys whose fact is gone', 'select fact_id as id from fact_keys where fact_id not in (select id from facts)'],
    [
      'fact updates whose fact is gone',
      'select later_id as id from fact_updates where later_id not in (select id from facts) or earlier_id not in (select id from facts)',
    ],
    [
      'incident blocks whose incident is gone',
      'select incident_id as id from incident_blocks where incident_id not in (select id from incidents)',
    ],
    ['facts no claim belongs to', 'select id from facts where id not in (select fact_id from claims where fact_id is not null)'],
    [
      'incidents no event joined',
      'select id from incidents where id not in (select incident_id from events where incident_id is not null)',
    ],
    [
      'documents copying a document that is gone',
      'select id from documents where duplicate_of is not null and duplicate_of not in (select id from documents)',
    ],
    [
      'documents in a syndication group with no document',
      'select id from documents where syndication_group not in (select id from documents)',
    ],
  ];
  for (const [what, query] of dangling) {
    const rows = await probe.all(query);
    if (rows.length > 0)
      add('orphan', `${rows.length} ${what}, e.g. ${[...new Set(rows.map((r) => String(r.id)))].slice(0, 3).join(', ')}`);
  }

  // Facts and incidents list their members as JSON; each member must exist and point back, and belong to one only.
  const claimFact = new Map((await probe.all('select id, fact_id from claims')).map((r) => [String(r.id), r.fact_id as string | null]));
  const listed = new Set<string>();
  for (const fact of await probe.all('select id, claims, documents from facts')) {
    for (const claim of JSON.parse(String(fact.claims)) as string[]) {
      if (!claimFact.has(claim)) add('orphan', `fact ${String(fact.id)} lists claim ${claim}, which is gone`);
      else if (claimFact.get(claim) !== fact.id)
        add('orphan', `fact ${String(fact.id)} lists claim ${claim}, which belongs to ${claimFact.get(claim)}`);
      if (listed.has(claim)) add('duplicate', `claim ${claim} is listed by two facts`);
      listed.add(claim);
    }
  }
  const events = await probe.all('select id, incident_id, modality from events');
  const eventIncident = new Map(events.map((r) => [String(r.id), r.incident_id as string | null]));
  const joined = new Set<string>();
  for (const incident of await probe.all('select id, record from incidents')) {
    const record = JSON.parse(String(incident.record)) as { events: string[]; documents: string[] };
    for (const event of record.events) {
      if (!eventIncident.has(event)) add('orphan', `incident ${String(incident.id)} lists event ${event}, which is gone`);
      else if (eventIncident.get(event) !== incident.id)
        add('orphan', `incident ${String(incident.id)} lists event ${event}, which joined ${eventIncident.get(event)}`);
      if (joined.has(event)) add('duplicate', `event ${event} is listed by two incidents`);
      joined.add(event);
    }
    for (const document of record.documents)
      if (!ids.has(document)) add('orphan', `incident ${String(incident.id)} names document ${document}, which is gone`);
  }
  for (const event of events) {
    if (event.incident_id !== null && !joined.has(String(event.id)))
      add('orphan', `event ${String(event.id)} joined incident ${String(event.incident_id)}, which does not list it`);
  }
}

/** Rows stored twice in tables without a unique key, and a report name stored twice. */
async function checkDuplicates(probe: StoreProbe, add: (kind: ProblemKind, detail: string) => void): Promise<void> {
  const twice: Array<[string, string]> = [
    ['documents share an external id', 'select external_id as id, count(*) as n from documents group by external_id having count(*) > 1'],
    [
      'band keys stored twice',
      'select document_id as id, count(*) as n from document_bands group by band_key, document_id having count(*) > 1',
    ],
    [
      'incident blocks stored twice',
      'select incident_id as id, count(*) as n from incident_blocks group by block_key, incident_id having count(*) > 1',
    ],
    [
      'mentions at one place in a document twice',
      'select document_id as id, count(*) as n from mentions group by document_id, ordinal having count(*) > 1',
    ],
  ];
  for (const [what, query] of twice) {
    const rows = await probe.all(query);
    if (rows.length > 0)
      add(
        'duplicate',
        `${rows.length} ${what}, e.g. ${rows
          .slice(0, 3)
          .map((r) => `${String(r.id)} ×${String(r.n)}`)
          .join(', ')}`,
      );
  }
}

/**
 * Analysis lands a batch per transaction, oldest documents first: the analysed documents are a prefix of the stored
 * ones, each with exactly what an uninterrupted run wrote for it, the rest with nothing, and the documents analysed by
 * this job come in whole batches (or all of them).
 */
async function checkAnalysis(
  probe: StoreProbe,
  documents: readonly Row[],
  expect: StoreExpectations,
  add: (kind: ProblemKind, detail: string) => void,
): Promise<number> {
  const counts = new Map<string, { mentions: number; claims: number; events: number }>();
  const count = async (table: 'mentions' | 'claims' | 'events') => {
    for (const row of await probe.all(`select document_id as id, count(*) as n from ${table} group by document_id`)) {
      const entry = counts.get(String(row.id)) ?? { mentions: 0, claims: 0, events: 0 };
      entry[table] = Number(row.n);
      counts.set(String(row.id), entry);
    }
  };
  await count('mentions');
  await count('claims');
  await count('events');

  let analysed = 0;
  let analysedFresh = 0;
  let pending = 0;
  let seenPending: string | null = null;
  const wrong: string[] = [];
  for (const document of documents) {
    const id = String(document.id);
    const version = Number(document.analysis_version);
    const found = counts.get(id) ?? { mentions: 0, claims: 0, events: 0 };
    const isAnalysed = version === expect.analysisVersion;
    if (document.status !== 'stored' || !isAnalysed) {
      if (found.mentions + found.claims + found.events > 0)
        wrong.push(`${id} (${String(document.status)}, version ${version}) has ${describe(found)} but is not analysed`);
      if (document.status === 'stored') {
        seenPending ??= id;
        pending++;
      }
      continue;
    }
    analysed++;
    if (!expect.analysedBefore.has(id)) analysedFresh++;
    if (seenPending) wrong.push(`${id} is analysed after ${seenPending}, an older document that is not`);
    const reference = expect.reference.get(id);
    if (!reference) wrong.push(`${id} is analysed but an uninterrupted run has no record of it`);
    else if (reference.mentions !== found.mentions || reference.claims !== found.claims || reference.events !== found.events)
      wrong.push(`${id} has ${describe(found)}; an uninterrupted run writes ${describe(reference)}`);
  }
  if (wrong.length > 0) add('half-analysis', `${wrong.length} documents: ${wrong.slice(0, 3).join('; ')}`);
  if (pending > 0 && analysedFresh % expect.analysisBatch !== 0)
    add(
      'half-analysis',
      `${analysedFresh} documents analysed by the job and ${pending} not: not a whole number of ${expect.analysisBatch}-document batches`,
    );
  return analysed;
}

function describe(counts: AnalysisCounts): string {
  return `${counts.mentions} mentions, ${counts.claims} claims, ${counts.events} events`;
}

/** Per-document analysis counts of a finished store, the reference `checkStore` compares with. */
export async function analysisCounts(probe: StoreProbe): Promise<Map<string, AnalysisCounts>> {
  const counts = new Map<string, { mentions: number; claims: number; events: number }>();
  for (const document of await probe.all("select id from documents where status = 'stored'"))
    counts.set(String(document.id), { mentions: 0, claims: 0, events: 0 });
  for (const table of ['mentions', 'claims', 'events'] as const) {
    for (const row of await probe.all(`select document_id as id, count(*) as n from ${table} group by document_id`)) {
      const entry = counts.get(String(row.id));
      if (entry) entry[table] = Number(row.n);
    }
  }
  return counts;
}

/** Every document id in a store. */
export async function documentIds(probe: StoreProbe): Promise<Set<string>> {
  return new Set((await probe.all('select id from documents')).map((r) => String(r.id)));
}

/**
 * Team mode's analysis: each document is unanalysed (nothing written), analysed and kept for its unit (its mentions
 * written, its claims and events kept whole in `team_items`), or resolved (everything written); resolved units are a
 * prefix; each unit's count of analysed documents is true; and every document not yet analysed is named by a job that
 * is still to run (else it would never be analysed: a lost job).
 */
async function checkTeamAnalysis(
  probe: StoreProbe,
  documents: readonly Row[],
  expect: StoreExpectations,
  add: (kind: ProblemKind, detail: string) => void,
): Promise<number> {
  const counts = new Map<string, { mentions: number; claims: number; events: number }>();
  for (const table of ['mentions', 'claims', 'events'] as const)
    for (const row of await probe.all(`select document_id as id, count(*) as n from ${table} group by document_id`)) {
      const entry = counts.get(String(row.id)) ?? { mentions: 0, claims: 0, events: 0 };
      entry[table] = Number(row.n);
      counts.set(String(row.id), entry);
    }
  const items = new Map(
    (
      await probe.all(
        `select document_id, unit, analysed, json_array_length(found::json -> 0) as claims, json_array_length(found::json -> 1) as events
         from team_items`,
      )
    ).map((r) => [String(r.document_id), r]),
  );
  const units = await probe.all('select unit, documents, analysed, resolved_at is not null as resolved from team_units order by unit');
  const queued = new Set<string>();
  for (const job of await probe.all(
    "select data from pgboss.job where name = 'sitrep_analysis' and state in ('created', 'retry', 'active')",
  ))
    for (const id of (job.data as { documents: string[] }).documents) queued.add(id);

  const wrong: string[] = [];
  const lost: string[] = [];
  let analysed = 0;
  for (const document of documents) {
    if (document.status !== 'stored') continue;
    const id = String(document.id);
    const found = counts.get(id) ?? { mentions: 0, claims: 0, events: 0 };
    const reference = expect.reference.get(id);
    const item = items.get(id);
    const isAnalysed = Number(document.analysis_version) === expect.analysisVersion;
    if (!reference) {
      wrong.push(`${id} is stored but an uninterrupted run has no record of it`);
      continue;
    }
    if (!isAnalysed) {
      if (found.mentions + found.claims + found.events > 0) wrong.push(`${id} has ${describe(found)} but is not analysed`);
      if (item?.analysed) wrong.push(`${id} is kept as analysed for unit ${String(item.unit)} but is not analysed`);
      if (!queued.has(id)) lost.push(id);
      continue;
    }
    analysed++;
    if (found.mentions !== reference.mentions)
      wrong.push(`${id} has ${found.mentions} mentions; an uninterrupted run writes ${reference.mentions}`);
    if (item === undefined) {
      if (found.claims !== reference.claims || found.events !== reference.events)
        wrong.push(`${id} is resolved with ${describe(found)}; an uninterrupted run writes ${describe(reference)}`);
    } else if (
      !item.analysed ||
      Number(item.claims) !== reference.claims ||
      Number(item.events) !== reference.events ||
      found.claims + found.events > 0
    )
      wrong.push(
        `${id} waits in unit ${String(item.unit)} with ${String(item.claims)} claims and ${String(item.events)} events kept and ${describe(found)} written; an uninterrupted run writes ${describe(reference)}`,
      );
  }
  let open = false;
  for (const unit of units) {
    if (!unit.resolved) open = true;
    else if (open) wrong.push(`unit ${String(unit.unit)} is resolved after an earlier unit that is not`);
    if (unit.resolved) continue;
    const done = [...items.values()].filter((i) => Number(i.unit) === Number(unit.unit) && i.analysed === true).length;
    if (done !== Number(unit.analysed))
      wrong.push(`unit ${String(unit.unit)} counts ${String(unit.analysed)} analysed documents; ${done} are`);
  }
  if (wrong.length > 0) add('half-analysis', `${wrong.length} problems: ${wrong.slice(0, 3).join('; ')}`);
  if (lost.length > 0) add('lost-job', `${lost.length} unanalysed documents no pending job names, e.g. ${lost.slice(0, 3).join(', ')}`);
  return analysed;
}
