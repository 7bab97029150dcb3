import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { documentPlace } from './choose-place.ts';
import { createDocumentFrame } from './document-frame.ts';

const lexicons = loadLexicons();

function placeOf(text: string): string | null {
  const mentions = understand({ text, published: null }, lexicons);
  const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
  return documentPlace(frame)?.place.name ?? null;
}

describe('documentPlace reads a county with no town named', () => {
  const cases: [string, string][] = [
    // A county whose seat is its biggest town and a city: the report means the city.
    ['A man was shot Sunday in Bibb County, Georgia, deputies said.', 'Macon'],
    ['Two people were hurt in a shooting in Travis County, Texas, on Friday.', 'Austin'],
    // A rural county keeps its own name.
    ['A hunter was shot in Rusk County, Wisconsin, on Saturday.', 'Rusk County'],
    // A town the report names wins over the seat.
    ['Deputies in Harris County, Texas, said the boy was shot in Humble.', 'Humble'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(placeOf(text), expected));
  }
});
