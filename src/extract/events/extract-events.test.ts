import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../model/event.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { reportDate } from './choose-date.ts';
import { createDocumentFrame } from './document-frame.ts';
import { extractEvents } from './extract-events.ts';
import { mainViolentEvent } from './score-salience.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** Every event of a report we write, read through the real understanding stage. */
function eventsOf(text: string): Event[] {
  const mentions = understand({ text, published }, lexicons);
  return extractEvents({ documentId: 'doc', text, published }, mentions);
}

/** The most salient event of a type. */
function mainEvent(text: string, type = 'ASSAULT'): Event | undefined {
  return eventsOf(text)
    .filter((e) => e.type === type)
    .sort((a, b) => b.salience - a.salience)[0];
}

describe('event typing and modes', () => {
  const cases: Array<[string, { type: string; modes: string[]; subEventType: string }]> = [
    [
      'Warplanes carried out an airstrike on a depot near Mayadin on Sunday.',
      { type: 'ASSAULT', modes: ['aerial'], subEventType: 'Air/drone strike' },
    ],
    [
      'Militants launched a drone attack on the outpost on Monday.',
      { type: 'ASSAULT', modes: ['drone'], subEventType: 'Air/drone strike' },
    ],
    ['Two men were shot outside a store in Dayton on Friday night.', { type: 'ASSAULT', modes: ['firearms'], subEventType: 'Attack' }],
    [
      'Gunmen kidnapped three aid workers near the border on Saturday.',
      { type: 'ASSAULT', modes: ['abduction', 'firearms'], subEventType: 'Abduction/forced disappearance' },
    ],
    [
      'A roadside bomb exploded beside a patrol on Tuesday.',
      { type: 'ASSAULT', modes: ['explosives'], subEventType: 'Remote explosive/landmine/IED' },
    ],
    ['Hundreds of protesters marched through the capital on Sunday.', { type: 'PROTEST', modes: [], subEventType: 'Peaceful protest' }],
    [
      'The minister ordered 500 troops to be deployed to the border region.',
      // ACLED records a deployment of troops as a change to the group's activity.
      { type: 'MOBILIZE', modes: ['troops'], subEventType: 'Change to group/activity' },
    ],
    ['The general visited Jordan on Monday to meet with partners.', { type: 'CONSULT', modes: [], subEventType: 'Other' }],
    ['A contractor died of a heart attack at the base on Sunday.', { type: 'DEATH', modes: [], subEventType: 'Other' }],
    // A charge that went off is a blast; dynamiting is one.
    [
      'A dynamite charge went off outside the bank on Monday.',
      { type: 'ASSAULT', modes: ['explosives'], subEventType: 'Remote explosive/landmine/IED' },
    ],
    ['Rebels dynamited a pylon on Monday.', { type: 'ASSAULT', modes: ['explosives'], subEventType: 'Remote explosive/landmine/IED' }],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const event = eventsOf(text).find((e) => e.type === expected.type);
      assert.ok(event, `no ${expected.type} event in ${JSON.stringify(eventsOf(text).map((e) => e.type))}`);
      assert.deepEqual(event.modes, expected.modes);
      assert.equal(event.subEventType, expected.subEventType);
      assert.equal(text.slice(event.span.start, event.span.end), event.text);
      assert.match(event.rule, /^event\//);
    });
  }

  const negatives: Array<[string, string]> = [
    ['The driver suffered a heart attack on the highway.', 'a heart attack is no attack'],
    ['The carrier strike group sailed into the Mediterranean.', 'a strike group is no strike'],
    ['The shop sells one-way attack drones and spare parts.', 'attack drones are weapons, not an attack'],
    ['The school held a board meeting about the new library.', 'a board meeting is no consultation of parties'],
    ['She was in stable condition after a flu shot.', 'a flu shot is no shooting'],
    ['The fire alarm went off at the school on Monday.', 'an alarm that went off is no blast'],
    ['Russia strikes back at the US and expels diplomats.', 'striking back in words is no strike'],
    ['Germany expelled diplomats in retaliation against the spy ring.', 'a motive of retaliation is no attack'],
    [
      'A strong earthquake struck the island on Sunday, killing at least two people.',
      'an earthquake that struck and its toll are no attack',
    ],
    [
      'At least five people were killed and twenty injured on Monday after a volcano erupted off the coast.',
      'deaths said to follow an eruption are no attack',
    ],
  ];
  for (const [text, why] of negatives) {
    it(`no violent event: ${why}`, () => {
      const types = eventsOf(text).map((e) => e.type);
      assert.ok(!types.includes('ASSAULT') && !types.includes('CONSULT'), `got ${JSON.stringify(types)}`);
    });
  }
});

describe('event modality', () => {
  const cases: Array<[string, Event['modality']]> = [
    ['Rebels attacked the garrison at Kidal on Monday.', 'asserted'],
    ['Rebels reportedly attacked the garrison at Kidal on Monday.', 'reported-unconfirmed'],
    [
      'Officials were looking into reports from residents that the garrison at Kidal had come under attack on Monday.',
      'reported-unconfirmed',
    ],
    ['The army denied that it attacked the village of Tessit on Monday.', 'denied'],
    ['There were no strikes on the city of Gao on Monday, the spokesman said.', 'denied'],
    ['The militia will attack the garrison at Kidal if talks fail.', 'future'],
    ['If the talks fail, the militia could attack the garrison at Kidal.', 'hypothetical'],
  ];
  for (const [text, expected] of cases) {
    it(`${expected}: ${text}`, () => {
      assert.equal(mainEvent(text)?.modality, expected);
    });
  }

  it('a denial of responsibility is not a denial of the strike: the denied actor is no initiator', () => {
    const event = mainEvent(
      'A spokesman denied that the U.S. was responsible for the apparent airstrike on militia positions near Mayadin over the weekend.',
    );
    assert.ok(event);
    assert.equal(event.modality, 'reported-unconfirmed');
    assert.deepEqual(
      event.initiator.map((a) => a.name),
      [],
    );
    assert.deepEqual(
      event.deniedBy.map((d) => [d.actor.country, d.rule]),
      [['US', 'responsibility/denied-carrying-out']],
    );
    assert.deepEqual(event.modes, ['aerial']);
  });
});

