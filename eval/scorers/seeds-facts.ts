/**
 * @module Scores facts against a gold set (`../shared/seeds/gold.json`; the samples use the same scoring): each gold
 * fact needs a fact of the same category and value whose documents include the gold documents, with the gold status;
 * each update series needs its facts linked; and no `must_not` item may be present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import type { Fact } from '../../src/model/fact.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { valueAnchor } from '../../src/resolve/facts/compare-claims.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store, StoredClaim } from '../../src/store/store.ts';
import type { Score, Scorer } from '../scorer.ts';

interface GoldFact {
  readonly id: string;
  readonly category: string;
  readonly value: number;
  readonly qualifier?: string;
  readonly documents: readonly string[];
  readonly status: string;
  readonly modality?: string;
  /** For a conflicting fact: every side's value. */
  readonly values?: ReadonlyArray<{ readonly value: number }>;
}

interface GoldSeries {
  readonly id: string;
  /** Gold fact ids, earliest first. */
  readonly facts: readonly string[];
  /** For a series inside one fact: the values it went through. */
  readonly values?: readonly number[];
}

interface GoldMustNot {
  readonly what: string;
  readonly value?: number;
  readonly values?: readonly number[];
  readonly documents?: readonly string[];
}

interface GoldSet {
  readonly facts?: readonly GoldFact[];
  readonly updates?: readonly GoldSeries[];
  readonly must_not?: readonly GoldMustNot[];
}

/** Everything sitrep found in a folder, as the scorer reads it. */
interface Found {
  readonly facts: readonly Fact[];
  readonly claims: readonly StoredClaim[];
  /** Document texts by external id. */
  readonly texts: ReadonlyMap<string, string>;
}

const HEDGE =
  /\b(?:could not|cannot|can't|couldn't) (?:be )?(?:independently )?(?:verified|confirmed|verify|confirm)|\bnot (?:been )?independently (?:verified|confirmed)|\bunconfirmed\b|\bunverified\b/i;
const DENIAL = /\bden(?:y|ied|ies)\b/i;
// A sentence that says there were no casualties, or that none are known, in either order.
const NO_CASUALTIES = /\b(?:no|not|without)\b[^.]{0,80}\b(?:casualt|killed|hurt|wounded)|\bcasualt[^.]{0,80}\b(?:no|not|without)\b/i;

/** Ingests and analyses `folder` into a fresh store at `dbPath`, then scores it against the gold set at `goldPath`. */
export async function scoreFacts(folder: string, goldPath: string, dbPath: string, label: string, notes: string[]): Promise<Score[]> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldSet;
  const store = await openStore(dbPath);
  try {
    await ingest(store, [folder]);
    await analyse(store, { workers: 0 });
    const found = await readAll(store);
    const matched = new Map<string, Fact>();
    let right = 0;
    const goldFacts = gold.facts ?? [];
    for (const goldFact of goldFacts) {
      const { fact, why } = matchFact(goldFact, found.facts);
      if (fact) matched.set(goldFact.id, fact);
      if (fact && fact.status === goldFact.status) {
        right++;
        if (goldFact.qualifier && goldFact.qualifier !== fact.value.qualifier)
          notes.push(`${label} ${goldFact.id}: found, but qualified ${fact.value.qualifier} (gold ${goldFact.qualifier})`);
        if (goldFact.modality) {
          const modalities = found.claims.filter((c) => c.factId === fact.id).map((c) => c.modality);
          if (!modalities.includes(goldFact.modality as StoredClaim['modality']))
            notes.push(`${label} ${goldFact.id}: found, but no claim reads ${goldFact.modality} (${[...new Set(modalities)].join(', ')})`);
        }
      } else notes.push(`${label} MISSING ${goldFact.id} (${goldFact.category} ${goldFact.value}, ${goldFact.status}): ${why}`);
    }

    const series = scoreSeries(gold.updates ?? [], matched, found.facts);
    for (const miss of series.misses) notes.push(`${label} UPDATE ${miss}`);
    const present = checkMustNot(gold.must_not ?? [], found, notes, label);
    return [
      {
        metric: `${label}: gold facts found (value, category, documents, status)`,
        value: goldFacts.length === 0 ? 1 : right / goldFacts.length,
        target: { value: 1, higherIsBetter: true },
        detail: `${right}/${goldFacts.length}`,
      },
      {
        metric: `${label}: update links`,
        value: series.total === 0 ? 1 : series.linked / series.total,
        target: { value: 1, higherIsBetter: true },
        detail: `${series.linked}/${series.total}`,
      },
      {
        metric: `${label}: must_not items present`,
        value: present.present,
        target: { value: 0, higherIsBetter: false },
        detail: `${present.checked} of ${(gold.must_not ?? []).length} checkable from claims and facts`,
      },
      { metric: `${label}: claims`, value: found.claims.length },
      { metric: `${label}: facts`, value: found.facts.length },
    ];
  } finally {
    await store.close();
  }
}

