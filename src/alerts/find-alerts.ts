/**
 * @module What the watch's reports changed, as alerts: each alert's id is the change itself (a rule and an
 * incident; a fact and its status; a count and its from and to), so storing ids already stored adds nothing and each
 * change fires once, whatever restarts or re-evaluations happen. Only incidents and facts the watch's own reports
 * take part in are looked at, so a store's older history does not fire when a watch starts.
 */
import type { Fact } from '../model/fact.ts';
import type { Incident } from '../model/incident.ts';
import { weeklyTrends } from '../report/weekly-trends.ts';
import type { Store } from '../store/store.ts';
import type { AlertKind, AlertRule } from './alert-rules.ts';

/** A report behind an alert: where it is, who published it, and the sentence that says it. */
export interface AlertEvidence {
  readonly documentId: string;
  readonly externalId: string;
  readonly source: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly sentence: string;
}

/** One alert, as delivered (JSON). */
export interface Alert {
  /** The change: `kind:rule:subject[:detail]`. */
  readonly id: string;
  readonly rule: string;
  readonly kind: AlertKind;
  readonly createdAt: string;
  /** One line for people. */
  readonly summary: string;
  readonly subject: { readonly type: 'incident' | 'fact' | 'series'; readonly id: string };
  /** For `count-updated` the earlier and the new value; for `conflicting` the values on each side. */
  readonly change: { readonly from?: unknown; readonly to?: unknown; readonly sides?: unknown } | null;
  /** Independent sources (outlets). */
  readonly sources: readonly string[];
  readonly evidence: readonly AlertEvidence[];
}

/** Evidence listed per alert, at most. */
const EVIDENCE = 10;

/** The alerts the store's current picture calls for under `rules` (including ones already raised). */
export async function findAlerts(store: Store, rules: readonly AlertRule[], now: string): Promise<Alert[]> {
  if (rules.length === 0) return [];
  const watched = await store.watch.watchedDocuments();
  if (watched.size === 0) return [];
  const watchedExternal = new Set(watched.values());
  const alerts: Alert[] = [];
  const needs = (kinds: readonly AlertKind[]) => rules.some((r) => kinds.includes(r.on));

  const incidents = needs(['new-incident', 'escalation'])
    ? (await store.events.incidents({})).filter((i) => i.documents.some((d) => watched.has(d)))
    : [];
  for (const rule of rules.filter((r) => r.on === 'new-incident'))
    for (const incident of incidents.filter((i) => incidentMatches(rule, i)))
      alerts.push({
        id: `new-incident:${rule.id}:${incident.id}`,
        rule: rule.id,
        kind: 'new-incident',
        createdAt: now,
        summary: describeIncident(incident),
        subject: { type: 'incident', id: incident.id },
        change: null,
        sources: incident.sources,
        evidence: await incidentEvidence(store, incident.id),
      });

  if (needs(['corroborated', 'conflicting', 'count-updated'])) {
    const facts = await store.claims.facts({});
    const byId = new Map(facts.map((f) => [f.id, f]));
    const touched = facts.filter((f) => f.documents.some((d) => watchedExternal.has(d)));
    for (const rule of rules) {
      for (const fact of touched.filter((f) => factMatches(rule, f))) {
        const base = {
          rule: rule.id,
          kind: rule.on,
          createdAt: now,
          subject: { type: 'fact' as const, id: fact.id },
          sources: fact.sources,
        };
        if (rule.on === 'corroborated' && fact.status === 'corroborated')
          alerts.push({
            ...base,
            id: `corroborated:${rule.id}:${fact.id}`,
            summary: `${describeFact(fact)} is now corroborated by ${fact.sources.length} independent sources: ${fact.sources.join(', ')}`,
            change: null,
            evidence: await factEvidence(store, fact.id),
          });
        if (rule.on === 'conflicting' && fact.status === 'conflicting') {
          const sides = fact.sides.map((s) => ({ value: s.value, sources: s.sources }));
          // A new side (another value) is another change; the same sides again are not.
          const key = fact.sides
            .map((s) => formatValue(s.value))
            .sort()
            .join('|');
          alerts.push({
            ...base,
            id: `conflicting:${rule.id}:${fact.id}:${key}`,
            summary: `Sources disagree on ${describeFact(fact, false)}: ${fact.sides.map((s) => `${formatValue(s.value)} (${s.sources.join(', ')})`).join(' vs ')}`,
            change: { sides },
            evidence: await factEvidence(store, fact.id),
          });
        }
        if (rule.on === 'count-updated')
          for (const earlierId of fact.updates.slice(0, 1)) {
            const earlier = byId.get(earlierId);
            if (!earlier) continue;
            alerts.push({
              ...base,
              id: `count-updated:${rule.id}:${earlier.id}->${fact.id}`,
              summary: `${describeFact(fact, false)} updated from ${formatValue(earlier.value)} to ${formatValue(fact.value)}`,
              change: { from: earlier.value, to: fact.value },
              evidence: await factEvidence(store, fact.id),
            });
          }
      }
    }
  }

  const escalationRules = rules.filter((r) => r.on === 'escalation');
  if (escalationRules.length > 0) {
    // Only the weeks the watch's incidents fall in: an old surge in the store's history is not news.
    const weeks = new Set(incidents.flatMap((i) => (i.date ? [mondayOf(i.date.start)] : [])));
    const trends = await weeklyTrends(store, {});
    for (const rule of escalationRules)
      for (const flag of trends.flags) {
        if (!weeks.has(flag.week)) continue;
        if (rule.country && !flag.series.endsWith(` in ${rule.country}`)) continue;
        if (rule.types.length > 0 && !rule.types.some((t) => flag.series.startsWith(`${t} in `))) continue;
        alerts.push({
          id: `escalation:${rule.id}:${flag.series}:${flag.week}`,
          rule: rule.id,
          kind: 'escalation',
          createdAt: now,
          summary: `Escalation: ${flag.series}, week of ${flag.week}: ${flag.reason}`,
          subject: { type: 'series', id: `${flag.series}@${flag.week}` },
          change: { from: flag.baseline, to: flag.count },
          sources: [],
          evidence: [],
        });
      }
  }
  return alerts;
}

