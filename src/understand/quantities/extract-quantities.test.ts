/** @module Table tests for quantity, money and percent mentions: the value, qualifier and counted noun of each, and what is not a count. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Qualifier } from '../../model/mention.ts';
import { extractQuantities, type QuantityMention } from './extract-quantities.ts';

type Count = readonly [text: string, low: number, high: number | null, qualifier: Qualifier, noun: string | null];

function mentionsIn(text: string): QuantityMention[] {
  const mentions = extractQuantities({ text, published: null });
  for (const mention of mentions) {
    assert.equal(text.slice(mention.span.start, mention.span.end), mention.text);
    if (mention.kind === 'quantity' && mention.value.nounSpan !== null) {
      assert.equal(text.slice(mention.value.nounSpan.start, mention.value.nounSpan.end), mention.value.noun);
    }
  }
  return mentions;
}

function countsIn(text: string): Count[] {
  return mentionsIn(text).map((mention) => {
    assert.equal(mention.kind, 'quantity', `${mention.text} in ${text}`);
    const value = mention.kind === 'quantity' ? mention.value : null;
    return [mention.text, value?.low ?? Number.NaN, value?.high ?? null, value?.qualifier ?? 'exact', value?.noun ?? null] as const;
  });
}

const COUNTS: ReadonlyArray<readonly [text: string, expected: Count]> = [
  // Digits and scale words.
  ['Shelling killed 1,400 people in the city.', ['1,400', 1400, 1400, 'exact', 'people']],
  ['Gunmen abducted 239 villagers on the road.', ['239', 239, 239, 'exact', 'villagers']],
  ['The agency said 1.2 million people were displaced.', ['1.2 million', 1_200_000, 1_200_000, 'exact', 'people']],
  ['The field holds 2.5 billion barrels of crude.', ['2.5 billion', 2_500_000_000, 2_500_000_000, 'exact', 'barrels']],
  ['Marchers walked 5 miles to the ministry.', ['5', 5, 5, 'exact', 'miles']],
  // Number words.
  ['The militia fired nine rockets overnight.', ['nine', 9, 9, 'exact', 'rockets']],
  ['Twenty-one soldiers were hurt in the blast.', ['Twenty-one', 21, 21, 'exact', 'soldiers']],
  ['Medics counted a dozen bodies.', ['a dozen', 12, 12, 'exact', 'bodies']],
  ['Two dozen trucks crossed the border.', ['Two dozen', 24, 24, 'exact', 'trucks']],
  ['A hundred families fled the town.', ['A hundred', 100, 100, 'exact', 'families']],
  ['One hundred and twenty detainees were freed.', ['One hundred and twenty', 120, 120, 'exact', 'detainees']],
  ['The navy sent one armoured brigade north.', ['one', 1, 1, 'exact', 'armoured brigade']],
  // Vague plurals are lower bounds, as ACLED codes them.
  ['Tens of villages were emptied.', ['Tens', 10, null, 'at-least', 'villages']],
  ['Dozens of homes burned overnight.', ['Dozens', 12, null, 'at-least', 'homes']],
  ['Hundreds of families sheltered in schools.', ['Hundreds', 100, null, 'at-least', 'families']],
  ['Thousands of troops massed at the border.', ['Thousands', 1000, null, 'at-least', 'troops']],
  ['Tens of thousands of people fled south.', ['Tens of thousands', 10_000, null, 'at-least', 'people']],
  // Qualifiers keep the number as written.
  ['Rockets hit the base at least 14 separate times.', ['at least 14', 14, null, 'at-least', 'separate times']],
  ['The blast injured no fewer than 30 officers.', ['no fewer than 30', 30, null, 'at-least', 'officers']],
  ['Raids killed more than 8,300 people, the ministry said.', ['more than 8,300', 8300, null, 'more-than', 'people']],
  ['Militants torched upwards of 200 vehicles.', ['upwards of 200', 200, null, 'more-than', 'vehicles']],
  ['Looters emptied over 50 shops.', ['over 50', 50, null, 'more-than', 'shops']],
  ['The garrison holds roughly 2,500 soldiers.', ['roughly 2,500', 2500, 2500, 'about', 'soldiers']],
  ['The base employs approximately 800 contractors.', ['approximately 800', 800, 800, 'about', 'contractors']],
  ['The brigade lost nearly 40 tanks.', ['nearly 40', 40, 40, 'about', 'tanks']],
  ['Floods cut off an estimated 3,000 residents.', ['an estimated 3,000', 3000, 3000, 'about', 'residents']],
  ['There are some 900 advisers in the country.', ['some 900', 900, 900, 'about', 'advisers']],
  ['The swarm included up to 60 drones.', ['up to 60', 60, 60, 'at-most', 'drones']],
  ['The coast guard saw no more than 12 boats.', ['no more than 12', 12, 12, 'at-most', 'boats']],
  ['Fewer than 20 ambulances were working.', ['Fewer than 20', 20, 20, 'less-than', 'ambulances']],
  ['The depot had under 100 guards.', ['under 100', 100, 100, 'less-than', 'guards']],
  ['An additional 700 reservists were called up.', ['700', 700, 700, 'exact', 'reservists']],
  // Ranges.
  ['Between 10 and 15 fighters died in the ambush.', ['Between 10 and 15', 10, 15, 'range', 'fighters']],
  ['Police detained 10-15 protesters.', ['10-15', 10, 15, 'range', 'protesters']],
  ['Gunmen seized 10 to 15 hostages.', ['10 to 15', 10, 15, 'range', 'hostages']],
  ['Two or three mortars landed nearby.', ['Two or three', 2, 3, 'range', 'mortars']],
  ['The floods displaced 1 to 2 million people.', ['1 to 2 million', 1_000_000, 2_000_000, 'range', 'people']],
  // A noun stops at its head; a list of modifiers shares one head.
  [
    'Officials counted at least 40 drone, rocket, and mortar attacks on the bases.',
    ['at least 40', 40, null, 'at-least', 'drone, rocket, and mortar attacks'],
  ],
  ['Medics said 21 U.S. soldiers suffered minor wounds.', ['21', 21, 21, 'exact', 'U.S. soldiers']],
  ['Police said 14 Hamas fighters were detained.', ['14', 14, 14, 'exact', 'Hamas fighters']],
  ['Medics treated three 17-year-old girls.', ['three', 3, 3, 'exact', '17-year-old girls']],
  ['Police found two other victims nearby.', ['two', 2, 2, 'exact', 'other victims']],
  ['Shots left one man dead on Friday.', ['one', 1, 1, 'exact', 'man']],
  ['Gunfire left one man Wednesday.', ['one', 1, 1, 'exact', 'man']],
  ['The blasts left 200 wounded Tuesday.', ['200', 200, 200, 'exact', 'wounded']],
  ['The blasts left 200 wounded soldiers.', ['200', 200, 200, 'exact', 'wounded soldiers']],
  ['“Two guys came up to me,” she said.', ['Two', 2, 2, 'exact', 'guys']],
  ['POLICE SAY 3 KILLED IN RAID', ['3', 3, 3, 'exact', null]],
  ['REPORT LEADS TO FOUR FATALITIES', ['FOUR', 4, 4, 'exact', 'FATALITIES']],
];

for (const [text, expected] of COUNTS) {
  test(`extractQuantities reads "${expected[0]}" in "${text}"`, () => {
    assert.deepEqual(countsIn(text), [expected]);
  });
}

const SENTENCES: ReadonlyArray<readonly [text: string, expected: readonly Count[]]> = [
  // An elided noun comes from the parallel number before it in the same sentence.
  [
    'There are about 3,000 marines in Okinawa and some 400 in Guam.',
    [
      ['about 3,000', 3000, 3000, 'about', 'marines'],
      ['some 400', 400, 400, 'about', 'marines'],
    ],
  ],
  [
    'The unit captured 52 militants and killed three from June to August.',
    [
      ['52', 52, 52, 'exact', 'militants'],
      ['three', 3, 3, 'exact', 'militants'],
    ],
  ],
  // A bare number joined by "and" to a qualified one, with only a place between, shares its qualifier.
  [
    'Convoys were attacked at least 12 separate times in Iraq, and seven separate times in Syria.',
    [
      ['at least 12', 12, null, 'at-least', 'separate times'],
      ['seven', 7, null, 'at-least', 'separate times'],
    ],
  ],
  [
    'Militias mounted at least 12 raids in Iraq and seven in Syria.',
    [
      ['at least 12', 12, null, 'at-least', 'raids'],
      ['seven', 7, null, 'at-least', 'raids'],
    ],
  ],
  // A verb between keeps them apart, and a new sentence keeps the noun from crossing.
  [
    'Gunmen killed more than 300 people and kidnapped 41 workers.',
    [
      ['more than 300', 300, null, 'more-than', 'people'],
      ['41', 41, 41, 'exact', 'workers'],
    ],
  ],
  [
    'Dozens of people and 14 children were evacuated.',
    [
      ['Dozens', 12, null, 'at-least', 'people'],
      ['14', 14, 14, 'exact', 'children'],
    ],
  ],
  [
    'The army moved 500 tanks. Later 200 were withdrawn.',
    [
      ['500', 500, 500, 'exact', 'tanks'],
      ['200', 200, 200, 'exact', null],
    ],
  ],
];

for (const [text, expected] of SENTENCES) {
  test(`extractQuantities reads every count in "${text}"`, () => {
    assert.deepEqual(countsIn(text), expected);
  });
}

test('extractQuantities names the rule that read each count', () => {
  const rules = (text: string): string[] => extractQuantities({ text, published: null }).map((m) => m.rule);
  assert.deepEqual(rules('at least 14 raids, 23 attacks, nine drones and dozens of shells'), [
    'quantity/at-least-n',
    'quantity/number',
    'quantity/number-words',
    'quantity/vague',
  ]);
  assert.deepEqual(rules('some 2,500 troops in Iraq and 900 in Syria; between 3 and 5 boats'), [
    'quantity/about-n',
    'quantity/elided-noun',
    'quantity/range',
  ]);
});

const MONEY: ReadonlyArray<readonly [text: string, expected: readonly [text: string, amount: number, currency: string]]> = [
  ['The fund holds $1.2 million for repairs.', ['$1.2 million', 1_200_000, 'USD']],
  ['Each family got 500 dollars in cash.', ['500 dollars', 500, 'USD']],
  ['Brussels pledged €3bn in aid.', ['€3bn', 3_000_000_000, 'EUR']],
  ['The deal is worth US$40 million.', ['US$40 million', 40_000_000, 'USD']],
  ['Fines reached 2 million shekels.', ['2 million shekels', 2_000_000, 'ILS']],
];

for (const [text, expected] of MONEY) {
  test(`extractQuantities reads money "${expected[0]}"`, () => {
    const found = mentionsIn(text).map((mention) => {
      assert.equal(mention.kind, 'money');
      return mention.kind === 'money' ? [mention.text, mention.value.amount, mention.value.currency] : [];
    });
    assert.deepEqual(found, [expected]);
  });
}

const PERCENT: ReadonlyArray<readonly [text: string, expected: readonly [text: string, percent: number]]> = [
  ['Turnout fell to 40% in the north.', ['40%', 40]],
  ['Prices rose 40 percent in a month.', ['40 percent', 40]],
  ['Only 12.5 per cent of wells work.', ['12.5 per cent', 12.5]],
  ['Nearly forty percent of homes were hit.', ['forty percent', 40]],
];

for (const [text, expected] of PERCENT) {
  test(`extractQuantities reads percent "${expected[0]}"`, () => {
    const found = mentionsIn(text).map((mention) => {
      assert.equal(mention.kind, 'percent');
      return mention.kind === 'percent' ? [mention.text, mention.value.percent] : [];
    });
    assert.deepEqual(found, [expected]);
  });
}

const NEGATIVE: readonly string[] = [
  'Fighting intensified in 2023 and again in 2024.',
  'Unrest grew through the 1990s.',
  'The drone struck on Oct. 17 and again on 17 October.',
  'Raids went on from Oct. 17-30 without pause.',
  'Sirens sounded at 3 p.m. and again at 10:30.',
  'It was the third attack this month and the 21st this year.',
  'Pilots flew F-16 and Su-24 jets past the MQ-9.',
  'Rebels still carry the AK-47, and the army fields Patriot PAC-3 batteries.',
  'Forces must adapt in the long term.68 Analysts disagree.',
  'The campaign lost momentum.70 Officials declined to comment.',
  'As the report[3] noted, supplies ran short.',
  'They launched one-way attack drones at the base.',
  'It was one of the worst days of the war.',
  'The factions blamed one another.',
  'No one was hurt in the blast.',
  'One day the shelling stopped.',
  'The one that hit the school was larger.',
  'A 23-year-old man was arrested.',
  'He is 23 years old and was aged 19 when he enlisted.',
  'Police were called to the 1200 block of Main Street.',
  'The office at 123 Main St. was raided.',
  'Air Force One landed at the base.',
  'Resolution 2334 was cited by the envoy.',
  'The attack happened three weeks ago.',
  'Call 202-555-0143 for details.',
  'Call the tip line (274637) or watch ABC 27 News.',
  'The shop at 804 N. Broadway, Poteau, OK 74953 was robbed.',
  'The Vikings won 10-6 on Sunday.',
  'The release was dated 2023-10-10.',
];

for (const text of NEGATIVE) {
  test(`extractQuantities finds no count in "${text}"`, () => {
    assert.deepEqual(mentionsIn(text), []);
  });
}
