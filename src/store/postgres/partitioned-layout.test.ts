import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distributionKey, partitionName } from './partitioned-layout.ts';

describe('distributionKey', () => {
  const cases: Array<[string, string, string | null]> = [
    ['ASSAULT|IQ|2024-01-15', 'IQ', '2024-01-01'],
    ['ASSAULT|*|2024-01-29', '*', '2024-01-01'],
    ['COERCE|-|undated', '-', null],
    // Fact keys count weeks from 1970-01-01: week 2800 starts on 2023-08-31.
    ['killed|IQ|2800', 'IQ', '2023-08-01'],
    ['attacks|r:sahel|2801', 'r:sahel', '2023-09-01'],
    ['injured|?|none', '?', null],
    // Series keys count months from year 0: 24285 is October 2023.
    ['u|killed|IQ|24285', 'IQ', '2023-10-01'],
    ['h|drones-launched|IQ|al asad air base|24285', 'IQ', '2023-10-01'],
    ['n|killed|UA|2024-07-08', 'UA', '2024-07-01'],
  ];
  for (const [key, region, period] of cases)
    it(`${key} → ${region}, ${period ?? 'undated'}`, () => assert.deepEqual(distributionKey(key), { region, period }));

  it('refuses what is not a blocking key', () => {
    assert.throws(() => distributionKey('IQ|2024-01-15'), /"IQ\|2024-01-15" is not a blocking key/);
  });
});

describe('partitionName', () => {
  const plan = { table: 't', regions: ['IQ', 'SY'], months: ['2024-01-01'] };
  const cases: Array<[string, string | null, string]> = [
    ['IQ', '2024-01-01', 't_r0_202401'],
    ['SY', '2024-01-01', 't_r1_202401'],
    ['SY', '2024-02-01', 't_r1_other'],
    ['IQ', null, 't_r0_other'],
    ['UA', '2024-01-01', 't_other'],
  ];
  for (const [region, period, name] of cases)
    it(`${region} ${period ?? 'undated'} → ${name}`, () => assert.equal(partitionName(plan, { region, period }), name));
});
