import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../model/event.ts';
import { caseProfile } from '../../understand/case/case-profile.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { extractEvents } from './extract-events.ts';

const lexicons = loadLexicons();
const published = { start: '1990-03-12', end: '1990-03-12' };

/** Every event of a report we write, read as the pipeline reads it (capital-letter copy re-cased first). */
function eventsOf(raw: string): Event[] {
  const text = caseProfile({ text: raw }, lexicons.gazetteer).text;
  const mentions = understand({ text, published }, lexicons);
  return extractEvents({ documentId: 'doc', text, published }, mentions);
}

/** The initiators' names of every event of a type, in text order, without repeats. */
function initiators(text: string, type = 'ASSAULT'): string[] {
  const names = eventsOf(text)
    .filter((e) => e.type === type)
    .flatMap((e) => e.initiator.map((a) => a.name));
  return [...new Set(names)];
}

describe('initiators: who did it', () => {
  const cases: Array<[string, string[]]> = [
    // Passive voice: the agent after "by".
    ['The judge was kidnapped on Tuesday by the Extraditables.', ['The Extraditables']],
    ['THE MAYOR WAS KIDNAPPED LAST WEEK BY THE EXTRADITABLES IN MEDELLIN.', ['The Extraditables']],
    ['The bombing of the bridge was carried out by the Shining Path, police said.', ['Shining Path']],
    // Responsibility claimed, blamed or attributed.
    ['A bomb exploded at the bank on Monday. The Lautaro Youth Front claimed responsibility for the bombing.', ['Lautaro Youth Movement']],
    [
      'GUNMEN ATTACKED THE BASE ON SUNDAY. THE MANUEL RODRIGUEZ PATRIOTIC FRONT CLAIMED RESPONSIBILITY FOR THE ATTACK.',
      ['Gunmen', 'Manuel Rodriguez Patriotic Front'],
    ],
    ['A car bomb exploded near the station. Police hold the MRTA responsible for the bombing.', ['Tupac Amaru Revolutionary Movement']],
    ['The authorities blamed the ELN for the murder of the engineer.', ['National Liberation Army (Colombia)']],
    ['The prosecutor attributed the murder to the Medellin cartel.', ['Medellin Cartel']],
    [
      'Two pylons were destroyed in the explosion, for which the police hold the FMLN responsible.',
      ['Farabundo Marti National Liberation Front'],
    ],
    // A group word after a name, a bracket, an apposition and coordinated names.
    ['FMLN guerrillas attacked the garrison at dawn.', ['Farabundo Marti National Liberation Front']],
    ['The FPL, a guerrilla group, attacked the garrison at dawn.', ['Popular Liberation Forces']],
    [
      'The FMLN and ERP guerrillas attacked the garrison at dawn.',
      ['Farabundo Marti National Liberation Front', "People's Revolutionary Army"],
    ],
    ['THE TUPAC AMARU REVOLUTIONARY MOVEMENT (MRTA) ATTACKED THE POLICE STATION.', ['Tupac Amaru Revolutionary Movement']],
    // Members of a body, armed forces and agent nouns with a nationality.
    ['Members of the armed forces massacred six priests at the university.', ['armed forces']],
    ['The houses were bombed by Salvadoran air force helicopters.', ['Salvadoran air force']],
    ['RSF fighters attacked the camp near El Fasher on Sunday.', ['Rapid Support Forces']],
    // A nationality or a number before "attacks" makes it a noun whose nationality did it, not a verb of the subject.
    ['The ministry said Lebanon had registered 67 Israeli attacks on hospitals.', ['Israel']],
    ['The monitor counted 40 Russian attacks on the grid.', ['Russia']],
    ['The army attacks the village every night.', ['army']],
    // The object of "an attack on" a region of a country is its target, never its doer.
    ['A Hamas-led surprise attack on southern Israel killed about 1,200 people.', ['Hamas']],
    ['Rebels launched an attack on northern Mali on Monday, killing 30 soldiers.', ['Rebels']],
    // Members' words after the report has named their group stand for it: the text's word, the group's id.
    ['The FMLN opened an offensive. On Monday the guerrillas attacked the garrison.', ['guerrillas']],
    // A speaker that says it acted is the initiator.
    ['The army said it attacked a guerrilla camp near the river.', ['army']],
    // A relative clause with no subject of its own tells of the name before it; a cleft of the subject of its copula.
    [
      'The mayor said the ELN, which has staged several dynamite attacks on the pipeline, would talk.',
      ['National Liberation Army (Colombia)'],
    ],
    ['The minister said it was members of the ELN who murdered the two judges.', ['National Liberation Army (Colombia)']],
    ['The report said the army were the ones who murdered the peasants.', ['army']],
    // Those a speaker implicates in a killing, across a list; a group that resumes its sabotage of a grid.
    ['The president implicated two colonels and the army in the murder of six priests.', ['army']],
    ['The FMLN has resumed its sabotage of the electricity system.', ['Farabundo Marti National Liberation Front']],
    // A claim for "the action", "this crime": a word that refers back to the attack told.
    ['A bomb exploded at the bank on Monday. The Lautaro Youth Front claimed responsibility for the action.', ['Lautaro Youth Movement']],
    // An offensive begun, an attack planned; "its attacks" are the attacks of the group named before.
    ['The FMLN began an offensive on 11 November.', ['Farabundo Marti National Liberation Front']],
    ['The Medellin cartel planned the attack for months.', ['Medellin Cartel']],
    ['On Friday the FMLN decreed a suspension of its attacks on officials.', ['Farabundo Marti National Liberation Front']],
    // Agents set beside the agent of a passive, and members hedged as a group's.
    [
      'The attacks could have been carried out by the Maoist "Shining Path" group or the Tupac Amaru Revolutionary Movement.',
      ['Shining Path', 'Tupac Amaru Revolutionary Movement'],
    ],
    ['It was an attack perpetrated by guerrillas, presumably from the ELN, against a jeep.', ['National Liberation Army (Colombia)']],
    // Taking part in the killing; unnamed groups by their politics.
    ['The poll reveals the participation of the FMLN in the murders of the union leaders.', ['Farabundo Marti National Liberation Front']],
    ['The senator was killed on Monday, apparently by extreme rightist groups.', ['extreme rightist groups']],
    [
      'Two missionaries were shot dead by terrorists from the Zarate Wilka Armed Forces of Liberation.',
      ['Zarate Willka Armed Forces of Liberation'],
    ],
    // "for which X are being held responsible" after an incident the report tells; a pylon "blown up" is bombed.
    [
      'Two pylons were blown up on Monday. No one was hurt in this incident, for which the FMLN guerrillas are being held responsible.',
      ['Farabundo Marti National Liberation Front'],
    ],
    // Who holds or frees a hostage took them; who attempted a kidnapping did it.
    ['The ELN is still holding senator Jorge Sedano, kidnapped on 9 February near Bucaramanga.', ['National Liberation Army (Colombia)']],
    ['The priest, kidnapped on 15 February in Cali, was released on Monday by the ELN.', ['National Liberation Army (Colombia)']],
    ['Troops foiled an attempt by the FMLN to kidnap the envoy on Monday.', ['Farabundo Marti National Liberation Front']],
    // A decision's maker is who carried it out, not who praises or questions it.
    ['The junta praised the decision by the army to launch air strikes on the camps.', ['army']],
    ['The rebels condemned decisions made by the armed forces high command to carry out bombings on the towns.', ['armed forces']],
    // The attempt's agent, not the subject of the verb that foiled it.
    ['Army troops foiled an attempt by the FMLN to kidnap the envoy on Monday.', ['Farabundo Marti National Liberation Front']],
    // Members' words after a bare agent noun: the body acts, and a cleft or "responsible" reads it.
    ['The bishop said armed forces personnel were the ones who murdered the priests.', ['armed forces']],
    ['The rector called the report that armed forces elements are responsible for the killing of the priests important.', ['armed forces']],
    // An armed group hit in the clash it started is still who started it; bombs thrown are an attack.
    [
      'FMLN guerrillas hurled bombs at the barracks on Friday. Four guerrillas were killed in the clashes that followed.',
      ['Farabundo Marti National Liberation Front'],
    ],
    // A relative clause of speech, past an apposition in dashes: the one who says it was responsible.
    [
      'A bus exploded on the bridge. A radio received a call from the Extraditables -- wanted drug lords -- who said they were responsible for the action.',
      ['The Extraditables'],
    ],
    // A participle that says who did it reaches its agent past a long noun phrase and quote marks.
    [
      'The mayor called it an "ambush with several heavy mines" carried out by "fighters of the ELN against a patrol."',
      ['National Liberation Army (Colombia)'],
    ],
    // Those implicated across a list with asides.
    [
      'The inquiry implicated three captains, among them one major, and six members of the armed forces in the murder of two nuns.',
      ['armed forces'],
    ],
    // A name in quote marks is still the subject of its verb.
    ['On Sunday commandos of the "Cinchonero" movement machinegunned a retired colonel.', ['Cinchonero Popular Liberation Movement']],
    // A word that refers back to the attack told, with its doer after "by", before it, or as the subject of "committed".
    [
      'Gunmen attacked the barracks. This senseless action by the FMLN will not go unpunished.',
      ['Gunmen', 'Farabundo Marti National Liberation Front'],
    ],
    [
      'Gunmen attacked the barracks. It was an act of terror by the ELN, the minister said.',
      ['Gunmen', 'National Liberation Army (Colombia)'],
    ],
    [
      'Gunmen attacked the barracks. The town suffered from this FMLN aggression for hours.',
      ['Gunmen', 'Farabundo Marti National Liberation Front'],
    ],
    ['Two nuns were murdered. The judge said that members of the army committed this crime.', ['army']],
    ['A bank was attacked. A member of the ELN directed the operation, police said.', ['National Liberation Army (Colombia)']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      assert.deepEqual(initiators(text), expected);
    });
  }
});

