/** @module Cases for actor and person extraction: lexicon names, unnamed groups, people by title, description and surname. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActorValue, MentionOf, PersonValue } from '../../model/mention.ts';
import { extractActors } from './extract-actors.ts';

/** What one mention must be: its kind, its text, and its value. */
type Expected = readonly ['actor', string, ActorValue] | readonly ['person', string, PersonValue];

const actor = (id: string | null, name: string, type: ActorValue['type'], country: string | null): ActorValue => ({
  id,
  name,
  type,
  country,
});
const HAMAS = actor('hamas', 'Hamas', 'designated-terrorist-group', 'PS');
const POLICE = actor('police', 'police', 'police', null);
const US_FORCES = actor('us-forces', 'U.S. forces', 'state-forces', 'US');
const ISIS = actor('isis', 'Islamic State', 'designated-terrorist-group', null);
const KATAIB = actor('kataib-hezbollah', "Kata'ib Hezbollah", 'designated-terrorist-group', 'IQ');
const GUNMAN = actor('gunman', 'gunman', 'individual', null);
const MARTINI: PersonValue = {
  name: 'Jeffrey Martini',
  title: 'senior defense researcher',
  affiliation: 'RAND',
  actorId: 'rand',
};

// [text, every actor and person mention in order]
const cases: ReadonlyArray<readonly [string, readonly Expected[]]> = [
  ['Hamas fighters crossed the fence.', [['actor', 'Hamas', HAMAS]]],
  [
    'Police said the gunman fled.',
    [
      ['actor', 'Police', POLICE],
      ['actor', 'gunman', GUNMAN],
    ],
  ],
  [
    'Kata’ib Hizballah and Kataib Hezbollah are one group.',
    [
      ['actor', 'Kata’ib Hizballah', KATAIB],
      ['actor', 'Kataib Hezbollah', KATAIB],
    ],
  ],
  ['Fighters of the Islamic State of Iraq and the Levant retreated.', [['actor', 'Islamic State of Iraq and the Levant', ISIS]]],
  [
    'U.S. and coalition forces were hit by Iran-backed groups.',
    [
      ['actor', 'U.S. and coalition forces', US_FORCES],
      ['actor', 'Iran-backed groups', actor(null, 'Iran-backed groups', 'armed-group', 'IR')],
    ],
  ],
  [
    'Iranian-backed militias and Iranian proxies struck again.',
    [
      ['actor', 'Iranian-backed militias', actor(null, 'Iranian-backed militias', 'armed-group', 'IR')],
      ['actor', 'Iranian proxies', actor(null, 'Iranian proxies', 'armed-group', 'IR')],
    ],
  ],
  [
    'Militants shelled the town before an unidentified gunman and armed men fled.',
    [
      ['actor', 'Militants', actor(null, 'Militants', 'unidentified-armed-group', null)],
      ['actor', 'unidentified gunman', actor(null, 'unidentified gunman', 'unidentified-armed-group', null)],
      ['actor', 'armed men', actor(null, 'armed men', 'unidentified-armed-group', null)],
    ],
  ],
  [
    'Extreme rightist groups and a drug trafficking criminal organization were blamed, not the drug mafias.',
    [
      ['actor', 'Extreme rightist groups', actor(null, 'Extreme rightist groups', 'unidentified-armed-group', null)],
      [
        'actor',
        'drug trafficking criminal organization',
        actor(null, 'drug trafficking criminal organization', 'unidentified-armed-group', null),
      ],
      ['actor', 'drug mafias', actor(null, 'drug mafias', 'unidentified-armed-group', null)],
    ],
  ],
  // Words of a group's politics or trade alone are no group.
  ['Drug prices rose and rightist voters stayed home.', []],
  [
    'The Hamas-run health ministry gave a new toll.',
    [['actor', 'Hamas-run health ministry', actor('gaza-health-ministry', 'Gaza health ministry', 'government', 'PS')]],
  ],
  ['Tehran says it had no part in the raid.', [['actor', 'Tehran', actor('iranian-government', 'Iranian government', 'government', 'IR')]]],
  [
    'The Pentagon and CENTCOM confirmed the strike.',
    [
      ['actor', 'Pentagon', actor('dod', 'Department of Defense', 'government', 'US')],
      ['actor', 'CENTCOM', actor('centcom', 'U.S. Central Command', 'state-forces', 'US')],
    ],
  ],
  [
    'The Springfield Police Department released a statement.',
    [['actor', 'Springfield Police Department', actor('police', 'Springfield Police Department', 'police', null)]],
  ],
  [
    'Secretary of Defense Lloyd Austin ordered more troops.',
    [
      [
        'person',
        'Secretary of Defense Lloyd Austin',
        { name: 'Lloyd Austin', title: 'Secretary of Defense', affiliation: null, actorId: null },
      ],
    ],
  ],
  [
    'Defense Secretary Lloyd Austin spoke first.',
    [['person', 'Defense Secretary Lloyd Austin', { name: 'Lloyd Austin', title: 'Defense Secretary', affiliation: null, actorId: null }]],
  ],
  [
    'Gen. Michael Erik Kurilla landed in Amman.',
    [['person', 'Gen. Michael Erik Kurilla', { name: 'Michael Erik Kurilla', title: 'Gen.', affiliation: null, actorId: null }]],
  ],
  [
    'General Michael Eric Kurilla, commander of U.S. Central Command, flew in.',
    [
      [
        'person',
        'General Michael Eric Kurilla, commander of U.S. Central Command',
        { name: 'Michael Eric Kurilla', title: 'General', affiliation: 'U.S. Central Command', actorId: 'centcom' },
      ],
    ],
  ],
  [
    'President Joe Biden spoke on Sunday.',
    [['person', 'President Joe Biden', { name: 'Joe Biden', title: 'President', affiliation: null, actorId: null }]],
  ],
  [
    'Israeli Prime Minister Benjamin Netanyahu spoke on Sunday.',
    [
      [
        'person',
        'Israeli Prime Minister Benjamin Netanyahu',
        {
          name: 'Benjamin Netanyahu',
          title: 'Prime Minister',
          affiliation: 'Israeli government',
          actorId: 'israeli-government',
        },
      ],
    ],
  ],
  [
    'Pentagon spokesman Brig. Gen. Pat Ryder briefed reporters.',
    [
      [
        'person',
        'Pentagon spokesman Brig. Gen. Pat Ryder',
        { name: 'Pat Ryder', title: 'spokesman Brig. Gen.', affiliation: 'Department of Defense', actorId: 'dod' },
      ],
    ],
  ],
  [
    'Sheriff John Smith and Officer Jane Doe arrived.',
    [
      ['person', 'Sheriff John Smith', { name: 'John Smith', title: 'Sheriff', affiliation: null, actorId: null }],
      ['person', 'Officer Jane Doe', { name: 'Jane Doe', title: 'Officer', affiliation: null, actorId: null }],
    ],
  ],
  [
    'Jeffrey Martini, a senior defense researcher at RAND, disagreed. Later Martini said more.',
    [
      ['person', 'Jeffrey Martini, a senior defense researcher at RAND', MARTINI],
      ['person', 'Martini', MARTINI],
    ],
  ],
  [
    'Jon Alterman, director of the Middle East Program at the Center for Strategic and International Studies, wrote it.',
    [
      [
        'person',
        'Jon Alterman, director of the Middle East Program at the Center for Strategic and International Studies',
        {
          name: 'Jon Alterman',
          title: 'director of the Middle East Program',
          affiliation: 'Center for Strategic and International Studies',
          actorId: 'csis',
        },
      ],
    ],
  ],
];

