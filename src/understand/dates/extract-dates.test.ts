/** @module Table tests for date mentions: what each phrase means against a publication day, and what is not a date. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatePrecision } from '../../model/interval.ts';
import { extractDates } from './extract-dates.ts';

/** Tuesday. */
const TUESDAY = '2023-10-31';
/** Monday. */
const MONDAY = '2024-02-12';

type Expected = readonly [text: string, start: string, end: string, precision: DatePrecision];

function datesIn(text: string, reference: string | null): Expected[] {
  const published = reference === null ? null : { start: reference, end: reference };
  return extractDates({ text, published }).map((mention) => {
    assert.equal(text.slice(mention.span.start, mention.span.end), mention.text);
    return [mention.text, mention.value.start, mention.value.end, mention.value.precision] as const;
  });
}

const POSITIVE: ReadonlyArray<readonly [text: string, reference: string | null, expected: Expected]> = [
  // Explicit dates; without a year, the most recent such day on or before the reference.
  ['The convoy was hit on October 26 near the border.', TUESDAY, ['October 26', '2023-10-26', '2023-10-26', 'day']],
  ['Fighting resumed Oct. 26, 2023, officials said.', TUESDAY, ['Oct. 26, 2023', '2023-10-26', '2023-10-26', 'day']],
  ['The ceasefire began 26 October 2023 at dawn.', TUESDAY, ['26 October 2023', '2023-10-26', '2023-10-26', 'day']],
  ['Dated 2023-10-10, the memo warned of raids.', TUESDAY, ['2023-10-10', '2023-10-10', '2023-10-10', 'day']],
  ['The post went up Feb. 9, 2024, after the raid.', MONDAY, ['Feb. 9, 2024', '2024-02-09', '2024-02-09', 'day']],
  ['The bridge fell on December 5.', TUESDAY, ['December 5', '2022-12-05', '2022-12-05', 'day']],
  ['Monday, Oct. 30, was the deadliest day.', TUESDAY, ['Monday, Oct. 30', '2023-10-30', '2023-10-30', 'day']],
  // A day a few days past the reference keeps its year; a month alone does not.
  ['A hearing is on November 3.', TUESDAY, ['November 3', '2023-11-03', '2023-11-03', 'day']],
  ['Talks collapsed in November.', TUESDAY, ['November', '2022-11-01', '2022-11-30', 'month']],
  // A count after a date and a comma is never a two-digit year: the date ends before it.
  ['Between Oct. 17 and Oct. 24, 13 attacks hit the bases.', TUESDAY, ['Between Oct. 17 and Oct. 24', '2023-10-17', '2023-10-24', 'day']],
  ['On Oct. 24, 9 soldiers were hurt.', TUESDAY, ['Oct. 24', '2023-10-24', '2023-10-24', 'day']],
  // A date before a lower-case word, or before a name that is no group's, is still a date.
  ['On October 7 militants crossed the fence.', TUESDAY, ['October 7', '2023-10-07', '2023-10-07', 'day']],
  ['On October 26 Israeli troops entered the town.', TUESDAY, ['October 26', '2023-10-26', '2023-10-26', 'day']],
  ['The storm of Oct. 24, 2013 was the worst.', TUESDAY, ['Oct. 24, 2013', '2013-10-24', '2013-10-24', 'day']],
  // Ranges.
  ['Drones struck bases from Oct. 17 to Oct. 30, a spokesman said.', TUESDAY, ['Oct. 17 to Oct. 30', '2023-10-17', '2023-10-30', 'day']],
  ['Rockets fell between October 17 and October 30.', TUESDAY, ['between October 17 and October 30', '2023-10-17', '2023-10-30', 'day']],
  ['Shelling went on Oct. 17-30 without pause.', TUESDAY, ['Oct. 17-30', '2023-10-17', '2023-10-30', 'day']],
  ['From January 29 to February 1, the envoy toured the region.', MONDAY, ['January 29 to February 1', '2024-01-29', '2024-02-01', 'day']],
  ['From October to December 2023, militias launched raids.', MONDAY, ['October to December 2023', '2023-10-01', '2023-12-31', 'month']],
  ['The unit captured 30 fighters from September to November.', MONDAY, ['September to November', '2023-09-01', '2023-11-30', 'month']],
  ['Budgets grew from 2019 to 2022 across the region.', TUESDAY, ['from 2019 to 2022', '2019-01-01', '2022-12-31', 'year']],
  // Weekdays: the most recent such day, or the next one when the words before say future.
  ['The minister spoke on Monday about the raids.', TUESDAY, ['Monday', '2023-10-30', '2023-10-30', 'day']],
  ['A spokesman said Monday that talks had stalled.', TUESDAY, ['Monday', '2023-10-30', '2023-10-30', 'day']],
  ['The report came out on Friday.', MONDAY, ['Friday', '2024-02-09', '2024-02-09', 'day']],
  ['The envoy will visit on Friday.', TUESDAY, ['Friday', '2023-11-03', '2023-11-03', 'day']],
  ['The vote was held last Tuesday.', TUESDAY, ['last Tuesday', '2023-10-24', '2023-10-24', 'day']],
  // The day after the reference, not six days back: a report dated a day early; "last" still reaches back.
  ['Police said Wednesday that the gunman fled.', TUESDAY, ['Wednesday', '2023-11-01', '2023-11-01', 'day']],
  ['The vote was held last Wednesday.', TUESDAY, ['last Wednesday', '2023-10-25', '2023-10-25', 'day']],
  ['The clinic closed on Thursday.', TUESDAY, ['Thursday', '2023-10-26', '2023-10-26', 'day']],
  // Weeks, weekends, months and years around the reference.
  ['Officials met last week in Doha.', TUESDAY, ['last week', '2023-10-23', '2023-10-29', 'week']],
  ['A depot burned over the weekend.', TUESDAY, ['over the weekend', '2023-10-28', '2023-10-29', 'week']],
  ['Shelling eased this weekend.', TUESDAY, ['this weekend', '2023-10-28', '2023-10-29', 'week']],
  ['Talks will resume this weekend.', TUESDAY, ['this weekend', '2023-11-04', '2023-11-05', 'week']],
  ['The offensive began earlier this month.', TUESDAY, ['earlier this month', '2023-10-01', '2023-10-31', 'month']],
  ['Aid deliveries fell last month.', TUESDAY, ['last month', '2023-09-01', '2023-09-30', 'month']],
  ['Figures cover the previous month.', TUESDAY, ['previous month', '2023-09-01', '2023-09-30', 'month']],
  ['The group re-formed late last year.', TUESDAY, ['late last year', '2022-09-01', '2022-12-31', 'month']],
  ['Attacks have risen since October 17.', TUESDAY, ['since October 17', '2023-10-17', '2023-10-31', 'day']],
  ['Attacks have risen since 2014.', TUESDAY, ['since 2014', '2014-01-01', '2023-10-31', 'year']],
  ['The strikes happened in October.', MONDAY, ['October', '2023-10-01', '2023-10-31', 'month']],
  ['Talks collapsed in March.', TUESDAY, ['March', '2023-03-01', '2023-03-31', 'month']],
  ['Officials will decide in December.', TUESDAY, ['December', '2023-12-01', '2023-12-31', 'month']],
  ['Clashes erupted in mid-October.', TUESDAY, ['mid-October', '2023-10-11', '2023-10-20', 'week']],
  ['Troops leave by the end of October.', TUESDAY, ['the end of October', '2023-10-21', '2023-10-31', 'week']],
  ['Casualties rose sharply in 2023.', TUESDAY, ['2023', '2023-01-01', '2023-12-31', 'year']],
  ['Attacks spiked in mid-2022.', TUESDAY, ['mid-2022', '2022-05-01', '2022-08-31', 'month']],
  ['Violence peaked in the 1990s.', TUESDAY, ['1990s', '1990-01-01', '1999-12-31', 'year']],
  // Days and spans counted back from the reference.
  ['The governor visited yesterday.', TUESDAY, ['yesterday', '2023-10-30', '2023-10-30', 'day']],
  ['The border reopens today.', TUESDAY, ['today', '2023-10-31', '2023-10-31', 'day']],
  ['The siege started three weeks ago.', TUESDAY, ['three weeks ago', '2023-10-09', '2023-10-15', 'week']],
  ['Raids went on over the past two weeks.', TUESDAY, ['the past two weeks', '2023-10-17', '2023-10-31', 'week']],
  // Without a publication date only dates that state their year.
  ['Troops landed on October 26, 2023 and left on Monday.', null, ['October 26, 2023', '2023-10-26', '2023-10-26', 'day']],
];

