/** @module `sitrep facts` (a table of facts, filtered) and `sitrep fact <id>` (one fact's ledger, with each sentence). */
import { type Command, Option } from 'commander';
import { CLAIM_CATEGORIES } from '../extract/claims/claim-categories.ts';
import type { ClaimCategory, ClaimPeriod, ClaimPlace } from '../model/claim.ts';
import type { Fact, FactStatus, LedgerEntry } from '../model/fact.ts';
import type { FactQuery } from '../store/store.ts';
import { type CountedAgainst, countedAgainst, describeCounted } from '../report/reported-counted.ts';
import type { CommandContext } from './command-context.ts';
import { isoDay, nonNegativeInteger, pick, positiveInteger } from './parse-arguments.ts';
import { formatValue } from '../report/format-value.ts';
import { formatTable } from './terminal.ts';

const STATUSES: readonly FactStatus[] = ['corroborated', 'single-source', 'conflicting'];

interface FactsOptions {
  category?: ClaimCategory;
  status?: FactStatus;
  country?: string;
  place?: string;
  since?: string;
  until?: string;
  source?: string;
  limit: number;
  offset: number;
  json?: boolean;
}

/** Adds `facts` and `fact <id>` to the CLI. */
export function registerFactCommands(program: Command, context: CommandContext): void {
  program
    .command('facts')
    .description('List facts (figures reconciled across reports) as a table: figure, what, where, when, status, sources.')
    .addOption(new Option('--category <category>', 'only facts of this category').choices([...CLAIM_CATEGORIES]))
    .addOption(new Option('--status <status>', 'only facts with this status').choices([...STATUSES]))
    .option('--country <code>', 'only facts whose place covers this country (ISO 3166-1 alpha-2, e.g. IQ)')
    .option(
      '--place <name>',
      'only facts whose place name contains this text, or that are at a place it is another spelling of (Al-Bukamal: Abu Kamal)',
    )
    .option('--since <day>', 'only facts whose period ends on or after this day (YYYY-MM-DD)', isoDay)
    .option('--until <day>', 'only facts whose period starts on or before this day (YYYY-MM-DD)', isoDay)
    .option('--source <name>', 'only facts with a claim from this source')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option('--offset <n>', 'skip this many first', nonNegativeInteger, 0)
    .option('--json', 'write one fact per line as JSON instead of a table')
    .action(async (options: FactsOptions, command: Command) => {
      const store = await context.openStore(command);
      try {
        const filters: Omit<FactQuery, 'limit' | 'offset'> = pick(
          options,
          'category',
          'status',
          'country',
          'place',
          'since',
          'until',
          'source',
        );
        const facts = await store.claims.facts({ ...filters, limit: options.limit, offset: options.offset });
        const counts = await Promise.all(facts.map((f) => countedAgainst(store, f)));
        if (options.json) {
          if (facts.length > 0)
            context.out(`${facts.map((f, i) => JSON.stringify(counts[i] ? { ...f, counted: counts[i] } : f)).join('\n')}\n`);
        } else context.out(`${factTable(facts, counts)}\n`);
        const total = await store.claims.countFacts(filters);
        context.err(
          `${facts.length} of ${total} fact${total === 1 ? '' : 's'} in ${store.location}; \`sitrep fact <id>\` shows a ledger.\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('fact')
    .description(
      'Show one fact: its value, place, period and status, and its ledger: every claim with its document, source, speaker and sentence.',
    )
    .argument('<id>', 'a fact id, as `sitrep facts` lists them')
    .action(async (id: string, _options: unknown, command: Command) => {
      const store = await context.openStore(command);
      try {
        const fact = await store.claims.fact(id);
        if (fact === null) command.error(`sitrep: no fact with id "${id}" in ${store.location}`, { exitCode: 2, code: 'sitrep.noFact' });
        else {
          context.out(`${describeFact(fact, await store.claims.ledger(id), await countedAgainst(store, fact))}\n`);
          const { factHistory, formatFactHistory } = await import('../report/fact-history.ts');
          const history = await factHistory(store, id);
          if (history) context.out(`\n${formatFactHistory(history, formatValue)}\n`);
        }
      } finally {
        await store.close();
      }
    });
}

function formatPeriod(period: ClaimPeriod | null): string {
  if (period === null) return '';
  const span = period.start === period.end ? period.start : `${period.start}..${period.end}`;
  return period.basis === 'published' ? `as of ${span}` : span;
}

function formatPlace(place: ClaimPlace | null): string {
  if (place === null) return '';
  return place.basis === 'lede' ? `${place.name} (report's)` : place.name;
}

function factTable(facts: readonly Fact[], counts: ReadonlyArray<CountedAgainst | null>): string {
  return formatTable(
    ['id', 'figure', 'what', 'where', 'when', 'status', 'sources', 'counted'],
    facts.map((f, i) => [
      f.id,
      f.sides.length > 1 ? f.sides.map((s) => formatValue(s.value)).join(' vs ') : formatValue(f.value),
      f.category === 'other' ? (f.noun ?? 'other') : f.category,
      formatPlace(f.place),
      formatPeriod(f.period),
      f.status,
      `${f.sources.length}: ${f.sources.join(', ')}`,
      counts[i] ? `${counts[i].counted} held (gap ${counts[i].gap})` : '',
    ]),
    40,
  );
}

/** A fact with its sides, update links and ledger, for people. */
function describeFact(fact: Fact, ledger: readonly LedgerEntry[], counted: CountedAgainst | null): string {
  const lines = [
    `${fact.id}: ${formatValue(fact.value)} ${fact.category === 'other' ? (fact.noun ?? 'other') : fact.category}${fact.noun && fact.category !== 'other' ? ` (${fact.noun})` : ''}`,
    `  where:   ${formatPlace(fact.place) || 'unknown'}`,
    `  when:    ${formatPeriod(fact.period) || 'unknown'}`,
    `  status:  ${fact.status}, ${fact.sources.length} independent source${fact.sources.length === 1 ? '' : 's'}: ${fact.sources.join(', ')}`,
    `  said by: ${fact.primarySources.length === 0 ? 'no speaker named' : `${fact.primarySources.length} primary source${fact.primarySources.length === 1 ? '' : 's'}: ${fact.primarySources.join('; ')}`}`,
  ];
  if (fact.sides.length > 1)
    for (const side of fact.sides)
      lines.push(
        `  side:    ${formatValue(side.value)} says ${side.sources.join(', ')} (${side.claims.length} claim${side.claims.length === 1 ? '' : 's'})`,
      );
  if (counted !== null) lines.push(`  counted: ${describeCounted(counted)}`);
  if (fact.updates.length > 0) lines.push(`  updates: ${fact.updates.join(', ')} (earlier, smaller counts of the same thing)`);
  if (fact.updatedBy.length > 0) lines.push(`  updated by: ${fact.updatedBy.join(', ')}`);
  lines.push('', `Ledger (${ledger.length} claim${ledger.length === 1 ? '' : 's'}):`);
  ledger.forEach((entry, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${entry.externalId}  ${entry.source ?? '(no source)'}  ${entry.published ?? ''}`,
      `     ${formatValue(entry.value)} ${entry.modality === 'asserted' ? '' : `[${entry.modality}] `}according to ${entry.attribution ? `${entry.attribution.text} (${entry.attribution.kind})` : 'the report'}; ${formatPlace(entry.place) || 'no place'}; ${formatPeriod(entry.period) || 'no date'}`,
      `     "${entry.text.replace(/\s+/g, ' ')}"`,
      `     [${entry.rule}]`,
    );
  });
  return lines.join('\n');
}
