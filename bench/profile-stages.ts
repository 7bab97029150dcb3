/**
 * @module Sums V8 CPU profiles (`node --cpu-prof`, one file per thread) into the pipeline's stages: each sample's
 * time goes to the innermost frame on its stack that lies in a stage's source, so a library's or a native binding's
 * time (wink-nlp, chrono, better-sqlite3) counts for the stage that called it. Module loading (Node's loader, tsx)
 * is a bucket of its own: it is start-up, paid once per process and per worker thread.
 */

/** The buckets a profile's time is summed into, in the order they are printed. */
export const PROFILE_STAGES = ['understand', 'claims', 'events', 'resolution', 'store', 'ingest', 'loading', 'gc', 'other'] as const;
export type ProfileStage = (typeof PROFILE_STAGES)[number];

/** The parts of a `.cpuprofile` file this reads (V8's `Profiler.Profile`). */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }>;
  readonly startTime: number;
  readonly endTime: number;
  /** The node id on top of the stack at each sample. */
  readonly samples: readonly number[];
  /** Microseconds from the previous sample (the first: from `startTime`) to this one. */
  readonly timeDeltas: readonly number[];
}

/** Time per stage in milliseconds, with the time the threads sat idle kept apart. */
export interface StageTimes {
  readonly ms: Readonly<Record<ProfileStage, number>>;
  /** Time sampled as `(idle)`: a thread waiting (for a worker, for the disk); in no stage's share. */
  readonly idleMs: number;
}

// A source file's stage, by its path: ours under src/ (or dist/ when compiled), a store driver's package, or
// module loading (Node's loader and tsx compiling the sources: start-up, in the main thread and in each worker).
const SOURCE_STAGES: ReadonlyArray<readonly [RegExp, ProfileStage]> = [
  [/^node:internal\/modules\//, 'loading'],
  [/\/node_modules\/tsx\//, 'loading'],
  [/\/node_modules\/(?:kysely|better-sqlite3|pg|pg-pool|pg-protocol|pg-cursor)\//, 'store'],
  // Other packages count for their callers; sitrep itself, installed, is under node_modules/sitrep/dist/.
  [/\/node_modules\/(?!sitrep\/)/, 'other'],
  [/\/(?:src|dist)\/understand\//, 'understand'],
  [/\/(?:src|dist)\/extract\/claims\//, 'claims'],
  [/\/(?:src|dist)\/extract\/events\//, 'events'],
  [/\/(?:src|dist)\/resolve\//, 'resolution'],
  [/\/(?:src|dist)\/store\//, 'store'],
  [/\/(?:src|dist)\/ingest\//, 'ingest'],
];

/** The stage a source file belongs to, or null when it belongs to none (then its callers decide). */
export function stageOfSource(url: string): ProfileStage | null {
  const path = url.replaceAll('\\', '/');
  for (const [pattern, stage] of SOURCE_STAGES) {
    if (pattern.test(path)) return stage === 'other' ? null : stage;
  }
  return null;
}

/** Sums one or more profiles (one per thread) into time per stage. */
export function profileStageTimes(profiles: readonly CpuProfile[]): StageTimes {
  const ms = Object.fromEntries(PROFILE_STAGES.map((stage) => [stage, 0])) as Record<ProfileStage, number>;
  let idleMs = 0;
  for (const profile of profiles) {
    const stageOf = nodeStages(profile);
    const { samples, timeDeltas } = profile;
    for (let i = 0; i < samples.length; i++) {
      // A sample stands for the time until the next one; the last, until the profile's end.
      const next = i + 1 < samples.length ? (timeDeltas[i + 1] ?? 0) : profile.endTime - sampleTime(profile, i);
      const stage = stageOf.get(samples[i] as number) ?? 'other';
      if (stage === 'idle') idleMs += Math.max(0, next) / 1000;
      else ms[stage] += Math.max(0, next) / 1000;
    }
  }
  return { ms, idleMs };
}

/** Each stage's share of the busy (non-idle) time, in percent; all zero when nothing was sampled. */
export function stageShares(times: StageTimes): Record<ProfileStage, number> {
  const busy = PROFILE_STAGES.reduce((n, stage) => n + times.ms[stage], 0);
  return Object.fromEntries(PROFILE_STAGES.map((stage) => [stage, busy > 0 ? (100 * times.ms[stage]) / busy : 0])) as Record<
    ProfileStage,
    number
  >;
}

function sampleTime(profile: CpuProfile, index: number): number {
  let t = profile.startTime;
  for (let i = 0; i <= index; i++) t += profile.timeDeltas[i] ?? 0;
  return t;
}

/** Every node's stage: its own file's, else its nearest caller's with one; V8's pseudo-frames by name. */
function nodeStages(profile: CpuProfile): Map<number, ProfileStage | 'idle'> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const stages = new Map<number, ProfileStage | 'idle'>();
  const resolve = (id: number): ProfileStage | 'idle' => {
    const known = stages.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    let stage: ProfileStage | 'idle';
    if (frame?.functionName === '(garbage collector)') stage = 'gc';
    else if (frame?.functionName === '(idle)') stage = 'idle';
    else if (frame?.functionName === '(program)' || frame === undefined) stage = 'other';
    else {
      const own = stageOfSource(frame.url);
      const up = parent.get(id);
      stage = own ?? (up === undefined ? 'other' : resolve(up));
    }
    stages.set(id, stage);
    return stage;
  };
  for (const node of profile.nodes) resolve(node.id);
  return stages;
}
