/**
 * @module Scores the understanding stage on the seeds: every figure, place, period, speaker, actor and quote that
 * `../shared/seeds/gold.json` relies on must be found with the right value, and no `must_not` value may appear
 * as a quantity. The seeds go through the real pipeline (ingest, inferred dates, analysis) into a SQLite store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import type { Mention, MentionOf } from '../../src/model/mention.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Score, Scorer } from '../scorer.ts';

interface GoldFact {
  readonly id: string;
  readonly value: number;
  readonly qualifier?: string;
  readonly place?: string;
  readonly period?: [string, string];
  readonly attribution?: string;
  readonly documents: string[];
}
interface GoldEvent {
  readonly id: string;
  readonly place?: string;
  readonly date?: [string, string];
  readonly initiator?: string;
  readonly target?: string;
  readonly documents: string[];
}
interface Gold {
  readonly facts: GoldFact[];
  readonly events: GoldEvent[];
  readonly quotes: Array<{ speaker: string; starts: string; documents: string[] }>;
  readonly must_not: Array<{ what: string; value?: number; values?: number[]; documents?: string[] }>;
}

/** Lower-case words of a name, without punctuation or the words that do not tell names apart. */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !['the', 'of', 'and', 'al', 'el'].includes(w));
}

/** True when most words of the gold name appear in the found text (or its value's name). */
function nameMatches(gold: string, found: string): boolean {
  const want = words(gold);
  const have = new Set(words(found));
  if (want.length === 0) return false;
  return want.filter((w) => have.has(w)).length / want.length >= 0.5;
}

/** Place names in a gold field: "Abu Kamal (Al-Bukamal), Syria" → ["Abu Kamal", "Al-Bukamal"]; "Iraq and Syria" → both. */
function placeNames(gold: string): string[][] {
  const first = gold.split(',')[0] as string;
  const alternatives = [first.replace(/\s*\(.*\)\s*/, ''), ...(/\(([^)]+)\)/.exec(first)?.slice(1) ?? [])];
  if (/ and /.test(gold) && !gold.includes(',')) return gold.split(/ and /).map((p) => [p]);
  if (gold.includes(',') && !/\(/.test(gold) && gold.split(',').length > 2) return gold.split(/,\s*/).map((p) => [p]);
  return [alternatives];
}