describe('actor roles', () => {
  const cases: Array<[string, { initiator: string[]; target: string[] }]> = [
    ['Hamas attacked Israel on Saturday.', { initiator: ['Hamas'], target: ['Israel'] }],
    [
      'U.S. forces were attacked by Iranian-backed militias in Syria on Monday.',
      { initiator: ['Iranian-backed militias'], target: ['U.S. forces'] },
    ],
    [
      'The U.S. Air Force conducted airstrikes on IRGC facilities near Abu Kamal on Thursday.',
      { initiator: ['U.S. Air Force'], target: ['Islamic Revolutionary Guard Corps'] },
    ],
    ['The attack by Hezbollah on Israeli positions came at dawn on Sunday.', { initiator: ['Hezbollah'], target: [] }],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const event = mainEvent(text);
      assert.ok(event);
      assert.deepEqual(
        event.initiator.map((a) => a.name),
        expected.initiator,
      );
      for (const name of expected.target)
        assert.ok(
          event.target.some((a) => a.name === name),
          `target ${name} missing from ${JSON.stringify(event.target)}`,
        );
    });
  }
});

describe('casualties', () => {
  const cases: Array<[string, { killed: number | null; injured: number | null }]> = [
    ['Two people were killed and three others were wounded in a shooting in Akron on Saturday.', { killed: 2, injured: 3 }],
    ['A man was shot and killed on Elm Street in Toledo on Friday night.', { killed: 1, injured: null }],
    ['Four teenagers were shot at a park in Flint on Sunday. One of them died at the hospital.', { killed: 1, injured: 3 }],
    ['A gunman opened fire at a bar in Reno on Saturday, killing three people and wounding five others.', { killed: 3, injured: 5 }],
    ['A shooting at a club in Macon on Sunday sent four people to the hospital.', { killed: null, injured: 4 }],
    ['A man shot his neighbor in Salem on Monday before he turned the gun on himself.', { killed: 1, injured: 1 }],
    ['A man was killed and two others wounded in a shooting in Akron on Saturday.', { killed: 1, injured: 2 }],
    // Everyone shot who did not die was injured: the one who died is not among them.
    ['Three people were shot, one fatally, in Akron on Saturday.', { killed: 1, injured: 2 }],
    ['Two people were shot and one died in Akron on Saturday.', { killed: 1, injured: 1 }],
    ['The shooting in Akron on Saturday left two dead and one injured.', { killed: 2, injured: 1 }],
    ['A shooting in Akron on Saturday killed one and injured three others.', { killed: 1, injured: 3 }],
    ['The shooting victim, 25, was taken to a hospital after a shooting in Akron on Saturday.', { killed: null, injured: 1 }],
    // A background toll told after the attack is not the attack's.
    [
      'A man was shot and killed in Akron on Saturday. Also last month, four children were wounded in shootings across the city.',
      { killed: 1, injured: null },
    ],
    // A wound tells a toll with no casualty word; a breakdown after a comma restates the count, not adds to it.
    ['Two men suffered gunshot wounds outside a bar in Akron on Saturday.', { killed: null, injured: 2 }],
    ['Officers found 13 people, 11 men and two women, with gunshot wounds at a party in Akron on Saturday.', { killed: null, injured: 13 }],
    // Negative: the wound of one counted as dead is how he died, not one more hurt.
    ['A man was found dead with a gunshot wound in Akron on Saturday.', { killed: 1, injured: null }],
    // Negative: a toll told after the attack with no background cue is the attack's.
    ['A man was shot and killed in Akron on Saturday. Two other people were wounded.', { killed: 1, injured: 2 }],
    // The archive counts a suspect police killed among the killed; the people he shot are his object, not him.
    ['Police shot and killed the suspect after he shot two people in Akron on Saturday.', { killed: 1, injured: 2 }],
    ['One teenager is dead and another is being treated for injuries after a shooting in Akron on Saturday.', { killed: 1, injured: 1 }],
    // The one hospitalized is the one who died, not one more.
    ['An Akron teen hospitalized after a weekend shooting has died.', { killed: 1, injured: null }],
    ['A teenager who was shot at his birthday party in Akron on Saturday died Sunday.', { killed: 1, injured: null }],
    ['Flowers lay on the sidewalk where Dana Reyes, 22, was shot to death in Akron on Saturday.', { killed: 1, injured: null }],
    // A singular phrase after the counts is one more; bullets that struck people counted them.
    ['Two men, three women and a child were wounded in a shooting in Akron on Saturday.', { killed: null, injured: 6 }],
    ['Gunmen opened fire on a porch in Akron on Saturday, and bullets struck the four men sitting there.', { killed: null, injured: 4 }],
    // The injuries of the one who died are how she died; a victim's self-inflicted wound is no suspect's death.
    ['A girl was shot in Akron on Saturday. She died as a result of her injuries.', { killed: 1, injured: null }],
    ['A boy shot himself in the hand in Akron on Saturday. Police said the wound was self-inflicted.', { killed: null, injured: 1 }],
    // A self-inflicted wound that killed is the suspect's death.
    ['A gunman wounded two people in Akron on Saturday. Police said he died of a self-inflicted gunshot wound.', { killed: 1, injured: 2 }],
    // An age set off by commas is no count, even where the number is read with the noun before it.
    ['Police said one woman, 27, is in serious condition after a shooting in Akron on Saturday.', { killed: null, injured: 1 }],
    // A part of the people counted before ("two of the four"), and "one" before its verb, count what they say.
    ['Four men were shot in Akron on Saturday, and two of the four victims later died.', { killed: 2, injured: 2 }],
    ['Four men were shot in Akron on Saturday, and one was later pronounced dead.', { killed: 1, injured: 3 }],
    // A headline's bare noun; an age before a name; an age written "two year-old".
    ['3-year-old boy shot and killed in Akron on Saturday', { killed: 1, injured: null }],
    ['Gunmen killed 16-year-old Dario Quell in Akron on Saturday.', { killed: 1, injured: null }],
    ['Police said a two year-old died after a shooting in Akron on Saturday.', { killed: 1, injured: null }],
    // One more person told with the verb left out; the others beside those killed are the hurt.
    ['A man was shot in the leg and another in the arm in Akron on Saturday.', { killed: null, injured: 2 }],
    ['Two men were shot in Akron on Saturday, one in the leg and another in the arm.', { killed: null, injured: 2 }],
    ['A woman was killed in Akron on Saturday, and four others were shot.', { killed: 1, injured: 4 }],
    ['He and four others were shot in Akron on Saturday, and one man was killed.', { killed: 1, injured: 4 }],
    // "A third victim" is the third of those counted, not one more than them; "a second" beside one more than one.
    [
      'Four men were shot outside a bar in Akron on Saturday. Two were taken to City Hospital. A third victim drove himself to a clinic.',
      { killed: null, injured: 4 },
    ],
    ['Two men were wounded in a shooting in Akron on Saturday. A third man was wounded in the foot.', { killed: null, injured: 3 }],
    ['A man was wounded in a shooting in Akron on Saturday. Another man was wounded in the foot.', { killed: null, injured: 2 }],
    // One more person shot beside the dead, where the account counts no one hurt, was hurt.
    [
      'Dana Reyes was shot and killed outside a bar in Akron on Saturday. Her brother was also shot but survived.',
      { killed: 1, injured: 1 },
    ],
    ['A man was killed in a shooting in Akron on Saturday. Another man was shot in the leg.', { killed: 1, injured: 1 }],
    // Negative: "another" after a preposition is a place, no one more; the dead alone are no one hurt.
    ['A boy took the gun into another room in Akron on Saturday and shot himself. He died at the scene.', { killed: 1, injured: null }],
    ['A man was shot and killed in a shooting in Akron on Saturday. He was also shot in the arm.', { killed: 1, injured: null }],
    ['A shooting in Akron on Saturday killed one man and wounded three more.', { killed: 1, injured: 3 }],
    // The lead's toll counts the hurt apart from the dead: a larger count later has the dead in it.
    [
      'A shooting at a club in Akron on Saturday left one man dead and three others injured. Four men were rushed to the hospital.',
      { killed: 1, injured: 3 },
    ],
    // Not where the lead counts no one hurt beside its dead, nor an object with no number.
    ['A shooting in Akron on Saturday killed one man. Police said four men were rushed to the hospital.', { killed: 1, injured: 4 }],
    [
      'A shooting in Akron on Saturday killed one man and injured several others. Police said eight people were shot.',
      { killed: 1, injured: 7 },
    ],
    // A count told again with "also" is the same people, not as many more.
    [
      'Police in Akron are investigating the fatal shooting of a woman and the wounding of three men on Saturday. Three men were also wounded.',
      { killed: 1, injured: 3 },
    ],
    // The subject of "died" past an aside.
    ['Dana Reyes, who lived on Elm Street with her parents, died Sunday after a shooting in Akron.', { killed: 1, injured: null }],
    // A rank is no one more; a teaser for another story is not this one's toll.
    [
      'A student was shot dead in Akron on Saturday. He is the second student to be killed in the city this year.',
      { killed: 1, injured: null },
    ],
    ['A man was shot in Akron on Saturday. Related: Two killed in shooting in Canton', { killed: null, injured: 1 }],
    // A month with no day opens a time before the happening reported.
    [
      'A man was shot in Akron on Saturday. In December, a crash downtown left 12 people injured and one dead.',
      { killed: null, injured: 1 },
    ],
    [
      'A man was shot in Akron on Saturday. In December 2023, a crash downtown left 12 people injured and one dead.',
      { killed: null, injured: 1 },
    ],
    [
      'A man was shot in Akron on Saturday. Last December, a crash downtown left 12 people injured and one dead.',
      { killed: null, injured: 1 },
    ],
    // Negative: a day of the month is the happening's own.
    ['Police said a man was shot in Akron on Saturday. On March 9, two others were wounded there.', { killed: null, injured: 2 }],
    // Tolls told without a subject before the casualty word.
    ['Deputies are investigating the shooting of a 15-year-old boy in Akron on Saturday.', { killed: null, injured: 1 }],
    ['A stray bullet grazed a 3-year-old girl during a shooting in Akron on Saturday.', { killed: null, injured: 1 }],
    ['A 12-year-old boy suffered a self-inflicted gunshot wound at his home in Akron on Saturday.', { killed: null, injured: 1 }],
    ['Four people are recovering after being shot outside a club in Akron on Saturday.', { killed: null, injured: 4 }],
    ["A shooting in Akron on Saturday claimed the life of a sheriff's deputy.", { killed: 1, injured: null }],
    // A murder-suicide is someone killed and the one who did it; a count beside it has him in it already.
    ['Police said it was a murder-suicide at a home in Akron on Saturday.', { killed: 2, injured: null }],
    ['Police in Akron are investigating a double murder-suicide on Saturday.', { killed: 3, injured: null }],
    ['A man killed his sister in a murder-suicide in Akron on Saturday. He then shot himself, police said.', { killed: 2, injured: null }],
    [
      'Two dead in Akron murder-suicide on Saturday. Police said the man shot his wife and then shot himself.',
      { killed: 2, injured: null },
    ],
    ['A man shot and killed his wife before turning the gun on himself in Akron on Saturday.', { killed: 2, injured: null }],
    // A death told of whose it was; a body found.
    ["An Akron man was charged on Saturday in his son's accidental shooting death.", { killed: 1, injured: null }],
    ['Deputies said a body was found after a shooting in Akron on Saturday.', { killed: 1, injured: null }],
    // A name the person finder missed is still one person; a list of them is as many.
    ['Officers found Marquez with a gunshot wound in Akron on Saturday. Marquez died at the hospital.', { killed: 1, injured: null }],
    [
      'Police said Jon Wills, 29-year-old Ben Cole and Kevin Moss died after a shooting in Akron on Saturday.',
      { killed: 3, injured: null },
    ],
    // Numbers that count no one: a list of ages, an age bound, a caption's place in a gallery; one death said twice.
    ['A man died and three others, ages 54, 33 and 26, were wounded in a shooting in Akron on Saturday.', { killed: 1, injured: 3 }],
    ['A boy younger than 12 was shot in Akron on Saturday.', { killed: null, injured: 1 }],
    ['Image 2 of 8 A child was shot at a home in Akron on Saturday.', { killed: null, injured: 1 }],
    [
      'Police took the self-inflicted gunshot death of a 3-year-old boy in Akron on Saturday to a grand jury.',
      { killed: 1, injured: null },
    ],
    // A headline lists its people without articles, a comma for "and"; a parent's children are no toll.
    ['Mother, father, toddler dead after shooting in Akron', { killed: 3, injured: null }],
    ['Man, 3 girls shot in southeast Akron', { killed: null, injured: 4 }],
    ['4 women, man shot at vigil in Akron', { killed: null, injured: 5 }],
    ['Akron man kills 7-year-old daughter, himself', { killed: 2, injured: null }],
    ['Man charged with killing mother, stepfather and grandmother in Akron', { killed: 3, injured: null }],
    ['A father of four was wounded in a shooting in Akron on Saturday.', { killed: null, injured: 1 }],
    // A number dialled, and ages given as a range, count no one; a tally over a period is no attack's toll.
    ['A man was wounded in Akron on Saturday, and a neighbor who heard the shooting called 911.', { killed: null, injured: 1 }],
    ['Police say five men between the ages of 21 and 58 were shot in Akron on Saturday.', { killed: null, injured: 5 }],
    [
      'A man was shot and killed in Akron on Saturday. More than 120 people have been shot in the city this year.',
      { killed: 1, injured: null },
    ],
    // A headline's present tense counts its object.
    ['Father shoots son in the shoulder in Akron', { killed: null, injured: 1 }],
    ['Gunman shoots 3 in Akron bar', { killed: null, injured: 3 }],
    // "hit" counts the people it tells of where the sentence tells of gunfire, and never a car's.
    ['Gunfire erupted outside a bar in Akron on Saturday, and two men were hit in the legs.', { killed: null, injured: 2 }],
    // One person named by two nouns, and a count joined after the singular ones; the dead suspect after a comma.
    ['A gunman in Akron on Wednesday killed a police officer and three other people.', { killed: 4, injured: null }],
    ['Gunman fatally shoots 3 people, self in Akron', { killed: 4, injured: null }],
    // A count of the dead that includes the suspect is not added to the suspect's own death.
    [
      'Seven people, including the shooter, were killed in Akron on Saturday. Police shot and killed the gunman.',
      { killed: 7, injured: null },
    ],
    [
      'Seven people died in the rampage in Akron on Saturday, including the suspect. The gunman died of a self-inflicted gunshot wound.',
      { killed: 7, injured: null },
    ],
    // The victims counted apart and a count of the dead one more than they are: the count has the suspect in it.
    [
      'A man shot two neighbors in Akron on Saturday before killing himself. Officers found three people dead.',
      { killed: 3, injured: null },
    ],
    [
      'A man shot his two neighbors in Akron on Saturday before killing himself, and police found the three bodies.',
      { killed: 3, injured: null },
    ],
    // Negative: a count of the dead as many as the victims leaves the suspect out.
    ['A man shot two neighbors in Akron on Saturday before killing himself. Officers found two people dead.', { killed: 3, injured: null }],
    // Who died after being counted as hurt is one of them, not one more.
    ['Three men were wounded in a shooting in Akron on Saturday. One of them died on Sunday.', { killed: 1, injured: 2 }],
    [
      'A man was shot in Akron on Saturday. He was taken to a hospital with life-threatening injuries, where he later died.',
      { killed: 1, injured: null },
    ],
    // A death told in the sentence of the hurt is of that one, even where an earlier death was told with its own subject.
    [
      'A girl died after a shooting in Akron on Saturday. Police said the girl was rushed to a hospital in critical condition, where she died.',
      { killed: 1, injured: null },
    ],
    // Negative: a death told apart from the hurt, after a death with its own subject, is that subject's.
    [
      'A boy was shot to death in Akron on Saturday, police said. His uncle was hospitalized in critical condition. The boy was asleep when he died.',
      { killed: 1, injured: 1 },
    ],
    // Who "was shot ... has died" is the one a later sentence tells as hurt; one said to be another is one more.
    [
      'A 2-year-old who was shot inside an apartment in Akron has died. Police said the toddler was critically injured in the shooting on Saturday.',
      { killed: 1, injured: 0 },
    ],
    ['A man who was shot in Akron on Saturday has died. A woman was also wounded, police said.', { killed: 1, injured: 1 }],
    ['A man who was shot in Akron on Saturday has died. Two other men were wounded, police said.', { killed: 1, injured: 2 }],
    // "Another" beside the dead, with no count of the hurt before it, is the first of the hurt, whom a later sentence tells again.
    [
      'Three people were killed and another injured in a shooting in Akron on Saturday. Police said a man was wounded in the leg.',
      { killed: 3, injured: 1 },
    ],
    // Negative: "another" after a count of the hurt is one more.
    ['Two men were wounded in a shooting in Akron on Saturday. A third man was also wounded, police said.', { killed: null, injured: 3 }],
    // A deadly shooting is at least one dead: the one found shot is that one, not one more hurt.
    [
      'Police are investigating a deadly shooting in Akron on Monday. Officers found a 17-year-old suffering from a gunshot wound.',
      { killed: 1, injured: null },
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const event = mainEvent(text);
      assert.ok(event);
      assert.equal(event.killed?.low ?? null, expected.killed);
      assert.equal(event.injured?.low ?? null, expected.injured);
    });
  }

  // A war's toll is a figure, never a happening's: the strike keeps its own toll, the total goes to no event.
  it("a strike's own toll, beside the war's total, is the strike's", () => {
    const event = mainEvent(
      'An airstrike hit a market in Deir al-Balah on Monday, killing 14 people. More than 31,000 people have been killed in the war, the ministry said.',
    );
    assert.equal(event?.killed?.low, 14);
  });
  // A campaign's count is no one happening's, and neither is a figure counted since a date.
  it('a campaign count has no place in the airstrike before it', () => {
    const event = mainEvent('Warplanes struck Baalbek on Sunday. Israeli attacks have killed 2,212 people in Lebanon, officials said.');
    assert.equal(event?.killed, null);
  });
  it('nor a count since a date', () => {
    const event = mainEvent(
      'Shelling hit Kherson on Friday. At least 412 civilians have been killed in the region since March, officials said.',
    );
    assert.equal(event?.killed, null);
  });
  it('but a toll since the attack itself is that attack’s', () => {
    const event = mainEvent('A car bomb exploded in Kirkuk on Friday. Six people have died since the attack, police said.');
    assert.equal(event?.killed?.low, 6);
  });

  const negatives: Array<[string, string]> = [
    [
      'Airstrikes hit depots near Mayadin on Thursday; officials said they did not appear to have hurt anyone.',
      'casualties said to be absent',
    ],
    ['Gunmen attacked a checkpoint near Kidal on Monday and no one was hurt.', 'no one was hurt'],
    ['A 19-year-old was arrested after a shooting in Tulsa on Friday, ages 19, 20 and 21 were given.', 'ages are not counts'],
    ['Shots were fired at a house in Akron on Saturday but no one was hurt.', 'no one was hurt, said after the attack'],
    ['A man was struck by a car in Akron on Saturday after a shooting nearby.', 'struck by a car is no gunshot'],
    ['A man was hit by a car in Akron on Saturday after a shooting nearby.', 'hit by a car is no gunshot'],
    [
      'In the aftermath of the shooting in Akron on Saturday, about a dozen relatives gathered at the corner.',
      'a count after a pause is no object of the casualty word',
    ],
    ['A shooting in Akron on Saturday left multiple people wounded.', '"people" is no singular noun'],
    ['Police said Braud shot them outside a store in Akron on Saturday.', 'the name before an active verb is the one who shot'],
    ['Police said the father shot them at the home in Akron on Saturday.', '"them" are people counted elsewhere, not the father'],
  ];
  for (const [text, why] of negatives) {
    it(`no figure: ${why}`, () => {
      const event = mainEvent(text);
      assert.ok(event);
      assert.equal(event.killed, null);
      assert.equal(event.injured, null);
    });
  }
});

