/**
 * @module Every export of a store, as `sitrep export --format jsonl` writes it, and a readable comparison of two stores'
 * exports: records lost, added, duplicated or changed, field by field.
 */
import { runCli } from '../../src/cli/main.ts';

/** Every record family `sitrep export --what` takes. */
export const EXPORT_KINDS = ['documents', 'mentions', 'claims', 'facts', 'events', 'incidents'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type Exports = Record<ExportKind, string[]>;

/**
 * Fields that must differ between two runs and nothing else: when a document was ingested. Everything else, ids
 * included, is derived from the reports' content and must come out the same.
 */
const VOLATILE: Readonly<Partial<Record<ExportKind, readonly string[]>>> = { documents: ['ingestedAt'] };

/** What one `sitrep export` wrote and how it ended. */
export interface ExportRun {
  readonly code: number;
  readonly lines: string[];
  readonly stderr: string;
}

/**
 * Runs `sitrep --db <location> export --what <kind> --format jsonl` through the CLI's own entry point in this process
 * (six process starts per trial would cost more than the trial), normalising each line.
 */
export async function exportOne(location: string, kind: ExportKind): Promise<ExportRun> {
  let out = '';
  let err = '';
  const code = await runCli(['--db', location, 'export', '--what', kind, '--format', 'jsonl'], {
    stdout: { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (chunk: string) => ((err += chunk), true) } as unknown as NodeJS.WritableStream,
    stdin: process.stdin,
  });
  const lines = out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => normalise(kind, line));
  return { code, lines, stderr: err };
}

/** Every export of a store; an export that fails is an error. */
export async function exportAll(location: string): Promise<Exports> {
  const exports = {} as Exports;
  for (const kind of EXPORT_KINDS) {
    const run = await exportOne(location, kind);
    if (run.code !== 0) throw new Error(`sitrep export --what ${kind} of ${location} exited ${run.code}: ${run.stderr.trim()}`);
    exports[kind] = run.lines;
  }
  return exports;
}

function normalise(kind: ExportKind, line: string): string {
  const volatile = VOLATILE[kind];
  if (!volatile) return line;
  const record = JSON.parse(line) as Record<string, unknown>;
  for (const field of volatile) delete record[field];
  return JSON.stringify(record);
}

/** How one export of a trial differs from the reference's. */
export interface ExportDifference {
  readonly kind: ExportKind;
  readonly reference: number;
  readonly trial: number;
  /** Records the reference has and the trial does not. */
  readonly lost: number;
  /** Records the trial has and the reference does not. */
  readonly added: number;
  /** Records the trial holds more often than the reference. */
  readonly duplicated: number;
  /** The same records, in another order. */
  readonly orderOnly: boolean;
  /** A few differences, readable: changed fields by record id, else whole records. */
  readonly samples: readonly string[];
}

/**
 * Compares each export line by line. With `ordered` false (two jobs racing may store in either order), the records
 * are compared as sets.
 */
export function compareExports(reference: Exports, trial: Exports, ordered = true): ExportDifference[] {
  const differences: ExportDifference[] = [];
  for (const kind of EXPORT_KINDS) {
    const a = reference[kind];
    const b = trial[kind];
    if (a.length === b.length && a.every((line, i) => line === b[i])) continue;
    const counts = new Map<string, number>();
    for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
    let added = 0;
    let duplicated = 0;
    const addedLines: string[] = [];
    for (const line of b) {
      const left = counts.get(line);
      if (left === undefined) {
        added++;
        addedLines.push(line);
      } else if (left === 0) duplicated++;
      else counts.set(line, left - 1);
    }
    const lostLines = [...counts.entries()].flatMap(([line, n]) => Array<string>(n).fill(line));
    const orderOnly = added === 0 && duplicated === 0 && lostLines.length === 0;
    if (orderOnly && !ordered) continue;
    differences.push({
      kind,
      reference: a.length,
      trial: b.length,
      lost: lostLines.length,
      added,
      duplicated,
      orderOnly,
      samples: orderOnly ? [firstOrderDifference(a, b)] : describeChanges(kind, lostLines, addedLines),
    });
  }
  return differences;
}

function firstOrderDifference(a: readonly string[], b: readonly string[]): string {
  const i = a.findIndex((line, n) => line !== b[n]);
  return `first out of place at record ${i + 1}: reference ${clip(a[i] ?? '')}, trial ${clip(b[i] ?? '')}`;
}

/** Pairs lost and added records by their key and names the fields that changed; unpaired records are shown whole. */
function describeChanges(kind: ExportKind, lost: readonly string[], added: readonly string[]): string[] {
  const keyOf = (line: string): string => {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (kind === 'mentions') return `${String(record.documentId)}@${JSON.stringify(record.span)}/${String(record.kind)}`;
    return String(record.id);
  };
  const before = new Map(lost.map((line) => [keyOf(line), line]));
  const samples: string[] = [];
  for (const line of added) {
    if (samples.length >= 4) break;
    const key = keyOf(line);
    const old = before.get(key);
    if (old === undefined) {
      samples.push(`+ ${clip(line)}`);
      continue;
    }
    before.delete(key);
    samples.push(`~ ${key}: ${fieldChanges(JSON.parse(old), JSON.parse(line)).join('; ')}`);
  }
  for (const line of before.values()) {
    if (samples.length >= 6) break;
    samples.push(`- ${clip(line)}`);
  }
  return samples;
}

/** Paths whose values differ between two JSON values, each `path: reference → trial`. */
function fieldChanges(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      fieldChanges((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return [`${path || '(record)'}: ${clip(JSON.stringify(a) ?? 'absent')} → ${clip(JSON.stringify(b) ?? 'absent')}`];
}

function clip(text: string, length = 160): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
