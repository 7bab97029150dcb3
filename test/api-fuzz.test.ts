/** A slice of the API fuzzer (see `api-fuzz.ts`): 600 seeded requests over every endpoint; `npm run fuzz` sends 6,000. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiEndpoints } from '../src/server/api-endpoints.ts';
import { fuzzApi } from './api-fuzz.ts';

describe('the API under fuzzing', () => {
  it(
    'answers 600 hostile requests over every endpoint with no 5xx, no crash, no stack trace and no path',
    { timeout: 600_000 },
    async () => {
      const report = await fuzzApi({ requests: 600, seed: 13, budgetMs: 300_000 });
      const summary = JSON.stringify({ ...report, serverLog: undefined }, null, 1).slice(0, 4000);
      assert.equal(report.sent, 600, `sent only ${report.sent} within the time budget`);
      for (const endpoint of apiEndpoints)
        assert.ok((report.perEndpoint[endpoint.path] ?? 0) >= 10, `${endpoint.path} was asked too few times: ${summary}`);
      assert.deepEqual(
        [report.serverErrors, report.noAnswer, report.crashes, report.leaks],
        [0, 0, 0, 0],
        `5xx, unanswered, crashes, leaks: ${summary}\n${report.serverLog}`,
      );
      assert.ok((report.statuses['200'] ?? 0) > 50, `some requests must be valid and answered: ${summary}`);
      assert.ok((report.statuses['400'] ?? 0) > 50, `most hostile requests are refused: ${summary}`);
    },
  );
});
