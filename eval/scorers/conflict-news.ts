/**
 * @module Scores real conflict reporting (`../shared/eval/conflict-news`: 190 reports by many outlets, gold facts,
 * series, incidents and conflicts) the way `../shared/eval/scorers/score_news.py` does: the reports are ingested and
 * analysed into a fresh store, every record family is exported as `sitrep export` writes it, and the exports are
 * scored. Figures: figures found, category right, facts joined across outlets, series links, conflicts shown,
 * incidents found and their documents, undated reports dated right, attacks placed in the US, war tolls taken for
 * incidents. Targets from issues 14 and 15.
 */
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { EXPORTERS } from '../../src/export/exporters.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Score, Scorer } from '../scorer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the exports and gold are read as the Python scorer reads them */
type Row = Record<string, any>;

const CAT: Record<string, readonly string[]> = {
  attacks: ['attacks-on-us-forces', 'houthi-attacks-on-shipping', 'claimed-attacks'],
  injured: ['us-injured', 'injured-by-us-strikes', 'injured-in-gaza', 'us-injured-tbi'],
  killed: [
    'killed-in-gaza',
    'killed-by-us-strikes',
    'killed-in-israel',
    'us-killed',
    'killed-in-yemen',
    'killed-by-drone-strike',
    'killed-in-gaza-children',
    'killed-in-israel-soldiers',
    'us-killed-non-combat',
  ],
  strikes: ['strikes-targets', 'strikes-facilities'],
  troops: ['troops-deployed', 'troops-stationed', 'troops-prepare-to-deploy'],
  hostages: ['hostages'],
};
const SITREP = new Set([
  'attacks',
  'strikes',
  'killed',
  'injured',
  'casualties',
  'kidnapped',
  'hostages',
  'captured',
  'arrested',
  'missing',
  'displaced',
  'troops',
]);

/** Whether a claim's category fits the gold one, as score_news.py's `cat_ok`. */
export function categoryFits(system: string, gold: string): boolean {
  if (SITREP.has(gold)) return system === gold || (['kidnapped', 'hostages'].includes(system) && ['kidnapped', 'hostages'].includes(gold));
  for (const [k, v] of Object.entries(CAT)) if (v.includes(gold)) return system === k || (k === 'hostages' && system === 'kidnapped');
  return true;
}

/** Whether a claim's value is the gold figure under its qualifier, as score_news.py's `value_ok`. */
export function valueFits(value: Row, gold: number, qualifier: string): boolean {
  const lo = value?.low;
  const hi = value?.high;
  if (lo === null || lo === undefined) return false;
  if (qualifier === 'at-least') return lo === gold;
  if (qualifier === 'more-than') return lo === gold || lo === gold + 1;
  if (qualifier === 'about') return Math.abs(lo - gold) <= 0.1 * gold || (hi !== null && hi !== undefined && lo <= gold && gold <= hi);
  if (qualifier === 'up-to') return hi === gold || lo === gold;
  return lo === gold && (hi === null || hi === undefined || hi === gold);
}

const DAY_MS = 86_400_000;
/** An ISO day as a day number, or null, as score.py's `day`. */
function day(s: unknown): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(s).slice(0, 10));
  if (!m || String(s).slice(0, 10).length !== 10) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  if (back.getUTCMonth() !== Number(m[2]) - 1) return null;
  return t / DAY_MS;
}

