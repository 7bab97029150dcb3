/** @module Cases for the event-coding dictionaries in the actor lexicon: their groups and agent nouns, and where they must not match. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, test } from 'node:test';
import { caseProfile } from '../case/case-profile.ts';
import { loadLexicons, understand } from '../understand.ts';
import { compileActorLexicon } from './actor-lexicon.ts';
import { extractActors } from './extract-actors.ts';

const lexicons = loadLexicons();

/** The actor mentions of a text we write, read as the pipeline reads it, as [text, id, name, type, country]. */
function actorsOf(raw: string): Array<[string, string | null, string, string, string | null]> {
  const text = caseProfile({ text: raw }, lexicons.gazetteer).text;
  return understand({ text, published: null }, lexicons).flatMap((m) =>
    m.kind === 'actor'
      ? [[m.text, m.value.id, m.value.name, m.value.type, m.value.country] as [string, string | null, string, string, string | null]]
      : [],
  );
}

describe('dictionary groups and agent nouns', () => {
  const cases: Array<[string, Array<[string, string | null, string, string, string | null]>]> = [
    // A dictionary group, with its CAMEO kind and country.
    [
      'The Tupac Katari Guerrilla Army bombed a pylon.',
      [['Tupac Katari Guerrilla Army', 'cameo-tupac-katari-guerrilla-army', 'Tupac Katari Guerrilla Army', 'armed-group', 'BO']],
    ],
    // Capital-letter copy still matches, through the re-cased text.
    [
      'THE TUPAC KATARI GUERRILLA ARMY BOMBED A PYLON NEAR LA PAZ.',
      [['Tupac Katari Guerrilla Army', 'cameo-tupac-katari-guerrilla-army', 'Tupac Katari Guerrilla Army', 'armed-group', 'BO']],
    ],
    // The hand lexicon wins over the dictionary's entry for the same group.
    ['The Shining Path blew up a bridge.', [['Shining Path', 'shining-path', 'Shining Path', 'designated-terrorist-group', 'PE']]],
    // Agent nouns: a nationality gives the country; the name is the text's.
    ['The Honduran armed forces moved north.', [['Honduran armed forces', null, 'Honduran armed forces', 'state-forces', 'HN']]],
    [
      'THE ARMY SAID THE NATIONAL POLICE ARRESTED HIM IN THE CAPITAL YESTERDAY.',
      [
        ['army', null, 'army', 'state-forces', null],
        ['national police', null, 'national police', 'police', null],
      ],
    ],
    // Groups of today the hand lexicon names.
    [
      'M23 and JNIM fighters met Wagner mercenaries.',
      [
        ['M23', 'm23', 'M23', 'armed-group', 'CD'],
        ['JNIM', 'jnim', "Jama'at Nusrat al-Islam wal-Muslimin", 'designated-terrorist-group', 'ML'],
        ['Wagner mercenaries', 'wagner', 'Wagner Group', 'armed-group', 'RU'],
      ],
    ],
    // A body no lexicon knows, by the shape of its name.
    [
      "THE KALIMBERO PEOPLE'S LIBERATION FRONT BOMBED A PYLON NEAR THE BORDER.",
      [["Kalimbero people's liberation front", null, "Kalimbero people's liberation front", 'armed-group', null]],
    ],
    // The Honduran group the hand lexicon names, also by its short name in quote marks.
    [
      'COMMANDOS OF THE "CINCHONERO" FRONT BOMBED A PYLON.',
      [['Cinchonero', 'cinchoneros', 'Cinchonero Popular Liberation Movement', 'armed-group', 'HN']],
    ],
    [
      'Troops of the Atlacatl Battalion and the Christian Democratic Party.',
      [
        ['Atlacatl Battalion', null, 'Atlacatl Battalion', 'state-forces', null],
        ['Christian Democratic Party', null, 'Christian Democratic Party', 'political-party', null],
      ],
    ],
    // A word for its members makes a bare agent noun the body: "army troops", "armed forces personnel".
    [
      'Army troops and armed forces personnel searched the town.',
      [
        ['Army', null, 'Army', 'state-forces', null],
        ['armed forces', null, 'armed forces', 'state-forces', null],
      ],
    ],
    // A nationality before a lexicon name is not the country's army.
    [
      'The Colombian Army of National Liberation blew up the pipeline.',
      [['Army of National Liberation', 'eln', 'National Liberation Army (Colombia)', 'armed-group', 'CO']],
    ],
    [
      'The Extraditables are not the Medellin cartel.',
      [
        ['The Extraditables', 'extraditables', 'The Extraditables', 'armed-group', 'CO'],
        ['Medellin cartel', 'medellin-cartel', 'Medellin Cartel', 'armed-group', 'CO'],
      ],
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(actorsOf(text), expected));
  }
});

