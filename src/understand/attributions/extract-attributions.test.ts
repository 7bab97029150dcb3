/** @module Cases for attributions: speakers in every order, kinds, stances and the clause each covers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttributionKind, AttributionStance, MentionOf } from '../../model/mention.ts';
import { extractActors } from '../actors/extract-actors.ts';
import { extractAttributions } from './extract-attributions.ts';

/** [mention text, speaker, speaker span text, kind, cue, stance, scope text] */
type Expected = readonly [string, string, string, AttributionKind, string, AttributionStance, string];

// [text, every attribution in order]
const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
  [
    'The ministry said that 40 people died.',
    [['The ministry said', 'The ministry', 'The ministry', 'official', 'said', 'asserted', '40 people died']],
  ],
  [
    'Forty people died in the raid, a senior army official said.',
    [
      [
        'a senior army official said',
        'a senior army official',
        'a senior army official',
        'official',
        'said',
        'asserted',
        'Forty people died in the raid',
      ],
    ],
  ],
  [
    'Forty people died in the raid, said a local police spokesman.',
    [
      [
        'said a local police spokesman',
        'a local police spokesman',
        'a local police spokesman',
        'official',
        'said',
        'asserted',
        'Forty people died in the raid',
      ],
    ],
  ],
  [
    'According to the health ministry, 12 civilians were killed.',
    [
      [
        'According to the health ministry',
        'the health ministry',
        'the health ministry',
        'official',
        'According to',
        'asserted',
        '12 civilians were killed',
      ],
    ],
  ],
  [
    'Hamas killed 300 people and took 20 hostages, according to Israeli statistics.',
    [
      [
        'according to Israeli statistics',
        'Israeli statistics',
        'Israeli statistics',
        'statistics',
        'according to',
        'asserted',
        'Hamas killed 300 people and took 20 hostages',
      ],
    ],
  ],
  [
    'Shelling hit the town, whose clinic has treated 30 wounded people, according to the Gaza health ministry.',
    [
      [
        'according to the Gaza health ministry',
        'the Gaza health ministry',
        'the Gaza health ministry',
        'statistics',
        'according to',
        'asserted',
        'whose clinic has treated 30 wounded people',
      ],
    ],
  ],
  [
    'The spokesman told reporters that two soldiers were hurt.',
    [['The spokesman told', 'The spokesman', 'The spokesman', 'official', 'told', 'asserted', 'two soldiers were hurt']],
  ],
  [
    'The agency had disclosed last week that 21 staff members left.',
    [['The agency had disclosed', 'The agency', 'The agency', 'official', 'disclosed', 'asserted', '21 staff members left']],
  ],
  [
    'The minister denied that troops had fired on the crowd.',
    [['The minister denied', 'The minister', 'The minister', 'official', 'denied', 'denied', 'troops had fired on the crowd']],
  ],
  [
    'Hamas claimed that its fighters shot down a drone.',
    [['Hamas claimed', 'Hamas', 'Hamas', 'official', 'claimed', 'reported-unconfirmed', 'its fighters shot down a drone']],
  ],
  [
    'Officials are looking into reports from residents that a market was shelled.',
    [['reports from residents', 'residents', 'residents', 'witness', 'reports from', 'reported-unconfirmed', 'a market was shelled']],
  ],
  [
    'Jane Roe, an analyst at the Atlantic Council, said the risk was growing.',
    [
      [
        'Jane Roe, an analyst at the Atlantic Council, said',
        'Jane Roe',
        'Jane Roe, an analyst at the Atlantic Council',
        'expert',
        'said',
        'asserted',
        'the risk was growing',
      ],
    ],
  ],
  [
    'A senior defense official said the base was hit. The official said no one died. She said repairs began.',
    [
      [
        'A senior defense official said',
        'A senior defense official',
        'A senior defense official',
        'official',
        'said',
        'asserted',
        'the base was hit',
      ],
      ['The official said', 'A senior defense official', 'A senior defense official', 'official', 'said', 'asserted', 'no one died'],
      ['She said', 'A senior defense official', 'A senior defense official', 'official', 'said', 'asserted', 'repairs began'],
    ],
  ],
  [
    'Two drones struck the base on Friday, the report said.',
    [['the report said', 'the report', 'the report', 'report', 'said', 'asserted', 'Two drones struck the base on Friday']],
  ],
  [
    'Hamas said 50 people died. The figure could not be independently verified.',
    [['Hamas said', 'Hamas', 'Hamas', 'official', 'said', 'reported-unconfirmed', '50 people died']],
  ],
  [
    'The strike — which the army said caused no casualties — drew protests.',
    [['the army said', 'the army', 'the army', 'official', 'said', 'asserted', 'caused no casualties']],
  ],
  [
    '“We will respond,” the minister said.',
    [['the minister said', 'the minister', 'the minister', 'official', 'said', 'asserted', '“We will respond,”']],
  ],
  [
    'Police reportedly arrested two men.',
    [
      [
        'reportedly',
        'reportedly',
        'reportedly',
        'unattributed',
        'reportedly',
        'reported-unconfirmed',
        'Police reportedly arrested two men',
      ],
    ],
  ],
];

// Speech words that attribute nothing.
const negatives: readonly string[] = [
  'Officers towed the said vehicle.',
  'The reported attack killed five.',
  'Regarding claims of fraud, the court ruled.',
  'There were 5 confirmed cases.',
  'He denied.',
];

function summarise(text: string): Expected[] {
  const input = { text, published: null };
  return extractAttributions(input, extractActors(input)).map((mention) => {
    const slice = (span: { start: number; end: number }): string => text.slice(span.start, span.end);
    assert.equal(slice(mention.span), mention.text);
    const { speaker, speakerSpan, kind, cue, stance, scope } = mention.value;
    return [mention.text, speaker, slice(speakerSpan), kind, cue, stance, slice(scope)];
  });
}

test('finds who says what, with kind, stance and scope', () => {
  for (const [text, expected] of cases) assert.deepEqual(summarise(text), expected, text);
});

test('finds no attribution in speech words that attribute nothing', () => {
  for (const text of negatives) assert.deepEqual(summarise(text), [], text);
});

test('names the pattern that found each attribution', () => {
  const text = 'Ten died, said a medic. A medic said two more died. Five fled, according to police.';
  const input = { text, published: null };
  assert.deepEqual(
    extractAttributions(input, extractActors(input)).map((mention) => mention.rule),
    ['attribution/clause-said-speaker', 'attribution/speaker-said-clause', 'attribution/according-to'],
  );
});

test('lets a place that speaks for its government be the speaker', () => {
  const text = 'Kabul said the border was closed.';
  const kabul: MentionOf<'place'> = {
    kind: 'place',
    span: { start: 0, end: 5 },
    text: 'Kabul',
    value: { name: 'Kabul', country: 'AF', admin1: null, lat: 34.53, lon: 69.17, precision: 1, geonameId: 1138958, metonymic: true },
    rule: 'place/metonym',
    confidence: 0.8,
  };
  const input = { text, published: null };
  const kinds = (found: readonly MentionOf<'place'>[]) =>
    extractAttributions(input, found).map((mention) => [mention.value.speaker, mention.value.kind]);
  assert.deepEqual(kinds([kabul]), [['Kabul', 'official']]);
  assert.deepEqual(kinds([]), [['Kabul', 'unattributed']]);
});