// [text, what must not come out of it]
const negatives: ReadonlyArray<readonly [string, readonly Expected[]]> = [
  ['Lower-case hamas is not the group.', []],
  ['The president decides when to act.', []],
  ['The Secretary of Defense ordered more troops.', []],
  ['General Motors recalled its trucks.', []],
  ['He lived in Tehran for years.', []],
  ['Iranian-backed militant attacks rose.', []],
  ['The suspected vehicle was towed.', []],
  ['Iraq, a country of farmers, voted.', []],
  ['Hamas militants crossed.', [['actor', 'Hamas', HAMAS]]],
  [
    'The Washington Post reported it from Washington, D.C.',
    [['actor', 'Washington Post', actor('washington-post', 'Washington Post', 'media', 'US')]],
  ],
  ['CENTCOM commander visits partners', [['actor', 'CENTCOM', actor('centcom', 'U.S. Central Command', 'state-forces', 'US')]]],
];

function summarise(text: string): Expected[] {
  return extractActors({ text, published: null }).map((mention: MentionOf<'actor'> | MentionOf<'person'>) => {
    assert.equal(text.slice(mention.span.start, mention.span.end), mention.text, `span of ${mention.text}`);
    return mention.kind === 'actor' ? ['actor', mention.text, mention.value] : ['person', mention.text, mention.value];
  });
}

test('finds actors and people with their values and spans', () => {
  for (const [text, expected] of cases) assert.deepEqual(summarise(text), expected, text);
});

test('does not find actors or people where there are none', () => {
  for (const [text, expected] of negatives) assert.deepEqual(summarise(text), expected, text);
});

test('marks how each mention was found', () => {
  const rules = extractActors({
    text: 'Tehran says Iran-backed groups and Officer Jane Doe met Hamas. Doe left.',
    published: null,
  }).map((mention) => mention.rule);
  assert.deepEqual(rules, ['actor/metonym', 'actor/unnamed-group', 'person/title-name', 'actor/lexicon', 'person/surname']);
});