/** Python's `isspace` for one UTF-16 unit, near enough for stored and gold texts. */
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Maps offsets in the stored text to the gold text where ingest normalised whitespace (score.py's `align`). */
export function align(stored: string | null | undefined, gold: string): ((x: number) => number) | null {
  if (stored === null || stored === undefined || stored === gold) return null;
  // Python indexes code points; map through arrays of code points so offsets agree with the exports' UTF-16 spans.
  const s = Array.from(stored);
  const g = Array.from(gold);
  const m = new Array<number>(s.length + 1).fill(0);
  let i = 0;
  let j = 0;
  while (i < s.length) {
    if (j < g.length && s[i] === g[j]) {
      m[i] = j;
      i++;
      j++;
    } else if (j < g.length && isSpace(g[j])) j++;
    else if (isSpace(s[i])) {
      m[i] = j;
      i++;
    } else {
      const needle = s.slice(i, i + 12).join('');
      const k = indexOfPoints(g, needle, j);
      if (k < 0) {
        m[i] = j;
        i++;
      } else j = k;
    }
  }
  m[s.length] = g.length;
  return (x) => m[Math.min(Math.max(x, 0), s.length)] as number;
}

function indexOfPoints(points: readonly string[], needle: string, from: number): number {
  const joined = points.slice(from).join('');
  const at = joined.indexOf(needle);
  return at < 0 ? -1 : from + Array.from(joined.slice(0, at)).length;
}

/** The records of a JSONL export, passing over bad lines as the Python loader does. */
function readJsonl(path: string): Row[] {
  if (!existsSync(path)) return [];
  const out: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const l = line.trim();
    if (!l) continue;
    try {
      out.push(JSON.parse(l) as Row);
    } catch {
      // as the Python loader: a bad line is passed over
    }
  }
  return out;
}

