import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event, Responsibility } from '../../model/event.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { extractEvents } from './extract-events.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };

function eventsOf(text: string): Event[] {
  const mentions = understand({ text, published }, lexicons);
  return extractEvents({ documentId: 'doc', text, published }, mentions);
}

/** Every statement of a kind over the report's attacks, as `actor|by|rule|sentence`. */
function statementsOf(text: string, field: 'claimedBy' | 'blamedOn' | 'deniedBy'): string[] {
  return eventsOf(text)
    .filter((e) => e.type === 'ASSAULT')
    .flatMap((e) => e[field].map((r: Responsibility) => `${r.actor.name}|${r.by?.name ?? ''}|${r.rule}|${r.text}`));
}

const sentenceOf = (text: string, start: string) => text.slice(text.indexOf(start)).replace(/(?<=[.!?])\s.*$/s, '');

describe('claims of responsibility', () => {
  const cases: Array<[string, string, string]> = [
    // [text, claimant, rule]
    [
      'A drone struck a US outpost in eastern Syria on Sunday. The Islamic Resistance in Iraq claimed the attack in a short statement.',
      'Islamic Resistance in Iraq',
      'responsibility/claimed-attack',
    ],
    [
      'A car bomb exploded at a checkpoint near Mosul on Monday, killing four soldiers. Islamic State claimed responsibility for the bombing.',
      'Islamic State',
      'responsibility/claimed-responsibility',
    ],
    [
      'Rockets hit the base at dawn on Tuesday. In a statement, Hezbollah said its fighters carried out the strike.',
      'Hezbollah',
      'responsibility/said-it-carried-out',
    ],
    [
      'Gunmen ambushed a convoy on the highway on Friday. Hamas later took responsibility for the ambush.',
      'Hamas',
      'responsibility/took-responsibility',
    ],
    [
      'An explosion hit a bus in the capital on Wednesday; the bombing was claimed by Islamic State.',
      'Islamic State',
      'responsibility/claimed-by',
    ],
    [
      "Kata'ib Hezbollah, one of the militias backed by Tehran, claimed the drone attack on the airbase near Erbil on Sunday.",
      "Kata'ib Hezbollah",
      'responsibility/claimed-attack',
    ],
    [
      'A bomb exploded at a power pylon near Lima on Monday. Guerrillas of the Shining Path claimed responsibility for the bombing.',
      'Shining Path',
      'responsibility/claimed-responsibility',
    ],
  ];
  for (const [text, actor, rule] of cases) {
    it(`reads ${rule}: ${text.slice(0, 70)}`, () => {
      const claims = statementsOf(text, 'claimedBy');
      assert.equal(claims.length, 1, claims.join('\n'));
      const [name, by, got, sentence] = (claims[0] as string).split('|');
      assert.equal(name, actor);
      assert.equal(by, '');
      assert.equal(got, rule);
      // The span is the sentence that makes the claim, not the attack's.
      assert.match(sentence as string, /claim|responsibility|said/);
    });
  }

  it('makes the claimant the initiator where the text names none, with a rule that says so', () => {
    const text = 'A drone struck a US outpost in eastern Syria on Sunday. The Islamic Resistance in Iraq claimed the attack.';
    const attack = eventsOf(text).find((e) => e.type === 'ASSAULT');
    assert.ok(attack);
    assert.deepEqual(
      attack.initiator.map((a) => a.name),
      ['Islamic Resistance in Iraq'],
    );
    assert.match(attack.rule, /\+initiator-from-claim$/);
    assert.equal(attack.claimedBy[0]?.text, sentenceOf(text, 'The Islamic Resistance'));
    assert.deepEqual(attack.claimedBy[0]?.span, { start: text.indexOf('The Islamic'), end: text.length });
  });

  it('keeps an initiator the text names, and the claim beside it', () => {
    const text = 'Hamas fighters attacked an army post near the border on Monday. Hamas claimed responsibility for the attack.';
    const attack = eventsOf(text).find((e) => e.type === 'ASSAULT');
    assert.ok(attack);
    assert.doesNotMatch(attack.rule, /initiator-from-claim/);
    assert.deepEqual(
      attack.claimedBy.map((c) => c.actor.name),
      ['Hamas'],
    );
  });

  const negatives: string[] = [
    // The toll, not a claim.
    'A suicide bombing in the market on Friday claimed the lives of 12 people, Hamas officials said.',
    // Speech: what is claimed is a statement, not an attack.
    'A bomb exploded near the ministry on Monday. Hezbollah claimed that Israel was preparing a wider war.',
    'A bomb exploded near the ministry on Monday. Hezbollah claimed victory in the local elections.',
    // No one claims it.
    'A bomb exploded near the ministry on Monday. No group has claimed responsibility for the attack.',
    'A bomb exploded near the ministry on Monday. Hamas has not claimed the bombing.',
    // What is said of one's own men is done to them.
    'A bomb exploded near the ministry on Monday. Hezbollah said its fighters were killed in the blast.',
    // Responsible for something else than an attack.
    'A bomb exploded near the ministry on Monday. The police, who said they were responsible for the inquiry, arrived.',
  ];
  for (const text of negatives) {
    it(`finds no claim in: ${text.slice(0, 80)}`, () => {
      assert.deepEqual(statementsOf(text, 'claimedBy'), []);
    });
  }
});

