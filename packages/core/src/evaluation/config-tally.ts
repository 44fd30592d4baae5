import type { Config } from '../config/config';
import type { MetricDirection } from './evaluator';
import type { ConfigEvaluation, EvaluatorErrorSummary, ExecutionResult, MetricSummary } from './evaluation-result';
import { describeError } from './describe-error';
import { MetricTally } from './metric-tally';
import type { ConfigRecordScores } from './record-scores';
import { Reservoir } from './reservoir';
import { RunningStats } from './running-stats';
import { SumStats } from './sum-stats';
import { meanInterval } from './t-interval';

/** Everything one config's executions add up to, in memory that does not grow with their number. */
export class ConfigTally {
  #count = 0;
  #errors = 0;
  #firstError: string | undefined;
  readonly #latency = new RunningStats();
  readonly #latencySample = new Reservoir();
  readonly #metrics = new Map<string, MetricTally>();
  readonly #evaluatorErrors = new Map<string, { count: number; message: string }>();
  /** Per record: this config's failed share minus main's (variants only). */
  readonly #errorDiffs = new SumStats();

  constructor(
    readonly configId: string,
    readonly config: Config,
    readonly configIds: Readonly<Record<string, string>>,
  ) {}

  /** One execution: counts, latency, the scores' range, evaluator failures. */
  add(execution: ExecutionResult): void {
    this.#count++;
    this.#latency.add(execution.durationMs);
    this.#latencySample.add(execution.durationMs);
    if (!execution.ok) {
      this.#errors++;
      this.#firstError ??= describeError(execution.error);
    }
    for (const [name, value] of Object.entries(execution.metrics)) this.#metric(name).executions.add(value);
    for (const [name, message] of Object.entries(execution.evaluatorErrors)) {
      const entry = this.#evaluatorErrors.get(name);
      if (entry) entry.count++;
      else this.#evaluatorErrors.set(name, { count: 1, message });
    }
  }

  /** One record (repetitions averaged), paired with main's scores on it (`main` absent for main itself). */
  addRecord(scores: ConfigRecordScores, main: ConfigRecordScores | undefined, directionOf: (metric: string) => MetricDirection): void {
    for (const [name, value] of scores.metrics) this.#metric(name).addRecord(value, main?.metrics.get(name), directionOf(name));
    if (main) this.#errorDiffs.add(scores.failedShare - main.failedShare);
  }

  /** The metric names this config has scores for. */
  metricNames(): IterableIterator<string> {
    return this.#metrics.keys();
  }

  summary(isMain: boolean, directionOf: (metric: string) => MetricDirection): ConfigEvaluation {
    const metrics: Record<string, MetricSummary> = {};
    for (const [name, tally] of this.#metrics) metrics[name] = tally.summary(directionOf(name));
    const evaluatorErrors: Record<string, EvaluatorErrorSummary> = {};
    for (const [name, entry] of this.#evaluatorErrors) evaluatorErrors[name] = { ...entry };
    const latency = this.#latency;
    const errorRateVsMain = isMain ? undefined : meanInterval(this.#errorDiffs);
    return {
      configId: this.configId,
      config: this.config,
      configIds: this.configIds,
      count: this.#count,
      errors: this.#errors,
      errorRate: this.#count === 0 ? 0 : this.#errors / this.#count,
      ...(this.#firstError !== undefined ? { firstError: this.#firstError } : {}),
      ...(errorRateVsMain ? { errorRateVsMain: { diff: errorRateVsMain.mean, ci95: errorRateVsMain.ci95 } } : {}),
      // Not eligible: an error rate above main's by more than the interval allows.
      eligible: errorRateVsMain === undefined || !(errorRateVsMain.ci95[0] > 0),
      latency: {
        mean: latency.mean,
        min: latency.min,
        max: latency.max,
        p50: this.#latencySample.quantile(0.5),
        p95: this.#latencySample.quantile(0.95),
      },
      metrics,
      evaluatorErrors,
    };
  }

  #metric(name: string): MetricTally {
    let tally = this.#metrics.get(name);
    if (!tally) this.#metrics.set(name, (tally = new MetricTally()));
    return tally;
  }
}
