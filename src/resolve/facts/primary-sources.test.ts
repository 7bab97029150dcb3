/** @module Table tests for primary sources: who first said a figure, one name per speaker however outlets write it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClaimAttribution } from '../../model/claim.ts';
import { primarySourceKey, primarySources } from './primary-sources.ts';

describe('primarySourceKey', () => {
  const SAME: ReadonlyArray<readonly [string, string]> = [
    ['the Lebanese Health Ministry', "Lebanon's health ministry"],
    ["the country's Health Ministry", 'the Ministry of Health'],
    ['the Pentagon', 'Pentagon'],
    ['Hamas-run health ministry', 'the health ministry'],
  ];
  for (const [a, b] of SAME) test(`"${a}" and "${b}" are one source`, () => assert.equal(primarySourceKey(a), primarySourceKey(b)));
  const DIFFERENT: ReadonlyArray<readonly [string, string]> = [
    ['the health ministry', 'the defence ministry'],
    ['the Pentagon', 'a senior US defense official'],
    ['Ukrainian officials', 'Russian officials'],
  ];
  for (const [a, b] of DIFFERENT)
    test(`"${a}" and "${b}" are two sources`, () => assert.notEqual(primarySourceKey(a), primarySourceKey(b)));
  for (const nobody of ['he', 'it', 'officials', 'the statement'])
    test(`"${nobody}" names nobody`, () => assert.equal(primarySourceKey(nobody), null));
});

describe('primarySources', () => {
  const said = (text: string, kind: ClaimAttribution['kind'] = 'official') => ({ attribution: { text, kind } });
  test('five outlets quoting one ministry are one primary source, named as first written', () => {
    const claims = [
      said('the Lebanese Health Ministry'),
      said("Lebanon's health ministry"),
      { attribution: null },
      said('the health ministry'),
      said('Firass Abiad'),
    ];
    assert.deepEqual(primarySources(claims), ['Lebanese Health Ministry', 'Firass Abiad']);
  });
  test('unattributed figures name no source', () => assert.deepEqual(primarySources([said('reports', 'unattributed')]), []));
});
