import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimValue } from '../model/claim.ts';
import type { Fact, LedgerEntry } from '../model/fact.ts';
import type { Incident } from '../model/incident.ts';
import type { StoredMention } from '../store/store.ts';
import { formatCount, formatValue } from './format-value.ts';
import {
  citedQuotes,
  describeStatus,
  escapeHtml,
  incidentsByPlaceAndType,
  informationCutoff,
  keyJudgements,
  type ReportedFact,
  renderSituationHtml,
  renderSituationMarkdown,
  type SituationData,
} from './situation-report.ts';

describe('formatValue', () => {
  const cases: Array<[ClaimValue, string]> = [
    [{ low: 14, high: null, qualifier: 'at-least' }, 'at least 14'],
    [{ low: 1400, high: null, qualifier: 'more-than' }, 'more than 1,400'],
    [{ low: 2500, high: 2500, qualifier: 'about' }, 'about 2,500'],
    [{ low: 23, high: 23, qualifier: 'exact' }, '23'],
    [{ low: 3, high: 5, qualifier: 'range' }, '3–5'],
    [{ low: 0, high: 10, qualifier: 'at-most' }, 'at most 10'],
    [{ low: 0, high: 12, qualifier: 'less-than' }, 'fewer than 12'],
  ];
  for (const [value, expected] of cases) it(expected, () => assert.equal(formatValue(value), expected));

  const negative: Array<[ClaimValue, string]> = [
    [{ low: 14, high: null, qualifier: 'exact' }, '14 or more'],
    [{ low: 7, high: 7, qualifier: 'range' }, '7'],
  ];
  for (const [value, expected] of negative) it(`no false bound in ${expected}`, () => assert.equal(formatValue(value), expected));
});

describe('formatCount writes numbers as en-US toLocaleString does', () => {
  const cases: Array<[number, string]> = [
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12_500, '12,500'],
    [100_000, '100,000'],
    [1_234_567, '1,234,567'],
    [-1234, '-1,234'],
    [-999, '-999'],
    [2.5, '2.5'],
    [1234.5678, '1,234.568'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [1e21, '1,000,000,000,000,000,000,000'],
  ];
  for (const [x, expected] of cases)
    it(`${x} -> ${expected}`, () => {
      assert.equal(formatCount(x), expected);
      assert.equal(formatCount(x), x.toLocaleString('en-US'));
    });
  // Negative cases: grouping that is not every three digits from the right, or a dropped sign, would fail these.
  for (const [x, wrong] of [
    [1000, '100,0'],
    [123_456, '1,23,456'],
    [-5000, '5,000'],
  ] as const)
    it(`${x} is not ${wrong}`, () => assert.notEqual(formatCount(x), wrong));
});

const fact = (extra: Partial<Fact> = {}): Fact => ({
  id: 'f1',
  category: 'attacks',
  noun: 'attacks',
  value: { low: 23, high: 23, qualifier: 'exact' },
  place: { name: 'Iraq and Syria', country: null, lat: 34, lon: 41, precision: 6, countries: ['IQ', 'SY'], basis: 'text' },
  period: { start: '2023-10-17', end: '2023-10-30', basis: 'text' },
  status: 'corroborated',
  claims: ['c1', 'c2'],
  primarySources: [],
  documents: ['north-wire', 'river-post'],
  sources: ['North Wire', 'River Post'],
  sides: [{ value: { low: 23, high: 23, qualifier: 'exact' }, claims: ['c1', 'c2'], sources: ['North Wire', 'River Post'] }],
  updates: [],
  updatedBy: [],
  ...extra,
});

const entry = (extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  claimId: 'c1',
  documentId: 'd1',
  externalId: 'north-wire',
  source: 'North Wire',
  published: '2023-10-31',
  attribution: { text: 'a regional spokesman', kind: 'official' },
  value: { low: 23, high: 23, qualifier: 'exact' },
  modality: 'asserted',
  place: null,
  period: null,
  span: { start: 10, end: 60 },
  text: 'Militias attacked the bases 23 times in two weeks, a regional spokesman said.',
  rule: 'claims/count-after-verb',
  ...extra,
});

