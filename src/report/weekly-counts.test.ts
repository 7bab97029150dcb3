import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayNumber, isoDay, LAST_DAY, mondayOf } from '../model/day-number.ts';
import { listWeeks, MAX_EMPTY_WEEKS, type WeekCount, weeklyCounts, weekStart } from './weekly-counts.ts';

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

  const negative = ['', '2023-13-01x', 'yesterday', '2023-99-99', '2023-02-29', '+010000-01-03', '0000-01-03'];
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

describe('weeklyCounts with dates far apart', () => {
  it('lists a report dated 9999-12-31 after a gap, in bounded time, without rolling past the year 9999', () => {
    const started = performance.now();
    const weeks = weeklyCounts([
      { day: '2023-10-18', count: 2 },
      { day: '2023-10-30', count: 1 },
      { day: '9999-12-31', count: 1 },
    ]);
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(weeks, [
      { week: '2023-10-16', count: 2 },
      { week: '2023-10-23', count: 0 },
      { week: '2023-10-30', count: 1 },
      { week: '9999-12-27', count: 1 },
    ]);
  });

  it('leaves out days that are no calendar day, as undated reports are', () => {
    assert.deepEqual(
      weeklyCounts([
        { day: '10000-01-01', count: 1 },
        { day: '2023-10-30', count: 1 },
        { day: '2023-99-99', count: 4 },
      ]),
      [{ week: '2023-10-30', count: 1 }],
    );
  });
});

describe('listWeeks', () => {
  const monday = (iso: string) => mondayOf(dayNumber(...(iso.split('-').map(Number) as [number, number, number])));
  const show = (weeks: number[]) => weeks.map(isoDay);
  const cases: Array<[string, () => number[], string[]]> = [
    [
      'fills the period asked for around the data',
      () => listWeeks([monday('2024-01-10')], monday('2024-01-01'), monday('2024-01-22')),
      ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'],
    ],
    [
      'fills a period with no data when it is short',
      () => listWeeks([], monday('2024-01-01'), monday('2024-01-08')),
      ['2024-01-01', '2024-01-08'],
    ],
    ['lists nothing for a period of millennia with no data', () => listWeeks([], monday('0001-01-01'), mondayOf(LAST_DAY)), []],
    [
      'starts at the data when the period asked for begins centuries before it',
      () => listWeeks([monday('2024-01-10')], monday('0001-01-01'), mondayOf(LAST_DAY)),
      ['2024-01-08'],
    ],
    [
      'drops data outside the period',
      () => listWeeks([monday('2023-01-02'), monday('2024-01-08')], monday('2024-01-01'), monday('2024-01-08')),
      ['2024-01-01', '2024-01-08'],
    ],
    ['nothing in, nothing out', () => listWeeks([]), []],
  ];
  for (const [name, run, expected] of cases) it(name, () => assert.deepEqual(show(run()), expected));

  it('fills a gap of exactly MAX_EMPTY_WEEKS empty weeks and skips a longer one', () => {
    const start = monday('2000-01-03');
    assert.equal(listWeeks([start, start + (MAX_EMPTY_WEEKS + 1) * 7]).length, MAX_EMPTY_WEEKS + 2);
    assert.equal(listWeeks([start, start + (MAX_EMPTY_WEEKS + 2) * 7]).length, 2);
  });

  it('stays bounded by the weeks with data, whatever their spread', () => {
    const spread = Array.from({ length: 200 }, (_, i) => mondayOf(dayNumber(101 + i * 49, 6, 1)));
    const started = performance.now();
    assert.equal(listWeeks(spread, mondayOf(dayNumber(1, 1, 1)), mondayOf(LAST_DAY)).length, 200);
    assert.ok(performance.now() - started < 1000);
  });
});
