/** `sitrep report --since 24h` and `--since DAY`: the information cutoff first, then new and changed figures, footnoted. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ingestReports } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { openStore } from '../src/store/open-store.ts';
import { PROJECT_DIR, textReport as report, scratchDir } from './fixtures.ts';

const EARLIER = [
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
];
const TODAY = [
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
    'r6',
    'River Post',
    '2023-11-07',
    'A roadside bomb struck a supply convoy south of Nasiriyah on Monday, killing two drivers, police said.',
  ),
];

describe('the brief of sitrep report --since', () => {
  const db = join(scratchDir(), 'brief.db');
  const sitrep = (...args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT_DIR, 'bin/sitrep.js'), '--db', db, 'report', ...args], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: '' },
    });

  before(async () => {
    const store = await openStore(db);
    await ingestReports(store, EARLIER, { now: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    await analyse(store, { workers: 0 });
    await ingestReports(store, TODAY, { now: new Date(Date.now() - 3_600_000).toISOString() });
    await analyse(store, { workers: 0 });
    await store.close();
  });

  it('starts with its cutoff, then new and changed figures footnoted to the reports of the last 24 hours', () => {
    const { status, stdout, stderr } = sitrep('--since', '24h');
    assert.equal(status, 0, stderr);
    const lines = stdout.split('\n');
    assert.match(lines[0] ?? '', /^# Brief: reports stored since \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    assert.match(
      lines[2] ?? '',
      /^\*\*Information cutoff:\*\* \d{4}-\d\d-\d\d \d\d:\d\d UTC, the newest report stored \(the newest published 2023-11-07\)\. 3 reports in this window\.$/,
    );
    const figures = lines.filter((l) => /^\d+\. /.test(l));
    const first = figures.findIndex((l) => / — changed, /.test(l));
    assert.ok(
      figures.slice(0, Math.max(first, 0)).every((l) => / — new, /.test(l)),
      'new figures come first',
    );
    assert.ok(
      figures.some((l) => /^\d+\. 2 killed \(drivers\).* — new, single source \[\^\d+\]$/.test(l)),
      figures.join('\n'),
    );
    assert.ok(
      figures.some((l) =>
        /killed \(soldiers\), Kirkuk — changed, conflicting: .*4 .*6 |killed \(soldiers\), Kirkuk — changed, conflicting: .*6 .*4 /.test(l),
      ),
      figures.join('\n'),
    );
    assert.ok(
      figures.some((l) => /at least 40 attacks \(times\).*, updated from at least 23 — changed/.test(l)),
      figures.join('\n'),
    );
    const notes = lines.filter((l) => /^\[\^\d+\]: /.test(l));
    assert.ok(notes.length >= 3);
    assert.ok(
      notes.every((n) => /: (Levant Monitor, r4|Gulf Daily, r5|River Post, r6), published 2023-11-0\d: "/.test(n)),
      notes.join('\n'),
    );
    assert.ok(stdout.indexOf('# Situation report') > stdout.indexOf('## New and changed figures'), 'the situation report follows');
  });

  it('takes a day, counting reports published since, and writes the brief into the HTML page', () => {
    const byDay = sitrep('--since', '2023-11-06');
    assert.equal(byDay.status, 0, byDay.stderr);
    assert.match(byDay.stdout, /^# Brief: reports published since 2023-11-06\n/);
    assert.match(byDay.stdout, /3 reports in this window/);
    const html = sitrep('--since', '24h', '--format', 'html');
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /<\/h1><section id="brief"><h2>Brief: reports stored since/);
    const bad = sitrep('--since', 'soon');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /"soon" is not a day as YYYY-MM-DD/);
  });
});
