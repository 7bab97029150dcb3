import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../model/event.ts';
import { loadLexicons } from '../understand/understand.ts';
import { analyseDocument } from './analyse-document.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

/** The main attack of a report we write, with the headline we give it. */
function mainAttack(title: string | null, text: string): Event | undefined {
  const { events } = analyseDocument({ id: 'doc', title, text, published }, lexicons);
  return events.filter((e) => e.type === 'ASSAULT').sort((a, b) => b.salience - a.salience)[0];
}

describe('the headline toll', () => {
  const body =
    'A man was shot and killed outside a bar on Elm Street in Akron on Saturday night. ' +
    'Officers found a second man wounded in a car nearby. Police said a woman was also hurt.';
  const cases: Array<[string, string | null, { killed: number | null; injured: number | null }]> = [
    ['no headline: the body counts', null, { killed: 1, injured: 2 }],
    ['the headline states both figures', '1 dead, 3 hurt in Akron bar shooting', { killed: 1, injured: 3 }],
    [
      'the headline counts more dead than the body: one of the hurt in the body died',
      'Two killed in Akron bar shooting',
      { killed: 2, injured: 1 },
    ],
    // "4 shot" counts the dead with the hurt: not taken where the body tells a death.
    ['a count of the shot is no count of the hurt', '4 shot outside Akron bar', { killed: 1, injured: 2 }],
    ['a headline with no toll', 'Police seek gunman after Akron bar shooting', { killed: 1, injured: 2 }],
  ];
  it('a headline telling only of a deadly shooting leaves the body its count of the dead', () => {
    const event = mainAttack(
      'Man arrested in deadly shooting outside Akron bar',
      'Two men were shot and killed outside a bar in Akron on Saturday.',
    );
    assert.equal(event?.killed?.low, 2);
  });
  it('a headline telling of a deadly shooting over a body that tells no death adds one dead to the hurt', () => {
    const event = mainAttack(
      'Man arrested in deadly shooting outside Akron bar',
      'Two men were wounded when a gunman opened fire outside a bar in Akron on Saturday.',
    );
    assert.equal(event?.killed?.low, 1);
    assert.equal(event?.injured?.low, 2);
  });
  it('the one a headline says died is one the body told as shot, not one more', () => {
    const event = mainAttack(
      '9-year-old girl dies after being shot in Akron',
      'A 9-year-old girl was shot at a home in Akron on Saturday night.',
    );
    assert.equal(event?.killed?.low, 1);
    assert.equal(event?.injured?.low ?? 0, 0);
  });
  it('a toll another attack of the body already tells stays with that attack, not the main one', () => {
    const { events } = analyseDocument(
      {
        id: 'doc',
        title: '40 killed in rebel assault on Bunia',
        text:
          'Rebels shelled the airport of Bunia on Monday, wounding two guards. ' +
          'On February 20, clashes between the rebels and the army in the town killed 40 people, aid groups said.',
        published,
      },
      lexicons,
    );
    const killed = events.filter((e) => e.type === 'ASSAULT' || e.type === 'DEATH').map((e) => e.killed?.low ?? null);
    assert.equal(killed.filter((k) => k === 40).length, 1);
  });
  const suicides: Array<[string, string, number]> = [
    // A headline telling a murder-suicide leaves the killer out of its count where the body counts him.
    [
      'Two girls killed, father commits suicide in Akron',
      'Two girls were shot and killed at their home in Akron on Saturday. Police said their father then died of a self-inflicted gunshot wound.',
      3,
    ],
    // Negative: with no suicide in the headline, its count stands.
    [
      'Two girls killed in Akron home',
      'Two girls were shot and killed at their home in Akron on Saturday. Police said their father then died of a self-inflicted gunshot wound.',
      2,
    ],
  ];
  for (const [title, text, killed] of suicides) {
    it(`the dead of "${title}"`, () => {
      assert.equal(mainAttack(title, text)?.killed?.low, killed);
    });
  }
  for (const [why, title, expected] of cases) {
    it(why, () => {
      const event = mainAttack(title, body);
      assert.ok(event);
      assert.equal(event.killed?.low ?? null, expected.killed);
      assert.equal(event.injured?.low ?? null, expected.injured);
    });
  }
});

