/** @module The contract every `npm run eval` scorer follows. */

/** Where a scorer finds its inputs. */
export interface ScorerOptions {
  /** The shared folder beside the project (gold sets, seeds): `../shared` by default. */
  readonly sharedDir: string;
  /** The project's root folder. */
  readonly projectDir: string;
  /** A scratch folder the scorer may write to (SQLite stores and the like). */
  readonly workDir: string;
  /** Score at most this many items (documents), for quick runs; undefined = all. */
  readonly limit?: number;
}

/** One measured figure, beside its target where the issue names one. */
export interface Score {
  readonly metric: string;
  readonly value: number;
  /** The target, and whether higher is better. */
  readonly target?: { readonly value: number; readonly higherIsBetter: boolean };
  /** Counts behind a ratio ("12/14"). */
  readonly detail?: string;
}

export interface ScoreResult {
  readonly scores: readonly Score[];
  /** What a reader needs to see: misses, examples of errors. */
  readonly notes: readonly string[];
}

export interface Scorer {
  /** The gold set name given on the command line: `npm run eval -- geo`. */
  readonly name: string;
  readonly description: string;
  run(options: ScorerOptions): Promise<ScoreResult>;
}