describe('a "by" of an irregular participle is not the trigger\'s agent', () => {
  it('who condemns decisions made by the armed forces is the one who condemns', () => {
    assert.deepEqual(initiators('The rebels condemned decisions made by the armed forces to bomb the towns.', 'ACCUSE'), ['rebels']);
  });
  it('a town held by the rebels was not attacked by them', () => {
    assert.deepEqual(initiators('The army attacked the hills near the town held by the rebels.'), ['army']);
  });
});

describe('group words take the id of the group named before them', () => {
  const ids = (text: string) => eventsOf(text).flatMap((e) => e.initiator.map((a) => `${a.name}/${a.id ?? ''}`));
  it('guerrillas after the FMLN are the FMLN', () => {
    assert.deepEqual(ids('The FMLN opened an offensive. On Monday the guerrillas attacked the garrison.'), ['guerrillas/fmln']);
  });
  it('unidentified gunmen are not the group named before them', () => {
    assert.deepEqual(ids('The FMLN opened an offensive. On Monday unidentified gunmen attacked the garrison.'), ['unidentified gunmen/']);
  });
  it('commando units a group reports on are its own', () => {
    assert.deepEqual(ids('The FMLN reports that urban commando units attacked the garrison.'), ['urban commando units/fmln']);
  });
  it('commando units with no group named before stay unnamed', () => {
    assert.deepEqual(ids('The army said commando units attacked the garrison.'), ['commando units/']);
  });
  it('no group named before: the word stays unnamed', () => {
    assert.deepEqual(ids('On Monday the guerrillas attacked the garrison. The FMLN said nothing.'), ['guerrillas/']);
  });
});

