/**
 * @module The situation report (`sitrep report`): key figures with their status and ledger, incidents in time
 * order, reports and incidents per week, the most-cited quotes and the sources, as Markdown or as one
 * self-contained HTML page. Gathering (from the store) and rendering (pure) are apart, so either can be tested alone.
 */
import { type CountedAgainst, countedAgainst, describeCounted } from './reported-counted.ts';
import type { Document } from '../model/document.ts';
import type { Fact, LedgerEntry } from '../model/fact.ts';
import type { ResponsibilityKind } from '../model/event.ts';
import type { Incident } from '../model/incident.ts';
import type { PlaceValue, QuoteValue } from '../model/mention.ts';
import type { SourceCount, Store, StoredMention } from '../store/store.ts';
import { cleanQuote } from './clean-quote.ts';
import { formatValue } from './format-value.ts';
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
  /** People killed in the week's incidents (best estimates summed), when the store has incidents. */
  readonly killed?: number;
  /** Why the week is flagged as escalating, when a trend test flags it. */
  readonly flag?: string;
}

/** One claim, blame or denial of an incident as a report says it. */
export interface ResponsibilitySentence {
  readonly kind: ResponsibilityKind;
  readonly actor: string;
  /** Who blames, or speaks for the denier; null where the sentence names no one else. */
  readonly by: string | null;
  /** The sentence that says it. */
  readonly text: string;
  /** The report it comes from, as users know it. */
  readonly externalId: string;
}