/** Scores an export folder against a gold folder; the figures of score_news.py's last line, with counts. */
export function scoreNews(
  exportDir: string,
  goldDir: string,
): { figures: Record<string, number>; detail: Record<string, string>; missed: string[] } {
  const gold = JSON.parse(readFileSync(join(goldDir, 'gold.json'), 'utf8')) as Row;
  const scored = (x: Row) => !x.unscored;
  for (const f of gold.facts) if ('quotes' in f) f.quotes = (f.quotes ?? []).filter(scored);
  gold.facts = gold.facts.filter((f: Row) => scored(f) && (!('quotes' in f) || (f.quotes ?? []).length > 0));
  for (const s of gold.series) s.points = s.points.filter(scored);
  gold.conflicts = gold.conflicts.filter(scored);
  gold.incidents = gold.incidents.filter(scored);
  const gdocs = new Map(readJsonl(join(goldDir, 'docs.jsonl')).map((x) => [x.id as string, x]));
  const docs = readJsonl(join(exportDir, 'documents.jsonl'));
  const ext = new Map(docs.map((x) => [x.id as string, x.externalId as string]));
  const maps = new Map<string, ((x: number) => number) | null>();
  for (const x of docs) if (gdocs.has(x.externalId)) maps.set(x.externalId, align(x.text, gdocs.get(x.externalId)?.text));
  // Exports give UTF-16 offsets and Python reads them as code points: the same numbers, read the same way.
  const span = (rec: Row): [number | null, number | null] => {
    const s = rec.span ?? {};
    const a = s.start ?? null;
    const b = s.end ?? null;
    const f = maps.get(rec.externalId);
    return f && a !== null ? [f(a), f(b)] : [a, b];
  };
  const claims = new Map<string, Row[]>();
  for (const c of readJsonl(join(exportDir, 'claims.jsonl'))) {
    c.externalId = c.externalId || ext.get(c.documentId);
    const list = claims.get(c.externalId);
    if (list) list.push(c);
    else claims.set(c.externalId, [c]);
  }
  const factOf = new Map<string, string>();
  const facts = new Map<string, Row>();
  for (const f of readJsonl(join(exportDir, 'facts.jsonl'))) {
    facts.set(f.id, f);
    for (const c of f.claims ?? []) factOf.set(c, f.id);
  }
  const codePoints = (t: string) => Array.from(t);
  const find = (doc: string, quote: string, value: number, qual: string, cat: string): [Row | null, boolean | null] => {
    const text = codePoints(gdocs.get(doc)?.text ?? '');
    const joined = text.join('');
    const where: Array<[number, number]> = [];
    const q = codePoints(quote).length;
    let at = joined.indexOf(quote);
    while (at >= 0) {
      const a = Array.from(joined.slice(0, at)).length;
      where.push([a, a + q]);
      at = joined.indexOf(quote, at + 1);
    }
    if (where.length === 0) return [null, null];
    let best: Row | null = null;
    for (const c of claims.get(doc) ?? []) {
      const [s, e] = span(c);
      if (s === null || e === null || !where.some(([a, b]) => s < b && a < e) || !valueFits(c.value, value, qual)) continue;
      if (best === null || (categoryFits(c.category, cat) && !categoryFits(best.category, cat))) best = c;
    }
    return [best, best !== null && categoryFits(best.category, cat)];
  };

  // 1 figures
  let pairs = 0;
  let found = 0;
  let catRight = 0;
  const missed: string[] = [];
  const factClaims = new Map<string, Row[]>();
  for (const f of gold.facts) {
    const got: Row[] = [];
    const quotes = f.quotes?.length ? f.quotes : f.docs.slice(0, 1).map((x: string) => ({ doc: x, quote: f.quote }));
    for (const q of quotes) {
      pairs++;
      const qq = q.qualifier || f.qualifier;
      const [c, ok] = find(q.doc, q.quote, f.value, qq, f.category);
      if (c === null) {
        missed.push(`${f.id} ${q.doc} ${f.value} ${qq} ${f.category}: ${String(q.quote).slice(0, 90)}`);
        continue;
      }
      found++;
      if (ok) catRight++;
      got.push(c);
    }
    factClaims.set(f.id, got);
  }
  // 2 ledger
  let multi = 0;
  let joinedFacts = 0;
  for (const f of gold.facts) {
    const got = factClaims.get(f.id) ?? [];
    if (new Set(got.map((c) => c.externalId)).size < 2) continue;
    multi++;
    const fs = new Set(got.map((c) => factOf.get(c.id) ?? null));
    if (fs.size === 1 && !fs.has(null)) joinedFacts++;
  }
  // 3 series
  const linked = (a: string, b: string): boolean => {
    const seen = new Set<string>();
    const todo = [b];
    while (todo.length > 0) {
      const x = todo.pop() as string;
      if (seen.has(x) || !facts.has(x)) continue;
      seen.add(x);
      const updates: string[] = facts.get(x)?.updates ?? [];
      if (updates.includes(a)) return true;
      todo.push(...updates);
    }
    return false;
  };
  let links = 0;
  let linksOk = 0;
  for (const s of gold.series) {
    let prev: string | null = null;
    for (const p of s.points) {
      const [c] = find(p.doc, p.quote, p.value, p.qualifier, s.category);
      const cur = c ? (factOf.get(c.id) ?? null) : null;
      if (prev !== null && cur !== null && prev !== cur) {
        links++;
        if (linked(prev, cur)) linksOk++;
      }
      if (cur !== null) prev = cur;
    }
  }
  // 4 conflicts
  let conf = 0;
  let confShown = 0;
  for (const k of gold.conflicts) {
    if (k.kind !== 'figure') continue;
    conf++;
    const cs = k.claims.map((q: Row) => find(q.doc, q.quote, q.value, q.qualifier, '')[0]).filter((c: Row | null) => c !== null) as Row[];
    if (cs.length < 2) continue;
    const fs = cs.map((c) => factOf.get(c.id)).filter((x): x is string => Boolean(x));
    const set = [...new Set(fs)];
    if (set.length === 1 && facts.get(set[0] as string)?.status === 'conflicting') confShown++;
    else if (set.length > 1 && set.every((a) => set.every((b) => a === b || linked(a, b) || linked(b, a)))) confShown++;
  }
  // 5 incidents
  const incs = readJsonl(join(exportDir, 'incidents.jsonl'));
  const incByDoc = new Map<string, Row[]>();
  for (const i of incs) for (const x of i.documents ?? []) incByDoc.set(x, [...(incByDoc.get(x) ?? []), i]);
  let nInc = 0;
  let incFound = 0;
  let incDocs = 0;
  let incDocsAll = 0;
  let killedRight = 0;
  let killedScored = 0;
  for (const g of gold.incidents) {
    const gs = String(g.date ?? '').split('/');
    const gd = day(gs[0]);
    const ge = day(gs[gs.length - 1]);
    if (gd === null || (gs[0] ?? '').length !== 10) continue;
    nInc++;
    const gdocsSet = new Set<string>(g.docs);
    let best: Row | null = null;
    let bestN = 0;
    for (const x of gdocsSet) {
      for (const i of incByDoc.get(x) ?? []) {
        const s = day(i.date?.start);
        const e = day(i.date?.end);
        if (!s || ge === null || !(s - 1 <= ge && gd <= (e || s) + 1)) continue;
        const n = (i.documents ?? []).filter((d: string) => gdocsSet.has(d)).length;
        if (n > bestN) [best, bestN] = [i, n];
      }
    }
    incDocsAll += gdocsSet.size;
    if (best) {
      incFound++;
      incDocs += bestN;
      // The fused killed count against the gold figure (or one it accepts); an unknown count is 0.
      const k = g.killed?.value;
      if (k !== undefined && k !== null) {
        killedScored++;
        if (new Set<number>([k, ...(g.killed?.accept ?? [])]).has(best.killed?.best ?? 0)) killedRight++;
      }
    }
  }
  // 6 dated, US events, tolls
  const cited = new Map<string, Array<[number, number]>>();
  const note = (doc: string, when: unknown) => {
    const p = when ? String(when).split('/') : [];
    const a = p.length > 0 ? day(p[0]) : null;
    const b = p.length > 0 ? day(p[p.length - 1]) : null;
    if (a && b) cited.set(doc, [...(cited.get(doc) ?? []), [a, b]]);
  };
  for (const f of gold.facts) for (const q of f.quotes ?? []) note(q.doc, f.as_of);
  for (const s of gold.series) for (const p of s.points) note(p.doc, p.date);
  for (const g of gold.incidents) for (const x of g.docs) note(x, String(g.date).split('/')[0]?.length === 10 ? g.date : null);
  const per = gold.period;
  let dated = 0;
  let inWindow = 0;
  for (const x of docs) {
    const gd = gdocs.get(x.externalId);
    if (gd && gd.published !== null && gd.published !== undefined) continue;
    const s = day(x.published?.start);
    const ds = cited.get(x.externalId);
    let lo: number | null;
    let hi: number | null;
    if (ds) {
      lo = Math.max(...ds.map(([a]) => a)) - 3;
      hi = Math.max(...ds.map(([, b]) => b)) + 60;
    } else if (per) {
      lo = day(per.start);
      hi = day(per.end);
    } else continue;
    dated++;
    if (s && lo !== null && hi !== null && lo <= s && s <= hi) inWindow++;
  }
  const evs = readJsonl(join(exportDir, 'events.jsonl'));
  const usOk = new Set<string>(gold.us_docs ?? []);
  const evDoc = (e: Row) => e.externalId || ext.get(e.documentId);
  const us = evs.filter((e) => ['ASSAULT', 'DEATH'].includes(e.type) && !usOk.has(evDoc(e)) && e.place?.country === 'US').length;
  const big = [...gold.incidents.filter((g: Row) => (g.killed?.value ?? 0) >= 100), ...(gold.big_incidents ?? [])];
  const spanOf = (x: unknown): [number | null, number | null] => {
    const p = String(x ?? '').split('/');
    return [day(p[0]), day(p[p.length - 1])];
  };
  const known = (i: Row): boolean => {
    const s = day(i.date?.start);
    let e = day(i.date?.end);
    e = e || s;
    if (s === null || e === null) return false;
    const best = i.killed?.best || 0;
    const sizeOk = (g: Row) => {
      const k = g.killed !== null && typeof g.killed === 'object' ? g.killed : { value: g.killed };
      const vals = [k.value, ...(k.accept ?? [])].filter((v) => v);
      return vals.length === 0 || best <= 2 * Math.max(...vals);
    };
    for (const g of big) {
      const [gs, ge0] = spanOf(g.date);
      const ge = ge0 || gs;
      if (gs && ge && s <= ge + 1 && gs - 1 <= e && e - s <= Math.max(3, ge - gs + 1) && sizeOk(g)) return true;
    }
    return false;
  };
  const tolls = incs.filter((i) => !i.aggregate && (i.killed?.best || 0) >= 100 && !known(i)).length;
  const r = (a: number, b: number) => (b ? a / b : 0);
  return {
    figures: {
      figures: r(found, pairs),
      category: r(catRight, pairs),
      joined: r(joinedFacts, multi),
      'series-links': r(linksOk, links),
      conflicts: r(confShown, conf),
      incidents: r(incFound, nInc),
      'inc-docs': r(incDocs, incDocsAll),
      'killed-right': r(killedRight, killedScored),
      dated: r(inWindow, dated),
      'us-events': us,
      'toll-incidents': tolls,
    },
    detail: {
      figures: `${found}/${pairs}`,
      category: `${catRight}/${pairs}`,
      joined: `${joinedFacts}/${multi}`,
      'series-links': `${linksOk}/${links}`,
      conflicts: `${confShown}/${conf}`,
      incidents: `${incFound}/${nInc}`,
      'inc-docs': `${incDocs}/${incDocsAll}`,
      'killed-right': `${killedRight}/${killedScored}`,
      dated: `${inWindow}/${dated}`,
      'us-events': `of ${evs.length} events`,
      'toll-incidents': `of ${incs.length} incidents`,
    },
    missed,
  };
}

