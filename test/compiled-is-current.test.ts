/** When `bin/sitrep.js` in a checkout runs the compiled code, and when the sources: real folders, real change times. */
import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILD_STAMP, compiledIsCurrent } from '../bin/compiled-is-current.js';
import { scratchDir, writeFiles } from './fixtures.ts';

const BUILT = Date.parse('2026-01-01T12:00:00Z');
const seconds = (ms: number) => ms / 1000;

/** A checkout whose sources were all last changed a minute before a build began at BUILT. */
function checkout(): string {
  const root = writeFiles(scratchDir(), {
    'src/cli/main.ts': 'export {};\n',
    'src/cli/main.test.ts': 'export {};\n',
    'src/store/store.case.ts': 'export {};\n',
    'src/server/dashboard/index.html': '<!doctype html>\n',
    [`dist/${BUILD_STAMP}`]: `${JSON.stringify({ started: BUILT })}\n`,
  });
  for (const path of [
    'src/cli/main.ts',
    'src/cli/main.test.ts',
    'src/store/store.case.ts',
    'src/server/dashboard/index.html',
    'src/cli',
    'src/store',
    'src/server/dashboard',
    'src/server',
    'src',
  ])
    utimesSync(join(root, path), seconds(BUILT - 60_000), seconds(BUILT - 60_000));
  return root;
}

const touch = (root: string, path: string, at: number) => utimesSync(join(root, path), seconds(at), seconds(at));

const cases: ReadonlyArray<{ name: string; change: (root: string) => void; current: boolean }> = [
  { name: 'every source older than the build', change: () => {}, current: true },
  { name: 'a source changed after the build began', change: (root) => touch(root, 'src/cli/main.ts', BUILT + 1000), current: false },
  { name: 'a source changed during the build', change: (root) => touch(root, 'src/cli/main.ts', BUILT + 1), current: false },
  {
    name: 'a dashboard file (copied by the build) changed',
    change: (root) => touch(root, 'src/server/dashboard/index.html', BUILT + 1000),
    current: false,
  },
  {
    name: 'a test file changed (the build leaves tests out)',
    change: (root) => touch(root, 'src/cli/main.test.ts', BUILT + 1000),
    current: true,
  },
  { name: 'a shared test case file changed', change: (root) => touch(root, 'src/store/store.case.ts', BUILT + 1000), current: true },
  {
    name: 'a file added to a folder (its folder changes)',
    change: (root) => {
      mkdirSync(join(root, 'src/extract'));
      writeFileSync(join(root, 'src/extract/new.ts'), 'export {};\n');
      touch(root, 'src/extract/new.ts', BUILT - 120_000); // kept an old time, as `cp -p` or an archive would
    },
    current: false,
  },
  { name: 'no build at all', change: (root) => writeFileSync(join(root, `dist/${BUILD_STAMP}`), ''), current: false },
  {
    name: 'a stamp that is not a time',
    change: (root) => writeFileSync(join(root, `dist/${BUILD_STAMP}`), '{"started":"soon"}'),
    current: false,
  },
];

describe('compiledIsCurrent', () => {
  for (const { name, change, current } of cases)
    it(`${name}: ${current ? 'runs dist/' : 'runs the sources'}`, () => {
      const root = checkout();
      change(root);
      assert.equal(compiledIsCurrent(root), current);
    });

  it('is false when dist/ is missing', () => {
    const root = writeFiles(scratchDir(), { 'src/index.ts': 'export {};\n' });
    assert.equal(compiledIsCurrent(root), false);
  });
});
