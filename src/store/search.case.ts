/** @module Shared store cases for full-text search and the overview counts: SQLite and PostgreSQL run these same cases. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Document } from '../model/document.ts';
import type { Mention } from '../model/mention.ts';
import type { StoreFactory } from './store.case.ts';

const document = (id: string, text: string, extra: Partial<Document> = {}): Document => ({
  id,
  externalId: `ext-${id}`,
  source: 'Levant Monitor',
  title: null,
  url: null,
  byline: null,
  language: 'en',
  status: 'stored',
  statusReason: null,
  duplicateOf: null,
  published: { start: '2023-11-01', end: '2023-11-01', inferred: false, rule: 'published/metadata' },
  syndicationGroup: id,
  format: 'text',
  origin: { path: `${id}.txt` },
  text,
  contentHash: `hash-${id}`,
  ingestedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const day = (start: string) => ({ start, end: start, inferred: false, rule: 'published/metadata' });

const place = (name: string, country: string, lat: number, lon: number, metonymic = false): Mention => ({
  kind: 'place',
  span: { start: 0, end: name.length },
  text: name,
  value: { name, country, admin1: null, lat, lon, precision: 1, geonameId: null, metonymic },
  rule: 'place/gazetteer',
  confidence: 0.9,
});

const CORPUS = [
  document('a', 'Drones struck the airfield at dawn and two hangars burned.', { title: 'Airfield hit', published: day('2023-10-20') }),
  document('b', 'A convoy was stopped at a checkpoint; officials said no drone was involved.', {
    title: 'Drone strikes on the border crossing',
    source: 'Gulf Wire',
    published: day('2023-10-27'),
  }),
  document('c', 'Rain closed the market road for the third day running.', { published: day('2023-11-02') }),
  document('d', 'Drones struck the airfield at dawn and two hangars burned.', { status: 'duplicate', duplicateOf: 'a', published: null }),
];

/** Registers the search and overview cases under the current `describe`. */
export function searchCases(factory: StoreFactory): void {
  it('searches documents by stemmed words, ranked, with marked snippets', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert(CORPUS.map((d) => ({ document: d, bands: [] }))));
    const hits = await store.search.search({ text: 'drone' });
    assert.deepEqual(hits.map((h) => h.document.id).sort(), ['a', 'b', 'd'], '"drone" finds "drones" by stemming');
    assert.equal(hits[0]?.document.id, 'b', 'a match in the title ranks first');
    assert.ok(
      hits.every((h, i) => i === 0 || (hits[i - 1]?.score ?? 0) >= h.score),
      'best first',
    );
    assert.equal('text' in (hits[0]?.document ?? {}), false, 'hits carry no full text');
    for (const hit of hits) {
      assert.ok(hit.snippet.marks.length > 0, `a mark in ${hit.snippet.text}`);
      for (const [start, end] of hit.snippet.marks) assert.match(hit.snippet.text.slice(start, end).toLowerCase(), /^drones?$/);
    }
    assert.deepEqual(
      (await store.search.search({ text: 'drone airfield' })).map((h) => h.document.id).sort(),
      ['a', 'd'],
      'every word must occur',
    );
    assert.deepEqual(
      (await store.search.search({ text: 'hang*' })).map((h) => h.document.id).sort(),
      ['a', 'd'],
      'a trailing star is a prefix',
    );
    await store.close();
  });

  it('filters and pages search hits', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert(CORPUS.map((d) => ({ document: d, bands: [] }))));
    const ids = async (query: Parameters<typeof store.search.search>[0]) =>
      (await store.search.search(query)).map((h) => h.document.id).sort();
    assert.deepEqual(await ids({ text: 'drone', status: 'stored' }), ['a', 'b']);
    assert.deepEqual(await ids({ text: 'drone', source: 'Gulf Wire' }), ['b']);
    assert.deepEqual(await ids({ text: 'drone', since: '2023-10-21' }), ['b']);
    assert.deepEqual(await ids({ text: 'drone', until: '2023-10-21' }), ['a']);
    const all = (await store.search.search({ text: 'drone' })).map((h) => h.document.id);
    const paged = [
      ...(await store.search.search({ text: 'drone', limit: 2 })),
      ...(await store.search.search({ text: 'drone', limit: 2, offset: 2 })),
    ].map((h) => h.document.id);
    assert.deepEqual(paged, all);
    await store.close();
  });

  it('never lets query text reach SQL or the search syntax', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert(CORPUS.map((d) => ({ document: d, bands: [] }))));
    const hostile: Array<[string, string[]]> = [
      ['"drone', ['a', 'b', 'd']],
      ["drone'; drop table documents; --", []],
      ['drone AND (market OR', []],
      ['NEAR(drone market)', []],
      ['drone:* | rain', []],
      ['title:drone', []],
      ['-drone', ['a', 'b', 'd']],
    ];
    for (const [text, expected] of hostile) {
      assert.deepEqual((await store.search.search({ text })).map((h) => h.document.id).sort(), expected, text);
    }
    for (const text of ['', '   ', '"" * ()', '***'])
      assert.deepEqual(await store.search.search({ text }), [], `no terms in ${JSON.stringify(text)}`);
    assert.equal((await store.documents.counts()).stored, 3, 'nothing was dropped');
    await store.close();
  });

  it('keeps the search index in step with later inserts', async () => {
    const store = await factory.open();
    await store.transaction((tx) => tx.documents.insert([{ document: CORPUS[0] as Document, bands: [] }]));
    assert.deepEqual(await store.search.search({ text: 'checkpoint' }), []);
    await store.transaction((tx) => tx.documents.insert([{ document: CORPUS[1] as Document, bands: [] }]));
    const other = await factory.reopen(store);
    assert.deepEqual(
      (await other.search.search({ text: 'checkpoint' })).map((h) => h.document.id),
      ['b'],
    );
    await other.close();
    await store.close();
  });

  it('counts documents per day and per source, and the places mentioned', async () => {
    const store = await factory.open();
    assert.deepEqual(await store.overview.state(), { documents: 0, latestSeq: 0, latestIngestedAt: null });
    await store.transaction(async (tx) => {
      await tx.documents.insert(CORPUS.map((d) => ({ document: d, bands: [] })));
      await tx.mentions.save(
        [
          { documentId: 'a', mentions: [place('Erbil', 'IQ', 36.19, 44.01), place('Erbil', 'IQ', 36.19, 44.01)] },
          { documentId: 'b', mentions: [place('Erbil', 'IQ', 36.19, 44.01), place('Damascus', 'SY', 33.51, 36.29, true)] },
          { documentId: 'c', mentions: [place('Tanf', 'SY', 33.5, 38.62)] },
        ],
        1,
      );
    });
    const state = await store.overview.state();
    assert.equal(state.documents, 4);
    assert.ok(state.latestSeq >= 4);
    assert.equal(state.latestIngestedAt, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(await store.overview.documentsByDay({ status: 'stored' }), [
      { day: '2023-10-20', documents: 1 },
      { day: '2023-10-27', documents: 1 },
      { day: '2023-11-02', documents: 1 },
    ]);
    assert.deepEqual(await store.overview.documentsByDay({ since: '2023-10-25', until: '2023-10-31' }), [
      { day: '2023-10-27', documents: 1 },
    ]);
    assert.deepEqual(await store.overview.sources(), [
      { source: 'Levant Monitor', documents: 3, first: '2023-10-20', last: '2023-11-02' },
      { source: 'Gulf Wire', documents: 1, first: '2023-10-27', last: '2023-10-27' },
    ]);
    const places = await store.overview.places();
    assert.deepEqual(
      places.map((p) => [p.place.name, p.mentions, p.documents]),
      [
        ['Erbil', 3, 2],
        ['Tanf', 1, 1],
      ],
      'most-reported first; metonymic Damascus left out',
    );
    assert.deepEqual(
      (await store.overview.places({ since: '2023-11-01' })).map((p) => p.place.name),
      ['Tanf'],
    );
    await store.close();
  });
}
