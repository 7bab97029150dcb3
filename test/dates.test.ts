/**
 * Dates are one type with a range (0001-01-01 to 9999-12-31): an impossible date is refused wherever it enters
 * (report metadata of every format, API parameters, command options), with the file, line or field named; and a
 * date at the edge of the range, stored or asked for, never makes a loop over weeks run without end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { gatherSituation } from '../src/report/situation-report.ts';
import { type RunningServer, startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');

const STORY =
  'Two rockets struck near a logistics hub in western Iraq late on Tuesday, the regional command said. ' +
  'Air defences intercepted a third rocket and nobody was hurt, a spokesman told reporters at a briefing.';
const OTHER =
  'Militia fighters launched a drone at a garrison in eastern Syria, a military spokesman said on Thursday. ' +
  'The drone was shot down before it reached the base and there was no damage, he added at a briefing.';

/** One report in each format, its metadata date impossible in the way each format writes dates. */
const BAD_DATES: Record<string, string> = {
  'lines.jsonl': [
    JSON.stringify({ id: 'good-line', published: '2023-10-30', text: STORY }),
    JSON.stringify({ id: 'rolled', published: '2023-99-99', text: OTHER }),
    JSON.stringify({ id: 'leap', published: '2023-02-29T10:00:00Z', text: `${OTHER} Later reports agreed.` }),
    JSON.stringify({ id: 'far', published: '+010000-01-01T00:00:00Z', text: `${OTHER} Officials confirmed it.` }),
  ].join('\n'),
  'header.txt': `Title: Drone shot down over garrison\nDate: 2023-13-01\n\n${OTHER} A second statement followed.`,
  'front.md': `---\ntitle: Rockets at the hub\npublished: 2023-04-31\n---\n${STORY} A second statement followed.`,
  'page.html': `<!doctype html><html><head><title>Rockets at the hub</title>
    <meta property="article:published_time" content="2023-02-30T18:00:00Z"></head>
    <body><article><h1>Rockets at the hub</h1><p>${STORY}</p><p>${OTHER}</p></article></body></html>`,
  'feed.rss': `<?xml version="1.0"?><rss version="2.0"><channel><title>Frontline Wire</title>
    <item><guid>ok</guid><title>Hub struck</title><pubDate>Mon, 30 Oct 2023 10:00:00 GMT</pubDate><description>${STORY} More followed.</description></item>
    <item><guid>bad</guid><title>Drone downed</title><pubDate>Tue, 32 Oct 2023 10:00:00 GMT</pubDate><description>${OTHER} Still more.</description></item>
    </channel></rss>`,
};

describe('dates entering with reports', () => {
  it('refuses an impossible metadata date in every format, naming the file, line or item and the field; the rest is stored', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, Object.fromEntries(Object.entries(BAD_DATES).map(([name, content]) => [`in/${name}`, content])));
    const summary = await ingest(store, [join(dir, 'in')]);
    const reasons = summary.items.filter((i) => i.outcome === 'failed').map((i) => i.reason ?? '');
    const expect = (where: string, pattern: RegExp) =>
      assert.ok(
        reasons.some((r) => r.includes(where) && /field "published"/.test(r) && pattern.test(r)),
        `${where}: ${pattern} not in\n${reasons.join('\n')}`,
      );
    expect('lines.jsonl:2', /"2023-99-99" is not a calendar day: it has month 99/);
    expect('lines.jsonl:3', /has day 29; 2023-02 has days 1 to 28/);
    expect('lines.jsonl:4', /outside 0001-01-01 to 9999-12-31/);
    expect('header.txt', /has month 13/);
    expect('front.md', /has day 31/);
    expect('page.html', /has day 30/);
    expect('feed.rss item 2', /has day 32/);
    assert.equal(summary.counts.failed, 7, reasons.join('\n'));
    const stored = await store.documents.list();
    assert.deepEqual(stored.map((d) => [d.externalId, d.published?.start]).sort(), [
      ['good-line', '2023-10-30'],
      ['ok', '2023-10-30'],
    ]);
    await store.close();
  });
});

