/**
 * @module `npm run build`: compiles src/ to dist/ (JavaScript and .d.ts files) with tsc, copies the dashboard's
 * static files beside the server, and stamps the time the build began, by which `bin/sitrep.js` tells whether the
 * build is current. The new build is made aside and swapped in whole, so a failed build leaves the old one.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP } from '../bin/compiled-is-current.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const building = join(root, '.dist-building');
const started = Date.now();

rmSync(building, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', building], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(building, { recursive: true, force: true });
  process.stderr.write('build: tsc failed (above); dist/ is unchanged.\n');
  process.exit(1);
}
cpSync(join(root, 'src/server/dashboard'), join(building, 'server/dashboard'), { recursive: true });
writeFileSync(join(building, BUILD_STAMP), `${JSON.stringify({ started })}\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(building, dist);

const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
process.stderr.write(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s: ${files} files.\n`);
