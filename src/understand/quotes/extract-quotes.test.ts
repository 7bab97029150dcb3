/** @module Cases for quotations: marks and their odd mixes, speakers before, after, around and carried over, scare quotes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractActors } from '../actors/extract-actors.ts';
import { extractAttributions } from '../attributions/extract-attributions.ts';
import { extractQuotes } from './extract-quotes.ts';
import { findQuoteSpans } from './find-quote-spans.ts';

/** [quoted words, speaker, affiliation] */
type Expected = readonly [string, string | null, string | null];

// [text, every quotation in order]
const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
  ['Jane Roe, an analyst at the Atlantic Council, said: “The risk is real.”', [['The risk is real.', 'Jane Roe', 'Atlantic Council']]],
  ['“The risk is real,” the minister said.', [['The risk is real', 'the minister', null]]],
  ['“The risk is real,” said Jane Roe, an analyst at the Atlantic Council.', [['The risk is real', 'Jane Roe', 'Atlantic Council']]],
  [
    '“The risk is real,” the minister said, “and it is growing.”',
    [
      ['The risk is real', 'the minister', null],
      ['and it is growing.', 'the minister', null],
    ],
  ],
  ['“We saw the blast. Then the roof fell,” said a resident.', [['We saw the blast. Then the roof fell', 'a resident', null]]],
  [
    'The minister described the strikes as “measured and lawful.” “We will do it again if we must.”',
    [
      ['measured and lawful.', 'The minister', null],
      ['We will do it again if we must.', 'The minister', null],
    ],
  ],
  [
    'A senior army official said the base was hit. "Nobody was hurt in the attack."',
    [['Nobody was hurt in the attack.', 'A senior army official', null]],
  ],
  ['A resident said: “We ran outside." Then the sirens started.', [['We ran outside.', 'A resident', null]]],
  ['A resident said: “We ran and we kept running\nThe next day was calm.', [['We ran and we kept running', 'A resident', null]]],
  [
    'Jane Roe, an analyst at the Atlantic Council, spoke first. “It will escalate,” Roe said.',
    [['It will escalate', 'Jane Roe', 'Atlantic Council']],
  ],
  ['The spokesman said the talks had failed because of “bad faith on both sides.”', [['bad faith on both sides.', 'The spokesman', null]]],
  [
    'A senior defense official said on Monday that patrols would go on. “We are not leaving,” she said.',
    [['We are not leaving', 'A senior defense official', null]],
  ],
];

// Marks that are not quotations with a speaker.
const negatives: readonly string[] = [
  'Critics call it a “red line” in the talks.',
  'Iran’s proxies grew in the ’90s and the 2000s.',
  'The so-called "peace plan" failed.',
  'Troops Return As “Necessary”',
  'He measured 6\' 2" in his boots.',
];

function summarise(text: string): Expected[] {
  const input = { text, published: null };
  const found = extractActors(input);
  const attributions = extractAttributions(input, found);
  return extractQuotes(input, [...found, ...attributions]).map((mention) => {
    assert.equal(text.slice(mention.span.start, mention.span.end), mention.text);
    const { speaker, speakerSpan, affiliation, quote } = mention.value;
    if (speakerSpan !== null) assert.ok(speakerSpan.end <= text.length && speakerSpan.start >= 0);
    return [quote, speaker, affiliation];
  });
}

test('finds quotations with their speakers', () => {
  for (const [text, expected] of cases) assert.deepEqual(summarise(text), expected, text);
});

test('skips scare quotes, apostrophes and measurements', () => {
  for (const text of negatives) assert.deepEqual(summarise(text), [], text);
});

test('pairs quotation marks within a paragraph, and closes an unfinished one at its end', () => {
  const text = 'He said “one" and ‘two’, then “three\nNew paragraph.';
  assert.deepEqual(
    findQuoteSpans(text).map((span) => [text.slice(span.start, span.end), span.closed, span.single]),
    [
      ['“one"', true, false],
      ['‘two’', true, true],
      ['“three', false, false],
    ],
  );
});

test('keeps a quotation without a speaker when it is long enough to be one', () => {
  const text = 'Jump to the notes.\n\n"Nothing will be the same after this week," a sign read.';
  const quotes = extractQuotes({ text, published: null }, []);
  assert.deepEqual(
    quotes.map((mention) => [mention.value.quote, mention.value.speaker, mention.rule]),
    [['Nothing will be the same after this week', null, 'quote/unattributed']],
  );
});
