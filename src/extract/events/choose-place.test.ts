import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventPlace } from '../../model/event.ts';
import type { PlaceValue } from '../../model/mention.ts';
import { extractPlaces } from '../../understand/places/extract-places.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { addressPlace, choosePlace, documentPlace, headlinePlace, outletPlace, scenePlace } from './choose-place.ts';
import { createDocumentFrame } from './document-frame.ts';

const lexicons = loadLexicons();

function placeOf(text: string): string | null {
  const mentions = understand({ text, published: null }, lexicons);
  const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
  return documentPlace(frame)?.place.name ?? null;
}

describe('documentPlace reads a county with no town named as the county', () => {
  const cases: [string, string][] = [
    // The report never says which town: the county is the place, even where one city fills most of it.
    ['A man was shot Sunday in Bibb County, Georgia, deputies said.', 'Bibb County'],
    ['A hunter was shot in Rusk County, Wisconsin, on Saturday.', 'Rusk County'],
    // A town the report names inside the county wins.
    ['Deputies in Harris County, Texas, said the boy was shot in Humble.', 'Humble'],
    // A state named most often stands for the report's town in it.
    ['Kansas officials said the man was shot in Topeka. Kansas law allows it, a Kansas judge said.', 'Topeka'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(placeOf(text), expected));
  }
});

/** The place of an event told by the first sentence, its trigger the first word. */
function eventPlaceOf(text: string): string | null {
  const mentions = understand({ text, published: null }, lexicons);
  const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
  return choosePlace(frame, new Set([0]), [0], documentPlace(frame))?.place.name ?? null;
}

describe('choosePlace reads a county as a town of the report inside it', () => {
  const cases: [string, string][] = [
    // Longview is named more often, but only Tyler lies in Smith County.
    [
      'A man was shot Friday in Smith County, Texas. Longview police helped, and a Longview man was held. The car was later found in Tyler.',
      'Tyler',
    ],
    // Negative: a town of the state named beside the county still wins over the county where none lies in it.
    ['A hunter was shot Saturday in Rusk County, Wisconsin. The sheriff spoke in Madison.', 'Madison'],
  ];
  for (const [text, expected] of cases) {
    it(text, () => assert.equal(eventPlaceOf(text), expected));
  }
});

/** The headline's town over a body whose main attack is placed at `current`. */
function headlineOf(title: string, body: string, current: EventPlace | null): string | null {
  const text = `${title}\n\n${body}`;
  const places = extractPlaces({ text, published: null }, lexicons.gazetteer);
  const inTitle = places.filter((m) => m.span.end <= title.length);
  const inBody = places.filter((m) => m.span.start > title.length);
  return headlinePlace(title, inTitle, inBody, current)?.name ?? null;
}

const at = (name: string, admin1: string, lat: number, lon: number, rule: string, precision: 1 | 3 = 1): EventPlace => ({
  name,
  country: 'US',
  admin1,
  lat,
  lon,
  precision,
  geonameId: null,
  rule,
});
const dallas = at('Dallas', 'Texas', 32.78, -96.81, 'place-from-document');

