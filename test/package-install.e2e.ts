/**
 * @module What a stranger does with the package (`npm run test:package`, run by CI; slow, so not in `npm test`): pack
 * it, install the tarball into an empty folder with npm, run the `sitrep` command, import the library from plain
 * Node, and type-check a TypeScript file against the shipped declarations. The install reaches the npm registry only,
 * as `npm ci` does; it compiles better-sqlite3 when no prebuilt binary can be fetched, which takes minutes here.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compiledIsCurrent } from '../bin/compiled-is-current.js';
import { PROJECT_DIR } from './fixtures.ts';

const { version } = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { version: string };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const minutes = (n: number) => n * 60_000;

/** The tarball's files, as `npm pack --json` lists them. */
interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly entryCount: number;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

describe('the package, as a stranger installs it', { timeout: minutes(30) }, () => {
  // Outside the checkout, so nothing resolves from the project's own node_modules.
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-package-'));
  const app = join(dir, 'app');
  let packed: Packed;
  let installSeconds = 0;

  const run = (command: string, args: readonly string[], options: { cwd?: string; timeout?: number } = {}) => {
    const result = spawnSync(command, args, { cwd: options.cwd ?? app, encoding: 'utf8', timeout: options.timeout ?? minutes(5) });
    return {
      code: result.status,
      stdout: result.stdout ?? '',
      stderr: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    };
  };
  const sitrep = (...args: string[]) => run(join(app, 'node_modules/.bin/sitrep'), args);

  before(() => {
    // `npm pack` builds through `prepare`; skip that when the build is current, as it takes a while here.
    const current = compiledIsCurrent(PROJECT_DIR);
    const output = execFileSync(npm, ['pack', '--json', '--pack-destination', dir, ...(current ? ['--ignore-scripts'] : [])], {
      cwd: PROJECT_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: minutes(10),
    });
    packed = (JSON.parse(output.slice(output.indexOf('['))) as Packed[])[0] as Packed;
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'stranger', private: true, type: 'module' })}\n`);
    const started = performance.now();
    const install = run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed.filename)], {
      timeout: minutes(20),
    });
    installSeconds = (performance.now() - started) / 1000;
    assert.equal(install.code, 0, `npm install failed:\n${install.stderr}`);
  });

  after(() => {
    process.stderr.write(
      `package: ${packed?.filename} ${((packed?.size ?? 0) / 1024).toFixed(0)} kB packed, ${packed?.entryCount} files; installed in ${installSeconds.toFixed(1)} s\n`,
    );
    if (!process.env.SITREP_KEEP_PACKAGE_TEST) rmSync(dir, { recursive: true, force: true });
  });

  it('packs the compiled code and the run-time data, and nothing else', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'CHANGELOG.md',
      'bin/sitrep.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/pipeline/analysis-worker.js',
      'dist/server/dashboard/index.html',
      'data/actors.json',
      'data/places/admin1.json',
      'samples/reports/late-jan-feb-batch.jsonl',
    ])
      assert.ok(paths.includes(needed), `${needed} is in the tarball`);
    const unwanted = paths.filter(
      (p) =>
        /^(src|test|eval|bench|scripts|docs|\.ci)\//.test(p) ||
        /\.test\.|\.case\.|\.e2e\./.test(p) ||
        /^samples\/expected\.json$/.test(p) ||
        /^dist\/\.built\.json$/.test(p) ||
        /\.ts$/.test(p.replace(/\.d\.ts$/, '')),
    );
    assert.deepEqual(unwanted, [], 'no sources, tests, evaluation, benchmarks or build files');
  });

  it('installs without the development tools', () => {
    for (const dev of ['tsx', 'typescript', 'playwright-core', 'eslint'])
      assert.equal(existsSync(join(app, 'node_modules', dev)), false, `${dev} is not installed with sitrep`);
    assert.equal(existsSync(join(app, 'node_modules/sitrep/src')), false);
  });

  it('prints its version and its help', () => {
    const shown = sitrep('--version');
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout.trim(), version);
    const help = sitrep('--help');
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /Usage: sitrep/);
    assert.match(help.stdout, /demo/);
    const wrong = sitrep('no-such-command');
    assert.equal(wrong.code, 2, 'an unknown command is a usage error');
  });

  it('runs the demo: ingests the bundled samples and prints the situation report', () => {
    const demo = sitrep('--db', join(app, 'demo.db'), 'demo');
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stderr, /stored\s+[1-9]\d*/);
    assert.match(demo.stderr, /failed\s+0/);
    assert.match(demo.stderr, /Analysed [1-9]\d* documents/);
    assert.match(demo.stdout, /# Situation report/);
    assert.match(demo.stdout, /## Key figures/);
    const facts = sitrep('--db', join(app, 'demo.db'), 'facts', '--json');
    assert.equal(facts.code, 0, facts.stderr);
    const first = JSON.parse(facts.stdout.split('\n')[0] ?? '') as { id?: unknown };
    assert.equal(typeof first.id, 'string', 'facts were stored');
  });

  // The build bundles every pure-JavaScript library (package.json lists them as development dependencies), so they
  // are not installed: these commands run on the bundled copies of YAML, CSV, RSS and HTML parsers.
  it('runs the commands whose libraries are bundled, with none of them installed', () => {
    for (const bundled of ['yaml', 'csv-stringify', 'fast-xml-parser', 'linkedom', 'pg-boss', '@hono/node-server'])
      assert.equal(existsSync(join(app, 'node_modules', bundled)), false, `${bundled} is bundled, not installed`);
    const added = sitrep('sources', 'add', 'drop', '--kind', 'folder', '--path', './drop', '--sources', 'sources.yaml');
    assert.equal(added.code, 0, added.stderr);
    const listed = sitrep('sources', 'list', '--json', '--sources', 'sources.yaml');
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal((JSON.parse(listed.stdout) as { id: string }).id, 'drop');
    const bad = sitrep('sources', 'list', '--sources', 'no-such.yaml');
    assert.equal(bad.code, 2, 'a missing sources file is a usage error');
    const csv = sitrep('--db', join(app, 'demo.db'), 'export', '--what', 'incidents', '--format', 'csv');
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout.split('\n')[0] ?? '', /^id,/);
    mkdirSync(join(app, 'feeds'));
    writeFileSync(
      join(app, 'feeds/feed.xml'),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Our test feed</title><item><title>Two shops closed</title><link>https://example.org/shops</link>' +
        '<description>Two shops in the old market closed on Monday after the storm, the town council said.</description>' +
        '<pubDate>Mon, 05 Feb 2024 10:00:00 GMT</pubDate></item></channel></rss>\n',
    );
    writeFileSync(
      join(app, 'feeds/page.html'),
      '<html><head><title>Council notes</title></head><body><article><h1>Council notes</h1><p>The town council met on ' +
        'Tuesday and agreed to repair the bridge over the river before the summer, its chair told reporters.</p></article></body></html>\n',
    );
    const read = sitrep('--db', join(app, 'feeds.db'), 'ingest', '--no-analyse', '--no-progress', './feeds');
    assert.equal(read.code, 0, read.stderr);
    assert.match(read.stderr, /stored\s+2/);
  });

  it('is a library plain Node imports', () => {
    writeFileSync(
      join(app, 'library.mjs'),
      [
        "import { openStore, ingest, analyse, startServer } from 'sitrep';",
        "const store = await openStore('./library.db');",
        "const summary = await ingest(store, ['./node_modules/sitrep/samples/reports/gws-first-drone-attacks.txt']);",
        'const analysed = await analyse(store, { workers: 0 });',
        'const facts = await store.claims.facts({ limit: 10 });',
        'const server = await startServer(store, { port: 0 });',
        'const page = await fetch(`${server.url}/`);',
        'const served = page.status;',
        'await server.close();',
        'await store.close();',
        'console.log(JSON.stringify({ stored: summary.counts.stored, analysed: analysed.documents, facts: facts.length, served }));',
      ].join('\n'),
    );
    const result = run(process.execPath, ['library.mjs']);
    assert.equal(result.code, 0, result.stderr);
    const figures = JSON.parse(result.stdout) as { stored: number; analysed: number; facts: number; served: number };
    assert.equal(figures.served, 200, 'the dashboard is served from the package');
    assert.equal(figures.stored, 1);
    assert.equal(figures.analysed, 1);
    assert.ok(figures.facts > 0, 'the report yields facts');
    const missing = run(process.execPath, ['--input-type=module', '-e', "import { noSuchThing } from 'sitrep';"]);
    assert.notEqual(missing.code, 0, 'a name the package does not export fails to import');
  });

  it('type-checks a TypeScript file against the declarations, and catches a misuse', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    writeFileSync(
      join(app, 'tsconfig.json'),
      `${JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          // A stranger's project has @types/node; borrow the checkout's rather than install it. Nothing else is borrowed.
          types: ['node'],
          typeRoots: [join(PROJECT_DIR, 'node_modules/@types')],
        },
        files: ['uses-sitrep.ts', 'misuses-sitrep.ts'],
      })}\n`,
    );
    writeFileSync(
      join(app, 'uses-sitrep.ts'),
      [
        "import { analyse, ingest, openStore, type Fact, type Store } from 'sitrep';",
        "const store: Store = await openStore('./typed.db');",
        "const summary = await ingest(store, ['./reports']);",
        'const stored: number = summary.counts.stored;',
        'const analysed: number = (await analyse(store)).documents;',
        'const facts: readonly Fact[] = await store.claims.facts({ limit: 5 });',
        'console.log(stored, analysed, facts.length);',
        'await store.close();',
        'export {};',
      ].join('\n'),
    );
    // Were the declarations missing or `any`, these would type-check too: they must not.
    writeFileSync(
      join(app, 'misuses-sitrep.ts'),
      [
        "import { ingest, openStore } from 'sitrep';",
        "const store = await openStore('./typed.db');",
        "const count: string = (await ingest(store, ['./reports'])).counts.stored;",
        "await ingest(store, './one-path');",
        'console.log(count);',
        'export {};',
      ].join('\n'),
    );
    // One tsc run for both files (it takes a while here): errors in the misuses only, each where expected.
    const checked = run(process.execPath, [tsc, '-p', '.'], { timeout: minutes(5) });
    const errors = checked.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.deepEqual(
      errors.map((line) => line.replace(/^(\S+?\(\d+),\d+\): error (TS\d+).*$/, '$1) $2')),
      ['misuses-sitrep.ts(3) TS2322', 'misuses-sitrep.ts(4) TS2345'],
      checked.stdout + checked.stderr,
    );
  });
});
