/**
 * @module A corpus of hostile inputs, written by us: markup that tries to run in whoever shows a report, XML that
 * tries to expand or reach outside, inputs too large or too deep, bytes that are not text, broken JSON lines and file
 * names with control characters. Each kind says what ingest must make of it: a clear error naming the input, or a
 * report stored as inert text. The large kinds are made on demand, never committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What ingest must make of one hostile input. */
export type HostileExpectation =
  /** Refused with a reason matching `reason`, the input named. */
  | { readonly outcome: 'failed'; readonly reason: RegExp }
  /** Stored; the stored text (and title, source, byline, url) must match `text` and never `not`. */
  | { readonly outcome: 'stored'; readonly text?: RegExp; readonly not?: RegExp };

export interface HostileKind {
  /** The kind, as the summary table names it. */
  readonly name: string;
  /** The file's name inside the corpus folder. */
  readonly file: string;
  /** Its content, or a function that writes it (for the large kinds). */
  readonly content: string | Uint8Array | ((path: string) => void);
  /** What must come of each report in it: one entry per report, or one for a single-report file. */
  readonly expect: readonly HostileExpectation[];
  /** A large kind, made only when asked for (it takes time and disk). */
  readonly large?: boolean;
}

const BODY = 'Artillery fire hit the outskirts of the river town before dawn on Sunday, and two houses burned, the district head said.';
const PAYLOAD = '<script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'">';
/** A stored report that kept the payload as text: what a text input must keep and a viewer must show as text. */
const KEEPS_PAYLOAD: HostileExpectation = { outcome: 'stored', text: /<script>window\.__pwned/ };
/** A stored report whose page markup was read as markup: scripts and handlers dropped, never text or code. */
const DROPS_PAYLOAD: HostileExpectation = { outcome: 'stored', text: /Artillery fire/, not: /__pwned|onerror|javascript:/ };

function jsonl(...records: readonly unknown[]): string {
  return `${records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')}\n`;
}

function rss(items: string, head = '<?xml version="1.0"?>'): string {
  return `${head}<rss version="2.0"><channel><title>Harbour Wire</title>${items}</channel></rss>`;
}

