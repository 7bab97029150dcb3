import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CasualtyRange } from '../../model/event.ts';
import { sampleEvent } from '../../store/events-repository.case.ts';
import { fuseIncident, type MemberEvent } from './fuse-incident.ts';

/** One account in a report: its document, the day it was published, its killed count, how central, its wire group. */
interface Account {
  readonly doc: string;
  readonly published: string;
  readonly killed: number | null;
  readonly salience?: number;
  readonly group?: string;
}

function member(a: Account, index: number): MemberEvent {
  const killed: CasualtyRange | null = a.killed === null ? null : { low: a.killed, high: a.killed };
  const event = sampleEvent(`e${index}`, a.doc, {
    place: null,
    date: { start: '2024-05-04', end: '2024-05-04', precision: 'day', rule: 'date-in-sentence/date/weekday' },
    killed,
    salience: a.salience ?? 0.9,
  });
  return { event, published: a.published, source: a.doc, syndicationGroup: a.group ?? a.doc };
}

describe('fuseIncident: the best count', () => {
  const cases: Array<[string, Account[], { low: number; best: number; high: number | null; rule: string } | null]> = [
    ['one report', [{ doc: 'a', published: '2024-05-05', killed: 2 }], { low: 2, best: 2, high: 2, rule: 'fuse/single-report' }],
    [
      'the count most reports give, over a later report that names only one victim',
      [
        { doc: 'a', published: '2024-05-05', killed: 2 },
        { doc: 'b', published: '2024-05-05', killed: 2 },
        { doc: 'c', published: '2024-05-20', killed: 1 },
      ],
      { low: 1, best: 2, high: 2, rule: 'fuse/most-reports' },
    ],
    [
      'equal votes: the largest, since the wounded die',
      [
        { doc: 'a', published: '2024-05-05', killed: 1 },
        { doc: 'b', published: '2024-05-07', killed: 2 },
      ],
      { low: 1, best: 2, high: 2, rule: 'fuse/largest-tied' },
    ],
    [
      'equal votes: the largest even when a later report counts fewer (one city, or the one victim it names)',
      [
        { doc: 'a', published: '2024-05-05', killed: 43 },
        { doc: 'b', published: '2024-05-05', killed: 31 },
        { doc: 'c', published: '2024-05-06', killed: 1 },
      ],
      { low: 1, best: 43, high: 43, rule: 'fuse/largest-tied' },
    ],
    [
      "a side mention's partial count does not vote beside its report's main account",
      [
        { doc: 'a', published: '2024-05-05', killed: 3 },
        { doc: 'b', published: '2024-05-06', killed: 3 },
        { doc: 'b', published: '2024-05-06', killed: 1, salience: 0.2 },
        { doc: 'c', published: '2024-05-06', killed: 1, salience: 0.2 },
        { doc: 'c', published: '2024-05-06', killed: 3, salience: 0.8 },
      ],
      { low: 1, best: 3, high: 3, rule: 'fuse/most-reports' },
    ],
    [
      'copies of one wire story vote once',
      [
        { doc: 'a', published: '2024-05-05', killed: 4, group: 'wire' },
        { doc: 'b', published: '2024-05-05', killed: 4, group: 'wire' },
        { doc: 'c', published: '2024-05-06', killed: 5 },
      ],
      { low: 4, best: 5, high: 5, rule: 'fuse/largest-tied' },
    ],
    [
      'a report that gives no count is silent, not a zero',
      [
        { doc: 'a', published: '2024-05-05', killed: 6 },
        { doc: 'b', published: '2024-05-06', killed: null },
        { doc: 'c', published: '2024-05-06', killed: null },
      ],
      { low: 6, best: 6, high: 6, rule: 'fuse/single-report' },
    ],
    ['no report gives a count', [{ doc: 'a', published: '2024-05-05', killed: null }], null],
  ];
  for (const [name, accounts, expected] of cases)
    it(name, () => {
      assert.deepEqual(fuseIncident('i', accounts.map(member)).killed, expected);
    });
});
