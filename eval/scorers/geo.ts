/** @module Scores place mentions against the LGL and GeoVirus geoparsing gold: name spans, then distance to the gold point. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MentionOf } from '../../src/model/mention.ts';
import { extractPlaces } from '../../src/understand/places/extract-places.ts';
import { loadGazetteer } from '../../src/understand/places/load-gazetteer.ts';
import type { Score, ScoreResult, Scorer, ScorerOptions } from '../scorer.ts';

/** One gold toponym: its span in the document text and the point it refers to. */
interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  /** Null where the annotators named a place but gave it no point (626 LGL names). */
  readonly lat: number | null;
  readonly lon: number | null;
}

interface GoldDocument {
  readonly corpus: string;
  readonly doc_id: string;
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
}

/** Counts for one corpus (or all). */
interface Tally {
  gold: number;
  predicted: number;
  exact: number;
  overlap: number;
  /** Distances in km of overlap-matched names whose gold point is known. */
  distances: number[];
  metonymicMatched: number;
}

const WITHIN_KM = 161;

function newTally(): Tally {
  return { gold: 0, predicted: 0, exact: 0, overlap: 0, distances: [], metonymicMatched: 0 };
}

/**
 * Every place mention counts as a predicted name, metonymic ones too: the gold marks a name as a
 * toponym whatever it stands for ("Washington said" is annotated), so a metonymic mention that matches
 * is a hit, and its distance is measured like any other. Demonyms count as predictions as well.
 */