describe('one happening told over several sentences', () => {
  it('merges a report of one shooting into one event, with its place, date and toll', () => {
    const events = eventsOf(
      'A woman was shot in Dayton on Monday night. Police said the shooting happened near a gas station. She died at the hospital.',
    ).filter((e) => e.type === 'ASSAULT');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.killed?.low, 1);
    assert.equal(events[0]?.place?.name, 'Dayton');
    assert.equal(events[0]?.date?.start, '2024-03-11');
    assert.equal(events[0]?.evidence.length, 2);
  });

  it('joins accounts of one shooting told apart in the report, fusing their figures rather than adding them', () => {
    const events = eventsOf(
      'AKRON, Ohio — A shooting left one man dead and six others wounded early Sunday. Police said a gunman opened fire at a party on Maple Street, killing one man and wounding six others. Officers were called to reports of shots fired at 2 a.m.',
    ).filter((e) => e.type === 'ASSAULT');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.killed?.low, 1);
    assert.equal(events[0]?.injured?.low, 6);
    assert.equal(events[0]?.modality, 'asserted');
  });

  const followUps: Array<[string, { killed: number | null; injured: number | null }]> = [
    // Who was shot, told again in a later sentence with a place of its own, is the one who died, not one more hurt.
    [
      'A 2-year-old boy was shot and killed near his home in Akron on Saturday. The toddler was shot on Saturday afternoon on Mill Street, the coroner said.',
      { killed: 1, injured: null },
    ],
    [
      'Three people were killed and two were wounded in a shooting in Akron on Saturday. Five people were shot outside a bar on Main Street, police said.',
      { killed: 3, injured: 2 },
    ],
  ];
  for (const [text, expected] of followUps) {
    it(`attaches a follow-up about the same victims to the main event: ${text.slice(0, 50)}`, () => {
      const events = eventsOf(text).filter((e) => e.type === 'ASSAULT');
      assert.equal(events.length, 1);
      assert.equal(events[0]?.killed?.low ?? null, expected.killed);
      assert.equal(events[0]?.injured?.low ?? null, expected.injured);
    });
  }

  it('joins a lead dated by its arrest to the shooting it tells, dated by its own day', () => {
    const events = eventsOf(
      'Police in Akron arrested a man on Friday in the fatal shooting of a teenager. The teen was killed and two others were wounded in a shooting outside a store on March 2.',
    ).filter((e) => e.type === 'ASSAULT');
    assert.equal(events.length, 1);
    assert.equal(events[0]?.killed?.low, 1);
    assert.equal(events[0]?.injured?.low, 2);
    assert.equal(events[0]?.date?.start, '2024-03-02');
  });

  it('makes the event the lead tells, with its figures, the main one, over a later account that gathers more words', () => {
    const main = mainEvent(
      'Two people were killed and two injured in a shooting in Akron on Saturday. Police did not name the victims. Their families gathered on Sunday. Separately, a man was shot in Denver on Friday. The man was shot in the leg. Police said the shooting was gang-related. Officers found shell casings at the shooting scene.',
    );
    assert.equal(main?.place?.name, 'Akron');
    assert.equal(main?.killed?.low, 2);
  });

  const apart: Array<[string, string]> = [
    [
      'A man was shot and killed in Akron on Saturday. In a separate incident, a woman was shot in Akron on Saturday.',
      'said to be separate',
    ],
    ['A man was shot and killed in Akron on Saturday. A woman was shot and wounded in Akron on March 1.', 'on different days'],
    ['A man was shot and killed in Akron on Saturday. A woman was shot and wounded in Denver on Saturday.', 'in different places'],
    ['A man was killed in a shooting in Akron on Saturday. Two people were killed in another shooting on Saturday.', 'another shooting'],
    [
      'Police in Akron arrested a man on Friday in the fatal shooting of a teenager. The teen was killed and two others were wounded in a shooting outside a store on December 2.',
      'an arrest months after the shooting told',
    ],
  ];
  for (const [text, why] of apart) {
    it(`keeps two shootings apart: ${why}`, () => {
      assert.equal(eventsOf(text).filter((e) => e.type === 'ASSAULT').length, 2);
    });
  }

  it('keeps an aggregate apart from a single attack, and says so', () => {
    const events = eventsOf(
      'Militias attacked U.S. forces 23 times between March 1 and March 10. On March 11, a drone attack hit a base near Erbil.',
    ).filter((e) => e.type === 'ASSAULT');
    assert.equal(events.length, 2);
    assert.deepEqual(
      events.map((e) => e.aggregate?.low ?? null),
      [23, null],
    );
  });
});

