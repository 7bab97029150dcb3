/** @module Tests of the harmed: what an attack hurt or damaged, told by verbs of harm that make no event of their own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Event } from '../../model/event.ts';
import { caseProfile } from '../../understand/case/case-profile.ts';
import { loadLexicons, understand } from '../../understand/understand.ts';
import { findParticipants } from './assign-roles.ts';
import { createDocumentFrame } from './document-frame.ts';
import { extractEvents } from './extract-events.ts';
import { findHarmed } from './find-harmed.ts';
import { findTargetPhrases } from './find-target-phrases.ts';

const lexicons = loadLexicons();
const published = { start: '1990-03-12', end: '1990-03-12' };

/** The harmed names of a text we write, sentence by sentence, read through the real understanding stage. */
function harmedOf(text: string): string[] {
  const frame = createDocumentFrame({ documentId: 'doc', text, published }, understand({ text, published }, lexicons));
  return findHarmed(frame, findParticipants(frame, findTargetPhrases(frame))).flatMap((h) => h.targets.map((p) => p.actor.name));
}

/** The attacks of a report we write, read as the pipeline reads it (capital-letter copy re-cased first). */
function attacksOf(raw: string): Event[] {
  const text = caseProfile({ text: raw }, lexicons.gazetteer).text;
  return extractEvents({ documentId: 'doc', text, published }, understand({ text, published }, lexicons)).filter(
    (e) => e.type === 'ASSAULT',
  );
}

describe('the harmed', () => {
  const cases: Array<[string, string[]]> = [
    // The subject of a passive harm verb, with a word of degree and those coordinated with it.
    ['Three trucks and a warehouse were badly damaged.', ['Three trucks', 'warehouse']],
    ['A store was partially destroyed on Monday.', ['store']],
    // The object of an active one, and of a participle after a comma.
    ['The blast injured a passerby and a guard.', ['passerby', 'guard']],
    ['The charge exploded at dawn, destroying two buses.', ['two buses']],
    // The harmed told after the verb ("also wounded were ...") and after a noun for them.
    ['Also wounded were two teachers and a nurse.', ['two teachers', 'nurse']],
    ['The wounded include a farmer and his son.', ['farmer', 'his son']],
  ];
  for (const [text, expected] of cases) it(text, () => assert.deepEqual(harmedOf(text), expected));

  const negatives: Array<[string, string]> = [
    // A harm verb with no one harmed beside it names no one.
    ['The mayor said the town was damaged by the storm.', 'mayor'],
    // The subject of another verb than the passive one is not harmed.
    ['The teachers said the school was destroyed.', 'teachers'],
    // A place is where, not what was harmed.
    ['Panama was damaged.', 'Panama'],
  ];
  for (const [text, name] of negatives)
    it(`negative: ${text}`, () => assert.ok(!harmedOf(text).includes(name), JSON.stringify(harmedOf(text))));
});

describe('the harmed are targets of the attack the report tells there', () => {
  it('a sentence after the attack gives it targets', () => {
    const [attack] = attacksOf('A bomb exploded in the market on Monday. Two vehicles were destroyed and a woman was injured.');
    const names = attack?.target.map((t) => t.name) ?? [];
    for (const name of ['Two vehicles', 'woman']) assert.ok(names.includes(name), JSON.stringify(names));
  });

  it('in capital-letter copy', () => {
    const [attack] = attacksOf('GUERRILLAS ATTACKED THE TOWN. ALSO INJURED WERE TWO PEASANTS.');
    assert.ok(
      attack?.target.some((t) => t.name.toLowerCase() === 'two peasants'),
      JSON.stringify(attack?.target),
    );
  });

  it('makes no event of its own', () => {
    assert.equal(attacksOf('The old bridge was damaged and three houses were destroyed.').length, 0);
  });

  it('goes to no attack told far before it', () => {
    const report =
      'Rebels attacked the garrison on Monday. The talks went on. The minister spoke. The envoy left. The press waited. ' +
      'Two houses were destroyed.';
    const [attack] = attacksOf(report);
    assert.ok(!attack?.target.some((t) => t.name === 'Two houses'), JSON.stringify(attack?.target));
  });
});
