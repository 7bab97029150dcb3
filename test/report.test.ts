/**
 * `sitrep report` as a user runs it: a real process over a real store. On the seeds, every fact of
 * `../shared/seeds/gold.json` must be printed with its status (read at run time, never copied in).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatValue } from '../src/report/format-value.ts';
import { NO_CHROMIUM } from './chromium-fixture.ts';
import { NO_SEEDS, PROJECT_DIR, SEEDS_DIR, scratchDir, writeFiles } from './fixtures.ts';
import { HOSTILE_REPORT } from './hostile-report.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');
const SHOTS = join(PROJECT_DIR, 'test-output/report');

function sitrep(args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of one `## ` section. */
function section(markdown: string, title: string): string[] {
  const start = markdown.indexOf(`## ${title}\n`);
  if (start < 0) return [];
  const rest = markdown.slice(start + title.length + 4);
  const end = rest.search(/^## /m);
  return (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.trim().length > 0);
}

describe('sitrep report on the sample corpus', () => {
  const dir = scratchDir();
  const db = join(dir, 'samples.db');
  writeFiles(dir, { 'hostile/harbour-alert.txt': HOSTILE_REPORT });

  it('writes every section, each figure referring to its ledger', () => {
    const demo = sitrep(['--db', db, 'demo']);
    assert.equal(demo.code, 0);
    assert.match(demo.stdout, /\n# Situation report\n[\s\S]*## Key figures[\s\S]*## Ledgers/, 'the demo ends with the report');
    const { code, stdout } = sitrep(['--db', db, 'report']);
    assert.equal(code, 0);
    for (const title of ['Key figures', 'Incidents', 'Incidents and reports per week', 'Most-cited quotes', 'Sources', 'Ledgers'])
      assert.ok(section(stdout, title).length > 0, `section ${title}`);
    const figures = section(stdout, 'Key figures').filter((l) => l.startsWith('- **'));
    assert.ok(figures.length >= 10);
    for (const line of figures) {
      const ledger = /\(ledger (L\d+)\)$/.exec(line)?.[1];
      assert.ok(ledger, `a figure without its ledger: ${line}`);
      assert.ok(stdout.includes(`### ${ledger}: `), `ledger ${ledger} is listed`);
    }
    assert.ok(figures.some((l) => /corroborated by \d+ independent sources/.test(l)));
    assert.match(section(stdout, 'Sources').join('\n'), /\| Capitol Defense Review \| 5 \| 2023-10-27 – 2024-01-29 \|/);
  });

  it('narrows to a period and a place', () => {
    const { code, stdout } = sitrep(['--db', db, 'report', '--since', '2024-01-01', '--place', 'Baghdad']);
    assert.equal(code, 0);
    assert.match(stdout, /place: Baghdad; period: 2024-01-01 to /);
    const reports = section(stdout, 'Sources').filter((l) => /^\| [a-z]/.test(l) && !l.startsWith('| source') && !l.startsWith('| report'));
    assert.ok(reports.length > 0);
    for (const line of reports) assert.ok(/2024-/.test(line), `only 2024 reports: ${line}`);
    assert.ok(stdout.includes('gws-baghdad-strike-abu-taqwa'));
    assert.ok(!stdout.includes('| gws-first-drone-attacks |'), 'a report from before the period is left out');
  });

  it('writes a self-contained HTML page where report markup stays text', () => {
    assert.equal(sitrep(['--db', db, 'ingest', join(dir, 'hostile')]).code, 0);
    const out = join(dir, 'report.html');
    const { code, stderr } = sitrep(['--db', db, 'report', '--format', 'html', '--out', out]);
    assert.equal(code, 0, stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes('Drone alert &lt;script&gt;window.__pwned'), 'the hostile title is shown escaped');
    assert.doesNotMatch(html, /<script|<img|onerror="/i);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org)/, 'nothing loaded from outside');
    const links = [...html.matchAll(/href="#(ledger-L\d+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 0);
    for (const target of links) assert.ok(html.includes(`id="${target}"`), `${target} exists`);
  });

  it('opens top down: the information cutoff, the period and three to five key judgements come first', () => {
    const { stdout } = sitrep(['--db', db, 'report']);
    assert.ok(stdout.indexOf('Information cutoff: reports published up to') < stdout.indexOf('## Key judgements'));
    assert.ok(stdout.indexOf('## Key judgements') < stdout.indexOf('## Key figures'));
    const judgements = section(stdout, 'Key judgements').filter((l) => /^\d\. /.test(l));
    assert.ok(judgements.length >= 3 && judgements.length <= 5, judgements.join('\n'));
    for (const line of judgements) assert.match(line, /\*\*.*(corroborated|single-source|conflicting).*\(ledger L\d+\)$/);
  });

  const PDF_TOOL = spawnSync('pdftotext', ['-v']).error
    ? 'skipped: no pdftotext to read the PDF back (apt-get install -y poppler-utils)'
    : false;
  it(
    'writes a PDF through Chromium with the information cutoff on page 1, on A4 and on Letter',
    { skip: NO_CHROMIUM || PDF_TOOL, timeout: 120_000 },
    () => {
      for (const [paper, size] of [
        ['A4', /595\.\d* x 841\.\d*|595\.\d* x 842\.\d*/],
        ['Letter', /612 x 792/],
      ] as const) {
        const out = join(dir, `report-${paper}.pdf`);
        const result = sitrep(['--db', db, 'report', '--format', 'pdf', '--paper', paper, '--out', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
        const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
        assert.match(info, size, `${paper} pages: ${info}`);
        const first = spawnSync('pdftotext', ['-f', '1', '-l', '1', '-layout', out, '-'], { encoding: 'utf8' }).stdout;
        assert.match(first, /Information cutoff: reports published up to \d{4}-\d{2}-\d{2}/, `page 1 of the ${paper} PDF`);
        assert.match(first, /Key judgements/, 'with the key judgements');
        // Its first page as a picture, for a person to look at (test-output/ is not committed).
        mkdirSync(SHOTS, { recursive: true });
        spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', out, join(SHOTS, `report-first-page-${paper}`)]);
      }
    },
  );

  it('says how to install Chromium when there is none, and writes no PDF', () => {
    const out = join(dir, 'none.pdf');
    const result = spawnSync(process.execPath, [BIN, '--db', db, 'report', '--format', 'pdf', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: '', SITREP_CHROMIUM: join(dir, 'no-chromium-here') },
    });
    assert.equal(result.status, 2);
    assert.match(
      result.stderr,
      /prints the report with Chromium, and there is none at .*no-chromium-here\. Install it \(Debian\/Ubuntu: apt-get install -y chromium\)/,
    );
    assert.throws(() => readFileSync(out), /ENOENT/);
  });

  const usage: Array<[string[], RegExp]> = [
    [['report', '--since', '2023-02-30'], /"2023-02-30" is not a day/],
    [['report', '--since', '2024-02-01', '--until', '2024-01-01'], /--since 2024-02-01 is after --until 2024-01-01/],
    [['report', '--format', 'docx'], /Allowed choices are md, html, pdf/],
    [['report', '--format', 'pdf'], /--format pdf writes a file: give it with --out report\.pdf/],
  ];
  for (const [args, message] of usage) {
    it(`refuses ${args.slice(1).join(' ')}`, () => {
      const result = sitrep(['--db', db, ...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
    });
  }
});

interface GoldFact {
  id: string;
  category: string;
  value: number;
  qualifier?: string;
  place?: string;
  status: string;
}

describe('sitrep report on the seeds', { skip: NO_SEEDS }, () => {
  it('prints every gold fact with its status, and the update of a growing count', () => {
    const gold = JSON.parse(readFileSync(join(SEEDS_DIR, 'gold.json'), 'utf8')) as {
      facts: GoldFact[];
      updates: Array<{ id: string; facts: string[] }>;
    };
    const db = join(scratchDir(), 'seeds.db');
    assert.equal(sitrep(['--db', db, 'ingest', SEEDS_DIR]).code, 0);
    const { code, stdout } = sitrep(['--db', db, 'report']);
    assert.equal(code, 0);
    const figures = section(stdout, 'Key figures');
    const goldValue = (f: GoldFact) => {
      const open = f.qualifier === 'at-least' || f.qualifier === 'more-than';
      return formatValue({ low: f.value, high: open ? null : f.value, qualifier: f.qualifier ?? 'exact' });
    };
    const lineFor = (f: GoldFact) =>
      figures.find((line) => {
        if (!line.startsWith(`- **${goldValue(f)}** ${f.category}`)) return false;
        // Gold names places as people do ("Syria"); sitrep as the gazetteer does ("Syrian Arab Republic").
        const words = line.toLowerCase().split(/[^a-z]+/);
        return (f.place ?? '')
          .toLowerCase()
          .split(/[^a-z]+/)
          .filter(Boolean)
          .every((w) => words.some((x) => x.startsWith(w)));
      });
    const missing = gold.facts.filter((f) => !lineFor(f)).map((f) => f.id);
    assert.deepEqual(missing, [], `gold facts not in the report:\n${figures.join('\n')}`);
    for (const f of gold.facts) {
      const status = f.status === 'corroborated' ? /: corroborated by \d+ independent sources/ : new RegExp(`: ${f.status}`);
      assert.match(lineFor(f) ?? '', status, f.id);
    }
    for (const update of gold.updates) {
      const [earlier, later] = update.facts.map((id) => gold.facts.find((f) => f.id === id) as GoldFact);
      assert.match(
        lineFor(later as GoldFact) ?? '',
        new RegExp(`updated from ${goldValue(earlier as GoldFact)} to ${goldValue(later as GoldFact)}`),
        update.id,
      );
    }
  });
});
