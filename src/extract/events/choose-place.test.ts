import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { choosePlace, documentPlace } from './choose-place.ts';
import { createDocumentFrame } from './document-frame.ts';

const lexicons = loadLexicons();

function placeOf(text: string): string | null {
  const mentions = understand({ text, published: null }, lexicons);
  const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
  return documentPlace(frame)?.place.name ?? null;
}

describe('documentPlace reads a county with no town named as the county', () => {
  const cases: [string, string][] = [
    // The report never says which town: the county is the place, even where one city fills most of it.
    ['A man was shot Sunday in Bibb County, Georgia, deputies said.', 'Bibb County'],
    ['A hunter was shot in Rusk County, Wisconsin, on Saturday.', 'Rusk County'],
    // A town the report names inside the county wins.
    ['Deputies in Harris County, Texas, said the boy was shot in Humble.', 'Humble'],
    // A state named most often stands for the report's town in it.
    ['Kansas officials said the man was shot in Topeka. Kansas law allows it, a Kansas judge said.', 'Topeka'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(placeOf(text), expected));
  }
});

/** The place of an event told by the first sentence, its trigger the first word. */
function eventPlaceOf(text: string): string | null {
  const mentions = understand({ text, published: null }, lexicons);
  const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
  return choosePlace(frame, new Set([0]), [0], documentPlace(frame))?.place.name ?? null;
}

describe('choosePlace reads a county as a town of the report inside it', () => {
  const cases: [string, string][] = [
    // Longview is named more often, but only Tyler lies in Smith County.
    [
      'A man was shot Friday in Smith County, Texas. Longview police helped, and a Longview man was held. The car was later found in Tyler.',
      'Tyler',
    ],
    // Negative: a town of the state named beside the county still wins over the county where none lies in it.
    ['A hunter was shot Saturday in Rusk County, Wisconsin. The sheriff spoke in Madison.', 'Madison'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(eventPlaceOf(text), expected));
  }
});
