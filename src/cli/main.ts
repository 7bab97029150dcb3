/** @module The `sitrep` command line: ingest, list, export and the demo; machine output to stdout, messages to stderr. */
import { createWriteStream } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXPORT_FAMILIES } from '../export/export-families.ts';
import type { Exporter } from '../export/exporters.ts';
import { DEFAULT_MAX_BYTES } from '../ingest/default-max-bytes.ts';
import type { IngestSummary } from '../ingest/ingest.ts';
import type { Document } from '../model/document.ts';
import type { AnalyseOptions, AnalyseSummary } from '../pipeline/analyse.ts';
import { DEFAULT_STORE, type OpenMode, openStore } from '../store/open-store.ts';
import { StoreError } from '../store/store-error.ts';
import type { Store } from '../store/store.ts';
import { registerFactCommands } from './fact-commands.ts';
import { registerIncidentCommands } from './incident-commands.ts';
import { registerReportCommand } from './report-command.ts';
import { nonNegativeInteger, pick, positiveInteger } from './parse-arguments.ts';
import { registerServeCommand } from './serve-command.ts';
import { formatQueued, queueIngested, registerTeamCommands, requirePostgresUrl } from './team-commands.ts';
import { registerSourcesCommands } from './sources-commands.ts';
import { registerWatchCommand } from './watch-command.ts';
import { addAsOfOption } from './as-of-option.ts';
import { formatSummary, formatTable, ProgressLine } from './terminal.ts';
import { SAMPLES_DIR, VERSION } from '../package-files.ts';

