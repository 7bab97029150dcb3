/** @module Cases for compiling an actor lexicon: a custom lexicon works end to end, a malformed one fails saying why. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileActorLexicon } from './actor-lexicon.ts';
import { extractActors } from './extract-actors.ts';

const minimal = {
  actors: [{ id: 'blue-guard', name: 'Blue Guard', type: 'armed-group', country: null, aliases: ['Blue Guard', 'BG'] }],
  namedPolice: { heads: ['Police Department'] },
  unnamedGroups: {
    patrons: { Ruritania: 'RU' },
    backing: ['backed'],
    modifiers: ['militant'],
    heads: ['groups'],
    proxyHeads: ['proxies'],
    unidentifiedHeads: ['raiders', 'raider'],
    unidentifiedModifiers: ['masked'],
    needsModifier: ['raider'],
  },
  countries: { RU: { names: ['Ruritania'], demonyms: ['Ruritanian'], government: null, military: 'blue-guard' } },
  titles: { government: ['minister'], military: ['Col.'], police: ['sheriff'], other: ['Dr.'] },
  roles: { words: ['analyst'] },
  speakers: { heads: { official: 'official' } },
};

test('a custom lexicon finds its own actors, groups and people', () => {
  const lexicon = compileActorLexicon(minimal);
  const text = 'The BG and Ruritania-backed militant groups met masked raiders; a raider fled. Ruritanian Col. Ann Vell came.';
  const found = extractActors({ text, published: null }, lexicon).map((mention) => [mention.text, mention.value]);
  assert.deepEqual(found, [
    ['BG', { id: 'blue-guard', name: 'Blue Guard', type: 'armed-group', country: null }],
    ['Ruritania-backed militant groups', { id: null, name: 'Ruritania-backed militant groups', type: 'armed-group', country: 'RU' }],
    ['masked raiders', { id: null, name: 'masked raiders', type: 'unidentified-armed-group', country: null }],
    ['Ruritanian Col. Ann Vell', { name: 'Ann Vell', title: 'Col.', affiliation: 'Blue Guard', actorId: 'blue-guard' }],
  ]);
});

// [change to the minimal lexicon, what the error must say]
const malformed: ReadonlyArray<readonly [Record<string, unknown>, RegExp]> = [
  [{ actors: [{ ...minimal.actors[0], type: 'gang' }] }, /Actor blue-guard has type "gang"; use one of/],
  [{ actors: [{ ...minimal.actors[0], attribution: 'rumour' }] }, /Actor blue-guard has attribution "rumour"/],
  [{ actors: [minimal.actors[0], minimal.actors[0]] }, /Actor id "blue-guard" appears twice/],
  [{ actors: [{ ...minimal.actors[0], aliases: ['Blue Guard', ''] }] }, /non-empty string at actor blue-guard aliases\[1\]/],
  [{ countries: { RU: { ...minimal.countries.RU, military: 'red-guard' } } }, /names actor "red-guard", which the lexicon does not define/],
  [{ speakers: { heads: { official: 'gossip' } } }, /Speaker head "official" has no known kind/],
  [{ titles: { government: ['minister'] } }, /needs a list at titles\.military/],
];

test('a malformed lexicon fails at once, naming the entry', () => {
  for (const [change, message] of malformed) {
    assert.throws(() => compileActorLexicon({ ...minimal, ...change }), message, JSON.stringify(change));
  }
});
