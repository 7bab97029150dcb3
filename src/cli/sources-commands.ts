/** @module `sitrep sources add|list|remove|check`: the sources file `sitrep watch` polls. */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SOURCE_KINDS, type SourceKind, SourcesFileError, sourcesFilePath } from '../watch/sources-file-basics.ts';
import type { SourceEntry } from '../watch/sources-file.ts';
import type { CommandContext } from './command-context.ts';
import { formatTable } from './terminal.ts';

const SOURCES_OPTION = ['--sources <file>', 'the sources file, JSON or YAML (default: $SITREP_SOURCES or ./sitrep-sources.yaml)'] as const;

/** Adds `sources` and its subcommands to the CLI. */
export function registerSourcesCommands(program: Command, context: CommandContext): void {
  const sources = program.command('sources').description('List, add, remove and check the sources `sitrep watch` polls.');

  sources
    .command('list')
    .description('List the sources in the sources file.')
    .option(...SOURCES_OPTION)
    .option('--json', 'one JSON object a source')
    .action(async (options: { sources?: string; json?: boolean }, command: Command) => {
      const { formatDuration, loadSources } = await sourcesFile();
      const config = await checkedFile(command, () => loadSources(sourcesFilePath(options.sources)));
      if (options.json) {
        for (const s of config.sources) context.out(`${JSON.stringify({ ...s, links: s.links?.source ?? null })}\n`);
        return;
      }
      context.out(
        `${formatTable(
          ['id', 'kind', 'every', 'outlet', 'language', 'where', 'notes'],
          config.sources.map((s) => [
            s.id,
            s.kind,
            formatDuration(s.intervalMs),
            s.outlet ?? '',
            s.language ?? '',
            s.url ?? s.path ?? '',
            s.notes ?? '',
          ]),
          60,
        )}\n`,
      );
      context.err(`${config.sources.length} source${config.sources.length === 1 ? '' : 's'} in ${config.file}\n`);
    });

  sources
    .command('add')
    .description('Add a source to the sources file (made when missing); the file is checked before it is written.')
    .argument('<id>', 'a name for the source: letters, digits, -, _ and .')
    .addOption(
      new Option('--kind <kind>', 'feed (RSS/Atom), page (a listing whose article links are followed) or folder')
        .choices(SOURCE_KINDS)
        .makeOptionMandatory(),
    )
    .option('--url <address>', 'the feed or listing page (feed, page)')
    .option('--path <folder>', 'the folder new files are dropped in (folder)')
    .option('--interval <duration>', 'time between polls: 30s, 15m, 1h (default 15m)')
    .option('--outlet <name>', 'the outlet its reports are credited to')
    .option('--language <code>', 'the ISO 639-1 language of its reports')
    .option('--notes <text>', 'free notes')
    .option('--links <regexp>', 'page: only follow links whose address matches')
    .option('--allow-private', 'let it reach private and loopback addresses')
    .option(...SOURCES_OPTION)
    .action(async (id: string, options: Omit<SourceEntry, 'id' | 'kind'> & { kind: SourceKind; sources?: string }, command: Command) => {
      const file = sourcesFilePath(options.sources);
      const { sources: _file, ...fields } = options;
      const { addSource } = await sourcesFile();
      const config = await checkedFile(command, () => addSource(file, { id, ...fields }));
      context.err(`Added ${id} to ${file} (${config.sources.length} source${config.sources.length === 1 ? '' : 's'}).\n`);
    });

  sources
    .command('remove')
    .description('Remove a source from the sources file (what the store holds from it stays).')
    .argument('<id>', 'the source to remove')
    .option(...SOURCES_OPTION)
    .action(async (id: string, options: { sources?: string }, command: Command) => {
      const file = sourcesFilePath(options.sources);
      const { removeSource } = await sourcesFile();
      await checkedFile(command, () => removeSource(file, id));
      context.err(`Removed ${id} from ${file}.\n`);
    });

  sources
    .command('check')
    .description('Fetch each source once and say what it would read, or why it cannot; nothing is stored.')
    .argument('[ids...]', 'only these sources')
    .option(...SOURCES_OPTION)
    .option('--json', 'one JSON result a source')
    .action(async (ids: string[], options: { sources?: string; json?: boolean }, command: Command) => {
      const { loadSources } = await sourcesFile();
      const config = await checkedFile(command, () => loadSources(sourcesFilePath(options.sources)));
      const unknown = ids.filter((id) => !config.sources.some((s) => s.id === id));
      if (unknown.length > 0) throw new InvalidArgumentError(`no source ${unknown.map((id) => `"${id}"`).join(', ')} in ${config.file}`);
      const chosen = ids.length > 0 ? config.sources.filter((s) => ids.includes(s.id)) : config.sources;
      const { checkSources } = await import('../watch/check-sources.ts');
      let failed = 0;
      for await (const result of checkSources(config, chosen)) {
        if (!result.ok) failed++;
        if (options.json) context.out(`${JSON.stringify(result)}\n`);
        else
          context.out(
            `${result.ok ? 'ok  ' : 'FAIL'} ${result.source}: ${result.summary}\n${result.items.map((t) => `       - ${t}\n`).join('')}`,
          );
      }
      // A plain error, not a usage one: the file is fine, the sources are not (exit 1).
      if (failed > 0) throw new Error(`${failed} of ${chosen.length} sources cannot be read`);
    });
}

/** The sources file's reader and writer, loaded by the commands that use them (it brings the YAML parser). */
export function sourcesFile(): Promise<typeof import('../watch/sources-file.ts')> {
  return import('../watch/sources-file.ts');
}

/** Runs `work` on the sources file; a problem with the file is a usage error (exit 2) naming file, line and field. */
export async function checkedFile<T>(command: Command, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SourcesFileError) command.error(`sitrep: ${error.message}`, { exitCode: 2, code: 'sitrep.sources-file' });
    throw error;
  }
}
