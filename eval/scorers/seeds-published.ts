/** @module Scores publication-date inference: each seed's (and sample's) inferred interval must lie inside its gold interval. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Score, Scorer } from '../scorer.ts';

interface GoldDocuments {
  readonly documents: Record<string, { readonly published: readonly [string, string] }>;
}

/** Ingests a folder and scores every gold document's inferred interval. */
async function scoreFolder(folder: string, goldPath: string, dbPath: string, label: string, notes: string[]): Promise<Score[]> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldDocuments;
  const store = await openStore(dbPath);
  try {
    await ingest(store, [folder]);
    const documents = new Map((await store.documents.list()).map((d) => [d.externalId, d]));
    let inside = 0;
    let exact = 0;
    const entries = Object.entries(gold.documents);
    for (const [externalId, { published }] of entries) {
      const document = documents.get(externalId);
      const got = document?.published;
      if (got && got.start >= published[0] && got.end <= published[1]) {
        inside++;
        if (got.start === published[0] && got.end === published[1]) exact++;
      } else {
        notes.push(
          `${label} ${externalId}: got ${got ? `${got.start}..${got.end} (${got.rule})` : document ? 'no date' : 'not stored'}, gold ${published[0]}..${published[1]}`,
        );
      }
    }
    return [
      {
        metric: `${label}: inside gold interval`,
        value: inside / entries.length,
        target: { value: 1, higherIsBetter: true },
        detail: `${inside}/${entries.length}`,
      },
      { metric: `${label}: equal to gold interval`, value: exact / entries.length, detail: `${exact}/${entries.length}` },
    ];
  } finally {
    await store.close();
  }
}

const seedsPublished: Scorer = {
  name: 'seeds-published',
  description: 'published-date inference on the seeds (../shared/seeds/gold.json) and the samples (samples/expected.json)',
  async run({ sharedDir, projectDir, workDir }) {
    const notes: string[] = [];
    const scores: Score[] = [];
    const seeds = join(sharedDir, 'seeds');
    if (existsSync(join(seeds, 'gold.json')))
      scores.push(...(await scoreFolder(seeds, join(seeds, 'gold.json'), join(workDir, 'seeds.db'), 'seeds', notes)));
    else notes.push(`seeds skipped: no ${join(seeds, 'gold.json')}`);
    scores.push(
      ...(await scoreFolder(
        join(projectDir, 'samples/reports'),
        join(projectDir, 'samples/expected.json'),
        join(workDir, 'samples.db'),
        'samples',
        notes,
      )),
    );
    return { scores, notes };
  },
};

export default seedsPublished;
