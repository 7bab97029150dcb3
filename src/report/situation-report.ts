/**
 * @module The situation report (`sitrep report`): key figures with their status and ledger, incidents in time
 * order, reports and incidents per week, the most-cited quotes and the sources, as Markdown or as one
 * self-contained HTML page. Gathering (from the store) and rendering (pure) are apart, so either can be tested alone.
 */
import { type CountedAgainst, countedAgainst, describeCounted } from './reported-counted.ts';
import type { Document } from '../model/document.ts';
import type { Fact, LedgerEntry } from '../model/fact.ts';
import type { Incident } from '../model/incident.ts';
import type { PlaceValue, QuoteValue } from '../model/mention.ts';
import type { SourceCount, Store, StoredMention } from '../store/store.ts';
import { weeklyCounts } from './weekly-counts.ts';
import { type ReportedTotal, weeklyTrends } from './weekly-trends.ts';

export type SituationFormat = 'md' | 'html';

/** What the report covers; every field narrows. */
export interface SituationQuery {
  /** Documents published on or after this ISO day. */
  readonly since?: string;
  /** Documents published on or before this ISO day. */
  readonly until?: string;
  /** Only documents mentioning this place (its name, first-level region or ISO country code, any case). */
  readonly place?: string;
}

/** A quote and how widely it was carried. */
export interface CitedQuote {
  readonly quote: string;
  /** The speaker most documents give, or null when none does. */
  readonly speaker: string | null;
  readonly affiliation: string | null;
  /** Independent sources (syndication groups) carrying it. */
  readonly sources: number;
  /** External ids of the documents carrying it, oldest first. */
  readonly documents: readonly string[];
}

/** A key figure with its ledger, for the report. */
export interface ReportedFact {
  readonly fact: Fact;
  readonly ledger: readonly LedgerEntry[];
  /** Earlier facts this one updates (a count that grew), latest first. */
  readonly updates: readonly Fact[];
  /** Reported against counted: the incidents the store holds against a reported count, or null. */
  readonly counted: CountedAgainst | null;
}

/** One ISO week of the report's period. */
export interface ReportWeek {
  /** The Monday it starts on. */
  readonly week: string;
  readonly reports: number;
  /** Incidents per PLOVER type, when the store has incidents. */
  readonly incidents?: Readonly<Record<string, number>>;
  /** Why the week is flagged as escalating, when a trend test flags it. */
  readonly flag?: string;
}

/** Everything the report shows, gathered from a store. */
export interface SituationData {
  readonly query: SituationQuery;
  /** When the report was made, ISO timestamp. */
  readonly generatedAt: string;
  readonly storeLocation: string;
  /** Stored documents in scope, oldest first. */
  readonly documents: ReadonlyArray<Pick<Document, 'id' | 'externalId' | 'source' | 'title' | 'published' | 'syndicationGroup'>>;
  readonly sources: readonly SourceCount[];
  readonly weeks: readonly ReportWeek[];
  readonly quotes: readonly CitedQuote[];
  /** Key figures: current ones first, then by independent sources. */
  readonly facts: readonly ReportedFact[];
  /** Facts left out of `facts` to keep the report readable. */
  readonly moreFacts: number;
  /** Incidents in time order. */
  readonly incidents: readonly Incident[];
  /** Incidents left out of `incidents`. */
  readonly moreIncidents: number;
  /** Running totals as reports give them, apart from the counted incidents. */
  readonly reported: readonly ReportedTotal[];
}

/** Quotes shown: the most widely carried. */
const TOP_QUOTES = 8;
/** Key figures shown; the rest are counted. */
const TOP_FACTS = 60;
/** Incidents listed; the rest are counted. */
const TOP_INCIDENTS = 100;
const STATUS_ORDER = { conflicting: 0, corroborated: 1, 'single-source': 2 } as const;
/** Above this many documents, the sources section lists outlets only, not every report. */
const LIST_DOCUMENTS_UP_TO = 200;
const PAGE = 1000;

/** Makes the report for `store` in `format`. */
export async function situationReport(store: Store, query: SituationQuery, format: SituationFormat, now = new Date()): Promise<string> {
  const data = await gatherSituation(store, query, now);
  return format === 'html' ? renderSituationHtml(data) : renderSituationMarkdown(data);
}

