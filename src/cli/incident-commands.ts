/** @module `sitrep incidents` (a table of incidents, filtered) and `sitrep incident <id>` (its events, with each sentence). */
import { type Command, Option } from 'commander';
import { EVENT_TYPES, type EventType } from '../model/event.ts';
import type { FusedCount, Incident } from '../model/incident.ts';
import type { IncidentDetail, IncidentQuery } from '../store/store.ts';
import type { CommandContext } from './command-context.ts';
import { isoDay, nonNegativeInteger, pick, positiveInteger } from './parse-arguments.ts';
import { formatTable } from './terminal.ts';

interface IncidentsOptions {
  type?: EventType;
  country?: string;
  place?: string;
  since?: string;
  until?: string;
  source?: string;
  minSources?: number;
  claimedBy?: string;
  blamedOn?: string;
  deniedBy?: string;
  limit: number;
  offset: number;
  json?: boolean;
}

/** Adds `incidents` and `incident <id>` to the CLI. */
export function registerIncidentCommands(program: Command, context: CommandContext): void {
  program
    .command('incidents')
    .description(
      'List incidents (one row per real-world happening, however many reports tell it): when, what, where, who, casualties, sources.',
    )
    .addOption(new Option('--type <type>', 'only incidents of this PLOVER type').choices([...EVENT_TYPES]))
    .option('--country <code>', 'only incidents in this country (ISO 3166-1 alpha-2, e.g. IQ)')
    .option(
      '--place <name>',
      'only incidents whose place name contains this text, or that are at a place it is another spelling of (Al-Bukamal: Abu Kamal)',
    )
    .option('--since <day>', 'only incidents ending on or after this day (YYYY-MM-DD)', isoDay)
    .option('--until <day>', 'only incidents starting on or before this day (YYYY-MM-DD)', isoDay)
    .option('--source <name>', 'only incidents told by a document from this source')
    .option('--min-sources <n>', 'only incidents with at least this many independent sources', positiveInteger)
    .option('--claimed-by <actor>', 'only incidents this actor claims (its name or lexicon id, any case)')
    .option('--blamed-on <actor>', 'only incidents blamed on this actor')
    .option('--denied-by <actor>', 'only incidents this actor is said not to have done')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option('--offset <n>', 'skip this many first', nonNegativeInteger, 0)
    .option('--json', 'write one incident per line as JSON instead of a table')
    .action(async (options: IncidentsOptions, command: Command) => {
      const store = await context.openStore(command);
      try {
        const filters: Omit<IncidentQuery, 'limit' | 'offset'> = pick(
          options,
          'type',
          'country',
          'place',
          'since',
          'until',
          'source',
          'minSources',
          'claimedBy',
          'blamedOn',
          'deniedBy',
        );
        const incidents = await store.events.incidents({ ...filters, limit: options.limit, offset: options.offset });
        if (options.json) {
          if (incidents.length > 0) context.out(`${incidents.map((i) => JSON.stringify(i)).join('\n')}\n`);
        } else context.out(`${incidentTable(incidents)}\n`);
        const total = await store.events.countIncidents(filters);
        context.err(
          `${incidents.length} of ${total} incident${total === 1 ? '' : 's'} in ${store.location}; \`sitrep incident <id>\` shows its reports.\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('incident')
    .description('Show one incident: its fused fields, then every event that tells it, with the document and the sentence.')
    .argument('<id>', 'an incident id (or the start of one, at least 6 characters)')
    .option('--json', 'write the incident and its events as one JSON object')
    .action(async (reference: string, options: { json?: boolean }, command: Command) => {
      const store = await context.openStore(command);
      try {
        let detail = await store.events.incident(reference);
        if (!detail && reference.length >= 6) {
          // A prefix, as the table shows ids: page through until one matches.
          for (let offset = 0; !detail; offset += 1000) {
            const page = await store.events.incidents({ limit: 1000, offset });
            const found = page.find((i) => i.id.startsWith(reference));
            if (found) detail = await store.events.incident(found.id);
            if (page.length < 1000) break;
          }
        }
        if (!detail)
          command.error(`sitrep: no incident with id "${reference}" in ${store.location}; \`sitrep incidents\` lists them.`, {
            exitCode: 2,
            code: 'sitrep.noIncident',
          });
        context.out(options.json ? `${JSON.stringify(detail)}\n` : `${describeIncident(detail)}\n`);
      } finally {
        await store.close();
      }
    });
}

