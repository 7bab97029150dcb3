/**
 * @module Facts in the dashboard: the table of key figures with status badges, and one fact's ledger, each claim
 * linking to the sentence it was read from (the document view with that span highlighted).
 */
import { getJson } from './api-client.js';
import { el, errorBox, href, link, replace } from './dom.js';
import { FACT_FILTERS, pick } from './filter-bar.js';

/** "at least 14", "more than 1,400", "3–5", "about 2,500", as `sitrep report` writes them. */
export function formatValue(value) {
  const n = (x) => Number(x).toLocaleString('en-US');
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

/** What a fact counts, where and when. */
export function factScope(fact) {
  const what = fact.noun && fact.noun !== fact.category ? `${fact.category} (${fact.noun})` : fact.category;
  const when = fact.period
    ? fact.period.start === fact.period.end
      ? fact.period.start
      : `${fact.period.start} – ${fact.period.end}`
    : null;
  return [what, fact.place?.name, when].filter(Boolean).join(' · ');
}

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}`, 'data-status': status }, status);
}

/** Who backs the figure: its sources, both sides of a conflict. */
function statusLine(fact) {
  if (fact.status === 'conflicting')
    return `Sources disagree: ${fact.sides.map((side) => `${formatValue(side.value)} per ${side.sources.join(', ')}`).join(' vs ')}`;
  const n = fact.sources.length;
  return fact.status === 'corroborated'
    ? `Corroborated by ${n} independent sources: ${fact.sources.join(', ')}`
    : `One source: ${fact.sources.join(', ') || 'unnamed'}`;
}

/** The facts table: status badges, value, scope and sources, each row opening the fact's ledger. */
export function factsTable(facts) {
  return el(
    'table',
    { class: 'facts' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, 'Status'),
        el('th', { class: 'num' }, 'Figure'),
        el('th', {}, 'What, where, when'),
        el('th', { class: 'num' }, 'Sources'),
      ),
    ),
    el(
      'tbody',
      {},
      facts.map((fact) =>
        el(
          'tr',
          {
            'data-id': fact.id,
            'data-status': fact.status,
            class: 'row-link',
            // The whole row opens the ledger; the figure's link is the same target for keyboards and screen readers.
            onclick: (event) => {
              if (!event.target.closest('a')) location.hash = href(['facts', fact.id]);
            },
          },
          el('td', {}, statusBadge(fact.status)),
          el('td', { class: 'num' }, link(href(['facts', fact.id]), formatValue(fact.value))),
          el('td', {}, factScope(fact)),
          el('td', { class: 'num' }, String(fact.sources.length)),
        ),
      ),
    ),
  );
}

/** The facts page: the shared filters that apply to facts, paged. */
export async function renderFacts(view, query, pager, filters) {
  const page = await getJson('facts', { ...pick(filters, FACT_FILTERS), limit: 50, offset: query.get('offset') ?? 0 });
  replace(
    view,
    el('h1', {}, 'Facts'),
    el(
      'p',
      { class: 'hint' },
      'A fact is one figure across reports. Corroborated: two or more independent sources agree; copies of one wire story count once.',
    ),
    page.items.length === 0 ? el('p', { class: 'hint' }, 'No facts match.') : factsTable(page.items),
    pager(['facts'], query, page),
  );
}

/** One fact: its figure, status and sides, what it updates, and the ledger of every claim behind it. */
export async function renderFact(view, id) {
  let data;
  try {
    data = await getJson(`facts/${encodeURIComponent(id)}`);
  } catch (error) {
    replace(view, el('h1', {}, 'Fact'), errorBox(error));
    return;
  }
  const { fact, ledger, updates, updatedBy } = data;
  const sources = new Set(ledger.map((entry) => entry.source ?? entry.externalId));
  replace(
    view,
    el('p', { class: 'crumbs' }, link('#/facts', 'Facts'), ' › ', fact.id),
    el('h1', { class: 'fact-title' }, formatValue(fact.value), ' ', el('span', { class: 'scope' }, factScope(fact))),
    el('p', {}, statusBadge(fact.status), ' ', statusLine(fact)),
    (fact.primarySources ?? []).length > 0
      ? el(
          'p',
          { class: 'primary-sources' },
          `Primary source${fact.primarySources.length === 1 ? '' : 's'} (who first said it): ${fact.primarySources.join('; ')}`,
        )
      : null,
    updates.length > 0
      ? el(
          'p',
          { class: 'updates' },
          'Updated from ',
          updates.map((f, i) => [
            i > 0 ? ', ' : '',
            link(href(['facts', f.id]), `${formatValue(f.value)} (${f.period?.end ?? 'undated'})`),
          ]),
          ` to ${formatValue(fact.value)}.`,
        )
      : null,
    updatedBy.length > 0
      ? el(
          'p',
          { class: 'updates' },
          'Later reports give ',
          updatedBy.map((f, i) => [
            i > 0 ? ', ' : '',
            link(href(['facts', f.id]), `${formatValue(f.value)} (${f.period?.end ?? 'undated'})`),
          ]),
          '.',
        )
      : null,
    el(
      'h2',
      {},
      `Ledger: ${ledger.length} claim${ledger.length === 1 ? '' : 's'} from ${sources.size} source${sources.size === 1 ? '' : 's'}`,
    ),
    el('p', { class: 'hint' }, 'Select a sentence to read it in its report, highlighted.'),
    el(
      'table',
      { class: 'ledger' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', {}, 'Source'),
          el('th', {}, 'Published'),
          el('th', {}, 'Says'),
          el('th', {}, 'Who says so'),
          el('th', {}, 'Sentence'),
        ),
      ),
      el(
        'tbody',
        {},
        ledger.map((entry) =>
          el(
            'tr',
            { 'data-claim': entry.claimId, 'data-source': entry.source ?? entry.externalId },
            el('td', {}, entry.source ?? 'unnamed', el('br'), el('span', { class: 'meta' }, entry.externalId)),
            el('td', {}, entry.published ?? 'undated'),
            el(
              'td',
              { class: 'num' },
              formatValue(entry.value),
              entry.modality === 'asserted' ? null : el('div', { class: 'meta' }, entry.modality),
            ),
            el('td', {}, entry.attribution ? `${entry.attribution.text} (${entry.attribution.kind})` : 'unattributed'),
            el(
              'td',
              { class: 'sentence' },
              link(href(['documents', entry.documentId], { span: `${entry.span.start}-${entry.span.end}` }), entry.text),
              el('div', { class: 'meta' }, entry.rule),
            ),
          ),
        ),
      ),
    ),
  );
}