describe('blame', () => {
  const cases: Array<[string, string, string, string]> = [
    // [text, blamed, who blames, rule]
    [
      "A rocket attack hit the base in Iraq on Sunday. The Pentagon blamed Kata'ib Hezbollah.",
      "Kata'ib Hezbollah",
      'Department of Defense',
      'responsibility/blamed',
    ],
    [
      'Militants attacked a checkpoint in Kirkuk on Sunday. The Iraqi government blamed Islamic State for the attack.',
      'Islamic State',
      'Iraqi government',
      'responsibility/blamed',
    ],
    [
      'A car bomb exploded in Baghdad on Thursday. The State Department attributed the bombing to Islamic State.',
      'Islamic State',
      'State Department',
      'responsibility/attributed-to',
    ],
    [
      'A drone struck a tanker in the Red Sea on Monday. Israel accused the Houthis of carrying out the attack.',
      'Houthis',
      'Israel',
      'responsibility/accused-of',
    ],
    [
      'An ambush killed six soldiers in Ayacucho on Monday. The attack was blamed on the Shining Path.',
      'Shining Path',
      '',
      'responsibility/blamed-on',
    ],
    [
      'Explosions hit a market in Sidon on Monday. Hezbollah blamed Israel for that attack.',
      'Israel',
      'Hezbollah',
      'responsibility/blamed',
    ],
    [
      'A bomb killed four people in Sidon on Monday. Hezbollah blamed Israel for “this cowardly attack”.',
      'Israel',
      'Hezbollah',
      'responsibility/blamed',
    ],
    ['Deadly explosions that Hezbollah blamed on Israel struck Beirut on Monday.', 'Israel', 'Hezbollah', 'responsibility/blamed-on'],
    [
      'Rockets struck Kiryat Shmona on Friday. Israel held Hezbollah responsible for the strike.',
      'Hezbollah',
      'Israel',
      'responsibility/held-responsible',
    ],
  ];
  for (const [text, actor, by, rule] of cases) {
    it(`reads ${rule}: ${text.slice(0, 70)}`, () => {
      const blames = statementsOf(text, 'blamedOn');
      assert.equal(blames.length, 1, `${blames.join('\n')}\n${JSON.stringify(eventsOf(text).map((e) => [e.type, e.text]))}`);
      const [name, got, gotRule] = (blames[0] as string).split('|');
      assert.equal(name, actor);
      assert.equal(got, by);
      assert.equal(gotRule, rule);
    });
  }

  it('never makes the blamed actor an initiator', () => {
    for (const text of [
      "A rocket attack hit the base in Iraq on Sunday. The Pentagon blamed Kata'ib Hezbollah.",
      'Israel accused the Houthis of carrying out the attack on the tanker on Monday.',
    ]) {
      const attack = eventsOf(text).find((e) => e.type === 'ASSAULT');
      assert.ok(attack, text);
      assert.deepEqual(attack.initiator, [], text);
      assert.equal(attack.blamedOn.length, 1, text);
    }
  });

  const negatives: string[] = [
    'A bomb exploded near the ministry on Monday. The opposition blamed Hamas for the rise in prices.',
    'A bomb exploded near the ministry on Monday. Prosecutors accused Hamas of corruption.',
    'A bomb exploded near the ministry on Monday. Nobody blamed Hezbollah.',
  ];
  for (const text of negatives) {
    it(`finds no blame in: ${text.slice(0, 80)}`, () => {
      assert.deepEqual(statementsOf(text, 'blamedOn'), []);
    });
  }
});

