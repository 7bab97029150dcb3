/**
 * @module A check outside sitrep's domain, so clustering rules do not overfit to shootings: ECB+ documents clustered
 * by the incident of their most salient event, scored by B-cubed F1 against `gold_cluster`, across and within topics.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { StoredEvent } from '../../src/store/store.ts';
import type { Score, Scorer } from '../scorer.ts';
import { clusterScores } from './gva.ts';

interface EcbDocument {
  readonly doc_id: string;
  readonly topic: number;
  readonly gold_cluster: string;
  /** Pre-tokenised: spaces around punctuation. */
  readonly text: string;
}

const round = (n: number) => Number(n.toFixed(4));

const ecb: Scorer = {
  name: 'ecb',
  description: 'document clustering on ECB+ topics 1-35 (ecbplus.dev.jsonl): B-cubed F1 against gold_cluster',
  async run({ sharedDir, workDir, limit }) {
    const lines = readFileSync(join(sharedDir, 'eval', 'ecbplus.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const documents = lines.slice(0, limit ?? lines.length).map((l) => JSON.parse(l) as EcbDocument);
    const input = join(workDir, 'ecb.jsonl');
    // The texts carry spaces around punctuation ("Reid , 33 ,"): joined back so the sentence and number readers see prose.
    const prose = (text: string) =>
      text
        .replace(/ ([,.;:!?%)'])/g, '$1')
        .replace(/([($]) /g, '$1')
        .replace(/ (n't|'s)/g, '$1');
    writeFileSync(input, `${documents.map((d) => JSON.stringify({ id: d.doc_id, text: prose(d.text) })).join('\n')}\n`);
    const store = await openStore(join(workDir, 'ecb.db'));
    try {
      await ingest(store, [input]);
      await analyse(store);
      const idOf = new Map((await store.documents.list({ limit: documents.length * 2 })).map((d) => [d.externalId, d.duplicateOf ?? d.id]));
      const best = new Map<string, StoredEvent>();
      for (const e of await store.events.list({})) {
        if (!e.incidentId) continue;
        const current = best.get(e.documentId);
        if (!current || e.salience > current.salience) best.set(e.documentId, e);
      }
      const cluster = new Map<string, string>();
      const gold = new Map<string, readonly string[]>();
      let withEvent = 0;
      for (const d of documents) {
        gold.set(d.doc_id, [d.gold_cluster]);
        const event = best.get(idOf.get(d.doc_id) ?? '');
        if (event?.incidentId) {
          cluster.set(d.doc_id, event.incidentId);
          withEvent++;
        }
      }
      const ids = documents.map((d) => d.doc_id);
      const all = clusterScores(ids, cluster, gold);
      const alone = clusterScores(ids, new Map(), gold);
      // Within topics: the same scores, one topic at a time, averaged over documents.
      let within = 0;
      for (const topic of new Set(documents.map((d) => d.topic))) {
        const members = documents.filter((d) => d.topic === topic).map((d) => d.doc_id);
        within += clusterScores(members, cluster, gold).bcubedF1 * members.length;
      }
      const scores: Score[] = [
        {
          metric: 'B-cubed F1 (all topics)',
          value: round(all.bcubedF1),
          detail: `P ${all.bcubedP.toFixed(3)} R ${all.bcubedR.toFixed(3)}; every document alone: ${alone.bcubedF1.toFixed(3)}`,
        },
        { metric: 'B-cubed F1 (within topics)', value: round(within / Math.max(1, documents.length)) },
        { metric: 'pairwise F1', value: round(all.pairF1), detail: `P ${all.pairP.toFixed(3)} R ${all.pairR.toFixed(3)}` },
        { metric: 'documents with a joinable event', value: withEvent, detail: `of ${documents.length}` },
        { metric: 'clusters', value: all.clusters, detail: `gold: ${all.goldClasses}` },
      ];
      return {
        scores,
        notes: [
          'ECB+ is not about conflict: most of its happenings (rehab, earthquakes, product launches) have no PLOVER trigger here, and those documents stay alone.',
        ],
      };
    } finally {
      await store.close();
    }
  },
};

export default ecb;
