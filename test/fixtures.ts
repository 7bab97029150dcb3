/** @module Test fixtures: scratch folders, real SQLite stores, and the shared seeds when they are present. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawReport } from '../src/ingest/raw-report.ts';
import { openStore } from '../src/store/open-store.ts';
import type { Store } from '../src/store/store.ts';

export const PROJECT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` beside the project: gold sets and seeds, read at run time and never copied in. */
export const SHARED_DIR = process.env.SITREP_SHARED ?? resolve(PROJECT_DIR, '../shared');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const HAS_SEEDS = existsSync(join(SEEDS_DIR, 'gold.json'));
/** Why seed tests are skipped on a machine without the shared folder. */
export const NO_SEEDS = HAS_SEEDS ? false : `skipped: no seeds at ${SEEDS_DIR} (the shared folder is not beside the project)`;

/** Scratch folders made by this process, removed by one exit listener (one per folder would pass Node's listener limit). */
const scratchDirs: string[] = [];

/** A fresh scratch folder, removed when the process exits. */
export function scratchDir(prefix = 'sitrep-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (scratchDirs.length === 0) process.on('exit', () => scratchDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  scratchDirs.push(dir);
  return dir;
}

/** Writes files (path relative to `dir` → content) and returns `dir`. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** A real SQLite store in a fresh scratch folder. */
export async function scratchStore(): Promise<{ store: Store; path: string; dir: string }> {
  const dir = scratchDir();
  const path = join(dir, 'sitrep.db');
  return { store: await openStore(path), path, dir };
}

/** A plain-text report in our own words, as a test hands it to ingest: `id.txt` from `source`, published on a day. */
export function textReport(id: string, source: string, published: string, text: string): RawReport {
  return { origin: { path: `${id}.txt` }, format: 'text', text, externalId: id, title: null, url: null, source, byline: null, published };
}
