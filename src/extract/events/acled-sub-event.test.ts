import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../model/event.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { ACLED_EVENT_TYPES, acledSubEvent, buildSubEventLexicon } from './acled-sub-event.ts';
import { extractEvents } from './extract-events.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** The most salient event of a report we write, read through the real understanding stage. */
function salient(text: string): Event | undefined {
  const mentions = understand({ text, published }, lexicons);
  return extractEvents({ documentId: 'doc', text, published }, mentions).sort((a, b) => b.salience - a.salience)[0];
}

describe("ACLED's sub-event types", () => {
  // One sentence of our own per sub-event type.
  const cases: Array<[string, string]> = [
    ['Government troops and rebel fighters clashed for hours near the river crossing on Friday.', 'Armed clash'],
    ['Army units recaptured the town of Dara from the rebels on Tuesday.', 'Government regains territory'],
    ['Rebel fighters seized control of the district capital after the garrison fled.', 'Non-state actor overtakes territory'],
    ['Warplanes struck a fuel depot outside the city overnight.', 'Air/drone strike'],
    ['Artillery shelling hit a market in the eastern suburbs on Monday.', 'Shelling/artillery/missile attack'],
    ['A roadside bomb exploded beside a bus on the highway on Monday.', 'Remote explosive/landmine/IED'],
    ['Militants lobbed a grenade at a police patrol in the old town, wounding two officers.', 'Grenade'],
    ['A suicide bomber blew himself up at the gate of the ministry.', 'Suicide bomb'],
    ['Doctors said the victims of the chemical attack on the village showed signs of sarin exposure.', 'Chemical weapon'],
    ['Armed men abducted a teacher from her home on Sunday night.', 'Abduction/forced disappearance'],
    ['Soldiers raped two women at a checkpoint outside the camp, a rights group said.', 'Sexual violence'],
    ['Gunmen killed a shopkeeper in the market on Thursday.', 'Attack'],
    ['Hundreds of teachers marched peacefully to the ministry to demand higher pay.', 'Peaceful protest'],
    ['Police fired tear gas and water cannon to disperse the demonstrators outside parliament.', 'Protest with intervention'],
    ['Security forces fired live ammunition at the protesters, killing four of them.', 'Excessive force against protesters'],
    ['Protesters threw stones at police and set fire to cars during the demonstration.', 'Violent demonstration'],
    ['An angry mob lynched a man accused of theft in the village.', 'Mob violence'],
    // Party supporters fighting with sticks: a riot between groups, not a battle.
    ['Supporters of two rival party factions clashed outside the election office, injuring nine.', 'Mob violence'],
    ['The two sides agreed to a ceasefire that takes effect at midnight.', 'Agreement'],
    ['Police arrested twelve men in a dawn raid on the suburb.', 'Arrests'],
    ['The army deployed reinforcements to the northern border on Saturday.', 'Change to group/activity'],
    ['Foreign troops set up a new military base near the oil fields.', 'Headquarters or base established'],
    ['Soldiers found a cache of weapons and ammunition in an abandoned house.', 'Disrupted weapons use'],
    ['Armed men looted shops and torched a warehouse in the harbour district.', 'Looting/property destruction'],
    ['The militia handed over the airport to the national army under the deal.', 'Non-violent transfer of territory'],
  ];
  for (const [text, sub] of cases)
    it(`${sub}: ${text}`, () => {
      assert.equal(salient(text)?.subEventType, sub);
      assert.ok(ACLED_EVENT_TYPES[sub], `${sub} has an ACLED event type`);
    });

  // What must not be a conflict event, or not this type.
  const negatives: Array<[string, (e: Event | undefined) => boolean]> = [
    ['A strong earthquake killed nine people in the mountain villages.', (e) => e?.type !== 'ASSAULT'],
    ['A gas leak caused an explosion at the fertiliser plant, killing two workers.', (e) => e?.type !== 'ASSAULT'],
    ['Police fired tear gas at the crowd.', (e) => e?.subEventType !== 'Chemical weapon'],
    ['The group claimed responsibility for the attack in a statement.', (e) => e?.type !== 'ASSAULT'],
    ['The company said a cyber attack shut its servers for a day.', (e) => e?.type !== 'ASSAULT'],
    ['Officers captured the suspect after a short chase.', (e) => e?.modes.includes('territory') !== true],
    ['The minister established a committee to review the budget.', (e) => e?.subEventType !== 'Headquarters or base established'],
    ['The victim is fighting for his life in hospital.', (e) => e?.subEventType !== 'Armed clash'],
    ['An assassination attempt against the mayor failed on Monday.', (e) => e?.killed === null],
  ];
  for (const [text, ok] of negatives)
    it(`negative: ${text}`, () => assert.ok(ok(salient(text)), JSON.stringify(salient(text)?.subEventType)));

  it('a rule naming an unknown cue set is refused with the entry named', () => {
    assert.throws(
      () =>
        buildSubEventLexicon({
          subEvents: { Attack: { eventType: 'x', plover: [] } },
          rules: [{ sub: 'Attack', types: ['ASSAULT'], cues: ['nope'] }],
          cues: {},
        }),
      /rules\[0\].*"nope"/,
    );
  });
  it('the first fitting rule wins', () => {
    const input = { type: 'ASSAULT' as const, modes: ['aerial', 'explosives'], initiator: [], target: [], cues: new Set<string>() };
    assert.equal(acledSubEvent(input), 'Air/drone strike');
  });
});
