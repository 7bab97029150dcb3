/** @module The contract every `npm run bench` section follows. */

export interface BenchOptions {
  readonly projectDir: string;
  readonly sharedDir: string;
  /** A scratch folder for stores and generated inputs. */
  readonly workDir: string;
  /** How many documents to run on. */
  readonly documents: number;
}

/** One measured figure. */
export interface BenchFigure {
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The target the issue names, and whether higher is better. */
  readonly target?: { readonly value: number; readonly higherIsBetter: boolean };
}

export interface BenchSection {
  readonly name: string;
  readonly description: string;
  run(options: BenchOptions): Promise<{ figures: BenchFigure[]; notes: string[] }>;
}