/** Exit codes: 0 all well, 1 some inputs failed (the rest stored), 2 a usage error. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

export { SAMPLES_DIR, VERSION };

interface GlobalOptions {
  db?: string;
  create?: boolean;
}

/** What the CLI writes to; tests pass their own streams. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = process): Promise<number> {
  let exitCode: number = EXIT.ok;
  const out = (text: string) => io.stdout.write(text);
  const err = (text: string) => io.stderr.write(text);
  const program = new Command()
    .name('sitrep')
    .description('Turn news reports into a verified, source-attributed database of conflict events and figures.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', `the store: a SQLite file or a postgres:// URL (default: $SITREP_DB or ${DEFAULT_STORE})`)
    .option('--create', 'create the store when it does not exist (ingest and demo always may)')
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  // Reading commands never create or write a store: a misspelt --db is an error naming it, not a new empty store.
  const storeOf = async (command: Command, mode: OpenMode = 'read') => {
    const options = command.optsWithGlobals() as GlobalOptions;
    const store = await openStore(options.db ?? (process.env.SITREP_DB || DEFAULT_STORE), {
      mode: options.create ? 'create' : mode,
      onWait: (message) => err(`sitrep: ${message}\n`),
    });
    if (store.created) err(`Created a new store at ${store.location}\n`);
    const { asOf, asOfIngested } = command.opts() as { asOf?: string; asOfIngested?: boolean };
    if (!asOf) return store;
    return (await import('./as-of-option.ts')).openAsOf(store, asOf, asOfIngested ? 'ingested' : 'published', err);
  };

  program
    .command('ingest')
    .description('Read reports (text, Markdown, HTML, RSS/Atom, JSONL; files, folders, - for stdin) into the store, in one transaction.')
    .argument('<paths...>', 'files, folders (read recursively) or - for standard input')
    .option('--max-bytes <n>', 'refuse input files larger than this many bytes', positiveInteger, DEFAULT_MAX_BYTES)
    .option('--json', 'write a JSON result per report to stdout')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--no-analyse', 'only store the reports; analyse them later with `sitrep analyse`')
    .option('--workers <n>', 'analysis worker threads (0: in-process; default: one per core for large batches)', nonNegativeInteger)
    .option('--queue', 'only store the reports and queue them for `sitrep worker` processes (PostgreSQL only)')
    .option(
      '--lease <seconds>',
      'with --queue: how long a job may run before it is handed to another worker (default 300)',
      positiveInteger,
    )
    .action(
      async (
        paths: string[],
        options: {
          maxBytes: number;
          json?: boolean;
          progress: boolean;
          analyse: boolean;
          workers?: number;
          queue?: boolean;
          lease?: number;
        },
        command: Command,
      ) => {
        if (options.lease !== undefined && !options.queue)
          command.error('error: --lease applies to queued jobs: use it with --queue', {
            exitCode: EXIT.usage,
            code: 'sitrep.lease-without-queue',
          });
        const url = options.queue ? requirePostgresUrl(command, 'sitrep ingest --queue') : null;
        const store = await storeOf(command, 'create');
        try {
          const summary = await runIngest(store, paths, {
            maxBytes: options.maxBytes,
            progress: options.progress && Boolean(io.stdout.isTTY),
            stdin: io.stdin,
            stderr: io.stderr,
          });
          if (options.json) out(`${summary.items.map((item) => JSON.stringify(item)).join('\n')}\n`);
          err(`${formatSummary(summary)}\n`);
          if (url !== null) err(`${formatQueued(await queueIngested(store, url, { openStore: storeOf, out, err }, options.lease))}\n`);
          else if (options.analyse) err(`${formatAnalyse(await analyse(store, workersOption(options.workers)))}\n`);
          err(`Store: ${store.location}\n`);
          if (summary.counts.failed > 0) exitCode = EXIT.someFailed;
        } finally {
          await store.close();
        }
      },
    );

  program
    .command('analyse')
    .description('Analyse every stored document not yet analysed by this version of sitrep (ingest does this unless --no-analyse).')
    .option('--workers <n>', 'worker threads (0: in-process; default: one per core for large batches)', nonNegativeInteger)
    .action(async (options: { workers?: number }, command: Command) => {
      const store = await storeOf(command, 'write');
      try {
        err(`${formatAnalyse(await analyse(store, workersOption(options.workers)))}\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('explain')
    .description("Show a document's text with its mentions marked, and what each one means.")
    .argument('<document>', 'a document id or external id')
    .action(async (reference: string, _options: unknown, command: Command) => {
      const store = await storeOf(command);
      try {
        const document = await store.documents.get(reference);
        if (!document) {
          err(`sitrep: no document with id or external id "${reference}" in ${store.location}\n`);
          exitCode = EXIT.usage;
          return;
        }
        const mentions = await store.mentions.list({ documentId: document.id });
        const { explainDocument } = await import('../report/explain-document.ts');
        out(`${explainDocument(document, mentions, { colour: Boolean(io.stdout.isTTY) })}\n`);
        if (document.status === 'stored' && mentions.length === 0) err('This document has not been analysed yet: run `sitrep analyse`.\n');
      } finally {
        await store.close();
      }
    });

  program
    .command('documents')
    .description('List stored documents as a table.')
    .addOption(new Option('--status <status>', 'only documents with this status').choices(['stored', 'duplicate', 'skipped']))
    .option('--source <name>', 'only documents from this source')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .option('--offset <n>', 'skip this many first', nonNegativeInteger, 0)
    .action(async (options: { status?: Document['status']; source?: string; limit: number; offset: number }, command: Command) => {
      const store = await storeOf(command);
      try {
        const documents = await store.documents.list({
          ...pick(options, 'status', 'source'),
          limit: options.limit,
          offset: options.offset,
        });
        out(`${documentTable(documents)}\n`);
        const counts = await store.documents.counts();
        err(`${counts.stored} stored, ${counts.duplicate} duplicates, ${counts.skipped} skipped in ${store.location}\n`);
      } finally {
        await store.close();
      }
    });

  program
    .command('export')
    .description(
      `Write records to stdout (or --out FILE). What: ${Object.entries(EXPORT_FAMILIES)
        .map(([name, e]) => `${name} (${e.formats.join(', ')})`)
        .join('; ')}.`,
    )
    .addOption(new Option('--what <records>', 'which records').choices(Object.keys(EXPORT_FAMILIES)).makeOptionMandatory())
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...new Set(Object.values(EXPORT_FAMILIES).flatMap((e) => e.formats))])
        .default('jsonl'),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--with-text', "include each document's text")
    .action(async (options: { what: string; format: string; out?: string; withText?: boolean }, command: Command) => {
      // commander has checked --what against the families, each of which has an exporter.
      const exporter = (await import('../export/exporters.ts')).EXPORTERS[options.what] as Exporter;
      if (!exporter.formats.includes(options.format)) {
        err(`sitrep: ${options.what} can be exported as ${exporter.formats.join(', ')}, not ${options.format}\n`);
        exitCode = EXIT.usage;
        return;
      }
      const store = await storeOf(command);
      const file = options.out ? createWriteStream(options.out) : null;
      try {
        const written = await exporter.run(store, options.format, (chunk) => (file ?? io.stdout).write(chunk), {
          withText: options.withText ?? false,
        });
        err(`Exported ${written} ${options.what}${options.out ? ` to ${options.out}` : ''}.\n`);
      } finally {
        if (file) await new Promise<void>((done) => file.end(done));
        await store.close();
      }
    });

  program
    .command('demo')
    .description('Ingest the bundled sample corpus into the store and show what was found.')
    .action(async (_options: unknown, command: Command) => {
      const store = await storeOf(command, 'create');
      try {
        err(`Ingesting the sample corpus in ${SAMPLES_DIR} into ${store.location}\n`);
        const summary = await runIngest(store, [SAMPLES_DIR], {
          maxBytes: DEFAULT_MAX_BYTES,
          progress: false,
          stdin: io.stdin,
          stderr: io.stderr,
        });
        err(`${formatSummary(summary)}\n${formatAnalyse(await analyse(store))}\n\n`);
        out(`${documentTable(await store.documents.list({ limit: 500 }))}\n\n`);
        const { situationReport } = await import('../report/situation-report.ts');
        out(`${await situationReport(store, {}, 'md')}\n`);
        if (summary.counts.failed > 0) exitCode = EXIT.someFailed;
      } finally {
        await store.close();
      }
    });

  registerFactCommands(program, { openStore: storeOf, out, err });
  registerIncidentCommands(program, { openStore: storeOf, out, err });
  registerReportCommand(program, { openStore: storeOf, out, err });
  registerServeCommand(program, { openStore: storeOf, out, err });
  registerTeamCommands(program, { openStore: storeOf, out, err });
  registerSourcesCommands(program, { openStore: storeOf, out, err });
  registerWatchCommand(program, { openStore: storeOf, out, err });
  addAsOfOption(program, ['facts', 'fact', 'incidents', 'incident', 'report', 'export']);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    err(`sitrep: ${(error as Error).message}\n`);
    const cause = (error as Error).cause;
    if (cause instanceof Error && !(error instanceof StoreError)) err(`  caused by: ${cause.message}\n`);
    // A store named wrong is the caller's to fix, like a bad option; a server that does not answer is not.
    if (error instanceof StoreError && !['unreachable', 'unusable'].includes(error.code)) return EXIT.usage;
    return EXIT.someFailed;
  }
  return exitCode;
}

async function runIngest(
  store: Store,
  paths: readonly string[],
  options: { maxBytes: number; progress: boolean; stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream },
): Promise<IngestSummary> {
  const { ingest } = await import('../ingest/ingest.ts');
  let progress: ProgressLine | null = null;
  if (options.progress) {
    const { listInputFiles } = await import('../ingest/read-inputs.ts');
    const files = await listInputFiles(paths);
    progress = new ProgressLine(
      options.stderr as NodeJS.WriteStream,
      files.reduce((sum, f) => sum + f.bytes, 0),
    );
  }
  const summary = await ingest(store, paths, {
    maxBytes: options.maxBytes,
    stdin: options.stdin,
    ...(progress ? { onProgress: ({ reports, bytes }) => progress?.update(reports, bytes) } : {}),
  });
  progress?.done();
  return summary;
}

// The parsers, the pipeline, the gazetteer, the language model and the server load only in the commands that use
// them (`await import`), so `--help`, `--version` and the listing commands start in a blink.
async function analyse(store: Store, options: AnalyseOptions = {}): Promise<AnalyseSummary> {
  return (await import('../pipeline/analyse.ts')).analyse(store, options);
}

function workersOption(workers: number | undefined): { workers?: number } {
  return workers === undefined ? {} : { workers };
}

function formatAnalyse(summary: AnalyseSummary): string {
  if (summary.documents === 0) return 'Analysis: nothing new to analyse.';
  return `Analysed ${summary.documents} document${summary.documents === 1 ? '' : 's'} in ${summary.seconds.toFixed(2)} s: ${summary.mentions} mentions.`;
}

function documentTable(documents: readonly Document[]): string {
  return formatTable(
    ['externalId', 'source', 'published', 'status', 'group', 'title'],
    documents.map((d) => [
      d.externalId,
      d.source ?? '',
      d.published
        ? `${d.published.start === d.published.end ? d.published.start : `${d.published.start}..${d.published.end}`}${d.published.inferred ? '*' : ''}`
        : '',
      d.status,
      d.syndicationGroup === d.id ? '' : d.syndicationGroup.slice(0, 8),
      d.title ?? '',
    ]),
    48,
  );
}
