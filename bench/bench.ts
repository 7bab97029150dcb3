/**
 * @module `npm run bench [-- SECTION ...] [--documents N]`: times each stage on a large corpus and prints
 * figures beside their targets; results are also written as JSON under `bench/results/`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchFigure, BenchSection } from './bench-section.ts';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { documents: { type: 'string', default: '10000' }, shared: { type: 'string' }, keep: { type: 'boolean' } },
});
const sharedDir = resolve(values.shared ?? process.env.SITREP_SHARED ?? join(projectDir, '../shared'));
const documents = Number(values.documents);

// A section lives in `bench/sections/NAME.ts`. Only the sections asked for are loaded: another section's modules (a
// server, a database driver) would otherwise sit in the measuring process's heap and weigh on its figures.
const sectionsDir = join(projectDir, 'bench/sections');
const known = readdirSync(sectionsDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const unknown = positionals.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no section named ${unknown.join(', ')}; known: ${known.join(', ')}`);
  process.exit(2);
}
const names = positionals.length > 0 ? known.filter((n) => positionals.includes(n)) : known;
if (names.length > 1) {
  // Each section runs in a process of its own, so peak memory and warm caches are that section's alone.
  const results: Record<string, unknown> = {};
  for (const name of names) {
    const args = [
      '--import',
      'tsx',
      '--expose-gc',
      fileURLToPath(import.meta.url),
      name,
      '--documents',
      String(documents),
      '--shared',
      sharedDir,
    ];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
    results[name] = JSON.parse(readFileSync(join(projectDir, 'bench/results/latest.json'), 'utf8')).results?.[name];
  }
  mkdirSync(join(projectDir, 'bench/results'), { recursive: true });
  writeFileSync(
    join(projectDir, 'bench/results/all.json'),
    `${JSON.stringify({ at: new Date().toISOString(), documents, results }, null, 2)}\n`,
  );
  process.exit();
}
console.log(`sitrep bench: ${documents.toLocaleString('en-US')} documents, ${cpus().length} cores, Node ${process.version}`);
const results: Record<string, unknown> = {};
for (const name of names) {
  const module = (await import(pathToFileURL(join(sectionsDir, `${name}.ts`)).href)) as { default: BenchSection };
  const section = module.default;
  if (section.name !== name) throw new Error(`bench/sections/${name}.ts names its section ${section.name}`);
  const workDir = mkdtempSync(join(tmpdir(), `sitrep-bench-${section.name}-`));
  try {
    const { figures, notes } = await section.run({ projectDir, sharedDir, workDir, documents });
    console.log(`\n== ${section.name}: ${section.description}`);
    for (const figure of figures) console.log(`  ${formatFigure(figure)}`);
    for (const note of notes) console.log(`  - ${note}`);
    results[section.name] = { figures, notes };
  } finally {
    if (!values.keep) rmSync(workDir, { recursive: true, force: true });
  }
}
const resultsDir = join(projectDir, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), documents, results }, null, 2)}\n`);

function formatFigure(figure: BenchFigure): string {
  const value = figure.value >= 100 ? Math.round(figure.value).toLocaleString('en-US') : figure.value.toFixed(2);
  let target = '';
  if (figure.target) {
    const met = figure.target.higherIsBetter ? figure.value >= figure.target.value : figure.value <= figure.target.value;
    target = `  (target ${figure.target.higherIsBetter ? '≥' : '≤'} ${figure.target.value.toLocaleString('en-US')}: ${met ? 'met' : 'MISSED'})`;
  }
  return `${figure.metric.padEnd(46)} ${value.padStart(10)} ${figure.unit}${target}`;
}
