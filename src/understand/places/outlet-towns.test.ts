/** @module Table tests of the towns an outlet's web address names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadGazetteer } from './load-gazetteer.ts';
import { namesakeNear, outletTowns } from './outlet-towns.ts';

const gazetteer = loadGazetteer();

describe('outletTowns reads a big city out of a web host', () => {
  const cases: [string | null, string[]][] = [
    ['www.sanantoniodaily-example.com', ['San Antonio/Texas']],
    ['tucson-example.net', ['Tucson/Arizona']],
    ['stlouis.example.com', ['St. Louis/Missouri']],
    // Both namesakes come back, for the report to choose among.
    ['kansascityexample.com', ['Kansas City/Kansas', 'Kansas City/Missouri']],
    // Negative: call letters, small towns' names and the top-level domain name no city.
    ['wxyz5.com', []],
    // A site name, as a page gives it, names its city as a host does.
    ['Tucson Evening Example', ['Tucson/Arizona']],
    ['The St. Louis Example', ['St. Louis/Missouri']],
    ['WXYZ News', []],
    ['example.com', []],
    [null, []],
  ];
  for (const [host, expected] of cases) {
    it(String(host), () =>
      assert.deepEqual(
        outletTowns(host, gazetteer)
          .map((p) => `${p.name}/${p.admin1}`)
          .sort(),
        expected,
      ),
    );
  }
});

describe('namesakeNear finds the town of a name near an outlet', () => {
  const [dayton] = outletTowns('dayton-example.com', gazetteer);
  const cases: [string, string | null][] = [
    ['Troy', 'Troy/Ohio'],
    ['Springfield', 'Springfield/Ohio'],
    // Negative: no town of the name within reach.
    ['Albuquerque', null],
  ];
  for (const [name, expected] of cases) {
    it(name, () => {
      const found = dayton ? namesakeNear(name, dayton, gazetteer) : null;
      assert.equal(found ? `${found.name}/${found.admin1}` : null, expected);
    });
  }
});
