import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLexicons } from '../understand/understand.ts';
import { analyseDocument } from './analyse-document.ts';
import { AnalysisPool } from './analysis-pool.ts';
import { restoreQuotes, withoutQuotes } from './quoted-text.ts';

const lexicons = loadLexicons();
const published = { start: '2024-03-12', end: '2024-03-12' };
// Our own reports: one in mixed case, and one in capitals, read through its re-cased copy.
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
];

describe('mentions sent back from a worker without their quotes', () => {
  for (const document of documents) {
    const analysis = analyseDocument(document, lexicons);
    it(`come back whole: ${document.id}`, () => {
      const sent = withoutQuotes(analysis, document.text);
      assert.ok(
        sent.mentions.some((m) => m.text === ''),
        'some quote left out on the way',
      );
      assert.deepEqual(restoreQuotes(structuredClone(sent), document.text), analysis);
    });
  }
  it('a mention empty for another reason sends its document whole, and it comes back as it was', () => {
    const analysis = analyseDocument(documents[0] as (typeof documents)[number], lexicons);
    const odd = { ...analysis, mentions: analysis.mentions.map((m, i) => (i === 0 ? { ...m, text: '' } : m)) };
    const sent = withoutQuotes(odd, (documents[0] as (typeof documents)[number]).text);
    assert.equal(sent, odd);
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
