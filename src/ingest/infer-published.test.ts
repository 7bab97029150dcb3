import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoDay } from '../model/day-number.ts';
import { inferPublished, readMetadataDay, readPublished, readUrlDate } from './infer-published.ts';

const today = '2026-11-21';

/** [text, metadata, expected [start, end], rule fragment]. */
const cases: Array<[string, string | null, [string, string], string]> = [
  ['Drones struck the base.', '2024-01-04T09:30:00-05:00', ['2024-01-04', '2024-01-04'], 'metadata'],
  ['Drones struck the base.', 'Fri, 09 Feb 2024 23:30:00 -0500', ['2024-02-09', '2024-02-09'], 'metadata'],
  ['Published: Jan. 5, 2024\nA drone hit the base.', null, ['2024-01-05', '2024-01-05'], 'date-line'],
  ['date 2023-11-02 A convoy was hit near the border.', null, ['2023-11-02', '2023-11-02'], 'date-line'],
  ['BAGHDAD, Jan. 4, 2024 (Gulf Wire Service) - A strike hit a headquarters.', null, ['2024-01-04', '2024-01-04'], 'date-line'],
  // The latest dated reference, and two days' lag.
  [
    'Between Nov. 1 and Nov. 20, 2023, militias attacked the bases 30 times, officials said.',
    null,
    ['2023-11-20', '2023-11-22'],
    'latest-date',
  ],
  // A weekday tied to a yearless date: 4 December was a Monday in 2023.
  [
    'An official said on Monday that the tally from October 17 to December 4 had reached 74 attacks.',
    null,
    ['2023-12-04', '2023-12-05'],
    'weekday',
  ],
  // A span after a well-known happening, with the latest yearless reference.
  [
    'It has been just over four weeks since Hamas attacked Israel. From Oct. 17 to Nov. 6 the bases were attacked 38 times.',
    null,
    ['2023-11-06', '2023-11-07'],
    'relative-span',
  ],
  // "this month" of a happening that began earlier this month, and a weekday.
  [
    'The Israel-Hamas war that began earlier this month has raised fears, an official said Tuesday. Attacks began on October 17.',
    null,
    ['2023-10-31', '2023-10-31'],
    'this-month',
  ],
  // A future date does not pull the publication date forward.
  [
    'The minister met militia leaders on March 3, 2024 and will travel to Erbil on March 20.',
    null,
    ['2024-03-03', '2024-03-05'],
    'latest-date',
  ],
];

const none: string[] = ['A drone struck the base. Nobody was hurt.', 'Officials said on Monday that attacks continued.'];

describe('inferPublished', () => {
  for (const [text, metadata, [start, end], rule] of cases) {
    it(`${rule}: ${text.slice(0, 50)}…`, () => {
      const published = inferPublished(text, { metadata, today });
      assert.ok(published, 'no date');
      assert.deepEqual([published.start, published.end], [start, end]);
      assert.match(published.rule, new RegExp(rule));
      assert.equal(published.inferred, metadata === null);
    });
  }
  for (const text of none) {
    it(`finds no date in: ${text}`, () => assert.equal(inferPublished(text, { today }), null));
  }
  it('falls back to the text when metadata is unreadable', () => {
    const published = inferPublished('On Jan. 28, 2024, a drone hit Tower 22.', { metadata: 'sometime', today });
    assert.equal(published?.start, '2024-01-28');
    assert.equal(published?.inferred, true);
  });
});

describe('readMetadataDay', () => {
  const read: Array<[string, string]> = [
    ['2023-10-30', '2023-10-30'],
    ['2023-10-30T23:30:00-05:00', '2023-10-30'],
    ['Mon, 30 Oct 2023 10:00:00 GMT', '2023-10-30'],
    ['October 30, 2023', '2023-10-30'],
    ['2023/10/30', '2023-10-30'],
    ['10/30/2023', '2023-10-30'],
    ['30/10/2023', '2023-10-30'],
    ['9999-12-31', '9999-12-31'],
    ['0001-01-01', '0001-01-01'],
    ['2024-02-29', '2024-02-29'],
  ];
  for (const [value, day] of read)
    it(`reads ${value}`, () => {
      const result = readMetadataDay(value);
      assert.ok(result && 'day' in result, JSON.stringify(result));
      assert.equal(isoDay(result.day), day);
    });

  // Each of these looks like a date but names no calendar day in 0001..9999: refused, never rolled over.
  const refused: Array<[string, RegExp]> = [
    ['2023-99-99', /month 99/],
    ['2023-02-29', /day 29; 2023-02 has days 1 to 28/],
    ['2023-04-31T10:00:00Z', /day 31/],
    ['0000-01-01', /year 0/],
    ['Tue, 32 Oct 2023 10:00:00 GMT', /day 32/],
    ['30 Feb 2024', /day 30/],
    ['February 30, 2023', /day 30/],
    ['1 Jan 10000', /year 10000/],
    ['2023/13/01', /month 13/],
    ['13/45/2023', /month 13/],
    ['+010000-01-01T00:00:00Z', /outside 0001-01-01 to 9999-12-31/],
    ['-000001-01-01T00:00:00Z', /outside/],
  ];
  for (const [value, problem] of refused)
    it(`refuses ${value}`, () => {
      const result = readMetadataDay(value);
      assert.ok(result && 'problem' in result, JSON.stringify(result));
      assert.match(result.problem, problem);
    });

  for (const value of ['sometime', 'last Tuesday', ''])
    it(`cannot read ${JSON.stringify(value)}`, () => assert.equal(readMetadataDay(value), null));
});

