/**
 * @module `npm run build`: builds dist/ from src/ in two steps. tsc writes the type declarations (`.d.ts`) only;
 * esbuild bundles the code from three entries (the library `index.js`, the command line `cli/main.js` and the analysis
 * worker thread `pipeline/analysis-worker.js`) with their pure-JavaScript dependencies, split into shared chunks so a
 * module loaded lazily (`await import(...)`) stays a chunk of its own, loaded only by the commands that need it. Node
 * then reads a few files where it read hundreds (kysely alone is some 260 modules), which is most of a command's start
 * time. The build copies the dashboard's static files beside the server and stamps the time it began, by which
 * `bin/sitrep.js` tells whether the build is current. The new build is made aside and swapped in whole, so a failed
 * build leaves the old one.
 *
 * Bundled code finds the package's files (data/, samples/, the dashboard, the worker) through `src/package-files.ts`,
 * which looks for the package root from wherever its chunk lies; nothing else resolves a path from its own URL.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUILD_STAMP } from '../bin/compiled-is-current.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const building = join(root, '.dist-building');
const started = Date.now();

/** The entries: what `main`/`exports`, `bin/sitrep.js` and the analysis pool load. */
const ENTRIES = ['src/index.ts', 'src/cli/main.ts', 'src/pipeline/analysis-worker.ts'];

/**
 * Dependencies left out of the bundle and loaded from node_modules: native addons (better-sqlite3, and pg's optional
 * pg-native), and playwright-core, a development dependency that `report --format pdf` loads only if it is installed.
 * Every other library is plain JavaScript and bundled. So package.json's `dependencies` hold only what an installed
 * sitrep reads from node_modules: better-sqlite3; the packages whose files it reads by path (the gazetteer's sources,
 * wink's lexicon, the dashboard's d3-geo, topojson-client and world map); and kysely, commander and hono, which the
 * `.d.ts` files name. The libraries only the bundle uses (yaml, pg, pg-boss, linkedom, ...) are development
 * dependencies: the build needs them, an install does not.
 */
const EXTERNAL = ['better-sqlite3', 'pg-native', 'playwright-core'];

const fail = (message: string): never => {
  rmSync(building, { recursive: true, force: true });
  process.stderr.write(`build: ${message}; dist/ is unchanged.\n`);
  process.exit(1);
};

rmSync(building, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declared = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--outDir', building], {
  cwd: root,
  stdio: 'inherit',
});
if (declared.status !== 0) fail('tsc failed (above)');

try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outbase: 'src',
    outdir: building,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    external: EXTERNAL,
    // Bundled CommonJS dependencies call require() for Node's own modules; ES modules have no require, so each
    // chunk makes one from its own URL (under a name no source uses).
    banner: {
      js: "import { createRequire as __sitrepCreateRequire } from 'node:module'; const require = __sitrepCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  if (result.errors.length > 0) fail('esbuild failed (above)');
} catch (error) {
  fail(`esbuild failed: ${error instanceof Error ? error.message : String(error)}`);
}

cpSync(join(root, 'src/server/dashboard'), join(building, 'server/dashboard'), { recursive: true });
writeFileSync(join(building, BUILD_STAMP), `${JSON.stringify({ started })}\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(building, dist);

const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
const code = files.filter((entry) => entry.name.endsWith('.js') && !entry.parentPath.includes('dashboard'));
const kB = code.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0) / 1024;
process.stderr.write(
  `Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s: ${files.length} files, ${code.length} of them bundled code (${kB.toFixed(0)} kB).\n`,
);