const geo: Scorer = {
  name: 'geo',
  description: 'Place names and their coordinates against LGL and GeoVirus (geoparse.dev.jsonl)',
  async run(options: ScorerOptions): Promise<ScoreResult> {
    const lines = readFileSync(join(options.sharedDir, 'eval', 'geoparse.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const documents = lines.slice(0, options.limit ?? lines.length).map((l) => JSON.parse(l) as GoldDocument);
    const loadStarted = performance.now();
    const gazetteer = loadGazetteer();
    const loadMs = performance.now() - loadStarted;
    const tallies = new Map<string, Tally>([['all', newTally()]]);
    const missed = new Map<string, number>();
    const spurious = new Map<string, number>();
    const far: { km: number; note: string }[] = [];
    for (const doc of documents) {
      const mentions = extractPlaces({ text: doc.text, published: null }, gazetteer);
      let corpus = tallies.get(doc.corpus);
      if (!corpus) {
        corpus = newTally();
        tallies.set(doc.corpus, corpus);
      }
      const result = scoreDocument(doc, mentions);
      for (const t of [corpus, tallies.get('all') as Tally]) {
        t.gold += doc.toponyms.length;
        t.predicted += mentions.length;
        t.exact += result.exact;
        t.overlap += result.pairs.length;
        t.metonymicMatched += result.pairs.filter(([, m]) => m.value.metonymic).length;
        for (const [gold, m] of result.pairs) {
          const point = goldPoint(gold);
          if (point) t.distances.push(distanceKm(point.lat, point.lon, m.value.lat, m.value.lon));
        }
      }
      for (const [gold, m] of result.pairs) {
        const point = goldPoint(gold);
        if (!point) continue;
        const km = distanceKm(point.lat, point.lon, m.value.lat, m.value.lon);
        if (km > WITHIN_KM)
          far.push({
            km,
            note: `${doc.corpus} ${doc.doc_id} "${gold.phrase}" -> ${m.value.name} (${m.value.country ?? '-'}, ${m.value.admin1 ?? '-'}) ${Math.round(km)} km`,
          });
      }
      for (const gold of result.missed) missed.set(gold.phrase, (missed.get(gold.phrase) ?? 0) + 1);
      for (const m of result.spurious) spurious.set(`${m.text} [${m.rule}]`, (spurious.get(`${m.text} [${m.rule}]`) ?? 0) + 1);
    }
    // Timed on a second pass, once the code is compiled, as a long-running worker would run it.
    let characters = 0;
    const timed = performance.now();
    for (const doc of documents) {
      extractPlaces({ text: doc.text, published: null }, gazetteer);
      characters += doc.text.length;
    }
    const extractMs = performance.now() - timed;
    const scores: Score[] = [];
    for (const [name, t] of tallies) scores.push(...tallyScores(name, t));
    scores.push({ metric: 'gazetteer load ms', value: Math.round(loadMs) });
    scores.push({
      metric: 'extract ms per 3 KB',
      value: Number(((extractMs / Math.max(1, characters)) * 3000).toFixed(3)),
      target: { value: 0.5, higherIsBetter: false },
      detail: `${documents.length} documents, ${Math.round(extractMs)} ms`,
    });
    const top = (m: Map<string, number>): string =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `${k} ×${v}`)
        .join('; ');
    far.sort((a, b) => b.km - a.km);
    return {
      scores,
      notes: [
        'Spans match exactly (exact) or by overlap, one prediction per gold name; distances are over overlap matches whose gold point is known.',
        'Metonymic mentions and demonyms count as predictions: the gold annotates names whatever they stand for.',
        `Most missed: ${top(missed)}`,
        `Most spurious: ${top(spurious)}`,
        `Farthest (of ${far.length} beyond ${WITHIN_KM} km): ${far
          .slice(0, 25)
          .map((f) => f.note)
          .join('; ')}`,
      ],
    };
  },
};

export default geo;

function tallyScores(name: string, t: Tally): Score[] {
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : Number((a / b).toFixed(4)));
  const f1 = (matched: number): number => {
    const p = t.predicted === 0 ? 0 : matched / t.predicted;
    const r = t.gold === 0 ? 0 : matched / t.gold;
    return p + r === 0 ? 0 : Number(((2 * p * r) / (p + r)).toFixed(4));
  };
  const sorted = [...t.distances].sort((a, b) => a - b);
  const within = sorted.filter((d) => d <= WITHIN_KM).length;
  const mean = sorted.length === 0 ? 0 : sorted.reduce((s, d) => s + d, 0) / sorted.length;
  const median = sorted.length === 0 ? 0 : (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
  // The targets are for the whole set; per-corpus rows are shown beside them without targets of their own.
  const target = (value: number) => (name === 'all' ? { target: { value, higherIsBetter: true } } : {});
  return [
    { metric: `${name} precision (exact span)`, value: ratio(t.exact, t.predicted), detail: `${t.exact}/${t.predicted}` },
    { metric: `${name} recall (exact span)`, value: ratio(t.exact, t.gold), detail: `${t.exact}/${t.gold}` },
    { metric: `${name} F1 (exact span)`, value: f1(t.exact), ...target(0.8) },
    { metric: `${name} precision (overlap)`, value: ratio(t.overlap, t.predicted), detail: `${t.overlap}/${t.predicted}` },
    { metric: `${name} recall (overlap)`, value: ratio(t.overlap, t.gold), detail: `${t.overlap}/${t.gold}` },
    { metric: `${name} F1 (overlap)`, value: f1(t.overlap) },
    {
      metric: `${name} within ${WITHIN_KM} km`,
      value: ratio(within, sorted.length),
      ...target(0.85),
      detail: `${within}/${sorted.length}; ${t.metonymicMatched} matched names were metonymic`,
    },
    { metric: `${name} mean error km`, value: Math.round(mean) },
    { metric: `${name} median error km`, value: Math.round(median) },
  ];
}

/** Exact span matches, and a one-to-one pairing of gold names with overlapping predictions (exact pairs first). */
function scoreDocument(
  doc: GoldDocument,
  mentions: readonly MentionOf<'place'>[],
): { exact: number; pairs: [GoldToponym, MentionOf<'place'>][]; missed: GoldToponym[]; spurious: MentionOf<'place'>[] } {
  const used = new Set<MentionOf<'place'>>();
  const pairs: [GoldToponym, MentionOf<'place'>][] = [];
  const missed: GoldToponym[] = [];
  let exact = 0;
  const pending: GoldToponym[] = [];
  for (const gold of doc.toponyms) {
    const m = mentions.find((x) => !used.has(x) && x.span.start === gold.start && x.span.end === gold.end);
    if (m) {
      used.add(m);
      pairs.push([gold, m]);
      exact++;
    } else {
      pending.push(gold);
    }
  }
  for (const gold of pending) {
    const m = mentions.find((x) => !used.has(x) && x.span.start < gold.end && gold.start < x.span.end);
    if (m) {
      used.add(m);
      pairs.push([gold, m]);
    } else {
      missed.push(gold);
    }
  }
  return { exact, pairs, missed, spurious: mentions.filter((m) => !used.has(m)) };
}

/**
 * The gold point, or null when it is unknown: LGL leaves some names without coordinates (null), and
 * arithmetic on null reads it as 0, which would measure those names against 0°N 0°E.
 */
function goldPoint(gold: GoldToponym): { lat: number; lon: number } | null {
  const { lat, lon } = gold;
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) return null;
  return { lat, lon };
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}
