import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectEscalation, poissonUpperTail } from './detect-escalation.ts';

describe('poissonUpperTail', () => {
  const cases: Array<[number, number, number]> = [
    [0, 2, 1],
    [1, 2, 1 - Math.exp(-2)],
    [3, 1, 1 - Math.exp(-1) * (1 + 1 + 0.5)],
  ];
  for (const [k, lambda, expected] of cases) {
    it(`P(X >= ${k} | ${lambda})`, () => assert.ok(Math.abs(poissonUpperTail(k, lambda) - expected) < 1e-12));
  }
});

describe('detectEscalation', () => {
  const flagged: Array<[string, number[], number[]]> = [
    ['a surge after a steady low rate', [1, 2, 1, 1, 2, 1, 9], [6]],
    ['a surge after a quiet history (rate floored at 0.5)', [0, 0, 0, 0, 5], [4]],
    ['each step of a climb that outruns its baseline', [1, 1, 1, 1, 8, 20], [4, 5]],
  ];
  for (const [name, counts, expected] of flagged) {
    it(`flags ${name}`, () =>
      assert.deepEqual(
        detectEscalation(counts).map((f) => f.index),
        expected,
      ));
  }
  const quiet: Array<[string, number[]]> = [
    ['a steady high rate', [10, 12, 9, 11, 10, 13, 12]],
    ['a small bump', [1, 2, 1, 2, 4]],
    ['a surge with too little history', [0, 9]],
    ['counts below the minimum', [0, 0, 0, 0, 2]],
    ['no data', []],
  ];
  for (const [name, counts] of quiet) {
    it(`does not flag ${name}`, () => assert.deepEqual(detectEscalation(counts), []));
  }
  it('reports the baseline and the tail probability', () => {
    const [flag] = detectEscalation([2, 2, 2, 2, 10]);
    assert.equal(flag?.baseline, 2);
    assert.ok((flag?.p ?? 1) < 0.001);
  });
});
