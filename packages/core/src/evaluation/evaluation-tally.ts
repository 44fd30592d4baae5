import type { MetricDirection } from './evaluator';
import type { BestConfig, EvaluationResult, ExecutionResult, MetricInfo } from './evaluation-result';
import { bestConfig } from './best-config';
import { ConfigTally } from './config-tally';
import type { NamedEvaluator } from './named-evaluators';
import { recordScores } from './record-scores';

/**
 * The running totals of a whole evaluation: one `ConfigTally` per config (in the order configs
 * first appear, which is case order: main first), and the record count. Records may be added in
 * any order; every total is a count, sum, minimum or maximum (and a latency sample).
 */
export class EvaluationTally {
  records = 0;
  readonly #configs = new Map<string, ConfigTally>();
  readonly #started = performance.now();
  #mainId: string | undefined;
  readonly #directionOf: (metric: string) => MetricDirection;

  constructor(
    readonly experiment: string,
    readonly repeat: number,
    readonly evaluators: readonly NamedEvaluator[],
  ) {
    const directions = new Map(evaluators.map((evaluator) => [evaluator.name, evaluator.better]));
    this.#directionOf = (metric) => directions.get(evaluatorOf(metric)) ?? 'higher';
  }

  /** Every execution of one record (each repetition: main first, then the variants). */
  addRecord(executions: readonly ExecutionResult[]): void {
    for (const execution of executions) {
      let tally = this.#configs.get(execution.configId);
      if (!tally) this.#configs.set(execution.configId, (tally = new ConfigTally(execution.configId, execution.config, execution.configIds)));
      tally.add(execution);
    }
    const scores = recordScores(executions);
    this.#mainId ??= scores[0]?.configId;
    const main = scores.find((entry) => entry.configId === this.#mainId);
    for (const entry of scores) this.#configs.get(entry.configId)!.addRecord(entry, entry === main ? undefined : main, this.#directionOf);
    this.records++;
  }

  /** The result so far. */
  result(): EvaluationResult {
    const tallies = [...this.#configs.values()];
    const configs = tallies.map((tally) => tally.summary(tally.configId === this.#mainId, this.#directionOf));
    const metrics = this.#metrics(tallies);
    const best: Record<string, BestConfig> = {};
    for (const metric of metrics) {
      const winner = bestConfig(configs, metric);
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
        .filter((name) => evaluatorOf(name) === evaluator.name)
        .map((name) => ({ name, evaluator: evaluator.name, better: evaluator.better })),
    );
  }
}

/** `rouge` for `rouge.p`: evaluator names hold no '.'. */
function evaluatorOf(metric: string): string {
  const dot = metric.indexOf('.');
  return dot === -1 ? metric : metric.slice(0, dot);
}