function nested(tag: string, depth: number, inner: string): string {
  return `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth);
}

/** Every hostile kind; `large` ones only with `{ large: true }`. */
export function hostileKinds(options: { large?: boolean } = {}): HostileKind[] {
  const kinds: HostileKind[] = [
    // Markup that tries to run in a viewer: text inputs keep it as text, page inputs drop it.
    {
      name: 'script in a text title',
      file: 'text-title.txt',
      content: `Title: Alert ${PAYLOAD}\n\n${BODY}`,
      expect: [{ outcome: 'stored' }],
    },
    { name: 'script in a text body', file: 'text-body.txt', content: `${BODY} ${PAYLOAD}`, expect: [KEEPS_PAYLOAD] },
    {
      name: 'script in a byline',
      file: 'text-byline.txt',
      content: `By: <a href="javascript:alert(1)">Staff</a>\n\n${BODY}`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'javascript: URL in a text header',
      file: 'text-url.txt',
      content: `URL: javascript:alert(document.cookie)\n\n${BODY}`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'script in a source',
      file: 'text-source.txt',
      content: `Source: <svg onload="window.__pwned='svg'">Wire</svg>\n\n${BODY}`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'script in Markdown front matter',
      file: 'front-matter.md',
      content: `---\ntitle: "${PAYLOAD.replace(/"/g, "'")}"\n---\n\n${BODY}`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'raw HTML inside Markdown',
      file: 'inline-html.md',
      content: `# Shelling\n\n${BODY}\n\n<script>window.__pwned = 1</script>`,
      expect: [{ outcome: 'stored', text: /Artillery fire/ }],
    },
    {
      name: 'script elements in a page',
      file: 'page-script.html',
      content: `<html><body><article><p>${BODY}</p><script>window.__pwned = 1</script></article></body></html>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'event handlers in a page',
      file: 'page-handlers.html',
      content: `<html><body><article><p onclick="window.__pwned=1">${BODY}</p><img src=x onerror="window.__pwned=2"></article></body></html>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'javascript: iframe in a page',
      file: 'page-iframe.html',
      content: `<html><body><article><p>${BODY}</p><iframe src="javascript:window.__pwned=1"></iframe></article></body></html>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'javascript: links in a page',
      file: 'page-links.html',
      content: `<html><body><article><p>${BODY} <a href="javascript:window.__pwned=1">More</a></p></article></body></html>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'script in page metadata',
      file: 'page-meta.html',
      content: `<html><head><meta property="og:title" content='${PAYLOAD}'><meta name="author" content="<b onmouseover=alert(1)>x</b>"><link rel="canonical" href="javascript:alert(1)"></head><body><article><p>${BODY}</p></article></body></html>`,
      expect: [{ outcome: 'stored', text: /Artillery fire/ }],
    },
    {
      name: 'style and noscript in a page',
      file: 'page-style.html',
      content: `<html><body><style>body{background:url(javascript:alert(1))}</style><noscript><img src=x onerror=alert(1)></noscript><article><p>${BODY}</p></article></body></html>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'script in a feed title (CDATA)',
      file: 'feed-title.rss',
      content: rss(`<item><guid>t1</guid><title><![CDATA[${PAYLOAD}]]></title><description>${BODY}</description></item>`),
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'javascript: link in a feed item',
      file: 'feed-link.rss',
      content: rss(`<item><link>javascript:alert(1)</link><description>${BODY}</description></item>`),
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'escaped script in a feed description',
      file: 'feed-escaped.rss',
      content: rss(
        `<item><guid>e1</guid><description>&lt;p&gt;${BODY}&lt;/p&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;</description></item>`,
      ),
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'script in Atom XHTML content',
      file: 'atom-xhtml.atom',
      content: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><id>a1</id><title>Alert</title><author><name>&lt;b&gt;Desk&lt;/b&gt;</name></author><content type="html">&lt;p&gt;${BODY}&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>`,
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'script in JSONL fields',
      file: 'fields.jsonl',
      content: jsonl({
        id: 'j1',
        title: PAYLOAD,
        source: '<b>Wire</b>',
        byline: PAYLOAD,
        url: 'javascript:alert(1)',
        text: `${BODY} ${PAYLOAD}`,
      }),
      expect: [KEEPS_PAYLOAD],
    },
    {
      name: 'handlers in JSONL html',
      file: 'html-field.jsonl',
      content: jsonl({ id: 'h1', html: `<p>${BODY}</p><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>` }),
      expect: [DROPS_PAYLOAD],
    },
    {
      name: 'bidirectional overrides in a title',
      file: 'bidi.jsonl',
      content: jsonl({ id: 'b1', title: 'Report \u202egnp.exe\u202c', text: `${BODY}\u200b\u200b` }),
      expect: [{ outcome: 'stored' }],
    },

    // XML that tries to expand or reach outside.
    {
      name: 'entity expansion (billion laughs)',
      file: 'laughs.xml',
      content: `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${rss('<item><guid>x</guid><description>&c;</description></item>', '')}`,
      expect: [{ outcome: 'failed', reason: /declares XML entities/ }],
    },
    {
      name: 'external entity (XXE)',
      file: 'xxe.rss',
      content: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${rss('<item><guid>x</guid><description>&x;</description></item>', '')}`,
      expect: [{ outcome: 'failed', reason: /entit|DTD/ }],
    },
    {
      name: 'external DTD',
      file: 'dtd.rss',
      content: `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">${rss('<item><guid>x</guid><description>x</description></item>', '')}`,
      expect: [{ outcome: 'failed', reason: /external DTD/ }],
    },
    {
      name: 'parameter entity',
      file: 'param.rss',
      content: `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]>${rss('<item><guid>x</guid><description>x</description></item>', '')}`,
      expect: [{ outcome: 'failed', reason: /entit|DTD/ }],
    },
    {
      name: 'feed nested 100,000 deep',
      file: 'deep.rss',
      content: rss(`<item><guid>d</guid><description>x</description>${nested('x', 100_000, 'deep')}</item>`),
      expect: [{ outcome: 'failed', reason: /nest|deep|XML/ }],
    },
    {
      name: 'markup nested 100,000 deep in a feed item',
      file: 'deep-item.rss',
      content: rss(`<item><guid>d2</guid><description><![CDATA[${nested('div', 100_000, BODY)}]]></description></item>`),
      expect: [{ outcome: 'failed', reason: /over 400 elements deep/ }],
    },
    {
      name: 'unclosed feed',
      file: 'unclosed.rss',
      content: '<rss><channel><item><guid>x</guid><description>y',
      expect: [{ outcome: 'failed', reason: /not well-formed XML/ }],
    },

    // Too deep or too large.
    {
      name: 'page nested 100,000 deep',
      file: 'deep.html',
      content: `<html><body>${nested('div', 100_000, BODY)}</body></html>`,
      expect: [{ outcome: 'failed', reason: /deep\.html: nests its markup over 400 elements deep/ }],
    },
    {
      name: 'JSONL html nested 100,000 deep',
      file: 'deep-html.jsonl',
      content: jsonl({ id: 'deep', html: nested('span', 100_000, BODY) }, { id: 'fine', text: BODY }),
      expect: [{ outcome: 'failed', reason: /deep-html\.jsonl:1: nests its markup/ }, { outcome: 'stored' }],
    },
    {
      name: 'a page of 300,000 empty elements side by side',
      file: 'wide.html',
      content: `<html><body><article><p>${BODY}</p>${'<span></span>'.repeat(300_000)}</article></body></html>`,
      expect: [{ outcome: 'stored', text: /Artillery fire/ }],
    },
    {
      name: 'one line of 1 MB with no spaces',
      file: 'no-spaces.txt',
      content: `${BODY} ${'a'.repeat(1_000_000)}`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'three thousand figures in one report',
      file: 'numbers.txt',
      content: `${BODY} ${Array.from({ length: 3000 }, (_, i) => `On day ${(i % 28) + 1} of the siege, ${i} people were killed in the village, officials said.`).join(' ')}`,
      expect: [{ outcome: 'stored' }],
    },

    // Bytes that are not text.
    {
      name: 'binary with a text extension',
      file: 'image.txt',
      content: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      expect: [{ outcome: 'failed', reason: /image\.txt: looks like a binary file/ }],
    },
    {
      name: 'invalid UTF-8',
      file: 'latin1.txt',
      content: Uint8Array.from([...Buffer.from(BODY), 0xe9, 0xff, 0xfe]),
      expect: [{ outcome: 'failed', reason: /latin1\.txt: is not valid UTF-8/ }],
    },
    {
      name: 'mixed encodings in one JSONL file',
      file: 'mixed.jsonl',
      content: Buffer.concat([
        Buffer.from(jsonl({ id: 'ok', text: BODY })),
        Buffer.from('{"id":"bad","text":"Caf'),
        Buffer.from([0xe9]),
        Buffer.from(' shelled"}\n'),
      ]),
      expect: [{ outcome: 'stored' }, { outcome: 'failed', reason: /mixed\.jsonl:2: is not valid UTF-8/ }],
    },
    {
      name: 'UTF-16 with a byte-order mark',
      file: 'utf16.txt',
      content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le')]),
      expect: [{ outcome: 'stored', text: /Artillery fire/ }],
    },
    {
      name: 'UTF-16 cut mid-character',
      file: 'utf16-cut.txt',
      content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BODY, 'utf16le'), Buffer.from([0x3d, 0xd8])]),
      expect: [{ outcome: 'failed', reason: /utf16-cut\.txt: is not valid UTF-16/ }],
    },
    {
      name: 'NUL bytes in a JSONL line',
      file: 'nul.jsonl',
      content: Buffer.concat([
        Buffer.from('{"id":"n","text":"'),
        Buffer.from([0, 0, 0]),
        Buffer.from('"}\n'),
        Buffer.from(jsonl({ id: 'fine2', text: `${BODY} Again.` })),
      ]),
      expect: [{ outcome: 'failed', reason: /nul\.jsonl:1: looks like a binary file/ }, { outcome: 'stored' }],
    },
    { name: 'an empty file', file: 'empty.txt', content: '', expect: [{ outcome: 'failed', reason: /empty\.txt: is empty/ }] },
    {
      name: 'only blank space',
      file: 'blank.html',
      content: ' \n\t\n ',
      expect: [{ outcome: 'failed', reason: /blank\.html: has only blank space/ }],
    },
    {
      name: 'an empty JSONL file',
      file: 'empty.jsonl',
      content: '\n\n',
      expect: [{ outcome: 'failed', reason: /empty\.jsonl: has only blank space/ }],
    },

    // Broken JSON lines.
    {
      name: 'a truncated JSON line',
      file: 'truncated.jsonl',
      content: `${jsonl({ id: 'whole', text: `${BODY} Whole.` })}{"id":"cut","text":"Artillery fi`,
      expect: [{ outcome: 'stored' }, { outcome: 'failed', reason: /truncated\.jsonl:2: is not valid JSON/ }],
    },
    {
      name: 'JSON lines that are no objects',
      file: 'shapes.jsonl',
      content: jsonl('[1,2,3]', '42', 'null', '"text"'),
      expect: [
        { outcome: 'failed', reason: /shapes\.jsonl:1: must be a JSON object, found an array/ },
        { outcome: 'failed', reason: /shapes\.jsonl:2: must be a JSON object, found number/ },
        { outcome: 'failed', reason: /shapes\.jsonl:3: must be a JSON object, found object/ },
        { outcome: 'failed', reason: /shapes\.jsonl:4: must be a JSON object, found string/ },
      ],
    },
    {
      name: 'JSON fields of the wrong type',
      file: 'types.jsonl',
      content: jsonl({ id: { nested: true }, text: BODY }, { id: 't2', text: 12 }, { id: 't3', title: ['a'], text: BODY }),
      expect: [
        { outcome: 'failed', reason: /types\.jsonl:1: field "id": must be a string or a number/ },
        { outcome: 'failed', reason: /types\.jsonl:2: field "text": must be a string/ },
        { outcome: 'failed', reason: /types\.jsonl:3: field "title": must be a string/ },
      ],
    },
    {
      name: 'a deeply nested JSON line',
      file: 'deep-json.jsonl',
      content: jsonl(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, { id: 'after', text: `${BODY} After.` }),
      expect: [{ outcome: 'failed', reason: /deep-json\.jsonl:1: (is not valid JSON|must be a JSON object)/ }, { outcome: 'stored' }],
    },

    // File names that try to drive the terminal.
    {
      name: 'a file name with control characters',
      file: 'bell\u0007and\ttab.txt',
      content: `${BODY} Bell.`,
      expect: [{ outcome: 'stored' }],
    },
    {
      name: 'a file name with a terminal escape',
      file: 'esc\u001b[31mred.txt',
      content: '',
      expect: [{ outcome: 'failed', reason: /esc\\x1b\[31mred\.txt: is empty/ }],
    },
  ];
  if (options.large) {
    kinds.push(
      {
        name: 'a 100 MB text file',
        file: 'huge.txt',
        large: true,
        content: (path) => writeFileSync(path, `${BODY}\n`.repeat(Math.ceil((100 * 1024 * 1024) / (BODY.length + 1)))),
        expect: [{ outcome: 'failed', reason: /huge\.txt: is one report of 100\.\d MB, over the 2,000,000-character limit/ }],
      },
      {
        name: 'a JSONL line of 50 MB',
        file: 'long-line.jsonl',
        large: true,
        content: (path) =>
          writeFileSync(
            path,
            jsonl(
              { id: 'long', text: `${BODY} `.repeat(Math.ceil((50 * 1024 * 1024) / (BODY.length + 1))) },
              { id: 'short', text: `${BODY} Short.` },
            ),
          ),
        expect: [{ outcome: 'failed', reason: /long-line\.jsonl:1: is a line of over 7\.6 MB/ }, { outcome: 'stored' }],
      },
    );
  }
  return kinds;
}

/** Writes the corpus into `dir` (one file per kind) and returns the kinds written. */
export function writeHostileCorpus(dir: string, options: { large?: boolean } = {}): HostileKind[] {
  const kinds = hostileKinds(options);
  for (const kind of kinds) {
    const path = join(dir, kind.file);
    mkdirSync(dirname(path), { recursive: true });
    if (typeof kind.content === 'function') kind.content(path);
    else writeFileSync(path, kind.content);
  }
  return kinds;
}
