import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons } from '../understand/understand.ts';
import { analyseDocument } from './analyse-document.ts';
import { AnalysisPool } from './analysis-pool.ts';
import { decodeAnalyses, encodeAnalyses, restoreQuotes, leaveQuotesOut } from './analysis-wire.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };
// Our own reports: one in mixed case, one in capitals (read through its re-cased copy), and US local news, whose
// profile carries a set of readings.
const documents = [
  {
    id: 'mixed',
    title: 'Drone strike hits depot near Mayadin',
    text: 'A drone strike hit a fuel depot near Mayadin on Monday, killing three guards, the monitor said. "We heard two blasts," a resident said.',
    published,
  },
  {
    id: 'capitals',
    title: null,
    text: 'LIMA, 9 JAN 90 -- GUERRILLAS OF THE SHINING PATH KILLED FOUR POLICEMEN IN AYACUCHO ON SUNDAY, THE ARMY SAID.',
    published,
  },
  {
    id: 'local',
    title: 'Two men wounded in Elm Street shooting',
    text: 'SPRINGFIELD, Ill. (AP) — Two men were wounded in a shooting on Elm Street late Saturday, Springfield police said. Officers found both men near a gas station.',
    published,
  },
];

describe('mentions sent back from a worker without their quotes', () => {
  for (const document of documents) {
    const analysis = analyseDocument(document, lexicons);
    it(`come back whole: ${document.id}`, () => {
      const sent = leaveQuotesOut(structuredClone(analysis), document.text);
      assert.ok(
        sent.mentions.some((m) => m.text === ''),
        'some quote left out on the way',
      );
      assert.deepEqual(restoreQuotes(structuredClone(sent), document.text), analysis);
    });
  }
  it("a batch comes back from its JSON text as it was analysed, the profile's readings a set again", () => {
    const analyses = documents.map((d) => analyseDocument(d, lexicons));
    const json = encodeAnalyses(structuredClone(analyses), documents);
    assert.ok(
      analyses.some((a) => a.profile.readings.size > 0),
      'a profile with readings on the way',
    );
    assert.ok(!json.includes(documents[0]?.text as string), 'the text does not travel back');
    assert.deepEqual(decodeAnalyses(json, documents), analyses);
  });
  it('a mention empty for another reason sends its document whole, and it comes back as it was', () => {
    const analysis = analyseDocument(documents[0] as (typeof documents)[number], lexicons);
    const odd = { ...analysis, mentions: analysis.mentions.map((m, i) => (i === 0 ? { ...m, text: '' } : m)) };
    const sent = leaveQuotesOut(structuredClone(odd), (documents[0] as (typeof documents)[number]).text);
    assert.deepEqual(sent, odd, 'no quote left out');
    assert.deepEqual(restoreQuotes(structuredClone(sent), (documents[0] as (typeof documents)[number]).text), odd);
  });
  it('and the pool gives what analysing in this thread gives', async () => {
    const pool = new AnalysisPool(1);
    try {
      await pool.ready();
      const results = await pool.analyse(documents);
      assert.deepEqual(
        results,
        documents.map((d) => analyseDocument(d, lexicons)),
      );
    } finally {
      await pool.close();
    }
  });
});
