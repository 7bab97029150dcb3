import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons } from '../understand.ts';
import { caseLexiconFor } from './case-lexicon.ts';
import { isCapitalCopy, restoreCase } from './restore-case.ts';

const lexicon = caseLexiconFor(loadLexicons().gazetteer);

describe('isCapitalCopy', () => {
  const capitals: string[] = [
    'GUNMEN OPENED FIRE ON A BUS NEAR THE MARKET IN SAN MIGUEL ON TUESDAY, KILLING FOUR PASSENGERS.',
    // Mostly capitals: a few words in mixed case do not change the profile.
    'POLICE SAID THE BOMB WENT OFF OUTSIDE THE Ministry OF Defence BUILDING AT DAWN, WOUNDING TWO GUARDS.',
  ];
  const mixed: string[] = [
    'Gunmen opened fire on a bus near the market in San Miguel on Tuesday, killing four passengers.',
    // A shouted headline above a mixed-case body.
    'BREAKING: BUS ATTACKED\n\nGunmen opened fire on a bus near the market in San Miguel on Tuesday, killing four passengers and wounding eleven.',
    // Too short to tell.
    'UN IN GAZA',
  ];
  for (const text of capitals) it(`capitals: ${text.slice(0, 40)}`, () => assert.equal(isCapitalCopy(text), true));
  for (const text of mixed) it(`not capitals: ${text.slice(0, 40)}`, () => assert.equal(isCapitalCopy(text), false));
});

describe('restoreCase', () => {
  const cases: Array<[string, string]> = [
    ['TROOPS ENTERED THE TOWN AT DAWN.', 'Troops entered the town at dawn.'],
    // Multi-word places as the gazetteer writes them; connectors inside a name stay small.
    ['A BOMB EXPLODED IN SAN SALVADOR.', 'A bomb exploded in San Salvador.'],
    ['THE REBELS CROSSED INTO EL SALVADOR FROM HONDURAS.', 'The rebels crossed into El Salvador from Honduras.'],
    // Countries that are also common words; nationalities.
    ['THE PERUVIAN ARMY SAID TURKEY SENT AID.', 'The Peruvian army said Turkey sent aid.'],
    // Unknown words are names; short unknown ones and those with no vowel stay acronyms.
    ['GUERRILLAS OF THE FMLN AMBUSHED A PATROL NEAR ZACATECOLUCA.', 'Guerrillas of the FMLN ambushed a patrol near Zacatecoluca.'],
    // Inflections of common words are common words; a possessive stays small.
    ["THE SOLDIERS MASSACRED THE VILLAGE'S ELDERS.", "The soldiers massacred the village's elders."],
    // "U.S." and a title's full stop end no sentence.
    ['THE U.S. EMBASSY CONFIRMED IT. MR. ROSALES LEFT.', 'The U.S. embassy confirmed it. Mr. Rosales left.'],
    // A dash inside a sentence opens nothing; a bracketed note at the start of a paragraph does.
    ['[TEXT] THE MAN--A FARMER--WAS SHOT.', '[Text] The man--a farmer--was shot.'],
    // Words already in mixed case are left as written.
    ['THE ATTACK ON Kyiv LEFT TWO DEAD.', 'The attack on Kyiv left two dead.'],
    // A wire dateline's place stays in capitals, as wire copy writes it in mixed case too; the rest is re-cased.
    ['LA PAZ, 20 DEC 89 (EFE) -- [TEXT] A BOMB EXPLODED.', 'LA PAZ, 20 Dec 89 (EFE) -- [Text] A bomb exploded.'],
    ['MANAGUA (NICARAGUA), 17 JUN 89 -- THE ARMY SAID.', 'MANAGUA (Nicaragua), 17 Jun 89 -- The army said.'],
    ['SAN SALVADOR (EFE) -- TROOPS ARRIVED.', 'SAN SALVADOR (EFE) -- Troops arrived.'],
    // A given name that is also a word opens a name before a word that is none; before a common word it stays a word.
    ['POLICE SEEK HECTOR DELGADO IN LIMA.', 'Police seek Hector Delgado in Lima.'],
    ['THEY WILL HECTOR THE JUDGE.', 'They will hector the judge.'],
    // Names of six words or more are names whole.
    [
      'TERRORISTS FROM THE ZARATE WILKA ARMED FORCES OF LIBERATION FLED.',
      'Terrorists from the Zarate Wilka Armed Forces of Liberation fled.',
    ],
  ];
  for (const [text, expected] of cases)
    it(text, () => {
      const restored = restoreCase(text, lexicon);
      assert.equal(restored, expected);
      assert.equal(restored.length, text.length);
    });
  // What must not become a name: common words that are also towns somewhere, or a one-word actor that is a word.
  const negatives: Array<[string, string]> = [
    ['THEY MET IN A NICE HOUSE NEAR THE CAPITAL.', 'They met in a nice house near the capital.'],
    ['WHO WAS READING THE PAPER?', 'Who was reading the paper?'],
    // A comma and a count after the opening words is no dateline.
    ['THE ARMY SAID, 12 SOLDIERS DIED.', 'The army said, 12 soldiers died.'],
  ];
  for (const [text, expected] of negatives) it(`negative: ${text}`, () => assert.equal(restoreCase(text, lexicon), expected));
});
