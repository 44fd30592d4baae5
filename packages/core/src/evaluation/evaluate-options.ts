import { describeValue } from '../internal/describe';
import { checkFunctionOptions } from '../internal/known-keys';
import { type CacheOptions, type CacheSettings, checkCacheOption } from './cache-options';
import type { Evaluators, MetricDirection } from './evaluator';
import type { RecordResult } from './evaluation-result';
import { namedEvaluators, type NamedEvaluator } from './named-evaluators';
import { checkShard, type Shard } from './shard';

/** Options of `evaluate`. */
export interface EvaluateOptions<O = unknown, I = unknown, E = unknown> {
  /** The evaluators scoring every successful output (an array, or a record naming them). */
  readonly evaluators: Evaluators<O, I, E>;
  /**
   * At most this many records in flight at once (each runs every config, `repeat` times);
   * the next record is read only when one finishes.
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * How many times each record runs (every config each time), e.g. for functions whose output
   * or latency varies.
   * @default 1
   */
  readonly repeat?: number;
  /**
   * Evaluate only the first `limit` records.
   * @default Infinity
   */
  readonly limit?: number;
  /**
   * Stops the evaluation: no record starts after it aborts; the records in flight finish; then
   * `evaluate` rejects with an `EvaluationAbortedError` holding the partial result.
   */
  readonly signal?: AbortSignal;
  /**
   * Called once before the first record is read, with the experiment's name and the evaluators'
   * names and directions, e.g. to check metric names before any call is spent. A returned
   * promise is awaited; what it throws rejects `evaluate` before any record runs.
   */
  readonly onStart?: (plan: EvaluationPlan) => unknown;
  /**
   * Called once per record when all its executions are scored (in completion order, which with
   * `concurrency` > 1 may differ from dataset order). A returned promise is awaited, holding
   * that record's slot; what it throws fails the evaluation.
   */
  readonly onRecord?: (result: RecordResult<O>) => unknown;
  /**
   * A JSONL file (path or `file:` URL; created or truncated) receiving one line per record ×
   * config × repetition, written with back-pressure. See the README for the line format.
   */
  readonly output?: string | URL;
  /**
   * A response cache (a directory, or `{ dir, mode }`): an execution whose experiment, case
   * (`config_id` of every experiment taking part), input and repetition match a stored one
   * returns the stored output and `durationMs` without calling the function (`cache: 'hit'` on
   * the execution; per config `cache: { hits, misses, uncacheable }` in the result). Evaluators
   * always run. Only successful outputs that are JSON data are stored. Safe for several
   * processes sharing the directory. See the README (Response cache).
   * @default no cache
   */
  readonly cache?: string | URL | CacheOptions;
  /**
   * Evaluate one share of the dataset (`{ index: 2, count: 8 }`): the records whose position
   * (from 0, within `limit`) modulo `count` is `index − 1`. The result then carries `state`, and
   * `mergeEvaluations` of every shard's result gives exactly the result of the whole dataset.
   * @default the whole dataset
   */
  readonly shard?: Shard;
}

/** What `onStart` receives: what an evaluation will run, before it runs. */
export interface EvaluationPlan {
  /** The evaluated experiment's name (the result's `experiment`). */
  readonly experiment: string;
  /** Every evaluator, in order: its name (the metric, or the prefix of its sub-metrics) and direction. */
  readonly evaluators: readonly { readonly name: string; readonly better: MetricDirection }[];
}

/** `EvaluateOptions` checked, with defaults applied. */
export interface EvaluateSettings {
  readonly evaluators: readonly NamedEvaluator[];
  readonly concurrency: number;
  readonly repeat: number;
  readonly limit: number;
  readonly signal: AbortSignal | undefined;
  readonly onStart: ((plan: EvaluationPlan) => unknown) | undefined;
  readonly onRecord: ((result: RecordResult<any>) => unknown) | undefined;
  readonly output: string | URL | undefined;
  readonly cache: CacheSettings | undefined;
  readonly shard: Shard | undefined;
}

const KEYS = ['evaluators', 'concurrency', 'repeat', 'limit', 'signal', 'onStart', 'onRecord', 'output', 'cache', 'shard'];

/** Checks every option (a `TypeError` saying what was expected and what arrived) and applies defaults. */
export function checkEvaluateOptions(options: EvaluateOptions<any, any, any>): EvaluateSettings {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`evaluate() expects an options object with \`evaluators\` as its third argument, got ${describeValue(options)}.`);
  }
  checkFunctionOptions(options, KEYS, 'evaluate');
  const { signal, onStart, onRecord, output } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Expected \`signal\` to be an AbortSignal, got ${describeValue(signal)}.`);
  }
  if (onStart !== undefined && typeof onStart !== 'function') {
    throw new TypeError(`Expected \`onStart\` to be a function, got ${describeValue(onStart)}.`);
  }
  if (onRecord !== undefined && typeof onRecord !== 'function') {
    throw new TypeError(`Expected \`onRecord\` to be a function, got ${describeValue(onRecord)}.`);
  }
  if (output !== undefined && typeof output !== 'string' && !(output instanceof URL)) {
    throw new TypeError(`Expected \`output\` to be a file path (string or URL), got ${describeValue(output)}.`);
  }
  return {
    evaluators: namedEvaluators(options.evaluators),
    concurrency: count('concurrency', options.concurrency, 4, 1, false),
    repeat: count('repeat', options.repeat, 1, 1, false),
    limit: count('limit', options.limit, Infinity, 0, true),
    signal,
    onStart,
    onRecord,
    output,
    cache: checkCacheOption(options.cache),
    shard: options.shard === undefined ? undefined : checkShard(options.shard),
  };
}

function count(name: string, value: unknown, fallback: number, min: number, infinite: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && (Number.isInteger(value) || (infinite && value === Infinity)) && value >= min) return value;
  const expected = `an integer from ${min} up${infinite ? ', or Infinity' : ''}`;
  throw new TypeError(`Expected \`${name}\` to be ${expected}, got \`${String(value)}\` (${typeof value}).`);
}
