/**
 * @module `npm run fuzz`: the API fuzzer's full run (6,000 seeded requests over every endpoint against a real
 * `sitrep serve`), printing its figures as JSON; exit 1 if any answer was a 5xx, late, leaking, or the server died.
 * Options: `--requests N`, `--seed N`, `--budget SECONDS`.
 */
import { parseArgs } from 'node:util';
import { fuzzApi } from '../test/api-fuzz.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '6000' },
    seed: { type: 'string', default: '13' },
    budget: { type: 'string', default: '900' },
  },
});
const report = await fuzzApi({
  requests: Number(values.requests),
  seed: Number(values.seed),
  budgetMs: Number(values.budget) * 1000,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const bad = report.serverErrors + report.noAnswer + report.crashes + report.leaks;
process.stderr.write(
  `fuzz: ${report.sent} requests in ${(report.elapsedMs / 1000).toFixed(1)} s (seed ${report.seed}): ${report.serverErrors} 5xx, ` +
    `${report.noAnswer} unanswered, ${report.crashes} crashes, ${report.leaks} leaks\n`,
);
process.exitCode = bad > 0 || report.sent < Number(values.requests) ? 1 : 0;
