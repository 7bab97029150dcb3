/** @module `sitrep report`: the situation report over the store, as Markdown or HTML (to stdout or a file), or a PDF file. */
import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { parseIsoDay } from '../model/day-number.ts';
import type { PaperSize } from '../report/print-pdf.ts';
import type { SituationFormat } from '../report/situation-report.ts';
import type { CommandContext } from './command-context.ts';
import { isoDay } from './parse-arguments.ts';

/** Adds `report` to the CLI. */
export function registerReportCommand(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description('Write the situation report: key figures and their status, incidents, weekly counts, most-cited quotes, sources.')
    .option('--since <day>', 'only reports published on or after this day (YYYY-MM-DD)', isoDay)
    .option('--until <day>', 'only reports published on or before this day (YYYY-MM-DD)', isoDay)
    .option('--place <name>', 'only reports mentioning this place (a name, a region or a two-letter country code)')
    .addOption(
      new Option('--format <format>', 'Markdown, a self-contained HTML page, or a PDF printed by Chromium')
        .choices(['md', 'html', 'pdf'])
        .default('md'),
    )
    .addOption(new Option('--paper <size>', 'paper for --format pdf').choices(['A4', 'Letter']).default('A4'))
    .option('--out <file>', 'write to this file instead of stdout (needed for pdf)')
    .action(
      async (
        options: { since?: string; until?: string; place?: string; format: SituationFormat | 'pdf'; paper: PaperSize; out?: string },
        command: Command,
      ) => {
        if (options.since && options.until && (parseIsoDay(options.since) ?? 0) > (parseIsoDay(options.until) ?? 0))
          command.error(`error: --since ${options.since} is after --until ${options.until}.`, { exitCode: 2, code: 'sitrep.period' });
        if (options.format === 'pdf' && !options.out)
          command.error('error: --format pdf writes a file: give it with --out report.pdf.', { exitCode: 2, code: 'sitrep.pdfOut' });
        const store = await context.openStore(command);
        try {
          const { situationReport } = await import('../report/situation-report.ts');
          const report = await situationReport(
            store,
            {
              ...(options.since ? { since: options.since } : {}),
              ...(options.until ? { until: options.until } : {}),
              ...(options.place ? { place: options.place } : {}),
            },
            options.format === 'pdf' ? 'html' : options.format,
          );
          if (options.format === 'pdf' && options.out) {
            const { PdfUnavailableError, printPdf } = await import('../report/print-pdf.ts');
            try {
              await writeFile(options.out, await printPdf(report, { paper: options.paper }));
            } catch (error) {
              if (!(error instanceof PdfUnavailableError)) throw error;
              command.error(`sitrep: ${error.message}`, { exitCode: 2, code: 'sitrep.noChromium' });
            }
            context.err(`Wrote the situation report to ${options.out} (PDF, ${options.paper}).\n`);
          } else if (options.out) {
            await writeFile(options.out, `${report}\n`);
            context.err(`Wrote the situation report to ${options.out}.\n`);
          } else context.out(`${report}\n`);
        } finally {
          await store.close();
        }
      },
    );
}
