import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './detect-language.ts';

const cases: Array<[string, string]> = [
  ['The militia said it had launched the drones at the base, and the Pentagon said nobody was hurt in the attack.', 'en'],
  [
    "La milice a affirmé avoir lancé les drones sur la base, et le Pentagone a indiqué qu'il n'y avait pas de blessés dans l'attaque.",
    'fr',
  ],
  ['La milicia dijo que había lanzado los drones contra la base y el Pentágono dijo que no hubo heridos en el ataque.', 'es'],
  ['Die Miliz sagte, sie habe die Drohnen auf den Stützpunkt abgefeuert, und das Pentagon sagte, es sei niemand verletzt worden.', 'de'],
  ['قالت الميليشيا إنها أطلقت الطائرات المسيرة على القاعدة وقال البنتاغون إنه لم يصب أحد', 'ar'],
  ['Ополченцы заявили, что запустили беспилотники по базе, а Пентагон сообщил, что никто не пострадал.', 'ru'],
];

const undetermined: string[] = ['', '12345 67890', 'Baghdad Erbil'];

describe('detectLanguage', () => {
  for (const [text, language] of cases) {
    it(`reads ${language}: ${text.slice(0, 30)}…`, () => assert.equal(detectLanguage(text).language, language));
  }
  for (const text of undetermined) {
    it(`cannot tell: ${JSON.stringify(text)}`, () => assert.equal(detectLanguage(text).language, 'und'));
  }
});
