/**
 * @module The record families `sitrep export --what` writes, what each holds and its formats. Apart from the exporters
 * (`exporters.ts`), so the command line lists them in its help without loading the exporters.
 */

/** A record family's description and formats; its exporter adds how to write it. */
export interface ExportFamily {
  readonly description: string;
  readonly formats: readonly string[];
}

/** Record families by the name `--what` takes. */
export const EXPORT_FAMILIES = {
  documents: {
    description: 'documents with their metadata, status, publication date and syndication group',
    formats: ['jsonl', 'csv'],
  },
  mentions: {
    description: 'mentions: dates, quantities, places, actors, people, attributions, quotes and sentences, with spans and rules',
    formats: ['jsonl', 'csv'],
  },
  claims: {
    description: 'claims: every attributed figure with its category, value, place, period, attribution, modality and sentence',
    formats: ['jsonl', 'csv'],
  },
  facts: {
    description: 'facts: figures reconciled across documents, with status, claims, documents, sources and update links',
    formats: ['jsonl', 'csv'],
  },
  events: {
    description: 'events: one happening as one report tells it (type, actors, place, date, casualties, modality), with span and rule',
    formats: ['jsonl', 'csv', 'geojson', 'acled'],
  },
  incidents: {
    description:
      'incidents: events from many reports about one happening, fused (date, place, actors, casualties low/best/high), with sources',
    formats: ['jsonl', 'csv', 'geojson', 'acled'],
  },
} as const satisfies Record<string, ExportFamily>;

/** A name `--what` takes. */
export type ExportWhat = keyof typeof EXPORT_FAMILIES;
