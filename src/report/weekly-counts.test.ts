import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type WeekCount, weeklyCounts, weekStart } from './weekly-counts.ts';

describe('weekStart', () => {
  const cases: Array<[string, string]> = [
    ['2023-10-30', '2023-10-30'], // a Monday
    ['2023-11-05', '2023-10-30'], // the Sunday after it
    ['2023-10-17', '2023-10-16'],
    ['2024-01-01', '2024-01-01'],
    ['2023-01-01', '2022-12-26'], // a Sunday: its week began the year before
    ['2024-03-01', '2024-02-26'], // across a leap day
  ];
  for (const [day, expected] of cases) it(`${day} → ${expected}`, () => assert.equal(weekStart(day), expected));

  const negative = ['', '2023-13-01x', 'yesterday'];
  for (const day of negative) it(`refuses ${JSON.stringify(day)}`, () => assert.throws(() => weekStart(day), /YYYY-MM-DD/));
});

describe('weeklyCounts', () => {
  const cases: Array<[string, Array<{ day: string; count: number }>, WeekCount[]]> = [
    [
      'sums days of one week',
      [
        { day: '2023-10-17', count: 2 },
        { day: '2023-10-22', count: 1 },
      ],
      [{ week: '2023-10-16', count: 3 }],
    ],
    [
      'keeps empty weeks between as zeros, oldest first',
      [
        { day: '2023-11-08', count: 1 },
        { day: '2023-10-18', count: 4 },
      ],
      [
        { week: '2023-10-16', count: 4 },
        { week: '2023-10-23', count: 0 },
        { week: '2023-10-30', count: 0 },
        { week: '2023-11-06', count: 1 },
      ],
    ],
    ['nothing in, nothing out', [], []],
  ];
  for (const [name, days, expected] of cases) it(name, () => assert.deepEqual(weeklyCounts(days), expected));
});
