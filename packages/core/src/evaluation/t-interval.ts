import jStat from 'jstat';
import type { SumStats } from './sum-stats';

/** A 95 % confidence interval `[low, high]`; `[-Infinity, Infinity]` when it cannot be estimated. */
export type Interval = readonly [low: number, high: number];

/** The interval of a quantity that cannot be estimated (fewer than two values). JSON writes it as `[null, null]`. */
export const UNBOUNDED: Interval = Object.freeze([-Infinity, Infinity] as const);

/** The two-sided 95 % critical value of Student's t with `df` degrees of freedom (2.262 for df = 9). */
export function tCritical(df: number): number {
  return jStat.studentt.inv(0.975, df);
}

/** A mean with its standard deviation and the 95 % t interval of the mean. */
export interface MeanEstimate {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation; 0 below two values. */
  readonly sd: number;
  readonly ci95: Interval;
}

/** mean ± t(0.975, n − 1) · sd / √n. */
export function meanInterval(stats: SumStats): MeanEstimate {
  const { n, mean } = stats;
  if (n < 2) return { n, mean, sd: 0, ci95: UNBOUNDED };
  const sd = Math.sqrt(stats.variance);
  const half = tCritical(n - 1) * (sd / Math.sqrt(n));
  return { n, mean, sd, ci95: bounded(mean - half, mean + half) };
}

/** The summary of one sample that `welchInterval` needs. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
}

/**
 * The difference of two independent means `a − b` with Welch's 95 % interval (unequal
 * variances; Welch–Satterthwaite degrees of freedom).
 */
export function welchInterval(a: SampleSummary, b: SampleSummary): { readonly diff: number; readonly ci95: Interval } {
  const diff = a.mean - b.mean;
  if (a.n < 2 || b.n < 2) return { diff, ci95: UNBOUNDED };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { diff, ci95: [diff, diff] };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tCritical(df) * se;
  return { diff, ci95: bounded(diff - half, diff + half) };
}

function bounded(low: number, high: number): Interval {
  return Number.isNaN(low) || Number.isNaN(high) ? UNBOUNDED : [low, high];
}
