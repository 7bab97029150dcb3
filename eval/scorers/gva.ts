/**
 * @module Scores events and incidents against the Gun Violence Archive documents: per usable document, its most
 * salient violent event against the gold incident (killed, injured, date, city, state, distance); per incident, how
 * the documents cluster (B-cubed and pairwise F1 against `incident_id`). Runs the real pipeline: the documents are
 * ingested from a JSONL written in the scorer's work folder, published = `dct`, then analysed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceKm } from '../../src/understand/places/distance-km.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import type { Event } from '../../src/model/event.ts';
import type { Incident } from '../../src/model/incident.ts';
import { mainViolentEvent } from '../../src/extract/events/score-salience.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store, StoredEvent } from '../../src/store/store.ts';
import type { Score, Scorer } from '../scorer.ts';

interface GvaDocument {
  readonly doc_id: string;
  readonly incident_id: string;
  readonly title: string | null;
  readonly dct: string | null;
  readonly url: string | null;
  readonly text: string;
  readonly gold: {
    readonly date: string;
    readonly state: string;
    readonly city_or_county: string;
    readonly lat_long: readonly [number, number] | null;
    readonly num_killed: number;
    readonly num_injured: number;
  } | null;
  readonly quality: { readonly usable: boolean };
}

/** The main violent event of each document (`mainViolentEvent`: ASSAULT first, then DEATH), by document id. */
export async function salientViolentEvents(store: Store): Promise<Map<string, StoredEvent>> {
  const byDocument = new Map<string, StoredEvent[]>();
  for (let offset = 0; ; offset += 5000) {
    const page = await store.events.list({ limit: 5000, offset });
    for (const e of page) {
      const list = byDocument.get(e.documentId);
      if (list) list.push(e);
      else byDocument.set(e.documentId, [e]);
    }
    if (page.length < 5000) break;
  }
  const best = new Map<string, StoredEvent>();
  for (const [documentId, events] of byDocument) {
    const main = mainViolentEvent(events);
    if (main) best.set(documentId, main);
  }
  return best;
}

/** The day an event is dated to: its day, or the last day of a coarser interval (the report's day, for a fallback). */
export function eventDay(event: Event): string | null {
  if (!event.date) return null;
  return event.date.precision === 'day' ? event.date.start : event.date.end;
}

/**
 * B-cubed and pairwise precision, recall and F1 of a clustering against gold classes. An item may belong to several
 * gold classes (a report about two incidents): another item is correct for it when they share any.
 */
export function clusterScores(
  items: readonly string[],
  cluster: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, readonly string[]>,
): {
  bcubedP: number;
  bcubedR: number;
  bcubedF1: number;
  pairP: number;
  pairR: number;
  pairF1: number;
  clusters: number;
  goldClasses: number;
} {
  const byCluster = new Map<string, string[]>();
  for (const item of items) {
    const c = cluster.get(item) ?? `singleton:${item}`;
    byCluster.set(c, [...(byCluster.get(c) ?? []), item]);
  }
  const byGold = new Map<string, string[]>();
  for (const item of items) for (const g of gold.get(item) ?? [`none:${item}`]) byGold.set(g, [...(byGold.get(g) ?? []), item]);
  const goldMates = (item: string): Set<string> => new Set((gold.get(item) ?? [`none:${item}`]).flatMap((g) => byGold.get(g) ?? []));
  let p = 0;
  let r = 0;
  let pairsBoth = 0;
  let pairsPredicted = 0;
  let pairsGold = 0;
  for (const item of items) {
    const mates = byCluster.get(cluster.get(item) ?? `singleton:${item}`) ?? [item];
    const golden = goldMates(item);
    const correct = mates.filter((m) => golden.has(m)).length;
    p += correct / mates.length;
    r += correct / golden.size;
    pairsBoth += correct - 1;
    pairsPredicted += mates.length - 1;
    pairsGold += golden.size - 1;
  }
  const f1 = (a: number, b: number) => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
  const bcubedP = p / Math.max(1, items.length);
  const bcubedR = r / Math.max(1, items.length);
  const pairP = pairsPredicted === 0 ? 1 : pairsBoth / pairsPredicted;
  const pairR = pairsGold === 0 ? 1 : pairsBoth / pairsGold;
  return {
    bcubedP,
    bcubedR,
    bcubedF1: f1(bcubedP, bcubedR),
    pairP,
    pairR,
    pairF1: f1(pairP, pairR),
    clusters: byCluster.size,
    goldClasses: byGold.size,
  };
}

const round = (n: number) => Number(n.toFixed(4));

/**
 * Whether a place name is the gold city, up to how the archive writes names: "Saint Louis" for "St. Louis", a hyphen
 * as a space ("Wilkes Barre"), a neighbourhood in brackets ("Chicago (Englewood)"), a county as "Henry (county)",
 * and the District of Columbia's one city as "Washington".
 */