describe('describeStatus', () => {
  const cases: Array<[string, ReportedFact, RegExp]> = [
    [
      'corroborated',
      { fact: fact(), ledger: [], updates: [], counted: null },
      /^corroborated by 2 independent sources \(North Wire, River Post\)$/,
    ],
    [
      'corroborated from one primary source',
      { fact: fact({ primarySources: ['the Pentagon'] }), ledger: [], updates: [], counted: null },
      /^corroborated by 2 independent sources \(North Wire, River Post\) from 1 primary source \(the Pentagon\)$/,
    ],
    [
      'reported against counted',
      {
        fact: fact(),
        ledger: [],
        updates: [],
        counted: {
          reported: 23,
          counted: 9,
          gap: 14,
          type: 'ASSAULT',
          countries: ['IQ', 'SY'],
          start: '2023-10-17',
          end: '2023-10-30',
          rule: 'r',
        },
      },
      /; sitrep holds 9 assault incidents in IQ, SY from 2023-10-17 to 2023-10-30: 14 fewer than reported$/,
    ],
    [
      'single-source',
      { fact: fact({ status: 'single-source', sources: ['North Wire'] }), ledger: [], updates: [], counted: null },
      /^single-source \(North Wire\)$/,
    ],
    [
      'conflicting, both sides shown',
      {
        fact: fact({
          status: 'conflicting',
          sides: [
            { value: { low: 16, high: 16, qualifier: 'exact' }, claims: ['c1'], sources: ['North Wire'] },
            { value: { low: 23, high: 23, qualifier: 'exact' }, claims: ['c2'], sources: ['River Post', 'Hill Times'] },
          ],
        }),
        ledger: [],
        updates: [],
        counted: null,
      },
      /^conflicting: 16 per North Wire vs 23 per River Post, Hill Times$/,
    ],
    [
      'updated from an earlier count',
      {
        fact: fact({ value: { low: 100, high: null, qualifier: 'more-than' } }),
        ledger: [],
        updates: [fact({ id: 'f0', value: { low: 40, high: 40, qualifier: 'about' } })],
        counted: null,
      },
      /; updated from about 40 to more than 100$/,
    ],
  ];
  for (const [name, reported, expected] of cases) it(name, () => assert.match(describeStatus(reported), expected));
});

describe('citedQuotes', () => {
  const quote = (documentId: string, words: string, speaker: string | null): StoredMention => ({
    documentId,
    kind: 'quote',
    span: { start: 0, end: words.length },
    text: words,
    value: { speaker, speakerSpan: null, affiliation: null, quote: words },
    rule: 'quote/said',
    confidence: 0.9,
  });
  const documents = [
    { id: 'a', externalId: 'north-a', syndicationGroup: 'a' },
    { id: 'b', externalId: 'north-copy', syndicationGroup: 'a' },
    { id: 'c', externalId: 'river-c', syndicationGroup: 'c' },
  ];

  it('groups a quote by its words and counts copies of one story once', () => {
    const quotes = citedQuotes(
      [
        quote('a', 'We will answer at a time of our choosing.', 'Mara Lind'),
        quote('b', 'We will answer at a time of our choosing', 'Mara Lind'),
        quote('c', 'we will ANSWER at a time of our choosing!', null),
        quote('c', 'The road stays closed until the bridge is checked.', 'Ivo Sand'),
      ],
      documents,
    );
    assert.deepEqual(
      quotes.map((q) => [q.speaker, q.sources, q.documents]),
      [
        ['Mara Lind', 2, ['north-a', 'north-copy', 'river-c']],
        ['Ivo Sand', 1, ['river-c']],
      ],
    );
  });

  it('cleans footnote markers and page furniture out of a quote, and groups it with its clean copies', () => {
    const quotes = citedQuotes(
      [
        quote('a', 'We will answer at a time[1] of our choosing. Advertisement', 'Mara Lind'),
        quote('c', 'We will answer at a time of our choosing.', null),
      ],
      documents,
    );
    assert.deepEqual(
      quotes.map((q) => [q.quote, q.sources]),
      [['We will answer at a time of our choosing.', 2]],
    );
  });

  const negative: Array<[string, StoredMention[]]> = [
    ['a quote of fewer than four words', [quote('a', 'No comment.', 'Mara Lind')]],
    ['a quote from a document out of scope', [quote('zz', 'We will answer at a time of our choosing.', 'Mara Lind')]],
  ];
  for (const [name, mentions] of negative) it(`leaves out ${name}`, () => assert.deepEqual(citedQuotes(mentions, documents), []));
});

const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">';

