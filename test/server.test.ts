/**
 * The HTTP API as a client meets it: a real server on a free port over a real SQLite store holding the sample
 * corpus; every endpoint's answers, its errors for bad parameters, the dashboard's files, a store another process
 * writes to, and the `sitrep serve` command itself.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLES_DIR } from '../src/cli/main.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { apiEndpoints } from '../src/server/api-endpoints.ts';
import { type RunningServer, startServer } from '../src/server/start-server.ts';
import type { Store } from '../src/store/store.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';
import { HOSTILE_REPORT } from './hostile-report.ts';

const BIN = join(PROJECT_DIR, 'bin/sitrep.js');
const run = promisify(execFile);

interface Answer {
  status: number;
  type: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of many shapes, checked field by field below.
  body: any;
}

describe('sitrep serve: the API over the sample corpus', () => {
  let server: RunningServer;
  let store: Store;
  let dbPath: string;
  let dir: string;

  const get = async (path: string, init?: RequestInit): Promise<Answer> => {
    const response = await fetch(`${server.url}${path}`, init);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? await response.json() : await response.text() };
  };

  before(async () => {
    ({ store, path: dbPath, dir } = await scratchStore());
    writeFiles(dir, { 'hostile/harbour-alert.txt': HOSTILE_REPORT });
    const summary = await ingest(store, [SAMPLES_DIR, join(dir, 'hostile')]);
    assert.equal(summary.counts.failed, 0);
    await analyse(store, { workers: 0 });
    server = await startServer(store, { port: 0 });
  });

  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('answers every endpoint with its documented shape', async () => {
    const cases: Array<[string, (body: Answer['body']) => void | Promise<void>]> = [
      [
        '/api/status',
        (b) => {
          assert.equal(b.engine, 'sqlite');
          assert.equal(b.counts.stored, 22);
          assert.equal(b.state.documents, 22);
          assert.ok(b.state.latestSeq >= 22);
          assert.ok(b.available.includes('search'));
        },
      ],
      [
        '/api/documents',
        (b) => {
          assert.equal(b.items.length, 22);
          assert.deepEqual([b.limit, b.offset, b.nextOffset], [50, 0, null]);
          assert.equal(b.items[0].text, undefined, 'lists carry no text');
          assert.ok(b.items.every((d: { id: string; externalId: string }) => d.id && d.externalId));
        },
      ],
      [
        '/api/documents?limit=5&offset=5',
        (b) => {
          assert.equal(b.items.length, 5);
          assert.equal(b.nextOffset, 10);
        },
      ],
      ['/api/documents?limit=5&offset=20', (b) => assert.deepEqual([b.items.length, b.nextOffset], [2, null])],
      // The newest first: the last two stored, in reverse, without a deep offset.
      [
        '/api/documents?order=newest&limit=2',
        async (b) => {
          const last = (await (await fetch(`${server.url}/api/documents?limit=2&offset=20`)).json()) as { items: Array<{ id: string }> };
          assert.deepEqual(
            b.items.map((d: { id: string }) => d.id),
            last.items.map((d) => d.id).reverse(),
          );
        },
      ],
      [
        '/api/documents?source=Levant%20Monitor',
        (b) => assert.ok(b.items.length >= 4 && b.items.every((d: { source: string }) => d.source === 'Levant Monitor')),
      ],
      [
        '/api/documents?since=2024-01-01&until=2024-01-31',
        (b) =>
          assert.ok(
            b.items.length > 0 &&
              b.items.every(
                (d: { published: { start: string; end: string } }) => d.published.end >= '2024-01-01' && d.published.start <= '2024-01-31',
              ),
          ),
      ],
      ['/api/documents?status=duplicate', (b) => assert.deepEqual(b.items, [])],
      ['/api/documents?source=%27%20or%201%3D1%20--', (b) => assert.deepEqual(b.items, [], 'SQL in a value is only a value')],
      [
        '/api/documents/cdr-23-attacks-briefing',
        (b) => {
          assert.equal(b.document.externalId, 'cdr-23-attacks-briefing');
          assert.ok(b.document.text.length > 500);
          assert.ok(b.mentions.some((m: { kind: string }) => m.kind === 'quantity'));
          for (const m of b.mentions) assert.equal(b.document.text.slice(m.span.start, m.span.end), m.text, 'spans index the text');
        },
      ],
      ['/api/documents/urn%3Acdr%3A2023-12-26-erbil-drone-attack', (b) => assert.equal(b.document.source, 'Capitol Defense Review')],
      [
        '/api/mentions?kind=quantity&limit=10',
        (b) => {
          assert.equal(b.items.length, 10);
          assert.equal(b.nextOffset, 10);
          assert.ok(b.items.every((m: { kind: string; documentId: string }) => m.kind === 'quantity' && m.documentId));
        },
      ],
      [
        '/api/search?q=drone%20Erbil',
        (b) => {
          assert.ok(b.items.length >= 1);
          assert.ok(
            b.items.some((h: { document: { externalId: string } }) => h.document.externalId === 'urn:cdr:2023-12-26-erbil-drone-attack'),
          );
          for (const hit of b.items) for (const [s, e] of hit.snippet.marks) assert.match(hit.snippet.text.slice(s, e), /drone|erbil/i);
        },
      ],
      [
        '/api/search?q=drone&source=Euphrates%20Daily',
        (b) =>
          assert.ok(b.items.length > 0 && b.items.every((h: { document: { source: string } }) => h.document.source === 'Euphrates Daily')),
      ],
      ['/api/search?q=zeppelin', (b) => assert.deepEqual([b.items, b.nextOffset], [[], null])],
      [
        '/api/timeline',
        (b) => {
          assert.equal(b.weeks[0].week, '2023-10-16');
          assert.equal(
            b.weeks.reduce((n: number, w: { documents: number }) => n + w.documents, 0),
            22,
          );
          assert.ok(
            b.weeks.some((w: { documents: number }) => w.documents === 0),
            'empty weeks are kept',
          );
        },
      ],
      ['/api/timeline?since=2024-01-01', (b) => assert.ok(b.weeks.every((w: { week: string }) => w.week >= '2023-12-25'))],
      [
        '/api/sources',
        (b) => {
          assert.equal(b.sources.length, 9);
          assert.deepEqual(b.sources[0], { source: 'Capitol Defense Review', documents: 5, first: '2023-10-27', last: '2024-01-29' });
        },
      ],
      [
        '/api/places?country=iq&limit=5',
        (b) => {
          assert.ok(b.places.length > 0 && b.places.length <= 5);
          assert.ok(
            b.places.every((p: { place: { country: string; metonymic: boolean } }) => p.place.country === 'IQ' && !p.place.metonymic),
          );
          assert.ok(b.places.some((p: { place: { name: string } }) => /Baghdad/.test(p.place.name)));
        },
      ],
      ['/api/openapi.json', (b) => assert.equal(b.openapi, '3.1.0')],
      [
        '/api/claims?category=attacks&limit=5',
        (b) => {
          assert.equal(b.items.length, 5);
          assert.ok(
            b.items.every(
              (c: { category: string; documentId: string; span: { start: number } }) => c.category === 'attacks' && c.documentId,
            ),
          );
        },
      ],
      [
        '/api/facts?status=corroborated',
        (b) => {
          assert.ok(b.items.length >= 5);
          for (const f of b.items) {
            assert.equal(f.status, 'corroborated');
            assert.ok(f.sources.length >= 2, `${f.id} has ${f.sources.length} sources`);
          }
        },
      ],
      [
        '/api/facts?category=attacks&country=iq&since=2023-10-01&until=2023-12-31&minSources=2',
        (b) => assert.ok(b.items.every((f: { category: string }) => f.category === 'attacks')),
      ],
      [
        '/api/facts?place=tower%2022&source=Frontline%20Dispatch',
        (b) => assert.ok(b.items.length > 0 && b.items.every((f: { place: { name: string } }) => /tower 22/i.test(f.place.name))),
      ],
      [
        '/api/events?type=ASSAULT&limit=5',
        (b) => {
          assert.equal(b.items.length, 5);
          assert.ok(b.items.every((e: { type: string; documentId: string }) => e.type === 'ASSAULT' && e.documentId));
        },
      ],
      [
        '/api/incidents?minSources=2',
        (b) => {
          assert.ok(b.items.length > 0);
          assert.ok(b.items.every((i: { sourceCount: number }) => i.sourceCount >= 2));
          const dates = b.items.map((i: { date: { start: string } | null }) => i.date?.start ?? '');
          assert.deepEqual(dates, [...dates].sort().reverse(), 'latest first');
        },
      ],
      [
        '/api/incidents?type=ASSAULT&country=IQ&since=2024-01-01',
        (b) => assert.ok(b.items.every((i: { type: string; date: { end: string } }) => i.type === 'ASSAULT' && i.date.end >= '2024-01-01')),
      ],
      [
        '/api/trends',
        (b) => {
          assert.ok(b.weeks.length >= 17);
          for (const [i, w] of b.weeks.entries()) {
            assert.equal(
              w.incidents,
              Object.values(w.byType as Record<string, number>).reduce((n, k) => n + k, 0),
              `week ${w.week} adds up`,
            );
            if (i > 0) assert.equal(Date.parse(w.week) - Date.parse(b.weeks[i - 1].week), 7 * 86_400_000, 'weeks follow each other');
          }
          assert.ok(
            b.reported.some((r: { category: string; value: { low: number } }) => r.category === 'attacks' && r.value.low === 23),
            'the 23-attack tally is reported',
          );
        },
      ],
      [
        '/api/trends?since=2024-01-01&until=2024-01-31&type=ASSAULT',
        (b) => assert.deepEqual([b.weeks[0].week, b.weeks.at(-1).week], ['2024-01-01', '2024-01-29']),
      ],
    ];
    // Facts and incidents by id are asked for with ids read from their lists, in the next test; downloads in their own.
    const coveredByDetailTest = ['/api/facts/{id}', '/api/incidents/{id}', '/api/export/incidents', '/api/export/facts'];
    for (const endpoint of apiEndpoints.filter((e) => !coveredByDetailTest.includes(e.path))) {
      const pattern = new RegExp(`^${endpoint.path.replace(/\{\w+\}/g, '[^/?]+')}(\\?|$)`);
      assert.ok(
        cases.some(([path]) => pattern.test(path)),
        `no case for ${endpoint.path}`,
      );
    }
    for (const [path, check] of cases) {
      const answer = await get(path);
      assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      assert.match(answer.type, /^application\/json/, path);
      await check(answer.body);
    }
  });

  it('answers a fact with its ledger, and an incident with every telling, each pointing at its sentence', async () => {
    const facts = (await get('/api/facts?status=corroborated&category=attacks')).body.items;
    const tally = facts.find((f: { value: { low: number } }) => f.value.low === 23);
    assert.ok(tally, 'the corroborated 23-attack fact');
    const { body } = await get(`/api/facts/${tally.id}`);
    assert.equal(body.fact.id, tally.id);
    assert.ok(new Set(body.ledger.map((e: { source: string }) => e.source)).size >= 2, 'a ledger with two sources or more');
    for (const entry of body.ledger) {
      const { document } = (await get(`/api/documents/${entry.documentId}`)).body;
      assert.equal(document.text.slice(entry.span.start, entry.span.end), entry.text, `ledger span of ${entry.claimId}`);
    }
    assert.ok(body.updatedBy.length > 0, 'later, larger tallies update it');
    assert.ok(body.updatedBy.every((f: { value: { low: number } }) => f.value.low > 23));

    const incident = (await get('/api/incidents?minSources=2&limit=1')).body.items[0];
    const detail = (await get(`/api/incidents/${incident.id}`)).body;
    assert.deepEqual(detail.incident, incident);
    assert.equal(detail.events.length, incident.events.length);
    for (const event of detail.events) {
      assert.equal(event.incidentId, incident.id);
      const { document } = (await get(`/api/documents/${event.document.id}`)).body;
      assert.ok(event.span.end <= document.text.length, 'the event span lies in its document');
    }
    assert.deepEqual(
      detail.incident.documents.map((d: { id: string }) => d.id).sort(),
      [...new Set(detail.events.map((e: { document: { id: string } }) => e.document.id))].sort(),
      'the incident names the documents its events come from',
    );
    for (const named of detail.incident.documents) {
      const { document } = (await get(`/api/documents/${named.id}`)).body;
      assert.deepEqual(named, {
        id: document.id,
        externalId: document.externalId,
        title: document.title,
        url: document.url,
        source: document.source,
      });
    }
  });

  it('filters incidents by actor and place spelling, and downloads exactly the filtered rows in every format', async () => {
    const all = (await get('/api/incidents?limit=500')).body.items;
    const actor = all.flatMap((i: { initiator: Array<{ name: string }> }) => i.initiator.map((a) => a.name))[0];
    const withActor = (await get(`/api/incidents?limit=500&actor=${encodeURIComponent(actor.toUpperCase())}`)).body.items;
    const named = (i: { initiator: Array<{ name: string }>; target: Array<{ name: string }> }) =>
      [...i.initiator, ...i.target].some((a) => a.name.toLowerCase() === actor.toLowerCase());
    assert.ok(withActor.length > 0 && withActor.every(named), `every incident has ${actor} on a side`);
    assert.equal(withActor.length, all.filter(named).length, 'and none with it is left out');
    const spelled = (await get('/api/places?q=baghdad')).body.places;
    assert.ok(spelled.length > 0 && spelled.every((p: { place: { name: string } }) => /baghdad/i.test(p.place.name)), 'places by spelling');

    const filters = 'type=ASSAULT&country=IQ&since=2023-10-01&until=2024-02-29';
    const expected = (await get(`/api/incidents?limit=500&${filters}`)).body.items.map((i: { id: string }) => i.id);
    assert.ok(expected.length >= 3, `enough incidents to tell a filter from none: ${expected.length}`);
    const csv = await fetch(`${server.url}/api/export/incidents?format=csv&${filters}`);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="sitrep-incidents\.csv"/);
    const rows = (await csv.text()).trim().split('\n');
    assert.deepEqual(
      rows.slice(1).map((line) => line.split(',')[0]),
      expected,
      'the CSV holds exactly the filtered incidents',
    );
    const jsonl = (await (await fetch(`${server.url}/api/export/incidents?format=jsonl&${filters}`)).text()).trim().split('\n');
    assert.deepEqual(
      jsonl.map((line) => JSON.parse(line).id),
      expected,
    );
    const geojson = await (await fetch(`${server.url}/api/export/incidents?format=geojson&${filters}`)).json();
    assert.deepEqual(
      geojson.features.map((f: { properties: { id: string } }) => f.properties.id),
      expected,
    );
    const acled = (await (await fetch(`${server.url}/api/export/incidents?format=acled&${filters}`)).text()).trim().split('\n');
    assert.equal(acled.length - 1, expected.length, 'one ACLED-like row per incident');
    const facts = (await get('/api/facts?limit=500&status=corroborated&category=attacks')).body.items.map((f: { id: string }) => f.id);
    const factRows = (await (await fetch(`${server.url}/api/export/facts?format=jsonl&status=corroborated&category=attacks`)).text())
      .trim()
      .split('\n');
    assert.deepEqual(
      factRows.map((line) => JSON.parse(line).id),
      facts,
    );
    assert.equal((await get('/api/export/incidents?format=pdf')).status, 400);
  });

  it('opens every incident by the id the `sitrep incidents` table prints, in the API and the CLI alike', async () => {
    // Child processes run asynchronously: the server answering the API is in this process and must keep serving.
    const sitrep = (...args: string[]) => run(process.execPath, [BIN, '--db', dbPath, ...args], { encoding: 'utf8' });
    const table = await sitrep('incidents', '--limit', '5');
    const ids = table.stdout
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0])
      .filter((id): id is string => Boolean(id));
    assert.equal(ids.length, 5, table.stdout);
    for (const id of ids) {
      const answer = await get(`/api/incidents/${id}`);
      assert.equal(answer.status, 200, `${id}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.incident.id, id, 'the table shows the whole id');
      const shown = await sitrep('incident', id);
      assert.match(shown.stdout, new RegExp(`^Incident ${id}:`));
    }
  });

  it('refuses bad parameters with a 400 that says why, and unknown things with a 404', async () => {
    const long = 'x'.repeat(201);
    const cases: Array<[string, number, RegExp]> = [
      ['/api/documents?limit=0', 400, /"limit" must be a whole number from 1 to 500, not "0"/],
      ['/api/documents?limit=501', 400, /from 1 to 500/],
      ['/api/documents?limit=1.5', 400, /whole number/],
      ['/api/documents?limit=ten', 400, /whole number/],
      ['/api/documents?offset=-1', 400, /"offset" must be a whole number from 0/],
      ['/api/documents?status=deleted', 400, /one of stored, duplicate, skipped, not "deleted"/],
      ['/api/documents?since=2023-02-30', 400, /calendar day as YYYY-MM-DD, not "2023-02-30"/],
      ['/api/documents?since=30%2F10%2F2023', 400, /calendar day/],
      ['/api/documents?since=2023-11-01&until=2023-10-01', 400, /since \(2023-11-01\) is after until \(2023-10-01\)/],
      ['/api/documents?limit=5&limit=6', 400, /"limit" is given more than once/],
      [
        '/api/documents?sort=title',
        400,
        /unknown parameter "sort"; this endpoint takes status, source, since, until, order, limit, offset/,
      ],
      [`/api/documents?source=${long}`, 400, /at most 200 are allowed/],
      [`/api/documents/${'d'.repeat(1001)}`, 400, /1 to 1000 characters/],
      ['/api/documents/no-such-report', 404, /no document with id or external id "no-such-report"/],
      ['/api/mentions?kind=weapon', 400, /"kind" must be one of sentence, date, quantity/],
      ['/api/mentions?document=x&document=y', 400, /more than once/],
      ['/api/search', 400, /"q" is required/],
      ['/api/search?q=', 400, /"q" is required/],
      ['/api/search?q=%22%2A%28%29', 400, /no words to search for/],
      ['/api/search?q=drone&since=yesterday', 400, /calendar day/],
      ['/api/search?q=drone&limit=0', 400, /"limit"/],
      ['/api/timeline?until=2023-13-01', 400, /calendar day/],
      ['/api/timeline?place=Erbil', 400, /unknown parameter "place"/],
      ['/api/sources?since=2024-02-01&until=2024-01-01', 400, /is after until/],
      ['/api/places?country=IRQ', 400, /two-letter country code/],
      ['/api/places?limit=2001', 400, /from 1 to 2000/],
      ['/api/status?verbose=1', 400, /unknown parameter "verbose"; this endpoint takes none/],
      ['/api/claims?category=weapons', 400, /"category" must be one of attacks, strikes/],
      ['/api/facts?status=confirmed', 400, /one of corroborated, single-source, conflicting/],
      ['/api/facts?minSources=0', 400, /"minSources" must be a whole number from 1/],
      ['/api/facts?until=2023-01-01&since=2023-02-01', 400, /is after until/],
      ['/api/facts/no-such-fact', 404, /no fact with id "no-such-fact"/],
      ['/api/events?type=assault', 400, /"type" must be one of ASSAULT, MOBILIZE/],
      ['/api/events?modality=certain', 400, /"modality" must be one of asserted/],
      ['/api/incidents?country=Iraq', 400, /two-letter country code/],
      ['/api/incidents/no-such-incident', 404, /no incident with id "no-such-incident"/],
      ['/api/trends?since=2024-01-01&until=2023-01-01', 400, /is after until/],
      ['/api/trends?limit=5', 400, /unknown parameter "limit"/],
      ['/api/claims-of-nothing', 404, /no endpoint at \/api\/claims-of-nothing/],
      ['/no-such-file.js', 404, /no file at/],
    ];
    for (const [path, status, message] of cases) {
      const answer = await get(path);
      assert.equal(answer.status, status, `${path}: ${JSON.stringify(answer.body)}`);
      assert.match(answer.type, /^application\/json/, path);
      assert.equal(answer.body.error.status, status, path);
      assert.match(answer.body.error.message, message, path);
    }
    const post = await get('/api/documents', { method: 'POST', body: '{}' });
    assert.equal(post.status, 403, 'a server started without a write token takes no writes');
    assert.match(post.body.error.message, /takes no writes: start it with a write token/);
  });

  it('describes every endpoint and parameter in its OpenAPI document', async () => {
    const { body: openapi } = await get('/api/openapi.json');
    const handRouted = ['/api/alerts', '/api/alerts/stream', '/api/facts/{id}/history'];
    assert.deepEqual(Object.keys(openapi.paths).sort(), [...apiEndpoints.map((e) => e.path), ...handRouted].sort());
    // Every reference points at something the document holds.
    const refs = JSON.stringify(openapi).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const r of new Set(refs)) {
      const target = r.slice(8, -1).replace(/^#\//, '').split('/');
      assert.ok(
        target.reduce((node, key) => node?.[key], openapi),
        `${r} points at nothing`,
      );
    }
    const parametersOf = (path: string) =>
      openapi.paths[path].get.parameters.map((p: { $ref?: string; name?: string; in?: string }) =>
        p.$ref ? openapi.components.parameters[p.$ref.split('/').pop() as string] : p,
      );
    for (const endpoint of apiEndpoints) {
      const operation = openapi.paths[endpoint.path].get;
      const documented = parametersOf(endpoint.path)
        .map((p: { name: string }) => p.name)
        .sort();
      assert.deepEqual(
        documented,
        [...Object.keys(endpoint.pathParams ?? {}), ...Object.keys(endpoint.query), 'asOf', 'asOfBy'].sort(),
        `${endpoint.path}: its own parameters, and asOf and asOfBy as on every endpoint`,
      );
      assert.ok(operation.responses['400'], `${endpoint.path} documents its 400`);
      if (endpoint.produces) {
        assert.deepEqual(Object.keys(operation.responses['200'].content), endpoint.produces, `${endpoint.path} answers files`);
        continue;
      }
      const schema = operation.responses['200'].content['application/json'].schema.$ref.split('/').pop();
      assert.ok(openapi.components.schemas[schema], `${endpoint.path} answers ${schema}, which is described`);
    }
    // Each answer holds the fields its schema requires.
    const status = await get('/api/status');
    for (const field of openapi.components.schemas.Status.required) assert.ok(field in status.body, field);
    const page = await get('/api/documents?limit=1');
    for (const field of openapi.components.schemas.DocumentPage.required) assert.ok(field in page.body, field);
    for (const field of openapi.components.schemas.DocumentSummary.required) assert.ok(field in page.body.items[0], field);

    // The routes served beside the endpoints: described, and answering as described.
    assert.deepEqual(
      parametersOf('/api/alerts').map((p: { name: string }) => p.name),
      ['after', 'limit'],
    );
    assert.deepEqual(
      parametersOf('/api/alerts/stream').map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
      ['query:after', 'header:Last-Event-ID'],
    );
    assert.deepEqual(Object.keys(openapi.paths['/api/alerts/stream'].get.responses['200'].content), ['text/event-stream']);
    assert.deepEqual(
      parametersOf('/api/facts/{id}/history').map((p: { name: string }) => p.name),
      ['id', 'asOf', 'asOfBy'],
    );
    const alerts = await get('/api/alerts');
    assert.equal(alerts.status, 200);
    for (const field of openapi.components.schemas.AlertList.required) assert.ok(field in alerts.body, field);
    assert.equal((await get('/api/alerts?limit=0')).status, 400, 'the limits described are the ones enforced');
    const fact = (await get('/api/facts?limit=1')).body.items[0];
    const history = await get(`/api/facts/${fact.id}/history?asOf=2030-01-01`);
    assert.equal(history.status, 200);
    for (const field of openapi.components.schemas.FactHistory.required) assert.ok(field in history.body, field);
    for (const field of openapi.components.schemas.FactHistory.properties.said.items.required)
      assert.ok(field in history.body.said[0], `said: ${field}`);
    assert.equal((await get(`/api/facts/${fact.id}/history?asOfBy=sometime&asOf=2030-01-01`)).status, 400);
    const asOf = openapi.components.parameters.asOf;
    assert.deepEqual([asOf.in, asOf.schema.format], ['query', 'date']);
    assert.deepEqual(openapi.components.parameters.asOfBy.schema.enum, ['published', 'ingested']);
  });

  it('serves the dashboard and its map data from itself, under a policy allowing no inline script', async () => {
    const page = await fetch(`${server.url}/`);
    assert.equal(page.status, 200);
    const policy = page.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /frame-ancestors 'none'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|sha256-|nonce-|https?:/);
    const html = await page.text();
    assert.doesNotMatch(html, /https?:\/\//, 'no outside address: the page works offline');
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'no inline script, not even an import map');
    for (const path of [
      '/assets/dashboard.js',
      '/assets/world-map.js',
      '/vendor/d3-geo.mjs',
      '/vendor/d3-array.mjs',
      '/vendor/topojson-client/index.js',
    ]) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /javascript/, path);
      const source = await response.text();
      assert.doesNotMatch(source, /from ["']https?:/, `${path} imports nothing from outside`);
      assert.doesNotMatch(
        source,
        /^\s*(import|export)\b[^'";]*from\s*["'][^"'./]/m,
        `${path} imports no bare name (there is no import map)`,
      );
    }
    const atlas = await get('/atlas/countries-50m.json');
    assert.equal(atlas.body.type, 'Topology');
    assert.ok(atlas.body.objects.countries.geometries.length > 200);
  });

  it('shows what another process ingests into the same store, without a restart', async () => {
    const before = (await get('/api/status')).body.state.latestSeq;
    assert.deepEqual((await get('/api/search?q=zeppelin')).body.items, []);
    writeFiles(dir, {
      'later/zeppelin-sighting.txt':
        'Title: Zeppelin over the river\nSource: Harbour Gazette\nDate: 2024-03-02\n\nA zeppelin drifted over the river port on Saturday, harbour officials said, and nobody was hurt.\n',
    });
    // Run without blocking this process's event loop: the server under test lives here, and a loop blocked past its
    // keep-alive timeout makes the next request race the socket it is closing.
    const child = await runSitrep(['--db', dbPath, 'ingest', '--no-analyse', join(dir, 'later')]);
    assert.equal(child.status, 0, child.stderr);
    const after = (await get('/api/status')).body;
    assert.ok(after.state.latestSeq > before, 'the new document is seen');
    assert.equal(after.counts.stored, 23);
    const hits = (await get('/api/search?q=zeppelin')).body.items;
    assert.deepEqual(
      hits.map((h: { document: { externalId: string } }) => h.document.externalId),
      ['zeppelin-sighting'],
    );
    const timeline = (await get('/api/timeline')).body.weeks;
    assert.equal(timeline[timeline.length - 1].week, '2024-02-26');
  });
});

/** Runs the CLI in a child process, asynchronously; resolves with its exit status and output. */
function runSitrep(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('sitrep serve: the command', () => {
  it('listens on 127.0.0.1 by default, prints where, and stops on SIGTERM', async () => {
    const { store, path: db } = await scratchStore();
    await store.close();
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A server left running would keep this test file from ever ending.
        child.kill();
        reject(new Error(`no address printed: ${stderr}`));
      }, 60_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const status = await (await fetch(`${url}/api/status`)).json();
    assert.equal(status.counts.stored, 0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stderr, /Stopped/);
  });

  it('refuses a port that is not one', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '70000'], {
      encoding: 'utf8',
      env: { ...process.env, SITREP_DB: '' },
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /"70000" is not a port/);
  });
});
