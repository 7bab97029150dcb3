/**
 * @module The brief at the head of `sitrep report --since 24h` (or `--since DAY`): its information cutoff, then the
 * figures that are new or changed since then, each footnoted to the reports that brought the news.
 *
 * "Since" is when sitrep stored a report for a span of time (`24h`: the reports a watch read in the last day), and
 * when it was published for a day. A figure is new when all its reports are in that window, changed when some are.
 */
import type { Document } from '../model/document.ts';
import type { Fact, LedgerEntry } from '../model/fact.ts';
import type { Store } from '../store/store.ts';
import { formatValue } from './format-value.ts';
import { escapeHtml } from './situation-report.ts';

/** Where the brief starts: an instant (reports stored since) or a day (reports published since). */
export type BriefSince = { readonly kind: 'stored'; readonly at: string } | { readonly kind: 'published'; readonly day: string };

/** One new or changed figure, with its footnotes. */
export interface BriefFigure {
  readonly fact: Fact;
  readonly change: 'new' | 'changed';
  /** For a running count, the earlier count it updates. */
  readonly updates: Fact['value'] | null;
  /** The reports in the window that give it (footnotes). */
  readonly notes: readonly LedgerEntry[];
}

export interface BriefData {
  readonly since: BriefSince;
  /** The newest report the store holds, stored and published: what the brief can know. */
  readonly cutoff: { readonly storedAt: string | null; readonly published: string | null };
  /** Reports in the window. */
  readonly reports: number;
  readonly figures: readonly BriefFigure[];
}

/** Footnotes per figure, at most. */
const NOTES = 5;

/** Gathers the brief: the cutoff and the figures new or changed in the window, new ones first, then by sources. */
export async function gatherBrief(store: Store, since: BriefSince): Promise<BriefData> {
  const documents = await store.documents.list({});
  const inWindow = (d: Document) =>
    since.kind === 'stored' ? d.ingestedAt >= since.at : d.published !== null && d.published.start >= since.day;
  const fresh = new Set(documents.filter(inWindow).map((d) => d.externalId));
  const cutoff = {
    storedAt: documents.reduce<string | null>((latest, d) => (latest === null || d.ingestedAt > latest ? d.ingestedAt : latest), null),
    published: documents.reduce<string | null>(
      (latest, d) => (d.published && (latest === null || d.published.end > latest) ? d.published.end : latest),
      null,
    ),
  };
  const facts = await store.claims.facts({});
  const byId = new Map(facts.map((f) => [f.id, f]));
  const figures: BriefFigure[] = [];
  for (const fact of facts) {
    const touched = fact.documents.filter((d) => fresh.has(d));
    if (touched.length === 0) continue;
    const ledger = await store.claims.ledger(fact.id);
    const notes = ledger.filter(
      (entry, i) => fresh.has(entry.externalId) && ledger.findIndex((e) => e.documentId === entry.documentId) === i,
    );
    figures.push({
      fact,
      change: touched.length === fact.documents.length && fact.updates.length === 0 ? 'new' : 'changed',
      updates: fact.updates[0] ? (byId.get(fact.updates[0])?.value ?? null) : null,
      notes: notes.slice(0, NOTES),
    });
  }
  figures.sort(
    (a, b) =>
      (a.change === b.change ? 0 : a.change === 'new' ? -1 : 1) ||
      b.fact.sources.length - a.fact.sources.length ||
      b.fact.value.low - a.fact.value.low,
  );
  return { since, cutoff, reports: fresh.size, figures };
}

function sinceText(since: BriefSince): string {
  return since.kind === 'stored'
    ? `reports stored since ${since.at.replace('T', ' ').slice(0, 16)} UTC`
    : `reports published since ${since.day}`;
}

function figureText(figure: BriefFigure): string {
  const fact = figure.fact;
  const what = `${fact.category === 'other' ? (fact.noun ?? 'other') : fact.category}${fact.noun && fact.category !== 'other' ? ` (${fact.noun})` : ''}`;
  const where = fact.place ? `, ${fact.place.name}` : '';
  const status =
    fact.status === 'conflicting'
      ? `conflicting: ${fact.sides.map((s) => `${formatValue(s.value)} (${s.sources.join(', ')})`).join(' vs ')}`
      : fact.status === 'corroborated'
        ? `corroborated by ${fact.sources.length} independent sources`
        : 'single source';
  const update = figure.updates ? `, updated from ${formatValue(figure.updates)}` : '';
  return `${formatValue(fact.value)} ${what}${where}${update} — ${figure.change}, ${status}`;
}

function noteText(entry: LedgerEntry): string {
  return `${entry.source ?? 'no source named'}, ${entry.externalId}${entry.published ? `, published ${entry.published}` : ''}: "${entry.text.replace(/\s+/g, ' ').slice(0, 300)}"`;
}

/** The brief as Markdown, footnotes at its end. */
export function renderBriefMarkdown(data: BriefData): string {
  const lines = [
    `# Brief: ${sinceText(data.since)}`,
    '',
    `**Information cutoff:** ${data.cutoff.storedAt ? `${data.cutoff.storedAt.replace('T', ' ').slice(0, 16)} UTC, the newest report stored` : 'no reports stored'}${data.cutoff.published ? ` (the newest published ${data.cutoff.published})` : ''}. ${data.reports} report${data.reports === 1 ? '' : 's'} in this window.`,
    '',
    '## New and changed figures',
    '',
  ];
  if (data.figures.length === 0) lines.push('No figures are new or changed in this window.');
  const notes: string[] = [];
  data.figures.forEach((figure, i) => {
    const marks = figure.notes.map((note) => {
      notes.push(noteText(note));
      return `[^${notes.length}]`;
    });
    lines.push(`${i + 1}. ${figureText(figure)} ${marks.join('')}`);
  });
  if (notes.length > 0) lines.push('', ...notes.map((note, i) => `[^${i + 1}]: ${note}`));
  return lines.join('\n');
}

/** The brief as an HTML section (report text only ever as text). */
export function renderBriefHtml(data: BriefData): string {
  const notes: string[] = [];
  const items = data.figures.map((figure) => {
    const marks = figure.notes.map((note) => {
      notes.push(noteText(note));
      return `<sup><a href="#brief-note-${notes.length}">${notes.length}</a></sup>`;
    });
    return `<li>${escapeHtml(figureText(figure))} ${marks.join('')}</li>`;
  });
  return `<section id="brief"><h2>Brief: ${escapeHtml(sinceText(data.since))}</h2>
<p><strong>Information cutoff:</strong> ${escapeHtml(data.cutoff.storedAt ?? 'no reports stored')}${data.cutoff.published ? ` (newest published ${escapeHtml(data.cutoff.published)})` : ''}; ${data.reports} reports in this window.</p>
<h3>New and changed figures</h3>${items.length > 0 ? `<ol>${items.join('')}</ol>` : '<p>No figures are new or changed in this window.</p>'}
<ol class="notes">${notes.map((note, i) => `<li id="brief-note-${i + 1}">${escapeHtml(note)}</li>`).join('')}</ol></section>`;
}