/** Reads what the report needs from the store. */
export async function gatherSituation(store: Store, query: SituationQuery, now = new Date()): Promise<SituationData> {
  const range = { ...(query.since ? { since: query.since } : {}), ...(query.until ? { until: query.until } : {}) };
  let documents: Document[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.documents.list({ status: 'stored', ...range, limit: PAGE, offset });
    documents.push(...page);
    if (page.length < PAGE) break;
  }
  const inScope = new Set(documents.map((d) => d.id));
  const quoteMentions: StoredMention[] = [];
  const placeMentions: StoredMention[] = [];
  for (const [kind, into] of [
    ['quote', quoteMentions],
    ['place', placeMentions],
  ] as const) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.mentions.list({ kind, limit: PAGE, offset });
      into.push(...page.filter((m) => inScope.has(m.documentId)));
      if (page.length < PAGE) break;
    }
  }
  if (query.place) {
    const wanted = query.place.trim().toLowerCase();
    const matching = new Set(placeMentions.filter((m) => placeMatches(m.value as PlaceValue, wanted)).map((m) => m.documentId));
    documents = documents.filter((d) => matching.has(d.id));
  }
  documents.sort((a, b) => (a.published?.start ?? '').localeCompare(b.published?.start ?? ''));
  const kept = new Set(documents.map((d) => d.id));
  const days = new Map<string, number>();
  for (const d of documents) if (d.published) days.set(d.published.start, (days.get(d.published.start) ?? 0) + 1);
  const reports = new Map(weeklyCounts([...days].map(([day, count]) => ({ day, count }))).map((w) => [w.week, w.count]));

  // A two-letter place is a country code; anything else is matched against place names.
  const where = query.place
    ? /^[A-Za-z]{2}$/.test(query.place.trim())
      ? { country: query.place.trim().toUpperCase() }
      : { place: query.place.trim() }
    : {};
  const trends = await weeklyTrends(store, { ...range, ...where });
  const weekKeys = [...new Set([...reports.keys(), ...trends.weeks.map((w) => w.week)])].sort();
  const byWeek = new Map(trends.weeks.map((w) => [w.week, w]));
  const weeks: ReportWeek[] = weekKeys.map((week) => {
    const incidents = byWeek.get(week);
    return {
      week,
      reports: reports.get(week) ?? 0,
      ...(incidents && incidents.incidents > 0 ? { incidents: incidents.byType } : {}),
      ...(incidents?.flag ? { flag: incidents.flag } : {}),
    };
  });

  const allFacts = await store.claims.facts({ ...range, ...where, limit: 100_000 });
  const ranked = [...allFacts].sort(
    (a, b) =>
      Number(a.updatedBy.length > 0) - Number(b.updatedBy.length > 0) ||
      b.sources.length - a.sources.length ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  );
  const byId = new Map(allFacts.map((f) => [f.id, f]));
  const facts: ReportedFact[] = [];
  for (const fact of ranked.slice(0, TOP_FACTS)) {
    const updates: Fact[] = [];
    for (const id of fact.updates) {
      const earlier = byId.get(id) ?? (await store.claims.fact(id));
      if (earlier) updates.push(earlier);
    }
    facts.push({ fact, ledger: await store.claims.ledger(fact.id), updates, counted: await countedAgainst(store, fact) });
  }
  const incidentQuery = { ...range, ...where };
  const incidentTotal = await store.events.countIncidents(incidentQuery);
  const incidents = (await store.events.incidents({ ...incidentQuery, limit: TOP_INCIDENTS })).sort((a, b) =>
    (a.date?.start ?? '').localeCompare(b.date?.start ?? ''),
  );
  return {
    query,
    generatedAt: now.toISOString(),
    storeLocation: store.location,
    documents: documents.map(({ id, externalId, source, title, published, syndicationGroup }) => ({
      id,
      externalId,
      source,
      title,
      published,
      syndicationGroup,
    })),
    sources: sourceCounts(documents),
    weeks,
    quotes: citedQuotes(
      quoteMentions.filter((m) => kept.has(m.documentId)),
      documents,
    ),
    facts,
    moreFacts: allFacts.length - facts.length,
    incidents,
    moreIncidents: incidentTotal - incidents.length,
    reported: trends.reported,
  };
}