describe('where a shooting happened in local news', () => {
  const cases: Array<[string, string | null, string]> = [
    // An agency named for its county says who speaks; the town says where.
    ['Harris County deputies said a boy was shot near his home in Pasadena on Friday.', 'Pasadena', 'agency county'],
    ['A man was shot in Harris County, Texas, on Friday.', 'Harris County', 'a county that is the place'],
    // A street is placed at the town it is read in.
    ['A man was shot on Maple Street in Dayton, Ohio, on Friday.', 'Dayton', 'street in town'],
    // The dateline names the town where no sentence of the event does.
    ['DAYTON, Ohio — Police are looking for a gunman. A man was shot on Friday, police said.', 'Dayton', 'dateline'],
    // A former or neighbouring name of another place does not beat the place of that name.
    ['A man was shot in Philadelphia on Monday. Police in Pennsylvania are looking for the gunman.', 'Philadelphia', 'alias'],
    // A town in a hospital's name is where a victim was taken, not where he was shot.
    [
      'DAYTON, Ohio — A man was shot on Friday night, police said. He was taken to Springfield Regional Medical Center.',
      'Dayton',
      'facility',
    ],
    // A neighbourhood is part of the town the report is about.
    [
      'CHICAGO — A man was shot in the Englewood neighborhood on Friday. Chicago police are looking for the gunman.',
      'Chicago',
      'neighbourhood',
    ],
    // Negative: a town named for itself beside a facility keeps its place.
    ['A man was shot outside a bar in Springfield, Ohio, on Friday and taken to a hospital.', 'Springfield', 'no facility'],
    // A county or state yields to the report's town in it: the dateline's, else the one it names most.
    ['PASADENA, Texas — A man was shot in Harris County on Friday, police said.', 'Pasadena', 'county to dateline town'],
    ['A man was shot in Ohio on Friday. Dayton police said the gunman fled, and Dayton officers are searching.', 'Dayton', 'state to town'],
    // A name read as a place abroad is no location in a report about another country unless the sentence puts it there.
    [
      'ALBUQUERQUE, N.M. — Police are looking for a gunman. Jaquan Lewis, 17, was shot and killed on Sunday.',
      'Albuquerque',
      'a person read as a place abroad',
    ],
    // A part of the report's town that the gazetteer does not know, named without its state, is in that town.
    ['MEMPHIS, Tenn. — Three people were shot at a club in Whitehaven late Saturday.', 'Memphis', 'part of the dateline town'],
    // A town before a person says where the person lives; the dateline says where it happened.
    ['BOISE, Idaho — A Nampa man was shot and killed on Friday, police said.', 'Boise', 'residence yields to dateline'],
    // Negative: a wire service's bureau is no local dateline.
    ['BOSTON (Reuters) - Five people were found shot dead in Saco, Maine, on Sunday.', 'Saco', 'wire dateline'],
    // The town of a hospital named just before it is where a victim was taken.
    ['A boy was shot in Tullahoma on Friday and was later flown to Erlanger Medical Center in Chattanooga.', 'Tullahoma', 'hospital town'],
    // ", of Nampa" after a person says where the person lives; the sentence's "in" says where it happened.
    ['Lee Park, 22, of Nampa, was shot and wounded in Caldwell on Friday.', 'Caldwell', 'residence after a comma'],
    // A county dateline in capitals names the county the report is from.
    ['WELD COUNTY, Colo. -- A hunter was shot and wounded on Saturday, deputies said.', 'Weld County', 'county dateline'],
    // Negative: a residence is still the place where nothing else names one.
    ['A Nampa man was shot and killed on Friday, police said.', 'Nampa', 'residence alone'],
    // Negative: a town in another state does not take the county's place.
    ['A man was shot in Harris County, Texas, on Friday. His family lives in Dayton, Ohio.', 'Harris County', 'town elsewhere'],
  ];
  for (const [text, name, why] of cases) {
    it(`${why}: ${text}`, () => {
      const event = mainEvent(text);
      assert.equal(event?.place?.name ?? null, name);
      if (name === 'Philadelphia') assert.equal(event?.place?.country, 'US');
    });
  }
});