const data = (extra: Partial<SituationData> = {}): SituationData => ({
  query: {},
  generatedAt: '2026-01-01T00:00:00.000Z',
  storeLocation: '/tmp/store.db',
  documents: [
    {
      id: 'd1',
      externalId: 'north-wire',
      source: 'North Wire',
      title: `Bases attacked ${HOSTILE}`,
      published: { start: '2023-10-31', end: '2023-10-31', inferred: false, rule: 'published/metadata' },
      syndicationGroup: 'd1',
    },
  ],
  sources: [{ source: `North Wire ${HOSTILE}`, documents: 1, first: '2023-10-31', last: '2023-10-31' }],
  weeks: [
    { week: '2023-10-30', reports: 1, incidents: { ASSAULT: 2 } },
    { week: '2023-11-06', reports: 0 },
  ],
  quotes: [{ quote: `We will answer ${HOSTILE}`, speaker: 'Mara Lind', affiliation: null, sources: 1, documents: ['north-wire'] }],
  facts: [
    {
      fact: fact(),
      ledger: [entry(), entry({ claimId: 'c2', externalId: 'river-post', source: 'River Post', text: `Twenty-three attacks ${HOSTILE}` })],
      updates: [],
      counted: null,
    },
  ],
  moreFacts: 0,
  incidents: [
    {
      id: 'i1',
      type: 'ASSAULT',
      modes: ['drone'],
      date: { start: '2023-10-30', end: '2023-10-30', precision: 'day' },
      place: {
        name: 'Al Asad Air Base',
        country: 'IQ',
        admin1: null,
        lat: 33.8,
        lon: 42.4,
        precision: 1,
        geonameId: null,
        rule: 'place/gazetteer',
      },
      initiator: [{ name: 'a militia' }],
      target: [{ name: 'U.S. forces' }],
      claimedBy: [],
      blamedOn: [],
      deniedBy: [],
      killed: null,
      injured: { low: 2, best: 2, high: 3, rule: 'fuse/median-of-sources' },
      events: ['e1', 'e2'],
      documents: ['d1'],
      sources: ['North Wire', 'River Post'],
      sourceCount: 2,
      aggregate: false,
      names: [],
      blockKeys: [],
    } satisfies Incident,
  ],
  moreIncidents: 0,
  responsibility: {},
  reported: [
    {
      factId: 'f1',
      category: 'attacks',
      noun: 'attacks',
      value: { low: 23, high: 23, qualifier: 'exact' },
      asOf: '2023-10-30',
      from: '2023-10-17',
      place: 'Iraq and Syria',
      status: 'corroborated',
      sources: 2,
    },
  ],
  ...extra,
});

