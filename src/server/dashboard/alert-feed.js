/**
 * @module The alerts panel: the latest alerts `sitrep watch` raised, newest first, and each new one as the server
 * streams it (server-sent events from `/api/alerts/stream`), told to screen readers as it arrives. The browser's
 * EventSource reconnects by itself and sends the last event's id, so a dropped connection misses nothing.
 */
import { getJson } from './api-client.js';
import { el, href, link, replace } from './dom.js';

/** Alerts kept in the panel. */
const SHOWN = 20;
/** How long an alert that just came in stays marked, in milliseconds. */
const FRESH_MS = 60_000;
/** Alerts read per request of the history (the API's most). */
const PAGE = 1000;

/** Alerts tell of the store as it is now: their links open the present picture, whatever day the view shows. */
const NOW = { asOf: '' };

/** What each kind of alert is called in the panel. */
const KIND_LABELS = {
  'new-incident': 'New incident',
  corroborated: 'Corroborated',
  conflicting: 'Conflicting figures',
  'count-updated': 'Count updated',
  escalation: 'Escalation',
};

/**
 * Fills `panel` (with an `ol` and a `.alerts-state` line) with the latest alerts, then follows the stream; `onNew`
 * is called with each alert raised after the page opened. Resolves to the EventSource.
 */
export async function followAlerts(panel, onNew) {
  const list = panel.querySelector('ol');
  const state = panel.querySelector('.alerts-state');
  let last = 0;
  let history = [];
  try {
    // Oldest first, a page at a time: the last page holds the newest.
    for (let pages = 0; pages < 50; pages++) {
      const { alerts } = await getJson('alerts', { after: last, limit: PAGE }, { present: true });
      history = [...history, ...alerts].slice(-SHOWN);
      if (alerts.length > 0) last = alerts.at(-1).seq;
      if (alerts.length < PAGE) break;
    }
  } catch (error) {
    replace(state, `Alerts could not be read: ${error instanceof Error ? error.message : error}`);
  }
  replace(
    list,
    history.reverse().map((alert) => alertItem(alert, false)),
  );
  // The history is in place before the list is live: only alerts raised from now on are announced.
  list.setAttribute('aria-live', 'polite');
  list.setAttribute('aria-relevant', 'additions');
  const quiet = () =>
    replace(
      state,
      list.children.length === 0
        ? 'No alerts yet. Alerts that sitrep watch raises appear here as they are raised.'
        : 'Live: new alerts appear at the top as sitrep watch raises them.',
    );
  quiet();

  const stream = new EventSource(`/api/alerts/stream?after=${last}`);
  stream.addEventListener('open', quiet);
  stream.addEventListener('error', () => replace(state, 'The alert stream is interrupted; reconnecting…'));
  stream.addEventListener('alert', (event) => {
    let alert;
    try {
      alert = JSON.parse(event.data);
    } catch {
      return;
    }
    if (list.querySelector(`li[data-seq="${Number(alert.seq)}"]`)) return;
    const item = alertItem(alert, true);
    list.prepend(item);
    setTimeout(() => item.classList.remove('fresh'), FRESH_MS);
    while (list.children.length > SHOWN) list.lastElementChild.remove();
    quiet();
    onNew(alert);
  });
  return stream;
}

/** One alert: its kind, what changed, when, and links to its incident or fact and to the reports behind it. */
function alertItem(alert, fresh) {
  const evidence = (alert.evidence ?? []).slice(0, 3);
  return el(
    'li',
    { class: `alert${fresh ? ' fresh' : ''}`, 'data-kind': alert.kind, 'data-seq': alert.seq, 'data-subject': alert.subject?.id },
    el('span', { class: `badge alert-kind kind-${alert.kind}` }, KIND_LABELS[alert.kind] ?? alert.kind),
    ' ',
    el('span', { class: 'alert-summary' }, alert.summary),
    ' ',
    el(
      'span',
      { class: 'meta' },
      `raised ${String(alert.createdAt ?? '')
        .replace('T', ' ')
        .slice(0, 16)} UTC`,
    ),
    ' ',
    subjectLink(alert),
    evidence.length === 0
      ? null
      : el(
          'span',
          { class: 'alert-evidence' },
          ' · from ',
          evidence.map((e, i) => [i > 0 ? ', ' : '', link(href(['documents', e.documentId], NOW), e.source ?? e.title ?? e.externalId)]),
        ),
  );
}

/** The incident or fact an alert is about; for an escalation, the incidents of that type, country and week. */
function subjectLink(alert) {
  const subject = alert.subject;
  if (!subject) return null;
  if (subject.type === 'incident')
    return el('a', { href: href(['incidents', subject.id], NOW), class: 'alert-subject' }, 'Open the incident');
  if (subject.type === 'fact')
    return el('a', { href: href(['facts', subject.id], NOW), class: 'alert-subject' }, 'Open the fact and its ledger');
  // A series is `TYPE in CC@WEEK`.
  const match = /^(\w+) in ([A-Z]{2})@(\d{4}-\d{2}-\d{2})$/.exec(subject.id);
  if (!match) return null;
  const [, type, country, week] = match;
  const until = new Date(Date.parse(week) + 6 * 86_400_000).toISOString().slice(0, 10);
  return el(
    'a',
    { href: href(['incidents'], { type, country, since: week, until, ...NOW }), class: 'alert-subject' },
    'Incidents of that week',
  );
}
