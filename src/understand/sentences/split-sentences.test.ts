/** @module Cases for the sentence splitter: where sentences end, and where they must not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './split-sentences.ts';

// [text, the sentences it must split into]
const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['The rebels fled. The army followed.', ['The rebels fled.', 'The army followed.']],
  [
    'Troops reached the U.S. base on Oct. 17 at 6 a.m. local time. Nobody was hurt.',
    ['Troops reached the U.S. base on Oct. 17 at 6 a.m. local time.', 'Nobody was hurt.'],
  ],
  [
    'Gen. Mark Doyle met Lt. Col. Ann Price and Dr. Omar Said at No. 3 Gate. They talked.',
    ['Gen. Mark Doyle met Lt. Col. Ann Price and Dr. Omar Said at No. 3 Gate.', 'They talked.'],
  ],
  ['She said, "We will hold the line." The talks ended.', ['She said, "We will hold the line."', 'The talks ended.']],
  ['He said, “Nothing is decided.” Talks go on.', ['He said, “Nothing is decided.”', 'Talks go on.']],
  ['Convoy Hit Near Border\nA convoy was hit on Friday.', ['Convoy Hit Near Border', 'A convoy was hit on Friday.']],
  ['Two shells fell\n\nthree more followed later.', ['Two shells fell', 'three more followed later.']],
  ['Aid was sent to the U.S. The shipment left Monday.', ['Aid was sent to the U.S.', 'The shipment left Monday.']],
  ['Was it planned? Nobody knows! Officials declined.', ['Was it planned?', 'Nobody knows!', 'Officials declined.']],
  ['They met at 5 p.m. Tuesday in Erbil.', ['They met at 5 p.m. Tuesday in Erbil.']],
  ['The ceasefire held (for now.) Fighting resumed later.', ['The ceasefire held (for now.)', 'Fighting resumed later.']],
  ['The base was hit in the long term.12 Later it was rebuilt.', ['The base was hit in the long term.12', 'Later it was rebuilt.']],
  ['Ten died. 14 more were hurt.', ['Ten died.', '14 more were hurt.']],
  ['Michael E. Lowe spoke in Atlanta, Ga., on Monday.', ['Michael E. Lowe spoke in Atlanta, Ga., on Monday.']],
  ['  Leading spaces. Trailing spaces.  ', ['Leading spaces.', 'Trailing spaces.']],
  ['He paused… Then he left.', ['He paused…', 'Then he left.']],
];

// Texts that are one sentence however tempting their periods look.
const negatives: readonly string[] = [
  'The U.S. military and U.N. staff met at 3 p.m. on Jan. 5 in Baghdad.',
  'Maj. Gen. Lee and Sgt. Ortiz drove down Route No. 9 past the St. Louis office.',
  'The report cited version 2.5 of the plan, e.g. the annex.',
  '“Why now?” he asked the officer.',
  'He wrote "done." and left without a word.',
  'Visit pic.twitter.com for the photo.',
];

test('splits sentences', () => {
  for (const [text, expected] of cases) {
    const sentences = splitSentences(text);
    assert.deepEqual(
      sentences.map((sentence) => sentence.text),
      expected,
      text,
    );
    for (const sentence of sentences) {
      assert.equal(text.slice(sentence.span.start, sentence.span.end), sentence.text);
    }
    assert.deepEqual(
      sentences.map((sentence) => sentence.value.index),
      expected.map((_, index) => index),
    );
  }
});

test('does not split at abbreviations, decimals or inner question marks', () => {
  for (const text of negatives) {
    assert.deepEqual(
      splitSentences(text).map((sentence) => sentence.text),
      [text],
      text,
    );
  }
});

test('returns nothing for an empty or blank text', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\n '), []);
});
