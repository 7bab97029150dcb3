/**
 * @module `npm run eval [-- NAME ...] [--limit N]`: runs the named scorers (or every scorer whose gold data is present),
 * prints a table of scores beside their targets, and writes each result as JSON under `eval/results/`.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Score, Scorer } from './scorer.ts';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, shared: { type: 'string' }, list: { type: 'boolean' } },
});
const sharedDir = resolve(values.shared ?? process.env.SITREP_SHARED ?? join(projectDir, '../shared'));

const scorersDir = join(projectDir, 'eval/scorers');
const scorers: Scorer[] = [];
for (const file of readdirSync(scorersDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort()) {
  const module = (await import(pathToFileURL(join(scorersDir, file)).href)) as { default?: Scorer };
  if (module.default) scorers.push(module.default);
  else console.error(`eval: ${basename(file)} has no default-exported scorer; passed over`);
}

if (values.list) {
  for (const scorer of scorers) console.log(`${scorer.name.padEnd(20)} ${scorer.description}`);
  process.exit(0);
}

const unknown = positionals.filter((name) => !scorers.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`eval: no scorer named ${unknown.join(', ')}; known: ${scorers.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = positionals.length > 0 ? scorers.filter((s) => positionals.includes(s.name)) : scorers;
const resultsDir = join(projectDir, 'eval/results');
mkdirSync(resultsDir, { recursive: true });

let missed = 0;
for (const scorer of chosen) {
  const workDir = mkdtempSync(join(tmpdir(), `sitrep-eval-${scorer.name}-`));
  const started = performance.now();
  let result: Awaited<ReturnType<Scorer['run']>>;
  try {
    result = await scorer.run({ sharedDir, projectDir, workDir, ...(values.limit ? { limit: Number(values.limit) } : {}) });
  } catch (error) {
    console.error(`\n${scorer.name}: could not run: ${(error as Error).message}`);
    missed++;
    continue;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n== ${scorer.name}: ${scorer.description} (${seconds.toFixed(1)} s)`);
  console.log(formatScores(result.scores));
  for (const note of result.notes) console.log(`  - ${note}`);
  missed += result.scores.filter((s) => !meets(s)).length;
  writeFileSync(
    join(resultsDir, `${scorer.name}.json`),
    `${JSON.stringify({ scorer: scorer.name, at: new Date().toISOString(), seconds, ...result }, null, 2)}\n`,
  );
}
console.log(`\nResults written to ${resultsDir}`);
if (missed > 0) console.log(`${missed} figure(s) below target.`);

function meets(score: Score): boolean {
  if (!score.target) return true;
  return score.target.higherIsBetter ? score.value >= score.target.value : score.value <= score.target.value;
}

function formatScores(scores: readonly Score[]): string {
  const rows = scores.map((s) => [
    s.metric,
    Number.isInteger(s.value) ? String(s.value) : s.value.toFixed(3),
    s.target ? `${s.target.higherIsBetter ? '≥' : '≤'} ${s.target.value}` : '',
    s.target ? (meets(s) ? 'met' : 'MISSED') : '',
    s.detail ?? '',
  ]);
  const headers = ['metric', 'value', 'target', '', 'detail'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [headers, ...rows].map((r) => `  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd()).join('\n');
}
