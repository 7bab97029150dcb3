/** @module Output for people: aligned tables, a progress line with a rate, and the ingest summary. */
import type { IngestSummary } from '../ingest/ingest.ts';

/** Renders rows as aligned columns; cells longer than `maxWidth` are cut with an ellipsis. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, maxWidth = 60): string {
  const cut = (cell: string) => (cell.length > maxWidth ? `${cell.slice(0, maxWidth - 1)}…` : cell);
  const cells = [headers, ...rows].map((row) => row.map((cell) => cut(cell.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A one-line progress bar on a terminal: share of bytes read, reports and reports per second. */
export class ProgressLine {
  readonly #stream: NodeJS.WriteStream;
  readonly #totalBytes: number;
  readonly #started = performance.now();
  #last = 0;

  constructor(stream: NodeJS.WriteStream, totalBytes: number) {
    this.#stream = stream;
    this.#totalBytes = totalBytes;
  }

  update(reports: number, bytes: number, force = false): void {
    const now = performance.now();
    if (!force && now - this.#last < 100) return;
    this.#last = now;
    const seconds = Math.max((now - this.#started) / 1000, 1e-3);
    const share = this.#totalBytes > 0 ? Math.min(bytes / this.#totalBytes, 1) : 0;
    const width = 24;
    const filled = Math.round(share * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.#stream.write(
      `\r${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${reports.toLocaleString('en-US')} reports  ${Math.round(reports / seconds).toLocaleString('en-US')}/s  ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }

  done(): void {
    this.#stream.write('\n');
  }
}

/** The summary printed after an ingest: counts, then each failure and skip with its reason. */
export function formatSummary(summary: IngestSummary): string {
  const c = summary.counts;
  const analysed = c.stored + c['near-duplicate'];
  const rate = summary.seconds > 0 ? ` (${Math.round(summary.items.length / summary.seconds).toLocaleString('en-US')} reports/s)` : '';
  const lines = [
    `Ingested ${analysed} new report${analysed === 1 ? '' : 's'} in ${summary.seconds.toFixed(2)} s${rate}:`,
    `  stored          ${c.stored}`,
    `  near-duplicates ${c['near-duplicate']}  (joined an earlier copy's syndication group)`,
    `  duplicates      ${c.duplicate}  (same text as a stored report)`,
    `  unchanged       ${c.unchanged}  (already stored: nothing added)`,
    `  skipped         ${c.skipped}`,
    `  failed          ${c.failed}`,
  ];
  if (c.unchanged > 0 && analysed === 0 && c.duplicate === 0) lines.push('Nothing new: every report was already in the store.');
  for (const item of summary.items) {
    if (item.outcome === 'failed') lines.push(`  failed: ${item.reason}`);
    else if (item.outcome === 'skipped') lines.push(`  skipped: ${item.externalId}: ${item.reason}`);
  }
  if (summary.passedOver.length > 0) {
    lines.push(`Not read: ${summary.passedOver.length} file${summary.passedOver.length === 1 ? '' : 's'} in the folders named:`);
    for (const file of summary.passedOver) lines.push(`  not read: ${file.path}: ${file.reason}`);
  }
  return lines.join('\n');
}
