/** @module Cases for the bench's profile summary: which stage a source file is, and how samples are summed per stage. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { profileStageTimes, stageOfSource, stageShares, type CpuProfile, type ProfileStage } from '../bench/profile-stages.ts';

// [a frame's url, the stage it is in (null: its caller decides)]
const sources: ReadonlyArray<readonly [string, ProfileStage | null]> = [
  ['file:///work/sitrep/src/understand/dates/find-dates.ts', 'understand'],
  ['file:///work/sitrep/dist/understand/places/find-places.js', 'understand'],
  ['file:///work/sitrep/src/extract/claims/extract-claims.ts', 'claims'],
  ['file:///work/sitrep/src/extract/events/extract-events.ts', 'events'],
  ['file:///work/sitrep/src/resolve/incidents/join-incidents.ts', 'resolution'],
  ['file:///work/sitrep/src/store/claims-repository.ts', 'store'],
  ['file:///work/sitrep/node_modules/kysely/dist/esm/query-executor/query-executor-base.js', 'store'],
  ['file:///work/sitrep/node_modules/better-sqlite3/lib/methods/transaction.js', 'store'],
  ['file:///work/sitrep/node_modules/pg-protocol/dist/parser.js', 'store'],
  ['file:///work/sitrep/src/ingest/minhash.ts', 'ingest'],
  ['node:internal/modules/esm/loader', 'loading'],
  ['file:///work/sitrep/node_modules/tsx/dist/register-abc.mjs', 'loading'],
  ['file:///srv/app/node_modules/sitrep/dist/resolve/facts/join-facts.js', 'resolution'],
  ['C:\\work\\sitrep\\src\\store\\store.ts', 'store'],
];

// Frames in no stage: their time goes to the nearest caller that has one.
const noStage: readonly string[] = [
  'file:///work/sitrep/node_modules/chrono-node/dist/esm/index.js',
  'file:///work/sitrep/node_modules/wink-nlp/src/wink-nlp.js',
  // A package whose own folder is called src/store is not our store.
  'file:///work/sitrep/node_modules/some-lib/src/store/cache.js',
  'file:///work/sitrep/src/pipeline/analyse.ts',
  'file:///work/sitrep/src/cli/main.ts',
  'node:internal/fs/utils',
  '',
];

test('the stage of each source file', () => {
  for (const [url, stage] of sources) assert.equal(stageOfSource(url), stage, url);
  for (const url of noStage) assert.equal(stageOfSource(url), null, url);
});

const src = (path: string): string => `file:///work/sitrep/src/${path}`;

/** A profile from a call tree [id, parent, functionName, url] and samples [node id, µs until the next sample]. */
function profileOf(
  tree: ReadonlyArray<readonly [number, number | null, string, string]>,
  samples: ReadonlyArray<readonly [number, number]>,
): CpuProfile {
  const nodes = tree.map(([id, , functionName, url]) => ({
    id,
    callFrame: { functionName, url },
    children: tree.filter(([, parent]) => parent === id).map(([child]) => child),
  }));
  // timeDeltas[i] is the gap before sample i, so each sample's own length is the next sample's delta.
  const timeDeltas = [0, ...samples.slice(0, -1).map(([, us]) => us)];
  const total = samples.reduce((n, [, us]) => n + us, 0);
  return { nodes, startTime: 1_000, endTime: 1_000 + total, samples: samples.map(([id]) => id), timeDeltas };
}

const mainThread = profileOf(
  [
    [1, null, '(root)', ''],
    [2, 1, '(program)', ''],
    [3, 1, '(garbage collector)', ''],
    [4, 1, '(idle)', ''],
    [5, 1, 'main', src('cli/main.ts')],
    [6, 5, 'analyse', src('pipeline/analyse.ts')],
    [7, 6, 'findDates', src('understand/dates/find-dates.ts')],
    [8, 7, 'parse', 'file:///work/sitrep/node_modules/chrono-node/dist/esm/index.js'],
    [9, 6, 'saveClaims', src('store/claims-repository.ts')],
    [10, 9, 'executeQuery', 'file:///work/sitrep/node_modules/kysely/dist/esm/driver/runtime-driver.js'],
    [11, 10, 'run', ''],
    [12, 6, 'joinFacts', src('resolve/facts/join-facts.ts')],
    [13, 12, 'listCandidates', src('store/facts-repository.ts')],
    [14, 6, 'extractEvents', src('extract/events/extract-events.ts')],
    [15, 6, 'extractClaims', src('extract/claims/extract-claims.ts')],
    [16, 5, 'import', 'node:internal/modules/esm/loader'],
    [17, 16, 'evaluate', src('understand/lexicons.ts')],
    [18, 5, 'JSON.parse', ''],
  ],
  [
    [2, 100], // (program): other
    [3, 200], // GC
    [4, 5000], // idle: in no share
    [7, 300], // understand, its own frame
    [8, 400], // chrono, called by understand: understand
    [11, 500], // better-sqlite3's native run under kysely under the store: store
    [13, 50], // the store, called by resolution: store (the innermost stage frame wins)
    [12, 150], // resolution
    [14, 250], // events
    [15, 120], // claims
    [16, 80], // module loading
    [17, 30], // a module's top level, run while loading: its own stage
    [18, 20], // a native call under the CLI: other
  ],
);

const workerThread = profileOf(
  [
    [1, null, '(root)', ''],
    [2, 1, 'onmessage', src('pipeline/analysis-worker.ts')],
    [3, 2, 'findPlaces', src('understand/places/find-places.ts')],
    [4, 1, '(garbage collector)', ''],
  ],
  [
    [3, 700],
    [4, 100],
  ],
);

test('samples are summed per stage over every thread, idle time kept apart', () => {
  const { ms, idleMs } = profileStageTimes([mainThread, workerThread]);
  const rounded = (times: Record<string, number>) => Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Number(v.toFixed(6))]));
  assert.deepEqual(
    rounded(ms),
    rounded({
      understand: 0.3 + 0.4 + 0.03 + 0.7,
      claims: 0.12,
      events: 0.25,
      resolution: 0.15,
      store: 0.5 + 0.05,
      ingest: 0,
      loading: 0.08,
      gc: 0.2 + 0.1,
      other: 0.1 + 0.02,
    }),
  );
  assert.equal(idleMs, 5);
});

test('shares are percentages of the busy time and add up to 100', () => {
  const shares = stageShares(profileStageTimes([workerThread]));
  assert.equal(shares.understand.toFixed(6), '87.500000');
  assert.equal(shares.gc.toFixed(6), '12.500000');
  assert.equal(shares.store, 0);
  assert.equal(
    Object.values(stageShares(profileStageTimes([mainThread, workerThread])))
      .reduce((n, v) => n + v, 0)
      .toFixed(6),
    '100.000000',
  );
});

test('an empty profile gives no time and zero shares, not NaN', () => {
  const empty = profileOf([[1, null, '(root)', '']], []);
  const times = profileStageTimes([empty]);
  assert.equal(times.idleMs, 0);
  assert.ok(Object.values(stageShares(times)).every((share) => share === 0));
});
