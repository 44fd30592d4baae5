import type { Config } from '../config/config';
import type { EvaluationRecord } from './dataset';

/** What an evaluator gets for one successful execution (one record, one config). */
export interface EvaluatorContext<O = unknown, I = unknown, E = unknown> {
  /** The record's `input`, as written in the dataset. */
  readonly input: I;
  /** The argument list the function was called with (from `input`, before config injection). */
  readonly args: readonly unknown[];
  /** What the function returned (awaited) with this config. */
  readonly output: O;
  /**
   * The record's `expected` value. Its type is what the dataset says: inferred from an array of
   * records (including `undefined` when some record has none), or given as a type parameter.
   */
  readonly expected: E;
  /** The config of the evaluated experiment in this execution. */
  readonly config: Config;
  /** The whole record. */
  readonly record: EvaluationRecord<I, E>;
  /** How long the execution took, in milliseconds. */
  readonly durationMs: number;
}

/**
 * A score as scorer libraries return it (an `autoevals` scorer's `{ name, score, metadata? }`):
 * the metric takes the evaluator's name (not `name`); a `null` score (the scorer could not score
 * this output) counts as an evaluator error.
 */
export interface NamedScore {
  readonly name: string;
  readonly score: number | null;
}

/**
 * What an evaluator returns: one score (the metric takes the evaluator's name), several named
 * scores (metrics `evaluatorName.key`), or a scorer's `{ name, score }`. Every score must be a
 * finite number.
 */
export type Score = number | Readonly<Record<string, number>> | NamedScore;

/** Scores one output. May be async. */
export type EvaluatorFunction<O = unknown, I = unknown, E = unknown> = (
  ctx: EvaluatorContext<O, I, E>,
) => Score | PromiseLike<Score>;

/** Which way a metric improves. */
export type MetricDirection = 'higher' | 'lower';

/**
 * An evaluator with options: its `score` function, a `name` (required in an array; a record's
 * key otherwise) and which way its metrics improve.
 *
 * @example
 * ```ts
 * const length: EvaluatorDefinition<string> = { name: 'words', better: 'lower', score: ({ output }) => output.split(' ').length };
 * ```
 */
export interface EvaluatorDefinition<O = unknown, I = unknown, E = unknown> {
  /** The metric's name; in a record of evaluators, the key is used when this is absent. */
  readonly name?: string;
  readonly score: EvaluatorFunction<O, I, E>;
  /**
   * Whether higher or lower scores are better, for the best config per metric (and, in the
   * CLI, for thresholds). Applies to every metric the evaluator returns.
   * @default 'higher'
   */
  readonly better?: MetricDirection;
}

/** A function (named by its `name`) or a definition. */
export type Evaluator<O = unknown, I = unknown, E = unknown> = EvaluatorFunction<O, I, E> | EvaluatorDefinition<O, I, E>;

/**
 * The evaluators of an evaluation: an array (each named by its function's name or its `name`)
 * or a record whose keys name them.
 *
 * @example
 * ```ts
 * const evaluators = {
 *   recall: ({ output, expected }) => keywordRecall(output, expected),
 *   brevity: { better: 'lower', score: ({ output }) => output.length },
 * };
 * ```
 */
export type Evaluators<O = unknown, I = unknown, E = unknown> =
  | readonly Evaluator<O, I, E>[]
  | Readonly<Record<string, Evaluator<O, I, E>>>;
