/** @module Cases for the token trie's case rule, its cheap start test, and the start test shared by several tries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTokenView, SHAPE_CAPITALISED, SHAPE_UPPER, shapeOf } from '../sentences/token-view.ts';
import { defaultActorLexicon } from './actor-lexicon.ts';
import { TokenStarts, TokenTrie } from './token-trie.ts';

function trieOf(...phrases: string[]): TokenTrie<string> {
  const trie = new TokenTrie<string>();
  for (const phrase of phrases) trie.add(phrase, phrase);
  return trie;
}

// [phrases, text, token index, whether a phrase can start there, the phrase matched there or null]
const cases: ReadonlyArray<readonly [readonly string[], string, number, boolean, string | null]> = [
  [['police'], 'the police said', 1, true, 'police'],
  [['police'], 'Police said', 0, true, 'police'],
  [['The Hague'], 'in The Hague', 1, true, 'The Hague'],
  [['WHO', 'Hamas'], 'the WHO said', 1, true, 'WHO'],
  [['Hamas'], 'Hamas fighters', 0, true, 'Hamas'],
  // A word with a capital matches only as written: the lower-case word starts nothing.
  [['The Hague'], 'to the hague and back', 1, false, null],
  [['WHO'], 'people who fled', 1, false, null],
  [['IS'], 'it is late', 1, false, null],
  [['Hamas'], 'hamas', 0, false, null],
  // A lower-case phrase word may take a capital on its first letter only.
  [['police'], 'POLICE', 0, true, null],
  // A key no phrase starts with.
  [['police'], 'army units', 0, false, null],
];

test('a phrase starts where its first word fits the case rule, and matches only then', () => {
  for (const [phrases, text, at, starts, matched] of cases) {
    const trie = trieOf(...phrases);
    const view = createTokenView(text);
    assert.equal(trie.starts(view, at), starts, `${phrases.join('|')} starts at ${at} of "${text}"`);
    assert.equal(trie.match(view, at)?.value ?? null, matched, `${phrases.join('|')} matches at ${at} of "${text}"`);
    // The start test never rules out a match.
    if (matched !== null) assert.ok(starts);
  }
});

test('the start test of several tries: any trie may start, plain keys start in any case', () => {
  const starts = new TokenStarts([trieOf('The Hague', 'WHO'), trieOf('militants', 'New York')], ['unidentified']);
  const view = createTokenView('The Hague said the WHO and the militants and Unidentified men in new york');
  const starting = view.tokens.filter((_, i) => starts.has(view, i)).map((t) => t.text);
  assert.deepEqual(starting, ['The', 'WHO', 'militants', 'Unidentified']);
});

// [token, its SHAPE_* bits]
const shapes: ReadonlyArray<readonly [string, number]> = [
  ['Gaza', SHAPE_UPPER | SHAPE_CAPITALISED],
  ['McCarthy', SHAPE_UPPER | SHAPE_CAPITALISED],
  ['Ávila', SHAPE_UPPER | SHAPE_CAPITALISED],
  ['Łódź', SHAPE_UPPER | SHAPE_CAPITALISED],
  ['US', SHAPE_UPPER],
  ['I', SHAPE_UPPER],
  ['É', SHAPE_UPPER],
  ['gaza', 0],
  ['3rd', 0],
  ['’s', 0],
  ['—', 0],
  ['“', 0],
  ['é', 0],
  ['', 0],
];

test('token shapes: a capital first, and a capital then a small letter', () => {
  for (const [text, expected] of shapes) assert.equal(shapeOf(text), expected, text);
  assert.deepEqual([...createTokenView('Gaza US “the').shapes], [3, 1, 0, 0]);
});

test('secondKeys: the words a phrase may go on with, or null where the first word is a phrase of its own', () => {
  const trie = new TokenTrie<string>();
  trie.add('the Taliban', 'taliban');
  trie.add('the Houthis', 'houthis');
  trie.add('Hamas', 'hamas');
  trie.add('Hamas fighters', 'hamas');
  const seconds = trie.secondKeys();
  assert.deepEqual([...(seconds.get('the') ?? [])].sort(), ['houthis', 'taliban']);
  assert.equal(seconds.get('hamas'), null);
  assert.equal(seconds.has('town'), false);
});

test('the actor lexicon starts nothing at a word only longer names begin with, before any other word', () => {
  const lexicon = defaultActorLexicon();
  const taliban = lexicon.startsOnlyBefore.get('the');
  assert.ok(taliban?.has('taliban'));
  // Negatives: a word that is a name of its own, or that starts another reader's phrase, is no such start.
  assert.equal(lexicon.startsOnlyBefore.has('hamas'), false);
  assert.equal(lexicon.startsOnlyBefore.has('army'), false);
});