describe('renderSituationMarkdown', () => {
  it('refers every figure to its ledger and lists the ledger with its sentences', () => {
    const md = renderSituationMarkdown(data());
    assert.match(
      md,
      /- \*\*23\*\* attacks, Iraq and Syria, 2023-10-17 – 2023-10-30: corroborated by 2 independent sources \(North Wire, River Post\) \(ledger L1\)/,
    );
    assert.match(
      md,
      /## Running totals as reported[\s\S]*23 attacks in Iraq and Syria, 2023-10-17 to 2023-10-30 \(corroborated, 2 sources\) \(ledger L1\)/,
    );
    assert.match(md, /### L1: 23 attacks[\s\S]*- north-wire \(North Wire, 2023-10-31\): 23 per a regional spokesman: “Militias attacked/);
    assert.match(
      md,
      /2023-10-30: ASSAULT \(drone\) at Al Asad Air Base; a militia against U\.S\. forces; 2 injured \(2–3\); 2 sources: North Wire, River Post/,
    );
    assert.match(md, /2023-10-30 .* 1 report +2 incidents \(ASSAULT 2\)/);
    assert.match(md, /“We will answer .*” \(Mara Lind; 1 source: north-wire\)/);
  });

  it('keeps a table whole when a title holds a pipe', () => {
    const md = renderSituationMarkdown(data({ documents: [{ ...data().documents[0]!, title: 'Strikes | live' }] }));
    assert.match(md, /\| north-wire \| North Wire \| 2023-10-31 \| Strikes \\\| live \|/);
  });
});

describe('claims, blames and denials in the report', () => {
  const incident = data().incidents[0] as Incident;
  const claimed = data({
    incidents: [
      {
        ...incident,
        claimedBy: [{ actor: { name: 'Islamic Resistance in Iraq' }, by: null, events: ['e1'] }],
        blamedOn: [{ actor: { name: "Kata'ib Hezbollah" }, by: { name: 'Department of Defense' }, events: ['e2'] }],
        deniedBy: [{ actor: { name: 'Hezbollah' }, by: null, events: ['e2'] }],
      },
    ],
    responsibility: {
      i1: [
        {
          kind: 'claim',
          actor: 'Islamic Resistance in Iraq',
          by: null,
          text: `The group claimed the attack ${HOSTILE}`,
          externalId: 'north-wire',
        },
        {
          kind: 'blame',
          actor: "Kata'ib Hezbollah",
          by: 'Department of Defense',
          text: 'The Pentagon blamed the militia.',
          externalId: 'river-post',
        },
      ],
    },
  });

  it('names them on the incident line and quotes each sentence with its report (Markdown)', () => {
    const md = renderSituationMarkdown(claimed);
    assert.match(
      md,
      /a militia against U\.S\. forces; claimed by Islamic Resistance in Iraq; blamed on Kata'ib Hezbollah by Department of Defense; denied by Hezbollah; 2 injured/,
    );
    assert.match(md, /\n {2}- blame \(Kata'ib Hezbollah, by Department of Defense\): “The Pentagon blamed the militia\.” \(river-post\)/);
  });

  it('quotes them escaped (HTML)', () => {
    const html = renderSituationHtml(claimed);
    assert.match(html, /<ul class="responsibility"><li>claim \(Islamic Resistance in Iraq\): “The group claimed the attack &lt;script&gt;/);
    assert.doesNotMatch(html, /<script>alert/);
  });

  it('adds nothing to an incident no one claims, blames or denies', () => {
    assert.doesNotMatch(renderSituationMarkdown(data()), /claimed by|blamed on|denied by|\n {2}- (claim|blame|denial) /);
  });
});

describe('renderSituationHtml', () => {
  it('links every figure to its ledger', () => {
    const html = renderSituationHtml(data());
    assert.match(html, /<a href="#ledger-L1"><strong>23<\/strong> attacks/);
    assert.match(html, /<h3 id="ledger-L1">L1: 23 attacks/);
    assert.match(html, /<span class="badge corroborated">corroborated<\/span>/);
  });

  it('escapes report text everywhere and forbids scripts', () => {
    const html = renderSituationHtml(data());
    assert.doesNotMatch(html, /<script|<img|onerror="/i, 'no markup from reports survives');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;'));
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  });

  const cases: Array<[string, string]> = [
    ['<b>', '&lt;b&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['plain words', 'plain words'],
  ];
  for (const [text, expected] of cases) it(`escapes ${text}`, () => assert.equal(escapeHtml(text), expected));
});

describe('the report reads top down', () => {
  const reported = (id: string, category: Fact['category'], sources: string[], extra: Partial<Fact> = {}): ReportedFact => ({
    fact: fact({ id, category, noun: null, sources, status: sources.length > 1 ? 'corroborated' : 'single-source', ...extra }),
    ledger: [entry({ claimId: `${id}-c` })],
    updates: [],
    counted: null,
  });
  const facts = [
    reported('f1', 'attacks', ['North Wire', 'River Post', 'Hill Times']),
    reported('f2', 'attacks', ['North Wire', 'River Post']),
    reported('f3', 'killed', ['North Wire', 'River Post']),
    reported('f4', 'injured', ['River Post']),
    reported('f5', 'troops', ['Hill Times']),
    reported('f6', 'displaced', ['North Wire']),
    reported('f7', 'strikes', ['North Wire']),
    reported('f8', 'attacks', ['North Wire', 'River Post', 'Hill Times', 'Lake Daily'], { updatedBy: ['f1'] }),
    reported('f9', 'killed', ['North Wire', 'Hill Times', 'Lake Daily'], {
      status: 'conflicting',
      sides: [
        { value: { low: 3, high: 3, qualifier: 'exact' }, claims: ['a'], sources: ['North Wire'] },
        { value: { low: 5, high: 5, qualifier: 'exact' }, claims: ['b'], sources: ['Hill Times', 'Lake Daily'] },
      ],
    }),
  ];

  it('chooses three to five key judgements, the best-backed current figure of each category, agreed figures first', () => {
    const chosen = keyJudgements(facts).map((r) => r.fact.id);
    assert.deepEqual(chosen, ['f1', 'f3', 'f4', 'f5', 'f6']);
    assert.equal(keyJudgements(facts.slice(0, 2)).length, 2, 'never more than there are');
    assert.deepEqual(
      keyJudgements([facts[0], facts[1], facts[2], facts[3]] as ReportedFact[]).map((r) => r.fact.id),
      ['f1', 'f3', 'f4'],
    );
    assert.deepEqual(
      keyJudgements([facts[0], facts[1]] as ReportedFact[]).map((r) => r.fact.id),
      ['f1', 'f2'],
      'fewer than three categories: the next best figures',
    );
  });

  it('opens with the cutoff, the period and the key judgements, each a figure with its status and ledger', () => {
    const md = renderSituationMarkdown(data({ facts, moreFacts: 0 }));
    const order = [
      '**Information cutoff: reports published up to 2023-10-31',
      'Period: 2023-10-31 to 2023-10-31',
      '## Key judgements',
      '## New and changed figures',
      '## Key figures',
      '## Disagreements',
      '## Incidents by place and type',
      '## Incidents\n',
      '## Most-cited quotes',
      '## Sources',
      '## Ledgers',
    ];
    const at = order.map((heading) => md.indexOf(heading));
    assert.ok(
      at.every((n) => n >= 0),
      `every part is there: ${order.filter((_h, i) => (at[i] ?? -1) < 0).join(', ')}`,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'in this order',
    );
    const judgements = md
      .slice(md.indexOf('## Key judgements'), md.indexOf('## New and changed'))
      .split('\n')
      .filter((l) => /^\d\. /.test(l));
    assert.equal(judgements.length, 5);
    for (const line of judgements) assert.match(line, /^\d\. \*\*.+: (corroborated|single-source) .*\(ledger L\d+\)$/);
    assert.match(
      md,
      /\| killed, Iraq and Syria, 2023-10-17 – 2023-10-30 \(ledger L9\) \| \*\*3\*\* per North Wire \| \*\*5\*\* per Hill Times, Lake Daily \|/,
      'the disagreement side by side',
    );
  });

  it('gives the information cutoff as the latest day a report in scope was published, never past the period asked for', () => {
    assert.deepEqual(informationCutoff(data()), { published: '2023-10-31', ingested: null });
    assert.equal(informationCutoff(data({ query: { until: '2023-10-20' } })).published, '2023-10-20');
    assert.equal(informationCutoff(data({ documents: [] })).published, null);
  });

  it('counts incidents by place and type', () => {
    const incident = data().incidents[0] as Incident;
    const table = incidentsByPlaceAndType([incident, { ...incident, id: 'i2', type: 'PROTEST' }, { ...incident, id: 'i3', place: null }]);
    assert.deepEqual(table.types, ['ASSAULT', 'PROTEST']);
    assert.deepEqual(table.rows, [
      { place: 'Al Asad Air Base, IQ', counts: [1, 1], total: 2 },
      { place: 'unknown place', counts: [1, 0], total: 1 },
    ]);
  });

  it('draws one trend chart per count, so attacks and people killed never share an axis', () => {
    const reportedTotals = [
      { ...(data().reported[0] as SituationData['reported'][number]) },
      {
        ...(data().reported[0] as SituationData['reported'][number]),
        factId: 'f3',
        category: 'killed',
        noun: 'people',
        value: { low: 9, high: 9, qualifier: 'exact' as const },
      },
    ];
    const html = renderSituationHtml(
      data({ facts, reported: reportedTotals, weeks: [{ week: '2023-10-30', reports: 1, incidents: { ASSAULT: 2 }, killed: 4 }] }),
    );
    const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]);
    assert.deepEqual(captions, [
      'Incidents per week, by type (most in a week: 2)',
      'People killed per week, in counted incidents (most in a week: 4)',
      'Reports per week (most in a week: 1)',
      'attacks: running totals as reported',
      'killed: running totals as reported',
    ]);
    const charts = html
      .split('<figure class="chart">')
      .slice(4)
      .map((c) => c.slice(0, c.indexOf('</figure>')));
    assert.ok(charts[0]?.includes('23 attacks') && !charts[0]?.includes('9 people'), 'the attacks chart holds attacks only');
    assert.ok(charts[1]?.includes('9 people') && !charts[1]?.includes('23 attacks'), 'the killed chart holds people killed only');
    assert.ok(html.indexOf('Information cutoff') < html.indexOf('Key judgements'));
    assert.match(
      html,
      /@media print\{[^}]*\}?.*tr,li,blockquote,figure\{break-inside:avoid\}/s,
      'rows and figures are never cut across pages',
    );
    assert.match(html, /thead\{display:table-header-group\}/, 'a table cut between pages repeats its header');
    for (const [, target] of html.matchAll(/<sup><a href="#(ledger-L\d+)"/g))
      assert.ok(html.includes(`id="${target}"`), `${target} exists`);
  });
});
