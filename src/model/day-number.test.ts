/** @module Table tests for day-number arithmetic, checked against the platform's UTC calendar. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  calendarDate,
  dayNumber,
  daysInMonth,
  FIRST_DAY,
  isDayInRange,
  isoDay,
  isoDayProblem,
  LAST_DAY,
  mondayOf,
  parseIsoDay,
  weekday,
} from './day-number.ts';

const DAYS: ReadonlyArray<readonly [iso: string, day: number, weekday: number]> = [
  ['1970-01-01', 0, 4],
  ['1969-12-31', -1, 3],
  ['2000-02-29', 11_016, 2],
  ['2023-10-30', 19_660, 1],
  ['2024-02-09', 19_762, 5],
  ['2100-03-01', 47_541, 1],
];

for (const [iso, day, dayOfWeek] of DAYS) {
  test(`day number of ${iso}`, () => {
    assert.equal(parseIsoDay(iso), day);
    assert.equal(isoDay(day), iso);
    assert.equal(weekday(day), dayOfWeek);
  });
}

test('day numbers agree with Date.UTC over four centuries, including roll-over of months and days', () => {
  for (let day = -3_000; day < 150_000; day += 37) {
    const date = new Date(day * 86_400_000);
    assert.equal(isoDay(day), date.toISOString().slice(0, 10));
    const { year, month, day: dayOfMonth } = calendarDate(day);
    assert.equal(dayNumber(year, month, dayOfMonth), day);
  }
  assert.equal(dayNumber(2023, 13, 1), dayNumber(2024, 1, 1));
  assert.equal(dayNumber(2023, 0, 1), dayNumber(2022, 12, 1));
  assert.equal(dayNumber(2023, 2, 29), dayNumber(2023, 3, 1));
});

test('months have their lengths and weeks start on Monday', () => {
  assert.deepEqual([daysInMonth(2023, 2), daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2023, 12)], [28, 29, 28, 31]);
  assert.equal(isoDay(mondayOf(dayNumber(2023, 10, 31))), '2023-10-30');
  assert.equal(isoDay(mondayOf(dayNumber(2023, 10, 29))), '2023-10-23');
});

test('parseIsoDay rejects what is not an ISO day', () => {
  for (const text of ['2023-02-29', '2023-13-01', '31/10/2023', '2023-1-5', '']) assert.equal(parseIsoDay(text), null, text);
});

test('ISO days run from 0001-01-01 to 9999-12-31 and nothing rolls over', () => {
  assert.equal(parseIsoDay('0001-01-01'), FIRST_DAY);
  assert.equal(parseIsoDay('9999-12-31'), LAST_DAY);
  assert.equal(isoDay(FIRST_DAY), '0001-01-01');
  assert.equal(isoDay(LAST_DAY), '9999-12-31');
  assert.deepEqual(
    [isDayInRange(LAST_DAY), isDayInRange(LAST_DAY + 1), isDayInRange(FIRST_DAY - 1), isDayInRange(0.5)],
    [true, false, false, false],
  );
  const refused: ReadonlyArray<readonly [text: string, problem: RegExp]> = [
    ['2023-99-99', /month 99; months run from 01 to 12/],
    ['2023-00-10', /month 00/],
    ['2023-02-29', /day 29; 2023-02 has days 01 to 28/],
    ['2023-04-31', /day 31; 2023-04 has days 01 to 30/],
    ['2023-10-00', /day 00/],
    ['0000-12-31', /year 0000/],
    ['10000-01-01', /YYYY-MM-DD/],
    ['+010000-01-01', /YYYY-MM-DD/],
    ['-0001-01-01', /YYYY-MM-DD/],
    ['2023-10-30T00:00:00Z', /YYYY-MM-DD/],
    [' 2023-10-30', /YYYY-MM-DD/],
    ['2023-1a-05', /YYYY-MM-DD/],
    ['2023/10/05', /YYYY-MM-DD/],
    ['２０２３-10-05', /YYYY-MM-DD/],
  ];
  for (const [text, problem] of refused) {
    assert.equal(parseIsoDay(text), null, text);
    assert.match(isoDayProblem(text) ?? '', problem, text);
  }
  assert.equal(isoDayProblem('2024-02-29'), null);
});
