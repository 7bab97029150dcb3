/** @module `sitrep report`: the situation report over the store, as Markdown or HTML (to stdout or a file), or a PDF file. */
import { writeFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { parseIsoDay } from '../model/day-number.ts';
import type { PaperSize } from '../report/print-pdf.ts';
import type { SituationFormat } from '../report/situation-report.ts';
import type { CommandContext } from './command-context.ts';
import type { BriefSince } from '../report/daily-brief.ts';
import { isoDay } from './parse-arguments.ts';

/** Adds `report` to the CLI. */
export function registerReportCommand(program: Command, context: CommandContext): void {
  program
    .command('report')
    .description('Write the situation report: key figures and their status, incidents, weekly counts, most-cited quotes, sources.')
    .option(
      '--since <day|span>',
      'a brief of what is new first, then only reports published on or after this day (YYYY-MM-DD); or a span (24h, 7d): reports stored in it',
      sinceOption,
    )
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
        options: { since?: BriefSince; until?: string; place?: string; format: SituationFormat | 'pdf'; paper: PaperSize; out?: string },
        command: Command,
      ) => {
        const since =
          options.since === undefined ? undefined : options.since.kind === 'published' ? options.since.day : options.since.at.slice(0, 10);
        if (since && options.until && (parseIsoDay(since) ?? 0) > (parseIsoDay(options.until) ?? 0))
          command.error(`error: --since ${since} is after --until ${options.until}.`, { exitCode: 2, code: 'sitrep.period' });
        if (options.format === 'pdf' && !options.out)
          command.error('error: --format pdf writes a file: give it with --out report.pdf.', { exitCode: 2, code: 'sitrep.pdfOut' });
        const store = await context.openStore(command);
        try {
          const { situationReport } = await import('../report/situation-report.ts');
          let report = await situationReport(
            store,
            {
              ...(since ? { since } : {}),
              ...(options.until ? { until: options.until } : {}),
              ...(options.place ? { place: options.place } : {}),
            },
            options.format === 'pdf' ? 'html' : options.format,
          );
          if (options.since) {
            const brief = await import('../report/daily-brief.ts');
            const data = await brief.gatherBrief(store, options.since);
            report =
              options.format === 'md'
                ? `${brief.renderBriefMarkdown(data)}\n\n${report}`
                : report.replace('</h1>', `</h1>${brief.renderBriefHtml(data)}`);
          }
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

const SPAN_UNITS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since`: a day (reports published since), or a span back from now such as 24h or 7d (reports stored since). */
function sinceOption(value: string): BriefSince {
  const span = /^(\d{1,5})([mhdw])$/.exec(value);
  if (span) return { kind: 'stored', at: new Date(Date.now() - Number(span[1]) * (SPAN_UNITS[span[2] ?? 'h'] ?? 0)).toISOString() };
  return { kind: 'published', day: isoDay(value) };
}