describe('dating an attack from the rest of the report', () => {
  const text =
    'The family of a teen killed by the police has hired a lawyer. His friends remember him. The boy was shot Friday night at his door. A man was shot on Feb. 2, 2024, in another case.';
  const frame = createDocumentFrame({ documentId: 'doc', text, published }, understand({ text, published }, lexicons));
  const cases: Array<[string, Parameters<typeof reportDate>[1], number[], string | undefined]> = [
    ['the nearest violent sentence dates an undated attack', null, [2], '2024-03-08'],
    // Violence told on two days is two stories: neither dates the event.
    ['a report of violence on several days dates nothing', null, [2, 3], undefined],
    [
      'the publication fallback gives way to it',
      { start: '2024-03-06', end: '2024-03-12', precision: 'week', rule: 'date-from-published' },
      [2],
      '2024-03-08',
    ],
    // A weekday is kept: an explicit date elsewhere is as often another happening.
    [
      'a weekday of its own is kept',
      { start: '2024-03-11', end: '2024-03-11', precision: 'day', rule: 'date-in-sentence/date/weekday' },
      [3],
      '2024-03-11',
    ],
    [
      'a relative date gives way to an earlier explicit day',
      { start: '2024-02-01', end: '2024-02-29', precision: 'month', rule: 'date-in-sentence/date/month' },
      [3],
      '2024-02-02',
    ],
    ['sentences that tell no violence give nothing', null, [], undefined],
  ];
  for (const [why, own, violent, expected] of cases) {
    it(why, () => {
      assert.equal(reportDate(frame, own, new Set([0]), new Set(violent))?.start, expected);
    });
  }
});

