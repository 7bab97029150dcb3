/**
 * @module `node --import tsx scripts/measure-package.ts [--before DIR] [--install]`: the package's figures in one run
 * on one machine: start times of `sitrep --help`, `--version`, `facts` on a 1,000-report store and `demo`, each beside a
 * bare `node -e 0` (with hyperfine), the tarball's size and file count, and with `--install` the time `npm install`
 * takes in an empty folder. `--before DIR` times another checkout's `bin/sitrep.js` too (e.g. a checkout of the last
 * release) on the same store.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baseReports, growCorpus, writeJsonl } from '../bench/corpus.ts';
import { compiledIsCurrent } from '../bin/compiled-is-current.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { before: { type: 'string' }, install: { type: 'boolean' }, runs: { type: 'string', default: '15' } },
});
const runs = Number(values.runs);
if (spawnSync('hyperfine', ['--version']).status !== 0) {
  process.stderr.write('measure-package: needs hyperfine (apt-get install -y hyperfine)\n');
  process.exit(2);
}
if (!compiledIsCurrent(root)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'sitrep-measure-'));
const bin = join(root, 'bin/sitrep.js');
const store = join(dir, 'reports-1000.db');
const { reports } = baseReports(process.env.SITREP_SHARED ?? join(root, '../shared'), root);
writeJsonl(join(dir, 'reports-1000.jsonl'), growCorpus(reports, 1000));
execFileSync(process.execPath, [bin, '--db', store, 'ingest', '--no-progress', join(dir, 'reports-1000.jsonl')], { stdio: 'ignore' });

interface Timed {
  readonly command: string;
  readonly mean: number;
  readonly min: number;
  readonly user: number;
  readonly system: number;
}

/** Runs hyperfine on `commands` (bare `node -e 0` first) and returns its figures, in seconds. */
function hyperfine(commands: readonly string[], options: { runs: number; prepare?: string }): Timed[] {
  const out = join(dir, 'hyperfine.json');
  const args = ['-N', '--warmup', '2', '--runs', String(options.runs), '--export-json', out, '--style', 'none'];
  if (options.prepare) args.push('--prepare', options.prepare);
  execFileSync('hyperfine', [...args, ...commands], { stdio: ['ignore', 'ignore', 'inherit'] });
  return (JSON.parse(readFileSync(out, 'utf8')) as { results: Timed[] }).results;
}

const node = process.execPath;
const quick = [`${node} -e 0`, `${node} ${bin} --help`, `${node} ${bin} --version`, `${node} ${bin} --db ${store} facts`];
if (values.before) {
  const before = join(resolve(values.before), 'bin/sitrep.js');
  quick.push(`${node} ${before} --help`, `${node} ${before} --db ${store} facts`);
}
const demoDb = join(dir, 'demo.db');
const demo = [`${node} -e 0`, `${node} ${bin} --db ${demoDb} demo`];
if (values.before) demo.push(`${node} ${join(resolve(values.before), 'bin/sitrep.js')} --db ${demoDb} demo`);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const loadBefore = load();
const figures = [
  ...hyperfine(quick, { runs }),
  ...hyperfine(demo, { runs: 3, prepare: `rm -f ${demoDb} ${demoDb}-wal ${demoDb}-shm` }).slice(1),
];
const bare = figures[0] as Timed;
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const lines = [
  `load average ${loadBefore} before, ${load()} after; ${runs} runs (demo: 3), hyperfine -N`,
  '| command | mean | min | user+sys CPU | mean ÷ node -e 0 |',
  '| --- | --- | --- | --- | --- |',
  ...figures.map(
    (f) =>
      `| \`${f.command.replaceAll(`${node} `, 'node ').replaceAll(root, '.').replaceAll(dir, '$TMP')}\` | ${ms(f.mean)} | ${ms(f.min)} | ${ms(f.user + f.system)} | ${(f.mean / bare.mean).toFixed(1)}× |`,
  ),
];

const packed = (
  JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as Array<{
    size: number;
    unpackedSize: number;
    entryCount: number;
  }>
)[0];
if (packed)
  lines.push(
    `tarball: ${(packed.size / 1024).toFixed(0)} kB (${(packed.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked), ${packed.entryCount} files`,
  );

if (values.install) {
  const pack = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .pop();
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"private":true}\n');
  const started = performance.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', join(dir, pack ?? '')], { cwd: app, stdio: 'ignore' });
  lines.push(`npm install of the tarball into an empty folder: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

process.stdout.write(`${lines.join('\n')}\n`);
rmSync(dir, { recursive: true, force: true });
