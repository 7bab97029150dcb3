/** @module Tests of casualty figures read one sentence at a time: what each figure counts, and phrasings that count no one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { createDocumentFrame } from './document-frame.ts';
import { defaultEventLexicon } from './event-lexicon.ts';
import { findCasualties, type CasualtyFigure } from './find-casualties.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** The figures of a text we write, read through the real understanding stage. */
function figuresOf(text: string): CasualtyFigure[] {
  const mentions = understand({ text, published }, lexicons);
  return findCasualties(createDocumentFrame({ documentId: 'doc', text, published }, mentions), defaultEventLexicon());
}

/** A figure as "category low" with "+" where it is additional, and the casualty word it was read at. */
function describeFigures(text: string): string[] {
  const mentions = understand({ text, published }, lexicons);
  const frame = createDocumentFrame({ documentId: 'doc', text, published }, mentions);
  return findCasualties(frame, defaultEventLexicon())
    .filter((f) => !f.absent)
    .map((f) => `${f.category} ${f.low}${f.additional ? '+' : ''} ${frame.view.keys[f.at]}`);
}

describe('casualty figures', () => {
  const cases: Array<[string, string[]]> = [
    // "another" beside the dead is the first one hurt, not one more than some other count of the hurt.
    ['Two men were killed and another injured in a shooting in Akron on Saturday.', ['killed 2 killed', 'injured 1 injured']],
    ['One woman died and another was shot in Akron on Saturday.', ['killed 1 died', 'injured 1 shot']],
    // A count after a clause word ("while", "when", "after") is the next clause's subject, not the one shot.
    ['Man held after cousin shot while 2 were playing with gun in Akron', ['shot 1 shot']],
    ['Gunman shot 2 men outside a bar in Akron', ['shot 2 shot']],
    // A gallery caption's count of pictures is no count of people; the count after it is.
    ['Photo 2 of 9 Two women were shot in Akron on Saturday.', ['shot 2 shot']],
    // "wounds" right after "shooting" is its verb: the people it counts were hurt, apart from the dead.
    ['Akron shooting wounds 4, kills 1', ['injured 4 shooting', 'killed 1 kills']],
    ['Akron shooting injures two men', ['injured 2 shooting']],
    // Negative: a shooting with no verb after it counts those shot.
    ['Akron shooting leaves 3 dead', ['killed 3 dead']],
    // A singular phrase after a count with "other" before its noun is one more; not a count with no person after it.
    ['Three other women and a man were wounded in Akron on Saturday.', ['injured 4 wounded']],
    ['Two other men and a dog were hurt in Akron on Saturday.', ['injured 2 hurt']],
    // "another" after a preposition is a place or a thing, no one more.
    ['Dana then took the gun into another room in Akron and shot herself.', []],
    ['Police said another man was shot in Akron on Saturday.', ['shot 1+ shot']],
    // Beside others already counted as hurt in its sentence, "another" is one more of them: one figure counts all.
    ['Two men were wounded and another was hurt in Akron on Saturday.', ['injured 3 wounded']],
    ['Two were treated for minor injuries and another is in critical condition in Akron.', ['injured 3 treated']],
    // A plural noun after "the" counts no one in particular; a singular one counts one.
    ['The victims were listed in stable condition after the shooting in Akron.', []],
    ['The police officer was listed in stable condition after the shooting in Akron.', ['injured 1 stable']],
    // The dead follow "of" in "the bodies of", a comma joining singular phrases as "and" does.
    ['Deputies found the bodies of a 6-year-old boy, a man and a woman in a home in Akron.', ['killed 3 bodies']],
    // The subject of an active "shot" fired; its object is the one hurt.
    ['Police said he shot a cashier during the robbery in Akron.', ['shot 1 shot']],
    ['Police said the man who shot the clerk drove off in a gray car.', ['shot 1 shot']],
    ['A boy shot himself in the hand in Akron on Saturday.', ['shot 1 shot']],
    // Shots told of one attack; counts joined across a verb are two objects, not one.
    [
      'Police in Akron are looking into shootings that killed two men and left two others injured.',
      ['killed 2 killed', 'injured 2 injured'],
    ],
    // A participle after a pause counts its object, never the ones who fired; "one" and a missed name count one.
    ['Two gunmen opened fire at the bar, killing one guest and wounding four others.', ['killed 1 killing', 'injured 4 wounding']],
    ['Gunmen fired on the car, killing Tashawn and wounding three others.', ['killed 1 killing', 'injured 3 wounding']],
    ['A stray round struck the porch, fatally injuring a man.', ['killed 1 fatally']],
    // An object is found within its sentence only.
    ['The shooting left one dead, four injured. Marlow said the club will close.', ['killed 1 dead', 'injured 4 injured']],
    // Wound phrases the fixed phrases miss, and a count carried to hospital.
    ['Officers found four victims suffering from apparent gunshot wounds outside the store.', ['shot 4 suffering']],
    ['Two adults walked into the hospital with non-life threatening gunshot wounds.', ['shot 2 with']],
    ['Five people, including an infant, were rushed to the hospital after the shooting in Akron.', ['injured 5 rushed']],
    // An "and" far before the person is no list of people; ages "of age" count no one.
    ['Officers arrived and found a woman with a gunshot wound in Akron.', ['shot 1 with']],
    ['Two girls, 13 and 16 years of age, were wounded in Akron.', ['injured 2 wounded']],
    ['A boy, 15, and two girls were wounded in Akron.', ['injured 3 wounded']],
    // Shot "to death" is killed; a possessive list with commas counts each.
    ['Police said he is the man who shot four people to death in Akron.', ['killed 4 shot']],
    ['The sheriff said he shot and killed his mother, stepfather, and grandmother on Saturday.', ['killed 3 shot']],
    // An age after a name and a comma is no count, even with no comma after it; a headline's counts still count.
    ['Police said Calvin Ames, 24 was shot in the chest.', ['shot 1 shot']],
    ['13 Dead, at Least 3 Wounded in Akron Shooting', ['killed 13 dead', 'injured 3 wounded']],
    ['4 Shot, 2 Killed In South Akron', ['shot 4 shot', 'killed 2 killed']],
    // A wound to a shoulder is still a wound.
    ['The woman was treated for her shoulder wound at the hospital in Akron.', ['injured 1 treated']],
    // A count after "and her" adds to the singular ones; a bare age after "and" ending the subject is one more.
    ['Police said he shot his girlfriend and her three teenage children in Akron.', ['shot 4 shot']],
    ['An 18-year-old woman and 3-year-old were injured in a shooting in Akron.', ['injured 2 injured']],
    // Not a list inside an aside before the verb.
    ['Her son, who loved being around his brother and sister, was shot and killed on Friday.', ['killed 1 shot']],
    // A multiple tells its count: killed for a homicide, shot for a shooting; a murder-suicide's is told apart.
    ['Police are investigating a triple homicide in Akron.', ['killed 3 triple']],
    ['Two teens named in Akron double fatal shooting', ['killed 2 double']],
    // One of the victims of a multiple who died is not all of them.
    ['A man, one of the victims in a double shooting in Akron, has died.', ['shot 2 double']],
    ['A double shooting on Elm Street in Akron sent two men to the hospital.', ['shot 2 double', 'injured 2 sent']],
    // The one hurt who died in the same sentence is one person, dead.
    ['He was rushed to a hospital in critical condition, where he died.', ['killed 1 died']],
    ["He is charged over Friday's shootings that killed two people and hospitalized three.", ['killed 2 killed', 'injured 3 hospitalized']],
    // A count of others after one counted as hurt or shot is more than that one; "the five others" are told of before.
    ['One woman is in serious condition and two others were hurt in the shooting in Akron.', ['injured 3 serious']],
    ['A man was shot in the arm and three others were wounded outside the bar in Akron.', ['shot 4 shot']],
    ['Three victims were taken to hospital, where one is critical and two others were treated.', ['injured 3 taken']],
    ['One man was killed and three others were wounded in Akron.', ['killed 1 killed', 'injured 3 wounded']],
    // People joined by "and" after an object's count are more of them.
    ['The gunfire wounded three adults and a 9-year-old girl in Akron.', ['injured 4 wounded']],
    ['A drive-by shooting injured two men and three women in Akron on Friday.', ['injured 5 injured']],
    // "a slain friend" counts no one; the four shot are the subject, one of them dead.
    ['Four men leaving a vigil for a slain friend were shot, one fatally, in Akron.', ['shot 4 shot', 'killed 1 fatally']],
    // One of a count shot who died is one dead, not all of them.
    ['Police said one of four people shot outside a club in Akron has died.', ['shot 4 shot', 'killed 1 died']],
    // A death of a new subject after "and" beside a count of the shot is someone else; "one" is one of them.
    ['Three women were shot during the robbery in Akron and a baby boy was killed.', ['injured 3 shot', 'killed 1 killed']],
    ['Four people were shot in Akron on Saturday and one died.', ['shot 4 shot', 'killed 1 died']],
    // One named dead is not one more hurt when named again; one named hurt who is named dead later was shot.
    ['Police said Dana Reyes died inside a home in Akron. Reyes was wounded in the head.', ['killed 1 died']],
    ['Tom Keller was critically wounded in Akron on Friday. Keller died Sunday, police said.', ['shot 1 wounded', 'killed 1 died']],
    ['Tom Keller died in Akron on Friday. Ann Ruiz was wounded in the arm.', ['killed 1 died', 'injured 1 wounded']],
    // A number whose noun follows "more" counts with the count joined to it.
    ['Five more officers and four other bystanders were injured in Akron.', ['injured 9 injured']],
    // Counts listed with a comma add up; a count a breakdown restates does not.
    ['2 Girls, 2 Men Shot At Birthday Party In Akron', ['shot 4 shot']],
    // Numbers listed after people and a comma are their ages.
    ['Two men, 18 and 20, were wounded in Akron on Saturday.', ['injured 2 wounded']],
    // "another" as an object is one person.
    ['The gunman killed two men and wounded another in Akron before he fled.', ['killed 2 killed', 'injured 1 wounded']],
    // A breakdown after a count of the hurt tells how many the gunfire hurt; one with no gunfire in it does not.
    ['A shooting in Akron on Friday left six people injured, five with gunshot wounds, police said.', ['injured 5 injured']],
    ['The fight in Akron left six people injured, two of them teenagers, police said.', ['injured 6 injured']],
    // Each verb's own object is another person; a pronoun object is one already counted.
    ['Police said he shot his wife, then wounded a deputy who came to the door in Akron.', ['shot 1 shot', 'shot 1+ wounded']],
    ['Police said he shot a clerk in the store in Akron, wounding him in the arm.', ['shot 1 shot', 'injured 1 wounding']],
    // ", and the boy" after no person joins a clause: the boy is the son told before.
    ['Her young son was with her through the standoff, and the boy was wounded in the arm.', ['injured 1 wounded']],
    // A death told of whose it was, or of someone the report does not count: one.
    ["A father was charged in his 5-year-old's accidental shooting death in Akron.", ['killed 1 death']],
    ["Neighbors wept when they learned of the boy's death on Elm Street.", ['killed 1 death']],
    ['An Akron man was indicted in the shooting death of a Hillview senior.', ['killed 1 shooting']],
    // A body found is someone dead.
    ['Deputies said an unidentified body was found inside the burned trailer.', ['killed 1 body']],
    ['A jogger found a body beside the canal in Akron on Sunday.', ['killed 1 body']],
    ["Lomax's body was discovered beside the canal in Akron.", ['killed 1 body']],
    // "has since died": "since" after "has" opens no other clause.
    ['He was taken to a hospital in Akron, where he has since died.', ['killed 1 died']],
    // "shot, killed": the one shot died.
    ['9-year-old shot, killed on porch in Akron', ['killed 1 shot']],
    ['A boy was shot three times and killed, and his uncle was wounded.', ['killed 1 shot', 'injured 1 wounded']],
    // The subject past an age between commas, a home town after "of", or a name in brackets.
    ['Girl, 16, fatally shot near Akron school', ['killed 1 fatally']],
    ['Dario Pell of Akron died at the scene, police said.', ['killed 1 died']],
    ['The victim (Tomas Wrenley) died at the hospital, police said.', ['killed 1 died']],
    ['Teen found shot and killed in Akron alley', ['killed 1 shot']],
    // A young child who shot himself is the one killed, not a suspect; "one of" two shot who died is one.
    ['A 6-year-old boy who fatally shot himself with a pistol was buried in Akron.', ['killed 1 fatally']],
    ['A teen who shot his friend then shot himself, police in Akron said.', ['shot 1 shot', 'suspect 1+ then']],
    ['Akron 4-year-old dies in self-inflicted accident with pistol', ['killed 1 dies', 'killed 1 self']],
    ['One of two men shot late Monday in Akron dies', ['shot 2 shot', 'killed 1 dies']],
    // "another" in custody or in hospital is no one more dead.
    ['1 man dead in Akron shooting, another in custody', ['killed 1 dead']],
    // An age standing alone after the verb is a person; a name past its age and home town is one.
    ['Stray round kills 9-year-old in Akron backyard', ['killed 1 kills']],
    ['Police said Dario Pell, 17, of Akron, died Tuesday at the hospital.', ['killed 1 died']],
    // A headline's name before "Killed" with no object after it is the one killed.
    ['Dario Pell, 19, Killed; Two Hurt in Akron Shooting', ['killed 1 killed', 'injured 2 hurt']],
    ['Marla Quint killed in Akron shooting', ['killed 1 killed']],
    // One who turned a gun on himself died by his own hand.
    ['A man shot his neighbor before turning his rifle on himself in Akron.', ['shot 1 shot', 'suspect 1+ turning']],
    ['A man shot and killed his wife and then shot himself in Akron.', ['killed 1 shot', 'suspect 1+ then']],
    ['Akron father kills wife, son, daughter, then himself', ['killed 4 kills']],
    ['Akron father kills two children, then fatally shoots self', ['killed 2 kills', 'suspect 1+ fatally']],
    // Kin in the plural are people counted.
    ['Two brothers were killed in Akron weeks apart.', ['killed 2 killed']],
    ['Akron father kills two sons, then fatally shoots self', ['killed 2 kills', 'suspect 1+ fatally']],
    // Without "then" the one who fired is the only one hurt, no suspect besides.
    ['Teen accidentally shoots, kills self in Akron', ['shot 1 shoots']],
    ['Akron man kills 3-year-old, then kills self', ['killed 1 kills', 'suspect 1+ kills']],
    // A headline's list of the killed, its commas for "and": people, counts of people and the one who did it.
    ['Akron man kills neighbor, her son, himself', ['killed 3 kills']],
    ['Man sought after killing wife and four daughters in Akron', ['killed 5 killing']],
    ['Suspect held after killing deputy, 3 others in Akron', ['killed 4 killing']],
    ['Police said he killed his 3-year-old son and his wife in Akron.', ['killed 2 killed']],
    // An ordinal beside a period ranks the year's dead; elsewhere it is one more.
    ['Police said Lomax was the fourth teenager killed in Akron this year.', ['killed 1 killed']],
    ['A second man was killed in the attack in Akron.', ['killed 1+ killed']],
    // A murder-suicide counts its dead with the one who did it: two, or three for a double.
    ['Deputies said it was a double murder-suicide at the home in Akron.', ['killed 3 murder']],
    ['Police called it an apparent murder-suicide, the second in Akron this year.', ['killed 2 murder']],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.deepEqual(describeFigures(text), expected));
  }
});