describe('dating an attack apart from what followed it', () => {
  // Published on a Tuesday (2024-03-12).
  const cases: Array<[string, string, string]> = [
    [
      'A man was arrested Monday in the shooting of a teen outside a school. The teen was shot Friday night as he left practice.',
      '2024-03-08',
      'an arrest date gives way to the attack told elsewhere',
    ],
    // A report published a day late ("Wednesday" resolves to the week before): the condition's day is not the attack's.
    ['A girl shot Tuesday morning was in critical condition Wednesday, police said.', '2024-03-12', 'the hospital day is not the attack'],
    [
      'Police are looking for the gunman who killed a man outside a bar. It happened about 9 p.m. Saturday, police said.',
      '2024-03-09',
      'a sentence with no trigger that says when it happened',
    ],
    [
      'On Monday, the prosecutor confirmed that a teen was shot dead at a party. Officers found him in the yard on Saturday.',
      '2024-03-09',
      'a statement date gives way to the finding',
    ],
    [
      'Police are looking for the gunman who killed a man outside a bar. Officers were called to the corner about 9 p.m. Saturday.',
      '2024-03-09',
      'the one day the rest of the report gives',
    ],
    [
      'A teen shot earlier this week has died. The boy was shot Sunday night outside his home.',
      '2024-03-10',
      'a weekday within a relative date',
    ],
    [
      'Police arrested a man in a shooting last month at a bar. The shooting on Feb. 10 left two men hurt.',
      '2024-02-10',
      'a stated day in a sentence told of the same shooting',
    ],
    // Negative: days apart in the rest of the report date nothing; a stated day of what followed bounds the attack.
    ['A man was killed outside a bar. Officers were called to the corner Saturday. The bar reopened Monday.', '2024-03-12', 'two days'],
    [
      'A woman was charged on March 4 in the shooting of her neighbour. Officers were called to the house on March 8.',
      '2024-03-04',
      'nothing after a stated follow-up day',
    ],
    // Negative: a follow-up date is kept when the report gives nothing else, and the attack's own date is kept.
    ['Police arrested a man Monday in the shooting of a teen.', '2024-03-11', 'the arrest day bounds an attack dated nowhere else'],
    ['A man was shot Friday, police said Monday.', '2024-03-08', 'the attack day beats the statement day'],
  ];
  for (const [text, day, why] of cases) {
    it(`${why}: ${text}`, () => assert.equal(mainEvent(text)?.date?.end, day));
  }

  it('a day a "since" clause counts from is not the attack\'s', () => {
    const text =
      'It was the deadliest air strike on the rebels since the campaign against them began on March 15. ' +
      'Around 20 people were killed in the strikes on the port.';
    const dated = eventsOf(text).filter((e) => e.type === 'ASSAULT' && e.date !== null);
    assert.ok(dated.length > 0);
    for (const event of dated) assert.notEqual(event.date?.start, '2024-03-15', JSON.stringify(event.date));
    // Nor is it the day of an attack another sentence tells without a day of its own.
    const later = eventsOf(
      'Around 20 people were killed in US airstrikes on the oil port, the rebels said. This could be the highest toll in ' +
        'any US strike on the rebels since the campaign against them came into action on March 2.',
    );
    const attacks = later.filter((e) => e.type === 'ASSAULT');
    assert.ok(attacks.length > 0);
    for (const event of attacks) assert.notEqual(event.date?.start, '2024-03-02', JSON.stringify(event.date));
    // Negatives: a day said of the strike itself still dates it, and so does one inside a "since" clause that tells it.
    assert.equal(mainEvent('A strike on the port killed 20 people on March 5.')?.date?.start, '2024-03-05');
    const since = eventsOf("The toll has reached 900 since the militants' Oct. 7, 2023, attack on the border towns.");
    assert.ok(
      since.some((e) => e.type === 'ASSAULT' && e.date?.start === '2023-10-07'),
      JSON.stringify(since.map((e) => e.date)),
    );
    // The day's own happening, told in a "when" clause after it, is dated by it.
    const when = eventsOf(
      'The raid was the largest rescue since October 7, when gunmen stormed across the border, killing some 1,200 people.',
    );
    assert.ok(
      when.some((e) => e.type === 'ASSAULT' && e.killed?.low === 1200 && e.date?.start === '2023-10-07'),
      JSON.stringify(when.map((e) => [e.killed, e.date])),
    );
  });

  it('an arrest is dated by its own day, not as what followed', () => {
    const date = mainEvent('Police arrested a man Monday in the shooting of a teen.', 'COERCE')?.date;
    assert.deepEqual([date?.start, date?.rule], ['2024-03-11', 'date-in-sentence/date/weekday']);
  });
});

