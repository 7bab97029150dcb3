import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPublished } from './infer-published.ts';
import { datePeers, SAME_STORY, type StoryReport, storyTerms } from './story-peers.ts';

/** Our own short reports: three of one strike on a fuel port, a rewrite of a rewrite, and unrelated stories. */
const texts: Record<string, [string, string | null]> = {
  wire: ['Strikes on the Qarnit fuel terminal on Thursday killed 41 and wounded 88, rebel health officials say.', '2025-04-18'],
  paper: ['Airstrikes hit the Qarnit fuel terminal on Thursday; rebel health officials put the dead at 41 and 88 wounded.', null],
  blog: ['Qarnit terminal: 41 dead and 88 wounded after Thursday strikes on the fuel terminal, rebels claim.', null],
  digest: ['Digest: the Qarnit terminal toll, 41 dead and 88 wounded, came after the strikes.', null],
  flood: ['Floods in the Velmora valley left 12 villages cut off on Monday, the Velmora governor said.', null],
  other: ['A ferry sank near Ostrava harbour with 230 passengers aboard, the coast guard said.', '2023-06-02'],
  filler1: ['Officials discussed grain exports and shipping insurance at the ministry on Monday.', '2022-03-01'],
  filler2: ['A court heard the appeal of two journalists and adjourned until next month.', '2022-05-04'],
  filler3: ['The central bank held interest rates and warned of rising fuel prices.', '2022-07-12'],
};

function reports(): StoryReport[] {
  return Object.entries(texts).map(([id, [text, published]]) => {
    const reading = readPublished(text, { metadata: published, today: '2026-12-01' });
    return { id, text, title: null, syndicationGroup: id, published: reading.published, firm: reading.firm };
  });
}

const redate = (report: StoryReport, near: string) => readPublished(report.text, { today: '2026-12-01', near }).published;

describe('datePeers', () => {
  const dated = datePeers(reports(), redate);
  it('dates a report from another of the same story', () => {
    assert.equal(dated.get('paper')?.peer.peer, 'wire');
    assert.match(dated.get('paper')?.published.rule ?? '', /peers/);
    assert.equal(dated.get('paper')?.published.start, '2025-04-18');
  });
  it('dates a rewrite of a rewrite in a later round', () => assert.ok(dated.get('digest')));
  it('leaves a report no other tells alone', () => assert.equal(dated.has('flood'), false));
  it('never redates a firmly dated report', () => assert.equal(dated.has('wire') || dated.has('other'), false));
  it('takes a copy in the same syndication group first', () => {
    const group = reports().map((r) => (r.id === 'flood' ? { ...r, syndicationGroup: 'other' } : r));
    assert.equal(datePeers(group, redate).get('flood')?.peer.peer, 'other');
  });
});

describe('datePeers on the weekday a report names', () => {
  // Invented words, each written again in an undated note, so each weighs like a rare term of the batch: the loose
  // report and the wire share only the academy's name, a similarity of about 0.17, under SAME_STORY.
  const words = (prefix: string) => Array.from({ length: 25 }, (_, i) => `${prefix}${'abcdefghijklmnopqrstuvwxy'[i]}ton`);
  const loose = words('lor');
  const wire = words('wir');
  function batch(day: string): StoryReport[] {
    const texts: Record<string, [string, string | null]> = {
      wire: [`A missile hit the Verlan academy on Tuesday. ${wire.join(' ')}.`, '2024-09-03'],
      loose: [`Russia hit the Verlan academy on ${day}. ${loose.join(' ')}.`, null],
      noteA: [`Notes: ${loose.join(' ')}.`, null],
      noteB: [`Notes: ${wire.join(' ')}.`, null],
      filler1: ['Officials discussed grain exports at the ministry.', '2022-06-01'],
      filler2: ['A court heard the appeal of two journalists.', '2022-07-04'],
      filler3: ['The central bank held interest rates.', '2022-08-12'],
    };
    return Object.entries(texts).map(([id, [text, published]]) => {
      const reading = readPublished(text, { metadata: published, today: '2026-12-01' });
      return { id, text, title: null, syndicationGroup: id, published: reading.published, firm: reading.firm };
    });
  }
  it('takes a looser peer published on the day the report names', () => {
    const found = datePeers(batch('Tuesday'), redate).get('loose');
    assert.equal(found?.peer.peer, 'wire');
    assert.ok((found?.peer.similarity ?? 1) < SAME_STORY);
    assert.equal(found?.published.start, '2024-09-03');
  });
  it('and one published the day after it', () => assert.equal(datePeers(batch('Monday'), redate).get('loose')?.peer.peer, 'wire'));
  // Negatives: another weekday, or the day after the peer's, leaves the loose report undated.
  for (const day of ['Wednesday', 'Friday']) {
    it(`but not for a report that names ${day}`, () => assert.equal(datePeers(batch(day), redate).has('loose'), false));
  }
});

describe('storyTerms', () => {
  it('marks names and figures, drops years and common words', () => {
    const terms = storyTerms('Qarnit toll', 'In 2025 the Qarnit terminal toll rose to 1,041 after strikes, officials said.');
    assert.ok(terms.has('^qarnit') && terms.has('^1041') && terms.has('terminal'));
    assert.equal(terms.has('^2025'), false);
    assert.equal(terms.has('said'), false);
  });
});