describe("the headline's and the outlet's place", () => {
  const placeOf = (title: string | null, text: string, source: string | null) =>
    analyseDocument({ id: 'doc', title, text, source, published }, lexicons)
      .events.filter((e) => e.type === 'ASSAULT')
      .sort((a, b) => b.salience - a.salience)[0]?.place?.name ?? null;
  it("a report that names no place is placed in its headline's town", () =>
    assert.equal(
      placeOf('Man shot outside store in Akron', 'A man was shot outside a store on Friday night, police said.', null),
      'Akron',
    ));
  it("a report that names no place is placed in the city its outlet's address names", () =>
    assert.equal(placeOf(null, 'A man was shot outside a store on Friday night, police said.', 'tucson-example.com'), 'Tucson'));
  it("a local outlet's news from abroad keeps its place", () =>
    assert.equal(
      placeOf(
        null,
        'Gunmen opened fire on a checkpoint near Kirkuk on Sunday, killing three soldiers, Iraqi officials said.',
        'tucson-example.com',
      ),
      'Kirkuk',
    ));
  it("an air strike is not placed in the outlet's town, from its address or its headline", () => {
    const strike = 'An air strike killed 12 people at a market on Tuesday, a monitoring group said.';
    assert.equal(placeOf(null, strike, 'tucson-example.com'), null);
    assert.equal(placeOf('Air strike kills 12 at market - WXYZ 5 - Memphis, Tennessee', strike, null), null);
  });
  it("a word read as a far-off place gives way to the outlet's town", () =>
    assert.equal(
      placeOf(
        null,
        'A man was shot outside a store on Friday night. He was charged with felon in possession of a firearm.',
        'tucson-example.com',
      ),
      'Tucson',
    ));
  it('a report that names its town keeps it', () =>
    assert.equal(
      placeOf(null, 'A man was shot outside a store in Flagstaff, Arizona, on Friday night.', 'tucson-example.com'),
      'Flagstaff',
    ));
});

describe("the outlet's town named after the headline's dash", () => {
  const placeOf = (title: string, text: string) =>
    analyseDocument({ id: 'doc', title, text, source: null, published }, lexicons)
      .events.filter((e) => e.type === 'ASSAULT')
      .sort((a, b) => b.salience - a.salience)[0]?.place?.name ?? null;
  it('stands for a county around it', () =>
    assert.equal(
      placeOf('Man hurt in shooting - WXYZ 5 - Memphis, Tennessee', 'A man was shot in Shelby County on Friday night.'),
      'Memphis',
    ));
  it('leaves a town of its own some way off', () =>
    assert.equal(
      placeOf('Man hurt in shooting - WXYZ 5 - Memphis, Tennessee', 'A man was shot in Millington, Tennessee, on Friday night.'),
      'Millington',
    ));
});

describe("a headline's rounded toll", () => {
  const body = 'An airstrike on a detention centre in Saada killed at least 68 people and injured 47 others on Monday, officials said.';
  it('"over 60" in the headline is the body\'s "at least 68" rounded down: the body\'s count stands', () => {
    assert.equal(mainAttack('Airstrike kills over 60 people at Saada detention centre', body)?.killed?.low, 68);
  });
  it("a headline lower bound above the body's count still raises it", () => {
    assert.equal(mainAttack('Airstrike kills more than 70 people at Saada detention centre', body)?.killed?.low, 70);
  });
  it('an exact headline count still stands over the body', () => {
    assert.equal(mainAttack('Airstrike kills 71 people at Saada detention centre', body)?.killed?.low, 71);
  });
});

describe("a war's toll in the headline", () => {
  const body = 'An airstrike hit a residential block in the capital on Friday, killing four people, rescuers said.';
  it("is no attack's count: the body's attack keeps its own dead", () => {
    assert.equal(mainAttack('At least 610 killed in the country as ceasefire halts 12-day war', body)?.killed?.low, 4);
  });
  it('a headline count of the attack itself still stands (negative)', () => {
    assert.equal(mainAttack('Airstrike on capital kills six', body)?.killed?.low, 6);
  });
});