const seedsMentions: Scorer = {
  name: 'seeds-mentions',
  description: 'mentions the seed gold relies on: figures, places, periods, speakers, actors, quotes; must_not values absent',
  async run({ sharedDir, workDir }) {
    const seeds = join(sharedDir, 'seeds');
    if (!existsSync(join(seeds, 'gold.json'))) return { scores: [], notes: [`skipped: no ${join(seeds, 'gold.json')}`] };
    const gold = JSON.parse(readFileSync(join(seeds, 'gold.json'), 'utf8')) as Gold;
    const store = await openStore(join(workDir, 'seeds.db'));
    const byDocument = new Map<string, Mention[]>();
    try {
      await ingest(store, [seeds]);
      await analyse(store, { workers: 0 });
      for (const document of await store.documents.list())
        byDocument.set(document.externalId, await store.mentions.list({ documentId: document.id }));
    } finally {
      await store.close();
    }
    const notes: string[] = [];
    const tally = new Map<string, { found: number; total: number }>();
    const check = (metric: string, ok: boolean, miss: string) => {
      const t = tally.get(metric) ?? { found: 0, total: 0 };
      t.total++;
      if (ok) t.found++;
      else notes.push(`${metric}: ${miss}`);
      tally.set(metric, t);
    };
    const of = <K extends Mention['kind']>(documents: readonly string[], kind: K): MentionOf<K>[] =>
      documents.flatMap((d) => (byDocument.get(d) ?? []).filter((m) => m.kind === kind) as MentionOf<K>[]);

    for (const fact of gold.facts) {
      for (const document of fact.documents) {
        const quantities = of([document], 'quantity').filter((q) => q.value.low === fact.value);
        check('fact figures', quantities.length > 0, `${fact.id} in ${document}: no quantity ${fact.value}`);
      }
      // The gold qualifier is the fact's: one report's wording is enough ("some 900" where another says "an additional 900").
      if (fact.qualifier) {
        const quantities = of(fact.documents, 'quantity').filter((q) => q.value.low === fact.value);
        check(
          'fact qualifiers',
          quantities.some((q) => q.value.qualifier === fact.qualifier),
          `${fact.id}: ${fact.value} is ${quantities.map((q) => q.value.qualifier).join('/')}, gold ${fact.qualifier}`,
        );
      }
      if (fact.place) {
        for (const alternatives of placeNames(fact.place)) {
          const places = of(fact.documents, 'place');
          check(
            'fact places',
            places.some((p) => alternatives.some((name) => nameMatches(name, `${p.text} ${p.value.name}`))),
            `${fact.id}: no place "${alternatives.join('" or "')}" in ${fact.documents.join(', ')}`,
          );
        }
      }
      if (fact.period) {
        const [start, end] = fact.period;
        // "since October 17" runs to the publication date, which may be a day past the gold period's end.
        check(
          'fact periods',
          of(fact.documents, 'date').some(
            (d) => d.value.start === start && Math.abs(Date.parse(d.value.end) - Date.parse(end)) <= 86_400_000,
          ),
          `${fact.id}: no date ${start}..${end}`,
        );
      }
      if (fact.attribution) {
        // A speaker is an attribution, or a named person acting in the report ("Secretary of Defense Lloyd Austin ordered").
        const speakers = [
          ...of(fact.documents, 'attribution').map((a) => a.value.speaker),
          ...of(fact.documents, 'person').map((p) => `${p.value.title ?? ''} ${p.value.name}`),
        ];
        const names = fact.attribution.split(' / ');
        check(
          'fact speakers',
          speakers.some((speaker) => names.some((n) => nameMatches(n, speaker))),
          `${fact.id}: no attribution to "${fact.attribution}" (found: ${[...new Set(speakers)].slice(0, 6).join('; ')})`,
        );
      }
    }
    for (const event of gold.events) {
      if (event.place) {
        for (const alternatives of placeNames(event.place)) {
          check(
            'event places',
            of(event.documents, 'place').some((p) => alternatives.some((name) => nameMatches(name, `${p.text} ${p.value.name}`))),
            `${event.id}: no place "${alternatives.join('" or "')}"`,
          );
        }
      }
      if (event.date) {
        const [start, end] = event.date;
        check(
          'event dates',
          of(event.documents, 'date').some((d) => d.value.start >= start && d.value.end <= end),
          `${event.id}: no date inside ${start}..${end}`,
        );
      }
      for (const role of [event.initiator, event.target]) {
        // Descriptions ("a militant leader") are the event layer's to resolve; names must be found as mentions.
        if (!role || /^(a|an|the)\s/.test(role)) continue;
        const name = role.replace(/\s*\(.*\)/, '').replace(/-?linked|\b(facilities|positions|sites|bases)\b/g, ' ');
        const found = event.documents.flatMap((d) =>
          (byDocument.get(d) ?? []).filter((m) => m.kind === 'actor' || m.kind === 'person' || m.kind === 'place'),
        );
        const named = (m: Mention) => `${m.text} ${m.kind === 'actor' || m.kind === 'person' || m.kind === 'place' ? m.value.name : ''}`;
        check(
          'event actors',
          found.some((m) => nameMatches(name, named(m))),
          `${event.id}: no actor "${role}"`,
        );
      }
    }
    for (const quote of gold.quotes) {
      const quotes = of(quote.documents, 'quote').filter((q) => q.value.quote.startsWith(quote.starts));
      check('quotes', quotes.length > 0, `no quote starting "${quote.starts.slice(0, 30)}..."`);
      if (quotes.length > 0) {
        check(
          'quote speakers',
          quotes.some((q) => q.value.speaker !== null && nameMatches(quote.speaker, q.value.speaker)),
          `"${quote.starts.slice(0, 30)}..." speaker ${quotes.map((q) => q.value.speaker).join('/')}, gold ${quote.speaker}`,
        );
      }
    }
    let violations = 0;
    for (const rule of gold.must_not) {
      const values = rule.values ?? (rule.value !== undefined ? [rule.value] : []);
      const documents = rule.documents ?? [...byDocument.keys()];
      for (const q of of(documents, 'quantity')) {
        const oneWay = rule.value === 1 && /^one$/i.test(q.text);
        if ((rule.values && values.includes(q.value.low)) || oneWay) {
          violations++;
          notes.push(`must_not: quantity "${q.text}" = ${q.value.low} (${rule.what})`);
        }
      }
    }
    const scores: Score[] = [...tally].map(([metric, t]) => ({
      metric,
      value: t.found / t.total,
      target: { value: 1, higherIsBetter: true },
      detail: `${t.found}/${t.total}`,
    }));
    scores.push({ metric: 'must_not quantities present', value: violations, target: { value: 0, higherIsBetter: false } });
    return { scores, notes };
  },
};

export default seedsMentions;