function incidentMatches(rule: AlertRule, incident: Incident): boolean {
  if (rule.types.length > 0 && !rule.types.includes(incident.type)) return false;
  if (rule.country && incident.place?.country !== rule.country) return false;
  if (rule.place && !(incident.place?.name ?? '').toLowerCase().includes(rule.place)) return false;
  if (rule.casualties !== null && (incident.killed?.best ?? 0) + (incident.injured?.best ?? 0) < rule.casualties) return false;
  return true;
}

function factMatches(rule: AlertRule, fact: Fact): boolean {
  if (rule.categories.length > 0 && !rule.categories.includes(fact.category)) return false;
  if (rule.country && fact.place?.country !== rule.country) return false;
  if (rule.place && !(fact.place?.name ?? '').toLowerCase().includes(rule.place)) return false;
  if (rule.casualties !== null && fact.value.low < rule.casualties) return false;
  return true;
}

async function incidentEvidence(store: Store, incidentId: string): Promise<AlertEvidence[]> {
  const detail = await store.events.incident(incidentId);
  const evidence: AlertEvidence[] = [];
  for (const event of detail?.events ?? []) {
    if (evidence.length >= EVIDENCE) break;
    const document = await store.documents.get(event.document.id);
    evidence.push({
      documentId: event.document.id,
      externalId: event.document.externalId,
      source: event.document.source,
      title: event.document.title,
      url: document?.url ?? null,
      published: event.document.published,
      sentence: event.text,
    });
  }
  return evidence;
}

async function factEvidence(store: Store, factId: string): Promise<AlertEvidence[]> {
  const evidence: AlertEvidence[] = [];
  for (const entry of (await store.claims.ledger(factId)).slice(0, EVIDENCE)) {
    const document = await store.documents.get(entry.documentId);
    evidence.push({
      documentId: entry.documentId,
      externalId: entry.externalId,
      source: entry.source,
      title: document?.title ?? null,
      url: document?.url ?? null,
      published: entry.published,
      sentence: entry.text,
    });
  }
  return evidence;
}

function describeIncident(incident: Incident): string {
  const place = incident.place ? ` at ${incident.place.name}${incident.place.country ? `, ${incident.place.country}` : ''}` : '';
  const date = incident.date
    ? ` on ${incident.date.start === incident.date.end ? incident.date.start : `${incident.date.start}..${incident.date.end}`}`
    : '';
  const toll = [incident.killed ? `${incident.killed.best} killed` : null, incident.injured ? `${incident.injured.best} injured` : null]
    .filter(Boolean)
    .join(', ');
  return `New ${incident.type} incident${place}${date}${toll ? `: ${toll}` : ''} (${incident.sourceCount} source${incident.sourceCount === 1 ? '' : 's'})`;
}

function describeFact(fact: Fact, withValue = true): string {
  const what = `${fact.category}${fact.noun ? ` (${fact.noun})` : ''}${fact.place ? ` in ${fact.place.name}` : ''}`;
  return withValue ? `${formatValue(fact.value)} ${what}` : what;
}

function formatValue(value: Fact['value']): string {
  const range = value.high !== null && value.high !== value.low ? `${value.low}-${value.high}` : String(value.low);
  return value.qualifier !== 'exact' && value.qualifier !== 'range' ? `${value.qualifier} ${range}` : range;
}

function mondayOf(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