describe('a report dated 9999-12-31', () => {
  let store: Store;
  let dbPath: string;
  let server: RunningServer;

  before(async () => {
    let dir: string;
    ({ store, path: dbPath, dir } = await scratchStore());
    writeFiles(dir, {
      'in/batch.jsonl': [
        JSON.stringify({ id: 'now', published: '2023-10-30', text: STORY }),
        JSON.stringify({ id: 'soon', published: '2023-11-14', text: OTHER }),
        JSON.stringify({ id: 'far', published: '9999-12-31', text: `${STORY} The command gave no further details.` }),
        JSON.stringify({ id: 'early', published: '0001-01-01', text: `${OTHER} The garrison was not named.` }),
      ].join('\n'),
    });
    const summary = await ingest(store, [join(dir, 'in')]);
    assert.equal(summary.counts.failed, 0);
    await analyse(store, { workers: 0 });
    server = await startServer(store, { port: 0 });
  });

  after(async () => {
    await server?.close();
    await store?.close();
  });

  /** GETs `path`, failing the test if the answer takes longer than `ms`. */
  const timed = async (path: string, ms = 5000) => {
    const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(ms) });
    return { status: response.status, body: await response.json() };
  };

  it('is stored, and the timeline lists it after a gap instead of every week to the year 9999', async () => {
    const { status, body } = await timed('/api/timeline');
    assert.equal(status, 200);
    const weeks = body.weeks.map((w: { week: string; documents: number }) => [w.week, w.documents]);
    assert.deepEqual(weeks[0], ['0001-01-01', 1]);
    assert.deepEqual(weeks.at(-1), ['9999-12-27', 1]);
    assert.ok(weeks.length < 20, `${weeks.length} weeks`);
    assert.deepEqual(
      weeks.filter(([, n]: [string, number]) => n > 0).map(([w]: [string]) => w),
      ['0001-01-01', '2023-10-30', '2023-11-13', '9999-12-27'],
    );
  });

  it('answers trends to 9999-12-31 and from 0001-01-01 at once', async () => {
    for (const path of [
      '/api/trends?until=9999-12-31',
      '/api/trends?since=0001-01-01&until=9999-12-31',
      '/api/trends',
      '/api/trends?since=9999-12-31',
    ]) {
      const { status, body } = await timed(path);
      assert.equal(status, 200, path);
      assert.ok(body.weeks.length < 600, `${path}: ${body.weeks.length} weeks`);
    }
  });

  it('refuses days outside 0001-01-01 to 9999-12-31 or that roll over, as parameters', async () => {
    for (const day of ['10000-01-01', '+010000-01-01', '0000-12-31', '2023-99-99', '2023-02-29', '-0001-01-01']) {
      const { status, body } = await timed(`/api/trends?until=${encodeURIComponent(day)}`);
      assert.equal(status, 400, day);
      assert.match(body.error.message, /"until" must be a calendar day as YYYY-MM-DD/);
    }
  });

  it('gives the situation report in bounded time', async () => {
    const started = performance.now();
    const report = await gatherSituation(store, {});
    assert.ok(performance.now() - started < 10_000);
    assert.ok(report.weeks.length < 30, `${report.weeks.length} weeks`);
  });

  it('lets `sitrep report` finish, and refuses a rolled-over --since', () => {
    const ok = spawnSync(process.execPath, [BIN, '--db', dbPath, 'report'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /9999-12-27/);
    const bad = spawnSync(process.execPath, [BIN, '--db', dbPath, 'report', '--since', '2023-99-99'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(bad.status, 2, bad.stderr);
    assert.match(bad.stderr, /"2023-99-99" is not a day as YYYY-MM-DD: it has month 99/);
  });
});