describe('headlinePlace takes the town a headline puts the attack in', () => {
  const cases: [string, string, EventPlace | null, string | null][] = [
    // The body never places the attack: the headline's town does.
    ['Man shot in Garland', 'A man was shot late Friday, officers said.', null, 'Garland'],
    // The body's most named place is a guess, the headline says where.
    [
      'Woman wounded in Garland shooting',
      'Officers from Dallas and Garland in Texas said a woman was shot. Dallas police helped.',
      dallas,
      'Garland',
    ],
    // A county (or a state) is where the headline's town lies: the town says more.
    [
      'Teen shot in southwest Macon',
      'A boy was shot in Bibb County, Georgia, on Tuesday.',
      at('Bibb County', 'Georgia', 32.81, -83.69, 'place-in-sentence/place/county', 3),
      'Macon',
    ],
    // A town of the same state some way off, the body's for something else.
    [
      'Woman shot in Humble',
      'A woman was shot Sunday, police said. She was taken to a hospital in Houston, Texas.',
      at('Houston', 'Texas', 29.76, -95.36, 'place-in-sentence/place/gazetteer'),
      'Humble',
    ],
    // A town named only inside an organisation's name in the body.
    [
      'Two hurt in shooting at Garland motel',
      'Two men were shot at the Dallas Inn motel in Texas, officers said. Garland police came.',
      at('Dallas', 'Texas', 32.78, -96.81, 'place-in-sentence/place/in-organisation-name'),
      'Garland',
    ],
    // Negative: a capitalised word of a headline is no town unless it follows "in" or the body names it too.
    ['Man Shot By Friend While Hunting', 'A man was shot Saturday near Dallas, Texas.', dallas, null],
    // Negative: a place right by the body's town is likely a part of it.
    [
      'Boy shot in East Flatbush',
      'A boy was shot Monday in Brooklyn, New York, police said.',
      at('Brooklyn', 'New York', 40.65, -73.95, 'place-in-sentence/place/gazetteer'),
      null,
    ],
    // Negative: a dateline says where the report is from as plainly as the headline.
    [
      'Man shot in Humble',
      'HOUSTON, Texas — A man was shot Sunday.',
      at('Houston', 'Texas', 29.76, -95.36, 'place-in-sentence/place/dateline'),
      null,
    ],
    // Negative: what follows a dash names the outlet, not the place of a report the body places.
    ['Man shot at gas station - Garland News', 'A man was shot near Dallas, Texas, on Friday.', dallas, null],
  ];
  for (const [title, body, current, expected] of cases) {
    it(title, () => assert.equal(headlineOf(title, body, current), expected));
  }
});

describe('headlinePlace falls back on any place of the headline where the body names none', () => {
  const cases: [string, string, string | null][] = [
    ['Boy hurt in Elk County hunting accident', 'A boy was shot by accident on Saturday, the sheriff said.', 'Elk County'],
    // The outlet's own town, named after its dash, where the headline names no place.
    ['Woman shot outside her home - WXYZ News 4 - Memphis, Tennessee', 'A woman was shot on Friday night, officers said.', 'Memphis'],
    // Negative: a headline with no place at all.
    ['Woman shot outside her home', 'A woman was shot on Friday night, officers said.', null],
  ];
  for (const [title, body, expected] of cases) {
    it(title, () => assert.equal(headlineOf(title, body, null), expected));
  }
});

describe("headlinePlace takes the outlet's town over a most named place in another state", () => {
  const cases: [string, string, EventPlace, string | null][] = [
    [
      'Man hurt in shooting - WXYZ News 4 - Memphis, Tennessee',
      'A man was shot on Friday night, officers said. Brittany Smith saw it.',
      at('Brittany', 'Brittany', 48.0, -3.0, 'place-from-document'),
      'Memphis',
    ],
    // Negative: the report's most named place lies in the outlet's state.
    [
      'Man hurt in shooting - WXYZ News 4 - Memphis, Tennessee',
      'A man was shot in Jackson, Tennessee, on Friday night.',
      at('Jackson', 'Tennessee', 35.61, -88.81, 'place-from-document'),
      null,
    ],
  ];
  for (const [title, body, current, expected] of cases) {
    it(title, () => assert.equal(headlineOf(title, body, current), expected));
  }
});

