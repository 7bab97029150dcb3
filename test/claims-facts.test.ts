/**
 * Claims and facts across stages, on real SQLite: reports in, analysis, facts out with their status (agree,
 * disagree, qualifier-compatible, syndicated copies counted once, updated series); re-analysis; the CLI and the
 * export contract; and the seeds when ../shared is present.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingest, ingestReports } from '../src/ingest/ingest.ts';
import type { RawReport } from '../src/ingest/raw-report.ts';
import type { Fact } from '../src/model/fact.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { countedAgainst } from '../src/report/reported-counted.ts';
import { valueAnchor } from '../src/resolve/facts/compare-claims.ts';
import { NO_SEEDS, PROJECT_DIR, SEEDS_DIR, scratchDir, scratchStore, writeFiles } from './fixtures.ts';

const report = (externalId: string, source: string, published: string, text: string): RawReport => ({
  origin: { path: `${externalId}.jsonl`, line: 1 },
  format: 'jsonl',
  text,
  externalId,
  title: null,
  url: null,
  source,
  byline: null,
  published,
});

// A wire story long enough for near-copy detection, and its re-publication with a new first line and a word changed.
const WIRE =
  'Gunmen stormed a police checkpoint outside the town overnight, and officials said the attackers fled north before ' +
  'reinforcements arrived. A car bomb killed 9 people in Mosul on Monday, police said. The blast struck a busy market ' +
  'street near the old bridge, shattering windows and setting several cars alight, according to residents who spoke by ' +
  'telephone. Hospitals in the city appealed for blood donations as ambulances carried the wounded through the crowded ' +
  'streets, and the provincial governor declared three days of mourning for the victims of the attack.';
const WIRE_COPY = WIRE.replace('busy market', 'crowded market').replace('Gunmen stormed', 'Armed men stormed');

/** `[name, reports, facts as "category value status [documents]" sorted]`. */
const STATUS: ReadonlyArray<readonly [name: string, reports: readonly RawReport[], facts: readonly string[]]> = [
  [
    'two outlets agree, one with a qualifier: corroborated',
    [
      report(
        'gw-1',
        'Gulf Wire',
        '2024-03-05',
        'Militants have attacked coalition bases at least 12 times in Iraq since March 1, a military spokesman said.',
      ),
      report(
        'lm-1',
        'Levant Monitor',
        '2024-03-05',
        'Coalition bases in Iraq have come under attack 12 times since March 1, officials said.',
      ),
    ],
    ['attacks 12 corroborated [gw-1 lm-1]'],
  ],
  [
    'two outlets disagree on one scope and day: conflicting, each side with its source',
    [
      report('gw-2', 'Gulf Wire', '2024-03-12', 'A car bomb killed 9 people in Mosul on Monday, police said.'),
      report('lm-2', 'Levant Monitor', '2024-03-12', 'The car bomb in Mosul on Monday killed 15 people, hospital officials said.'),
    ],
    ['killed 9/15 conflicting [gw-2 lm-2]'],
  ],
  [
    'one outlet: single-source',
    [report('gw-3', 'Gulf Wire', '2024-03-12', 'A car bomb killed 9 people in Mosul on Monday, police said.')],
    ['killed 9 single-source [gw-3]'],
  ],
  [
    'the same outlet twice: still single-source',
    [
      report('gw-4', 'Gulf Wire', '2024-03-12', 'A car bomb killed 9 people in Mosul on Monday, police said.'),
      report('gw-5', 'Gulf Wire', '2024-03-12', 'Police said 9 people were killed by a car bomb in Mosul on Monday.'),
    ],
    ['killed 9 single-source [gw-4 gw-5]'],
  ],
  [
    'syndicated copies under two outlets count once',
    [report('gw-6', 'Gulf Wire', '2024-03-12', WIRE), report('rc-6', 'Riverside Courier', '2024-03-12', WIRE_COPY)],
    ['killed 9 single-source [gw-6 rc-6]'],
  ],
  [
    'different places do not join',
    [
      report('gw-7', 'Gulf Wire', '2024-03-12', 'A car bomb killed 9 people in Mosul on Monday, police said.'),
      report('lm-7', 'Levant Monitor', '2024-03-12', 'A car bomb killed 9 people in Basra on Monday, police said.'),
    ],
    ['killed 9 single-source [gw-7]', 'killed 9 single-source [lm-7]'],
  ],
];