describe('what the dictionaries must not make an actor', () => {
  const cases: string[] = [
    // Bare or counted agent nouns, and agent words used as adjectives.
    'More troops were sent and two soldiers were hurt.',
    // A member word with no agent noun before it, or a counted agent noun, is no body.
    'Two soldiers and some personnel were hurt. Several members left.',
    'A military base and an infantry school were hit.',
    // Common words and phrases written like names at the start of a sentence.
    'Resistance was strong. Struggle went on. Action followed.',
    // People the dictionaries file under their group: members are not the group.
    'Hambali and Dulmatin were named in the file.',
    // Capitals at a sentence's start or after a title make no body's name.
    'Members of the national front met. Mr. Smith Front was there.',
    // A broadcaster that shares a group's name.
    'RADIO VENCEREMOS REPORTED THE NEWS TODAY.',
  ];
  for (const text of cases) {
    it(text, () => assert.deepEqual(actorsOf(text), []));
  }
});

test('the dictionary file records its source and licence, and holds no one-word common English name', () => {
  const data = JSON.parse(readFileSync(new URL('../../../data/actor-dictionary.json', import.meta.url), 'utf8')) as {
    source: { repository: string; licence: string; commit: string };
    groups: Array<[string, string, string, string | null, string, string[]]>;
    agents: Array<[string, string, string]>;
  };
  assert.equal(data.source.licence, 'MIT');
  assert.match(data.source.repository, /petrarch2/);
  assert.match(data.source.commit, /^[0-9a-f]{40}$/);
  assert.ok(data.groups.length > 500 && data.agents.length > 100);
  const aliases = data.groups.flatMap((g) => g[5]);
  for (const common of ['Resistance', 'Action', 'Struggle', 'Falcon', 'Muhammed']) assert.ok(!aliases.includes(common), common);
  for (const agent of data.agents) assert.ok(!/^(chief|commander|head)\b|insurgency$/.test(agent[0]), agent[0]);
});

test('a dictionary adds groups and agent nouns to a lexicon, and yields to the hand entries', () => {
  const hand = {
    actors: [{ id: 'blue-guard', name: 'Blue Guard', type: 'armed-group', country: null, aliases: ['Blue Guard', 'BG'] }],
    namedPolice: { heads: ['Police Department'] },
    unnamedGroups: {
      patrons: {},
      backing: ['backed'],
      modifiers: [],
      heads: ['groups'],
      proxyHeads: ['proxies'],
      unidentifiedHeads: ['raiders'],
      unidentifiedModifiers: ['masked'],
      needsModifier: [],
    },
    countries: {},
    titles: { government: [], military: [], police: [], other: [] },
    roles: { words: [] },
    speakers: { heads: {} },
  };
  const dictionary = {
    groups: [
      ['cameo-blue-guard', 'Blue Guard', 'armed-group', 'RU', 'RUSREB', ['Blue Guard', 'Azure Guard']],
      ['cameo-red-hand', 'Red Hand Front', 'armed-group', 'RU', 'RUSREB', ['Red Hand Front', 'RHF']],
    ],
    agents: [['coast guard', 'state-forces', '~MIL']],
  };
  const lexicon = compileActorLexicon(hand, dictionary, { demonyms: { RU: ['Ruritanian'] } });
  const found = extractActors(
    { text: 'The RHF met the Azure Guard, the BG and the Ruritanian coast guard.', published: null },
    lexicon,
  ).map((m) => (m.kind === 'actor' ? [m.text, m.value.id, m.value.country] : [m.text]));
  assert.deepEqual(found, [
    ['RHF', 'cameo-red-hand', 'RU'],
    ['BG', 'blue-guard', null],
    ['Ruritanian coast guard', null, 'RU'],
  ]);
  assert.throws(() => compileActorLexicon(hand, { groups: [['x', 'X', 'club', null, 'X', ['X']]], agents: [] }), /kind "club"/);
});
