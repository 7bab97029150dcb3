/**
 * The picture on a past day: `--as-of` on a store built report by report over time (one report arriving late, after
 * later ones) answers what a store built from only the reports published by that day answers: the same facts and
 * incidents. The CLI and the API's `asOf` give the same.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingestReports } from '../src/ingest/ingest.ts';
import type { Fact } from '../src/model/fact.ts';
import type { Incident } from '../src/model/incident.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { asOfStore } from '../src/pipeline/as-of-store.ts';
import { factHistory, valueChanges } from '../src/report/fact-history.ts';
import { startServer } from '../src/server/start-server.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';
import { type Lexicons, loadLexicons } from '../src/understand/understand.ts';
import { PROJECT_DIR, textReport as report, scratchDir } from './fixtures.ts';

/** In the order they arrive; `late` was published on the 2nd but arrives last. */
const ARRIVALS = [
  report(
    'r1',
    'Levant Monitor',
    '2023-11-01',
    'US forces have been attacked at least 23 times in Iraq and Syria since October 17, the Pentagon said on Wednesday.',
  ),
  report(
    'r2',
    'Gulf Daily',
    '2023-11-03',
    'Militants killed four soldiers in an attack on an army checkpoint near Kirkuk on Thursday, police said.',
  ),
  report(
    'r3',
    'River Post',
    '2023-11-04',
    'Four soldiers were killed when militants attacked an army checkpoint near Kirkuk on Thursday, a security official said.',
  ),
  report(
    'r4',
    'Levant Monitor',
    '2023-11-06',
    'Six soldiers were killed when militants attacked an army checkpoint near Kirkuk on Thursday, a hospital source said.',
  ),
  report(
    'r5',
    'Gulf Daily',
    '2023-11-07',
    'US forces have been attacked at least 40 times in Iraq and Syria since October 17, the Pentagon said on Tuesday.',
  ),
  report(
    'late',
    'River Post',
    '2023-11-02',
    'A roadside bomb struck a supply convoy south of Nasiriyah on Thursday, killing one driver, police said.',
  ),
];