function describeFact(fact: Fact): string {
  return `${fact.category} ${fact.sides.map((s) => valueAnchor(s.value)).join('/')} ${fact.status} [${[...fact.documents].sort().join(' ')}]`;
}

describe('facts from reports', () => {
  for (const [name, reports, expected] of STATUS) {
    it(name, async () => {
      const { store } = await scratchStore();
      await ingestReports(store, reports);
      await analyse(store, { workers: 0 });
      const facts = await store.claims.facts();
      assert.deepEqual(facts.map(describeFact).sort(), [...expected].sort());
      await store.close();
    });
  }

  it('a conflicting fact keeps who says what', async () => {
    const { store } = await scratchStore();
    await ingestReports(store, STATUS[1]?.[1] ?? []);
    await analyse(store, { workers: 0 });
    const [fact] = await store.claims.facts();
    assert.deepEqual(
      fact?.sides.map((s) => [valueAnchor(s.value), s.sources]),
      [
        [9, ['Gulf Wire']],
        [15, ['Levant Monitor']],
      ],
    );
    await store.close();
  });

  it('links a later, larger count of the same series, whichever report arrives first', async () => {
    for (const order of ['earlier first', 'later first']) {
      const { store } = await scratchStore();
      const earlier = report(
        'pw-1',
        'Pentagon Wire',
        '2024-03-05',
        'Iran-backed groups have attacked US forces 20 times in Iraq and Syria since February 1, the Pentagon said.',
      );
      const later = report(
        'pw-2',
        'Levant Monitor',
        '2024-03-20',
        'Iran-backed groups have attacked US forces at least 35 times in Iraq and Syria since February 1, the Pentagon said on Wednesday.',
      );
      for (const r of order === 'earlier first' ? [earlier, later] : [later, earlier]) {
        await ingestReports(store, [r]);
        await analyse(store, { workers: 0 });
      }
      const facts = await store.claims.facts({ category: 'attacks' });
      const first = facts.find((f) => f.value.low === 20);
      const second = facts.find((f) => f.value.low === 35);
      assert.deepEqual([first?.updatedBy, second?.updates], [[second?.id], [first?.id]], order);
      await store.close();
    }
  });

  it("a strike's toll as rescuers dig is one series; a day's toll never joins the war's total", async () => {
    const { store } = await scratchStore();
    await ingestReports(store, [
      report(
        'kw-1',
        'Kharkiv Wire',
        '2024-05-10',
        'A missile strike on a shopping centre in Kharkiv on Friday killed at least 11 people, officials said.',
      ),
      report(
        'dn-1',
        'Dnipro News',
        '2024-05-11',
        'The death toll from the missile strike on the Kharkiv shopping centre rose to 16, officials said on Saturday.',
      ),
      report('gz-1', 'Gaza Daily', '2024-05-11', 'Israeli strikes killed 41 people in Gaza in the past day, the health ministry said.'),
      report(
        'gz-2',
        'Coast Times',
        '2024-05-12',
        'At least 34,971 Palestinians have been killed in Gaza since October 7, the health ministry said.',
      ),
    ]);
    await analyse(store, { workers: 0 });
    const facts = await store.claims.facts({ category: 'killed' });
    const of = (n: number) => facts.find((f) => valueAnchor(f.value) === n);
    assert.deepEqual(of(16)?.updates, [of(11)?.id], 'the revised toll updates the first');
    assert.deepEqual(of(34971)?.updates, [], "the war's total updates no day's toll");
    await store.close();
  });

  it("a figure read with its report's lede joins no fact of a country the report never names", async () => {
    const { store } = await scratchStore();
    await ingestReports(store, [
      report('sm-1', 'Sumy Post', '2024-06-02', 'A Russian missile strike in Sumy killed 20 people on Sunday, the mayor said.'),
      report(
        'yr-1',
        'Aden Herald',
        '2024-06-03',
        'US airstrikes hit a fuel port in Yemen overnight. At least 20 people were killed, rebel officials said.',
      ),
    ]);
    await analyse(store, { workers: 0 });
    const twenty = (await store.claims.facts({ category: 'killed' })).filter((f) => valueAnchor(f.value) === 20);
    assert.equal(twenty.length, 2, twenty.map((f) => f.documents.join('+')).join(', '));
    await store.close();
  });

  it('names the primary sources of a fact and counts the incidents held against an official count', async () => {
    const { store } = await scratchStore();
    await ingestReports(store, [
      report('gw-9', 'Gulf Wire', '2024-03-20', 'Militants have attacked US bases 9 times in Iraq since March 1, the Pentagon said.'),
      report('lm-9', 'Levant Monitor', '2024-03-20', 'US bases in Iraq were attacked 9 times since March 1, according to the Pentagon.'),
      report('rb-1', 'Rafidain Post', '2024-03-05', 'A rocket attack hit a base in Erbil on Monday, officials said.'),
      report('rb-2', 'Basra Echo', '2024-03-12', 'Militants fired drones at a base near Baghdad on Tuesday, officials said.'),
    ]);
    await analyse(store, { workers: 0 });
    const fact = (await store.claims.facts({ category: 'attacks' })).find((f) => f.value.low === 9);
    assert.ok(fact);
    assert.deepEqual([fact.status, fact.primarySources], ['corroborated', ['Pentagon']]);
    const counted = await countedAgainst(store, fact);
    assert.deepEqual([counted?.reported, counted?.counted, counted?.gap], [9, 2, 7]);
    // Targets struck are not strikes: no incidents are set against them.
    await ingestReports(store, [
      report('gw-10', 'Gulf Wire', '2024-03-21', 'US jets struck 85 targets in Iraq since March 1, the Pentagon said.'),
    ]);
    await analyse(store, { workers: 0 });
    const targets = (await store.claims.facts({ category: 'strikes' })).find((f) => f.value.low === 85);
    assert.ok(targets);
    assert.equal(await countedAgainst(store, targets), null);
    await store.close();
  });

  it("re-analysis replaces a document's claims and re-resolves its facts: no orphan, no duplicate", async () => {
    const { store } = await scratchStore();
    await ingestReports(store, STATUS[0]?.[1] ?? []);
    await analyse(store, { workers: 0 });
    const before = await store.claims.facts();
    const [document] = await store.documents.list({ limit: 1 });
    // Mark the document as analysed by an old version, as a version bump would.
    await store.transaction((tx) => tx.mentions.save([{ documentId: document?.id as string, mentions: [] }], 0));
    assert.equal((await analyse(store, { workers: 0 })).documents, 1);
    const after = await store.claims.facts();
    assert.deepEqual(after.map(describeFact), before.map(describeFact));
    const claims = await store.claims.list();
    assert.equal(new Set(claims.map((c) => c.id)).size, claims.length);
    assert.ok(claims.every((c) => c.factId !== null && after.some((f) => f.id === c.factId && f.claims.includes(c.id))));
    await store.close();
  });
});

