import type { Config } from '../config/config';
import type { BestConfig, EvaluationResult, ExecutionResult, MetricInfo } from './evaluation-result';
import { ConfigTally } from './config-tally';
import type { NamedEvaluator } from './named-evaluators';

/**
 * The running totals of a whole evaluation: one `ConfigTally` per config (in the order configs
 * first appear, which is case order), and the record count.
 */
export class EvaluationTally {
  records = 0;
  readonly #configs = new Map<string, ConfigTally>();
  readonly #started = performance.now();

  constructor(
    readonly experiment: string,
    readonly repeat: number,
    readonly evaluators: readonly NamedEvaluator[],
  ) {}

  add(execution: ExecutionResult, config: Config): void {
    let tally = this.#configs.get(execution.configId);
    if (!tally) this.#configs.set(execution.configId, (tally = new ConfigTally(execution.configId, config, execution.configIds)));
    tally.add(execution);
  }

  /** The result so far. */
  result(): EvaluationResult {
    const tallies = [...this.#configs.values()];
    const configs = tallies.map((tally) => tally.summary());
    const metrics = this.#metrics(tallies);
    const best: Record<string, BestConfig> = {};
    for (const metric of metrics) {
      let winner: BestConfig | undefined;
      for (const config of configs) {
        const summary = config.metrics[metric.name];
        if (!summary) continue;
        const better = metric.better === 'higher' ? summary.mean > (winner?.mean ?? -Infinity) : summary.mean < (winner?.mean ?? Infinity);
        if (better) winner = { configId: config.configId, mean: summary.mean };
      }
      if (winner) best[metric.name] = winner;
    }
    return {
      experiment: this.experiment,
      records: this.records,
      repeat: this.repeat,
      durationMs: performance.now() - this.#started,
      metrics,
      configs,
      best,
    };
  }

  /** Every metric seen, in evaluator order (sub-metrics of one evaluator in the order first seen). */
  #metrics(tallies: readonly ConfigTally[]): MetricInfo[] {
    const seen = new Set<string>();
    for (const tally of tallies) for (const name of tally.metricNames()) seen.add(name);
    return this.evaluators.flatMap((evaluator) =>
      [...seen]
        .filter((name) => name === evaluator.name || name.startsWith(`${evaluator.name}.`))
        .map((name) => ({ name, evaluator: evaluator.name, better: evaluator.better })),
    );
  }
}