describe('denials', () => {
  const cases: Array<[string, string, string]> = [
    [
      'Rockets struck a kibbutz in northern Israel on Saturday. Hezbollah denied involvement.',
      'Hezbollah',
      'responsibility/denied-involvement',
    ],
    [
      'A car bomb exploded in Baghdad on Thursday. Islamic State denied responsibility for the bombing.',
      'Islamic State',
      'responsibility/denied-involvement',
    ],
    [
      'A drone struck a tanker in the Red Sea on Monday. The Houthis said they were not behind the attack.',
      'Houthis',
      'responsibility/said-not-responsible',
    ],
    [
      'A drone struck a tanker in the Red Sea on Monday. The Houthis denied reports that they fired the drone.',
      'Houthis',
      'responsibility/denied-reports',
    ],
  ];
  for (const [text, actor, rule] of cases) {
    it(`reads ${rule}: ${text.slice(0, 70)}`, () => {
      const denials = statementsOf(text, 'deniedBy');
      assert.equal(denials.length, 1, denials.join('\n'));
      const [name, , gotRule] = (denials[0] as string).split('|');
      assert.equal(name, actor);
      assert.equal(gotRule, rule);
    });
  }

  it('never makes a denier an initiator, even one who is claimed for', () => {
    const text = 'Rockets struck Kiryat Shmona on Friday. Hezbollah denied involvement.';
    const attack = eventsOf(text).find((e) => e.type === 'ASSAULT');
    assert.ok(attack);
    assert.deepEqual(attack.initiator, []);
    assert.deepEqual(attack.claimedBy, []);
  });

  const negatives: string[] = [
    'A bomb exploded near the ministry on Monday. Hezbollah was denied entry to the talks.',
    'A bomb exploded near the ministry on Monday. Israel denied entry to the aid convoy.',
    'A bomb exploded near the ministry on Monday. Hamas denied the request for a ceasefire.',
    'A bomb exploded near the ministry on Monday. Israel denied reports that 20 civilians were killed.',
  ];
  for (const text of negatives) {
    it(`finds no denial in: ${text.slice(0, 80)}`, () => {
      assert.deepEqual(statementsOf(text, 'deniedBy'), []);
    });
  }
});

describe('which attack a statement is about', () => {
  it('goes to the attack told before it, not to an earlier one', () => {
    const text =
      'Gunmen shot two police officers in Kirkuk on Monday. In a separate incident, a car bomb exploded in Baghdad on Tuesday. ' +
      'Islamic State claimed responsibility for the bombing.';
    const events = eventsOf(text).filter((e) => e.type === 'ASSAULT');
    const claimed = events.filter((e) => e.claimedBy.length > 0);
    assert.equal(claimed.length, 1);
    assert.match(claimed[0]?.text ?? '', /car bomb/);
  });

  it('goes to no event where no attack is told', () => {
    const events = eventsOf('Hezbollah denied involvement in the protests, officials said on Monday.');
    assert.deepEqual(
      events.flatMap((e) => e.deniedBy),
      [],
    );
  });
});

describe('what a claim says of an attack it does not own', () => {
  const negatives: string[] = [
    // "claimed" a clause, with or without "that".
    'Missiles struck a city in the north on Friday. The ministry claimed that the missile had targeted a meeting of officers.',
    'Missiles struck a city in the north on Friday. The army released a statement claiming the strike targeted a command post.',
    'Iran launched drones at Israel on Saturday in response to what it claimed was an Israeli strike on its consulate.',
    // The subject of "said" is no one named in a place phrase.
    'Rockets struck the border area on Sunday. Following raids in eastern Lebanon, the group stated that it had fired missiles.',
  ];
  for (const text of negatives) {
    it(`finds no claim in: ${text.slice(0, 80)}`, () => {
      assert.deepEqual(statementsOf(text, 'claimedBy'), []);
    });
  }

  it('takes the name a description stands for, and blames no one for a thing of theirs', () => {
    const text =
      'A rocket attack hit a village on Saturday. Israeli authorities blamed the Iran-backed group Hezbollah for the rocket attack.';
    assert.deepEqual(
      statementsOf(text, 'blamedOn').map((s) => s.split('|')[0]),
      ['Hezbollah'],
    );
    assert.deepEqual(
      statementsOf('A rocket attack hit a village on Saturday. The president blamed the Houthis’ campaign of piracy.', 'blamedOn'),
      [],
    );
  });
});
