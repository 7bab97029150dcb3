/**
 * @module Scores events against the Gun Violence Database reports: the most salient violent event's killed and injured
 * counts, city, state and date. Runs the real pipeline; the reports have no publication date, so ingest infers it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Score, Scorer } from '../scorer.ts';
import { eventDay, salientViolentEvents, sameCity } from './gva.ts';

interface GvdbDocument {
  readonly doc_id: string;
  readonly title: string | null;
  readonly text: string;
  readonly gold: {
    readonly city: { readonly value: string } | null;
    /** "CA - California", or "Unclear". */
    readonly state: string | null;
    readonly date: string | null;
    readonly n_victims_killed: number | null;
    readonly n_victims_injured: number | null;
  };
}

const round = (n: number) => Number(n.toFixed(4));

const gvdb: Scorer = {
  name: 'gvdb',
  description: 'events against the Gun Violence Database reports (gvdb.dev.jsonl): killed, injured, city, state, date',
  async run({ sharedDir, workDir, limit }) {
    const lines = readFileSync(join(sharedDir, 'eval', 'gvdb.dev.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const documents = lines.slice(0, limit ?? lines.length).map((l) => JSON.parse(l) as GvdbDocument);
    const input = join(workDir, 'gvdb.jsonl');
    writeFileSync(input, `${documents.map((d) => JSON.stringify({ id: d.doc_id, title: d.title, text: d.text })).join('\n')}\n`);
    const store = await openStore(join(workDir, 'gvdb.db'));
    try {
      await ingest(store, [input]);
      await analyse(store);
      const idOf = new Map((await store.documents.list({ limit: documents.length * 2 })).map((d) => [d.externalId, d.duplicateOf ?? d.id]));
      const salient = await salientViolentEvents(store);
      const t = {
        killedN: 0,
        killed: 0,
        injuredN: 0,
        injured: 0,
        cityN: 0,
        city: 0,
        stateN: 0,
        state: 0,
        dateN: 0,
        dateExact: 0,
        date1: 0,
        noEvent: 0,
      };
      const misses: string[] = [];
      for (const d of documents) {
        const event = salient.get(idOf.get(d.doc_id) ?? '');
        if (!event) t.noEvent++;
        const g = d.gold;
        if (g.n_victims_killed !== null) {
          t.killedN++;
          if ((event?.killed?.low ?? 0) === g.n_victims_killed && event) t.killed++;
          else if (misses.length < 30) misses.push(`${d.doc_id} killed ${event?.killed?.low ?? 0} gold ${g.n_victims_killed}`);
        }
        if (g.n_victims_injured !== null) {
          t.injuredN++;
          if ((event?.injured?.low ?? 0) === g.n_victims_injured && event) t.injured++;
        }
        if (g.city) {
          t.cityN++;
          if (event?.place && sameCity(event.place.name, g.city.value, null)) t.city++;
        }
        const state = g.state && g.state !== 'Unclear' ? (g.state.split(' - ')[1] ?? g.state) : null;
        if (state) {
          t.stateN++;
          if (event?.place?.admin1?.toLowerCase() === state.toLowerCase()) t.state++;
        }
        if (g.date) {
          t.dateN++;
          const day = event ? eventDay(event) : null;
          if (day === g.date) t.dateExact++;
          if (day && Math.abs(Date.parse(day) - Date.parse(g.date)) <= 86_400_000) t.date1++;
        }
      }
      const scores: Score[] = [
        { metric: 'killed exact', value: round(t.killed / Math.max(1, t.killedN)), detail: `${t.killed}/${t.killedN}` },
        { metric: 'injured exact', value: round(t.injured / Math.max(1, t.injuredN)), detail: `${t.injured}/${t.injuredN}` },
        { metric: 'city', value: round(t.city / Math.max(1, t.cityN)), detail: `${t.city}/${t.cityN}` },
        { metric: 'state', value: round(t.state / Math.max(1, t.stateN)), detail: `${t.state}/${t.stateN}` },
        { metric: 'date exact', value: round(t.dateExact / Math.max(1, t.dateN)), detail: `${t.dateExact}/${t.dateN}` },
        { metric: 'date within one day', value: round(t.date1 / Math.max(1, t.dateN)), detail: `${t.date1}/${t.dateN}` },
        { metric: 'reports with no violent event', value: t.noEvent, detail: `of ${documents.length}` },
      ];
      return {
        scores,
        notes: [
          'Crowd labels: some are missing or cut short; a report with no violent event counts as wrong for every field.',
          `killed misses: ${misses.join('; ')}`,
        ],
      };
    } finally {
      await store.close();
    }
  },
};

export default gvdb;
