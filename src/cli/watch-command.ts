/** @module `sitrep watch`: polls the sources file's sources and analyses what is new as it arrives, until stopped. */
import type { Command } from 'commander';
import { sourcesFilePath } from '../watch/sources-file-basics.ts';
import type { CommandContext } from './command-context.ts';
import { positiveInteger } from './parse-arguments.ts';
import { checkedFile, sourcesFile } from './sources-commands.ts';

/** Adds `watch` to the CLI. */
export function registerWatchCommand(program: Command, context: CommandContext): void {
  program
    .command('watch')
    .description('Poll the sources in the sources file on their intervals; store, analyse and alert on what is new. Stop with Ctrl-C.')
    .option('--sources <file>', 'the sources file, JSON or YAML (default: $SITREP_SOURCES or ./sitrep-sources.yaml)')
    .option('--max-polls <n>', 'stop after this many polls in all', positiveInteger)
    .option('--quiet', 'no line per poll on stderr')
    .action(async (options: { sources?: string; maxPolls?: number; quiet?: boolean }, command: Command) => {
      const { loadSources } = await sourcesFile();
      const config = await checkedFile(command, () => loadSources(sourcesFilePath(options.sources)));
      const { alertEngine } = await import('../alerts/alert-engine.ts');
      if (config.sources.length === 0)
        command.error(`sitrep: ${config.file} lists no sources: add one with \`sitrep sources add\``, { exitCode: 2 });
      if (!config.contact)
        context.err(
          `sitrep: ${config.file} names no contact: set "contact" (an email or web address) so sites can reach whoever runs this watch\n`,
        );
      const store = await context.openStore(command, 'create');
      const controller = new AbortController();
      let signals = 0;
      const stop = (signal: NodeJS.Signals) => {
        // A second signal ends at once; the first lets the poll in hand finish its transaction.
        if (++signals > 1) process.exit(130);
        context.err(`sitrep watch: ${signal}: finishing the poll in hand, then stopping (again to stop at once)\n`);
        controller.abort();
      };
      process.on('SIGINT', stop).on('SIGTERM', stop);
      try {
        const alerts = await checkedFile(command, () => alertEngine(store, config, { out: context.out, err: context.err }));
        const [{ watchSources }, { loadLexicons }] = await Promise.all([
          import('../watch/watch-sources.ts'),
          import('../understand/understand.ts'),
        ]);
        context.err(
          `Watching ${config.sources.length} source${config.sources.length === 1 ? '' : 's'} from ${config.file} into ${store.location}\n`,
        );
        const summary = await watchSources(store, config, {
          lexicons: loadLexicons(),
          signal: controller.signal,
          onAnalysed: async () => {
            await alerts.evaluate();
          },
          ...(options.maxPolls ? { maxPolls: options.maxPolls } : {}),
          onPoll: (event) => {
            if (options.quiet) return;
            const what =
              event.outcome === 'failed'
                ? `failed: ${event.reason}`
                : event.outcome === 'new'
                  ? `${event.units} new, ${event.stored} stored`
                  : event.outcome.replace('-', ' ');
            context.err(`${event.at} ${event.source}: ${what}; next poll ${event.nextPollAt}\n`);
          },
        });
        context.err(`Stopped after ${summary.polls} polls: ${summary.stored} reports stored, ${summary.failures} failed polls.\n`);
      } finally {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        await store.close();
      }
    });
}