async function readAll(store: Store): Promise<Found> {
  const facts: Fact[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.claims.facts({ limit: 1000, offset });
    facts.push(...page);
    if (page.length < 1000) break;
  }
  const claims = await store.claims.list();
  const texts = new Map((await store.documents.list()).map((d) => [d.externalId, d.text]));
  return { facts, claims, texts };
}

/** The fact that matches a gold fact (category, value, documents), preferring the gold status; or why none does. */
function matchFact(gold: GoldFact, facts: readonly Fact[]): { fact: Fact | null; why: string } {
  const values = gold.values?.map((v) => v.value) ?? [gold.value];
  const sameValue = facts.filter(
    (f) =>
      f.category === gold.category &&
      values.every((v) => f.sides.some((s) => valueAnchor(s.value) === v)) &&
      valueAnchor(f.value) === gold.value,
  );
  if (sameValue.length === 0) {
    const partial = facts.filter((f) => f.category === gold.category && f.sides.some((s) => values.includes(valueAnchor(s.value))));
    return {
      fact: null,
      why:
        partial.length === 0
          ? `no ${gold.category} fact of ${values.join(' or ')}`
          : `closest: ${partial.map((f) => `${describe(f)}`).join('; ')}`,
    };
  }
  const withDocuments = sameValue.filter((f) => gold.documents.every((d) => f.documents.includes(d)));
  if (withDocuments.length === 0)
    return {
      fact: null,
      why: `documents fall apart: ${sameValue.map((f) => describe(f)).join('; ')}`,
    };
  const best = withDocuments.find((f) => f.status === gold.status) ?? (withDocuments[0] as Fact);
  return { fact: best, why: best.status === gold.status ? '' : `status ${best.status}: ${describe(best)}` };
}

function describe(fact: Fact): string {
  return `${fact.id} ${fact.value.qualifier} ${fact.sides.map((s) => valueAnchor(s.value)).join('/')} ${fact.status} [${fact.documents.join(', ')}]`;
}

/** Consecutive gold facts of a series must be linked (directly or through facts between them); a one-fact series must hold every value. */
function scoreSeries(
  series: readonly GoldSeries[],
  matched: ReadonlyMap<string, Fact>,
  facts: readonly Fact[],
): { linked: number; total: number; misses: string[] } {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const reaches = (later: Fact, earlier: Fact): boolean => {
    const seen = new Set<string>();
    const queue = [...later.updates];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (id === earlier.id) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(...(byId.get(id)?.updates ?? []));
    }
    return false;
  };
  let linked = 0;
  let total = 0;
  const misses: string[] = [];
  for (const s of series) {
    if (s.facts.length === 1) {
      total++;
      const fact = matched.get(s.facts[0] as string);
      const values = s.values ?? [];
      if (fact && values.every((v) => fact.sides.some((side) => valueAnchor(side.value) === v))) linked++;
      else
        misses.push(
          `${s.id}: ${fact ? `the fact holds ${fact.sides.map((side) => valueAnchor(side.value)).join('/')}` : 'its fact is not found'}, gold ${values.join(' → ')}`,
        );
      continue;
    }
    for (let i = 1; i < s.facts.length; i++) {
      total++;
      const earlier = matched.get(s.facts[i - 1] as string);
      const later = matched.get(s.facts[i] as string);
      if (earlier && later && reaches(later, earlier)) linked++;
      else
        misses.push(
          `${s.id}: ${s.facts[i]} does not supersede ${s.facts[i - 1]}${!earlier || !later ? ` (${!earlier ? s.facts[i - 1] : s.facts[i]} not found)` : ''}`,
        );
    }
  }
  return { linked, total, misses };
}

/**
 * A `must_not` item is present when: a claim in its documents has one of its values (a value the item quotes a phrase
 * for, as in "17 from 'Oct. 17'", only where the figure sits in that phrase); a denied or hedged figure is read as
 * asserted; a casualty figure stands in a sentence that says there were none; or syndicated copies alone make a fact
 * corroborated. Items about events, places of events or markup are left to the scorers of those.
 */
