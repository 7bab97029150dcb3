/** The sources file: JSON and YAML read alike; every problem names the file, line, source and field; add and remove keep it valid. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scratchDir } from '../../test/fixtures.ts';
import { addSource, loadSources, parseSources, removeSource, SourcesFileError } from './sources-file.ts';

const YAML = `# sources for the Levant desk
contact: desk@example.org
hostSpacing: 1s
sources:
  - id: monitor
    kind: feed
    url: https://news.example.org/levant.rss
    interval: 10m
    outlet: Levant Monitor
    language: en
    notes: wire copy, mostly
  - id: ministry
    kind: page
    url: https://ministry.example.org/statements/
    links: /statements/\\d+
  - id: drop
    kind: folder
    path: incoming
    interval: 30s
`;

describe('sources file', () => {
  it('reads YAML and JSON to the same sources', () => {
    const dir = scratchDir();
    const yaml = parseSources(YAML, join(dir, 'sources.yaml'));
    assert.equal(yaml.contact, 'desk@example.org');
    assert.equal(yaml.hostSpacingMs, 1000);
    assert.deepEqual(
      yaml.sources.map((s) => [s.id, s.kind, s.intervalMs, s.outlet, s.language]),
      [
        ['monitor', 'feed', 600_000, 'Levant Monitor', 'en'],
        ['ministry', 'page', 900_000, null, null],
        ['drop', 'folder', 30_000, null, null],
      ],
    );
    assert.equal(yaml.sources[1]?.links?.test('https://ministry.example.org/statements/12'), true);
    assert.equal(yaml.sources[2]?.path, join(dir, 'incoming'), 'a folder is resolved against the file');
    const json = parseSources(
      JSON.stringify({ sources: [{ id: 'monitor', kind: 'feed', url: 'https://news.example.org/levant.rss', interval: 600 }] }),
      join(dir, 'sources.json'),
    );
    assert.equal(json.sources[0]?.intervalMs, 600_000, 'a bare number is seconds');
  });

  const bad: ReadonlyArray<[string, string, RegExp]> = [
    [
      'an unknown kind',
      YAML.replace('kind: feed', 'kind: podcast'),
      /sources\.yaml:6: source "monitor": field "kind": must be one of feed, page, folder/,
    ],
    [
      'a bad interval',
      YAML.replace('interval: 10m', 'interval: soon'),
      /sources\.yaml:8: source "monitor": field "interval": "soon" is not a duration/,
    ],
    ['a too short interval', YAML.replace('interval: 10m', 'interval: 5ms'), /:8: source "monitor": field "interval": 5ms is shorter/],
    [
      'a relative url',
      YAML.replace('https://news.example.org/levant.rss', '/levant.rss'),
      /:7: source "monitor": field "url": "\/levant.rss" is not an absolute address/,
    ],
    [
      'a file url',
      YAML.replace('https://news.example.org/levant.rss', 'file:///etc/passwd'),
      /field "url": "file:\/\/\/etc\/passwd" is not an http or https address/,
    ],
    [
      'a missing url',
      YAML.replace('    url: https://news.example.org/levant.rss\n', ''),
      /source "monitor": field "url": is required for a feed source/,
    ],
    ['a folder without a path', YAML.replace('    path: incoming\n', ''), /source "drop": field "path": is required for a folder source/],
    [
      'a bad language',
      YAML.replace('language: en', 'language: English'),
      /:10: source "monitor": field "language": "English" is not a two-letter/,
    ],
    [
      'a bad links pattern',
      YAML.replace('/statements/\\d+', '"(unclosed"'),
      /:15: source "ministry": field "links": is not a regular expression/,
    ],
    [
      'links on a feed',
      YAML.replace('    notes: wire', '    links: x\n    notes: wire'),
      /source "monitor": field "links": only a page source follows links/,
    ],
    ['a duplicate id', YAML.replace('id: drop', 'id: monitor'), /:16: source "monitor": field "id": names a source already listed/],
    ['an unknown field', YAML.replace('notes: wire', 'note: wire'), /:11: source "monitor": field "note": is not a known field/],
    ['an id with a slash', YAML.replace('id: drop', 'id: a/b'), /:16: field "id": source 3 needs an id/],
    ['broken YAML', YAML.replace('  - id: ministry', '  - id: [ministry'), /sources\.yaml:\d+: is not valid YAML/],
    ['a list at the top', '- one\n- two\n', /sources\.yaml:1: must be a mapping/],
  ];
  for (const [what, text, message] of bad)
    it(`refuses ${what}, naming where`, () => {
      assert.throws(
        () => parseSources(text, 'sources.yaml'),
        (error: unknown) => error instanceof SourcesFileError && message.test(error.message),
      );
    });

  it('refuses broken JSON with its line', () => {
    assert.throws(() => parseSources('{\n "sources": [\n  {"id": "a",,}\n ]\n}', 'watch.json'), /watch\.json:3: is not valid JSON/);
  });

  it('adds and removes sources, keeping comments, and never writes a bad entry', () => {
    const dir = scratchDir();
    const file = join(dir, 'sources.yaml');
    writeFileSync(file, YAML);
    addSource(file, { id: 'wire', kind: 'feed', url: 'https://wire.example.net/atom.xml', interval: '5m', outlet: 'Wire' });
    assert.match(readFileSync(file, 'utf8'), /^# sources for the Levant desk/);
    assert.deepEqual(
      loadSources(file).sources.map((s) => s.id),
      ['monitor', 'ministry', 'drop', 'wire'],
    );
    const before = readFileSync(file, 'utf8');
    assert.throws(() => addSource(file, { id: 'broken', kind: 'feed', url: 'not an address' }), /source "broken": field "url"/);
    assert.throws(
      () => addSource(file, { id: 'wire', kind: 'feed', url: 'https://x.example/' }),
      /source "wire": field "id": is already listed/,
    );
    assert.equal(readFileSync(file, 'utf8'), before, 'a refused add leaves the file as it was');
    removeSource(file, 'monitor');
    assert.deepEqual(
      loadSources(file).sources.map((s) => s.id),
      ['ministry', 'drop', 'wire'],
    );
    assert.throws(() => removeSource(file, 'monitor'), /source "monitor": field "id": is not listed/);

    const json = join(dir, 'new.json');
    addSource(json, { id: 'drop', kind: 'folder', path: 'in' });
    assert.deepEqual(JSON.parse(readFileSync(json, 'utf8')), { sources: [{ id: 'drop', kind: 'folder', path: 'in' }] });
  });

  it('says how to make a missing file', () => {
    assert.throws(() => loadSources('/nonexistent/sources.yaml'), /no such sources file: create it with `sitrep sources add`/);
  });
});