describe('the main attack of a report that doubts its cause', () => {
  const cases: Array<[string, { killed: number | null; injured: number | null } | null]> = [
    // A modal that doubts what led to a shooting does not doubt the dead and hurt it counts.
    [
      'AKRON | An argument over a debt might have led to a shooting that left two men dead and three wounded, police said. ' +
        'Dana Reyes died from a single gunshot, the coroner said.',
      { killed: 2, injured: 3 },
    ],
    // Negative: a modal with no count tells no attack that happened.
    ['Police said the argument could have led to a shooting on Elm Street in Akron.', null],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const main = mainViolentEvent(eventsOf(text));
      assert.deepEqual(main ? { killed: main.killed?.low ?? null, injured: main.injured?.low ?? null } : null, expected);
    });
  }
});

describe('an event the report places nowhere has no place, and says why', () => {
  const cases: [string, Event['placeReason'] | 'placed'][] = [
    ['Gunmen killed four people at a wedding on Saturday, relatives said.', 'no-place-named'],
    ['At least 20 people were killed in US airstrikes, the rebels said.', 'places-only-as-actors'],
    // Negative: a place the sentence gives is the event's, with no reason.
    ['At least 20 people were killed in airstrikes on Ras Isa in Yemen, the rebels said.', 'placed'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      const event = mainEvent(text);
      assert.ok(event, 'expected an attack');
      assert.equal(event.place === null ? event.placeReason : 'placed', expected);
    });
  }
});

