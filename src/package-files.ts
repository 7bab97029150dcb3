/**
 * @module Where the package's own files are: its root (the folder of its package.json), its version, its data, its
 * samples, the dashboard's files and the analysis worker. Every module asks here rather than resolving paths from its
 * own URL, because the build bundles the modules into a few files (dist/), so a module's URL no longer says where it
 * sits in src/. Running the sources (tsx), this file is src/package-files.ts; compiled, it is inside a bundle in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `start` that holds a package.json: the package's root, from src/ or dist/ alike. */
export function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`sitrep: no package.json at or above ${start}`);
  }
}

/** The package's root folder: the one with package.json, bin/, data/ and src/ or dist/. */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** True when this is the compiled code in dist/ (JavaScript), false when the sources run through tsx. */
export const COMPILED = import.meta.url.endsWith('.js');

/** The folder of the code that runs: `dist/` compiled, `src/` from the sources. */
export const CODE_DIR = join(PACKAGE_ROOT, COMPILED ? 'dist' : 'src');

/** The package's version, from its package.json. */
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A file under the package's `data/` folder (lexicons and gazetteer sources, shipped with the package). */
export function dataFile(...segments: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...segments);
}

/** The project's own sample corpus, shipped with the package (the demo's reports). */
export const SAMPLES_DIR = join(PACKAGE_ROOT, 'samples/reports');

/** The dashboard's own static files: copied beside the compiled server by the build. */
export const DASHBOARD_DIR = join(CODE_DIR, 'server/dashboard');

/**
 * The analysis worker thread's entry: compiled, the worker bundle; from the sources, a boot file that registers tsx
 * in the thread (worker threads do not inherit its loader) and loads the worker's source.
 */
export const ANALYSIS_WORKER = join(CODE_DIR, COMPILED ? 'pipeline/analysis-worker.js' : 'pipeline/analysis-worker-boot.mjs');