function checkMustNot(items: readonly GoldMustNot[], found: Found, notes: string[], label: string): { present: number; checked: number } {
  let present = 0;
  let checked = 0;
  for (const item of items) {
    const inDocuments = (externalId: string) => !item.documents || item.documents.includes(externalId);
    const claims = found.claims.filter((c) => inDocuments(c.externalId));
    const values = item.values ?? (item.value !== undefined ? [item.value] : []);
    const hits: string[] = [];
    let checkable = false;
    if (values.length > 0) {
      checkable = true;
      const phrases = quotedPhrases(item.what);
      for (const claim of claims) {
        const anchor = valueAnchor(claim.value);
        if (!values.includes(anchor)) continue;
        const bound = phrases.filter((p) => values.length === 1 || new RegExp(`\\b${anchor}\\b`).test(p));
        const text = found.texts.get(claim.externalId) ?? '';
        if (bound.length > 0 && !bound.some((p) => overlapsPhrase(text, p, claim.valueSpan))) continue;
        hits.push(`${claim.externalId}: ${claim.category} ${anchor} from "${text.slice(claim.valueSpan.start, claim.valueSpan.end)}"`);
      }
    } else if (/\bden(?:y|ied)\b|unconfirmed|independently confirmed|asserted as confirmed/i.test(item.what)) {
      checkable = true;
      for (const claim of claims) {
        const text = found.texts.get(claim.externalId) ?? '';
        const around = text.slice(claim.span.start, claim.span.end + 160);
        if (claim.modality === 'asserted' && (HEDGE.test(around) || DENIAL.test(claim.text)))
          hits.push(`${claim.externalId}: ${claim.category} ${valueAnchor(claim.value)} read as asserted in "${claim.text.slice(0, 90)}"`);
      }
    } else if (/casualty figure/i.test(item.what)) {
      checkable = true;
      for (const claim of claims)
        if (['killed', 'injured', 'casualties'].includes(claim.category) && NO_CASUALTIES.test(claim.text))
          hits.push(`${claim.externalId}: ${claim.category} ${valueAnchor(claim.value)} in "${claim.text.slice(0, 90)}"`);
    } else if (/syndicat/i.test(item.what) && item.documents) {
      checkable = true;
      const copies = item.documents;
      for (const fact of found.facts)
        if (fact.status === 'corroborated' && fact.documents.every((d) => copies.includes(d)))
          hits.push(`${fact.id} corroborated by ${fact.documents.join(' and ')} alone`);
    }
    if (!checkable) continue;
    checked++;
    if (hits.length > 0) {
      present++;
      notes.push(`${label} MUST NOT: ${item.what}: ${hits.slice(0, 4).join('; ')}${hits.length > 4 ? ` (+${hits.length - 4})` : ''}`);
    }
  }
  return { present, checked };
}

/** Phrases an item quotes ('Oct. 17', 'one-way attack drone(s)') or names after "from" ("16 from F-16"). */
function quotedPhrases(what: string): string[] {
  const quoted = [...what.matchAll(/'([^']+)'/g)].map((m) => (m[1] as string).replace(/\(s\)/g, ''));
  const named = [...what.matchAll(/\bfrom ([A-Z][\w-]*\d[\w-]*)/g)].map((m) => m[1] as string);
  return [...quoted, ...named];
}

/** Whether the figure at `span` lies inside an occurrence of `phrase` in `text` (any case, any white space). */
function overlapsPhrase(text: string, phrase: string, span: { start: number; end: number }): boolean {
  const pattern = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'gi');
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    if (start < span.end && span.start < start + match[0].length) return true;
  }
  return false;
}

const seedsFacts: Scorer = {
  name: 'seeds-facts',
  description: 'claims reconciled into facts on the seeds (../shared/seeds/gold.json): gold facts, update links, must_not items',
  async run({ sharedDir, workDir }) {
    const notes: string[] = [];
    const seeds = join(sharedDir, 'seeds');
    if (!existsSync(join(seeds, 'gold.json'))) return { scores: [], notes: [`seeds skipped: no ${join(seeds, 'gold.json')}`] };
    const scores = await scoreFacts(seeds, join(seeds, 'gold.json'), join(workDir, 'seeds.db'), 'seeds', notes);
    return { scores, notes };
  },
};

export default seedsFacts;
