import type { MetricDirection } from './evaluator';
import type { ShardCoverage } from './shard';

/**
 * A number as the state writes it: finite numbers as they are (JSON keeps every bit of a
 * double), and −0, ±Infinity and NaN, which JSON cannot hold, as the strings `'-0'`,
 * `'Infinity'`, `'-Infinity'` and `'NaN'`.
 */
export type StateNumber = number | string;

/** Count, exact sum (partials), min and max of a stream of numbers. */
export interface StatsState {
  readonly count: number;
  readonly sum: readonly StateNumber[];
  readonly min: StateNumber;
  readonly max: StateNumber;
}

/** Count and exact sums (partials) of the values and of their squares. */
export interface SumsState {
  readonly n: number;
  readonly sum: readonly StateNumber[];
  readonly sumSquares: readonly StateNumber[];
}

/** A uniform sample of a stream: how many values it saw, and the ones it kept. */
export interface SampleState {
  readonly count: number;
  readonly values: readonly StateNumber[];
}

/** One metric of one config. */
export interface MetricState {
  /** Per execution: count, sum, min, max. */
  readonly executions: StatsState;
  /** Per record (repetitions averaged): the sums behind the mean and its interval. */
  readonly records: SumsState;
  /** Against main: the per-record differences' sums and the wins, ties and losses. */
  readonly vsMain?: { readonly diffs: SumsState; readonly wins: number; readonly ties: number; readonly losses: number };
}

/** A message with the position of the record it came from (the lowest position wins a merge). */
export interface FirstMessage {
  readonly record: number;
  readonly message: string;
}

/** Everything one config's executions add up to. */
export interface ConfigState {
  readonly configId: string;
  readonly configIds: Readonly<Record<string, string>>;
  readonly count: number;
  readonly errors: number;
  readonly firstError?: FirstMessage;
  readonly cache?: { readonly hits: number; readonly misses: number; readonly uncacheable: number };
  readonly latency: StatsState;
  readonly latencySample: SampleState;
  /** Metric name → its state, as `[name, state]` entries. */
  readonly metrics: readonly (readonly [string, MetricState])[];
  /** Evaluator name → how often it failed and its first failure. */
  readonly evaluatorErrors: readonly (readonly [string, FirstMessage & { readonly count: number }])[];
  /** Per record, this config's failed share minus main's (variants only). */
  readonly errorDiffs: SumsState;
}

/**
 * What `mergeEvaluations` needs of an evaluation run over part of a dataset (`shard`): every
 * count, exact sum (and sum of squares), minimum and maximum behind the result, per config and
 * metric, the paired differences with main, and the latency sample. Plain JSON data (`version`
 * 1), in memory that does not grow with the records; merged parts give exactly the numbers of a
 * run over all their records.
 */
export interface EvaluationState {
  readonly format: 'spearmint-evaluation-state';
  readonly version: 1;
  readonly experiment: string;
  readonly repeat: number;
  /** The records this state covers. */
  readonly shard: ShardCoverage;
  readonly records: number;
  readonly evaluators: readonly { readonly name: string; readonly better: MetricDirection }[];
  /** Main's `configId` (absent before the first record). */
  readonly mainConfigId?: string;
  /** In case order, main first. */
  readonly configs: readonly ConfigState[];
}

/** A number for the state. */
export function writeNumber(value: number): StateNumber {
  return Number.isFinite(value) && !Object.is(value, -0) ? value : String(value);
}

/** A list of numbers for the state. */
export function writeNumbers(values: Iterable<number>): StateNumber[] {
  return Array.from(values, writeNumber);
}
