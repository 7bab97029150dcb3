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

const sectionsDir = join(projectDir, 'bench/sections');
const sections: BenchSection[] = [];
for (const file of readdirSync(sectionsDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const module = (await import(pathToFileURL(join(sectionsDir, file)).href)) as { default: BenchSection };
  sections.push(module.default);
}
const unknown = positionals.filter((name) => !sections.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`bench: no section named ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = positionals.length > 0 ? sections.filter((s) => positionals.includes(s.name)) : sections;
if (chosen.length > 1) {
  // Each section runs in a process of its own, so peak memory and warm caches are that section's alone.
  const results: Record<string, unknown> = {};
  for (const section of chosen) {
    const args = [
      '--import',
      'tsx',
      '--expose-gc',
      fileURLToPath(import.meta.url),
      section.name,
      '--documents',
      String(documents),
      '--shared',
      sharedDir,
    ];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
    results[section.name] = JSON.parse(readFileSync(join(projectDir, 'bench/results/latest.json'), 'utf8')).results?.[section.name];
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
for (const section of chosen) {
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
