import type { Config } from '../config/config';
import type { ConfigEvaluation, EvaluatorErrorSummary, ExecutionResult } from './evaluation-result';
import { describeError } from './describe-error';
import { Reservoir } from './reservoir';
import { RunningStats } from './running-stats';

/** Everything one config's executions add up to, in memory that does not grow with their number. */
export class ConfigTally {
  #count = 0;
  #errors = 0;
  #firstError: string | undefined;
  readonly #latency = new RunningStats();
  readonly #latencySample = new Reservoir();
  readonly #metrics = new Map<string, RunningStats>();
  readonly #evaluatorErrors = new Map<string, { count: number; message: string }>();

  constructor(
    readonly configId: string,
    readonly config: Config,
    readonly configIds: Readonly<Record<string, string>>,
  ) {}

  add(execution: ExecutionResult): void {
    this.#count++;
    this.#latency.add(execution.durationMs);
    this.#latencySample.add(execution.durationMs);
    if (!execution.ok) {
      this.#errors++;
      this.#firstError ??= describeError(execution.error);
    }
    for (const [name, value] of Object.entries(execution.metrics)) {
      let stats = this.#metrics.get(name);
      if (!stats) this.#metrics.set(name, (stats = new RunningStats()));
      stats.add(value);
    }
    for (const [name, message] of Object.entries(execution.evaluatorErrors)) {
      const entry = this.#evaluatorErrors.get(name);
      if (entry) entry.count++;
      else this.#evaluatorErrors.set(name, { count: 1, message });
    }
  }

  /** The metric names this config has scores for. */
  metricNames(): IterableIterator<string> {
    return this.#metrics.keys();
  }

  summary(): ConfigEvaluation {
    const metrics: Record<string, ReturnType<RunningStats['summary']>> = {};
    for (const [name, stats] of this.#metrics) metrics[name] = stats.summary();
    const evaluatorErrors: Record<string, EvaluatorErrorSummary> = {};
    for (const [name, entry] of this.#evaluatorErrors) evaluatorErrors[name] = { ...entry };
    const latency = this.#latency;
    return {
      configId: this.configId,
      config: this.config,
      configIds: this.configIds,
      count: this.#count,
      errors: this.#errors,
      errorRate: this.#count === 0 ? 0 : this.#errors / this.#count,
      ...(this.#firstError !== undefined ? { firstError: this.#firstError } : {}),
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
}
