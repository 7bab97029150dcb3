/** @module Cases for the tokenizer: offsets, abbreviations, clitics, hyphens and numbers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from './tokenize.ts';

// [text, the token texts]
const cases: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['U.S. forces hit 3 sites.', ['U.S.', 'forces', 'hit', '3', 'sites', '.']],
  ['Gen. Lee met Lt. Col. Diaz', ['Gen.', 'Lee', 'met', 'Lt.', 'Col.', 'Diaz']],
  ['Iran-backed groups', ['Iran', '-', 'backed', 'groups']],
  ['Iran’s proxies don’t stop', ['Iran', '’s', 'proxies', 'do', 'n’t', 'stop']],
  ["Kata'ib Hezbollah", ["Kata'ib", 'Hezbollah']],
  ['killed 1,400 people at 9:30 on the 11th', ['killed', '1,400', 'people', 'at', '9:30', 'on', 'the', '11th']],
  ['“We will respond,” he said…', ['“', 'We', 'will', 'respond', ',', '”', 'he', 'said', '…']],
  ['Michael E. Kurilla', ['Michael', 'E.', 'Kurilla']],
  ['wait... what', ['wait', '...', 'what']],
  ['at 6 a.m., then', ['at', '6', 'a.m.', ',', 'then']],
  ['Oct. 17', ['Oct.', '17']],
  ['Über 😀 café', ['Über', '😀', 'café']],
];

// Periods that are not part of the word before them.
const negatives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['He said.', ['He', 'said', '.']],
  ['term.68', ['term', '.', '68']],
  ['the end.', ['the', 'end', '.']],
];

test('tokenizes words, numbers and marks with their offsets', () => {
  for (const [text, expected] of [...cases, ...negatives]) {
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((token) => token.text),
      expected,
      text,
    );
    for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
  }
});

test('tells words, numbers and punctuation apart', () => {
  assert.deepEqual(
    tokenize('3 men, 11th day').map((token) => token.kind),
    ['number', 'word', 'punct', 'word', 'word'],
  );
});
