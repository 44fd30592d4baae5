import type { Config } from '../config/config';
import type { MetricDirection } from './evaluator';
import type { BestConfig, EvaluationResult, ExecutionResult, MetricInfo } from './evaluation-result';
import type { EvaluationState } from './evaluation-state';
import { bestConfig } from './best-config';
import { ConfigTally } from './config-tally';
import { recordScores } from './record-scores';
import { isComplete, type ShardCoverage } from './shard';

/** An evaluator's name and direction: all a tally needs of it. */
export interface EvaluatorInfo {
  readonly name: string;
  readonly better: MetricDirection;
}

/**
 * The running totals of a whole evaluation: one `ConfigTally` per config (in the order configs
 * first appear, which is case order: main first), and the record count. Records may be added in
 * any order; every total is a count, sum, minimum or maximum (and a latency sample), so the
 * tallies of parts of a dataset merge exactly (`state`, `fromStates`).
 */
export class EvaluationTally {
  records = 0;
  readonly #configs = new Map<string, ConfigTally>();
  readonly #started = performance.now();
  #mainId: string | undefined;
  #durationMs: number | undefined;
  #merged = false;
  readonly #directionOf: (metric: string) => MetricDirection;

  constructor(
    readonly experiment: string,
    readonly repeat: number,
    readonly evaluators: readonly EvaluatorInfo[],
    /** The records it covers: `undefined` for a whole dataset counted without shards. */
    readonly shard?: ShardCoverage,
  ) {
    const directions = new Map(evaluators.map((evaluator) => [evaluator.name, evaluator.better]));
    this.#directionOf = (metric) => directions.get(evaluatorOf(metric)) ?? 'higher';
  }

  /**
   * The tally of several parts (their states, checked to be of one evaluation and to cover
   * disjoint records, with `coverage` their union). `configOf` gives each config's value for the
   * result; `durationMs` is the result's.
   */
  static fromStates(states: readonly EvaluationState[], coverage: ShardCoverage, configOf: (configId: string) => Config, durationMs: number): EvaluationTally {
    const first = states[0]!;
    const tally = new EvaluationTally(first.experiment, first.repeat, first.evaluators, coverage);
    const byConfig = new Map<string, EvaluationState['configs'][number][]>();
    for (const state of states) {
      tally.records += state.records;
      tally.#mainId ??= state.mainConfigId;
      for (const config of state.configs) {
        const list = byConfig.get(config.configId);
        if (list) list.push(config);
        else byConfig.set(config.configId, [config]);
      }
    }
    for (const [configId, configStates] of byConfig) tally.#configs.set(configId, ConfigTally.fromStates(configStates, configOf(configId)));
    tally.#durationMs = durationMs;
    tally.#merged = true;
    return tally;
  }

  /**
   * Every execution of the record at `position` in the dataset (each repetition: main first, then
   * the variants); the position decides which error is a config's first.
   */
  addRecord(executions: readonly ExecutionResult[], position: number = this.records): void {
    for (const execution of executions) {
      let tally = this.#configs.get(execution.configId);
      if (!tally) this.#configs.set(execution.configId, (tally = new ConfigTally(execution.configId, execution.config, execution.configIds)));
      tally.add(execution, position);
    }
    const scores = recordScores(executions);
    this.#mainId ??= scores[0]?.configId;
    const main = scores.find((entry) => entry.configId === this.#mainId);
    for (const entry of scores) this.#configs.get(entry.configId)!.addRecord(entry, entry === main ? undefined : main, this.#directionOf);
    this.records++;
  }

  /** Everything the tally holds, as JSON data (for `mergeEvaluations`). */
  state(): EvaluationState {
    return {
      format: 'spearmint-evaluation-state',
      version: 1,
      experiment: this.experiment,
      repeat: this.repeat,
      shard: this.shard ?? { count: 1, indices: [1] },
      records: this.records,
      evaluators: this.evaluators.map(({ name, better }) => ({ name, better })),
      ...(this.#mainId !== undefined ? { mainConfigId: this.#mainId } : {}),
      configs: [...this.#configs.values()].map((tally) => tally.state()),
    };
  }

  /** The result so far; with `shard` coverage that is not the whole dataset, it carries `shard` and `state`. */
  result(): EvaluationResult {
    const tallies = [...this.#configs.values()];
    const configs = tallies.map((tally) => tally.summary(tally.configId === this.#mainId, this.#directionOf));
    const metrics = this.#metrics(tallies);
    const best: Record<string, BestConfig> = {};
    for (const metric of metrics) {
      const winner = bestConfig(configs, metric);
      if (winner) best[metric.name] = winner;
    }
    // A shard's own result always carries its state; a merge's, only while it is not the whole dataset.
    const partial = this.shard !== undefined && !(this.#merged && isComplete(this.shard));
    return {
      experiment: this.experiment,
      records: this.records,
      repeat: this.repeat,
      durationMs: this.#durationMs ?? performance.now() - this.#started,
      metrics,
      configs,
      best,
      ...(partial ? { shard: this.shard, state: this.state() } : {}),
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