describe('sitrep facts, fact and export', () => {
  const sitrep = (args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: '' },
    });
  const dir = writeFiles(scratchDir(), {
    'a.jsonl': `${JSON.stringify({ id: 'gw-1', source: 'Gulf Wire', published: '2024-03-05', text: STATUS[0]?.[1][0]?.text })}\n${JSON.stringify({ id: 'lm-1', source: 'Levant Monitor', published: '2024-03-05', text: STATUS[0]?.[1][1]?.text })}\n`,
  });
  const db = join(dir, 's.db');

  it('lists facts as a table and shows a ledger with each sentence', () => {
    assert.equal(sitrep(['--db', db, 'ingest', join(dir, 'a.jsonl')]).status, 0);
    const table = sitrep(['--db', db, 'facts']);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^id\s+figure\s+what\s+where\s+when\s+status\s+sources/);
    const row = table.stdout.split('\n').find((line) => /attacks/.test(line)) ?? '';
    assert.match(row, /at least 12\s+attacks\s+Iraq\s+2024-03-01\.\.2024-03-05\s+corroborated\s+2: Gulf Wire, Levant Monitor/);
    const id = row.split(/\s+/)[0] as string;
    const fact = sitrep(['--db', db, 'fact', id]);
    assert.equal(fact.status, 0, fact.stderr);
    assert.match(fact.stdout, /Ledger \(2 claims\)/);
    assert.match(fact.stdout, /"Coalition bases in Iraq have come under attack 12 times since March 1, officials said\."/);
    assert.match(fact.stdout, /according to a military spokesman \(official\)/);
    assert.equal(sitrep(['--db', db, 'fact', 'no-such-fact']).status, 2);
    assert.match(sitrep(['--db', db, 'facts', '--status', 'conflicting']).stderr, /0 of 0 facts/);
  });

  it('exports claims and facts in the contract shape, as JSONL and CSV', () => {
    const claims = sitrep(['--db', db, 'export', '--what', 'claims', '--format', 'jsonl']);
    assert.equal(claims.status, 0, claims.stderr);
    const claim = JSON.parse(claims.stdout.trim().split('\n')[0] as string);
    assert.deepEqual(Object.keys(claim), [
      'id',
      'documentId',
      'externalId',
      'category',
      'noun',
      'value',
      'place',
      'period',
      'attribution',
      'modality',
      'span',
      'text',
      'rule',
    ]);
    assert.deepEqual([claim.externalId, claim.category, claim.value], ['gw-1', 'attacks', { low: 12, high: null, qualifier: 'at-least' }]);
    assert.deepEqual(Object.keys(claim.place), ['name', 'country', 'lat', 'lon', 'precision']);
    assert.deepEqual(claim.period, { start: '2024-03-01', end: '2024-03-05' });
    assert.deepEqual(claim.attribution, { text: 'a military spokesman', kind: 'official' });
    const facts = sitrep(['--db', db, 'export', '--what', 'facts', '--format', 'jsonl']);
    const fact = JSON.parse(facts.stdout.trim().split('\n')[0] as string);
    assert.deepEqual(Object.keys(fact), [
      'id',
      'category',
      'value',
      'place',
      'period',
      'status',
      'claims',
      'documents',
      'sources',
      'primarySources',
      'updates',
      'updatedBy',
    ]);
    assert.deepEqual(
      [fact.status, fact.documents, fact.sources, fact.updates, fact.updatedBy],
      ['corroborated', ['gw-1', 'lm-1'], ['Gulf Wire', 'Levant Monitor'], [], []],
    );
    const csv = sitrep(['--db', db, 'export', '--what', 'facts', '--format', 'csv']).stdout.split('\n');
    assert.match(
      csv[0] as string,
      /^id,category,value\.low,value\.high,value\.qualifier,place\.name,.*,status,claims,documents,sources,primarySources,updates,updatedBy$/,
    );
    assert.match(csv[1] as string, /,corroborated,[0-9a-f]{16};[0-9a-f]{16},gw-1;lm-1,Gulf Wire;Levant Monitor,military spokesman,,$/);
  });
});

describe('seeds: facts', { skip: NO_SEEDS }, () => {
  it('finds the corroborated attack counts and links the update series', async () => {
    const { store } = await scratchStore();
    await ingest(store, [SEEDS_DIR]);
    await analyse(store, { workers: 0 });
    const facts = await store.claims.facts({ category: 'attacks' });
    const total = facts.find((f) => valueAnchor(f.value) === 23);
    const later = facts.find((f) => valueAnchor(f.value) === 134);
    assert.equal(total?.status, 'corroborated');
    assert.deepEqual(later?.updates, [total?.id]);
    await store.close();
  });
});
