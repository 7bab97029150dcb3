/**
 * @module Escalation flags: a week whose count is well above the recent rate.
 *
 * The test: the counts of the previous `window` weeks give a baseline rate λ (their mean, floored at
 * `minimumRate` so a quiet history does not make one incident look like a surge); a week is flagged when
 * its count is at least `minimumCount` and a Poisson variable with mean λ reaches it with probability below
 * `alpha` (the upper tail P(X ≥ count)). It needs `minimumHistory` weeks before it. Counts of incidents are
 * overdispersed compared with a Poisson, so α is kept small (0.01 by default) to keep false alarms rare.
 */

export interface EscalationOptions {
  /** Weeks of history the baseline rate is the mean of. */
  readonly window?: number;
  /** Weeks of history needed before a week can be flagged. */
  readonly minimumHistory?: number;
  /** The least baseline rate, per week. */
  readonly minimumRate?: number;
  /** The least count that can be flagged. */
  readonly minimumCount?: number;
  /** Flag when P(X ≥ count | λ) is below this. */
  readonly alpha?: number;
}

/** A flagged week of a series. */
export interface EscalationFlag {
  /** Index of the week in the series. */
  readonly index: number;
  readonly count: number;
  /** The baseline rate per week it was tested against. */
  readonly baseline: number;
  /** P(X ≥ count) for a Poisson variable with mean `baseline`. */
  readonly p: number;
}

const DEFAULTS: Required<EscalationOptions> = { window: 8, minimumHistory: 3, minimumRate: 0.5, minimumCount: 3, alpha: 0.01 };

/** The weeks of a weekly series that are well above their recent rate. */
export function detectEscalation(counts: readonly number[], options: EscalationOptions = {}): EscalationFlag[] {
  const o = { ...DEFAULTS, ...options };
  const flags: EscalationFlag[] = [];
  for (let i = o.minimumHistory; i < counts.length; i++) {
    const count = counts[i] ?? 0;
    if (count < o.minimumCount) continue;
    const history = counts.slice(Math.max(0, i - o.window), i);
    const baseline = Math.max(o.minimumRate, history.reduce((a, b) => a + b, 0) / history.length);
    const p = poissonUpperTail(count, baseline);
    if (p < o.alpha) flags.push({ index: i, count, baseline, p });
  }
  return flags;
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from the lower tail in a numerically stable way. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let lower = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    lower += term;
  }
  return Math.max(0, 1 - lower);
}

/** A sentence saying why a week is flagged. */
export function describeEscalation(flag: EscalationFlag, what: string): string {
  const p = flag.p < 0.001 ? flag.p.toExponential(1) : flag.p.toFixed(3);
  return `${flag.count} ${what}, against ${flag.baseline.toFixed(1)} a week over the weeks before (Poisson p = ${p})`;
}