describe("outletPlace takes a local outlet's city where the report places the attack nowhere, or abroad", () => {
  const memphis = { ...at('Memphis', 'Tennessee', 35.15, -90.05, ''), metonymic: false };
  const columbiaSc = { ...at('Columbia', 'South Carolina', 34.0, -81.03, ''), metonymic: false };
  const columbiaMo = { ...at('Columbia', 'Missouri', 38.95, -92.33, ''), metonymic: false };
  const body = (text: string) => extractPlaces({ text, published: null }, lexicons.gazetteer);
  const cases: [string, readonly PlaceValue[], string, EventPlace | null, string | null][] = [
    ['no place in the report', [memphis], 'A man was shot on Friday.', null, 'Memphis/Tennessee'],
    // Of two namesakes, the one in the state the report names.
    ['namesakes', [columbiaMo, columbiaSc], 'A man was shot in South Carolina.', null, 'Columbia/South Carolina'],
    [
      'a place abroad',
      [memphis],
      'A man was shot.',
      { ...at('Dade', 'Chongqing', 29.0, 106.0, 'place-in-sentence'), country: 'CN' },
      'Memphis/Tennessee',
    ],
    // Negative: a place in the outlet's country stays, even in another state.
    ['a place at home', [memphis], 'A man was shot.', at('Tupelo', 'Mississippi', 34.26, -88.7, 'place-in-sentence'), null],
    ['no outlet town', [], 'A man was shot.', null, null],
    // A county around the outlet's city, and a place right by its centre, are the city.
    [
      'a county around the city',
      [memphis],
      'A man was shot.',
      at('Shelby County', 'Tennessee', 35.18, -89.9, 'place-in-sentence', 3),
      'Memphis/Tennessee',
    ],
    [
      'a part of the city',
      [memphis],
      'A man was shot.',
      at('Elm Park', 'Tennessee', 35.2, -90.0, 'place-in-sentence'),
      'Memphis/Tennessee',
    ],
    // Negative: a town of its own some way off, and a dateline.
    ['a suburb', [memphis], 'A man was shot.', at('Bartlett', 'Tennessee', 35.2, -89.87, 'place-in-sentence'), null],
    ['a dateline', [memphis], 'A man was shot.', at('Elm Park', 'Tennessee', 35.2, -90.0, 'place-in-sentence/place/dateline'), null],
    // A place in another state, in a report naming the outlet's state more often.
    [
      'another state',
      [memphis],
      'A man was shot, Tennessee police said. The Tennessee bureau helps.',
      at('Woodbridge', 'Virginia', 38.66, -77.25, 'place-in-sentence'),
      'Memphis/Tennessee',
    ],
  ];
  for (const [label, towns, text, current, expected] of cases) {
    it(label, () => {
      const place = outletPlace(towns, body(text), current);
      assert.equal(place ? `${place.name}/${place.admin1}` : null, expected);
    });
  }
});

describe('outletPlace reads a town of another state as its namesake near the outlet', () => {
  const dayton = { ...at('Dayton', 'Ohio', 39.76, -84.19, ''), metonymic: false };
  const troyOhio = { ...at('Troy', 'Ohio', 40.04, -84.2, ''), metonymic: false };
  const near = (name: string) => (name === 'Troy' ? troyOhio : null);
  it('the Troy near Dayton', () =>
    assert.equal(outletPlace([dayton], [], at('Troy', 'New York', 42.73, -73.69, 'place-in-sentence'), near)?.admin1, 'Ohio'));
  it('negative: no namesake near, and the report names no state more often', () =>
    assert.equal(outletPlace([dayton], [], at('Albany', 'New York', 42.65, -73.76, 'place-in-sentence'), near), null));
});

/** The address town `addressPlace` gives over the event's place `current` (a town the text names), or null. */
function addressOf(text: string, current: string, rule = 'place-in-sentence/place/gazetteer'): string | null {
  const places = extractPlaces({ text, published: null }, lexicons.gazetteer);
  const own = places.find((m) => m.value.name === current);
  assert.ok(own, `${current} is read in the text`);
  const v = own.value;
  const place: EventPlace = { ...v, rule } as EventPlace;
  return addressPlace(text, places, place)?.name ?? null;
}

describe("addressPlace takes the town named after a street address over a resident's or an agency's town", () => {
  const cases: [string, string, string | null, string?][] = [
    ['A Longview man was wounded Sunday. The shooting happened on Birch Road in Tyler, police said.', 'Longview', 'Tyler'],
    ['Two Longview teens were hurt when shots were fired in the 400 block of Maple Lane in Tyler.', 'Longview', 'Tyler'],
    // The report says "in Longview" itself: the address may be a suspect's home.
    ['A man was shot in Longview on Friday. The suspect lives on Birch Road in Tyler.', 'Longview', null],
    // Two addresses in two towns are two scenes.
    ['A Longview man was shot on Birch Road in Tyler and later seen on Elm Street in Kilgore.', 'Longview', null],
    // "of the 400 block of ..." after a name is where someone lives.
    ['A Longview man was shot Friday. Jo Reyes, of the 400 block of Maple Lane in Tyler, was arrested.', 'Longview', null],
    // A town of the same state far off is a namesake: Tyler lies some 250 km from Houston.
    ['HOUSTON — A man was shot Tuesday on Fernlawn Street in Tyler, police said.', 'Houston', null, 'place-in-sentence/place/dateline'],
    // A court is no street.
    ['A Longview man was arraigned Monday at the District Court in Tyler.', 'Longview', null],
    // The headline's town stands.
    ['A Longview man was wounded Sunday on Birch Road in Tyler.', 'Longview', null, 'place-from-headline'],
  ];
  for (const [text, current, expected, rule] of cases) {
    it(text, () => assert.equal(addressOf(text, current, rule), expected));
  }
});

