// @ts-check
/** @module Whether a checkout's compiled code (dist/) is as new as its sources (src/): the `sitrep` command runs it only then. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The file `npm run build` writes into dist/ last: `{"started": <ms>}`, the time the build began. */
export const BUILD_STAMP = '.built.json';

/**
 * True when `root/dist` holds a complete build begun after every file under `root/src` was last changed (test files
 * aside: the build leaves them out). A missing or unfinished build, or any source changed since, gives false.
 * @param {string} root the package folder, with `src/` and `dist/` in it
 * @returns {boolean}
 */
export function compiledIsCurrent(root) {
  let started;
  try {
    started = /** @type {{ started: number }} */ (JSON.parse(readFileSync(join(root, 'dist', BUILD_STAMP), 'utf8'))).started;
  } catch {
    return false;
  }
  if (typeof started !== 'number') return false;
  return newestSource(join(root, 'src')) <= started;
}

/**
 * The latest change time (ms) of the files and folders under `dir`, test files aside: a folder's time also moves
 * when a file in it is added, removed or renamed. Paths are joined by hand: every `sitrep` command in a checkout
 * walks src/ first, and path.join over its 250 entries took about a third of the walk.
 * @param {string} dir
 * @returns {number}
 */
function newestSource(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    let changed = 0;
    if (entry.isDirectory()) changed = newestSource(path);
    else if (!entry.name.endsWith('.test.ts') && !entry.name.endsWith('.case.ts')) changed = statSync(path).mtimeMs;
    if (changed > newest) newest = changed;
  }
  return newest;
}
