/** @module Table tests of the place-name key. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeKey } from './place-key.ts';

describe('placeKey', () => {
  const cases: [string, string][] = [
    ['Baghdad', 'baghdad'],
    ['Deir ez-Zor', 'deir ez zor'],
    ['Deir-ez-zor', 'deir ez zor'],
    ['U.S.', 'us'],
    ['St. Louis', 'st louis'],
    ["Ma'an", 'maan'],
    ['Ālbū Kamāl', 'albu kamal'],
    ['Kraków', 'krakow'],
    ['Łódź', 'lodz'],
    ['  Gulf   of Aden ', 'gulf of aden'],
    ['Coeur d’Alene', 'coeur dalene'],
  ];
  for (const [name, key] of cases) it(`${name} -> ${key}`, () => assert.equal(placeKey(name), key));

  const different: [string, string][] = [
    ['Georgia', 'Georgian'],
    ['Niger', 'Nigeria'],
    ['Al Asad', 'Asad'],
  ];
  for (const [a, b] of different) it(`${a} and ${b} stay apart`, () => assert.notEqual(placeKey(a), placeKey(b)));
});
