/** @module Table tests for claim extraction: category, value, figure, place, period, modality and speaker of each figure, and what is not a claim. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Claim } from '../../model/claim.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { extractClaims } from './extract-claims.ts';

const lexicons = loadLexicons();
/** A Tuesday: "on Tuesday" is this day, "on Sunday" two days before. */
const PUBLISHED = { start: '2024-03-12', end: '2024-03-12' };

function claimsIn(text: string): Claim[] {
  const claims = extractClaims({ documentId: 'doc', text, published: PUBLISHED }, understand({ text, published: PUBLISHED }, lexicons));
  for (const claim of claims) {
    assert.equal(text.slice(claim.span.start, claim.span.end), claim.text, 'the span is the sentence');
    assert.ok(claim.span.start <= claim.valueSpan.start && claim.valueSpan.end <= claim.span.end, 'the figure lies in its sentence');
    assert.match(claim.rule, /^claims\//);
  }
  return claims;
}

/** `[category, value, figure as written, countries of the place (+ joined; ~ for a lede place), period, modality, speaker]`. */
type Expected = readonly [
  category: Claim['category'],
  value: string,
  figure: string,
  place: string | null,
  period: string,
  modality: Claim['modality'],
  speaker: string | null,
];

function describeClaim(text: string, claim: Claim): Expected {
  const place = claim.place === null ? null : `${claim.place.basis === 'lede' ? '~' : ''}${claim.place.countries.join('+')}`;
  const period =
    claim.period === null ? 'none' : claim.period.basis === 'published' ? 'as-of' : `${claim.period.start}..${claim.period.end}`;
  return [
    claim.category,
    `${claim.value.qualifier} ${claim.value.low}`,
    text.slice(claim.valueSpan.start, claim.valueSpan.end),
    place,
    period,
    claim.modality,
    claim.attribution?.text ?? null,
  ];
}

const CLAIMS: ReadonlyArray<readonly [text: string, expected: readonly Expected[]]> = [
  // Counts spread over a sentence: two places and a total of both.
  [
    'Militants attacked the convoy at least 6 times in Yemen and four times in Oman between March 3 and March 9, for a total of 10 attacks, a coalition spokesman said.',
    [
      ['attacks', 'at-least 6', 'at least 6', 'YE', '2024-03-03..2024-03-09', 'asserted', 'a coalition spokesman'],
      ['attacks', 'at-least 4', 'four', 'OM', '2024-03-03..2024-03-09', 'asserted', 'a coalition spokesman'],
      ['attacks', 'exact 10', '10', 'OM+YE', '2024-03-03..2024-03-09', 'asserted', 'a coalition spokesman'],
    ],
  ],
  // The verb decides the category over the noun; the day named is the period.
  [
    'The blast killed 12 people in Khartoum on Sunday, police said.',
    [['killed', 'exact 12', '12', 'SD', '2024-03-10..2024-03-10', 'asserted', 'police']],
  ],
  // "since" the happening a count runs from, and the date a war began: the count runs from it to publication.
  [
    'At least 2,140 people have been killed in Sudan since the army offensive on January 5, 2024, the ministry said.',
    [['killed', 'at-least 2140', 'At least 2,140', 'SD', '2024-01-05..2024-03-12', 'asserted', 'the ministry']],
  ],
  [
    'The war that began in April 2023 has killed more than 16,500 people in Sudan.',
    [['killed', 'more-than 16500', 'more than 16,500', 'SD', '2023-04-01..2024-03-12', 'asserted', null]],
  ],
  // A year after a superlative is what the happening is compared with, not its period; a year alone still is one.
  [
    'The death toll rose to 23 in Kyiv, the deadliest strike on the capital in 2023, officials said.',
    [['killed', 'exact 23', '23', 'UA', 'as-of', 'asserted', 'officials']],
  ],
  [
    'Strikes killed 23 people in Kyiv in 2023, officials said.',
    [['killed', 'exact 23', '23', 'UA', '2023-01-01..2023-12-31', 'asserted', 'officials']],
  ],
  // A country named as who acts ("Israel's offensive on Gaza") is not where the dead are.
  [
    "At least 41,020 people have been killed in Israel's offensive on Gaza, the ministry said.",
    [['killed', 'at-least 41020', 'At least 41,020', 'PS', 'as-of', 'asserted', 'the ministry']],
  ],
  // A date naming a happening ("the January 5 offensive") is not the time a figure covers.
  [
    'Some 800 people remain displaced in Sudan after the January 5 offensive.',
    [['displaced', 'about 800', 'Some 800', 'SD', 'as-of', 'asserted', null]],
  ],
  ['Gunmen kidnapped 30 students from a school in Kaduna.', [['kidnapped', 'exact 30', '30', 'NG', 'as-of', 'asserted', null]]],
  ['Seven soldiers were wounded in the ambush near Gao.', [['injured', 'exact 7', 'Seven', 'ML', 'as-of', 'asserted', null]]],
  [
    "Police arrested 45 protesters in Lagos, according to the state governor's office.",
    [['arrested', 'exact 45', '45', 'NG', 'as-of', 'asserted', "the state governor's office"]],
  ],
  [
    'More than 3,000 people have been displaced by the fighting in Darfur.',
    [['displaced', 'more-than 3000', 'More than 3,000', 'SD', 'as-of', 'asserted', null]],
  ],
  ['Rebels said they captured 17 soldiers near Goma.', [['captured', 'exact 17', '17', 'CD', 'as-of', 'asserted', 'Rebels']]],
  ['At least 9 people are missing after the flood in Derna.', [['missing', 'at-least 9', 'At least 9', 'LY', 'as-of', 'asserted', null]]],
  [
    'Nearly 200 hostages are still held in Gaza, officials said.',
    [['hostages', 'about 200', 'Nearly 200', 'PS', 'as-of', 'asserted', 'officials']],
  ],
  // Hostages taken count a kidnapping; hostages held (above) do not.
  ['Gunmen raided the village near Kaduna and took 40 hostage.', [['kidnapped', 'exact 40', '40', 'NG', 'as-of', 'asserted', null]]],
  // A speaker inside a relative clause, and a list of who was counted, stand between a figure and its verb.
  [
    'Mourners buried the 12 people who the ministry said were killed in Sidon.',
    [['killed', 'exact 12', '12', 'LB', 'as-of', 'asserted', null]],
  ],
  [
    'In Goma, five aid workers, three drivers and a nurse were abducted.',
    [
      ['kidnapped', 'exact 5', 'five', 'CD', 'as-of', 'asserted', null],
      ['kidnapped', 'exact 3', 'three', 'CD', 'as-of', 'asserted', null],
    ],
  ],
  // A weapon's name of several words after the figure is the noun it counts.
  [
    'Russia fired two Iskander-M/KN-23 ballistic missiles at Sumy.',
    [['missiles-launched', 'exact 2', 'two', 'UA', 'as-of', 'asserted', null]],
  ],
  // What strikes hit, and strikes themselves.
  ['Aircraft struck 14 targets in Aleppo overnight.', [['strikes', 'exact 14', '14', 'SY', 'as-of', 'asserted', null]]],
  [
    'The army carried out 3 airstrikes on Idlib on Monday.',
    [['strikes', 'exact 3', '3', 'SY', '2024-03-11..2024-03-11', 'asserted', null]],
  ],
  // A standing figure is as of the report.
  ['About 1,200 troops are stationed in Kosovo.', [['troops', 'about 1200', 'About 1,200', 'XK', 'as-of', 'asserted', null]]],
  // A person counted by "a" is one.
  [
    'A journalist was killed in Khartoum on Sunday.',
    [['killed', 'exact 1', 'A journalist', 'SD', '2024-03-10..2024-03-10', 'asserted', null]],
  ],
  // Modality: a denial, a hedge in the next sentence, a condition, a plan.
  [
    'The ministry denied that 40 prisoners had been executed in Tripoli.',
    [['killed', 'exact 40', '40', 'LY', 'as-of', 'denied', 'The ministry']],
  ],
  [
    'A local monitor reported that 8 fighters were killed in Aleppo. The figure could not be independently verified.',
    [['killed', 'exact 8', '8', 'SY', 'as-of', 'reported-unconfirmed', 'A local monitor']],
  ],
  [
    'If the talks fail, up to 5,000 troops could be deployed to Lebanon.',
    [['troops', 'at-most 5000', 'up to 5,000', 'LB', 'as-of', 'hypothetical', null]],
  ],
  [
    'The government will send 600 troops to Haiti next month.',
    [['troops', 'exact 600', '600', 'HT', '2024-04-01..2024-04-30', 'future', null]],
  ],
  // "according to" after a figure names its speaker, not the place: the ministry's place stands for the figure's.
  [
    'Shelling has killed more than 500 people, according to the Gaza health ministry.',
    [['killed', 'more-than 500', 'more than 500', 'PS', 'as-of', 'asserted', 'the Gaza health ministry']],
  ],
  // A total before its parts takes their places.
  [
    'Militants have attacked US forces 66 times since March 1, 32 times in Iraq and 34 times in Syria, the Pentagon said.',
    [
      ['attacks', 'exact 66', '66', 'IQ+SY', '2024-03-01..2024-03-12', 'asserted', 'the Pentagon'],
      ['attacks', 'exact 32', '32', 'IQ', '2024-03-01..2024-03-12', 'asserted', 'the Pentagon'],
      ['attacks', 'exact 34', '34', 'SY', '2024-03-01..2024-03-12', 'asserted', 'the Pentagon'],
    ],
  ],
  // A number the quantity stage left without a noun: the words after it name what it counts.
  [
    'About 350 US Army and Air Force personnel are deployed at the outpost in Jordan.',
    [['troops', 'about 350', 'About 350', 'JO', 'as-of', 'asserted', null]],
  ],
  // "Four of the facilities": a noun's category carries from an earlier sentence, and to a figure beside it.
  [
    'Jets struck seven facilities in Iraq and Syria on Monday. Four of the facilities were in Syria and three in Iraq.',
    [
      ['strikes', 'exact 7', 'seven', 'IQ+SY', '2024-03-11..2024-03-11', 'asserted', null],
      ['strikes', 'exact 4', 'Four', 'SY', 'as-of', 'asserted', null],
      ['strikes', 'exact 3', 'three', 'IQ', 'as-of', 'asserted', null],
    ],
  ],
  // A running count named again ("the figure was", "the count passed") is the last count's category.
  [
    'By March 5, officials counted 23 attacks. By March 9 the figure was around 40, and the count passed 100 on March 11.',
    [
      ['attacks', 'exact 23', '23', null, '2024-03-05..2024-03-05', 'asserted', null],
      ['attacks', 'about 40', 'around 40', null, '2024-03-09..2024-03-09', 'asserted', null],
      ['attacks', 'more-than 100', '100', null, '2024-03-11..2024-03-11', 'asserted', null],
    ],
  ],
  // A place in an organisation's name is not where the figure is.
  [
    'Kataib Hezbollah, part of the Islamic Resistance in Iraq, was blamed for 12 attacks.',
    [['attacks', 'exact 12', '12', null, 'as-of', 'asserted', null]],
  ],
  // "killed or hurt at the two sites" counts no one; and "whether" makes it a question.
  [
    'Asked about casualties, the official said there was no information on whether anyone was killed or hurt at the two sites.',
    [['other', 'exact 2', 'two', null, 'as-of', 'hypothetical', 'the official']],
  ],
  // Another noun keeps its category as `other`, with the noun.
  ['The navy moved 4 frigates into the Red Sea.', [['other', 'exact 4', '4', '', 'as-of', 'asserted', null]]],
];

/** Sentences with numbers that are not claims, and why. */
const NOT_CLAIMS: ReadonlyArray<readonly [text: string, why: string]> = [
  ['The ceasefire has held for three weeks in Sudan.', 'a duration'],
  ['Two officials said the base in Erbil was quiet.', 'a count of speakers'],
  ['Rockets landed near Camp 5 in Anbar overnight.', 'a number in a name'],
  ['Sgt. Ana Lopez, 31, of Denver, was named as the victim.', 'an age'],
  ['The report was published in 2021.', 'a year'],
  ['A one-way attack drone hit the base in Erbil.', '"one-way" is not one of anything'],
  ['Four US F-15E jets flew over Basra.', "an aircraft designator is not a count (and the jets' noun is cut at it)"],
  ['The convoy left on Oct. 17 and arrived in Basra on Oct. 30.', 'days of the month'],
];

describe('extractClaims', () => {
  for (const [text, expected] of CLAIMS) {
    test(text, () => {
      assert.deepEqual(
        claimsIn(text).map((c) => describeClaim(text, c)),
        expected,
      );
    });
  }

  test('the figure of an `other` claim keeps its noun', () => {
    const [claim] = claimsIn('The navy moved 4 frigates into the Red Sea.');
    assert.equal(claim?.noun, 'frigates');
  });

  test('a report without a place in the sentence takes the places it opens with, as a weaker reading', () => {
    const text = 'Drones targeted bases in Iraq and Syria this week.\nOfficials said 21 personnel suffered minor injuries.';
    const claim = claimsIn(text).find((c) => c.category === 'injured');
    assert.deepEqual(claim?.place && [claim.place.name, claim.place.basis, claim.place.country], [
      'Iraq and Syrian Arab Republic',
      'lede',
      null,
    ]);
  });

  test('claim ids are stable and differ between figures', () => {
    const text = 'Gunmen killed 3 people and wounded 5 in Mosul.';
    const first = claimsIn(text).map((c) => c.id);
    assert.deepEqual(
      claimsIn(text).map((c) => c.id),
      first,
    );
    assert.equal(new Set(first).size, 2);
  });
});

describe('extractClaims: not claims', () => {
  for (const [text, why] of NOT_CLAIMS) {
    test(`${why}: ${text}`, () => {
      assert.deepEqual(
        claimsIn(text).map((c) => describeClaim(text, c)),
        [],
      );
    });
  }
});

/** `[sentence, figure as written, category]`: what a figure counts, from the words around it (our own sentences). */
const CATEGORIES: ReadonlyArray<readonly [text: string, figure: string, category: Claim['category'] | 'none']> = [
  // An aside between the figure and its verb.
  ['At least 80 villagers, including 11 children, were killed when the market was shelled.', '80', 'killed'],
  ['Some 40 residents — most of them fishermen — were wounded in the raid.', '40', 'injured'],
  ['Nine children and 14 women died in the fire that followed the strike.', 'Nine', 'killed'],
  // Hedged and reported participles.
  ['By nightfall 27 people were reported dead in the capital.', '27', 'killed'],
  ['Three sailors were confirmed to have died and 12 remain missing.', '12', 'missing'],
  ['Two hikers were lightly injured by shrapnel near the border.', 'Two', 'injured'],
  ['The rescuers said 6 more people were wounded in the second blast.', '6', 'injured'],
  ['Two more fishermen are currently unaccounted for.', 'Two', 'missing'],
  ['Fourteen crew members remain missing after the ship sank.', 'Fourteen', 'missing'],
  ['The raid left 30 guards and villagers dead.', '30', 'killed'],
  ['The ministry said eight sites were targeted overnight.', 'eight', 'strikes'],
  ['More than 40 tankers have already been attacked in the strait.', '40', 'attacks'],
  ['The agency recorded 2.5 million IDPs in the region.', '2.5 million', 'displaced'],
  ['The victims include six aid workers.', 'six', 'killed'],
  // Negative: a count beside people does not borrow their verb across another verb.
  ['Crews cleared 12 roads and villagers were evacuated.', '12', 'other'],
  ['The shelling killed 21 and injured 64, the governor said.', '21', 'killed'],
  ['At least four volunteers of the local water relief committee were killed at the pump.', 'four', 'killed'],
  ['The gunmen gunned down 14 farmers at the well.', '14', 'killed'],
  ['Those killed this week included 40 police officers.', '40', 'killed'],
  ['Some 9 million have fled, with over 1 million crossing into neighbouring states.', '1 million', 'displaced'],
  // A breakdown counts what the figure before it counts; a verb of its own wins.
  ['Shelling killed 52 people, including 9 children, in the town.', '9', 'killed'],
  ['The barrage killed 31 people, including 5 children, and injured 160 others.', '160', 'injured'],
  // A phrase further back than a verb: the nearest one governs.
  ['The death toll from the strike on the bus depot has risen to 28.', '28', 'killed'],
  ['The raid led to the death of at least 20 and injuries to no less than 75 people.', '75', 'injured'],
  ['The offensive forced about 300,000 residents to flee.', '300,000', 'displaced'],
  // A noun naming what befell people beats the verb before it.
  ['At least 47 people were killed and 206 wounded in the strike.', '206', 'injured'],
  // Places aimed at are struck.
  ['The army said it was targeting nine sites across the border.', 'nine', 'strikes'],
  // Drones and missiles, launched or downed, and the intercepted share ("52 of 72").
  ['Overnight the enemy launched 140 drones and 9 missiles at the port.', '140', 'drones-launched'],
  ['Overnight the enemy launched 140 drones and 9 missiles at the port.', '9', 'missiles-launched'],
  ['Air defence units shot down 52 of 72 drones over the south.', '52', 'drones-downed'],
  ['Air defence units shot down 52 of 72 drones over the south.', '72', 'drones-launched'],
  ['Gunners downed 110 drones and four cruise missiles.', 'four', 'missiles-downed'],
  ['By morning, 31 drones had been intercepted over the bay.', '31', 'drones-downed'],
  ['The army fired 300 Geran and decoy drones at the grid.', '300', 'drones-launched'],
  ['Two missiles slammed into the depot at dawn.', 'Two', 'missiles-launched'],
  // Negative: a figure that dies is not counted by the weapon named after it.
  ['50 die as Russian missiles target a training school', '50', 'killed'],
  ['One man dies after drones hit a bus depot', 'One', 'killed'],
  // A mixed salvo counts neither weapon; a second weapon with a figure of its own is another count.
  ['Iran fired more than 300 drones and missiles at the coast overnight.', '300', 'other'],
  ['The air force said 90 missiles and attack drones were launched.', '90', 'other'],
  ['Russia launched 728 drones and 13 missiles overnight.', '728', 'drones-launched'],
  ['Russia launched 728 drones and 13 missiles overnight.', '13', 'missiles-launched'],
  // A figure opening its own clause after a comma, with a verb of its own, is not counted by the clause before.
  ['Of the 25 crew, four were confirmed killed, ten were rescued and six are missing.', 'ten', 'other'],
  ['Of the 25 crew, four were confirmed killed, ten were rescued and six are missing.', 'four', 'killed'],
  // Negative: a figure after the verb's comma with no verb of its own is still the verb's.
  ['Among those killed, 12 were children.', '12', 'killed'],
  // A day after a participle noun dates the clause, it is not counted: "200 wounded Tuesday" counts the wounded.
  ['Nine people were killed and more than 200 wounded Tuesday when a bus exploded.', '200', 'injured'],
  // Negative: a drone operator is not a drone, nor is a crew counted by its missiles.
  ['The unit trained 40 drone operators last spring.', '40', 'other'],
  // Negative: a count of soldiers deployed is not a toll, and a toll phrase does not reach across a full stop.
  ['The death toll is unknown. The ministry sent 300 soldiers to the valley.', '300', 'troops'],
];

describe('extractClaims: categories', () => {
  for (const [text, figure, category] of CATEGORIES) {
    test(`${category}: ${text}`, () => {
      const claim = claimsIn(text).find((c) => text.slice(c.valueSpan.start, c.valueSpan.end).endsWith(figure));
      assert.equal(claim?.category ?? 'none', category);
    });
  }
});

describe('what a figure counts and where, in the wording of wire copy', () => {
  const one = (text: string, figure: string) => {
    const found = claimsIn(text).find((c) => text.slice(c.valueSpan.start, c.valueSpan.end) === figure);
    assert.ok(found, `a claim for ${figure}`);
    return found;
  };

  test('"shot and killed", "burned to death" count the dead; "shot" alone does not', () => {
    assert.equal(one('More than 40 patients were reportedly shot and killed in the clinic on Monday.', 'More than 40').category, 'killed');
    assert.equal(one('Four villagers were burned to death in Kaduna on Monday.', 'Four').category, 'killed');
    assert.notEqual(one('Four villagers were shot in Kaduna on Monday.', 'Four').category, 'killed');
  });

  test('a noun of the dead is not overruled by the next item of a list', () => {
    const text = 'The war in Sudan has caused over 16,000 deaths, displaced nearly 10 million people, and left millions hungry.';
    assert.equal(one(text, 'over 16,000').category, 'killed');
    assert.equal(one(text, 'nearly 10 million').category, 'displaced');
  });

  test('"in the entire country" places a figure in the country the report opens in, not its lede city', () => {
    const text =
      'Russian missiles struck Kyiv and other cities in Ukraine on Monday. In the entire country, at least 36 people were killed, officials said.';
    const place = one(text, 'at least 36').place;
    assert.equal(place?.name, 'Ukraine');
    assert.equal(place?.basis, 'text');
  });

  test('a country before "due to" or "following" is where, not an adjective; before a noun it is an adjective', () => {
    const where = 'Over 450 people were injured across Lebanon due to exploding radios, the ministry said.';
    assert.equal(one(where, 'Over 450').place?.name, 'Lebanon');
    assert.equal(one(where, 'Over 450').place?.basis, 'text');
    const after = 'Over 450 people were injured in Lebanon following the blasts, the ministry said.';
    assert.equal(one(after, 'Over 450').place?.basis, 'text');
    const adjective = 'Over 450 Lebanon officials attended the funerals in Tyre.';
    assert.notEqual(one(adjective, 'Over 450').place?.name, 'Lebanon');
  });

  test("a health ministry's country is where its figures are, whatever the report opens with", () => {
    const text =
      'Iranian officials said strikes hit Tehran overnight. Meanwhile, Israel’s Health Ministry has reported 28 deaths and 3,100 injuries since the war began.';
    assert.equal(one(text, '3,100').place?.name, 'Israel');
    assert.equal(one(text, '3,100').place?.basis, 'text');
    // Negative: a ministry of another remit speaks for no place.
    const other =
      'Iranian officials said strikes hit Tehran overnight. Meanwhile, Israel’s Foreign Ministry has reported 3,100 visa requests.';
    assert.notEqual(one(other, '3,100').place?.basis, 'text');
  });

  test('without such words the lede city stands in, as a guess', () => {
    const text = 'Russian missiles struck Kyiv and other cities in Ukraine on Monday. At least 36 people were killed, officials said.';
    assert.equal(one(text, 'At least 36').place?.basis, 'lede');
  });
});