describe("a war's running toll is not a happening", () => {
  it('"killed since October 7" and "in the 21-month war" are aggregates', () => {
    for (const text of [
      'More than 60,000 Palestinians have been killed in the 21-month war between Israel and Hamas, the ministry said.',
      'Israeli forces have killed at least 40,005 Palestinians in the enclave since 7 October, the ministry said.',
      'More than 9,000 civilians have been killed since Russia invaded Ukraine, the United Nations said.',
      'The death toll from the strikes across the country over the past 12 days has reached 610, the health minister said.',
      'Air raids have killed 230 people in the region in the last three weeks, the monitor said.',
    ]) {
      const violent = eventsOf(text).filter((e) => e.type === 'ASSAULT' || e.type === 'DEATH');
      assert.ok(violent.length > 0, text);
      for (const event of violent) assert.notEqual(event.aggregate, null, text);
    }
  });

  it('a count of attacks since a day is no war toll: a strike told beside it is still one', () => {
    const strikes = eventsOf(
      'Rocket attacks on the bases have grown since October 17, and the air force struck two depots near Mayadin last week.',
    ).filter((e) => e.type === 'ASSAULT' && e.aggregate === null);
    assert.ok(strikes.length > 0);
  });

  it('an attack measured against the last months is still one attack', () => {
    for (const text of [
      'A car bomb tore through a market in the capital on Monday, the worst bombing in the city in the last few months.',
      'Gunmen burned three buses on the highway on Friday, the fifth such attack in the past two weeks, police said.',
    ]) {
      const attacks = eventsOf(text).filter((e) => e.type === 'ASSAULT');
      assert.ok(attacks.length > 0, text);
      assert.ok(
        attacks.some((e) => e.aggregate === null),
        text,
      );
    }
  });

  it("hundreds killed between two days more than a month apart are a campaign's toll", () => {
    const violent = eventsOf('Monitors documented 3,900 civilians killed by the army between 24 February and 15 May.').filter(
      (e) => e.type === 'ASSAULT' || e.type === 'DEATH',
    );
    assert.ok(violent.length > 0);
    for (const event of violent) assert.notEqual(event.aggregate, null, JSON.stringify(event.date));
    // Negatives: a few dead over those months, and hundreds over a week of clashes, are no campaign's toll.
    for (const text of [
      'Monitors documented 12 civilians killed by the army between 24 February and 15 May.',
      'Clashes between the militias killed 300 people between 13 July and 19 July, the monitor said.',
    ]) {
      const event = mainEvent(text);
      assert.equal(event?.aggregate, null, text);
    }
  });

  it('a massacre counted over a day or two keeps its dead', () => {
    for (const text of [
      'Gunmen killed 120 villagers in the region within the past 48 hours, the monitor said.',
      'Gunmen killed 120 villagers in the region over the past two days, the monitor said.',
    ]) {
      const event = mainEvent(text);
      assert.equal(event?.aggregate, null, text);
      assert.equal(event?.killed?.low, 120, text);
    }
  });

  it('a single strike measured against the war keeps its own dead', () => {
    const event = mainEvent('An Israeli strike killed 12 people in Gaza City on Monday, the deadliest attack since October 7.');
    assert.equal(event?.aggregate, null);
    assert.equal(event?.killed?.low, 12);
  });

  it('a part of a count told before adds no one to the attack before it', () => {
    const event = mainEvent('A strike killed 40 people in Gaza on Monday. Around 34 of those killed were children.');
    assert.equal(event?.killed?.low, 40);
  });
});

describe('an attack told beside a disaster is still an attack', () => {
  it('gunmen who struck after an earthquake attacked, the earthquake told first', () => {
    const types = eventsOf('After the earthquake, gunmen struck a relief convoy on Monday.').map((e) => e.type);
    assert.ok(types.includes('ASSAULT'), JSON.stringify(types));
  });
  it('strikes launched in retaliation are an attack', () => {
    const types = eventsOf('Israel launched airstrikes in retaliation for the rocket fire on Monday.').map((e) => e.type);
    assert.ok(types.includes('ASSAULT'), JSON.stringify(types));
  });
  it('gunmen who struck after an earthquake attacked', () => {
    const types = eventsOf('Gunmen struck a relief convoy on Monday, killing two drivers, a week after the earthquake.').map((e) => e.type);
    assert.ok(types.includes('ASSAULT'), JSON.stringify(types));
  });
});