/** Targets: issue 14 (figures, category, dated, us-events) and issue 15 (joining, series, conflicts, incidents, tolls). */
const TARGETS: Record<string, { value: number; higherIsBetter: boolean }> = {
  figures: { value: 0.97, higherIsBetter: true },
  category: { value: 0.93, higherIsBetter: true },
  joined: { value: 0.85, higherIsBetter: true },
  'series-links': { value: 0.85, higherIsBetter: true },
  conflicts: { value: 0.75, higherIsBetter: true },
  'inc-docs': { value: 0.85, higherIsBetter: true },
  'killed-right': { value: 0.75, higherIsBetter: true },
  dated: { value: 0.9, higherIsBetter: true },
  'us-events': { value: 0, higherIsBetter: false },
  'toll-incidents': { value: 0, higherIsBetter: false },
};

/** Writes one record family as `sitrep export --what NAME --format jsonl` does. */
async function exportFamily(store: Awaited<ReturnType<typeof openStore>>, what: string, path: string, withText: boolean): Promise<void> {
  const out = createWriteStream(path);
  await EXPORTERS[what]?.run(store, 'jsonl', (chunk) => out.write(chunk), { withText });
  out.end();
  await once(out, 'finish');
}

const conflictNews: Scorer = {
  name: 'conflict-news',
  description: 'real conflict reporting (../shared/eval/conflict-news): figures, categories, joining, series, incidents, dates',
  async run({ sharedDir, workDir }) {
    const goldDir = join(sharedDir, 'eval/conflict-news');
    if (!existsSync(join(goldDir, 'gold.json'))) throw new Error(`no gold set at ${goldDir}`);
    const store = await openStore(join(workDir, 'store.db'));
    try {
      await ingest(store, [join(goldDir, 'docs.jsonl')]);
      await analyse(store, { workers: 0 });
      await exportFamily(store, 'documents', join(workDir, 'documents.jsonl'), true);
      for (const what of ['mentions', 'claims', 'facts', 'events', 'incidents'])
        await exportFamily(store, what, join(workDir, `${what}.jsonl`), false);
    } finally {
      await store.close();
    }
    const { figures, detail, missed } = scoreNews(workDir, goldDir);
    const scores: Score[] = Object.entries(figures).map(([metric, value]) => ({
      metric,
      value,
      ...(TARGETS[metric] ? { target: TARGETS[metric] } : {}),
      detail: detail[metric] ?? '',
    }));
    return { scores, notes: [`exports in ${workDir}`, ...missed.slice(0, 25).map((m) => `missed ${m}`)] };
  },
};

export default conflictNews;
