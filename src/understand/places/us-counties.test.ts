import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { readUsCounties } from './us-counties.ts';

const require = createRequire(import.meta.url);
const topology: unknown = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8'));
const states = ['Georgia', 'Texas', 'Washington', 'Virginia'];

describe('readUsCounties', () => {
  const towns = [
    // A seat and a smaller town in one county, a town in another county, and a point abroad.
    { lat: 32.84, lon: -83.63, population: 90000, isUsSettlement: true },
    { lat: 32.75, lon: -83.72, population: 500, isUsSettlement: true },
    { lat: 48.75, lon: -122.48, population: 90000, isUsSettlement: true },
    { lat: 51.5, lon: -0.12, population: 9000000, isUsSettlement: false },
  ];
  const { counties, countyOf } = readUsCounties(topology, (name) => states.indexOf(name), towns);
  const named = (i: number) => counties[countyOf[i] ?? -1]?.name;

  it('keeps only the counties of the states it is given, and no independent city', () => {
    assert.ok(counties.every((c) => c.admin1 >= 0 && c.admin1 < states.length));
    assert.ok(
      !counties.some((c) => c.name === 'Richmond' && c.admin1 === 3 && c.lat > 37.4 && c.lat < 37.7 && c.lon < -77.3 && c.lon > -77.6),
    );
  });
  const cases: [number, string | undefined][] = [
    [0, 'Bibb'],
    [1, 'Bibb'],
    [2, 'Whatcom'],
    [3, undefined],
  ];
  for (const [town, county] of cases) it(`puts town ${town} in ${county ?? 'no county'}`, () => assert.equal(named(town), county));
  it("sums a county's towns", () => {
    const bibb = counties[countyOf[0] ?? -1];
    assert.equal(bibb?.population, 90500);
    assert.ok(bibb && Math.abs(bibb.lat - 32.8) < 0.2);
  });
});
