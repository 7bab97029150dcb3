/** @module The benchmark corpus: the GVA gold documents when ../shared is present, else the samples, grown to N unique reports. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchReport {
  readonly id: string;
  readonly published: string | null;
  readonly title: string | null;
  readonly text: string;
}

/** Base reports: GVA news articles (read at run time, never copied in), or our own samples. */
export function baseReports(sharedDir: string, projectDir: string): { reports: BenchReport[]; origin: string } {
  const gva = join(sharedDir, 'eval/gva-documents.dev.jsonl');
  if (existsSync(gva)) {
    const reports = readFileSync(gva, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { doc_id: string; dct: string; title: string; text: string })
      .filter((d) => d.text && d.text.trim().length > 0)
      .map((d) => ({ id: String(d.doc_id), published: d.dct ?? null, title: d.title ?? null, text: d.text }));
    return { reports, origin: gva };
  }
  const dir = join(projectDir, 'samples/reports');
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => ({ id: f, published: null, title: null, text: readFileSync(join(dir, f), 'utf8') }));
  return { reports, origin: dir };
}

/**
 * Grows the base to `count` reports with new ids. Copies past the first mix the sentences of two base
 * reports, so each is new text (not an exact or near copy) and duplicate detection does real work.
 */
export function growCorpus(base: readonly BenchReport[], count: number): BenchReport[] {
  const sentences = base.map((r) => r.text.split(/(?<=[.!?])\s+/));
  const out: BenchReport[] = [];
  for (let i = 0; out.length < count; i++) {
    const k = i % base.length;
    const round = Math.floor(i / base.length);
    const source = base[k] as BenchReport;
    if (round === 0) {
      out.push({ ...source, id: `${source.id}` });
      continue;
    }
    const other = sentences[(k + round * 7919) % base.length] ?? [];
    const own = sentences[k] ?? [];
    const mixed: string[] = [];
    for (let s = 0; s < Math.max(own.length, other.length); s++) {
      if (s < own.length && (s + round) % 2 === 0) mixed.push(own[s] as string);
      if (s < other.length && (s + round) % 2 === 1) mixed.push(other[s] as string);
    }
    out.push({ ...source, id: `${source.id}-r${round}`, text: `${mixed.join(' ')} (Edition ${round}.)` });
  }
  return out;
}

/** Writes reports as a sitrep JSONL batch; returns its size in bytes. */
export function writeJsonl(path: string, reports: readonly BenchReport[]): number {
  const body = `${reports.map((r) => JSON.stringify({ id: r.id, title: r.title, published: r.published, source: 'bench', text: r.text })).join('\n')}\n`;
  writeFileSync(path, body);
  return Buffer.byteLength(body);
}
