/**
 * @module `node --import tsx scripts/measure-package.ts [--before DIR] [--runs N] [--install]`: the package's figures in
 * one run on one machine: start times of `sitrep --help`, `--version`, `facts` on a 1,000-report store and `demo`, each
 * beside a bare `node -e 0`, the tarball's size and file count, and with `--install` the time `npm install` takes in an
 * empty folder. `--before DIR` times another checkout's `bin/sitrep.js` too (e.g. a checkout of the last release, built)
 * on the same store. Each run is timed by GNU time (`/usr/bin/time`: wall, user and system CPU, peak RSS); the commands
 * take turns, round after round, so a change in the machine's load falls on all of them alike; medians are reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { baseReports, growCorpus, writeJsonl } from '../bench/corpus.ts';
import { compiledIsCurrent } from '../bin/compiled-is-current.js';

const TIME = '/usr/bin/time';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { before: { type: 'string' }, install: { type: 'boolean' }, runs: { type: 'string', default: '10' } },
});
const runs = Number(values.runs);
if (!existsSync(TIME)) {
  process.stderr.write('measure-package: needs GNU time at /usr/bin/time (apt-get install -y time)\n');
  process.exit(2);
}
if (!compiledIsCurrent(root)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const dir = mkdtempSync(join(tmpdir(), 'sitrep-measure-'));
const bin = join(root, 'bin/sitrep.js');
const store = join(dir, 'reports-1000.db');
const { reports } = baseReports(process.env.SITREP_SHARED ?? join(root, '../shared'), root);
writeJsonl(join(dir, 'reports-1000.jsonl'), growCorpus(reports, 1000));
execFileSync(process.execPath, [bin, '--db', store, 'ingest', '--no-progress', join(dir, 'reports-1000.jsonl')], { stdio: 'ignore' });

/** One command to time: its label, node's arguments, and what to do before each run. */
interface Command {
  readonly label: string;
  readonly args: readonly string[];
  readonly prepare?: () => void;
}

/** One run's figures, in seconds and megabytes. */
interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly rssMb: number;
}

/** Runs `node ...args` once under GNU time; a failing command stops the measure. */
function timeOnce(command: Command): Run {
  command.prepare?.();
  const out = join(dir, 'time.txt');
  const run = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, process.execPath, ...command.args], { stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`measure-package: ${command.label} exited ${run.status}`);
  const [wall, user, system, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) as number[];
  return { wall: wall!, cpu: user! + system!, rssMb: kb! / 1024 };
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Times `commands` in turns, `rounds` rounds after one warm-up round; the medians per command. */
function timeInTurns(commands: readonly Command[], rounds: number) {
  for (const command of commands) timeOnce(command);
  const all = commands.map(() => [] as Run[]);
  for (let round = 0; round < rounds; round++) commands.forEach((command, i) => all[i]!.push(timeOnce(command)));
  return commands.map((command, i) => {
    const timed = all[i]!;
    return {
      label: command.label,
      wall: median(timed.map((r) => r.wall)),
      min: Math.min(...timed.map((r) => r.wall)),
      cpu: median(timed.map((r) => r.cpu)),
      rssMb: median(timed.map((r) => r.rssMb)),
    };
  });
}

const bare: Command = { label: 'node -e 0', args: ['-e', '0'] };
const quick: Command[] = [
  bare,
  { label: 'sitrep --help', args: [bin, '--help'] },
  { label: 'sitrep --version', args: [bin, '--version'] },
  { label: 'sitrep facts (1,000-report store)', args: [bin, '--db', store, 'facts'] },
];
const before = values.before ? join(resolve(values.before), 'bin/sitrep.js') : null;
if (before)
  quick.push(
    { label: 'before: sitrep --help', args: [before, '--help'] },
    { label: 'before: sitrep --version', args: [before, '--version'] },
    { label: 'before: sitrep facts (1,000-report store)', args: [before, '--db', store, 'facts'] },
  );
const demoDb = join(dir, 'demo.db');
const fresh = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${demoDb}${suffix}`, { force: true });
};
const demo: Command[] = [bare, { label: 'sitrep demo (fresh store)', args: [bin, '--db', demoDb, 'demo'], prepare: fresh }];
if (before) demo.push({ label: 'before: sitrep demo (fresh store)', args: [before, '--db', demoDb, 'demo'], prepare: fresh });
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const loadBefore = load();
const quickFigures = timeInTurns(quick, runs);
const demoFigures = timeInTurns(demo, 3);
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
// Each command's wall time against the bare node's of its own group (the quick commands, the demo), timed in turns.
const rows = (figures: ReturnType<typeof timeInTurns>) =>
  figures.map(
    (f) =>
      `| \`${f.label}\` | ${ms(f.wall)} | ${ms(f.min)} | ${ms(f.cpu)} | ${f.rssMb.toFixed(0)} MB | ${(f.wall / figures[0]!.wall).toFixed(1)}× |`,
  );
const lines = [
  `load average ${loadBefore} before, ${load()} after; ${runs} rounds (demo: 3) after a warm-up, commands in turns, GNU time; medians`,
  '| command | wall | min wall | CPU (user+sys) | peak RSS | wall ÷ node -e 0 |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows(quickFigures),
  ...rows(demoFigures).slice(1),
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
