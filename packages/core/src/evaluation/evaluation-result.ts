import type { Config } from '../config/config';
import type { EvaluationRecord } from './dataset';
import type { EvaluationState } from './evaluation-state';
import type { MetricDirection } from './evaluator';
import type { PairedComparison } from './paired-tally';
import type { ShardCoverage } from './shard';
import type { Interval } from './t-interval';

/** One metric of an evaluation: an evaluator's score, or one key of the scores it returns. */
export interface MetricInfo {
  /** `evaluatorName` for a number score, `evaluatorName.key` for a record of scores. */
  readonly name: string;
  /** The evaluator that produces it. */
  readonly evaluator: string;
  readonly better: MetricDirection;
}

/**
 * A metric of one config. Records are the unit: a record's repetitions are averaged first, so
 * `mean` is the mean over records of each record's mean score, and `ci95` its 95 % t interval
 * (mean ± t(0.975, n − 1) · sd / √n over the `scoredRecords` per-record values). With `repeat: 1`
 * that is the plain mean of the scores.
 */
export interface MetricSummary {
  readonly mean: number;
  /** The lowest and highest single score. */
  readonly min: number;
  readonly max: number;
  /** How many scores (executions) the summary is over. */
  readonly count: number;
  /** How many records have at least one score: the sample size of `sd` and `ci95`. */
  readonly scoredRecords: number;
  /** Standard deviation of the per-record values (0 below two records). */
  readonly sd: number;
  /** 95 % interval of `mean`; `[-Infinity, Infinity]` (JSON: `[null, null]`) below two records. */
  readonly ci95: Interval;
  /**
   * For a config other than main: the paired comparison with main over the records both have a
   * score for. Absent for main, and when no record has a score from both.
   */
  readonly vsMain?: PairedComparison;
}

/**
 * Execution times of one config, in milliseconds, over every execution (failed ones too).
 * `p50` and `p95` come from a uniform reservoir sample of `RESERVOIR_SIZE` (10,000) times per
 * config: exact up to that many executions, estimates beyond (see the README).
 */
export interface LatencySummary {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p50: number;
  readonly p95: number;
}

/** How often one evaluator failed (threw, rejected or returned something other than scores). */
export interface EvaluatorErrorSummary {
  readonly count: number;
  /** The first failure's message. */
  readonly message: string;
}

/**
 * How the response cache served one config (with the `cache` option): `hits` came from the cache
 * without calling the function, `misses` called it. `uncacheable` counts the misses whose input
 * or output could not be stored (not JSON data), which miss again in the next run.
 */
export interface CacheCounts {
  readonly hits: number;
  readonly misses: number;
  readonly uncacheable: number;
}

/** The evaluation of one config: main or a variant (with nested experiments, one combination). */
export interface ConfigEvaluation {
  /**
   * The evaluated experiment's `config_id`; with nested experiments, the `config_id`s of every
   * experiment of the case joined by `' × '`, entry experiment first.
   */
  readonly configId: string;
  /** The evaluated experiment's config. */
  readonly config: Config;
  /** Experiment name → `config_id`, for every experiment of the case (nested ones too). */
  readonly configIds: Readonly<Record<string, string>>;
  /** Executions: records × `repeat`. */
  readonly count: number;
  /** Executions in which the function threw or rejected. */
  readonly errors: number;
  /** `errors / count`. */
  readonly errorRate: number;
  /** The first error's message, when there were errors. */
  readonly firstError?: string;
  /**
   * For a config other than main: its error rate minus main's, paired by record (each record's
   * share of failed repetitions), with the 95 % t interval of that difference.
   */
  readonly errorRateVsMain?: { readonly diff: number; readonly ci95: Interval };
  /**
   * Whether the config may be `best` for a metric: `false` when its error rate is above main's
   * by more than the interval allows (`errorRateVsMain.ci95` lies above 0). Main always is.
   */
  readonly eligible: boolean;
  readonly latency: LatencySummary;
  /** With the `cache` option: executions served from the cache, and executed. */
  readonly cache?: CacheCounts;
  /** Metric name → summary; a metric no execution of this config scored is absent. */
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  /** Evaluator name → its failures on this config's outputs; absent when it never failed. */
  readonly evaluatorErrors: Readonly<Record<string, EvaluatorErrorSummary>>;
}

/** The eligible config with the best mean of one metric. */
export interface BestConfig {
  readonly configId: string;
  readonly mean: number;
  /** The config's error rate, to read next to its mean. */
  readonly errorRate: number;
}

/**
 * What `evaluate` resolves with: per config the metrics, error rate and latency, and per
 * metric the best config. Plain data: `JSON.stringify` gives the whole report.
 */
export interface EvaluationResult {
  /** The evaluated experiment's name. */
  readonly experiment: string;
  /** Records evaluated. */
  readonly records: number;
  readonly repeat: number;
  /** Wall-clock time of the whole evaluation, in milliseconds. */
  readonly durationMs: number;
  /** Every metric seen, in evaluator order. */
  readonly metrics: readonly MetricInfo[];
  /** One entry per config, in case order: main first, then the variants. */
  readonly configs: readonly ConfigEvaluation[];
  /**
   * Metric name → the config with the best mean among the eligible ones (see
   * `ConfigEvaluation.eligible`; ties: the first in case order).
   */
  readonly best: Readonly<Record<string, BestConfig>>;
  /**
   * With the `shard` option (or from `mergeEvaluations` of parts that do not make a whole
   * dataset): the shards this result covers, `{ count: 8, indices: [2] }` for shard 2/8.
   */
  readonly shard?: ShardCoverage;
  /**
   * With the `shard` option, and from `mergeEvaluations` of parts that do not make a whole
   * dataset: what merging needs (JSON data). Keep it with the result (`JSON.stringify`) and pass
   * the results of every shard to `mergeEvaluations`.
   */
  readonly state?: EvaluationState;
}

/** How the response cache served one execution. */
export type CacheStatus = 'hit' | 'miss' | 'uncacheable';

/** One execution of one record: one config, one repetition. */
export interface ExecutionResult<O = unknown> {
  readonly configId: string;
  /** The evaluated experiment's config. */
  readonly config: Config;
  readonly configIds: Readonly<Record<string, string>>;
  /** Which repetition, from 0. */
  readonly repeat: number;
  /** `false` when the function threw or rejected. */
  readonly ok: boolean;
  readonly output: O | undefined;
  /** What the function threw or rejected with, when not `ok`. */
  readonly error?: unknown;
  readonly durationMs: number;
  /**
   * With the `cache` option: `hit` when the output and `durationMs` came from the cache (the
   * function was not called), `miss` when it ran, `uncacheable` when it ran and its input or
   * output could not be cached (not JSON data).
   */
  readonly cache?: CacheStatus;
  /** Metric name → score (only for `ok` executions). */
  readonly metrics: Readonly<Record<string, number>>;
  /** Evaluator name → why it failed on this output. */
  readonly evaluatorErrors: Readonly<Record<string, string>>;
}

/** Every execution of one record, as `onRecord` receives it once the record is done. */
export interface RecordResult<O = unknown> {
  /** The record's position in the dataset, from 0. */
  readonly index: number;
  /** The record's `id`, or its index. */
  readonly id: string | number;
  readonly record: EvaluationRecord;
  /** Per repetition, one execution per config (main first). */
  readonly executions: readonly ExecutionResult<O>[];
}
