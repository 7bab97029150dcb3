import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BAND_COUNT, bandKeys, estimateJaccard, jaccard, minhashSignature, shingleHashes } from './minhash.ts';

const story =
  'Militia fighters launched two drones at a garrison in eastern Syria on Thursday, the regional command said. ' +
  'Both drones were shot down before they reached the perimeter and nobody was hurt, a spokesman told reporters. ' +
  'The command has counted dozens of such attempts since the middle of October and says most fail. ' +
  'Officials in the capital declined to say whether a response was being prepared against the groups behind them.';

describe('minhash', () => {
  it('gives identical texts identical signatures and the same band keys', () => {
    const a = minhashSignature(shingleHashes(story));
    const b = minhashSignature(shingleHashes(story));
    assert.deepEqual(a, b);
    assert.deepEqual(bandKeys(a), bandKeys(b));
    assert.equal(bandKeys(a).length, BAND_COUNT);
  });

  it('ignores case and punctuation', () => {
    assert.equal(jaccard(shingleHashes(story), shingleHashes(story.toUpperCase().replace(/[.,]/g, ' '))), 1);
  });

  it('keeps an edited copy close and an unrelated text far', () => {
    const edited = story.replace('two drones', 'a pair of drones').replace('Thursday', 'Friday').replace('declined', 'refused');
    const other =
      'The city council approved a new budget for road repairs after a long debate about potholes and bus lanes, ' +
      'and the mayor promised that work on the northern bridge would start before the end of the year.';
    const base = shingleHashes(story);
    assert.ok(jaccard(base, shingleHashes(edited)) > 0.6);
    assert.ok(jaccard(base, shingleHashes(other)) < 0.05);
    const estimate = estimateJaccard(minhashSignature(base), minhashSignature(shingleHashes(edited)));
    assert.ok(Math.abs(estimate - jaccard(base, shingleHashes(edited))) < 0.2, `estimate ${estimate}`);
  });

  it('shares a band key between near copies', () => {
    const edited = story.replace('Thursday', 'Friday');
    const keys = new Set(bandKeys(minhashSignature(shingleHashes(story))));
    assert.ok(bandKeys(minhashSignature(shingleHashes(edited))).some((k) => keys.has(k)));
  });

  it('handles texts shorter than a shingle', () => {
    assert.equal(shingleHashes('Two words').length, 1);
    assert.equal(shingleHashes('').length, 0);
  });
});