export function sameCity(name: string, goldCity: string, goldState: string | null): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\bst\.?\s/g, 'saint ')
      .replace(/-/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const ours = norm(name);
  const gold = norm(goldCity);
  if (!ours) return false;
  if (ours === gold || gold.startsWith(`${ours} (`) || gold.includes(`(${ours})`) || gold === `${ours} county`) return true;
  const county = ours.match(/^(.*) county$/)?.[1];
  if (county && gold === `${county} (county)`) return true;
  return ours === 'district of columbia' && goldState?.toLowerCase() === 'district of columbia' && gold === 'washington';
}

/** The outlet of an archived URL: the original host inside a web.archive.org address. */
function sourceOf(url: string | null): string | null {
  if (!url) return null;
  const inner = url.match(/web\.archive\.org\/web\/\d+\/(?:https?:\/\/)?([^/:]+)/)?.[1] ?? url.match(/^https?:\/\/([^/:]+)/)?.[1];
  return inner ? inner.replace(/^www\./, '') : null;
}

const gva: Scorer = {
  name: 'gva',
  description: 'events and incidents against the Gun Violence Archive documents (gva-documents.dev.jsonl)',
  async run({ sharedDir, projectDir, workDir, limit }) {
    const lines = readFileSync(join(sharedDir, 'eval', 'gva-documents.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const all = lines.map((l) => JSON.parse(l) as GvaDocument).filter((d) => d.quality.usable);
    // A report about two incidents appears twice: it is one document with two gold incidents.
    const incidentsOf = new Map<string, string[]>();
    const documents: GvaDocument[] = [];
    for (const d of all) {
      const known = incidentsOf.get(d.doc_id);
      if (known) known.push(d.incident_id);
      else {
        incidentsOf.set(d.doc_id, [d.incident_id]);
        documents.push(d);
      }
    }
    const chosen = documents.slice(0, limit ?? documents.length);
    const input = join(workDir, 'gva.jsonl');
    writeFileSync(
      input,
      `${chosen.map((d) => JSON.stringify({ id: d.doc_id, title: d.title, url: d.url, source: sourceOf(d.url), published: d.dct, text: d.text })).join('\n')}\n`,
    );
    const store = await openStore(join(workDir, 'gva.db'));
    try {
      const started = performance.now();
      await ingest(store, [input]);
      const summary = await analyse(store);
      const seconds = (performance.now() - started) / 1000;
      const idOf = new Map<string, string>();
      for (let offset = 0; ; offset += 5000) {
        const page = await store.documents.list({ limit: 5000, offset });
        for (const d of page) idOf.set(d.externalId, d.duplicateOf ?? d.id);
        if (page.length < 5000) break;
      }
      const salient = await salientViolentEvents(store);
      // The incident each main event joined: what a user reads in the incident table, fused over its reports.
      const incidentOf = new Map<string, Incident>();
      for (let offset = 0; ; offset += 5000) {
        const page = await store.events.incidents({ limit: 5000, offset });
        for (const incident of page) incidentOf.set(incident.id, incident);
        if (page.length < 5000) break;
      }
      const tally = {
        scored: 0,
        noEvent: 0,
        killed: 0,
        injured: 0,
        incidentKilled: 0,
        incidentInjured: 0,
        dateExact: 0,
        dateWithin1: 0,
        city: 0,
        state: 0,
        within10km: 0,
      };
      const errors: Record<'killed' | 'injured' | 'date' | 'city', string[]> = { killed: [], injured: [], date: [], city: [] };
      const rows: string[] = [];
      const cluster = new Map<string, string>();
      const goldOf = new Map<string, readonly string[]>();
      for (const d of chosen) {
        goldOf.set(d.doc_id, incidentsOf.get(d.doc_id) ?? [d.incident_id]);
        const event = salient.get(idOf.get(d.doc_id) ?? '');
        if (event?.incidentId) cluster.set(d.doc_id, event.incidentId);
        if (!d.gold) continue;
        tally.scored++;
        if (!event) {
          tally.noEvent++;
          continue;
        }
        const killed = event.killed?.low ?? 0;
        const injured = event.injured?.low ?? 0;
        rows.push(
          JSON.stringify({
            doc: d.doc_id,
            incident: d.incident_id,
            dct: d.dct,
            gold: d.gold,
            got: {
              killed,
              injured,
              date: eventDay(event),
              dateRule: event.date?.rule ?? null,
              place: event.place?.name ?? null,
              admin1: event.place?.admin1 ?? null,
              placeRule: event.place?.rule ?? null,
              lat: event.place?.lat ?? null,
              lon: event.place?.lon ?? null,
              precision: event.place?.precision ?? null,
              datePrecision: event.date?.precision ?? null,
              type: event.type,
              modality: event.modality,
              rule: event.rule,
              text: event.text,
              incidentId: event.incidentId ?? null,
            },
          }),
        );
        const incident = event.incidentId ? incidentOf.get(event.incidentId) : undefined;
        if ((incident ? (incident.killed?.best ?? 0) : killed) === d.gold.num_killed) tally.incidentKilled++;
        if ((incident ? (incident.injured?.best ?? 0) : injured) === d.gold.num_injured) tally.incidentInjured++;
        if (killed === d.gold.num_killed) tally.killed++;
        else errors.killed.push(`${d.doc_id.slice(0, 8)} got ${killed} gold ${d.gold.num_killed}`);
        if (injured === d.gold.num_injured) tally.injured++;
        else errors.injured.push(`${d.doc_id.slice(0, 8)} got ${injured} gold ${d.gold.num_injured}`);
        const day = eventDay(event);
        if (day === d.gold.date) tally.dateExact++;
        if (day && Math.abs(Date.parse(day) - Date.parse(d.gold.date)) <= 86_400_000) tally.dateWithin1++;
        else errors.date.push(`${d.doc_id.slice(0, 8)} got ${day} (${event.date?.rule ?? '-'}) gold ${d.gold.date} dct ${d.dct}`);
        if (event.place && sameCity(event.place.name, d.gold.city_or_county, d.gold.state)) tally.city++;
        else
          errors.city.push(
            `${d.doc_id.slice(0, 8)} got ${event.place?.name ?? '-'} (${event.place?.rule ?? ''}) gold ${d.gold.city_or_county}`,
          );
        if (event.place?.admin1?.toLowerCase() === d.gold.state.toLowerCase()) tally.state++;
        if (event.place && d.gold.lat_long && distanceKm(event.place.lat, event.place.lon, d.gold.lat_long[0], d.gold.lat_long[1]) <= 10)
          tally.within10km++;
      }
      // Every scored document beside its gold, for reading errors: eval/results/gva-documents.jsonl.
      mkdirSync(join(projectDir, 'eval', 'results'), { recursive: true });
      writeFileSync(join(projectDir, 'eval', 'results', 'gva-documents.jsonl'), `${rows.join('\n')}\n`);
      const n = Math.max(1, tally.scored);
      const clusters = clusterScores(
        chosen.map((d) => d.doc_id),
        cluster,
        goldOf,
      );
      const singletons = clusterScores(
        chosen.map((d) => d.doc_id),
        new Map(),
        goldOf,
      );
      const scores: Score[] = [
        {
          metric: 'killed exact',
          value: round(tally.killed / n),
          target: { value: 0.85, higherIsBetter: true },
          detail: `${tally.killed}/${tally.scored}`,
        },
        {
          metric: 'injured exact',
          value: round(tally.injured / n),
          target: { value: 0.8, higherIsBetter: true },
          detail: `${tally.injured}/${tally.scored}`,
        },
        {
          metric: "killed exact, the event's incident",
          value: round(tally.incidentKilled / n),
          detail: `${tally.incidentKilled}/${tally.scored}: the fused best of the incident the main event joined`,
        },
        {
          metric: "injured exact, the event's incident",
          value: round(tally.incidentInjured / n),
          detail: `${tally.incidentInjured}/${tally.scored}`,
        },
        { metric: 'date exact', value: round(tally.dateExact / n), detail: `${tally.dateExact}/${tally.scored}` },
        {
          metric: 'date within one day',
          value: round(tally.dateWithin1 / n),
          target: { value: 0.85, higherIsBetter: true },
          detail: `${tally.dateWithin1}/${tally.scored}`,
        },
        {
          metric: 'city',
          value: round(tally.city / n),
          target: { value: 0.8, higherIsBetter: true },
          detail: `${tally.city}/${tally.scored}`,
        },
        { metric: 'state', value: round(tally.state / n), detail: `${tally.state}/${tally.scored}` },
        { metric: 'place within 10 km', value: round(tally.within10km / n), detail: `${tally.within10km}/${tally.scored}` },
        { metric: 'documents with no violent event', value: tally.noEvent, detail: `of ${tally.scored}` },
        {
          metric: 'incident B-cubed F1',
          value: round(clusters.bcubedF1),
          target: { value: 0.9, higherIsBetter: true },
          detail: `P ${clusters.bcubedP.toFixed(3)} R ${clusters.bcubedR.toFixed(3)}; every document alone: ${singletons.bcubedF1.toFixed(3)}`,
        },
        {
          metric: 'incident pairwise F1',
          value: round(clusters.pairF1),
          detail: `P ${clusters.pairP.toFixed(3)} R ${clusters.pairR.toFixed(3)}`,
        },
        {
          metric: 'incident count error',
          value: clusters.clusters - clusters.goldClasses,
          detail: `${clusters.clusters} clusters for ${clusters.goldClasses} gold incidents`,
        },
        { metric: 'ingest + analysis seconds', value: round(seconds), detail: `${chosen.length} documents, ${summary.documents} analysed` },
      ];
      const sample = (list: string[]) => list.slice(0, 25).join('; ');
      return {
        scores,
        notes: [
          `${chosen.length} usable documents (${tally.scored} with gold fields); counts of a document with no violent event are scored as wrong`,
          `killed misses: ${sample(errors.killed)}`,
          `injured misses: ${sample(errors.injured)}`,
          `date misses: ${sample(errors.date)}`,
          `city misses: ${sample(errors.city)}`,
        ],
      };
    } finally {
      await store.close();
    }
  },
};

export default gva;