describe('phrasings that count no one', () => {
  const negatives: Array<[string, string]> = [
    ['Neighbors said the cashier could have been killed by the stray round in Akron.', 'a possibility'],
    ['She told deputies she feared he would hurt her and the children.', 'a fear of harm'],
    ['He had threatened to hurt his roommate, the records in Akron say.', 'a threat'],
    ['The couple pleaded not guilty to a charge of injury to a child in Akron.', 'the name of a charge'],
    ['He was charged with causing serious bodily injury in Akron.', 'the name of a charge'],
    ['His brother said the teenager hurt nobody.', 'nobody is the object'],
    ['Witnesses said he also shot at the officers before he fled in Akron.', '"shot at" hits no one'],
    ['A man was taken to the hospital after the shooting in Akron.', 'one carried to hospital may have died there'],
    ['Three people were taken to the hospital after a crash on Elm Street in Akron.', "a crash's hurt"],
    ['We will find the person who killed these men, the sheriff said.', 'the one who killed'],
    ['Officers fired back and shot three more times at the car.', 'shots, not people'],
    ['A deputy injured his hand during the arrest in Akron.', 'a body part hurt'],
    ['Two people suffered minor injuries in the stampede as the crowd ran.', 'hurt in a stampede'],
    ["She could've been dead today, her mother said.", 'a possibility, contracted'],
    ['Shots were fired near Captain Haynes and Dead River roads in Akron.', 'a casualty word inside a name'],
    ['Detectives said a non-fatal shooting happened on Elm Street in Akron.', 'a shooting no one died of'],
    ['Six people were wounded in separate shootings across Akron overnight.', 'a toll summed over several attacks'],
    ['Two men were killed and nine wounded in shootings across the city over the weekend.', 'a weekend roundup'],
    ['None of the children in the car were hurt, deputies in Akron said.', '"none of the children"'],
    ['A toddler was hurt in a rollover on the highway near Akron.', "a crash's hurt"],
    ['Two officers were treated for smoke inhalation after the standoff in Akron.', 'hurt by smoke, not the attack'],
    ['Relatives gathered in Akron to honor a slain teacher on Sunday.', 'an attribute of one already dead'],
    ['The gunman in Akron wounded several others before he fled.', 'an object with no number'],
    ['Police said a total of five rounds were shot during the fight in Akron.', 'rounds, not people'],
    ['A witness told police two men were shooting at each other on Elm Street in Akron.', 'the ones who fired'],
    ['He turned the car on Elm Street toward the house in Akron.', 'a turn that is no gun on oneself'],
    ['2 Akron teens charged in killing', 'those charged are not the dead'],
    ['Two men were arrested for the deaths on Elm Street, police said.', 'those arrested are not the dead'],
    ["The officer's body camera recorded the stop on Elm Street.", 'a body camera'],
    ['The round struck the man in the body, police said.', 'a body part'],
    ['Deputies found the boy in the yard with a pistol underneath his body.', 'a body not found as the dead'],
    ["Prosecutors will seek the death penalty in the man's trial in Akron.", 'a death penalty'],
    ['He faces a death sentence, the judge in Akron said.', 'a death sentence'],
    ['Photo 4 of 9 shot on Elm Street in Akron', 'a gallery caption counts pictures'],
  ];
  for (const [text, why] of negatives) {
    it(`no figure: ${why}`, () =>
      assert.deepEqual(
        figuresOf(text).filter((f) => !f.absent),
        [],
      ));
  }
});

describe('the place an additional person is given', () => {
  const cases: Array<[string, Array<number | undefined>]> = [
    ['Three men were wounded in Akron. A fourth man was wounded in the arm.', [undefined, 4]],
    ['Two women were shot in Akron. A second woman was shot later.', [undefined, 2]],
    // Negative: "another" adds one but names no place; a rank of the year's dead adds no one.
    ['Two men were wounded in Akron. Another man was wounded in the arm.', [undefined, undefined]],
    ['He was the third student killed in Akron this year.', [undefined]],
  ];
  for (const [text, expected] of cases)
    it(text, () =>
      assert.deepEqual(
        figuresOf(text)
          .filter((f) => !f.absent)
          .map((f) => f.ordinal),
        expected,
      ),
    );
});
