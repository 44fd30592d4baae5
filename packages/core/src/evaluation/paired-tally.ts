import type { MetricState } from './evaluation-state';
import type { MetricDirection } from './evaluator';
import { SumStats } from './sum-stats';
import { type Interval, meanInterval } from './t-interval';

/** How a variant compares with main on a metric, by the 95 % interval of the paired difference. */
export type Verdict = 'better' | 'worse' | 'inconclusive';

/**
 * A config against main on one metric, over the records both have a score for (repetitions of
 * a record averaged first): the mean of the per-record differences `config − main`, its 95 % t
 * interval, and how many records the config won, tied (equal up to rounding) or lost.
 */
export interface PairedComparison {
  /** Mean of `config − main` over the paired records (negative: lower than main). */
  readonly diff: number;
  readonly ci95: Interval;
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
  /** `better` / `worse` when the interval excludes 0 on the metric's good / bad side. */
  readonly verdict: Verdict;
}

/** Scores this close (relative) are a tie: averaging repetitions leaves rounding noise. */
const TIE_TOLERANCE = 1e-12;

/** The running paired differences of one config against main, for one metric. */
export class PairedTally {
  readonly diffs = new SumStats();
  wins = 0;
  ties = 0;
  losses = 0;

  add(value: number, mainValue: number, better: MetricDirection): void {
    const diff = value - mainValue;
    if (Math.abs(diff) <= TIE_TOLERANCE * Math.max(Math.abs(value), Math.abs(mainValue))) {
      this.ties++;
      this.diffs.add(0);
      return;
    }
    if (diff > 0 === (better === 'higher')) this.wins++;
    else this.losses++;
    this.diffs.add(diff);
  }

  state(): NonNullable<MetricState['vsMain']> {
    return { diffs: this.diffs.state(), wins: this.wins, ties: this.ties, losses: this.losses };
  }

  /** Adds the records of another tally's state. */
  merge(state: NonNullable<MetricState['vsMain']>): void {
    this.diffs.mergeState(state.diffs);
    this.wins += state.wins;
    this.ties += state.ties;
    this.losses += state.losses;
  }

  summary(better: MetricDirection): PairedComparison {
    const { mean, ci95 } = meanInterval(this.diffs);
    return { diff: mean, ci95, wins: this.wins, ties: this.ties, losses: this.losses, verdict: verdictOf(ci95, better) };
  }
}

/** `better` when the interval lies wholly on the good side of 0, `worse` on the bad side. */
export function verdictOf(ci95: Interval, better: MetricDirection): Verdict {
  const [low, high] = ci95;
  if (low > 0) return better === 'higher' ? 'better' : 'worse';
  if (high < 0) return better === 'higher' ? 'worse' : 'better';
  return 'inconclusive';
}
