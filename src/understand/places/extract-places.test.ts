/** @module Table tests of place mentions: names, spans, precision, false friends, metonymy and disambiguation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MentionOf } from '../../model/mention.ts';
import { extractPlaces } from './extract-places.ts';
import { loadGazetteer } from './load-gazetteer.ts';

const gazetteer = loadGazetteer();

function places(text: string): MentionOf<'place'>[] {
  const mentions = extractPlaces({ text, published: null }, gazetteer);
  for (const m of mentions) assert.equal(text.slice(m.span.start, m.span.end), m.text, 'span must cover the mention text');
  return mentions;
}

function find(text: string, phrase: string): MentionOf<'place'> {
  const m = places(text).find((x) => x.text === phrase);
  assert.ok(m, `expected a place "${phrase}" in: ${text}`);
  return m;
}

describe('extractPlaces finds places', () => {
  const cases: [string, { text: string; name: string; country: string | null; precision: number }][] = [
    ['Rockets struck Al Asad Air Base on Tuesday.', { text: 'Al Asad Air Base', name: 'Al Asad Air Base', country: 'IQ', precision: 1 }],
    ['Drones hit the base at Ain al-Asad overnight.', { text: 'Ain al-Asad', name: 'Al Asad Air Base', country: 'IQ', precision: 1 }],
    ['Militias fired on troops near Abu Kamal at dawn.', { text: 'Abu Kamal', name: 'Abu Kamal', country: 'SY', precision: 2 }],
    ['Fighting spread to Al-Bukamal by evening.', { text: 'Al-Bukamal', name: 'Abu Kamal', country: 'SY', precision: 1 }],
    ['Convoys left Deir-ez-zor for the border.', { text: 'Deir-ez-zor', name: 'Deir ez-Zor', country: 'SY', precision: 1 }],
    ['A drone fell outside Baghdad on Friday.', { text: 'Baghdad', name: 'Baghdad', country: 'IQ', precision: 2 }],
    ['Protests grew across Iraq this week.', { text: 'Iraq', name: 'Iraq', country: 'IQ', precision: 5 }],
    ["Officials described Iraq's western desert.", { text: 'Iraq', name: 'Iraq', country: 'IQ', precision: 5 }],
    ['Aid arrived in the Gaza Strip by truck.', { text: 'Gaza Strip', name: 'Gaza Strip', country: 'PS', precision: 4 }],
    ['Ships were attacked in the Red Sea again.', { text: 'Red Sea', name: 'Red Sea', country: null, precision: 6 }],
    ['Tankers avoided Bab el-Mandeb this month.', { text: 'Bab el-Mandeb', name: 'Bab el-Mandeb', country: null, precision: 6 }],
    ['The attack on Tower 22 killed three soldiers.', { text: 'Tower 22', name: 'Tower 22', country: 'JO', precision: 1 }],
    ['Troops at the al-Tanf garrison were unhurt.', { text: 'al-Tanf garrison', name: 'Al-Tanf garrison', country: 'SY', precision: 1 }],
    ['Tension rose across the Middle East after the strike.', { text: 'Middle East', name: 'Middle East', country: null, precision: 6 }],
    ['More ships arrived from the U.S. this week.', { text: 'U.S.', name: 'United States', country: 'US', precision: 5 }],
    ['Lawmakers in the UK debated the vote.', { text: 'UK', name: 'United Kingdom', country: 'GB', precision: 5 }],
    ['Militants moved through Anbar province last month.', { text: 'Anbar province', name: 'Anbar', country: 'IQ', precision: 4 }],
    ['Two people were shot in Dayton, Ohio, on Sunday.', { text: 'Dayton', name: 'Dayton', country: 'US', precision: 1 }],
    ['The storm reached Charleston, W.Va., overnight.', { text: 'W.Va.', name: 'West Virginia', country: 'US', precision: 4 }],
    ['Officers in Butler County found the car.', { text: 'Butler County', name: 'Butler County', country: 'US', precision: 3 }],
    ['Iraqi forces moved north.', { text: 'Iraqi', name: 'Iraq', country: 'IQ', precision: 5 }],
    ['Rain fell in Lincoln overnight.', { text: 'Lincoln', name: 'Lincoln', country: 'US', precision: 1 }],
    // A sentence's period that lost its space ends the name; a direction between "in" and a town keeps it a place.
    ['Shots rang out in northeast Dayton.Police were called.', { text: 'Dayton', name: 'Dayton', country: 'US', precision: 2 }],
    ['The boy lived in south Jackson with his aunt.', { text: 'Jackson', name: 'Jackson', country: 'US', precision: 2 }],
    // A day or a month after a town says when, not whose name it is.
    ['Deputies found the car in Hermitage Tuesday afternoon.', { text: 'Hermitage', name: 'Hermitage', country: 'US', precision: 1 }],
    ['The mayor spoke in Galveston Monday.', { text: 'Galveston', name: 'Galveston', country: 'US', precision: 1 }],
  ];
  for (const [text, expected] of cases) {
    it(`${expected.text} in "${text}"`, () => {
      if (expected.text === 'Butler County') {
        // A county needs its state from the document.
        const m = find(`${text} Deputies in Hamilton, Ohio, said so.`, expected.text);
        assert.equal(m.value.country, expected.country);
        assert.equal(m.value.precision, expected.precision);
        assert.equal(m.value.admin1, 'Ohio');
        return;
      }
      const m = find(text, expected.text);
      assert.equal(m.value.name, expected.name);
      assert.equal(m.value.country, expected.country);
      assert.equal(m.value.precision, expected.precision);
      assert.equal(m.value.metonymic, false);
    });
  }

  it('marks demonyms with their own rule and a lower confidence', () => {
    const m = find('Syrian troops crossed the river.', 'Syrian');
    assert.equal(m.rule, 'place/demonym');
    assert.ok(m.confidence < 0.7);
    assert.equal(m.value.country, 'SY');
  });

  it('gives coordinates inside the named country', () => {
    const m = find('Shelling hit Tehran overnight.', 'Tehran');
    assert.ok(Math.abs(m.value.lat - 35.7) < 0.5 && Math.abs(m.value.lon - 51.4) < 0.5);
    assert.equal(m.value.geonameId !== null, true);
  });
});

describe('extractPlaces leaves false friends alone', () => {
  const cases: [string, string[]][] = [
    ['Most of the victims were young. Reading the report took hours.', ['Most', 'Reading']],
    ['Police said the Mission was over by May.', ['Police', 'Mission', 'May']],
    ['Defense Secretary Lloyd Austin met reporters on Monday.', ['Austin', 'Monday']],
    ['Jordan Henderson scored twice for his club.', ['Jordan']],
    ['The Islamic State claimed the bombing.', ['Islamic State', 'State']],
    ['Analysts at the Center for Strategic and International Studies disagreed.', ['Center']],
    ['She said We would go. But As it happened, nobody did.', ['She', 'We', 'But', 'As']],
    ['Sheriff Tom Jones said Jones had not been found.', ['Jones']],
    ['Workers at Wal-Mart went on strike.', ['Mart']],
    ['Cases of Marburg virus were confirmed.', ['Marburg']],
    ['The American Red Cross sent volunteers.', ['American']],
    ['Lincoln freed the slaves, historians note.', ['Lincoln']],
    ['Sen. Scott Turner spoke first.', ['Sen.', 'Scott', 'Turner']],
    ['Officials spoke at the White House briefing.', ['White House']],
    // Names only another name of a place bears: a phrase ending in a lower-case word, or a lone word with no "in".
    ['Four men shot outside a store were treated overnight.', ['Four men']],
    ['Drug charges were filed against the driver.', ['Drug']],
    // A town's name after a common first name, or before an age, is a person's.
    ['George Lancaster fired twice, witnesses said.', ['Lancaster']],
    ['Paul Calhoun was arrested at the scene in Pontiac.', ['Calhoun']],
    ['Jurors heard that Lafayette, 44, had fired first.', ['Lafayette']],
    // A name given an age or a home is a person's, and so is the name alone later.
    ['Mark Davis, 38, was charged. Deputies said Davis had a rifle.', ['Davis']],
    ['The boy was found at Davis’ home after the shot was heard.', ['Davis']],
    ['Classmates said Austin Hedrick, 16, was kind. Friends said Austin loved to dance.', ['Austin']],
    // After a country's or a city's name that is also a common first name, a town's name is a surname too.
    ['Deputies found Jordan Middleton in the hall. A shot hit Middleton in the chest.', ['Middleton']],
    ['Cakes were sold by Virginia Chapin after the service.', ['Chapin']],
    // A possessive before "County" that is no county's name is no county.
    ["Officers at Smith's County Line Bar said.", ["Smith's County"]],
    // A full name opened by a common first name; a person's possessive even after "at".
    ['Police said Allen Ray Moss fired twice.', ['Allen']],
    ['Paul Calhoun was arrested. A judge spoke at Calhoun\u2019s bond hearing.', ['Calhoun']],
    // Inside a sentence the same capitalised run after a town's name is a person's name.
    ['Witnesses said Tyler Grant ran from the car.', ['Tyler']],
    // A small town's name opening a full name is a first name, and so is the name alone later.
    ['Deputies named the boy as Paxton Carver. Relatives said Paxton loved baseball.', ['Paxton']],
    ['Police said McKenzie Dorrel was hurt. Doctors said McKenzie was recovering.', ['McKenzie']],
    // A town's name before a nickname in quotes is a first name.
    ['A warrant in Lubbock, Texas, names Anton "Dunn" Jones.', ['Anton']],
  ];
  for (const [text, absent] of cases) {
    it(text, () => {
      const found = places(text).map((m) => m.text);
      for (const word of absent) assert.ok(!found.includes(word), `"${word}" is not a place in: ${text} (found ${found.join(', ')})`);
    });
  }
});

describe("extractPlaces reads a town's name after an ampersand as part of a firm's name", () => {
  const cases: [string, string, boolean][] = [
    ['Three men were hurt outside the Lakeview Sports Bar & Grill, police said.', 'Grill', false],
    ['The lawyers of Brandt & Paxton filed the motion on Monday.', 'Paxton', false],
    // Two places joined by an ampersand stay two places; a town named on its own stays a town.
    ['Crowds came from Dallas & Houston for the game.', 'Houston', true],
    ['A deputy was hurt near the Bar & Grill in Paxton on Friday.', 'Paxton', true],
  ];
  for (const [text, word, kept] of cases) {
    it(text, () => {
      assert.equal(
        places(text).some((m) => m.text === word),
        kept,
      );
    });
  }
});

describe('extractPlaces keeps a small town that "in", its police or its residents place something in', () => {
  const cases: [string, string, boolean][] = [
    ['A teenager was shot in the arm in Duquesne on Friday.', 'Duquesne', true],
    ['Batesville police said a man shot himself by accident.', 'Batesville', true],
    ['2 Duquesne teens were charged on Friday.', 'Duquesne', true],
    ['Duquesne shooting victims were named on Friday.', 'Duquesne', true],
    // Without "in", its police or its residents, a small town needs other support.
    ['A teenager was shot near Duquesne on Friday.', 'Duquesne', false],
    ['Duquesne was quiet on Friday.', 'Duquesne', false],
    // A report that names another country does not mean the small namesake in the United States.
    ['Officials in the UK said a sick swan was found in Fife.', 'Fife', false],
    // A town's police after its name make it the town, whatever capitalised word stands before; without them, a
    // surname.
    ['Print Share Bayport police said a man was hurt.', 'Bayport', true],
    ['Buy Photo Bayport Police Assistant Chief Ann Lee spoke. A Bayport man was held.', 'Bayport', true],
    ['Coach Bill Tyler spoke. A Tyler man was charged with murder.', 'Tyler', false],
    // A first name that is a town's name still leaves "in" the town, and a school named for it is no person.
    ['Paxton Carver moved away. A man was shot in Paxton on Monday.', 'Paxton', true],
    ['A Duquesne High student was hurt. Duquesne police are investigating.', 'Duquesne', true],
  ];
  for (const [text, name, expected] of cases) {
    it(text, () =>
      assert.equal(
        places(text).some((m) => m.text === name),
        expected,
      ),
    );
  }
});

describe("extractPlaces reads a town inside a hospital's or a school's name as no surname", () => {
  const cases: [string, string, boolean][] = [
    ['Both men were taken to Vellora Kenton General hospital. Kenton police are looking for the driver.', 'Kenton', true],
    ['A girl was hurt near Marbeth Kenton High School. Kenton officers closed the road.', 'Kenton', true],
    // Without the institution's word the run is a person's name, and the name alone later is that person.
    ['Vellora Kenton told reporters about the shots. Kenton said she hid.', 'Kenton', false],
  ];
  for (const [text, name, expected] of cases) {
    it(text, () => {
      const found = places(text).some((m) => m.text === name && m.span.start > text.indexOf('.'));
      assert.equal(found, expected);
    });
  }
});

describe('extractPlaces keeps a town that is also a common word where "in" puts something there', () => {
  it('reads "in Concord" in a report about California towns as the town', () => {
    const m = find('A boy was hurt in a drive-by shooting in Concord. Officers from Walnut Creek and Pleasant Hill helped.', 'Concord');
    assert.equal(m.value.admin1, 'California');
  });
  it('reads "Humble police" beside other towns of Texas as the town', () => {
    const m = find('Humble police said two boys were hurt. Officers from Houston and Atascocita helped.', 'Humble');
    assert.equal(m.value.admin1, 'Texas');
  });
  const negative = ['She put her faith in Hope and in Christ, she said.', 'The trial opens in August in Sacramento and Fresno.'];
  for (const text of negative) {
    it(`finds no common word as a town in "${text}"`, () => {
      const found = places(text).map((m) => m.text);
      for (const word of ['Hope', 'Christ', 'August']) assert.ok(!found.includes(word), found.join(', '));
    });
  }
});

describe('extractPlaces keeps another name of a place that a preposition puts somewhere', () => {
  it('reads "in the Bronx" as the borough', () => {
    assert.equal(find('Two men were shot in the Bronx late Friday.', 'Bronx').value.name, 'Bronx');
  });
});

describe('extractPlaces names a part of New York City by its borough, as its addresses do', () => {
  const cases: [string, string, string][] = [
    ['A teen was shot on a boardwalk in Coney Island, police said.', 'Coney Island', 'Brooklyn'],
    ['Two men were hurt in a shooting in Stapleton, Staten Island.', 'Stapleton', 'Staten Island'],
    // Negative: Queens addresses keep their neighbourhood's name, and the city keeps its own.
    ['A woman was shot in Jamaica, Queens, on Monday night.', 'Jamaica', 'Jamaica'],
    ['Police in New York City said a man was shot.', 'New York City', 'New York City'],
  ];
  for (const [text, phrase, name] of cases) {
    it(text, () => assert.equal(find(text, phrase).value.name, name));
  }
});

describe('extractPlaces keeps a city\'s possessive after "at"', () => {
  it('reads "at Dayton\'s airport" as Dayton', () => {
    assert.equal(find("Rain fell at Dayton's airport on Friday.", 'Dayton').value.admin1, 'Ohio');
  });
});

describe('extractPlaces tells governments from locations (metonymy)', () => {
  const cases: [string, string, boolean][] = [
    ['Washington says the strikes will continue.', 'Washington', true],
    ['Tehran denied any role in the attack.', 'Tehran', true],
    ['Moscow warned against further escalation.', 'Moscow', true],
    ['Washington has massive firepower in the region.', 'Washington', true],
    ['Baghdad and Washington agreed on a timetable.', 'Baghdad', true],
    ['Baghdad and Washington agreed on a timetable.', 'Washington', true],
    ["Tehran's response came within hours.", 'Tehran', true],
    ['Officials in Washington said little.', 'Washington', false],
    ['The envoy flew to Tehran on Sunday.', 'Tehran', false],
    ['Iraq has been hit by sandstorms.', 'Iraq', false],
    ["Baghdad's streets were quiet.", 'Baghdad', false],
  ];
  for (const [text, phrase, metonymic] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.value.metonymic, metonymic);
      assert.equal(m.rule === 'place/metonymy', metonymic);
    });
  }
});

describe('extractPlaces chooses among places of one name from the document', () => {
  const cases: [string, string, { country: string; admin1?: string }][] = [
    ['Israeli tanks moved into Rafah, in southern Gaza, on Monday.', 'Rafah', { country: 'PS' }],
    ['A man was shot in Jackson, Miss., late Friday.', 'Jackson', { country: 'US', admin1: 'Mississippi' }],
    ['The council met in Springfield, Ill., on Tuesday.', 'Springfield', { country: 'US', admin1: 'Illinois' }],
    [
      'Police in Missouri said the shooting happened near a bar. Springfield officers arrived within minutes, and Branson police helped.',
      'Springfield',
      { country: 'US', admin1: 'Missouri' },
    ],
    ['Georgia Gov. Brian Kemp spoke in Atlanta and Savannah.', 'Georgia', { country: 'US', admin1: 'Georgia' }],
    ['Russian troops crossed into Georgia near Tbilisi and South Ossetia.', 'Georgia', { country: 'GE' }],
    ['The bridge in Paris, Texas, was closed.', 'Paris', { country: 'US', admin1: 'Texas' }],
    ['Ministers met in Paris to discuss the Syrian war.', 'Paris', { country: 'FR' }],
  ];
  for (const [text, phrase, expected] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.value.country, expected.country);
      if (expected.admin1) assert.equal(m.value.admin1, expected.admin1);
    });
  }
});

describe('extractPlaces reads the region a local report is about from all its names', () => {
  // Each name votes for the regions its candidates lie in, split evenly: towns of one state add up.
  const cases: [string, string, { country: string; admin1?: string; precision?: number }][] = [
    // Watertown, Mass., is the bigger town, but Delano and Montgomery put the report in Minnesota; "Lee",
    // "Taylor" and "Perry" are people's names found in every state and say nothing.
    [
      'Watertown beat Delano on Friday. Lee scored twice and Taylor once for Watertown, and Perry added a goal against Montgomery.',
      'Watertown',
      { country: 'US', admin1: 'Minnesota' },
    ],
    [
      'A man from Elkhart was stopped near Grapeland and taken to the jail in Palestine, where Tennessee Colony officers met him.',
      'Palestine',
      { country: 'US', admin1: 'Texas' },
    ],
    // A dateline's town is a place even where a capitalised word follows the dash ("A man"), however much a name it is.
    ['TYLER - A woman was hurt when shots hit her car.', 'TYLER', { country: 'US', admin1: 'Texas' }],
    ['AUSTIN — Deputies said Tuesday that two men were shot.', 'AUSTIN', { country: 'US', admin1: 'Texas' }],
    // A dateline's state without its period still contains the town.
    ['JACKSON, Tenn -- A man was shot on Friday.', 'JACKSON', { country: 'US', admin1: 'Tennessee' }],
    // An article before a town is no first name: the town is not taken for a surname elsewhere in the text.
    ['SALINA, Kan. (KSNT) — A Salina teen was hurt.', 'SALINA', { country: 'US', admin1: 'Kansas' }],
    // A given name read as a town ("James", "Lewis") says nothing about the region: the big city keeps its own state.
    [
      'A student was shot in Nashville on Friday. James Carter said he heard it, and Lewis Grant called police in Nashville.',
      'Nashville',
      { country: 'US', admin1: 'Tennessee' },
    ],
    ['Aid groups asked for a ceasefire in Palestine and Lebanon.', 'Palestine', { country: 'PS', precision: 5 }],
    // A country gets the votes of its own regions: "Mexico" beside Mexico City is the country.
    ['Schools shut in Mexico City and Guadalajara after Mexico reported new cases.', 'Mexico', { country: 'MX', precision: 5 }],
    ['Schools shut in Mexico City and Guadalajara after Mexico reported new cases.', 'Mexico City', { country: 'MX', precision: 1 }],
  ];
  for (const [text, phrase, expected] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.value.country, expected.country);
      if (expected.admin1) assert.equal(m.value.admin1, expected.admin1);
      if (expected.precision) assert.equal(m.value.precision, expected.precision);
    });
  }
});

describe('extractPlaces reads a county in capitals only as a dateline', () => {
  it('reads "MONTGOMERY COUNTY, Va. --" as the county, in its state', () => {
    const m = find('MONTGOMERY COUNTY, Va. -- A boy was shot on Friday.', 'MONTGOMERY COUNTY');
    assert.equal(m.rule, 'place/county');
    assert.equal(m.value.name, 'Montgomery County');
    assert.equal(m.value.admin1, 'Virginia');
  });
  it('leaves a county in capitals inside a sentence alone', () => {
    assert.ok(!places('He was booked into the HARRIS COUNTY jail on Friday.').some((m) => m.rule === 'place/county'));
  });
});

describe("extractPlaces takes a county's state from the document", () => {
  const cases: [string, string, string][] = [
    // Each town votes once however often it recurs; a state named outright votes twice.
    ['Laurel County deputies searched London and Corbin. London police helped, and London schools closed.', 'Laurel County', 'Kentucky'],
    [
      'Charlton County crews worked all week in Georgia. Officials in Dayton sent help; Dayton firefighters and Dayton police came too.',
      'Charlton County',
      'Georgia',
    ],
    // A town inside a building's name speaks half as loud as a town named for itself; a town named for itself still wins.
    [
      'A DeKalb County boy was hurt in a shooting at the Highland East Atlanta apartments. He was taken to a hospital in Atlanta.',
      'DeKalb County',
      'Georgia',
    ],
    ['A DeKalb County man was hurt at the Highland East Atlanta apartments. He lives in Auburn, Ind.', 'DeKalb County', 'Indiana'],
  ];
  for (const [text, phrase, admin1] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.value.country, 'US');
      assert.equal(m.value.admin1, admin1);
      assert.equal(m.value.precision, 3);
    });
  }
  it("places a county with no town of its name at the middle of the state's towns, not at one of them by order", () => {
    const m = find('Charlton County officials met in Folkston, and later in Homeland and Folkston again, Georgia.', 'Charlton County');
    const folkston = find('Charlton County officials met in Folkston, and later in Homeland and Folkston again, Georgia.', 'Folkston');
    assert.ok(Math.abs(m.value.lat - folkston.value.lat) < 0.5);
  });
});

describe('extractPlaces places a county from the Census county list', () => {
  const cases: [string, string, string][] = [
    // Only Washington has a Whatcom County: a town of another state named beside it does not move it.
    ['Whatcom County deputies said the boy was visiting from Dallas.', 'Whatcom County', 'Washington'],
    // No town named: of the two Harris counties, the far more populous one.
    ['A man was shot in Harris County on Sunday.', 'Harris County', 'Texas'],
    // A parish is Louisiana's.
    ['Deputies in Orleans Parish found the car.', 'Orleans Parish', 'Louisiana'],
    // The document's towns choose among namesakes that exist.
    ['Police in Decatur and Stone Mountain said the DeKalb County man was hurt.', 'DeKalb County', 'Georgia'],
    // A county named in the possessive is the one the Census list writes without its apostrophe.
    ["Prince George's County police said a man was shot.", "Prince George's County", 'Maryland'],
    ["Two boats sank off Queen Anne's County on Friday.", "Queen Anne's County", 'Maryland'],
  ];
  for (const [text, phrase, admin1] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.value.admin1, admin1);
      assert.equal(m.value.precision, 3);
    });
  }
  it('reads a town inside a county the report names as that town, over a country of its name', () => {
    const text = 'The man, of Denmark, was held on bond, the Bamberg County magistrate said.';
    assert.equal(find(text, 'Denmark').value.admin1, 'South Carolina');
  });
  it('keeps a small town inside a county the report names', () => {
    const text = "Fayette County deputies said the boy was shot at a friend's house in Elgin.";
    assert.equal(find(text, 'Elgin').value.admin1, 'Iowa');
  });
  it('names the county a US town lies in, and a county itself, alike', () => {
    const text = 'Smith County deputies said the man was shot in Tyler, Texas.';
    assert.equal(find(text, 'Tyler').value.usCounty, 'Smith, Texas');
    assert.equal(find(text, 'Smith County').value.usCounty, 'Smith, Texas');
  });
  it("puts a county at the centre of its area, not at its state's", () => {
    const m = find('Officers in Whatcom County searched the woods.', 'Whatcom County');
    assert.ok(Math.abs(m.value.lat - 48.8) < 0.3 && Math.abs(m.value.lon + 121.7) < 0.5, `${m.value.lat},${m.value.lon}`);
  });
  const negatives: [string, string][] = [
    // A county of no US name keeps the old reading: the state the document names.
    ['Charlton Xyzzy County crews worked in Georgia.', 'Georgia'],
  ];
  for (const [text, admin1] of negatives) {
    it(`keeps the document's state in "${text}"`, () => {
      const m = find(text, 'Xyzzy County');
      assert.equal(m.value.admin1, admin1);
    });
  }
});

describe('extractPlaces finds streets and numbered roads, placed at their town', () => {
  const cases: [string, string, string][] = [
    ['She lives at 1935 Orchard St., Alexandria, La., with her son.', 'Orchard St.', 'Alexandria'],
    ['The fire at 6016 Dublin Road in Alexandria, La., was set on purpose.', 'Dublin Road', 'Alexandria'],
    ['Crews closed North Cooper Street in Arlington, Texas, after the crash.', 'North Cooper Street', 'Arlington'],
    ['A truck overturned on Highway 19 north of Dayton, Ohio.', 'Highway 19', 'Dayton'],
    ['Deputies stopped the car on County Road 43 outside Dayton, Ohio.', 'County Road 43', 'Dayton'],
    ['Traffic on I-95 backed up past Richmond, Va., for hours.', 'I-95', 'Richmond'],
    // Streets named without a street word: a block, a corner, two streets before one plural street word.
    ['Two men were hurt in the 1400 block of Kendall in Dayton, Ohio.', 'Kendall', 'Dayton'],
    ['Officers were called to a house at Camden and Pierce in Dayton, Ohio.', 'Pierce', 'Dayton'],
    ['A car crashed on Camden and Pierce in Dayton, Ohio.', 'Camden', 'Dayton'],
    ['Shots rang out near 31st and Lorain in Dayton, Ohio.', 'Lorain', 'Dayton'],
    ['Crowds filled Kendall and Whitmore streets in Dayton, Ohio.', 'Kendall', 'Dayton'],
    ['Deputies closed Warren and Ashby Roads near Dayton, Ohio.', 'Ashby Roads', 'Dayton'],
    ['Police blocked off Marion/Adams in Dayton, Ohio.', 'Marion', 'Dayton'],
    // A day or a direction after the street word does not make the street a firm's name.
    ['Two cars collided on Lincoln Road Tuesday in Dayton, Ohio.', 'Lincoln Road', 'Dayton'],
    ['A man was shot on Salem Ave N in Dayton, Ohio.', 'Salem Ave', 'Dayton'],
  ];
  for (const [text, phrase, town] of cases) {
    it(`${phrase} in "${text}"`, () => {
      const m = find(text, phrase);
      assert.equal(m.rule, 'place/street');
      assert.equal(m.value.precision, 2);
      assert.equal(m.value.geonameId, null);
      const t = find(text, town);
      assert.equal(m.value.lat, t.value.lat);
      assert.equal(m.value.country, t.value.country);
    });
  }
});

describe('extractPlaces finds no street in these', () => {
  const cases: [string, string][] = [
    ['Fans in East St. Louis cheered the team.', 'St. Louis'],
    ['The Wall Street Journal reported the sale in Dayton, Ohio.', 'Wall Street'],
    ['The Circuit Court in Dayton, Ohio, heard the case.', 'Circuit Court'],
    ['Traffic was light on Main Street all week.', 'Main Street'],
    ['He drove U.S. 287 to Amarillo, Texas.', 'U.S. 287'],
    ['But Elm Road was shut in Dayton, Ohio.', 'But Elm Road'],
    // Towns in a list are no corner: only "on" or "at" before two names, or a plural street word after them, make one.
    ['Storms hit Camden and Trenton overnight.', 'Camden'],
    ['He moved from Marion to Dayton, Ohio.', 'Marion'],
    ['Flooding closed roads in Lorain and Elyria.', 'Lorain'],
  ];
  for (const [text, phrase] of cases) {
    it(`no street "${phrase}" in "${text}"`, () => {
      const found = places(text);
      assert.ok(!found.some((m) => m.text === phrase && m.rule === 'place/street'), JSON.stringify(found.map((m) => [m.text, m.rule])));
    });
  }
  it('reads "U.S." before a road number as the country', () => {
    assert.equal(find('He drove U.S. 287 to Amarillo, Texas.', 'U.S.').value.precision, 5);
  });
});

describe('extractPlaces prefers a place that bears the name over one known by it as another name', () => {
  const cases: [string, string, { name: string; country: string; admin1: string | null }][] = [
    ['A man was shot in Philadelphia on Monday.', 'Philadelphia', { name: 'Philadelphia', country: 'US', admin1: 'Pennsylvania' }],
    ['PUYALLUP, Wash. — A boy was shot at a home.', 'PUYALLUP', { name: 'Puyallup', country: 'US', admin1: 'Washington' }],
    // A name written with an abbreviation is the namesake that spells itself so.
    ['Two women were shot in St. Louis overnight.', 'St. Louis', { name: 'St. Louis', country: 'US', admin1: 'Missouri' }],
    // Negative: a name that only an alias bears still finds its place.
    ['Drones hit the base at Ain al-Asad overnight.', 'Ain al-Asad', { name: 'Al Asad Air Base', country: 'IQ', admin1: null }],
  ];
  for (const [text, phrase, expected] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.value.name, expected.name);
      assert.equal(m.value.country, expected.country);
      if (expected.admin1) assert.equal(m.value.admin1, expected.admin1);
    });
  }
});

describe('extractPlaces places a street at its town', () => {
  const cases: [string, string, number | null][] = [
    ['A man was shot on Maple Street in Dayton, Ohio.', 'Dayton', 2],
    ['A man was shot on Maple Street, Dayton, Ohio.', 'Dayton', 2],
  ];
  for (const [text, town] of cases) {
    it(text, () => {
      const street = find(text, 'Maple Street');
      const place = find(text, town);
      assert.equal(street.value.lat, place.value.lat);
      assert.equal(street.value.lon, place.value.lon);
    });
  }
});

describe('extractPlaces places a street with no town beside it at the town of the report', () => {
  const cases: [string, string][] = [
    // The town named most in the report's country, not the middle of it and a town abroad.
    ['A man was shot on Maple Street on Friday. He had flown in from Paris, France. Dayton police said Dayton, Ohio, was calm.', 'Dayton'],
    // The dateline's town, though the report names another more often.
    ['DAYTON, Ohio — A man was shot on Maple Street. Columbus police and Columbus, Ohio, officers helped.', 'DAYTON'],
  ];
  for (const [text, town] of cases) {
    it(text, () => {
      const street = find(text, 'Maple Street');
      const place = find(text, town);
      assert.equal(street.value.lat, place.value.lat);
      assert.equal(street.value.lon, place.value.lon);
    });
  }
  // Negative: a report whose only town is abroad leaves the street unplaced, and drops it.
  it('drops a street whose only town is in another country', () => {
    const text = 'Ohio police and Ohio troopers said a man was shot on Maple Street. He had visited Paris, France.';
    assert.ok(!places(text).some((m) => m.text === 'Maple Street'));
  });
});

describe('extractPlaces reads datelines in capitals', () => {
  const cases: [string, string, { name: string; admin1: string }][] = [
    ['NEW ORLEANS -- Two men were hurt in a crash overnight.', 'NEW ORLEANS', { name: 'New Orleans', admin1: 'Louisiana' }],
    ['CHICAGO (AP) — A fire closed a school on Monday.', 'CHICAGO', { name: 'Chicago', admin1: 'Illinois' }],
    ['TOLEDO, Ohio — The council met late on Tuesday.', 'TOLEDO', { name: 'Toledo', admin1: 'Ohio' }],
    ['SPRINGFIELD, Mo. (KY3) - A bridge was closed for repairs.', 'SPRINGFIELD', { name: 'Springfield', admin1: 'Missouri' }],
    ['Storm clean-up goes on\nNEW ORLEANS -- Crews worked all night.', 'NEW ORLEANS', { name: 'New Orleans', admin1: 'Louisiana' }],
  ];
  for (const [text, phrase, expected] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.rule, 'place/dateline');
      assert.equal(m.value.name, expected.name);
      assert.equal(m.value.admin1, expected.admin1);
      assert.equal(m.value.precision, 1);
    });
  }
  // Negative: boilerplate in capitals and capitals inside a sentence are no datelines.
  const negatives: [string, string][] = [
    ['MORE: Crews worked all night to clear the road.', 'MORE'],
    ['The crowd chanted NEW ORLEANS all night.', 'NEW ORLEANS'],
  ];
  for (const [text, phrase] of negatives) {
    it(`no dateline "${phrase}" in: ${text}`, () => {
      assert.ok(!places(text).some((m) => m.text === phrase && m.rule === 'place/dateline'));
      assert.ok(!places(text).some((m) => m.text === 'MORE'));
    });
  }
});

describe("extractPlaces reads a local report's names near its own town", () => {
  const cases: [string, string, { name: string; admin1: string; rule?: string }][] = [
    // No Germantown lies near Philadelphia: the name is a part of the report's town the gazetteer does not know.
    [
      'PHILADELPHIA — A boy was shot in Germantown on Sunday.',
      'Germantown',
      { name: 'Philadelphia', admin1: 'Pennsylvania', rule: 'place/neighbourhood' },
    ],
    // The town whose police speak is the report's town where there is no dateline.
    [
      'Cincinnati police said two men were shot in Madisonville late Friday.',
      'Madisonville',
      { name: 'Cincinnati', admin1: 'Ohio', rule: 'place/neighbourhood' },
    ],
    // A city AP style names with its state (Austin, unlike Houston) named alone in a report from elsewhere is a part of
    // the report's town, however big the far namesake.
    [
      'CHICAGO — A girl was wounded in Austin on Friday night.',
      'Austin',
      { name: 'Chicago', admin1: 'Illinois', rule: 'place/neighbourhood' },
    ],
    // A town of 40,000 has neighbours the gazetteer does not know, too.
    [
      'WARREN, Ohio — Two men were shot in Howland on Saturday.',
      'Howland',
      { name: 'Warren', admin1: 'Ohio', rule: 'place/neighbourhood' },
    ],
    // A namesake near the report's town is the one meant.
    ['PHOENIX — A Glendale man was charged after the shooting.', 'Glendale', { name: 'Glendale', admin1: 'Arizona' }],
    // Negative: a big city is named with its state when a report from elsewhere means it; so is a town with a container.
    ['CHICAGO — The suspect was arrested in Houston on Monday.', 'Houston', { name: 'Houston', admin1: 'Texas' }],
    ['CHICAGO — The suspect was arrested in Austin, Texas, on Monday.', 'Austin', { name: 'Austin', admin1: 'Texas' }],
    ['DAYTON, Ohio — He grew up in Germantown, Md., and moved here.', 'Germantown', { name: 'Germantown', admin1: 'Maryland' }],
    // Negative: where towns are not written with their region, a town far from the dateline is a town of its own; so is
    // a town abroad in a country the report names.
    ['BAGHDAD — Rockets struck a depot near al-Qaim on Tuesday.', 'al-Qaim', { name: "Al Qa'im", admin1: 'Anbar' }],
    [
      'WASHINGTON — U.S. jets struck a depot near Abu Kamal in Syria on Tuesday.',
      'Abu Kamal',
      { name: 'Abu Kamal', admin1: 'Deir ez-Zor Governorate' },
    ],
  ];
  for (const [text, phrase, expected] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.value.name, expected.name);
      assert.equal(m.value.admin1, expected.admin1);
      if (expected.rule) assert.equal(m.rule, expected.rule);
    });
  }
  it("takes no town of a wire service's bureau for the report's town", () => {
    const m = find('BOSTON (Reuters) - Five people were found shot in Saco, southwest of Portland, on Sunday.', 'Portland');
    assert.notEqual(m.value.name, 'Boston');
  });
});

describe('extractPlaces names a town by its current name, and finds it by its former one', () => {
  const cases: [string, string][] = [
    ['A man was shot in Greenacres on Friday, Palm Beach County deputies said.', 'Greenacres'],
    ['Old maps still print Greenacres City beside Palm Beach County.', 'Greenacres City'],
  ];
  for (const [text, phrase] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.value.name, 'Greenacres');
      assert.equal(m.value.admin1, 'Florida');
    });
  }
});

describe('extractPlaces reads a name the text calls a neighbourhood as a part of a town', () => {
  const cases: [string, string, string, string][] = [
    // A neighbourhood of the name is meant over towns of the name elsewhere.
    ['Two men were hurt outside a Chatham neighborhood bar on Sunday.', 'Chatham', 'Chicago', 'Illinois'],
    // A neighbourhood given to a town in the possessive is a part of that town.
    ["Two men were shot in Baltimore's Brooklyn neighborhood on Friday.", 'Brooklyn', 'Baltimore', 'Maryland'],
    ["Shots were fired in Louisville's west Portland neighborhood overnight.", 'Portland', 'Louisville', 'Kentucky'],
    // Without the word, the towns of the name keep their order; "in Brooklyn" is New York's.
    ['Rain fell on Chatham all week.', 'Chatham', 'Chatham', 'England'],
    ['Two men were shot in Brooklyn on Friday.', 'Brooklyn', 'Brooklyn', 'New York'],
  ];
  for (const [text, phrase, name, admin1] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.value.name, name);
      assert.equal(m.value.admin1, admin1);
    });
  }
});

describe('extractPlaces names a neighbourhood by its town', () => {
  const cases: [string, string, { name: string; admin1: string }][] = [
    ['A man was hurt in a crash in South Shore on Friday.', 'South Shore', { name: 'Chicago', admin1: 'Illinois' }],
    ['CHICAGO (AP) — A fire broke out in South Shore.', 'South Shore', { name: 'Chicago', admin1: 'Illinois' }],
  ];
  for (const [text, phrase, expected] of cases) {
    it(text, () => {
      const m = find(text, phrase);
      assert.equal(m.rule, 'place/neighbourhood');
      assert.equal(m.value.name, expected.name);
      assert.equal(m.value.admin1, expected.admin1);
      assert.equal(m.value.precision, 2);
    });
  }
  // Negative: a town that shares a neighbourhood's name stays a town when its state is named.
  it('South Shore, Ky. stays a town', () => {
    const m = find('A man was hurt in South Shore, Ky., on Friday.', 'South Shore');
    assert.equal(m.rule, 'place/gazetteer');
    assert.equal(m.value.admin1, 'Kentucky');
    assert.equal(m.value.precision, 1);
  });
});

describe('extractPlaces reads no place in the names of ships, aircraft, families, people and credits', () => {
  const cases: [string, string][] = [
    ['The USS Carney shot down three drones over the Red Sea.', 'Carney'],
    ['A C-130 Hercules landed at the airfield before dawn.', 'Hercules'],
    ['Five members of the Salem Abu Quta family were killed in Rafah.', 'Salem'],
    ['Vivian van de Perre told reporters in Goma that the fighting went on.', 'Perre'],
    ['Reporting by Lincoln Feast; editing by Sam Jordan', 'Lincoln'],
    ['Photo: Jordan Pix/Reuters', 'Jordan'],
    ['A source told Xinhua that talks would resume.', 'Xinhua'],
    ['DAMASCUS, July 20 (Xinhua) -- Fighting went on in the south.', 'Xinhua'],
    // A ship's flag and a firm's owners are whose, not where.
    ['Missiles hit the Liberian-flagged tanker off Hodeidah on Monday.', 'Liberian'],
    ['The Panama-registered bulk carrier sank in the Red Sea.', 'Panama'],
    ['The Greek-owned ship was struck again overnight.', 'Greek'],
    ['The bulk carrier, flagged in Liberia, sank after the attack.', 'Liberia'],
  ];
  for (const [text, name] of cases) {
    it(`no place "${name}" in: ${text}`, () => assert.ok(!places(text).some((m) => m.text === name)));
  }
  // Negative: the same names where the text puts something in them.
  const kept: [string, string, string][] = [
    ['A woman was hit by a car in Hercules, California, police said.', 'Hercules', 'US'],
    ['Salem police said the family was found safe.', 'Salem', 'US'],
    ['The man told Dayton police he had been shot twice.', 'Dayton', 'US'],
    ['Three soldiers were killed at a base in Jordan near the Syrian border.', 'Jordan', 'JO'],
    ['Militants attacked a Liberian village near the border.', 'Liberian', 'LR'],
  ];
  for (const [text, name, country] of kept) {
    it(`negative: "${name}" kept in: ${text}`, () => assert.equal(find(text, name).value.country, country));
  }
});

describe('extractPlaces in wide news: a big city beats a small namesake near another', () => {
  const text =
    'GENEVA (AP) — The UN refugee agency said fighting in Sudan and South Sudan had driven a city the size of London from ' +
    'its homes, as Chad and Ethiopia took in more refugees.';
  it('Geneva is the Swiss city', () => assert.equal(find(text, 'GENEVA').value.country, 'CH'));
  it('London is the English city', () => assert.equal(find(text, 'London').value.country, 'GB'));
  it('negative: local news keeps its namesakes near each other', () =>
    assert.equal(
      find('A man was shot in Geneva on Friday, and a woman was hurt in London, Ohio, deputies said.', 'Geneva').value.admin1,
      'Ohio',
    ));
});

describe('extractPlaces reads no streets in wide news', () => {
  const wide = 'Israeli strikes hit Syria and Lebanon, and Iran and Iraq condemned them';
  it('"on Monday and Wednesday" is no corner in war news', () =>
    assert.ok(!places(`${wide}; fighting went on Monday and Wednesday.`).some((m) => m.rule === 'place/street')));
  it('negative: a corner in local news is a street', () =>
    assert.ok(places('A man was shot at Winthrop and Clarita in Detroit, Michigan, on Monday.').some((m) => m.rule === 'place/street')));
});

describe('extractPlaces keeps a neighbourhood only where something speaks for its town', () => {
  it('"The Mission" in a report about Ukraine is no place', () =>
    assert.ok(!places('The Mission has documented arbitrary detentions in Ukraine, the UN said.').some((m) => m.text === 'The Mission')));
});

describe('extractPlaces reads a capital acting by its -ing form, or after "due to", as its government', () => {
  const cases: [string, string, string][] = [
    ['The raids stopped due to Washington reaching an understanding with Iran.', 'Washington', 'place/metonymy'],
    ['Moscow seeking new talks, the envoy flew home.', 'Moscow', 'place/metonymy'],
    // Negative: a capital where something happens stays a place.
    ['Talks were held in Washington on Monday.', 'Washington', 'place/gazetteer'],
    ['Crowds were gathering in Moscow on Sunday.', 'Moscow', 'place/gazetteer'],
  ];
  for (const [text, name, rule] of cases) it(`${name} in: ${text}`, () => assert.equal(find(text, name).rule, rule));
});

describe('extractPlaces reads "the X for ..." as a body\'s name', () => {
  it('the Center for Strategic and International Studies', () =>
    assert.ok(!places('Jon Alterman of the Center for Strategic and International Studies said so.').some((m) => m.text === 'Center')));
  it('negative: a town before "for" with no capitalised name after it', () =>
    assert.equal(find('Buses left Dayton for the coast on Friday.', 'Dayton').value.country, 'US'));
});
