/** @module Tests of targets: described and titled phrases, which of them an event hits, and the dead its counted victims give. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event, EventActor } from '../../model/event.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { createDocumentFrame } from './document-frame.ts';
import { extractEvents } from './extract-events.ts';
import { findTargetPhrases } from './find-target-phrases.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** The phrases of a text we write as "name|kind|count|described", read through the real understanding stage. */
function phrasesOf(text: string): string[] {
  const frame = createDocumentFrame({ documentId: 'doc', text, published }, understand({ text, published }, lexicons));
  return findTargetPhrases(frame).map((p) => describeActor(p.actor));
}

function describeActor(a: EventActor): string {
  return `${a.name}|${a.kind ?? ''}|${a.count ?? ''}|${a.described ? 'described' : 'named'}`;
}

/** The most salient violent event of a text we write. */
function mainEvent(text: string): Event | undefined {
  const mentions = understand({ text, published }, lexicons);
  return extractEvents({ documentId: 'doc', text, published }, mentions)
    .filter((e) => e.type === 'ASSAULT' || e.type === 'DEATH')
    .sort((a, b) => b.salience - a.salience)[0];
}

describe('target phrases', () => {
  const cases: Array<[string, string[]]> = [
    ['Gunmen set fire to three delivery trucks on Monday.', ['three delivery trucks|object|3|described']],
    // A count with a possessive before it; a singular noun counts one.
    ['Rebels seized a judge and her two bodyguards.', ['judge|person|1|described', 'her two bodyguards|group|2|described']],
    // A title and a name are one named person.
    ['Attorney Lucia Mendez was shot near her office.', ['Attorney Lucia Mendez|person|1|named', 'her office|object|1|described']],
    // A number inside a hyphenated modifier is an age, not a count; the possessor is inside the phrase.
    ["The farmer's 12-year-old son was hurt.", ["farmer's 12-year-old son|person|1|described"]],
    // Names in apposition after a description of people, each a person with no count of its own.
    [
      'They wounded two teachers, Ana Ruiz and Pablo Vidal, at dawn.',
      ['two teachers|group|2|described', 'Ana Ruiz|person||named', 'Pablo Vidal|person||named'],
    ],
    // Compound heads: the last noun names the kind; a plural without a number has no count.
    [
      'Mortars fell on the bus station and on several warehouses.',
      ['bus station|object|1|described', 'several warehouses|object||described'],
    ],
    // A count in hyphenated words or with thousands separators.
    ['Twenty-six men and 1,200 farmers fled.', ['Twenty-six men|group|26|described', '1,200 farmers|group|1200|described']],
    // "of" and a name extend the phrase.
    ['Bombs hit the offices of the Farmers Union overnight.', ['offices of the Farmers Union|object||described']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(phrasesOf(text), expected));

  const negatives: Array<[string, string]> = [
    // A verb in -ed before a noun with no determiner is the verb's, not the noun's.
    ['Saboteurs toppled power pylons outside the city.', 'toppled power pylons'],
    // A weekday after a noun for people is no name.
    ['Police questioned a driver Tuesday about the crash.', 'driver Tuesday'],
    // Perpetrators are no kind of victim.
    ['Gunmen fled in a stolen car.', 'Gunmen'],
    // "as well" is an adverb, no well.
    ['The talks went on as well.', 'well'],
  ];
  for (const [text, name] of negatives)
    it(`negative: ${text}`, () => assert.ok(!phrasesOf(text).some((p) => p.startsWith(`${name}|`)), JSON.stringify(phrasesOf(text))));
});

describe('what an event hits', () => {
  const cases: Array<[string, string[]]> = [
    ['Rebels blew up two electricity pylons and a bridge east of the capital on Sunday.', ['two electricity pylons', 'bridge']],
    ['The consulate of Norway was bombed on Friday night.', ['consulate of Norway']],
    // "of X" after a noun trigger, with an apposition and a coordination.
    ['The murder of the rector, Felipe Soto, and four other monks shocked the valley.', ['rector', 'Felipe Soto', 'four other monks']],
    // The possessor of a killing noun is its victim.
    ["The senator's murder shocked the capital.", ['senator']],
    // What a blast goes off in is what it hits; what a happening went on to hit is hit.
    ['A bomb exploded in a crowded cafe on Friday.', ['crowded cafe']],
    ['Gunmen attacked a bus near the border, killing five passengers.', ['bus', 'five passengers']],
    ['An airstrike destroyed a grain warehouse near the river on Sunday.', ['grain warehouse']],
    // A killing noun makes a name its victim's, however short; a participle after a noun with no object is passive.
    ["Garza's murder shocked the town on Monday.", ['Garza']],
    ['The widow of the mayor murdered in the capital spoke on Monday.', ['mayor']],
    // A relative clause tells of the person before it.
    ['Police found the union leader Marta Lenz, who was kidnapped on Monday.', ['Marta Lenz']],
    ['Police found the rector of the seminary, who was kidnapped on Monday.', ['rector']],
    // A blast hits what it goes off beside: near, outside, in front of.
    ['A bomb went off near the embassy on Friday.', ['embassy']],
    ['A car bomb exploded in front of the bank at dawn.', ['bank']],
    // Machine-gunning and dynamiting are attacks on what they name.
    ['The home of the deputy minister was machinegunned from a passing car.', ['deputy minister']],
    ['Rebels dynamited the pipeline near the border on Sunday.', ['pipeline']],
    // Those said to be with a victim or among the victims were hit too; a name given as "identified as" is a person's.
    ['Gunmen kidnapped the bishop along with his secretary on Sunday.', ['bishop', 'his secretary']],
    ['Rebels killed ten miners, including a union leader, on Sunday.', ['ten miners', 'union leader']],
    ['A vendor, identified as Maria del Carmen Rojas, was killed on Monday.', ['Maria del Carmen Rojas']],
  ];
  for (const [text, expected] of cases)
    it(text, () => {
      const event = mainEvent(text);
      assert.ok(event, 'no event');
      const names = event.target.map((t) => t.name);
      for (const name of expected) assert.ok(names.includes(name), `target ${name} missing from ${JSON.stringify(names)}`);
    });

  const negatives: Array<[string, string]> = [
    // Where a killing happened is not what it hit.
    ['Three nuns were murdered on the road to the mission on Sunday.', 'road'],
    ['Soldiers massacred six farmers at the school on Sunday.', 'school'],
    // Whoever speaks of the attack is no target of it.
    ['The minister said the attack on the port was planned abroad.', 'minister'],
    // "Hamas's attack": the possessor of an attack did it.
    ["Hamas's attack on the border post killed two soldiers.", 'Hamas'],
    // Near a killing is where it happened, not what it hit.
    ['Gunmen shot two farmers near the school on Sunday.', 'school'],
    // "with" alone is no companion: what an attack was done with is no target.
    ['Soldiers attacked the village with two trucks on Sunday.', 'two trucks'],
  ];
  for (const [text, name] of negatives)
    it(`negative: ${text}`, () => {
      const names = mainEvent(text)?.target.map((t) => t.name) ?? [];
      assert.ok(!names.includes(name), JSON.stringify(names));
    });

  it('a state one sentence makes the attacker and another the target is the victim', () => {
    const event = mainEvent('Strikes on Norway killed nine people on Monday as Norway attacked the ships.');
    assert.ok(event?.target.some((t) => t.name === 'Norway'));
    assert.ok(!event?.initiator.some((a) => a.name === 'Norway'), JSON.stringify(event?.initiator));
  });

  it('a victim is never an initiator', () => {
    const event = mainEvent('The mayor was killed by guerrillas on Monday.');
    assert.deepEqual(
      event?.target.map((t) => t.name),
      ['mayor'],
    );
    assert.ok(!event?.initiator.some((a) => a.name === 'mayor'));
  });
});

describe('the dead a happening’s counted victims give', () => {
  const cases: Array<[string, number | null]> = [
    ['Soldiers massacred six Jesuit priests and two women at the university on Sunday.', 8],
    ['Three nuns and a driver were murdered on the road to the mission on Sunday.', 4],
    // The names beside "two reporters" are those two, not two more.
    ['Troops killed two reporters, Ana Ruiz and Pablo Vidal, at a checkpoint on Monday.', 2],
    ['The murder of Judge Elena Brandt shocked the capital on Monday.', 1],
    // Where the figures read one count of a coordination, the victims count both.
    ['Two days after six monks and two women were killed by a patrol, the bishop wrote to the president.', 8],
  ];
  for (const [text, killed] of cases) it(text, () => assert.deepEqual(mainEvent(text)?.killed, { low: killed, high: killed }));

  const negatives: string[] = [
    // Victims without a count say someone died, not how many.
    'Guerrillas killed peasants in the village on Monday.',
    // An attack that is not a killing counts no dead.
    'Soldiers attacked two farmers in the village on Monday.',
    // A plan or an attempt kills no one.
    'Gunmen planned to kill a judge in the capital.',
    'An attempt to murder the mayor failed on Monday.',
    // A war's dead are no happening's.
    'Shelling has killed 3,200 people since the war began, the ministry said.',
  ];
  for (const text of negatives) it(`negative: ${text}`, () => assert.equal(mainEvent(text)?.killed ?? null, null));
});
