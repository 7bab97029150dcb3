/** Ingest end to end: every input kind and every bad input, with real files and a real SQLite store. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { formatSummary } from '../src/cli/terminal.ts';
import { ingest, ingestReports } from '../src/ingest/ingest.ts';
import type { RawReport } from '../src/ingest/raw-report.ts';
import { openStore } from '../src/store/open-store.ts';
import { PROJECT_DIR, scratchStore, writeFiles } from './fixtures.ts';

const WIRE =
  'Drones launched by militia fighters struck near a garrison in eastern Syria on Thursday, a military spokesman said. ' +
  'Nobody was hurt in the attack and the base suffered only minor damage, he told reporters at a briefing.';
const RELEASE =
  'The regional command confirmed that two rockets were fired at a logistics site in western Iraq late on Tuesday. ' +
  'Air defences intercepted one rocket and the other landed in open desert without causing casualties, the command said.';

describe('ingest: input kinds', () => {
  it('reads plain text, with a header block and a headline as metadata', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'in/wire-one.txt': `Title: Drones hit Syrian garrison\nSource: Gulf Wire Service\nDate: 2023-10-19\n\n${WIRE}`,
      'in/headline.txt': `Rockets fired at Iraqi logistics site\n${RELEASE}`,
    });
    const summary = await ingest(store, [join(dir, 'in')]);
    assert.equal(summary.counts.stored, 2);
    const [headline, wire] = await store.documents.list();
    assert.equal(headline?.externalId, 'headline');
    assert.equal(headline?.title, 'Rockets fired at Iraqi logistics site');
    assert.equal(wire?.externalId, 'wire-one');
    assert.equal(wire?.title, 'Drones hit Syrian garrison');
    assert.equal(wire?.source, 'Gulf Wire Service');
    assert.deepEqual(wire?.published, { start: '2023-10-19', end: '2023-10-19', inferred: false, rule: 'published/metadata' });
    assert.ok(wire?.text.startsWith('Drones launched'), 'the header block is not part of the text');
    await store.close();
  });

  it('reads Markdown with front matter, dropping the markup', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'release.md': `---\ntitle: Rockets fired at logistics site\nsource: Defense Press Office\npublished: 2023-11-08\n---\n# Rockets fired at logistics site\n\n**The regional command** confirmed that two rockets were fired at a [logistics site](https://example.org) in western Iraq late on Tuesday.\n\n- Air defences intercepted one rocket and the other landed in open desert without causing casualties, the command said.\n`,
    });
    await ingest(store, [join(dir, 'release.md')]);
    const [doc] = await store.documents.list();
    assert.equal(doc?.format, 'markdown');
    assert.equal(doc?.source, 'Defense Press Office');
    assert.equal(doc?.published?.start, '2023-11-08');
    assert.ok(doc?.text.includes('The regional command confirmed that two rockets were fired at a logistics site in western Iraq'));
    assert.ok(!/[*#[\]]/.test(doc?.text ?? '*'), doc?.text);
    await store.close();
  });

  it('reads HTML: main text, title, byline, site name and date; scripts and styles never reach the text', async () => {
    const { store, dir } = await scratchStore();
    const paragraphs = Array.from({ length: 4 }, (_, i) => `<p>${i % 2 ? WIRE : RELEASE}</p>`).join('\n');
    writeFiles(dir, {
      'page.html': `<!doctype html><html><head><title>Rockets fired at logistics site | Frontline Dispatch</title>
        <meta property="og:site_name" content="Frontline Dispatch"><meta name="author" content="Dana Reyes">
        <meta property="article:published_time" content="2023-11-08T18:00:00Z">
        <style>body { color: red } .secret { display: none }</style>
        <script>window.stolen = "SCRIPT-TEXT-MUST-NOT-APPEAR"; document.title = "hacked";</script></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Rockets fired at logistics site</h1><p class="byline">By Dana Reyes</p>${paragraphs}
        <script>console.log("INLINE-SCRIPT-MUST-NOT-APPEAR")</script></article>
        <footer>Copyright Frontline Dispatch. All rights reserved.</footer></body></html>`,
    });
    await ingest(store, [dir]);
    const [doc] = await store.documents.list();
    assert.equal(doc?.format, 'html');
    assert.equal(doc?.source, 'Frontline Dispatch');
    assert.equal(doc?.byline, 'Dana Reyes');
    assert.equal(doc?.published?.start, '2023-11-08');
    assert.match(doc?.title ?? '', /Rockets fired at logistics site/);
    assert.ok(doc?.text.includes('Air defences intercepted one rocket'));
    assert.ok(!/MUST-NOT-APPEAR|color: red|display: none/.test(doc?.text ?? ''), doc?.text);
    await store.close();
  });

  it('reads RSS 2.0: one report per item, HTML in descriptions stripped; an item without text fails alone', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'feed.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Monitor</title>
        <item><title>Garrison hit</title><link>https://levant.example/1</link><guid>lm-1</guid><pubDate>Thu, 19 Oct 2023 10:00:00 GMT</pubDate>
          <description>&lt;p&gt;${WIRE}&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
        <item><title>Rockets</title><link>https://levant.example/2</link><pubDate>Wed, 08 Nov 2023 10:00:00 GMT</pubDate>
          <description><![CDATA[<p>${RELEASE}</p>]]></description></item>
        <item><title>Empty</title><guid>lm-3</guid><description></description></item>
      </channel></rss>`,
    });
    const summary = await ingest(store, [join(dir, 'feed.xml')]);
    assert.equal(summary.counts.stored, 2);
    assert.equal(summary.counts.failed, 1);
    assert.match(summary.items.find((i) => i.outcome === 'failed')?.reason ?? '', /feed\.xml item 3: field "description": has no text/);
    const docs = await store.documents.list();
    assert.deepEqual(
      docs.map((d) => [d.externalId, d.source, d.published?.start, d.format]),
      [
        ['lm-1', 'Levant Monitor', '2023-10-19', 'rss'],
        ['https://levant.example/2', 'Levant Monitor', '2023-11-08', 'rss'],
      ],
    );
    assert.ok(!docs[0]?.text.includes('alert') && !docs[0]?.text.includes('<p>'));
    await store.close();
  });

  it('reads Atom feeds', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'feed.atom': `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Capitol Defense Review</title>
        <entry><title>Garrison hit</title><id>urn:cdr:1</id><link href="https://cdr.example/a"/><published>2023-10-19T08:00:00Z</published>
          <author><name>Sam Lee</name></author><content type="html">&lt;p&gt;${WIRE}&lt;/p&gt;</content></entry>
        <entry><title>Rockets</title><id>urn:cdr:2</id><link rel="alternate" href="https://cdr.example/b"/><updated>2023-11-08T08:00:00Z</updated>
          <summary type="text">${RELEASE}</summary></entry></feed>`,
    });
    await ingest(store, [dir]);
    const docs = await store.documents.list();
    assert.deepEqual(
      docs.map((d) => [d.externalId, d.url, d.byline, d.published?.start, d.format]),
      [
        ['urn:cdr:1', 'https://cdr.example/a', 'Sam Lee', '2023-10-19', 'atom'],
        ['urn:cdr:2', 'https://cdr.example/b', null, '2023-11-08', 'atom'],
      ],
    );
    await store.close();
  });

  it('reads JSONL: one report a line; a bad line is reported with its number and skipped', async () => {
    const { store, dir } = await scratchStore();
    const lines = [
      JSON.stringify({
        id: 'a-1',
        url: 'https://wire.example/a',
        title: 'Garrison hit',
        source: 'Gulf Wire Service',
        published: '2023-10-19',
        text: WIRE,
      }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'a-3', html: `<p>${RELEASE}</p><script>bad()</script>` }),
      '',
      JSON.stringify({ id: 'a-5', title: 'No body' }),
      JSON.stringify({ id: 'a-6', text: WIRE.replace('Thursday', 'Friday'), published: 'not a date' }),
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 7, text: 42 }),
    ];
    writeFiles(dir, { 'batch.jsonl': lines.join('\n') });
    const summary = await ingest(store, [join(dir, 'batch.jsonl')]);
    const reasons = summary.items.filter((i) => i.outcome === 'failed').map((i) => i.reason);
    assert.equal(summary.counts.stored, 2);
    assert.equal(reasons.length, 5);
    assert.match(reasons[0] ?? '', /batch\.jsonl:2: is not valid JSON/);
    assert.match(reasons[1] ?? '', /batch\.jsonl:5: field "text": is missing/);
    assert.match(reasons[2] ?? '', /batch\.jsonl:6: field "published": "not a date" is not a date/);
    assert.match(reasons[3] ?? '', /batch\.jsonl:7: must be a JSON object, found an array/);
    assert.match(reasons[4] ?? '', /batch\.jsonl:8: field "text": must be a string, found number/);
    const docs = await store.documents.list();
    assert.deepEqual(
      docs.map((d) => d.externalId),
      ['a-1', 'a-3'],
    );
    assert.equal(docs[1]?.text, RELEASE);
    assert.deepEqual(docs[0]?.origin, { path: join(dir, 'batch.jsonl'), line: 1 });
    await store.close();
  });

  it('reads standard input with -', async () => {
    const { store } = await scratchStore();
    const summary = await ingest(store, ['-'], { stdin: Readable.from([Buffer.from(WIRE)]) });
    assert.equal(summary.counts.stored, 1);
    const [doc] = await store.documents.list();
    assert.equal(doc?.externalId, 'stdin');
    assert.equal(doc?.origin.path, '-');
    await store.close();
  });
});

describe('ingest: bad input', () => {
  it('names each bad file and what was wrong, and stores the rest', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'good.txt': WIRE,
      'empty.txt': '',
      'blank.txt': '  \n\n ',
      'image.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'latin1.txt': Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait and drones over the base')]),
      'big.txt': `${RELEASE}\n`.repeat(200),
      'billion-laughs.xml': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><rss><channel><item><guid>x</guid><description>&lol2;</description></item></channel></rss>`,
      'xxe.rss': `<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><rss><channel><item><guid>x</guid><description>x</description></item></channel></rss>`,
      'broken.rss': '<rss><channel><item><guid>x</guid></channel></rss>',
    });
    const summary = await ingest(store, [dir, join(dir, 'missing.txt')], { maxBytes: 10_000 });
    const reasons = summary.items.filter((i) => i.outcome === 'failed').map((i) => i.reason ?? '');
    const expect = (file: string, pattern: RegExp) =>
      assert.ok(
        reasons.some((r) => r.includes(file) && pattern.test(r)),
        `${file}: ${pattern} not in\n${reasons.join('\n')}`,
      );
    expect('empty.txt', /is empty/);
    expect('blank.txt', /only blank space/);
    expect('image.txt', /binary file/);
    expect('latin1.txt', /not valid UTF-8/);
    expect('big.txt', /over the 9\.8 KB limit/);
    expect('billion-laughs.xml', /declares XML entities/);
    expect('xxe.rss', /external DTD/);
    expect('broken.rss', /not well-formed XML/);
    expect('missing.txt', /no such file/);
    assert.equal(summary.counts.failed, 9);
    assert.equal(summary.counts.stored, 1);
    assert.deepEqual(
      (await store.documents.list()).map((d) => d.externalId),
      ['good'],
    );
    await store.close();
  });

  it('lists each file in a folder it does not read, with the reason, and says so in the summary', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'in/good.txt': WIRE,
      'in/scan.pdf': '%PDF-1.4 not a report sitrep reads',
      'in/notes': 'no extension',
      'in/sub/photo.JPG': Uint8Array.from([0xff, 0xd8, 0xff]),
      'in/.DS_Store': 'a tool file',
    });
    const summary = await ingest(store, [join(dir, 'in')]);
    assert.equal(summary.counts.stored, 1);
    assert.equal(summary.counts.failed, 0, 'a file not read is not a failed report');
    assert.deepEqual(
      summary.passedOver.map((f) => [f.path.slice(dir.length + 1), f.reason.split(';')[0]]),
      [
        ['in/notes', 'a file without an extension is not read'],
        ['in/scan.pdf', '".pdf" files are not read'],
        ['in/sub/photo.JPG', '".jpg" files are not read'],
      ],
    );
    assert.match(summary.passedOver[0]?.reason ?? '', /sitrep reads \.txt, .*\.jsonl/);
    const text = formatSummary(summary);
    assert.match(text, /Not read: 3 files in the folders named:/);
    assert.match(text, /not read: .*scan\.pdf: "\.pdf" files are not read; sitrep reads/);
    await store.close();
  });

  it('stores a report in another language as skipped, with the reason', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, {
      'fr.txt':
        "La milice a affirmé avoir lancé des drones sur la base dans l'est de la Syrie, et le commandement a indiqué qu'il n'y avait pas de blessés.",
    });
    const summary = await ingest(store, [dir]);
    assert.equal(summary.counts.skipped, 1);
    const [doc] = await store.documents.list();
    assert.equal(doc?.status, 'skipped');
    assert.equal(doc?.language, 'fr');
    assert.match(doc?.statusReason ?? '', /language is fr/);
    await store.close();
  });
});

describe('ingest: duplicates and syndication', () => {
  it('stores an identical report once; re-ingesting adds nothing and says so', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, { 'a.txt': WIRE, 'b.txt': RELEASE });
    assert.equal((await ingest(store, [dir])).counts.stored, 2);
    const again = await ingest(store, [dir]);
    assert.deepEqual([again.counts.stored, again.counts.unchanged], [0, 2]);
    assert.match(again.items[0]?.reason ?? '', /already stored/);
    assert.equal((await store.documents.list()).length, 2);
    await store.close();
  });

  it('records the same text under another name as a duplicate in the original group', async () => {
    const { store, dir } = await scratchStore();
    writeFiles(dir, { 'one/a.txt': WIRE, 'two/copy-of-a.txt': `${WIRE}\n` });
    const summary = await ingest(store, [join(dir, 'one'), join(dir, 'two')]);
    assert.deepEqual([summary.counts.stored, summary.counts.duplicate], [1, 1]);
    const [original, copy] = await store.documents.list();
    assert.equal(copy?.status, 'duplicate');
    assert.equal(copy?.duplicateOf, original?.id);
    assert.equal(copy?.syndicationGroup, original?.syndicationGroup);
    assert.equal((await ingest(store, [join(dir, 'two')])).counts.unchanged, 1);
    await store.close();
  });

  it('keeps reports whose one page text (a sign-in form) stands under different headlines apart, in one group', async () => {
    const { store } = await scratchStore();
    const wall = 'Subscribers only. Sign in with your account to keep reading, or start a free trial today.';
    const titled = (externalId: string, title: string): RawReport => ({ ...report(externalId, wall), title });
    const summary = await ingestReports(store, [
      titled('first', 'Two hurt in shooting outside a bowling alley'),
      titled('second', 'Council approves new budget for road repairs'),
      titled('third', 'Two Hurt in Shooting Outside a Bowling Alley!'),
    ]);
    assert.deepEqual(
      summary.items.map((i) => i.outcome),
      ['stored', 'near-duplicate', 'duplicate'],
    );
    assert.match(summary.items[1]?.reason ?? '', /under another headline/);
    const byName = new Map((await store.documents.list()).map((d) => [d.externalId, d]));
    const [first, second, third] = ['first', 'second', 'third'].map((n) => byName.get(n));
    assert.equal(second?.status, 'stored');
    assert.equal(second?.duplicateOf, null);
    assert.notEqual(second?.id, first?.id);
    assert.equal(second?.syndicationGroup, first?.syndicationGroup);
    assert.equal(third?.duplicateOf, first?.id);
    assert.equal((await ingestReports(store, [titled('second', 'Council approves new budget for road repairs')])).counts.unchanged, 1);
    await store.close();
  });

  it('joins a near-copy with a new headline and edits to the original group, across batches', async () => {
    const { store, dir } = await scratchStore();
    const story = `Militia drones hit Syrian garrison\n${WIRE} ${RELEASE} The spokesman said the command would respond at a time of its choosing and that patrols would continue as planned.`;
    const copy = story
      .replace('Militia drones hit Syrian garrison', 'Garrison in eastern Syria targeted by drones')
      .replace('Thursday', 'Thursday morning')
      .replace('minor', 'light')
      .replace('late on Tuesday', 'on Tuesday night');
    writeFiles(dir, { 'a/original.txt': story, 'b/syndicated.txt': copy, 'b/other.txt': RELEASE.replace('two rockets', 'a rocket') });
    await ingest(store, [join(dir, 'a')]);
    const summary = await ingest(store, [join(dir, 'b')]);
    assert.equal(summary.counts['near-duplicate'], 1);
    const byName = new Map((await store.documents.list()).map((d) => [d.externalId, d]));
    assert.equal(byName.get('syndicated')?.syndicationGroup, byName.get('original')?.id);
    assert.equal(byName.get('syndicated')?.status, 'stored');
    assert.equal(byName.get('other')?.syndicationGroup, byName.get('other')?.id);
    await store.close();
  });
});

describe('ingest: one transaction per batch', () => {
  it('leaves the store as it was when a batch fails part-way', async () => {
    const { store, path } = await scratchStore();
    await ingestReports(store, [report('before', WIRE)]);
    async function* breaking(): AsyncGenerator<RawReport> {
      for (let i = 0; i < 1200; i++) yield report(`r-${i}`, `${RELEASE} Report number ${i} of the series, filed from site ${i * 7}.`);
      throw new Error('the input stream broke');
    }
    await assert.rejects(ingestReports(store, breaking()), /input stream broke/);
    assert.deepEqual(
      (await store.documents.list()).map((d) => d.externalId),
      ['before'],
    );
    await store.close();
    const reopened = await openStore(path);
    assert.equal((await reopened.documents.counts()).stored, 1);
    await reopened.close();
  });

  it('leaves the store as it was when the process is killed mid-batch', async () => {
    const { store, path, dir } = await scratchStore();
    await ingestReports(store, [report('before', WIRE)]);
    await store.close();
    const script = writeFiles(dir, {
      'crash.mts': `import { ingestReports } from ${JSON.stringify(join(PROJECT_DIR, 'src/ingest/ingest.ts'))};
        import { openStore } from ${JSON.stringify(join(PROJECT_DIR, 'src/store/open-store.ts'))};
        const store = await openStore(${JSON.stringify(path)});
        function* reports() {
          for (let i = 0; i < 2000; i++) {
            // After the first chunk has been written inside the transaction, the process dies.
            if (i === 1500) process.kill(process.pid, 'SIGKILL');
            yield { origin: { path: 'gen', line: i + 1 }, format: 'jsonl', externalId: 'k-' + i, title: null, url: null, source: null, byline: null, published: null,
              text: 'Rockets were fired at the site in the desert, the command said, in report ' + i + ' of the series from post ' + (i * 13) + '.' };
          }
        }
        await ingestReports(store, reports());`,
    });
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(script, 'crash.mts')], { cwd: PROJECT_DIR, encoding: 'utf8' });
    assert.equal(child.signal, 'SIGKILL', child.stderr);
    const reopened = await openStore(path);
    assert.deepEqual(
      (await reopened.documents.list()).map((d) => d.externalId),
      ['before'],
    );
    await reopened.close();
  });
});

function report(externalId: string, text: string): RawReport {
  return {
    origin: { path: 'test' },
    format: 'text',
    text,
    externalId,
    title: null,
    url: null,
    source: null,
    byline: null,
    published: null,
  };
}