for (const [text, reference, expected] of POSITIVE) {
  test(`extractDates reads "${expected[0]}" against ${reference ?? 'no publication date'}`, () => {
    assert.deepEqual(datesIn(text, reference), [expected]);
  });
}

test('extractDates finds every date of a report, in text order', () => {
  const text =
    'A senior official said Monday that rockets hit the base at least 14 times since October 17, and last week jets struck a depot.';
  assert.deepEqual(datesIn(text, TUESDAY), [
    ['Monday', '2023-10-30', '2023-10-30', 'day'],
    ['since October 17', '2023-10-17', '2023-10-31', 'day'],
    ['last week', '2023-10-23', '2023-10-29', 'week'],
  ]);
});

test('extractDates reads a year joined to another year', () => {
  assert.deepEqual(datesIn('Budgets fell in 2022 and 2023.', TUESDAY), [
    ['2022', '2022-01-01', '2022-12-31', 'year'],
    ['2023', '2023-01-01', '2023-12-31', 'year'],
  ]);
});

test('extractDates names the rule that read each date', () => {
  const rules = (text: string): string[] => extractDates({ text, published: { start: TUESDAY, end: TUESDAY } }).map((m) => m.rule);
  assert.deepEqual(rules('On October 26 and from Oct. 17 to Oct. 30'), ['date/explicit', 'date/range']);
  assert.deepEqual(rules('said Monday, last week, since October 17, in March'), [
    'date/weekday',
    'date/last-week',
    'date/since',
    'date/month',
  ]);
  assert.deepEqual(rules('three weeks ago, over the weekend, in 2021'), ['date/relative', 'date/weekend', 'date/year']);
});