function placeMatches(place: PlaceValue, wanted: string): boolean {
  if (place.metonymic) return false;
  return place.name.toLowerCase() === wanted || place.admin1?.toLowerCase() === wanted || place.country?.toLowerCase() === wanted;
}

function sourceCounts(documents: readonly Document[]): SourceCount[] {
  const bySource = new Map<string | null, { documents: number; first: string | null; last: string | null }>();
  for (const d of documents) {
    const entry = bySource.get(d.source) ?? { documents: 0, first: null, last: null };
    entry.documents++;
    if (d.published) {
      if (!entry.first || d.published.start < entry.first) entry.first = d.published.start;
      if (!entry.last || d.published.end > entry.last) entry.last = d.published.end;
    }
    bySource.set(d.source, entry);
  }
  return [...bySource]
    .map(([source, e]) => ({ source, ...e }))
    .sort((a, b) => b.documents - a.documents || (a.source ?? '').localeCompare(b.source ?? ''));
}

/**
 * Groups quote mentions by their words (case, spacing and punctuation aside) and ranks them by independent sources:
 * a statement many outlets carried is what a reader most needs to see.
 */
export function citedQuotes(
  mentions: readonly StoredMention[],
  documents: readonly Pick<Document, 'id' | 'externalId' | 'syndicationGroup'>[],
): CitedQuote[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const order = new Map(documents.map((d, i) => [d.id, i]));
  const groups = new Map<
    string,
    { quote: string; speakers: Map<string, number>; affiliation: string | null; groups: Set<string>; documents: Set<string> }
  >();
  for (const mention of mentions) {
    if (mention.kind !== 'quote') continue;
    const value = mention.value as QuoteValue;
    const key = value.quote
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (key.split(' ').length < 4) continue;
    const document = byId.get(mention.documentId);
    if (!document) continue;
    const group = groups.get(key) ?? {
      quote: value.quote,
      speakers: new Map(),
      affiliation: null,
      groups: new Set(),
      documents: new Set(),
    };
    if (value.speaker) group.speakers.set(value.speaker, (group.speakers.get(value.speaker) ?? 0) + 1);
    group.affiliation ??= value.affiliation;
    group.groups.add(document.syndicationGroup);
    group.documents.add(document.id);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({
      quote: g.quote,
      speaker: [...g.speakers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
      affiliation: g.affiliation,
      sources: g.groups.size,
      documents: [...g.documents].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map((id) => byId.get(id)?.externalId ?? id),
    }))
    .sort((a, b) => b.sources - a.sources || b.documents.length - a.documents.length || a.quote.localeCompare(b.quote))
    .slice(0, TOP_QUOTES);
}

/** "at least 14", "more than 1,400", "3–5", "about 2,500". */
export function formatValue(value: { low: number; high: number | null; qualifier: string }): string {
  const n = (x: number) => x.toLocaleString('en-US');
  switch (value.qualifier) {
    case 'at-least':
      return `at least ${n(value.low)}`;
    case 'more-than':
      return `more than ${n(value.low)}`;
    case 'about':
      return `about ${n(value.low)}`;
    case 'at-most':
      return `at most ${n(value.high ?? value.low)}`;
    case 'less-than':
      return `fewer than ${n(value.high ?? value.low)}`;
    default:
      return value.high === null ? `${n(value.low)} or more` : value.high === value.low ? n(value.low) : `${n(value.low)}–${n(value.high)}`;
  }
}

/** What a fact counts and where, for a heading: "attacks (separate times), Iraq, 2023-10-17 – 2023-10-30". */
function factScope(fact: Fact): string {
  const what = fact.noun && fact.noun !== fact.category ? `${fact.category} (${fact.noun})` : fact.category;
  const period = fact.period
    ? fact.period.start === fact.period.end
      ? fact.period.start
      : `${fact.period.start} – ${fact.period.end}`
    : null;
  return [what, fact.place?.name, period].filter(Boolean).join(', ');
}

/** The status as a reader needs it: who backs the figure, or both sides of a conflict, or what it grew from. */
export function describeStatus(reported: ReportedFact): string {
  const { fact, updates } = reported;
  const n = fact.sources.length;
  let status: string;
  const said = fact.primarySources.length;
  const from = said === 0 ? '' : ` from ${said} primary source${said === 1 ? '' : 's'} (${fact.primarySources.join('; ')})`;
  if (fact.status === 'corroborated') status = `corroborated by ${n} independent sources (${fact.sources.join(', ')})${from}`;
  else if (fact.status === 'single-source') status = `single-source (${fact.sources.join(', ') || 'unnamed'})`;
  else status = `conflicting: ${fact.sides.map((s) => `${formatValue(s.value)} per ${s.sources.join(', ')}`).join(' vs ')}`;
  const earlier = updates[updates.length - 1];
  if (earlier) status = `${status}; updated from ${formatValue(earlier.value)} to ${formatValue(fact.value)}`;
  return reported.counted ? `${status}; ${describeCounted(reported.counted)}` : status;
}

function period(query: SituationQuery, documents: SituationData['documents']): string {
  const dated = documents.filter((d) => d.published);
  const first = query.since ?? dated[0]?.published?.start;
  const last =
    query.until ??
    dated.reduce<string | undefined>((max, d) => (!max || (d.published?.end ?? '') > max ? d.published?.end : max), undefined);
  return first && last ? `${first} to ${last}` : 'no dated reports';
}

function incidentLine(incident: Incident): string {
  const when = incident.date
    ? incident.date.start === incident.date.end
      ? incident.date.start
      : `${incident.date.start} – ${incident.date.end}`
    : 'undated';
  const names = (actors: Incident['initiator']) => actors.map((a) => a.name).join(', ');
  const who =
    incident.initiator.length + incident.target.length > 0
      ? `${names(incident.initiator) || 'unnamed'} against ${names(incident.target) || 'unnamed'}`
      : 'actors not named';
  const count = (c: Incident['killed'], what: string) =>
    c ? `${c.best} ${what}${c.low !== c.best || c.high !== c.best ? ` (${c.low}–${c.high ?? '?'})` : ''}` : null;
  const toll = [count(incident.killed, 'killed'), count(incident.injured, 'injured')].filter(Boolean).join(', ');
  const modes = incident.modes.length > 0 ? ` (${incident.modes.join(', ')})` : '';
  const sources = `${incident.sourceCount} source${incident.sourceCount === 1 ? '' : 's'}${incident.sources.length > 0 ? `: ${incident.sources.join(', ')}` : ''}`;
  return `${when}: ${incident.type}${modes} at ${incident.place?.name ?? 'an unknown place'}; ${who}${toll ? `; ${toll}` : ''}; ${sources}${incident.aggregate ? '; a tally of many' : ''}`;
}

/** Where each fact's ledger is in the report, by fact id: `L3` for the third key figure. */
function ledgerNumbers(facts: readonly ReportedFact[]): Map<string, string> {
  return new Map(facts.map((r, i) => [r.fact.id, `L${i + 1}`]));
}

function reportedLine(total: ReportedTotal): string {
  return `${formatValue(total.value)} ${total.noun ?? total.category}${total.place ? ` in ${total.place}` : ''}, ${total.from} to ${total.asOf} (${total.status}, ${total.sources} source${total.sources === 1 ? '' : 's'})`;
}

function scopeLine(data: SituationData): string {
  return [data.query.place ? `place: ${data.query.place}` : null, `period: ${period(data.query, data.documents)}`]
    .filter(Boolean)
    .join('; ');
}

/** A Markdown table cell: pipes and line breaks would break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** The report as Markdown. Every figure refers to its ledger by number (L1, L2, …), listed at the end. */
export function renderSituationMarkdown(data: SituationData): string {
  const lines: string[] = [];
  const ledgers = ledgerNumbers(data.facts);
  lines.push(
    '# Situation report',
    '',
    `${data.documents.length} reports from ${data.sources.length} sources; ${scopeLine(data)}.`,
    `Made ${data.generatedAt} from ${data.storeLocation}.`,
    '',
  );

  lines.push('## Key figures', '');
  if (data.facts.length === 0) lines.push('No figures found in these reports.');
  for (const reported of data.facts)
    lines.push(
      `- **${formatValue(reported.fact.value)}** ${factScope(reported.fact)}: ${describeStatus(reported)} (ledger ${ledgers.get(reported.fact.id)})`,
    );
  if (data.moreFacts > 0) lines.push(`- … and ${data.moreFacts} more facts: \`sitrep serve\` lists them all.`);
  lines.push('');

  if (data.reported.length > 0) {
    lines.push(
      '## Running totals as reported',
      '',
      'Figures reports give for a period, as reported; they are not added to the counted incidents below.',
      '',
    );
    for (const total of data.reported)
      lines.push(
        `- ${reportedLine(total)}${ledgers.has(total.factId) ? ` (ledger ${ledgers.get(total.factId)})` : ` (fact ${total.factId})`}`,
      );
    lines.push('');
  }

  lines.push('## Incidents', '');
  if (data.incidents.length === 0) lines.push('No incidents found in these reports.');
  for (const incident of data.incidents) lines.push(`- ${incidentLine(incident)}`);
  if (data.moreIncidents > 0) lines.push(`- … and ${data.moreIncidents} earlier incidents.`);
  lines.push('');

  lines.push('## Incidents and reports per week', '');
  if (data.weeks.length === 0) lines.push('No dated reports or incidents.', '');
  else {
    const max = Math.max(1, ...data.weeks.map((w) => w.reports));
    lines.push('```');
    for (const week of data.weeks) {
      const incidents = week.incidents ? Object.entries(week.incidents).sort((a, b) => b[1] - a[1]) : [];
      const total = incidents.reduce((n, [, k]) => n + k, 0);
      lines.push(
        `${week.week}  ${'█'.repeat(Math.round((week.reports / max) * 24)).padEnd(24)} ${String(week.reports).padStart(3)} report${week.reports === 1 ? ' ' : 's'}  ${String(total).padStart(3)} incident${total === 1 ? ' ' : 's'}${incidents.length > 0 ? ` (${incidents.map(([type, n]) => `${type} ${n}`).join(', ')})` : ''}${week.flag ? `  ▲ ${week.flag}` : ''}`,
      );
    }
    lines.push('```', '');
  }

  lines.push('## Most-cited quotes', '');
  if (data.quotes.length === 0) lines.push('No quotes found in these reports.', '');
  for (const q of data.quotes) {
    const who = q.speaker ? `${q.speaker}${q.affiliation ? ` (${q.affiliation})` : ''}` : 'unattributed';
    lines.push(`- “${q.quote}” (${who}; ${q.sources} source${q.sources === 1 ? '' : 's'}: ${q.documents.join(', ')})`);
  }
  if (data.quotes.length > 0) lines.push('');

  lines.push('## Sources', '', '| source | reports | period |', '| --- | ---: | --- |');
  for (const s of data.sources)
    lines.push(`| ${cell(s.source ?? 'unnamed')} | ${s.documents} | ${s.first ? `${s.first} – ${s.last}` : 'undated'} |`);
  lines.push('');
  if (data.documents.length <= LIST_DOCUMENTS_UP_TO && data.documents.length > 0) {
    lines.push('| report | source | published | title |', '| --- | --- | --- | --- |');
    for (const d of data.documents)
      lines.push(
        `| ${cell(d.externalId)} | ${cell(d.source ?? '')} | ${d.published ? `${d.published.start}${d.published.inferred ? '*' : ''}` : ''} | ${cell(d.title ?? '')} |`,
      );
    lines.push('', '`*` publication date inferred from the text.', '');
  }

  if (data.facts.length > 0) {
    lines.push('## Ledgers', '');
    for (const reported of data.facts) {
      lines.push(`### ${ledgers.get(reported.fact.id)}: ${formatValue(reported.fact.value)} ${factScope(reported.fact)}`, '');
      for (const entry of reported.ledger) {
        lines.push(
          `- ${entry.externalId} (${entry.source ?? 'unnamed source'}, ${entry.published ?? 'undated'}): ${formatValue(entry.value)}${entry.attribution ? ` per ${entry.attribution.text}` : ''}${entry.modality === 'asserted' ? '' : ` [${entry.modality}]`}: “${entry.text.replace(/\s+/g, ' ').trim()}” [${entry.rule}; characters ${entry.span.start}–${entry.span.end}]`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML: every character that could open markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const TYPE_COLOURS: Record<string, string> = {
  ASSAULT: '#b8322a',
  MOBILIZE: '#3f6fb0',
  COERCE: '#d08a2b',
  THREATEN: '#8c5bb0',
  ACCUSE: '#5c9e8f',
  DEATH: '#333333',
};

/** A bar per week: incidents stacked by type, or reports. */
function weeksSvg(weeks: readonly ReportWeek[], of: 'incidents' | 'reports'): string {
  const width = 720;
  const height = 150;
  const step = width / Math.max(1, weeks.length);
  const parts = (w: ReportWeek): Array<[string, number]> =>
    of === 'reports' ? [['reports', w.reports]] : Object.entries(w.incidents ?? {}).sort((a, b) => a[0].localeCompare(b[0]));
  const max = Math.max(1, ...weeks.map((w) => parts(w).reduce((n, [, k]) => n + k, 0)));
  const bars = weeks
    .map((w, i) => {
      let base = 0;
      return parts(w)
        .map(([label, value]) => {
          const h = (value / max) * (height - 30);
          const y = height - 20 - base - h;
          base += h;
          const colour = of === 'reports' ? '#7a93b5' : (TYPE_COLOURS[label] ?? '#9aa5b1');
          return `<rect x="${(i * step + step * 0.1).toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escapeHtml(`Week of ${w.week}: ${value} ${label}`)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  const labels = weeks
    .map((w, i) =>
      i === 0 || w.week.slice(5, 7) !== weeks[i - 1]?.week.slice(5, 7)
        ? `<text x="${(i * step).toFixed(1)}" y="${height - 5}" font-size="10">${escapeHtml(w.week.slice(0, 7))}</text>`
        : '',
    )
    .join('');
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${of} per week"><text x="0" y="10" font-size="10">${of} per week (max ${max})</text>${bars}${labels}</svg>`;
}

/**
 * The report as one HTML page with no scripts and a policy that forbids them; every figure links to its ledger
 * further down the page. Report text is escaped, never trusted as markup.
 */
export function renderSituationHtml(data: SituationData): string {
  const e = escapeHtml;
  const ledgers = ledgerNumbers(data.facts);
  const toLedger = (factId: string, text: string) =>
    ledgers.has(factId) ? `<a href="#ledger-${e(ledgers.get(factId) ?? '')}">${text}</a>` : text;
  const parts: string[] = [];
  parts.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>Situation report</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1d232b;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d8dee6;padding:.25rem .4rem;text-align:left;vertical-align:top}.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.85em;background:#e6eef6}.corroborated{background:#cdebd3}.conflicting{background:#f6d3cf}.single-source{background:#f3ecc8}.muted{color:#5b6673}blockquote{margin:.3rem 0 .3rem 1rem}svg{width:100%;height:auto}</style>',
    '</head><body>',
    '<h1>Situation report</h1>',
    `<p>${data.documents.length} reports from ${data.sources.length} sources; ${e(scopeLine(data))}.<br><span class="muted">Made ${e(data.generatedAt)} from ${e(data.storeLocation)}.</span></p>`,
    '<h2>Key figures</h2>',
  );
  if (data.facts.length === 0) parts.push('<p>No figures found in these reports.</p>');
  else
    parts.push(
      '<ul>',
      ...data.facts.map(
        (r) =>
          `<li>${toLedger(r.fact.id, `<strong>${e(formatValue(r.fact.value))}</strong> ${e(factScope(r.fact))}`)} <span class="badge ${e(r.fact.status)}">${e(r.fact.status)}</span> ${e(describeStatus(r))}</li>`,
      ),
      data.moreFacts > 0 ? `<li class="muted">… and ${data.moreFacts} more facts: <code>sitrep serve</code> lists them all.</li>` : '',
      '</ul>',
    );
  if (data.reported.length > 0)
    parts.push(
      '<h2>Running totals as reported</h2><p class="muted">Figures reports give for a period, as reported; they are not added to the counted incidents below.</p><ul>',
      ...data.reported.map((t) => `<li>${toLedger(t.factId, e(reportedLine(t)))}</li>`),
      '</ul>',
    );
  parts.push('<h2>Incidents</h2>');
  if (data.incidents.length === 0) parts.push('<p>No incidents found in these reports.</p>');
  else parts.push('<ol>', ...data.incidents.map((i) => `<li>${e(incidentLine(i))}</li>`), '</ol>');
  if (data.moreIncidents > 0) parts.push(`<p class="muted">… and ${data.moreIncidents} earlier incidents.</p>`);
  parts.push('<h2>Incidents and reports per week</h2>');
  if (data.weeks.length === 0) parts.push('<p>No dated reports or incidents.</p>');
  else parts.push(weeksSvg(data.weeks, 'incidents'), weeksSvg(data.weeks, 'reports'));
  const flagged = data.weeks.filter((w) => w.flag);
  if (flagged.length > 0) parts.push('<ul>', ...flagged.map((w) => `<li>Week of ${e(w.week)}: ${e(w.flag ?? '')}</li>`), '</ul>');
  parts.push('<h2>Most-cited quotes</h2>');
  if (data.quotes.length === 0) parts.push('<p>No quotes found in these reports.</p>');
  for (const q of data.quotes) {
    const who = q.speaker ? `${q.speaker}${q.affiliation ? ` (${q.affiliation})` : ''}` : 'unattributed';
    parts.push(
      `<blockquote>“${e(q.quote)}”<br><span class="muted">${e(who)}; ${q.sources} source${q.sources === 1 ? '' : 's'}: ${e(q.documents.join(', '))}</span></blockquote>`,
    );
  }
  parts.push('<h2>Sources</h2><table><thead><tr><th>source</th><th>reports</th><th>period</th></tr></thead><tbody>');
  for (const s of data.sources)
    parts.push(
      `<tr><td>${e(s.source ?? 'unnamed')}</td><td>${s.documents}</td><td>${s.first ? e(`${s.first} – ${s.last}`) : 'undated'}</td></tr>`,
    );
  parts.push('</tbody></table>');
  if (data.documents.length <= LIST_DOCUMENTS_UP_TO && data.documents.length > 0) {
    parts.push('<h3>Reports</h3><table><thead><tr><th>report</th><th>source</th><th>published</th><th>title</th></tr></thead><tbody>');
    for (const d of data.documents)
      parts.push(
        `<tr><td>${e(d.externalId)}</td><td>${e(d.source ?? '')}</td><td>${d.published ? e(`${d.published.start}${d.published.inferred ? '*' : ''}`) : ''}</td><td>${e(d.title ?? '')}</td></tr>`,
      );
    parts.push('</tbody></table><p class="muted">* publication date inferred from the text.</p>');
  }
  if (data.facts.length > 0) {
    parts.push('<h2>Ledgers</h2>');
    for (const r of data.facts) {
      const number = ledgers.get(r.fact.id) ?? '';
      parts.push(`<h3 id="ledger-${e(number)}">${e(number)}: ${e(formatValue(r.fact.value))} ${e(factScope(r.fact))}</h3><ol>`);
      for (const entry of r.ledger)
        parts.push(
          `<li>${e(entry.externalId)} <span class="muted">(${e(entry.source ?? 'unnamed source')}, ${e(entry.published ?? 'undated')})</span>: ${e(formatValue(entry.value))}${entry.attribution ? ` per ${e(entry.attribution.text)}` : ''}${entry.modality === 'asserted' ? '' : ` [${e(entry.modality)}]`}<blockquote>${e(entry.text)}</blockquote><span class="muted">${e(entry.rule)}; characters ${entry.span.start}–${entry.span.end}</span></li>`,
        );
      parts.push('</ol>');
    }
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