function count(value: FusedCount | null): string {
  if (!value) return '';
  if (value.low === value.best && value.high === value.best) return String(value.best);
  return `${value.best} (${value.low}–${value.high ?? '?'})`;
}

function when(date: Incident['date']): string {
  if (!date) return '';
  return date.start === date.end ? date.start : `${date.start}..${date.end}`;
}

function who(incident: Pick<Incident, 'initiator' | 'target'>): string {
  const side = (list: Incident['initiator']) => list.map((a) => a.name).join(', ');
  const initiator = side(incident.initiator);
  const target = side(incident.target);
  return initiator || target ? `${initiator || '?'} → ${target || '?'}` : '';
}

function incidentTable(incidents: readonly Incident[]): string {
  return formatTable(
    ['id', 'date', 'type', 'place', 'who', 'killed', 'injured', 'sources', 'reports'],
    incidents.map((i) => [
      i.id,
      when(i.date),
      `${i.type}${i.modes.length > 0 ? ` (${i.modes.join(', ')})` : ''}${i.aggregate ? ' ×' : ''}`,
      i.place ? `${i.place.name}${i.place.country ? `, ${i.place.country}` : ''}` : '',
      who(i),
      count(i.killed),
      count(i.injured),
      String(i.sourceCount),
      String(i.events.length),
    ]),
    40,
  );
}

/** The fused fields, then each event with its document and sentence. */
const RESPONSIBILITY_LABELS = [
  ['claimedBy', 'claimed:'],
  ['blamedOn', 'blamed: '],
  ['deniedBy', 'denied: '],
] as const;

/** "  claimed:  X", "  blamed:   Y (by Z)", "  denied:   W": only the kinds some report states. */
function responsibilityLines(i: Incident): string[] {
  return RESPONSIBILITY_LABELS.filter(([field]) => i[field].length > 0).map(
    ([field, label]) => `  ${label}  ${i[field].map((r) => (r.by ? `${r.actor.name} (by ${r.by.name})` : r.actor.name)).join(', ')}`,
  );
}

export function describeIncident(detail: IncidentDetail): string {
  const i = detail.incident;
  const lines = [
    `Incident ${i.id}: ${i.type}${i.modes.length > 0 ? ` (${i.modes.join(', ')})` : ''}${i.aggregate ? ', an aggregate of several happenings' : ''}`,
    `  when:     ${when(i.date) || 'unknown'}${i.date ? ` (${i.date.precision})` : ''}`,
    `  where:    ${i.place ? `${i.place.name}${i.place.admin1 ? `, ${i.place.admin1}` : ''}${i.place.country ? `, ${i.place.country}` : ''} (${i.place.lat.toFixed(3)}, ${i.place.lon.toFixed(3)}; precision ${i.place.precision})` : 'unknown'}`,
    `  who:      ${who(i) || 'unknown'}`,
    ...responsibilityLines(i),
    `  killed:   ${i.killed ? `${count(i.killed)} [${i.killed.rule}]` : 'no figure'}`,
    `  injured:  ${i.injured ? `${count(i.injured)} [${i.injured.rule}]` : 'no figure'}`,
    `  sources:  ${i.sourceCount} independent (${i.sources.join(', ') || 'unnamed'}); ${i.events.length} report${i.events.length === 1 ? '' : 's'}`,
    '',
  ];
  detail.events.forEach((e, n) => {
    const figures = [
      e.killed ? `killed ${e.killed.low}${e.killed.high === e.killed.low ? '' : `–${e.killed.high ?? '?'}`}` : null,
      e.injured ? `injured ${e.injured.low}${e.injured.high === e.injured.low ? '' : `–${e.injured.high ?? '?'}`}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `${n + 1}. ${e.document.externalId} — ${e.document.source ?? 'unknown source'}, published ${e.document.published ?? 'unknown'}`,
      `   ${e.modality}; ${e.date ? `${when(e.date)} (${e.date.rule})` : 'undated'}; ${e.place ? `${e.place.name} (${e.place.rule})` : 'no place'}${figures ? `; ${figures}` : ''}; salience ${e.salience}  [${e.rule}]`,
      `   "${e.text.length > 400 ? `${e.text.slice(0, 397)}...` : e.text}"`,
    );
    for (const [field, label] of RESPONSIBILITY_LABELS)
      for (const r of e[field]) lines.push(`   ${label} ${r.actor.name}${r.by ? ` (by ${r.by.name})` : ''}: "${r.text}"  [${r.rule}]`);
  });
  return lines.join('\n');
}
