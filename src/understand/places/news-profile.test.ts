/** @module Table tests of the news profile: US local news, or national and international news. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readPlaces } from './extract-places.ts';
import { loadGazetteer } from './load-gazetteer.ts';
import { chooseNewsProfile, type NewsSignals } from './news-profile.ts';

const gazetteer = loadGazetteer();

describe('chooseNewsProfile weighs US local signals against names abroad', () => {
  const cases: [string, NewsSignals, 'local' | 'wide'][] = [
    ['a state and a county, nothing abroad', { usLocal: 2, usOutlet: false, foreign: 0, foreignCountries: 0, war: 0 }, 'local'],
    ['nothing either way: local readings stay on', { usLocal: 0, usOutlet: false, foreign: 0, foreignCountries: 0, war: 0 }, 'local'],
    ['a local outlet and one name abroad', { usLocal: 0, usOutlet: true, foreign: 1, foreignCountries: 1, war: 0 }, 'local'],
    ['names abroad outweigh a state', { usLocal: 1, usOutlet: false, foreign: 5, foreignCountries: 2, war: 0 }, 'wide'],
    ['a local outlet carrying war news', { usLocal: 0, usOutlet: true, foreign: 6, foreignCountries: 3, war: 2 }, 'wide'],
    ['an air strike placed nowhere, from a local outlet', { usLocal: 0, usOutlet: true, foreign: 0, foreignCountries: 0, war: 1 }, 'wide'],
    ['a nationality alone ("a Chinese restaurant")', { usLocal: 0, usOutlet: false, foreign: 0.5, foreignCountries: 1, war: 0 }, 'local'],
    [
      'negative: a state named more often than a missile',
      { usLocal: 2, usOutlet: false, foreign: 0, foreignCountries: 0, war: 1 },
      'local',
    ],
  ];
  for (const [label, signals, scope] of cases) {
    it(label, () => {
      const profile = chooseNewsProfile(signals);
      assert.equal(profile.scope, scope);
      assert.equal(profile.readings.size > 0, scope === 'local');
      assert.equal(profile.country, scope === 'local' ? 'US' : null);
    });
  }
});

describe('readPlaces chooses the profile from the report and its outlet', () => {
  const cases: [string, string | null, string, 'local' | 'wide'][] = [
    [
      'war news',
      null,
      'Israeli jets struck southern Lebanon and Syria overnight, and Iran condemned the raids on Beirut, officials in Damascus said.',
      'wide',
    ],
    ['crime news', null, 'A man was shot Sunday on Elm Street in Dayton, Ohio, and taken to a hospital in Montgomery County.', 'local'],
    ['a local outlet', 'orlandosentinel.com', 'A teen was shot near a park on Friday, police said. A Mexican national was held.', 'local'],
  ];
  for (const [label, source, text, scope] of cases) {
    it(label, () => assert.equal(readPlaces({ text, published: null }, gazetteer, { source }).profile.scope, scope));
  }
});
