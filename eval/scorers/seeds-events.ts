/** @module Scores events and incidents on the seeds: each gold event found as an incident, and no `must_not` item present. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/ingest.ts';
import type { Incident } from '../../src/model/incident.ts';
import { analyse } from '../../src/pipeline/analyse.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { StoredEvent } from '../../src/store/store.ts';
import type { Score, Scorer } from '../scorer.ts';

interface GoldEvent {
  readonly id: string;
  readonly type: string;
  readonly date?: readonly [string, string];
  readonly place?: string;
  readonly modality?: string;
  readonly initiator_must_not_be?: string;
  readonly documents: readonly string[];
}

interface Gold {
  readonly events: readonly GoldEvent[];
}

const countryNames = (
  createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> }
).countries;

/** Every name a country code goes by ("US": "United States of America", "United States", ...). */
function namesOf(code: string | null): string[] {
  if (!code) return [];
  const names = countryNames[code];
  return names === undefined ? [] : Array.isArray(names) ? names : [names];
}

/** The parts of a gold place: "Abu Kamal (Al-Bukamal), Syria" is Abu Kamal, Al-Bukamal and Syria. */
function placeParts(place: string): string[] {
  return place
    .split(/,|\band\b|\(|\)/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
}

/** A place matches where its name or its country's names meet a gold part (either containing the other). */
function placeFits(incident: Incident, gold: string | undefined): boolean {
  if (!gold || !incident.place) return true;
  const names = [incident.place.name, ...namesOf(incident.place.country)].map((n) => n.toLowerCase());
  return placeParts(gold).some((part) => names.some((n) => n.includes(part) || part.includes(n)));
}

function dateFits(incident: Incident, gold: readonly [string, string] | undefined): boolean {
  if (!gold || !incident.date) return true;
  return incident.date.start <= gold[1] && gold[0] <= incident.date.end;
}

function isUs(name: string, country: string | undefined): boolean {
  return country === 'US' || /^(the )?(u\.?s\.?|united states)/i.test(name);
}

const seedsEvents: Scorer = {
  name: 'seeds-events',
  description: 'events and incidents on the seeds (../shared/seeds/gold.json): gold events found, must_not items absent',
  async run({ sharedDir, workDir }) {
    const seeds = join(sharedDir, 'seeds');
    if (!existsSync(join(seeds, 'gold.json'))) return { scores: [], notes: [`skipped: no ${join(seeds, 'gold.json')}`] };
    const gold = JSON.parse(readFileSync(join(seeds, 'gold.json'), 'utf8')) as Gold;
    const store = await openStore(join(workDir, 'seeds-events.db'));
    const notes: string[] = [];
    try {
      await ingest(store, [seeds]);
      await analyse(store, { workers: 0 });
      const incidents = await store.events.incidents({});
      const events = await store.events.list({});
      const externalOf = new Map(events.map((e) => [e.documentId, e.externalId]));
      const eventsOf = new Map<string, StoredEvent[]>();
      for (const e of events) if (e.incidentId) eventsOf.set(e.incidentId, [...(eventsOf.get(e.incidentId) ?? []), e]);
      let found = 0;
      for (const g of gold.events) {
        const fits = incidents.filter((incident) => {
          const documents = new Set(incident.documents.map((d) => externalOf.get(d) ?? d));
          if (incident.type !== g.type || !g.documents.every((d) => documents.has(d))) return false;
          if (!placeFits(incident, g.place) || !dateFits(incident, g.date)) return false;
          const members = eventsOf.get(incident.id) ?? [];
          if (g.modality && !members.some((e) => e.modality === g.modality)) return false;
          if (g.initiator_must_not_be && incident.initiator.some((a) => isUs(a.name, a.country))) return false;
          return true;
        });
        if (fits.length > 0) found++;
        else {
          const near = incidents
            .filter((i) => i.type === g.type && i.documents.some((d) => g.documents.includes(externalOf.get(d) ?? '')))
            .map(
              (i) =>
                `${i.id} ${i.date?.start ?? '?'}..${i.date?.end ?? '?'} ${i.place?.name ?? '-'} [${i.documents.map((d) => externalOf.get(d)?.slice(0, 3)).join(',')}]`,
            );
          notes.push(
            `missed ${g.id} (${g.type}, ${g.documents.map((d) => d.slice(0, 3)).join(',')}): nearest ${near.slice(0, 4).join('; ') || 'none'}`,
          );
        }
      }
      // The must_not items, as events and incidents can show them.
      const violations: string[] = [];
      const figures = (e: StoredEvent) => [e.killed?.low, e.injured?.low, e.aggregate?.low].filter((n): n is number => n !== undefined);
      for (const e of events) {
        if (/one-way attack drones?/.test(e.text) && figures(e).includes(1))
          violations.push(`a count of 1 from "one-way attack drones" in ${e.externalId}`);
        for (const n of figures(e))
          if ([68, 70, 2023, 2024].includes(n)) violations.push(`${n} read as a count in ${e.externalId}: ${e.text.slice(0, 80)}`);
        const weekend = e.date && e.date.start <= '2023-10-29' && e.date.end >= '2023-10-28' && e.date.start >= '2023-10-27';
        if (
          e.externalId.startsWith('001_') &&
          e.type === 'ASSAULT' &&
          weekend &&
          /bukamal|abu kamal/i.test(`${e.place?.name ?? ''} ${e.text}`) &&
          e.modality === 'asserted' &&
          e.initiator.some((a) => isUs(a.name, a.country))
        )
          violations.push(`the weekend strike on Al-Bukamal asserted as a US strike: ${e.text.slice(0, 80)}`);
      }
      const oct26 = events.filter(
        (e) =>
          e.type === 'ASSAULT' &&
          e.date?.start === '2023-10-26' &&
          e.date.end === '2023-10-26' &&
          /bukamal|abu kamal/i.test(e.place?.name ?? ''),
      );
      if (oct26.length === 0) notes.push('the US strikes of 26 October were not found as an event, so their casualty check is empty');
      for (const e of oct26) {
        const incident = incidents.find((i) => i.id === e.incidentId);
        if (e.killed || e.injured || incident?.killed || incident?.injured)
          violations.push(
            `a casualty figure for the US strikes of 26 October (${e.id}: killed ${JSON.stringify(incident?.killed ?? e.killed)})`,
          );
      }
      notes.push(...violations.map((v) => `must_not: ${v}`));
      notes.push(
        `${events.length} events, ${incidents.length} incidents from ${new Set(events.map((e) => e.documentId)).size} seed documents`,
      );
      const scores: Score[] = [
        {
          metric: 'gold events found',
          value: found,
          target: { value: 9, higherIsBetter: true },
          detail: `${found}/${gold.events.length}`,
        },
        { metric: 'must_not items present', value: violations.length, target: { value: 0, higherIsBetter: false } },
      ];
      return { scores, notes };
    } finally {
      await store.close();
    }
  },
};

export default seedsEvents;
