import type { CallInput, Dataset, EvaluateOptions, EvaluationRecord } from '@spearmint/decorators';

type AnyFunction = (...args: any[]) => any;

/**
 * What `spearmint eval <file>` runs: the experiment, its dataset and evaluators, and the
 * options of `evaluate()` (`concurrency`, `repeat`, `limit`, `output`), plus `thresholds`.
 */
export interface EvaluationDefinition<F extends AnyFunction = AnyFunction, E = unknown>
  extends Omit<EvaluateOptions<Awaited<ReturnType<F>>, CallInput<F>, E>, 'signal' | 'onRecord'> {
  /** The experiment function: a decorated method (or a bound copy), or `experiment()(fn)`. */
  readonly experiment: F;
  /** An array or (async) iterable of records, or the path of a JSONL file (relative: to the working directory). */
  readonly dataset: Dataset<EvaluationRecord<CallInput<F>, E>>;
  /**
   * Metric → the least mean the best config must reach (the most, for lower-is-better metrics);
   * otherwise the CLI exits with code 1. `--threshold metric=value` adds or overrides one.
   */
  readonly thresholds?: Readonly<Record<string, number>>;
}

const DEFINITION = Symbol.for('spearmint.cli.evaluation-definition');

/**
 * Declares an evaluation for `spearmint eval <file>`: export its result as the file's default
 * export (or as `evaluation`). It returns the definition as given, typed: evaluators see the
 * experiment's output type and the records' `expected` type.
 *
 * @example
 * ```ts
 * // evaluation.ts — run with: npx spearmint eval evaluation.ts --out report.html
 * import { defineEvaluation } from '@spearmint/cli';
 *
 * export default defineEvaluation({
 *   experiment: summariser.summarise,
 *   dataset: 'data/articles.jsonl',
 *   evaluators: { recall: ({ output, expected }) => keywordRecall(output, expected as string[]) },
 *   thresholds: { recall: 0.6 },
 * });
 * ```
 */
export function defineEvaluation<F extends AnyFunction, E = unknown>(definition: EvaluationDefinition<F, E>): EvaluationDefinition<F, E> {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`defineEvaluation() expects an object { experiment, dataset, evaluators, ... }, got ${definition === null ? 'null' : typeof definition}.`);
  }
  return Object.defineProperty({ ...definition }, DEFINITION, { value: true });
}

/** True for an object made by `defineEvaluation` (from any loaded copy of this package). */
export function isEvaluationDefinition(value: unknown): value is EvaluationDefinition {
  return (value as Record<symbol, unknown> | null | undefined)?.[DEFINITION] === true;
}
