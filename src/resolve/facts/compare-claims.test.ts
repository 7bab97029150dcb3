/** @module Table tests for how figures relate: values, places, periods, units and the series a later count supersedes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClaimCategory, ClaimPeriod, ClaimPlace, ClaimValue } from '../../model/claim.ts';
import type { Qualifier } from '../../model/mention.ts';
import {
  claimUnit,
  comparePeriods,
  comparePlaces,
  compareValues,
  type PeriodRelation,
  type PlaceRelation,
  type SeriesMember,
  type SeriesRule,
  seriesRule,
  type ValueRelation,
} from './compare-claims.ts';

const v = (
  qualifier: Qualifier,
  low: number,
  high: number | null = qualifier === 'exact' || qualifier === 'about' ? low : null,
): ClaimValue => ({
  low,
  high,
  qualifier,
});

const place = (
  name: string,
  countries: string[],
  precision: ClaimPlace['precision'],
  lat = 0,
  lon = 0,
  basis: ClaimPlace['basis'] = 'text',
): ClaimPlace => ({
  name,
  country: countries.length === 1 ? (countries[0] as string) : null,
  lat,
  lon,
  precision,
  countries,
  basis,
});
const IRAQ = place('Iraq', ['IQ'], 5, 33, 44);
const SYRIA = place('Syria', ['SY'], 5, 35, 38);
const IRAQ_AND_SYRIA = place('Iraq and Syria', ['IQ', 'SY'], 6, 34, 41);
const ABU_KAMAL = place('Abu Kamal', ['SY'], 1, 34.45, 40.92);
const AL_BUKAMAL = place('Al-Bukamal', ['SY'], 1, 34.46, 40.93);
const MAYADIN = place('Mayadin', ['SY'], 1, 35.02, 40.45);
const LEDE = place('Iraq and Syria', ['IQ', 'SY'], 6, 34, 41, 'lede');

const text = (start: string, end: string): ClaimPeriod => ({ start, end, basis: 'text' });
const asOf = (day: string): ClaimPeriod => ({ start: day, end: day, basis: 'published' });

const VALUES: ReadonlyArray<readonly [a: ClaimValue, b: ClaimValue, expected: ValueRelation]> = [
  [v('at-least', 14), v('exact', 14), 'agree'],
  [v('exact', 23), v('exact', 23), 'agree'],
  [v('more-than', 100), v('about', 100), 'agree'],
  [v('about', 2500), v('exact', 2450), 'agree'],
  [v('more-than', 1400), v('more-than', 1400), 'agree'],
  [v('at-least', 10), v('exact', 14), 'compatible'],
  [v('at-least', 14), v('at-least', 134), 'compatible'],
  [v('exact', 34), v('more-than', 40), 'conflict'],
  [v('exact', 12), v('exact', 20), 'conflict'],
  [v('less-than', 10), v('more-than', 10), 'conflict'],
  [v('at-most', 40), v('at-least', 40), 'compatible'],
];

const PLACES: ReadonlyArray<readonly [a: ClaimPlace | null, b: ClaimPlace | null, expected: PlaceRelation]> = [
  [IRAQ, IRAQ, 'same'],
  [IRAQ_AND_SYRIA, place('Syria and Iraq', ['IQ', 'SY'], 6), 'same'],
  [IRAQ, IRAQ_AND_SYRIA, 'different'],
  [IRAQ, SYRIA, 'different'],
  [ABU_KAMAL, SYRIA, 'weak'],
  [ABU_KAMAL, AL_BUKAMAL, 'same'],
  [ABU_KAMAL, MAYADIN, 'different'],
  [null, IRAQ, 'weak'],
  [LEDE, IRAQ, 'weak'],
  // A report's lede place never stands for another country's figure.
  [{ ...place('Lebanon', ['LB'], 5, 33.9, 35.5, 'lede'), reportCountries: ['IL', 'LB'] }, IRAQ, 'different'],
  // ... but may stand for any country its report names.
  [{ ...place('Lebanon', ['LB'], 5, 33.9, 35.5, 'lede'), reportCountries: ['IL', 'LB'] }, place('Israel', ['IL'], 5, 31.5, 34.8), 'weak'],
  [place('Middle East', [], 6), place('Red Sea', [], 6), 'different'],
];

const PERIODS: ReadonlyArray<readonly [a: ClaimPeriod | null, b: ClaimPeriod | null, category: ClaimCategory, expected: PeriodRelation]> = [
  // "from Oct. 17 to Oct. 30" and "since October 17" read on 31 October.
  [text('2023-10-17', '2023-10-30'), text('2023-10-17', '2023-10-31'), 'attacks', 'same'],
  [text('2023-10-17', '2023-10-24'), text('2023-10-17', '2023-10-30'), 'attacks', 'overlap'],
  [text('2023-10-17', '2023-10-30'), text('2023-12-01', '2023-12-31'), 'attacks', 'apart'],
  // A figure as of a report and a dated one just before it.
  [asOf('2023-10-31'), text('2023-10-01', '2023-10-31'), 'killed', 'overlap'],
  [asOf('2023-12-31'), text('2023-10-01', '2023-10-31'), 'killed', 'apart'],
  // A war's total "since April 2023" told on 14 June, and the same total as of a report three days before.
  [asOf('2024-06-11'), text('2023-04-15', '2024-06-14'), 'killed', 'overlap'],
  // A day's toll told three days after a report is another day's.
  [asOf('2024-06-11'), text('2024-06-14', '2024-06-14'), 'killed', 'apart'],
  // Standing figures hold for months; counts as of a report for days.
  [asOf('2023-10-30'), asOf('2024-02-09'), 'troops', 'overlap'],
  [asOf('2023-10-30'), asOf('2023-10-31'), 'troops', 'same'],
  [asOf('2023-10-30'), asOf('2024-02-09'), 'killed', 'apart'],
  [asOf('2023-10-30'), asOf('2023-11-02'), 'killed', 'overlap'],
  [null, asOf('2023-10-30'), 'killed', 'overlap'],
];

const UNITS: ReadonlyArray<readonly [category: ClaimCategory, a: string | null, b: string | null, same: boolean]> = [
  ['strikes', 'targets', 'facilities', false],
  ['strikes', 'storage facilities', 'sites', true],
  ['strikes', 'airstrikes', null, true],
  ['other', 'precision munitions', 'precision-guided munitions', true],
  ['other', 'frigates', 'jets', false],
  ['attacks', 'separate times', 'attacks', true],
  // A mixed salvo is one unit however it is named; one weapon alone is another.
  ['other', 'drones and missiles', 'missiles and attack drones', true],
  ['other', 'projectiles', 'drones and missiles', true],
  ['other', 'drones and missiles', 'drones', false],
];

describe('compareValues', () => {
  for (const [a, b, expected] of VALUES) {
    test(`${a.qualifier} ${a.low} vs ${b.qualifier} ${b.low}: ${expected}`, () => {
      assert.equal(compareValues(a, b), expected);
      assert.equal(compareValues(b, a), expected, 'symmetric');
    });
  }
});

describe('comparePlaces', () => {
  for (const [a, b, expected] of PLACES) {
    test(`${a?.name ?? 'none'} vs ${b?.name ?? 'none'}: ${expected}`, () => {
      assert.equal(comparePlaces(a, b), expected);
      assert.equal(comparePlaces(b, a), expected, 'symmetric');
    });
  }
});

describe('comparePeriods', () => {
  for (const [a, b, category, expected] of PERIODS) {
    test(`${a ? `${a.start}..${a.end} ${a.basis}` : 'none'} vs ${b ? `${b.start}..${b.end} ${b.basis}` : 'none'} (${category}): ${expected}`, () => {
      assert.equal(comparePeriods(a, b, category), expected);
      assert.equal(comparePeriods(b, a, category), expected, 'symmetric');
    });
  }
});

describe('claimUnit', () => {
  for (const [category, a, b, same] of UNITS) {
    test(`${category}: ${a} and ${b} ${same ? 'count the same' : 'count different things'}`, () => {
      assert.equal(claimUnit(category, a) === claimUnit(category, b), same);
    });
  }
});

describe('seriesRule', () => {
  const KYIV = place('Kyiv', ['UA'], 1, 50.45, 30.52);
  const KYIV_LEDE = place('Kyiv', ['UA'], 1, 50.45, 30.52, 'lede');
  const KHARKIV = place('Kharkiv', ['UA'], 1, 49.99, 36.23);
  const GAZA = place('Gaza', ['PS'], 5, 31.5, 34.47);
  const series = (
    value: ClaimValue,
    period: ClaimPeriod | null,
    at: ClaimPlace | null = IRAQ_AND_SYRIA,
    category: ClaimCategory = 'attacks',
    noun: string | null = null,
  ): SeriesMember => ({ category, unit: claimUnit(category, noun), noun, value, period, place: at });
  const TABLE: ReadonlyArray<readonly [name: string, later: SeriesMember, earlier: SeriesMember, expected: SeriesRule | null]> = [
    [
      '23 by 30 October, at least 134 by the end of December',
      series(v('at-least', 134), text('2023-10-01', '2023-12-31')),
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      'count-since',
    ],
    [
      'a count told as of a report three days on may be an older count: four dead on the 10th update three as of the 13th',
      series(v('exact', 4), text('2025-07-10', '2025-07-10'), KYIV, 'killed'),
      series(v('exact', 3), asOf('2025-07-13'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      "but a week on, a smaller count as of its report is another day's",
      series(v('exact', 40), text('2025-07-04', '2025-07-04'), KYIV, 'killed'),
      series(v('exact', 17), asOf('2025-07-10'), KYIV, 'killed'),
      null,
    ],
    [
      "and a dated smaller count two days on is another day's",
      series(v('exact', 4), text('2025-07-10', '2025-07-10'), KYIV, 'killed'),
      series(v('exact', 3), text('2025-07-12', '2025-07-12'), KYIV, 'killed'),
      null,
    ],
    [
      'fewer missing a day on, at one place: some were found',
      series(v('exact', 12), asOf('2025-07-10'), KYIV, 'missing'),
      series(v('exact', 19), asOf('2025-07-09'), KYIV, 'missing'),
      'still-missing',
    ],
    [
      'more missing told a day before is no update of fewer',
      series(v('exact', 19), asOf('2025-07-09'), KYIV, 'missing'),
      series(v('exact', 12), asOf('2025-07-10'), KYIV, 'missing'),
      null,
    ],
    [
      'fewer missing on the same day say nothing of which came later',
      series(v('exact', 11), asOf('2025-07-10'), KYIV, 'missing'),
      series(v('exact', 12), asOf('2025-07-10'), KYIV, 'missing'),
      null,
    ],
    [
      'fewer dead a day on is no update: the dead are only counted up',
      series(v('exact', 12), asOf('2025-07-10'), KYIV, 'killed'),
      series(v('exact', 19), asOf('2025-07-09'), KYIV, 'killed'),
      null,
    ],
    [
      'not the other way round',
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      series(v('at-least', 134), text('2023-10-01', '2023-12-31')),
      null,
    ],
    [
      'another scope',
      series(v('at-least', 134), text('2023-10-01', '2023-12-31'), IRAQ),
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      null,
    ],
    [
      'a count starting months later',
      series(v('exact', 60), text('2024-01-01', '2024-01-31')),
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      null,
    ],
    [
      'the same period with another figure: a disagreement, not an update',
      series(v('exact', 30), text('2023-10-17', '2023-10-31')),
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      null,
    ],
    [
      'a smaller later count',
      series(v('exact', 20), text('2023-10-17', '2023-11-30')),
      series(v('exact', 23), text('2023-10-17', '2023-10-30')),
      null,
    ],
    [
      'small figures a month apart as of their reports',
      series(v('exact', 30), asOf('2023-11-30')),
      series(v('exact', 23), asOf('2023-10-30')),
      null,
    ],
    [
      "a strike's toll as rescuers dig: at least 47, then 54 two days on",
      series(v('exact', 54), asOf('2024-09-05'), KYIV, 'killed'),
      series(v('at-least', 47), text('2024-09-03', '2024-09-03'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      'the same day, the lede naming the same city',
      series(v('exact', 32), asOf('2025-04-13'), KYIV_LEDE, 'killed'),
      series(v('more-than', 20), asOf('2025-04-13'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      'another city the same day',
      series(v('exact', 32), asOf('2025-04-13'), KHARKIV, 'killed'),
      series(v('more-than', 20), asOf('2025-04-13'), KYIV, 'killed'),
      null,
    ],
    [
      'a subgroup is never an update of the whole: 9 children, then 19 people',
      series(v('exact', 19), asOf('2025-04-05'), KYIV, 'killed', 'people'),
      series(v('exact', 9), asOf('2025-04-05'), KYIV, 'killed', 'children'),
      null,
    ],
    [
      'a toll that grows more than fourfold in a day is another count',
      series(v('exact', 300), asOf('2025-04-06'), KYIV, 'killed'),
      series(v('exact', 20), asOf('2025-04-05'), KYIV, 'killed'),
      null,
    ],
    [
      'a toll weeks after the strike is not its revision',
      series(v('exact', 30), asOf('2025-05-20'), KYIV, 'killed'),
      series(v('exact', 20), text('2025-04-05', '2025-04-05'), KYIV, 'killed'),
      null,
    ],
    [
      "a ministry's running total: 36,700 in June, 39,623 since 7 October in August",
      series(v('exact', 39623), text('2023-10-07', '2024-08-05'), GAZA, 'killed'),
      series(v('more-than', 36700), asOf('2024-06-16'), GAZA, 'killed'),
      'running-total',
    ],
    [
      "a day's toll is never a point of the war's total",
      series(v('at-least', 40005), asOf('2024-08-15'), GAZA, 'killed'),
      series(v('exact', 40), text('2024-08-14', '2024-08-15'), GAZA, 'killed'),
      null,
    ],
    [
      'two totals counted from different starts',
      series(v('exact', 8867), text('2025-03-18', '2025-07-29'), GAZA, 'killed'),
      series(v('exact', 5000), text('2023-10-07', '2025-03-01'), GAZA, 'killed'),
      null,
    ],
    [
      "a ministry's total and another country's the same day",
      series(v('exact', 40139), asOf('2024-08-19'), GAZA, 'killed'),
      series(v('at-least', 40005), asOf('2024-08-19'), place('Lebanon', ['LB'], 5, 33.9, 35.5), 'killed'),
      null,
    ],
    [
      "a ministry's total dated to the day it was told updates the total since the war began",
      series(v('exact', 147089), text('2025-07-30', '2025-07-31'), GAZA, 'injured'),
      series(v('exact', 145870), text('2023-10-07', '2025-07-29'), GAZA, 'injured'),
      'running-total',
    ],
    [
      "a day's toll of a few dozen is no total, whatever it is dated",
      series(v('exact', 60), text('2025-07-30', '2025-07-31'), GAZA, 'killed'),
      series(v('exact', 40), text('2023-10-07', '2025-07-29'), GAZA, 'killed'),
      null,
    ],
    [
      "a happening's larger count updates a smaller one whose fact a later report stretched",
      series(v('exact', 19), asOf('2025-04-05'), KYIV, 'killed'),
      series(v('at-least', 16), text('2025-04-04', '2025-04-06'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      "never the smaller count over the larger, whatever the facts' last days",
      series(v('at-least', 16), text('2025-04-04', '2025-04-06'), KYIV, 'killed'),
      series(v('exact', 19), asOf('2025-04-05'), KYIV, 'killed'),
      null,
    ],
    [
      "the country's toll the next day updates a count the lede's city placed",
      series(v('at-least', 43), text('2024-07-09', '2024-07-09'), place('Ukraine', ['UA'], 5, 49, 32), 'killed'),
      series(v('at-least', 36), asOf('2024-07-08'), KYIV_LEDE, 'killed'),
      'happening-toll',
    ],
    [
      "but not another country's",
      series(v('at-least', 43), text('2024-07-09', '2024-07-09'), place('Russia', ['RU'], 5, 55, 37), 'killed'),
      series(v('at-least', 36), asOf('2024-07-08'), KYIV_LEDE, 'killed'),
      null,
    ],
    [
      "a massacre's toll over four days, then a larger count of it",
      series(v('exact', 1383), asOf('2025-03-12'), KYIV, 'killed'),
      series(v('exact', 1225), text('2025-03-06', '2025-03-09'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      "but not three weeks' toll",
      series(v('exact', 1383), asOf('2025-03-12'), KYIV, 'killed'),
      series(v('exact', 1225), text('2025-02-14', '2025-03-06'), KYIV, 'killed'),
      null,
    ],
    [
      "a count under the report's country lede, after the city's the same day",
      series(v('at-least', 50), asOf('2024-09-03'), place('Ukraine', ['UA'], 5, 49, 32, 'lede'), 'killed'),
      series(v('at-least', 47), text('2024-09-03', '2024-09-03'), KYIV, 'killed'),
      'happening-toll',
    ],
    [
      "the city's count two days after one under the country's lede: the story's count, revised",
      series(v('exact', 54), asOf('2024-09-05'), KYIV, 'killed'),
      series(v('at-least', 50), asOf('2024-09-03'), place('Ukraine', ['UA'], 5, 49, 32, 'lede'), 'killed'),
      'happening-toll',
    ],
    [
      "but not under another country's lede",
      series(v('at-least', 50), asOf('2024-09-03'), place('Russia', ['RU'], 5, 55, 37, 'lede'), 'killed'),
      series(v('at-least', 47), text('2024-09-03', '2024-09-03'), KYIV, 'killed'),
      null,
    ],
    [
      "nor the country's own count, told in its text, two days on",
      series(v('exact', 54), asOf('2024-09-05'), KYIV, 'killed'),
      series(v('at-least', 50), asOf('2024-09-03'), place('Ukraine', ['UA'], 5, 49, 32), 'killed'),
      null,
    ],
  ];
  for (const [name, later, earlier, expected] of TABLE) test(name, () => assert.equal(seriesRule(later, earlier), expected));
});