/** Everything the report shows, gathered from a store. */
export interface SituationData {
  readonly query: SituationQuery;
  /** When the report was made, ISO timestamp. */
  readonly generatedAt: string;
  readonly storeLocation: string;
  /** Stored documents in scope, oldest first. */
  readonly documents: ReadonlyArray<
    Pick<Document, 'id' | 'externalId' | 'source' | 'title' | 'published' | 'syndicationGroup'> & { readonly ingestedAt?: string }
  >;
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
  /** The sentences that claim, blame or deny the listed incidents, by incident id, in report order. */
  readonly responsibility: Readonly<Record<string, readonly ResponsibilitySentence[]>>;
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
      ...(incidents && incidents.incidents > 0 ? { incidents: incidents.byType, killed: incidents.killed } : {}),
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
    documents: documents.map(({ id, externalId, source, title, published, syndicationGroup, ingestedAt }) => ({
      id,
      externalId,
      source,
      title,
      published,
      syndicationGroup,
      ingestedAt,
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
    responsibility: await responsibilitySentences(store, incidents),
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
    const quote = cleanQuote(value.quote);
    const key = quote
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (key.split(' ').length < 4) continue;
    const document = byId.get(mention.documentId);
    if (!document) continue;
    const group = groups.get(key) ?? {
      quote,
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

/**
 * Who backs the figure, for after its status badge, which already says the status: `describeStatus` without its
 * first word ("by 6 independent sources (…)", "from North Wire", or both sides), so both always say the same.
 */
function describeBacking(reported: ReportedFact): string {
  const word = reported.fact.status;
  const status = describeStatus(reported);
  const rest = status.startsWith(word) ? status.slice(word.length).replace(/^:?\s*/, '') : status;
  return word === 'single-source' ? `from ${rest.replace(/^\((.*?)\)/, '$1')}` : rest;
}

function period(query: SituationQuery, documents: SituationData['documents']): string {
  const dated = documents.filter((d) => d.published);
  const first = query.since ?? dated[0]?.published?.start;
  const last =
    query.until ??
    dated.reduce<string | undefined>((max, d) => (!max || (d.published?.end ?? '') > max ? d.published?.end : max), undefined);
  return first && last ? `${first} to ${last}` : 'no dated reports';
}

const RESPONSIBILITY_FIELDS = [
  ['claim', 'claimedBy'],
  ['blame', 'blamedOn'],
  ['denial', 'deniedBy'],
] as const;

/** The sentences behind the listed incidents' claims, blames and denials, read from their events. */
async function responsibilitySentences(store: Store, incidents: readonly Incident[]): Promise<Record<string, ResponsibilitySentence[]>> {
  const out: Record<string, ResponsibilitySentence[]> = {};
  for (const incident of incidents) {
    if (incident.claimedBy.length + incident.blamedOn.length + incident.deniedBy.length === 0) continue;
    const sentences: ResponsibilitySentence[] = [];
    for (const event of await store.events.list({ incidentId: incident.id })) {
      for (const [kind, field] of RESPONSIBILITY_FIELDS) {
        for (const r of event[field]) {
          if (sentences.some((x) => x.kind === kind && x.actor === r.actor.name && x.text === r.text)) continue;
          sentences.push({ kind, actor: r.actor.name, by: r.by?.name ?? null, text: r.text, externalId: event.externalId });
        }
      }
    }
    out[incident.id] = sentences;
  }
  return out;
}

/** Who claims, is blamed for and denies an incident, as one phrase: "claimed by X; blamed on Y by Z; denied by W". */
function responsibilityPhrase(incident: Incident): string {
  const list = (entries: Incident['claimedBy'], verb: string) =>
    entries.length === 0 ? null : `${verb} ${entries.map((r) => (r.by ? `${r.actor.name} by ${r.by.name}` : r.actor.name)).join(', ')}`;
  return [list(incident.claimedBy, 'claimed by'), list(incident.blamedOn, 'blamed on'), list(incident.deniedBy, 'denied by')]
    .filter(Boolean)
    .join('; ');
}

const KIND_WORDS: Readonly<Record<ResponsibilityKind, string>> = { claim: 'claim', blame: 'blame', denial: 'denial' };

/** One sentence behind a claim, blame or denial, as the report quotes it. */
function responsibilityLine(s: ResponsibilitySentence): string {
  return `${KIND_WORDS[s.kind]} (${s.actor}${s.by ? `, by ${s.by}` : ''}): “${s.text.replace(/\s+/g, ' ').trim()}” (${s.externalId})`;
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
  const responsibility = responsibilityPhrase(incident);
  return `${when}: ${incident.type}${modes} at ${incident.place?.name ?? 'an unknown place'}; ${who}${responsibility ? `; ${responsibility}` : ''}${toll ? `; ${toll}` : ''}; ${sources}${incident.aggregate ? '; a tally of many' : ''}`;
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

/** Key judgements: at least this many when the report has them, at most `MAX_JUDGEMENTS`. */
const MIN_JUDGEMENTS = 3;
const MAX_JUDGEMENTS = 5;
/** Figures first reported this many days before the cutoff, or later, are new. */
const NEW_DAYS = 7;
/** Places and types in the incidents table. */
const TOP_PLACES = 10;
const TOP_TYPES = 6;

/** What the report's information runs to: the latest day a report in scope was published, and the latest it was stored. */
export function informationCutoff(data: SituationData): { published: string | null; ingested: string | null } {
  let published: string | null = null;
  let ingested: string | null = null;
  for (const d of data.documents) {
    if (d.published && (!published || d.published.end > published)) published = d.published.end;
    if (d.ingestedAt && (!ingested || d.ingestedAt > ingested)) ingested = d.ingestedAt;
  }
  if (data.query.until && published && published > data.query.until) published = data.query.until;
  return { published, ingested };
}

/**
 * Three to five key judgements, each a current figure with its status: the best-backed figure of each category
 * (conflicts after agreed figures, so a judgement leads with what is known), then, when fewer than three
 * categories have figures, the next best-backed figures.
 */
export function keyJudgements(facts: readonly ReportedFact[]): ReportedFact[] {
  const current = facts
    .filter((r) => r.fact.updatedBy.length === 0)
    .sort(
      (a, b) =>
        Number(a.fact.status === 'conflicting') - Number(b.fact.status === 'conflicting') ||
        b.fact.sources.length - a.fact.sources.length ||
        STATUS_ORDER[a.fact.status] - STATUS_ORDER[b.fact.status],
    );
  const chosen: ReportedFact[] = [];
  const categories = new Set<string>();
  for (const r of current) {
    if (chosen.length >= MAX_JUDGEMENTS) break;
    if (categories.has(r.fact.category)) continue;
    categories.add(r.fact.category);
    chosen.push(r);
  }
  for (const r of current) {
    if (chosen.length >= MIN_JUDGEMENTS) break;
    if (!chosen.includes(r)) chosen.push(r);
  }
  return chosen;
}

/** Figures that changed (a later count updates an earlier one) and figures first reported in the last days before the cutoff. */
export function newAndChanged(data: SituationData): { changed: ReportedFact[]; fresh: ReportedFact[] } {
  const cutoff = informationCutoff(data).published;
  const since = cutoff ? new Date(Date.parse(cutoff) - NEW_DAYS * 86_400_000).toISOString().slice(0, 10) : null;
  const changed = data.facts.filter((r) => r.updates.length > 0 && r.fact.updatedBy.length === 0);
  const fresh = data.facts.filter((r) => {
    if (r.updates.length > 0 || !since) return false;
    const first = r.ledger.map((e) => e.published ?? '').sort()[0] ?? '';
    return first >= since;
  });
  return { changed, fresh };
}

/** Incidents counted by place and type: the places with most incidents, the commonest types, and the rest summed. */
export function incidentsByPlaceAndType(incidents: readonly Incident[]): {
  types: string[];
  rows: Array<{ place: string; counts: number[]; total: number }>;
} {
  const typeCounts = new Map<string, number>();
  for (const i of incidents) typeCounts.set(i.type, (typeCounts.get(i.type) ?? 0) + 1);
  const top = [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
  const types = top.length > TOP_TYPES ? [...top.slice(0, TOP_TYPES - 1), 'other'] : top;
  const byPlace = new Map<string, number[]>();
  for (const i of incidents) {
    const place = i.place ? `${i.place.name}${i.place.country ? `, ${i.place.country}` : ''}` : 'unknown place';
    const counts = byPlace.get(place) ?? types.map(() => 0);
    const column = types.indexOf(i.type);
    counts[column >= 0 ? column : types.length - 1] = (counts[column >= 0 ? column : types.length - 1] ?? 0) + 1;
    byPlace.set(place, counts);
  }
  const rows = [...byPlace]
    .map(([place, counts]) => ({ place, counts, total: counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.place.localeCompare(b.place));
  if (rows.length > TOP_PLACES) {
    const rest = rows.splice(TOP_PLACES - 1);
    const counts = types.map((_t, k) => rest.reduce((n, r) => n + (r.counts[k] ?? 0), 0));
    rows.push({ place: `${rest.length} other places`, counts, total: counts.reduce((a, b) => a + b, 0) });
  }
  return { types, rows };
}

/** Running totals by category: one chart (and one list) each, so attacks and people killed never share an axis. */
function reportedByCategory(reported: readonly ReportedTotal[]): Map<string, ReportedTotal[]> {
  const by = new Map<string, ReportedTotal[]>();
  for (const r of reported) by.set(r.category, [...(by.get(r.category) ?? []), r]);
  for (const list of by.values()) list.sort((a, b) => a.asOf.localeCompare(b.asOf));
  return by;
}

function judgementLine(r: ReportedFact): string {
  return `${formatValue(r.fact.value)} ${factScope(r.fact)}: ${describeStatus(r)}`;
}

function cutoffLine(data: SituationData): string {
  const cutoff = informationCutoff(data);
  return cutoff.published
    ? `Information cutoff: reports published up to ${cutoff.published}${cutoff.ingested ? ` (stored by ${cutoff.ingested.replace('T', ' ').slice(0, 16)} UTC)` : ''}.`
    : 'Information cutoff: no dated reports.';
}

/** The report as Markdown, top down: cutoff and key judgements, then the detail; every figure refers to its ledger (L1, L2, …). */
export function renderSituationMarkdown(data: SituationData): string {
  const lines: string[] = [];
  const ledgers = ledgerNumbers(data.facts);
  const note = (factId: string) => (ledgers.has(factId) ? ` (ledger ${ledgers.get(factId)})` : ` (fact ${factId})`);
  lines.push(
    '# Situation report',
    '',
    `**${cutoffLine(data)}** Period: ${period(data.query, data.documents)}${data.query.place ? `; place: ${data.query.place}` : ''}.`,
    '',
    `${data.documents.length} reports from ${data.sources.length} sources; ${scopeLine(data)}. Made ${data.generatedAt} from ${data.storeLocation}.`,
    '',
  );

  lines.push('## Key judgements', '');
  const judgements = keyJudgements(data.facts);
  if (judgements.length === 0) lines.push('No figures found in these reports.');
  judgements.forEach((r, i) => lines.push(`${i + 1}. **${judgementLine(r)}**${note(r.fact.id)}`));
  lines.push('');

  const { changed, fresh } = newAndChanged(data);
  lines.push('## New and changed figures', '');
  if (changed.length + fresh.length === 0) lines.push(`No figure changed or first reported in the ${NEW_DAYS} days before the cutoff.`);
  for (const r of changed) {
    const earlier = r.updates[r.updates.length - 1] as Fact;
    lines.push(
      `- Changed: **${formatValue(r.fact.value)}** ${factScope(r.fact)}, up from ${formatValue(earlier.value)}; ${r.fact.status}${note(r.fact.id)}`,
    );
  }
  for (const r of fresh) lines.push(`- New: **${formatValue(r.fact.value)}** ${factScope(r.fact)}; ${r.fact.status}${note(r.fact.id)}`);
  lines.push('');

  lines.push('## Key figures', '');
  if (data.facts.length === 0) lines.push('No figures found in these reports.');
  for (const reported of data.facts)
    lines.push(
      `- **${formatValue(reported.fact.value)}** ${factScope(reported.fact)}: ${describeStatus(reported)}${note(reported.fact.id)}`,
    );
  if (data.moreFacts > 0) lines.push(`- … and ${data.moreFacts} more facts: \`sitrep serve\` lists them all.`);
  lines.push('');

  const conflicts = data.facts.filter((r) => r.fact.status === 'conflicting');
  if (conflicts.length > 0) {
    lines.push('## Disagreements', '', 'Where sources give different figures for one count, side by side.', '');
    lines.push('| figure | one side | other side |', '| --- | --- | --- |');
    for (const r of conflicts) {
      const [a, b, ...more] = r.fact.sides;
      const side = (x: (typeof r.fact.sides)[number] | undefined) => (x ? `**${formatValue(x.value)}** per ${x.sources.join(', ')}` : '');
      lines.push(
        `| ${cell(`${factScope(r.fact)}${note(r.fact.id)}`)} | ${cell(side(a))} | ${cell([side(b), ...more.map(side)].join('; '))} |`,
      );
    }
    lines.push('');
  }

  lines.push('## Incidents by place and type', '');
  const table = incidentsByPlaceAndType(data.incidents);
  if (table.rows.length === 0) lines.push('No incidents found in these reports.', '');
  else {
    lines.push(`| place | ${table.types.join(' | ')} | total |`, `| --- | ${table.types.map(() => '---:').join(' | ')} | ---: |`);
    for (const row of table.rows) lines.push(`| ${cell(row.place)} | ${row.counts.join(' | ')} | ${row.total} |`);
    lines.push('');
  }

  lines.push('## Incidents', '');
  if (data.incidents.length === 0) lines.push('No incidents found in these reports.');
  for (const incident of data.incidents) {
    lines.push(`- ${incidentLine(incident)}`);
    for (const sentence of data.responsibility[incident.id] ?? []) lines.push(`  - ${responsibilityLine(sentence)}`);
  }
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
        `${week.week}  ${'█'.repeat(Math.round((week.reports / max) * 24)).padEnd(24)} ${String(week.reports).padStart(3)} report${week.reports === 1 ? ' ' : 's'}  ${String(total).padStart(3)} incident${total === 1 ? ' ' : 's'}${incidents.length > 0 ? ` (${incidents.map(([type, n]) => `${type} ${n}`).join(', ')})` : ''}${week.killed ? `; ${week.killed} killed` : ''}${week.flag ? `  ▲ ${week.flag}` : ''}`,
      );
    }
    lines.push('```', '');
  }

  if (data.reported.length > 0) {
    lines.push(
      '## Running totals as reported',
      '',
      'Figures reports give for a period, as reported, one list per category; they are not added to the counted incidents above.',
      '',
    );
    for (const [category, totals] of reportedByCategory(data.reported)) {
      lines.push(`### ${category}`, '');
      for (const total of totals) lines.push(`- ${reportedLine(total)}${note(total.factId)}`);
      lines.push('');
    }
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
          `- ${entry.externalId} (${entry.source ?? 'unnamed source'}, ${entry.published ?? 'undated'}): ${formatValue(entry.value)}${entry.attribution ? ` per ${entry.attribution.text}` : ''}${entry.modality === 'asserted' ? '' : ` [${entry.modality}]`}: “${cleanQuote(entry.text)}” [${entry.rule}; characters ${entry.span.start}–${entry.span.end}]`,
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

/** Event types in the Okabe-Ito palette (told apart with the common kinds of colour blindness), as the dashboard draws them. */
const TYPE_COLOURS: Record<string, string> = {
  ASSAULT: '#d55e00',
  MOBILIZE: '#0072b2',
  COERCE: '#e69f00',
  THREATEN: '#cc79a7',
  ACCUSE: '#009e73',
  DEATH: '#000000',
};
const OTHER_COLOUR = '#9a9a9a';

/** A bar chart of one count per week (stacked by type for incidents), with its own axis and title. */
function weeksSvg(weeks: readonly ReportWeek[], of: 'incidents' | 'reports' | 'killed', title: string): string {
  const width = 720;
  const height = 150;
  const step = width / Math.max(1, weeks.length);
  const parts = (w: ReportWeek): Array<[string, number]> =>
    of === 'reports'
      ? [['reports', w.reports]]
      : of === 'killed'
        ? [['killed', w.killed ?? 0]]
        : Object.entries(w.incidents ?? {}).sort((a, b) => a[0].localeCompare(b[0]));
  const max = Math.max(1, ...weeks.map((w) => parts(w).reduce((n, [, k]) => n + k, 0)));
  const bars = weeks
    .map((w, i) => {
      let base = 0;
      return parts(w)
        .map(([label, value]) => {
          const h = (value / max) * (height - 30);
          const y = height - 20 - base - h;
          base += h;
          const colour = of === 'reports' ? '#7a93b5' : of === 'killed' ? '#1d232b' : (TYPE_COLOURS[label] ?? OTHER_COLOUR);
          return `<rect x="${(i * step + step * 0.1).toFixed(1)}" y="${y.toFixed(1)}" width="${(step * 0.8).toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"><title>${escapeHtml(`Week of ${w.week}: ${value} ${label}`)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  let lastLabel = -Infinity;
  const labels = weeks
    .map((w, i) => {
      if (!(i === 0 || w.week.slice(5, 7) !== weeks[i - 1]?.week.slice(5, 7)) || i * step - lastLabel < 52) return '';
      lastLabel = i * step;
      return `<text x="${(i * step).toFixed(1)}" y="${height - 5}" font-size="10">${escapeHtml(w.week.slice(0, 7))}</text>`;
    })
    .join('');
  return `<figure class="chart"><figcaption>${escapeHtml(title)} (most in a week: ${max})</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">${bars}${labels}</svg></figure>`;
}

/** One category's running totals as reported: points at the day each runs to, one line per place. */
function reportedSvg(category: string, totals: readonly ReportedTotal[]): string {
  const width = 720;
  const height = 140;
  const left = 44;
  const times = totals.map((t) => Date.parse(t.asOf));
  const first = Math.min(...times);
  const last = Math.max(first + 7 * 86_400_000, ...times);
  const max = Math.max(1, ...totals.map((t) => t.value.low));
  const x = (t: number) => left + ((t - first) / (last - first)) * (width - left - 10);
  const y = (v: number) => height - 22 - (v / max) * (height - 36);
  const byPlace = new Map<string, ReportedTotal[]>();
  for (const t of totals) byPlace.set(t.place ?? '', [...(byPlace.get(t.place ?? '') ?? []), t]);
  const lines = [...byPlace.values()]
    .filter((list) => list.length > 1)
    .map(
      (list) =>
        `<polyline fill="none" stroke="#7a93b5" stroke-width="1.5" points="${list.map((t) => `${x(Date.parse(t.asOf)).toFixed(1)},${y(t.value.low).toFixed(1)}`).join(' ')}"/>`,
    )
    .join('');
  const dots = totals
    .map(
      (t) =>
        `<circle cx="${x(Date.parse(t.asOf)).toFixed(1)}" cy="${y(t.value.low).toFixed(1)}" r="3.5" fill="#0072b2"><title>${escapeHtml(reportedLine(t))}</title></circle>`,
    )
    .join('');
  const axis = `<line x1="${left}" x2="${width - 10}" y1="${y(0)}" y2="${y(0)}" stroke="#5b6673"/><text x="${left - 6}" y="${y(max) + 4}" font-size="10" text-anchor="end">${max}</text><text x="${left - 6}" y="${y(0) + 4}" font-size="10" text-anchor="end">0</text><text x="${left}" y="${height - 4}" font-size="10">${new Date(first).toISOString().slice(0, 10)}</text><text x="${width - 10}" y="${height - 4}" font-size="10" text-anchor="end">${new Date(last).toISOString().slice(0, 10)}</text>`;
  return `<figure class="chart"><figcaption>${escapeHtml(category)}: running totals as reported</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`${category}: ${totals.length} running totals as reported`)}">${axis}${lines}${dots}</svg></figure>`;
}

/** Print and screen styles: A4 and Letter alike (the narrower is the bound), tables that break between rows only. */
const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1d232b;line-height:1.5}',
  'table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d8dee6;padding:.25rem .4rem;text-align:left;vertical-align:top}',
  'td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}',
  '.badge{display:inline-block;border-radius:3px;padding:0 .4rem;font-size:.85em;background:#e6eef6}.corroborated{background:#cdebd3}.conflicting{background:#f6d3cf}.single-source{background:#f3ecc8}',
  '.muted{color:#5b6673}blockquote{margin:.3rem 0 .3rem 1rem}svg{width:100%;height:auto}',
  '.cutoff{font-size:1.1rem;border-left:4px solid #0072b2;padding:.3rem .8rem;background:#eef4fa}',
  '.judgements li{margin-bottom:.35rem;font-size:1.05rem}sup a{text-decoration:none}',
  '.sides td{width:33%}figure.chart{margin:.6rem 0}figure.chart figcaption{font-size:.9rem;color:#5b6673}',
  '@page{margin:16mm 14mm}',
  '@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}a{color:inherit;text-decoration:none}',
  'h1,h2,h3{break-after:avoid}tr,li,blockquote,figure{break-inside:avoid}thead{display:table-header-group}',
  'table{font-size:9.5pt}td,th{overflow-wrap:anywhere}.cutoff{background:none}}',
].join('');

/**
 * The report as one HTML page with no scripts and a policy that forbids them, top down: the information cutoff,
 * period and key judgements first; every figure carries a footnote to its ledger further down the page. Report text
 * is escaped, never trusted as markup. It prints on A4 and Letter with no table cut through a row.
 */
export function renderSituationHtml(data: SituationData): string {
  const e = escapeHtml;
  const ledgers = ledgerNumbers(data.facts);
  const foot = (factId: string) =>
    ledgers.has(factId)
      ? `<sup><a href="#ledger-${e(ledgers.get(factId) ?? '')}" aria-label="ledger ${e(ledgers.get(factId) ?? '')}">${e(ledgers.get(factId) ?? '')}</a></sup>`
      : '';
  const toLedger = (factId: string, text: string) =>
    ledgers.has(factId) ? `<a href="#ledger-${e(ledgers.get(factId) ?? '')}">${text}</a>` : text;
  const badge = (status: string) => `<span class="badge ${e(status)}">${e(status)}</span>`;
  const parts: string[] = [];
  parts.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>Situation report</title>',
    `<style>${STYLE}</style>`,
    '</head><body>',
    '<h1>Situation report</h1>',
    `<p class="cutoff"><strong>${e(cutoffLine(data))}</strong><br>Period: ${e(period(data.query, data.documents))}${data.query.place ? `; place: ${e(data.query.place)}` : ''}.</p>`,
    `<p>${data.documents.length} reports from ${data.sources.length} sources.<br><span class="muted">Made ${e(data.generatedAt)} from ${e(data.storeLocation)}.</span></p>`,
    '<h2>Key judgements</h2>',
  );
  const judgements = keyJudgements(data.facts);
  if (judgements.length === 0) parts.push('<p>No figures found in these reports.</p>');
  else
    parts.push(
      '<ol class="judgements">',
      ...judgements.map(
        (r) =>
          `<li>${toLedger(r.fact.id, `<strong>${e(formatValue(r.fact.value))}</strong> ${e(factScope(r.fact))}`)} ${badge(r.fact.status)} ${e(describeBacking(r))}${foot(r.fact.id)}</li>`,
      ),
      '</ol>',
    );

  const { changed, fresh } = newAndChanged(data);
  parts.push('<h2>New and changed figures</h2>');
  if (changed.length + fresh.length === 0)
    parts.push(`<p class="muted">No figure changed or first reported in the ${NEW_DAYS} days before the cutoff.</p>`);
  else
    parts.push(
      '<ul>',
      ...changed.map((r) => {
        const earlier = r.updates[r.updates.length - 1] as Fact;
        return `<li>Changed: <strong>${e(formatValue(r.fact.value))}</strong> ${e(factScope(r.fact))}, up from ${e(formatValue(earlier.value))} ${badge(r.fact.status)}${foot(r.fact.id)}</li>`;
      }),
      ...fresh.map(
        (r) =>
          `<li>New: <strong>${e(formatValue(r.fact.value))}</strong> ${e(factScope(r.fact))} ${badge(r.fact.status)}${foot(r.fact.id)}</li>`,
      ),
      '</ul>',
    );

  parts.push('<h2>Key figures</h2>');
  if (data.facts.length === 0) parts.push('<p>No figures found in these reports.</p>');
  else
    parts.push(
      '<ul>',
      ...data.facts.map(
        (r) =>
          `<li>${toLedger(r.fact.id, `<strong>${e(formatValue(r.fact.value))}</strong> ${e(factScope(r.fact))}`)} ${badge(r.fact.status)} ${e(describeBacking(r))}${foot(r.fact.id)}</li>`,
      ),
      data.moreFacts > 0 ? `<li class="muted">… and ${data.moreFacts} more facts: <code>sitrep serve</code> lists them all.</li>` : '',
      '</ul>',
    );

  const conflicts = data.facts.filter((r) => r.fact.status === 'conflicting');
  if (conflicts.length > 0) {
    parts.push(
      '<h2>Disagreements</h2><p class="muted">Where sources give different figures for one count, side by side.</p>',
      '<table class="sides"><thead><tr><th>figure</th><th>one side</th><th>other side</th></tr></thead><tbody>',
    );
    for (const r of conflicts) {
      const side = (x: (typeof r.fact.sides)[number] | undefined) =>
        x ? `<strong>${e(formatValue(x.value))}</strong> per ${e(x.sources.join(', '))}` : '';
      const [a, b, ...more] = r.fact.sides;
      parts.push(
        `<tr><td>${e(factScope(r.fact))}${foot(r.fact.id)}</td><td>${side(a)}</td><td>${[side(b), ...more.map(side)].join('<br>')}</td></tr>`,
      );
    }
    parts.push('</tbody></table>');
  }

  parts.push('<h2>Incidents by place and type</h2>');
  const table = incidentsByPlaceAndType(data.incidents);
  if (table.rows.length === 0) parts.push('<p>No incidents found in these reports.</p>');
  else {
    parts.push(
      `<table><thead><tr><th>place</th>${table.types.map((t) => `<th class="num">${e(t)}</th>`).join('')}<th class="num">total</th></tr></thead><tbody>`,
      ...table.rows.map(
        (row) =>
          `<tr><td>${e(row.place)}</td>${row.counts.map((n) => `<td class="num">${n}</td>`).join('')}<td class="num">${row.total}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  parts.push('<h2>Incidents</h2>');
  if (data.incidents.length === 0) parts.push('<p>No incidents found in these reports.</p>');
  else
    parts.push(
      '<ol>',
      ...data.incidents.map((i) => {
        const said = data.responsibility[i.id] ?? [];
        const list =
          said.length > 0 ? `<ul class="responsibility">${said.map((s) => `<li>${e(responsibilityLine(s))}</li>`).join('')}</ul>` : '';
        return `<li>${e(incidentLine(i))}${list}</li>`;
      }),
      '</ol>',
    );
  if (data.moreIncidents > 0) parts.push(`<p class="muted">… and ${data.moreIncidents} earlier incidents.</p>`);

  parts.push('<h2>Trends</h2><p class="muted">One chart per count, each on its own axis.</p>');
  if (data.weeks.length === 0) parts.push('<p>No dated reports or incidents.</p>');
  else {
    parts.push(weeksSvg(data.weeks, 'incidents', 'Incidents per week, by type'));
    if (data.weeks.some((w) => (w.killed ?? 0) > 0))
      parts.push(weeksSvg(data.weeks, 'killed', 'People killed per week, in counted incidents'));
    parts.push(weeksSvg(data.weeks, 'reports', 'Reports per week'));
  }
  const flagged = data.weeks.filter((w) => w.flag);
  if (flagged.length > 0) parts.push('<ul>', ...flagged.map((w) => `<li>Week of ${e(w.week)}: ${e(w.flag ?? '')}</li>`), '</ul>');
  if (data.reported.length > 0) {
    parts.push(
      '<h3>Running totals as reported</h3><p class="muted">Figures reports give for a period, as reported, one chart per category; they are not added to the counted incidents.</p>',
    );
    for (const [category, totals] of reportedByCategory(data.reported))
      parts.push(
        reportedSvg(category, totals),
        '<ul>',
        ...totals.map((t) => `<li>${toLedger(t.factId, e(reportedLine(t)))}${foot(t.factId)}</li>`),
        '</ul>',
      );
  }

  parts.push('<h2>Most-cited quotes</h2>');
  if (data.quotes.length === 0) parts.push('<p>No quotes found in these reports.</p>');
  for (const q of data.quotes) {
    const who = q.speaker ? `${q.speaker}${q.affiliation ? ` (${q.affiliation})` : ''}` : 'unattributed';
    parts.push(
      `<blockquote>“${e(q.quote)}”<br><span class="muted">${e(who)}; ${q.sources} source${q.sources === 1 ? '' : 's'}: ${e(q.documents.join(', '))}</span></blockquote>`,
    );
  }
  parts.push('<h2>Sources</h2><table><thead><tr><th>source</th><th class="num">reports</th><th>period</th></tr></thead><tbody>');
  for (const s of data.sources)
    parts.push(
      `<tr><td>${e(s.source ?? 'unnamed')}</td><td class="num">${s.documents}</td><td>${s.first ? e(`${s.first} – ${s.last}`) : 'undated'}</td></tr>`,
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
      parts.push(
        `<h3 id="ledger-${e(number)}">${e(number)}: ${e(formatValue(r.fact.value))} ${e(factScope(r.fact))} ${badge(r.fact.status)}</h3><ol>`,
      );
      for (const entry of r.ledger)
        parts.push(
          `<li>${e(entry.externalId)} <span class="muted">(${e(entry.source ?? 'unnamed source')}, ${e(entry.published ?? 'undated')})</span>: ${e(formatValue(entry.value))}${entry.attribution ? ` per ${e(entry.attribution.text)}` : ''}${entry.modality === 'asserted' ? '' : ` [${e(entry.modality)}]`}<blockquote>${e(cleanQuote(entry.text))}</blockquote><span class="muted">${e(entry.rule)}; characters ${entry.span.start}–${entry.span.end}</span></li>`,
        );
      parts.push('</ol>');
    }
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
