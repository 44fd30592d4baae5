import type { MetricState } from './evaluation-state';
import type { MetricDirection } from './evaluator';
import type { MetricSummary } from './evaluation-result';
import { PairedTally } from './paired-tally';
import { RunningStats } from './running-stats';
import { SumStats } from './sum-stats';
import { meanInterval } from './t-interval';

/**
 * One metric of one config: its scores per execution (count, min, max), per record (repetitions
 * averaged: the mean and its interval) and, for a config other than main, the paired differences
 * with main's per-record scores.
 */
export class MetricTally {
  readonly executions = new RunningStats();
  readonly records = new SumStats();
  /** Absent for main, and until a record has a score from both this config and main. */
  vsMain: PairedTally | undefined;

  addRecord(value: number, mainValue: number | undefined, better: MetricDirection): void {
    this.records.add(value);
    if (mainValue !== undefined) (this.vsMain ??= new PairedTally()).add(value, mainValue, better);
  }

  state(): MetricState {
    return { executions: this.executions.state(), records: this.records.state(), ...(this.vsMain ? { vsMain: this.vsMain.state() } : {}) };
  }

  /** Adds what another tally's state holds. */
  merge(state: MetricState): void {
    this.executions.merge(state.executions);
    this.records.mergeState(state.records);
    if (state.vsMain) (this.vsMain ??= new PairedTally()).merge(state.vsMain);
  }

  summary(better: MetricDirection): MetricSummary {
    const { mean, sd, ci95 } = meanInterval(this.records);
    const { count, min, max } = this.executions;
    return {
      mean,
      min,
      max,
      count,
      scoredRecords: this.records.n,
      sd,
      ci95,
      ...(this.vsMain ? { vsMain: this.vsMain.summary(better) } : {}),
    };
  }
}
