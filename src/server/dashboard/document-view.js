/**
 * @module The document view: a report's text with its mentions marked (figures most strongly), quotes underlined,
 * and the evidence span a ledger or incident pointed at highlighted and scrolled to. All of it built as text nodes.
 */
import { getJson } from './api-client.js';
import { el, errorBox, formatPublished, href, link, replace, safeUrl } from './dom.js';

/** Kinds marked inline; sentences, quotes and attributions cover the others and are shown otherwise. */
const INLINE = new Set(['date', 'quantity', 'money', 'percent', 'place', 'actor', 'person']);
/** Kinds that are figures: the numbers a user checks. */
const FIGURES = new Set(['quantity', 'money', 'percent']);
const PRECISION = ['', 'exact place', 'near a place', 'second-level region', 'first-level region', 'country', 'wider region'];

/** A short reading of a mention's value, as `sitrep explain` gives it. */
export function describeMention(mention) {
  const v = mention.value ?? {};
  switch (mention.kind) {
    case 'date':
      return `${v.start === v.end ? v.start : `${v.start} to ${v.end}`} (${v.precision})`;
    case 'quantity': {
      const range = v.high === null ? `${v.low}+` : v.high === v.low ? `${v.low}` : `${v.low}–${v.high}`;
      return `${v.qualifier} ${range}${v.noun ? ` [${v.noun}]` : ''}`;
    }
    case 'money':
      return `${v.amount} ${v.currency}`;
    case 'percent':
      return `${v.percent}%`;
    case 'place':
      return `${[v.name, v.admin1, v.country].filter(Boolean).join(', ')} (${PRECISION[v.precision] ?? v.precision})${v.metonymic ? ': an actor speaking, not a location' : ''}`;
    case 'actor':
      return `${v.name} (${v.type}${v.country ? `, ${v.country}` : ''})`;
    case 'person':
      return [v.name, v.title, v.affiliation].filter(Boolean).join(', ');
    case 'attribution':
      return `${v.speaker} (${v.kind}; ${v.stance}) via “${v.cue}”`;
    case 'quote':
      return `${v.speaker ?? 'unknown speaker'}${v.affiliation ? ` (${v.affiliation})` : ''}`;
    default:
      return '';
  }
}

/** Inline mentions that do not overlap, the longer one winning where two start together. */
function inlineMentions(mentions) {
  const chosen = [];
  let reach = -1;
  const sorted = mentions
    .map((m, index) => ({ ...m, index }))
    .filter((m) => INLINE.has(m.kind))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  for (const m of sorted) {
    if (m.span.start >= reach) {
      chosen.push(m);
      reach = m.span.end;
    }
  }
  return chosen;
}

/**
 * The text cut at every boundary of a marked mention, a quote or the evidence span; each piece wrapped in what
 * covers it. Pieces are text nodes: nothing from the report is ever read as markup.
 */
function markedText(text, mentions, evidence, onSelect) {
  const marked = inlineMentions(mentions);
  const quotes = mentions.filter((m) => m.kind === 'quote');
  const cuts = new Set([0, text.length]);
  for (const m of [...marked, ...quotes]) cuts.add(m.span.start).add(m.span.end);
  if (evidence) cuts.add(evidence.start).add(evidence.end);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const body = el('div', { class: 'document-text' });
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (next < marked.length && marked[next].span.end <= start) next++;
    const mention = marked[next] && marked[next].span.start <= start && marked[next].span.end >= end ? marked[next] : null;
    let node = document.createTextNode(text.slice(start, end));
    if (mention) {
      node = el(
        'mark',
        {
          class: `mention kind-${mention.kind}${FIGURES.has(mention.kind) ? ' figure' : ''}`,
          'data-kind': mention.kind,
          'data-index': mention.index,
          tabindex: 0,
          title: `${mention.kind}: ${describeMention(mention)}`,
          onclick: () => onSelect(mention),
          onkeydown: (event) => {
            if (event.key === 'Enter') onSelect(mention);
          },
        },
        node,
      );
    }
    if (quotes.some((q) => q.span.start <= start && q.span.end >= end)) node = el('span', { class: 'quote' }, node);
    if (evidence && evidence.start <= start && evidence.end >= end) node = el('span', { class: 'evidence' }, node);
    body.append(node);
  }
  return body;
}

