import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventDate } from '../../model/event.ts';
import { casualtiesOf, type Draft } from './extract-events.ts';
import type { CasualtyFigure } from './find-casualties.ts';
import { mergeHappenings } from './merge-drafts.ts';

/** A figure as the casualty reader gives it, at a token of its sentence. */
function figure(category: CasualtyFigure['category'], low: number, sentence: number, extra: Partial<CasualtyFigure> = {}): CasualtyFigure {
  return { category, low, high: low, at: sentence * 20 + 5, sentence, absent: false, additional: false, rule: 'test', ...extra };
}

/** A single attack told as happened, with its own sentence, figures and date. */
function draft(sentence: number, figures: CasualtyFigure[], date: EventDate | null = null): Draft {
  return {
    type: 'ASSAULT',
    triggers: [],
    sentences: new Set([sentence]),
    modes: new Set(),
    initiator: [],
    victims: [],
    target: [],
    deniedInitiator: [],
    modality: 'asserted',
    aggregate: null,
    date,
    place: null,
    figures,
    accounts: [figures],
  };
}

function day(start: string, rule = 'date-in-sentence/date/explicit'): EventDate {
  return { start, end: start, precision: 'day', rule };
}

function merged(a: Draft, b: Draft): Draft[] {
  return mergeHappenings(
    [a, b],
    (d) => casualtiesOf(d.accounts),
    () => false,
  );
}

describe('accounts of one shooting', () => {
  const joined: Array<[string, () => [Draft, Draft]]> = [
    // "shot his daughter before killing himself" after "two were found dead": the one he shot is among the dead.
    [
      'who a suspect shot before he killed himself, beside a count of the dead',
      () => [draft(0, [figure('killed', 2, 0)]), draft(3, [figure('shot', 1, 3), figure('suspect', 1, 3, { additional: true })])],
    ],
    // "arrested Friday in the killing" and "was killed on March 2": an arrest follows the shooting.
    [
      'a lead dated by its arrest and the shooting dated by its own day',
      () => [
        draft(0, [figure('killed', 1, 0)], day('2024-03-08', 'date-follow-up/date/weekday')),
        draft(2, [figure('killed', 1, 2), figure('injured', 2, 2)], day('2024-03-02')),
      ],
    ],
  ];
  for (const [why, make] of joined) {
    it(`joins ${why}`, () => {
      const [a, b] = make();
      assert.equal(merged(a, b).length, 1);
    });
  }

  it('takes the shooting its own day over the day of its arrest', () => {
    const [one] = merged(
      draft(0, [figure('killed', 1, 0)], day('2024-03-08', 'date-follow-up/date/weekday')),
      draft(2, [figure('killed', 1, 2)], day('2024-03-02')),
    );
    assert.equal(one?.date?.start, '2024-03-02');
  });

  const apart: Array<[string, () => [Draft, Draft]]> = [
    [
      'two days apart',
      () => [draft(0, [figure('killed', 1, 0)], day('2024-03-08')), draft(2, [figure('killed', 1, 2)], day('2024-03-02'))],
    ],
    // A shooting after the arrest told is another one, and one months before it is background.
    [
      'a shooting days after the arrest',
      () => [
        draft(0, [figure('killed', 1, 0)], day('2024-03-02', 'date-follow-up/date/weekday')),
        draft(2, [figure('killed', 1, 2)], day('2024-03-08')),
      ],
    ],
    [
      'a shooting months before the arrest',
      () => [
        draft(0, [figure('killed', 1, 0)], day('2024-03-08', 'date-follow-up/date/weekday')),
        draft(2, [figure('killed', 1, 2)], day('2023-11-02')),
      ],
    ],
    // Counts that do not nest: one dead and two hurt, and two dead.
    ['counts that do not nest', () => [draft(0, [figure('killed', 1, 0), figure('injured', 2, 0)]), draft(3, [figure('killed', 2, 3)])]],
  ];
  for (const [why, make] of apart) {
    it(`keeps apart ${why}`, () => {
      const [a, b] = make();
      assert.equal(merged(a, b).length, 2);
    });
  }
});