describe('initiators: who did not do it', () => {
  const cases: Array<[string, string[]]> = [
    // A speaker or a source that does not say it acted.
    ['Hamas said Israeli strikes killed twenty people in Rafah.', ['Hamas']],
    ['According to the Houthis, the strike killed 74 people.', ['Houthis']],
    ['The rebels told AFP that they would continue to attack ships.', ['Agence France-Presse']],
    ['The defence minister claimed that the Indian armed forces delivered strikes on civilians.', []],
    // A place or an actor after a preposition is no subject.
    ['An overnight airstrike in Yemen killed at least 68 people.', ['Yemen']],
    ['Iran carried out an attack on Israel by deploying drones.', ['Israel']],
    // A "by" of another participle names who holds or describes, not who struck.
    ['Troops raided the camp in the town controlled by Hamas.', ['Hamas']],
    // Victims are never initiators.
    ['The victims were attacked by unidentified gunmen on the road.', ['victims']],
    // A denial of responsibility names no one who did it.
    ['A bomb exploded at the bank on Monday. The FMLN denied responsibility for the bombing.', ['Farabundo']],
    ['A bomb exploded at the bank on Monday. The FMLN said it was not responsible for the bombing.', ['Farabundo']],
    // A relative clause names no one where a name does not stand right before it; nor does "that" after a speech verb.
    ['The ELN met the mayor on Monday, and the gunmen who killed the judge fled.', ['National Liberation']],
    // Those implicated in something else than the attack did not do it; nor do described targets in a blame.
    ['The report implicated the army in the cover-up after the murder of the priests.', ['army']],
    // "its" with no named group before it names no one; a role in something else than the attack is no part in it.
    ['The village mourned its dead after the attack.', ['village']],
    ['The army praised the role of the police in the inquiry after the attack.', ['police']],
    // A word that refers back to a happening other than an attack gives no attacker.
    ['The ministry took responsibility for the action plan on Monday.', ['ministry']],
    // A name with a participle after a comma is what was done to it, no one who did it; police who free a hostage are no captors.
    ['Senator Jorge Sedano, kidnapped on 9 February, was freed by the police on Monday.', ['Jorge Sedano', 'police']],
    // "for which X is held responsible" with no attack told names no attacker.
    ['The budget, for which the police are held responsible, was cut after the attack on the village.', ['police']],
    // "those responsible" is no one who was responsible.
    ['The president pledged to hold all those responsible accountable for the killings.', ['president']],
    // A doer the text questions or denies, or general actions with no determiner, name no one.
    ['Two nuns were murdered. The envoy does not know if the army committed the crime.', ['army']],
    ['Two nuns were murdered. The colonel insisted the army never committed this crime.', ['army']],
    ['Gunmen attacked the barracks. Military actions by the army continued elsewhere.', ['army']],
    // A participle of holding or controlling after the trigger reaches no agent.
    ['Gunmen attacked a convoy on the long mountain road controlled by the FMLN.', ['Farabundo']],
    // A name in quote marks given to an operation is no one who acts in it.
    ['Police fear a plan called "Shining Path" that will be carried out by attacking banks.', ['Shining Path']],
    // A relative clause of speech about something else than the attack, or a speaker who is not its antecedent.
    ['A bus exploded on the bridge. The ELN met the mayor, who said he was responsible for the town.', ['National Liberation']],
    // A state hit in one sentence is not made an attacker by another.
    ['Israeli jets struck Lebanon on Monday. Lebanon was attacked again on Tuesday, the army said.', ['Lebanon']],
    // A participle past a joint tells of another noun than the trigger.
    ['Homes were set on fire, and many displacements carried out by "members of the FMLN" followed.', ['Farabundo']],
    // A victim named in the sentence that refers back is no doer.
    ['Gunmen attacked the barracks. This action by the victims was self-defence.', ['victims']],
  ];
  for (const [text, absent] of cases) {
    it(text, () => {
      const found = eventsOf(text).flatMap((e) => e.initiator.map((a) => a.name));
      for (const name of absent)
        assert.ok(!found.some((f) => f.toLowerCase().includes(name.toLowerCase())), `${name} in ${found.join(', ')}`);
      if (absent.length === 0) assert.deepEqual(initiators(text), ['Indian armed forces']);
    });
  }
});
