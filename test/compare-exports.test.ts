/** The export comparison that shows a refactor leaves the answers as they were: real stores, real exports. */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildExports, compareExportFolders } from '../scripts/compare-exports.ts';
import { describeDiffs, diffExports, type ExportSet, isSame } from '../scripts/export-diff.ts';
import { PROJECT_DIR, scratchDir, writeFiles } from './fixtures.ts';

const REPORTS = [
  {
    id: 'r1',
    source: 'Levant Monitor',
    published: '2023-11-08',
    text: 'Two people were killed and five were wounded when a drone struck a market in Idlib on Tuesday, the civil defence said.',
  },
  {
    id: 'r2',
    source: 'Gulf Wire',
    published: '2023-11-08',
    text: 'A drone strike on a market in Idlib on Tuesday killed two people, local medics said. Five others were hurt.',
  },
];

describe('compare-exports', () => {
  it('finds two stores built from the same reports identical, and names the family and record of a changed one', () => {
    const dir = writeFiles(scratchDir(), { 'in/reports.jsonl': REPORTS.map((r) => JSON.stringify(r)).join('\n') + '\n' });
    buildExports(PROJECT_DIR, [join(dir, 'in/reports.jsonl')], join(dir, 'one'));
    buildExports(PROJECT_DIR, [join(dir, 'in/reports.jsonl')], join(dir, 'two'));
    const same = compareExportFolders(join(dir, 'one'), join(dir, 'two'));
    assert.ok(isSame(same), describeDiffs(same));
    assert.ok(same.find((d) => d.family === 'claims')!.before > 0, 'the reports make claims to compare');

    cpSync(join(dir, 'two'), join(dir, 'changed'), { recursive: true });
    const file = join(dir, 'changed/claims.jsonl');
    const [first, ...rest] = readFileSync(file, 'utf8').trim().split('\n');
    const claim = JSON.parse(first!) as { value: { low: number } };
    writeFileSync(file, [JSON.stringify({ ...claim, value: { ...claim.value, low: claim.value.low + 1 } }), ...rest].join('\n') + '\n');
    const diffs = compareExportFolders(join(dir, 'one'), join(dir, 'changed'));
    assert.ok(!isSame(diffs));
    const claims = diffs.find((d) => d.family === 'claims')!;
    assert.equal(claims.changed.length, 1);
    assert.match(claims.changed[0]!.key, /^claim document r1 @ .* \d+-\d+$/);
    assert.deepEqual(claims.changed[0]!.fields, [`value.low: ${claim.value.low} → ${claim.value.low + 1}`]);
    assert.match(describeDiffs(diffs), /claims: DIFFERS[\s\S]*~ changed: claims claim document r1/);
    for (const d of diffs.filter((d) => d.family !== 'claims')) assert.equal(d.changed.length + d.missing.length + d.added.length, 0);
  });

  it('sets ids and timestamps aside, following references between families', () => {
    const set = (docId: string, claimId: string, factId: string, at: string): ExportSet => ({
      documents: [{ id: docId, externalId: 'a', origin: 'in/a.txt', ingestedAt: at }],
      mentions: [{ documentId: docId, kind: 'date', span: { start: 0, end: 3 }, rule: 'dates/day' }],
      claims: [{ id: claimId, documentId: docId, category: 'killed', span: { start: 0, end: 9 }, value: { low: 2 } }],
      events: [],
      facts: [{ id: factId, claims: [claimId], updates: [] }],
      incidents: [],
    });
    assert.ok(isSame(diffExports(set('d1', 'c1', 'f1', '2026-01-01T00:00:00Z'), set('d9', 'c9', 'f9', '2026-02-02T00:00:00Z'))));
  });

  it('reports a record only one side has, and a reference that points elsewhere', () => {
    const base: ExportSet = {
      documents: [
        { id: 'd1', externalId: 'a', origin: 'x' },
        { id: 'd2', externalId: 'b', origin: 'x' },
      ],
      mentions: [],
      claims: [{ id: 'c1', documentId: 'd1', category: 'killed', span: { start: 0, end: 9 } }],
      events: [],
      facts: [],
      incidents: [],
    };
    const moved: ExportSet = { ...base, claims: [{ id: 'c1', documentId: 'd2', category: 'killed', span: { start: 0, end: 9 } }] };
    const claims = diffExports(base, moved).find((d) => d.family === 'claims')!;
    assert.deepEqual(claims.missing, ['claim document a @ x killed 0-9']);
    assert.deepEqual(claims.added, ['claim document b @ x killed 0-9']);
    const fewer: ExportSet = { ...base, documents: base.documents.slice(0, 1) };
    const documents = diffExports(base, fewer).find((d) => d.family === 'documents')!;
    assert.deepEqual(documents.missing, ['document b @ x']);
  });
});