/** Reads `?span=START-END` into an evidence span, or null. */
function evidenceSpan(value, length) {
  const match = /^(\d+)-(\d+)$/.exec(value ?? '');
  if (!match) return null;
  const [start, end] = [Number(match[1]), Number(match[2])];
  return start < end && end <= length ? { start, end } : null;
}

/** Renders document `id` into `view`; `query.span` highlights the evidence a figure came from. */
export async function renderDocument(view, id, query) {
  let data;
  try {
    data = await getJson(`documents/${encodeURIComponent(id)}`);
  } catch (error) {
    replace(view, el('h1', {}, 'Document'), errorBox(error));
    return;
  }
  const { document: doc, mentions } = data;
  const evidence = evidenceSpan(query.get('span'), doc.text.length);
  const details = el(
    'section',
    { class: 'mention-details', 'aria-live': 'polite' },
    el('p', { class: 'hint' }, 'Select a marked word to see what sitrep read in it.'),
  );
  const select = (mention) => {
    replace(
      details,
      el('h3', {}, `${mention.kind}: “${mention.text}”`),
      el('p', {}, describeMention(mention)),
      el(
        'p',
        { class: 'meta' },
        `rule ${mention.rule} · confidence ${Number(mention.confidence).toFixed(2)} · characters ${mention.span.start}–${mention.span.end}`,
      ),
    );
  };
  const text = markedText(doc.text, mentions, evidence, select);
  const url = safeUrl(doc.url);
  const counts = new Map();
  for (const m of mentions) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  const figures = mentions.map((m, index) => ({ ...m, index })).filter((m) => FIGURES.has(m.kind));

  replace(
    view,
    el('p', { class: 'crumbs' }, link('#/documents', 'Documents'), ' › ', doc.externalId),
    el('h1', { class: 'document-title' }, doc.title ?? doc.externalId),
    el(
      'dl',
      { class: 'meta-list' },
      el('dt', {}, 'Source'),
      el('dd', {}, doc.source ?? 'unknown'),
      el('dt', {}, 'Published'),
      el('dd', {}, formatPublished(doc.published), doc.published?.inferred ? ` (inferred: ${doc.published.rule})` : ''),
      el('dt', {}, 'Status'),
      el('dd', {}, doc.status, doc.statusReason ? ` (${doc.statusReason})` : ''),
      el('dt', {}, 'Syndication'),
      el(
        'dd',
        {},
        doc.syndicationGroup === doc.id
          ? 'first copy of its story'
          : link(href(['documents', doc.syndicationGroup]), 'copy of another report'),
      ),
      el('dt', {}, 'Origin'),
      el('dd', {}, doc.origin.path, doc.origin.line ? `:${doc.origin.line}` : '', doc.origin.item ? `#${doc.origin.item}` : ''),
      url
        ? [el('dt', {}, 'Address'), el('dd', {}, el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url))]
        : null,
    ),
    el(
      'div',
      { class: 'document-layout' },
      el(
        'article',
        { class: 'document-body' },
        evidence ? el('p', { class: 'hint' }, 'The highlighted passage is the evidence you came from.') : null,
        text,
      ),
      el(
        'aside',
        { class: 'document-side' },
        details,
        el('h2', {}, `Figures (${figures.length})`),
        figures.length === 0
          ? el('p', { class: 'hint' }, mentions.length === 0 ? 'Not analysed yet: run sitrep analyse.' : 'No figures in this report.')
          : el(
              'ol',
              { class: 'figures' },
              figures.map((m) =>
                el(
                  'li',
                  {},
                  el(
                    'button',
                    {
                      type: 'button',
                      class: 'linkish',
                      onclick: () => {
                        const mark = view.querySelector(`mark[data-index="${m.index}"]`);
                        mark?.scrollIntoView({ block: 'center' });
                        mark?.focus();
                        select(m);
                      },
                    },
                    `“${m.text}”`,
                  ),
                  ` ${describeMention(m)}`,
                ),
              ),
            ),
        el('h2', {}, 'Mentions'),
        el(
          'ul',
          { class: 'legend' },
          [...counts].map(([kind, n]) => el('li', {}, el('span', { class: `swatch kind-${kind}` }), ` ${kind} ${n}`)),
        ),
      ),
    ),
  );
  if (evidence) view.querySelector('.evidence')?.scrollIntoView({ block: 'center' });
}
