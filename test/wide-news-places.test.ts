/**
 * Where wire copy from abroad places its events: the dateline is where a report was filed, a seat of government is
 * the city a dateline means, people and the organisations named after them are no towns, a country's name is the
 * country, and an event its sentences place nowhere is in the country the report is about, or nowhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument } from '../src/pipeline/analyse-document.ts';
import { loadLexicons } from '../src/understand/understand.ts';

const lexicons = loadLexicons();
const published = { start: '1989-12-20', end: '1989-12-20' };

/** The main attack's place (name, country, rule) in a report of our own. */
function attackPlace(text: string): { name: string; country: string | null; rule: string } | null {
  const { events } = analyseDocument({ id: 'doc', text, published }, lexicons);
  const attack = events.find((e) => e.type === 'ASSAULT');
  assert.ok(attack, 'the report tells an attack');
  return attack.place ? { name: attack.place.name, country: attack.place.country, rule: attack.place.rule } : null;
}

function placeNames(text: string): string[] {
  const { mentions } = analyseDocument({ id: 'doc', text, published }, lexicons);
  return mentions.filter((m) => m.kind === 'place').map((m) => (m.value as { name: string }).name);
}

describe('wire copy in capitals: the dateline', () => {
  it('reads "LA PAZ" over wire copy as the Bolivian seat of government, where the bomb went off', () => {
    const place = attackPlace(
      'LA PAZ, 20 DEC 89 (EFE) -- [TEXT] A DYNAMITE CHARGE EXPLODED TODAY NEAR THE AMERICAN EMBASSY, POLICE SAID. ' +
        'U.S. OFFICIALS SAID NOBODY WAS HURT. THE BOLIVIAN GOVERNMENT CONDEMNED THE ATTACK.',
    );
    assert.equal(place?.country, 'BO');
    assert.equal(place?.name, 'La Paz');
  });
  it('does not place an attack abroad where a bureau filed the report', () => {
    const place = attackPlace(
      'MEXICO CITY, 18 NOV 89 (EFE) -- [TEXT] GUNMEN KILLED SIX PRIESTS AT DAWN, THE SALVADORAN ARMY SAID. ' +
        'THE BODIES WERE FOUND IN SAN SALVADOR, AND TROOPS SEALED OFF SAN SALVADOR AND SANTA TECLA. ' +
        'CHURCH LEADERS IN EL SALVADOR ASKED FOR AN INQUIRY.',
    );
    assert.equal(place?.country, 'SV');
  });
});

describe('wire copy in capitals: people and their namesakes', () => {
  it("reads a region's name after a given name or a title as a family name, there and later", () => {
    const names = placeNames(
      'SAN SALVADOR, 28 NOV 89 (RADIO) -- [TEXT] GUNMEN SHOT FORMER JUSTICE FRANCISCO JOSE GUERRERO IN SAN SALVADOR. ' +
        'DR GUERRERO WAS TAKEN TO A HOSPITAL. GUERRERO, WHO WAS 61, DIED LATER.',
    );
    assert.ok(!names.includes('Guerrero'), names.join(', '));
    assert.ok(names.includes('San Salvador'));
  });
  it("reads a name inside an organisation's name, after a word of its own, as the person it honours", () => {
    const names = placeNames(
      'SAN SALVADOR, 2 DEC 89 (RADIO) -- [TEXT] THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED AN ARMY POST IN SAN MIGUEL.',
    );
    assert.ok(!names.includes('Martí'), names.join(', '));
    assert.ok(names.includes('San Miguel'));
  });
  it("still reads a place opening an organisation's name (negative case)", () => {
    const { mentions } = analyseDocument(
      { id: 'doc', text: 'The Washington Post said troops shelled the town of Kherson on Monday.', published },
      lexicons,
    );
    const names = mentions.filter((m) => m.kind === 'place').map((m) => (m.value as { name: string }).name);
    assert.ok(names.includes('Washington'), names.join(', '));
  });
  it('reads "El Salvador" as the country, not a hamlet abroad, however many surnames read as towns stand beside it', () => {
    const { mentions } = analyseDocument(
      {
        id: 'doc',
        text:
          'SAN SALVADOR, 28 NOV 89 (RADIO) -- [TEXT] VICE PRESIDENT MERINO SAID GUERRILLAS BOMBED A POWER STATION. ' +
          'MERINO ADDED THAT PEACE IN EL SALVADOR NEEDS DIALOGUE.',
        published,
      },
      lexicons,
    );
    const salvador = mentions.find((m) => m.kind === 'place' && m.text === 'EL SALVADOR');
    assert.equal((salvador?.value as { country: string } | undefined)?.country, 'SV');
  });
});

describe('wide news: an event its sentences place nowhere', () => {
  it('takes the country the report is about, at the precision of a country', () => {
    const place = attackPlace(
      'CLANDESTINE, 6 DEC 89 (RADIO VENCEREMOS) -- [TEXT] OUR UNITS ATTACKED THE ENEMY AT DAWN, KILLING FOUR SOLDIERS. ' +
        'THE PEOPLE OF EL SALVADOR SUPPORT THE OFFENSIVE. FIGHTING WENT ON IN SOYAPANGO AND MEJICANOS.',
    );
    assert.deepEqual(place && { country: place.country, rule: place.rule }, { country: 'SV', rule: 'place-from-document/report-country' });
  });
  it('takes no place where two countries are named as often (negative case)', () => {
    const place = attackPlace(
      'Gunmen attacked a convoy at dawn, killing four guards. Honduras and Nicaragua traded blame; ' +
        'officials in Honduras and in Nicaragua promised an inquiry.',
    );
    assert.equal(place, null);
  });
});
