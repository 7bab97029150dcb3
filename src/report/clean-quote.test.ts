/** Page furniture out of quotes: a table of texts and what a reader should see, and texts that must stay as they are. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanQuote } from './clean-quote.ts';

describe('cleanQuote', () => {
  const cases: Array<[string, string]> = [
    ['We will respond at a time of our choosing.[1]', 'We will respond at a time of our choosing.'],
    ['The strikes hit three sites [12] near the border [a].', 'The strikes hit three sites near the border.'],
    ['Nobody was hurt, the ministry said.² The base was damaged.', 'Nobody was hurt, the ministry said. The base was damaged.'],
    ['The convoy was stopped. Advertisement The drivers were released.', 'The convoy was stopped. The drivers were released.'],
    ['We are ready ADVERTISEMENT to talk.', 'We are ready to talk.'],
    ['Our patience is not endless. Story continues below advertisement We will act.', 'Our patience is not endless. We will act.'],
    ['This is a warning [citation needed] to all sides.', 'This is a warning to all sides.'],
  ];
  for (const [text, expected] of cases) it(expected, () => assert.equal(cleanQuote(text), expected));

  const untouched = [
    'Brigade 12 moved to the [northern] sector.',
    'The advertisement campaign by the ministry was pulled.',
    'Section [IV] of the accord stays in force.',
    'We read more than 40 reports before we answered.',
  ];
  for (const text of untouched) it(`keeps ${text}`, () => assert.equal(cleanQuote(text), text));
});
