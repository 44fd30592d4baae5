import type { MetricDirection } from './evaluator';
import type { EvaluationResult } from './evaluation-result';
import { type Interval, welchInterval } from './t-interval';

/**
 * What a comparison needs of an earlier evaluation: an `EvaluationResult`, or its JSON read back
 * (`spearmint eval --save-run`; an `sd` JSON wrote as `null` reads as unknown).
 */
export interface BaselineEvaluation {
  readonly experiment: string;
  readonly metrics: readonly { readonly name: string; readonly better: MetricDirection }[];
  readonly configs: readonly {
    readonly configId: string;
    readonly metrics: Readonly<Record<string, { readonly mean: number; readonly sd: number | null; readonly scoredRecords: number }>>;
  }[];
}

/** An evaluation against an earlier one of the same experiment, config by config (matched by `config_id`). */
export interface BaselineComparison {
  /** The baseline's experiment. */
  readonly experiment: string;
  /** Configs only the current evaluation has, and only the baseline has. */
  readonly onlyInCurrent: readonly string[];
  readonly onlyInBaseline: readonly string[];
  /** Per common config (in the current evaluation's order), per metric both have. */
  readonly rows: readonly BaselineRow[];
}

/** One metric of one config that both evaluations have. */
export interface BaselineRow {
  readonly configId: string;
  readonly metric: string;
  /** The baseline's mean, and the current one. */
  readonly baseline: number;
  readonly mean: number;
  /**
   * `mean − baseline`, with Welch's 95 % interval: the runs are compared as independent samples
   * of records (their per-record scores are not kept), from each mean, `sd` and `scoredRecords`.
   */
  readonly diff: number;
  readonly ci95: Interval;
  /** `regressed` / `improved` when the interval excludes 0 on the metric's bad / good side. */
  readonly flag: BaselineFlag;
}

/** How a config's metric moved since the baseline, by the 95 % interval of the difference. */
export type BaselineFlag = 'regressed' | 'improved' | 'unchanged';

/**
 * Compares an evaluation with an earlier one (say yesterday's, saved as JSON): for every config
 * both have (same `config_id`) and every metric both scored, the difference of means with its 95 %
 * interval, flagged `regressed`, `improved` or `unchanged`. Directions are the current
 * evaluation's. Checking that both are of the same experiment is the caller's business.
 *
 * @example
 * ```ts
 * const comparison = compareEvaluations(today, JSON.parse(readFileSync('runs/yesterday.json', 'utf8')));
 * comparison.rows.filter((row) => row.flag === 'regressed');
 * ```
 */
export function compareEvaluations(current: EvaluationResult, baseline: BaselineEvaluation): BaselineComparison {
  const saved = new Map(baseline.configs.map((config) => [config.configId, config]));
  const rows: BaselineRow[] = [];
  for (const config of current.configs) {
    const before = saved.get(config.configId);
    if (!before) continue;
    for (const metric of current.metrics) {
      const now = config.metrics[metric.name];
      const then = before.metrics[metric.name];
      if (!now || !then) continue;
      const { diff, ci95 } = welchInterval(
        { n: now.scoredRecords, mean: now.mean, sd: now.sd },
        { n: then.scoredRecords, mean: then.mean, sd: then.sd ?? Infinity },
      );
      rows.push({ configId: config.configId, metric: metric.name, baseline: then.mean, mean: now.mean, diff, ci95, flag: flagOf(ci95, metric.better) });
    }
  }
  const ids = new Set(current.configs.map((config) => config.configId));
  return {
    experiment: baseline.experiment,
    onlyInCurrent: [...ids].filter((id) => !saved.has(id)),
    onlyInBaseline: [...saved.keys()].filter((id) => !ids.has(id)),
    rows,
  };
}

function flagOf([low, high]: Interval, better: MetricDirection): BaselineFlag {
  if (low > 0) return better === 'higher' ? 'improved' : 'regressed';
  if (high < 0) return better === 'higher' ? 'regressed' : 'improved';
  return 'unchanged';
}
