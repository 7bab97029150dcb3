/** @module Cases for `mostCounted`: the largest count wins, the first counted among equals, nothing from nothing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostCounted } from './tally.ts';

test('the key counted most, the first counted among equals, and none when nothing counts', () => {
  const cases: ReadonlyArray<readonly [ReadonlyArray<readonly [string, number]>, string | undefined]> = [
    [
      [
        ['Kyiv', 1],
        ['Lviv', 3],
        ['Odesa', 2],
      ],
      'Lviv',
    ],
    [
      [
        ['Kyiv', 2],
        ['Lviv', 2],
      ],
      'Kyiv',
    ],
    [
      [
        ['Lviv', 2],
        ['Kyiv', 2],
      ],
      'Lviv',
    ],
    [[], undefined],
    [[['Kyiv', 0]], undefined],
  ];
  for (const [entries, expected] of cases) assert.equal(mostCounted(new Map(entries)), expected, JSON.stringify(entries));
});