/** The scene town `scenePlace` gives over the event's place `current` (a town the text names, read by `rule`), or null. */
function sceneOf(text: string, current: string, rule: string): string | null {
  const places = extractPlaces({ text, published: null }, lexicons.gazetteer);
  const own = places.find((m) => m.value.name === current);
  assert.ok(own, `${current} is read in the text`);
  return scenePlace(text, places, { ...own.value, rule } as EventPlace)?.name ?? null;
}

describe('scenePlace takes the one town the body puts anything in over a weak reading of the place', () => {
  const cases: [string, string, string, string | null][] = [
    ['Longview police said two men were wounded at a party in Tyler on Saturday.', 'Longview', 'place-from-document', 'Tyler'],
    ['A Longview man was found shot outside a home near Tyler.', 'Longview', 'place-in-sentence/place/in-organisation-name', 'Tyler'],
    // A place the attack's own sentence gave stands.
    ['Longview police said two men were wounded at a party in Tyler on Saturday.', 'Longview', 'place-in-sentence/place/gazetteer', null],
    // The report puts something in its own place too.
    ['A man was shot in Longview. His brother was wounded in Tyler.', 'Longview', 'place-from-document', null],
    // Where a victim was taken, or a case is heard, is no scene.
    ['A Longview man was shot and taken to a hospital in Tyler.', 'Longview', 'place-from-document', null],
    ['A Longview man was arraigned in Tyler on Monday.', 'Longview', 'place-from-document', null],
    // Two towns are two scenes.
    ['Longview police said shots were fired in Tyler and in Kilgore.', 'Longview', 'place-from-document', null],
  ];
  for (const [text, current, rule, expected] of cases) {
    it(text, () => assert.equal(sceneOf(text, current, rule), expected));
  }
});

describe('choosePlace puts an event where it happened, never in the country of whose forces or strikes they were', () => {
  /** The place of the event whose trigger is the first occurrence of `trigger` in the first sentence. */
  function placeAt(text: string, trigger: string): string | null {
    const mentions = understand({ text, published: null }, lexicons);
    const frame = createDocumentFrame({ documentId: 'test', text, published: null }, mentions);
    const at = frame.view.keys.indexOf(trigger);
    return choosePlace(frame, new Set([0]), [at], documentPlace(frame), [at + 1])?.place.name ?? null;
  }
  const cases: [string, string, string | null][] = [
    ['Militias carried out attacks on U.S. forces in Iraq and Syria last week.', 'attacks', 'Iraq'],
    ['Dozens died in any US airstrike on the port, the rebels said.', 'died', null],
    ['The houses came under shelling by the US for weeks, residents in Yemen said.', 'shelling', 'Yemen'],
    ['The strike came a day after United States President Joe Biden spoke.', 'strike', null],
    ['Russian drones struck Kharkiv overnight, the mayor said.', 'struck', 'Kharkiv'],
    ['Militias attacked U.S. and coalition bases in Iraq on Sunday.', 'attacked', 'Iraq'],
    // Negative: a country the sentence puts the event in is its place.
    ['Two people were killed in a shooting in the United States on Monday.', 'killed', 'United States'],
    ['Five soldiers were killed in Syria on Friday.', 'killed', 'Syrian Arab Republic'],
  ];
  for (const [text, trigger, expected] of cases) it(text, () => assert.equal(placeAt(text, trigger), expected));
});

describe('documentPlace leaves out an organisation of another country than the report', () => {
  it('The New York Times in a report about Lebanon', () =>
    assert.equal(
      placeOf(
        'Pagers exploded across Lebanon on Tuesday. The New York Times reported the devices came from Hungary. Beirut hospitals filled.',
      ),
      'Beirut',
    ));
  it('negative: the Dayton Daily News in a report about Dayton', () =>
    assert.equal(
      placeOf('A man was shot in Dayton on Friday, the Dayton Daily News reported. Dayton police are investigating.'),
      'Dayton',
    ));
});
