/** @module Tests of building, caching and loading the gazetteer index, on a small towns file written here. */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Gazetteer } from './gazetteer.ts';
import { gazetteerSourceFiles, loadGazetteer, loadGazetteerAsync } from './load-gazetteer.ts';

// Rows in GeoNames' cities500 layout: id, name, ASCII name, other names, lat, lon, class, code, country, cc2, admin1, admin2, admin3, admin4, population, ...
const ROWS = [
  [
    '9000001',
    'Ḩalwān',
    'Halwan',
    'Hulwan,Helwan Town',
    '34.10',
    '43.20',
    'P',
    'PPLA2',
    'IQ',
    '',
    '18',
    '',
    '',
    '',
    '25000',
    '',
    '90',
    'Asia/Baghdad',
    '2024-01-01',
  ],
  [
    '9000002',
    'Maple Fork',
    'Maple Fork',
    '',
    '39.10',
    '-84.50',
    'P',
    'PPL',
    'US',
    '',
    'OH',
    '061',
    '',
    '',
    '1200',
    '',
    '200',
    'America/New_York',
    '2024-01-01',
  ],
  [
    '9000003',
    'Maple Fork',
    'Maple Fork',
    '',
    '33.70',
    '-84.40',
    'P',
    'PPL',
    'US',
    '',
    'GA',
    '121',
    '',
    '',
    '900',
    '',
    '300',
    'America/New_York',
    '2024-01-01',
  ],
  [
    '9000004',
    'Saint Brendan',
    'Saint Brendan',
    '',
    '40.00',
    '-83.00',
    'P',
    'PPL',
    'US',
    '',
    'OH',
    '049',
    '',
    '',
    '3000',
    '',
    '250',
    'America/New_York',
    '2024-01-01',
  ],
];

const folder = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
const citiesFile = join(folder, 'cities.txt');
const cacheDir = join(folder, 'cache');
writeFileSync(citiesFile, `${ROWS.map((r) => r.join('\t')).join('\n')}\n`);
after(() => rmSync(folder, { recursive: true, force: true }));

describe('loadGazetteer', () => {
  it('builds the index on first use and caches it under the cache folder', () => {
    const gazetteer = loadGazetteer({ cacheDir, citiesFile });
    const files = readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    assert.equal(files.length, 1);
    assert.match(files[0] ?? '', /^gazetteer-v\d+-\d+/);
    assert.ok(gazetteer.placeCount > ROWS.length, 'countries, regions and airports come with the towns');
  });

  it('finds towns by their name, ASCII name, other names and spelling variants', () => {
    const g = loadGazetteer({ cacheDir, citiesFile });
    const cases: [string, string][] = [
      ['halwan', 'Halwan'],
      ['helwan town', 'Halwan'],
      ['maple fork', 'Maple Fork'],
      ['st brendan', 'Saint Brendan'],
      ['saint brendan', 'Saint Brendan'],
    ];
    for (const [key, name] of cases) {
      const ids = g.lookup(key);
      assert.ok(ids.length > 0, `no place under ${key}`);
      assert.equal(g.name(ids[0] ?? -1), name);
    }
    const forks = g.lookup('maple fork').map((id) => g.admin1(id)?.name);
    assert.deepEqual(forks, ['Ohio', 'Georgia'], 'the bigger town first, each with its state');
    assert.equal(g.admin1(g.lookup('halwan')[0] ?? -1)?.name, 'Salah ad-Din');
    assert.deepEqual(g.lookup('no such place'), []);
  });

  it('reuses the cached file and the loaded index', async () => {
    const path = join(cacheDir, readdirSync(cacheDir)[0] ?? '');
    const modified = statSync(path).mtimeMs;
    const first = loadGazetteer({ cacheDir, citiesFile });
    const second = await loadGazetteerAsync({ cacheDir, citiesFile });
    assert.equal(first, second);
    assert.equal(statSync(path).mtimeMs, modified);
    const reread = new Gazetteer(new Uint8Array(readFileSync(path)));
    assert.equal(reread.placeCount, first.placeCount);
  });

  it('builds a new index when a source changes size', () => {
    const before = gazetteerSourceFiles({ citiesFile }).key;
    appendFileSync(
      citiesFile,
      `${['9000005', 'Cedar Bend', 'Cedar Bend', '', '41.0', '-82.0', 'P', 'PPL', 'US', '', 'OH', '', '', '', '700', '', '', 'America/New_York', '2024-01-01'].join('\t')}\n`,
    );
    const after = gazetteerSourceFiles({ citiesFile }).key;
    assert.notEqual(before, after);
    const g = loadGazetteer({ cacheDir, citiesFile });
    assert.equal(g.name(g.lookup('cedar bend')[0] ?? -1), 'Cedar Bend');
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.bin')).length, 2);
    assert.ok(existsSync(join(cacheDir, `gazetteer-${after}.bin`)));
  });

  it('refuses bytes that are not an index', () => {
    assert.throws(() => new Gazetteer(new Uint8Array(64)), /Not a sitrep gazetteer index/);
  });

  it('centres a region on the box of its towns, leaving out a few miscoded ones', () => {
    // Sixty towns of Salah ad-Din between 34°N and 35°N, and one filed under it by mistake far to the south.
    const row = (id: number, lat: number, lon: number): string =>
      [
        String(9100000 + id),
        `Qaryat ${id}`,
        `Qaryat ${id}`,
        '',
        String(lat),
        String(lon),
        'P',
        'PPL',
        'IQ',
        '',
        '18',
        '',
        '',
        '',
        '800',
        '',
        '',
        'Asia/Baghdad',
        '2024-01-01',
      ].join('\t');
    const rows = Array.from({ length: 60 }, (_, i) => row(i, 34 + (i % 10) / 10, 43 + Math.floor(i / 10) / 10));
    rows.push(row(99, 30.5, 47.8));
    const towns = join(folder, 'region-towns.txt');
    writeFileSync(towns, `${rows.join('\n')}\n`);
    const g = loadGazetteer({ cacheDir, citiesFile: towns });
    const region = g.meta.admin1.find((r) => r.country === 'IQ' && r.code === '18')?.place ?? -1;
    assert.ok(region >= 0);
    assert.ok(Math.abs(g.lat(region) - 34.45) < 0.2, `latitude ${g.lat(region)}`);
    assert.ok(Math.abs(g.lon(region) - 43.25) < 0.2, `longitude ${g.lon(region)}`);
  });

  it('places a large region at its listed centre, not at the middle of its towns', () => {
    // Queensland's towns crowd its east coast and run up to the Torres Strait; its centre lies inland.
    const g = loadGazetteer();
    const queensland = g.lookup('queensland').find((id) => g.kind(id) === 'admin1') ?? -1;
    assert.ok(g.lat(queensland) < -21 && g.lat(queensland) > -24, `latitude ${g.lat(queensland)}`);
    assert.ok(g.lon(queensland) < 146, `longitude ${g.lon(queensland)}`);
  });
});
