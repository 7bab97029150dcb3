import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SEARCH_TERMS, parseSnippet, searchTerms } from './search-repository.ts';

describe('searchTerms', () => {
  const cases: Array<[string, string[]]> = [
    ['drone', ['drone']],
    ['Drone Strikes', ['drone', 'strikes']],
    ['drone*', ['drone*']],
    ['"al-Asad" air base', ['al', 'asad', 'air', 'base']],
    ['Erbil, Iraq; 2023', ['erbil', 'iraq', '2023']],
    ['Ａｓａｄ', ['asad']],
    ['Mosul mosul MOSUL', ['mosul']],
    ['résumé Dayr az-Zawr', ['résumé', 'dayr', 'az', 'zawr']],
    ["x'; drop table documents; --", ['x', 'drop', 'table', 'documents']],
    ['a* a', ['a*', 'a']],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(
        searchTerms(text).map((t) => `${t.word}${t.prefix ? '*' : ''}`),
        expected,
      );
    });
  }

  const negative: string[] = ['', '   ', '***', '"" () : -', '\u0002\u0003'];
  for (const text of negative) {
    it(`no terms in ${JSON.stringify(text)}`, () => assert.deepEqual(searchTerms(text), []));
  }

  it(`keeps at most ${MAX_SEARCH_TERMS} terms`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    assert.equal(searchTerms(words.join(' ')).length, MAX_SEARCH_TERMS);
  });
});

describe('parseSnippet', () => {
  const cases: Array<[string, string, Array<[number, number]>]> = [
    ['two \u0002drones\u0003 hit', 'two drones hit', [[4, 10]]],
    [
      '\u0002Drone\u0003 and \u0002drones\u0003',
      'Drone and drones',
      [
        [0, 5],
        [10, 16],
      ],
    ],
    ['no marks at all', 'no marks at all', []],
  ];
  for (const [marked, text, marks] of cases) {
    it(JSON.stringify(marked), () => assert.deepEqual(parseSnippet(marked), { text, marks }));
  }

  const negative: Array<[string, string]> = [
    ['empty \u0002\u0003mark', 'empty mark'],
    ['unclosed \u0002mark', 'unclosed mark'],
    ['stray \u0003end', 'stray end'],
  ];
  for (const [marked, text] of negative) {
    it(`no mark from ${JSON.stringify(marked)}`, () => assert.deepEqual(parseSnippet(marked), { text, marks: [] }));
  }
});