/** [text, options, expected [start, end] or null, rule fragment (or reason fragment), firm]. */
const readings: Array<[string, Parameters<typeof readPublished>[1], [string, string] | null, string, boolean]> = [
  // A dated path in the address gives the day; a year and month the month, narrowed by the text.
  [
    'A depot burned after the strike.',
    { url: 'https://news.example/world/2024/07/09/depot-burns', today },
    ['2024-07-09', '2024-07-09'],
    'url',
    true,
  ],
  [
    'A depot burned after the strike.',
    { url: 'https://news.example/2025/apr/18/depot-burns', today },
    ['2025-04-18', '2025-04-18'],
    'url',
    true,
  ],
  [
    'The school was hit on August 10, the civil defence agency said.',
    { url: 'https://news.example/2024/08/school-hit', today },
    ['2024-08-10', '2024-08-12'],
    'url-month',
    false,
  ],
  // A weekday with its date tells the year: October 1 fell on a Tuesday in 2024 (and in 2019, further back).
  ['Air raid sirens sounded on Tuesday (Oct 1) as the barrage began.', { today }, ['2024-10-01', '2024-10-02'], 'tied-weekday', true],
  ['On Sunday, August 25, a video of the bodies spread online.', { today }, ['2024-08-25', '2024-08-26'], 'tied-weekday', true],
  // Yearless dates after a month the text names with its year fall in the next year when well before it.
  [
    'In November 2023 a strike hit a parade. On September 3 missiles hit the institute; as of September 5, 54 had died.',
    { today },
    ['2024-09-05', '2024-09-07'],
    'latest-date',
    false,
  ],
  // A span counted from a known happening dates the report; the happening's own day keeps its year.
  [
    'After more than 10 months of war in Gaza, the toll passed 40,000, officials said as of Thursday.',
    { today },
    ['2024-08-15', '2024-08-16'],
    'relative-span',
    true,
  ],
  [
    'It has been six months since Russia invaded Ukraine, the mission said.',
    { today },
    ['2022-08-16', '2022-09-05'],
    'relative-span',
    true,
  ],
  // The day of reading dates only a live feed's items.
  ['Officials said the convoy was hit on March 3.', { today, live: true }, ['2026-03-03', '2026-03-05'], 'live-feed', true],
  ['Officials said the convoy was hit on March 3.', { today }, null, 'tells the year', false],
  ['A drone struck the base. Nobody was hurt.', { today }, null, 'give none', false],
  // Near the day other reports of the story were published: "October 7" is the war's first day, not a later one.
  [
    'Gunmen seized hostages from a festival on October 7; the raid to free four came on Saturday.',
    { today, near: '2024-06-09' },
    ['2024-06-08', '2024-06-09'],
    'peers',
    true,
  ],
];

describe('readPublished', () => {
  for (const [text, options, expected, rule, firm] of readings) {
    it(`${rule}: ${text.slice(0, 50)}…`, () => {
      const reading = readPublished(text, options);
      if (expected === null) {
        assert.equal(reading.published, null);
        assert.match(reading.reason ?? '', new RegExp(rule));
      } else {
        assert.ok(reading.published, `no date: ${reading.reason}`);
        assert.deepEqual([reading.published.start, reading.published.end], expected);
        assert.match(reading.published.rule, new RegExp(rule));
      }
      assert.equal(reading.firm, firm);
    });
  }
  it('reads no date from an address without one, nor from a far-future Unix time', () => {
    assert.equal(readUrlDate('https://news.example/story/123456'), null);
    assert.equal(readUrlDate('https://news.example/story-1999999999999.html'), null);
    const epoch = readUrlDate('https://news.example/world/depot-burns-101744940921662.html');
    assert.equal(epoch && isoDay(epoch.start), '2025-04-18');
  });
});

describe('spans after a happening', () => {
  it('reads "ten days after" a happening as a lower bound, not as the day of writing', () => {
    const text =
      'Militia groups fired on the outpost 12 times between Oct. 17 and Oct. 30, an official told reporters on Monday. ' +
      'The attacks started ten days after the Oct. 7, 2023 Hamas attack on Israel.';
    const reading = readPublished(text, { today });
    assert.deepEqual([reading.published?.start, reading.published?.end], ['2023-10-30', '2023-10-31']);
  });

  it('still reads "ten weeks since" a happening as the day of writing', () => {
    const reading = readPublished('It is now ten weeks since the Oct. 7, 2023 Hamas attack on Israel, and the fighting goes on.', {
      today,
    });
    assert.ok(
      reading.published && reading.published.start >= '2023-12-15' && reading.published.end <= '2023-12-18',
      JSON.stringify(reading),
    );
  });
});
