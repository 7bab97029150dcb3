/**
 * The torture harness's store checks on a real SQLite store: a whole, analysed store passes, and each kind of damage a
 * crash could leave (planted by hand) is reported as what it is.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ingestReports } from '../../src/ingest/ingest.ts';
import type { ParsedItem } from '../../src/ingest/raw-report.ts';
import { analyse, ANALYSIS_VERSION } from '../../src/pipeline/analyse.ts';
import { scratchStore } from '../fixtures.ts';
import { analysisCounts, checkStore, documentIds, openProbe, type ProblemKind, type StoreExpectations } from './check-store.ts';
import { generateReports } from './generate-reports.ts';
import { SeededRandom } from './seeded-random.ts';

function items(prefix: string, count: number): ParsedItem[] {
  return generateReports(new SeededRandom(11), { prefix, count, copies: 0.1, nearCopies: 0.1 }).map((r, i) => ({
    origin: { path: `${prefix}.jsonl`, line: i + 1 },
    format: 'jsonl',
    text: r.text,
    externalId: r.id,
    title: r.title,
    url: r.url,
    source: r.source,
    byline: null,
    published: r.published,
  }));
}

describe('torture store checks', () => {
  let whole = '';
  let dir = '';
  let expect: StoreExpectations;

  before(async () => {
    const scratch = await scratchStore();
    dir = scratch.dir;
    whole = scratch.path;
    await ingestReports(scratch.store, items('t', 24));
    await analyse(scratch.store, { workers: 0 });
    await scratch.store.close();
    const probe = await openProbe(whole);
    const ids = await documentIds(probe);
    expect = {
      settled: new Set(),
      batches: [{ name: 't', ids }],
      analysedBefore: new Set(),
      analysisVersion: ANALYSIS_VERSION,
      analysisBatch: 500,
      reference: await analysisCounts(probe),
    };
    await probe.close();
  });

  /** The kinds of problem the checks find in a copy of the whole store after `damage`. */
  async function kindsAfter(
    damage: (db: Database.Database) => void,
    expectations: Partial<StoreExpectations> = {},
  ): Promise<ProblemKind[]> {
    const file = join(dir, `damaged-${Math.random().toString(36).slice(2)}.db`);
    copyFileSync(whole, file);
    const db = new Database(file);
    damage(db);
    db.close();
    const probe = await openProbe(file);
    try {
      const { problems } = await checkStore(probe, { ...expect, ...expectations });
      return [...new Set(problems.map((p) => p.kind))].sort();
    } finally {
      await probe.close();
    }
  }

  it('passes a whole, analysed store', async () => {
    assert.deepEqual(await kindsAfter(() => {}), []);
  });

  const cases: Array<[string, (db: Database.Database) => void, ProblemKind[]]> = [
    [
      'a document gone under its mentions, claims and events',
      (db) => db.exec('delete from documents where id = (select document_id from claims limit 1)'),
      ['half-batch', 'orphan'],
    ],
    ['a claim whose fact is gone', (db) => db.exec('delete from facts where id = (select fact_id from claims limit 1)'), ['orphan']],
    [
      'an event joined to a missing incident',
      (db) =>
        db.exec(
          "update events set incident_id = 'nowhere' where incident_id is not null and rowid = (select min(rowid) from events where incident_id is not null)",
        ),
      ['orphan'],
    ],
    ['a band key stored twice', (db) => db.exec('insert into document_bands select * from document_bands limit 1'), ['duplicate']],
    [
      'an analysed document marked pending',
      (db) => db.exec('update documents set analysis_version = 0 where id = (select document_id from mentions limit 1)'),
      ['half-analysis'],
    ],
    [
      'mentions missing from an analysed document',
      (db) => db.exec('delete from mentions where document_id = (select document_id from mentions limit 1) and ordinal > 0'),
      ['half-analysis'],
    ],
    [
      'a document no run writes',
      (db) =>
        db.exec(
          "insert into documents (id, external_id, language, status, syndication_group, format, origin_path, text, content_hash, ingested_at) values ('stray', 'stray', 'en', 'duplicate', 'stray', 'jsonl', 'x', 'x', 'x', 'x')",
        ),
      ['duplicate'],
    ],
  ];
  for (const [name, damage, kinds] of cases) {
    it(`reports ${name}`, async () => {
      assert.deepEqual(await kindsAfter(damage), kinds);
    });
  }

  it('reports half a batch of analysis when the batch is larger than what was analysed', async () => {
    const kinds = await kindsAfter(
      (db) => {
        db.exec(`update documents set analysis_version = 0 where seq > (select min(seq) + 5 from documents where status = 'stored')`);
        db.exec('delete from mentions where document_id in (select id from documents where analysis_version = 0)');
        db.exec('delete from events where document_id in (select id from documents where analysis_version = 0)');
        db.exec('delete from claims where document_id in (select id from documents where analysis_version = 0)');
        db.exec('delete from facts where id not in (select fact_id from claims)');
      },
      { analysisBatch: 10 },
    );
    assert.ok(kinds.includes('half-analysis'), `found ${kinds.join(', ')}`);
  });
});
