/**
 * @module Shows that a change leaves sitrep's answers as they were: builds a store from the same inputs with two
 * checkouts (or commits) of sitrep, exports every JSONL family from each, and diffs them with record ids and
 * timestamps normalised (see `export-diff.ts`). Exits 1 when anything differs, naming the family and the record.
 *
 *   npm run compare-exports -- --before main --after . --set seeds --set samples
 *   npm run compare-exports -- --before main --after . --set all          (seeds, samples and every gold set)
 *   npm run compare-exports -- --before /path/to/old/checkout --after . some-reports.jsonl a-folder/
 *   npm run compare-exports -- --dirs OLD_EXPORTS NEW_EXPORTS             (two folders of <family>.jsonl)
 *
 * `--before`/`--after` take a folder holding a sitrep checkout, or a commit of this repository (extracted with
 * `git archive` under the work folder, sharing this checkout's node_modules). Named sets: seeds (../shared/seeds),
 * samples (samples/reports), conflict-news, gva, muc, case2021 (the gold documents in ../shared/eval, converted by its
 * to-ingest-jsonl.py as the scorers do). `--work DIR` keeps the stores and exports (default: a temporary folder);
 * `--shared DIR` says where ../shared is.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  describeDiffs,
  diffExports,
  EXPORT_FAMILY_NAMES,
  type ExportSet,
  type FamilyDiff,
  isSame,
  type JsonRecord,
} from './export-diff.ts';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GOLD_SETS: Readonly<Record<string, string>> = {
  gva: 'gva-documents.dev.jsonl',
  muc: 'muc.dev.jsonl',
  case2021: 'case2021.dev.jsonl',
};
const ALL_SETS = ['seeds', 'samples', 'conflict-news', 'gva', 'muc', 'case2021'];

/** Reads `<family>.jsonl` for every family in `folder`; a missing file is an empty family. */
export function readExportFolder(folder: string): ExportSet {
  const set = {} as Record<(typeof EXPORT_FAMILY_NAMES)[number], JsonRecord[]>;
  for (const family of EXPORT_FAMILY_NAMES) {
    const file = join(folder, `${family}.jsonl`);
    set[family] = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as JsonRecord)
      : [];
  }
  return set;
}

/** Compares two export folders. */
export function compareExportFolders(before: string, after: string): FamilyDiff[] {
  return diffExports(readExportFolder(before), readExportFolder(after));
}

/** A checkout to run: the folder itself, or a commit of this repository extracted under `work`. */
function checkoutOf(ref: string, work: string): string {
  if (existsSync(ref) && statSync(ref).isDirectory()) return resolve(ref);
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: projectDir, encoding: 'utf8' }).trim();
  const dir = join(work, `checkout-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: projectDir });
    symlinkSync(join(projectDir, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}

/** The input paths of a named set, converting gold files to ingest JSONL under `work` as the scorers do. */
function setInputs(name: string, shared: string, work: string): string[] {
  if (name === 'seeds') return [join(shared, 'seeds')];
  if (name === 'samples') return [join(projectDir, 'samples/reports')];
  if (name === 'conflict-news') return [join(shared, 'eval/conflict-news/docs.jsonl')];
  const gold = GOLD_SETS[name];
  if (gold === undefined) throw new Error(`compare-exports: no set named ${name}; known: ${ALL_SETS.join(', ')}`);
  const out = join(work, `${name}.in.jsonl`);
  if (!existsSync(out)) execFileSync('python3', [join(shared, 'eval/scorers/to-ingest-jsonl.py'), join(shared, 'eval', gold), out]);
  return [out];
}

/** A fresh store from `inputs` with the checkout's `sitrep ingest`, exported family by family into `out`. */
export function buildExports(checkout: string, inputs: readonly string[], out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bin = join(checkout, 'bin/sitrep.js');
  const db = join(out, 'store.db');
  const run = (args: string[], stdout: string, allowed: readonly number[] = [0]) => {
    const result = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (!allowed.includes(result.status ?? -1))
      throw new Error(`sitrep ${args.join(' ')} (${checkout}) exited ${result.status}:\n${result.stderr}`);
    if (stdout !== '') writeFileSync(join(out, stdout), result.stdout);
    else writeFileSync(join(out, `${args[0]}.err`), result.stderr);
  };
  // Gold sets hold a few reports sitrep refuses (an empty text): ingest then exits 1, as the scorers let it.
  run(['ingest', '--no-progress', ...inputs], '', [0, 1]);
  for (const family of EXPORT_FAMILY_NAMES)
    run(['export', '--what', family, '--format', 'jsonl', ...(family === 'documents' ? ['--with-text'] : [])], `${family}.jsonl`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      before: { type: 'string' },
      after: { type: 'string' },
      dirs: { type: 'boolean' },
      set: { type: 'string', multiple: true },
      work: { type: 'string' },
      shared: { type: 'string' },
    },
  });
  if (values.dirs) {
    const [before, after] = positionals;
    if (!before || !after) throw new Error('compare-exports --dirs OLD NEW: two export folders');
    const diffs = compareExportFolders(before, after);
    console.log(describeDiffs(diffs));
    process.exitCode = isSame(diffs) ? 0 : 1;
    return;
  }
  if (!values.before || !values.after) throw new Error('compare-exports: give --before and --after (checkouts or commits), or --dirs');
  const shared = resolve(values.shared ?? process.env.SITREP_SHARED ?? join(projectDir, '../shared'));
  const work = resolve(values.work ?? mkdtempSync(join(tmpdir(), 'sitrep-compare-')));
  mkdirSync(work, { recursive: true });
  const before = checkoutOf(values.before, work);
  const after = checkoutOf(values.after, work);
  const sets = (values.set ?? []).flatMap((s) => (s === 'all' ? ALL_SETS : [s]));
  const runs: Array<{ name: string; inputs: string[] }> = sets.map((name) => ({ name, inputs: setInputs(name, shared, work) }));
  if (positionals.length > 0) runs.push({ name: 'inputs', inputs: positionals.map((p) => resolve(p)) });
  if (runs.length === 0) throw new Error('compare-exports: name inputs or --set NAME');
  let allSame = true;
  for (const { name, inputs } of runs) {
    const outBefore = join(work, name, 'before');
    const outAfter = join(work, name, 'after');
    buildExports(before, inputs, outBefore);
    buildExports(after, inputs, outAfter);
    const diffs = compareExportFolders(outBefore, outAfter);
    allSame &&= isSame(diffs);
    console.log(`== ${name} (${isSame(diffs) ? 'identical' : 'DIFFERS'})\n${describeDiffs(diffs)}`);
  }
  console.log(`\n${allSame ? 'All exports identical' : 'Exports differ'} (stores and exports: ${work})`);
  process.exitCode = allSame ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