test('extractDates rejects a publication day that is not ISO', () => {
  assert.throws(() => extractDates({ text: 'on Monday', published: { start: '31/10/2023', end: '31/10/2023' } }), /ISO day/);
});

const NEGATIVE: readonly string[] = [
  'Shoppers may return once the curfew lifts.',
  'May God protect them, the imam said.',
  'Thousands of protesters march through the capital each week.',
  'Marchers walked 12 miles to the ministry.',
  'The jets were F-16 fighters escorted by an MQ-9.',
  'The meeting starts at 3 p.m. sharp.',
  'The briefing ran from 10:30 to 11:15.',
  'A 23-year-old man was arrested.',
  'The software reached version 2.10.3 before the outage.',
  'The Sun reported the attack first.',
  'Jan Egeland spoke to reporters.',
  'April Ryan asked the last question.',
  '9/11 changed the region.',
  'They launched one-way attack drones at 2,500 troops.',
  'Rescuers worked around the clock for days.',
  'Fighters of the March 23 Movement entered the city.',
  'The March 14 Alliance walked out of the cabinet.',
  'Members of the 6 April Youth Movement marched again.',
];

for (const text of NEGATIVE) {
  test(`extractDates finds no date in "${text}"`, () => {
    assert.deepEqual(datesIn(text, TUESDAY), []);
  });
}

test('extractDates without a publication date skips relative dates and dates without a year', () => {
  for (const text of [
    'They met on Monday.',
    'Fighting resumed last week.',
    'Attacks rose since October 17, 2023.',
    'The bridge fell on December 5.',
  ]) {
    assert.deepEqual(datesIn(text, null), [], text);
  }
});
