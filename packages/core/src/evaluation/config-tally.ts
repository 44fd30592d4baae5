import type { Config } from '../config/config';
import type { MetricDirection } from './evaluator';
import type { CacheCounts, ConfigEvaluation, EvaluatorErrorSummary, ExecutionResult, MetricSummary } from './evaluation-result';
import type { ConfigState, FirstMessage } from './evaluation-state';
import { describeError } from './describe-error';
import { MetricTally } from './metric-tally';
import type { ConfigRecordScores } from './record-scores';
import { Reservoir } from './reservoir';
import { RunningStats } from './running-stats';
import { SumStats } from './sum-stats';
import { meanInterval } from './t-interval';

/**
 * Everything one config's executions add up to, in memory that does not grow with their number.
 * Every total is a count, an exact sum, a minimum or a maximum, and the first error is the one of
 * the earliest record: so records may come in any order, and tallies of parts of a dataset merge
 * (`state`, `fromStates`) into exactly the tally of the whole.
 */
export class ConfigTally {
  #count = 0;
  #errors = 0;
  #firstError: FirstMessage | undefined;
  #cache: { hits: number; misses: number; uncacheable: number } | undefined;
  readonly #latency = new RunningStats();
  #latencySample = new Reservoir();
  readonly #metrics = new Map<string, MetricTally>();
  readonly #evaluatorErrors = new Map<string, FirstMessage & { count: number }>();
  /** Per record: this config's failed share minus main's (variants only). */
  readonly #errorDiffs = new SumStats();

  constructor(
    readonly configId: string,
    readonly config: Config,
    readonly configIds: Readonly<Record<string, string>>,
  ) {}

  /**
   * The tally of several parts together (each a state of this config from a part of the
   * dataset): exactly the tally of all their records, but for the latency sample beyond
   * `RESERVOIR_SIZE` executions (see `Reservoir.combine`).
   */
  static fromStates(states: readonly ConfigState[], config: Config): ConfigTally {
    const first = states[0]!;
    const tally = new ConfigTally(first.configId, config, first.configIds);
    for (const state of states) tally.#merge(state);
    tally.#latencySample = Reservoir.combine(states.map((state) => state.latencySample));
    return tally;
  }

  /** One execution of the record at `position`: counts, latency, the scores' range, evaluator failures. */
  add(execution: ExecutionResult, position: number): void {
    this.#count++;
    this.#latency.add(execution.durationMs);
    this.#latencySample.add(execution.durationMs);
    if (!execution.ok) {
      this.#errors++;
      if (this.#firstError === undefined || position < this.#firstError.record) this.#firstError = { record: position, message: describeError(execution.error) };
    }
    if (execution.cache !== undefined) {
      const cache = (this.#cache ??= { hits: 0, misses: 0, uncacheable: 0 });
      if (execution.cache === 'hit') cache.hits++;
      else cache.misses++;
      if (execution.cache === 'uncacheable') cache.uncacheable++;
    }
    for (const [name, value] of Object.entries(execution.metrics)) this.#metric(name).executions.add(value);
    for (const [name, message] of Object.entries(execution.evaluatorErrors)) {
      const entry = this.#evaluatorErrors.get(name);
      if (!entry) this.#evaluatorErrors.set(name, { count: 1, message, record: position });
      else {
        entry.count++;
        if (position < entry.record) Object.assign(entry, { message, record: position });
      }
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

  /** Everything this tally holds, as JSON data (see `EvaluationState`). */
  state(): ConfigState {
    return {
      configId: this.configId,
      configIds: this.configIds,
      count: this.#count,
      errors: this.#errors,
      ...(this.#firstError ? { firstError: { ...this.#firstError } } : {}),
      ...(this.#cache ? { cache: { ...this.#cache } } : {}),
      latency: this.#latency.state(),
      latencySample: this.#latencySample.state(),
      metrics: [...this.#metrics].map(([name, tally]) => [name, tally.state()] as const),
      evaluatorErrors: [...this.#evaluatorErrors].map(([name, entry]) => [name, { ...entry }] as const),
      errorDiffs: this.#errorDiffs.state(),
    };
  }

  summary(isMain: boolean, directionOf: (metric: string) => MetricDirection): ConfigEvaluation {
    const metrics: Record<string, MetricSummary> = {};
    for (const [name, tally] of this.#metrics) metrics[name] = tally.summary(directionOf(name));
    const evaluatorErrors: Record<string, EvaluatorErrorSummary> = {};
    for (const [name, { count, message }] of this.#evaluatorErrors) evaluatorErrors[name] = { count, message };
    const latency = this.#latency;
    const errorRateVsMain = isMain ? undefined : meanInterval(this.#errorDiffs);
    const cache: CacheCounts | undefined = this.#cache && { ...this.#cache };
    return {
      configId: this.configId,
      config: this.config,
      configIds: this.configIds,
      count: this.#count,
      errors: this.#errors,
      errorRate: this.#count === 0 ? 0 : this.#errors / this.#count,
      ...(this.#firstError !== undefined ? { firstError: this.#firstError.message } : {}),
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
      ...(cache ? { cache } : {}),
      metrics,
      evaluatorErrors,
    };
  }

  /** Adds a state's totals (not its latency sample, which `fromStates` combines once). */
  #merge(state: ConfigState): void {
    this.#count += state.count;
    this.#errors += state.errors;
    const error = state.firstError;
    if (error && (this.#firstError === undefined || error.record < this.#firstError.record)) this.#firstError = { ...error };
    if (state.cache) {
      const cache = (this.#cache ??= { hits: 0, misses: 0, uncacheable: 0 });
      cache.hits += state.cache.hits;
      cache.misses += state.cache.misses;
      cache.uncacheable += state.cache.uncacheable;
    }
    this.#latency.merge(state.latency);
    for (const [name, metric] of state.metrics) this.#metric(name).merge(metric);
    for (const [name, entry] of state.evaluatorErrors) {
      const mine = this.#evaluatorErrors.get(name);
      if (!mine) this.#evaluatorErrors.set(name, { ...entry });
      else {
        mine.count += entry.count;
        if (entry.record < mine.record) Object.assign(mine, { message: entry.message, record: entry.record });
      }
    }
    this.#errorDiffs.mergeState(state.errorDiffs);
  }

  #metric(name: string): MetricTally {
    let tally = this.#metrics.get(name);
    if (!tally) this.#metrics.set(name, (tally = new MetricTally()));
    return tally;
  }
}