/** Facts and incidents as a reader compares them: values, statuses, places and who said so (ids name the founding claim). */
async function picture(store: Store) {
  const facts = (await store.claims.facts({})).map((f: Fact) => ({
    category: f.category,
    noun: f.noun,
    value: f.value,
    place: f.place?.name ?? null,
    period: f.period,
    status: f.status,
    sources: [...f.sources].sort(),
    documents: [...f.documents].sort(),
    sides: f.sides.length,
    updates: f.updates.length,
  }));
  const incidents = (await store.events.incidents({})).map((i: Incident) => ({
    type: i.type,
    date: i.date,
    place: i.place?.name ?? null,
    killed: i.killed?.best ?? null,
    sources: [...i.sources].sort(),
    sourceCount: i.sourceCount,
    documents: i.documents.length,
  }));
  const order = (a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return { facts: facts.sort(order), incidents: incidents.sort(order) };
}

describe('as of a day', () => {
  let lexicons: Lexicons;
  let overTime: Store;
  const dir = scratchDir();
  const path = join(dir, 'over-time.db');

  before(async () => {
    lexicons = loadLexicons();
    overTime = await openStore(path);
    for (const [i, r] of ARRIVALS.entries()) {
      await ingestReports(overTime, [r], { now: `2023-11-${String(i + 2).padStart(2, '0')}T12:00:00.000Z` });
      await analyse(overTime, { workers: 0, lexicons });
    }
  });
  after(() => overTime.close());

  for (const day of ['2023-11-02', '2023-11-04', '2023-11-06', '2023-11-07'])
    it(`answers for ${day} what a store of only the reports published by then answers`, async () => {
      const fresh = await openStore(join(dir, `fresh-${day}.db`));
      try {
        await ingestReports(
          fresh,
          ARRIVALS.filter((r) => (r.published ?? '') <= day),
          { now: '2023-11-08T00:00:00.000Z' },
        );
        await analyse(fresh, { workers: 0, lexicons });
        const asOf = await asOfStore(overTime, { asOf: day, lexicons, workers: 0 });
        try {
          const expected = await picture(fresh);
          assert.ok(expected.facts.length > 0 || day === '2023-11-02');
          assert.deepEqual(await picture(asOf), expected);
        } finally {
          await asOf.close();
        }
      } finally {
        await fresh.close();
      }
    });

  it('differs from today where later reports changed the picture', async () => {
    const then = await asOfStore(overTime, { asOf: '2023-11-04', lexicons, workers: 0 });
    try {
      const killedThen = (await then.claims.facts({ category: 'killed' })).find((f) => f.place?.name === 'Kirkuk');
      const killedNow = (await overTime.claims.facts({ category: 'killed' })).find((f) => f.place?.name === 'Kirkuk');
      assert.equal(killedThen?.status, 'corroborated');
      assert.equal(killedNow?.status, 'conflicting');
    } finally {
      await then.close();
    }
  });

  it('by ingest day, a report published early but stored late is left out', async () => {
    const byIngest = await asOfStore(overTime, { asOf: '2023-11-06', by: 'ingested', lexicons, workers: 0 });
    try {
      assert.deepEqual(
        (await byIngest.documents.list()).map((d) => d.externalId),
        ['r1', 'r2', 'r3', 'r4', 'r5'],
      );
    } finally {
      await byIngest.close();
    }
  });

  it("tells a fact's history: who said it when, how it changed, the counts it updates", async () => {
    const killed = (await overTime.claims.facts({ category: 'killed' })).find((f) => f.place?.name === 'Kirkuk');
    assert.ok(killed);
    const history = await factHistory(overTime, killed.id);
    assert.deepEqual(
      history?.said.map((s) => [s.published, s.source, s.value.low]),
      [
        ['2023-11-03', 'Gulf Daily', 4],
        ['2023-11-04', 'River Post', 4],
        ['2023-11-06', 'Levant Monitor', 6],
      ],
    );
    assert.deepEqual(
      history?.changes.map((c) => [c.on, c.from?.low ?? null, c.to.low, c.sources, c.against.map((a) => [a.value.low, a.sources])]),
      [['2023-11-03', null, 4, ['Gulf Daily'], []]],
    );
    const attacks = (await overTime.claims.facts({})).find((f) => f.value.low === 40);
    assert.ok(attacks);
    const counts = await factHistory(overTime, attacks.id);
    assert.deepEqual(
      counts?.earlier.map((e) => [e.value.low, e.firstSaid]),
      [[23, '2023-11-01']],
    );
    const changes = valueChanges([
      {
        published: '2023-11-01',
        source: 'A',
        externalId: 'a',
        documentId: 'a',
        value: { low: 5, high: 5, qualifier: 'exact' },
        sentence: '',
      },
      {
        published: '2023-11-02',
        source: 'B',
        externalId: 'b',
        documentId: 'b',
        value: { low: 7, high: 7, qualifier: 'exact' },
        sentence: '',
      },
      {
        published: '2023-11-03',
        source: 'C',
        externalId: 'c',
        documentId: 'c',
        value: { low: 7, high: 7, qualifier: 'exact' },
        sentence: '',
      },
    ]);
    assert.deepEqual(
      changes.map((c) => [c.on, c.from?.low ?? null, c.to.low]),
      [
        ['2023-11-01', null, 5],
        ['2023-11-02', 5, 7],
      ],
      'a tie goes to the latest value; a second source keeps it',
    );
  });

  it('is there on the CLI and the API', async () => {
    const cli = spawnSync(
      process.execPath,
      [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', path, 'facts', '--json', '--as-of', '2023-11-04'],
      {
        encoding: 'utf8',
        env: { ...process.env, SITREP_DB: '' },
      },
    );
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stderr, /As of 2023-11-04: 4 of 6 reports/);
    const cliFacts = cli.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Fact);
    const then = await asOfStore(overTime, { asOf: '2023-11-04', lexicons, workers: 0 });
    try {
      assert.deepEqual(cliFacts.map((f) => [f.id, f.status]).sort(), (await then.claims.facts({})).map((f) => [f.id, f.status]).sort());
    } finally {
      await then.close();
    }
    const one = spawnSync(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', path, 'fact', cliFacts[0]?.id ?? ''], {
      encoding: 'utf8',
    });
    assert.match(one.stdout, /\nHistory:\n {2}2023-11-0\d {2}first said: /);
    assert.match(one.stdout, /\nSaid by:\n/);
    const bad = spawnSync(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', path, 'facts', '--as-of', '2023-13-01'], {
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /"2023-13-01" is not a day as YYYY-MM-DD/);

    const server = await startServer(overTime, { port: 0 });
    try {
      const answer = (await (await fetch(`${server.url}/api/facts?asOf=2023-11-04&limit=100`)).json()) as { items: Fact[] };
      assert.deepEqual(answer.items.map((f) => [f.id, f.status]).sort(), cliFacts.map((f) => [f.id, f.status]).sort());
      const now = (await (await fetch(`${server.url}/api/facts?limit=100`)).json()) as { items: Fact[] };
      assert.notDeepEqual(now.items.length, 0);
      const fact = cliFacts[0] as Fact;
      const history = (await (await fetch(`${server.url}/api/facts/${fact.id}/history?asOf=2023-11-04`)).json()) as { said: unknown[] };
      assert.ok(history.said.length >= 1);
      assert.equal((await fetch(`${server.url}/api/facts/nothing-such/history`)).status, 404);
      const refused = await fetch(`${server.url}/api/facts?asOf=yesterday`);
      assert.equal(refused.status, 400);
      assert.match(((await refused.json()) as { error: { message: string } }).error.message, /asOf "yesterday" is not a day/);
    } finally {
      await server.close();
    }
  });
});
