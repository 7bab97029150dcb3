import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameKeys, sharedKeys } from './name-keys.ts';

describe('name keys', () => {
  const cases: Array<[string, string[]]> = [
    ['Keandre Voss, 19, was shot on Friday.', ['keandre voss']],
    ['Police said Marcus T. Ahlgren fired twice.', ['marcus ahlgren']],
    ['Jo-Ann McKinnon-Reyes and Darnell O’Keefe were hurt.', ['jo-ann mckinnon-reyes', 'darnell o’keefe']],
    // Streets and counties tell one story from another; three names in a row give two overlapping pairs.
    ['It happened on Marlow Avenue in Pinellas County.', ['marlow avenue', 'pinellas county']],
    ['Witness Ana Lucia Ferro called 911.', ['witness ana', 'ana lucia', 'lucia ferro']],
    // Titles, institutions, days and page furniture name no one.
    ['Police Chief Dana Ortiz spoke on Monday at the County Courthouse.', ['dana ortiz']],
    ['Sheriff Department officers arrived Saturday Night. Related Stories', []],
    ['Copyright Associated Press. All Rights Reserved.', []],
    ['the shooter fled in a grey sedan', []],
  ];
  for (const [text, expected] of cases) it(`"${text}"`, () => assert.deepEqual(nameKeys(text), expected));

  it('repeats a name once, in order of first appearance', () =>
    assert.deepEqual(nameKeys('Lena Cole was shot. Lena Cole, 30, died. Ray Dunn fled.'), ['lena cole', 'ray dunn']));

  it('counts shared keys', () => {
    assert.equal(sharedKeys(['lena cole', 'marlow avenue', 'ray dunn'], ['ray dunn', 'lena cole']), 2);
    assert.equal(sharedKeys([], ['ray dunn']), 0);
  });
});
