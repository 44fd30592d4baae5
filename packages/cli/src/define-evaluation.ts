import type { CallInput, Dataset, EvaluateOptions, EvaluationRecord, Evaluators, ExpectedOf } from '@spearmint/decorators';

type AnyFunction = (...args: any[]) => any;

/** The options of `evaluate()` that a definition file may set (the CLI owns `signal`, the callbacks and `--shard`). */
type DefinitionOptions = Omit<EvaluateOptions, 'evaluators' | 'signal' | 'onStart' | 'onRecord' | 'shard'>;

/**
 * What `spearmint eval <file>` runs: the experiment, its dataset and evaluators, and the
 * options of `evaluate()` (`concurrency`, `repeat`, `limit`, `output`, `cache`), plus `thresholds`.
 * `E` is the type of the records' `expected`, as the evaluators see it.
 */
export interface EvaluationDefinition<F extends AnyFunction = AnyFunction, E = unknown> extends DefinitionOptions {
  /** The experiment function: a decorated method (or a bound copy), or `experiment()(fn)`. */
  readonly experiment: F;
  /** An array or (async) iterable of records, or the path of a JSONL file (relative: to the working directory). */
  readonly dataset: Dataset<EvaluationRecord<CallInput<F>, E>>;
  /** The evaluators scoring every successful output (an array, or a record naming them). */
  readonly evaluators: Evaluators<Awaited<ReturnType<F>>, CallInput<F>, E>;
  /**
   * CI gates: `metric` → the least mean the best config must reach (the most, for lower-is-better
   * metrics); `metric@configId` judges that config, `metric@main` the first config. Otherwise the
   * CLI exits with code 1. `--threshold` adds or overrides one.
   */
  readonly thresholds?: Readonly<Record<string, number>>;
}

/** A definition whose records' type `R` is inferred from an array dataset. */
interface InferredDefinition<F extends AnyFunction, R> extends DefinitionOptions {
  readonly experiment: F;
  readonly dataset: Dataset<R>;
  readonly evaluators: Evaluators<Awaited<ReturnType<F>>, CallInput<F>, ExpectedOf<R>>;
  readonly thresholds?: Readonly<Record<string, number>>;
}

const DEFINITION = Symbol.for('spearmint.cli.evaluation-definition');

/**
 * Declares an evaluation for `spearmint eval <file>`: export its result as the file's default
 * export (or as `evaluation`). It returns the definition as given, typed: evaluators see the
 * experiment's output type, and `expected` as the dataset has it — inferred from an array of
 * records (possibly `undefined` only if some record has none), or given as the type parameter
 * for a JSONL file or an iterable: `defineEvaluation<{ keywords: string[] }>({ ... })` (then
 * the output is `any`, unless the experiment's type follows: `defineEvaluation<Expected, typeof fn>`).
 *
 * @example
 * ```ts
 * // evaluation.ts — run with: npx spearmint eval evaluation.ts --out report.html
 * import { defineEvaluation } from '@spearmint/cli';
 * import { experiment, type Config } from '@spearmint/decorators';
 *
 * const summarise = experiment({ configs: [{ config_id: 'short', words: 3 }, { config_id: 'long', words: 8 }] })(
 *   function summarise(text: string, config?: Config<{ words: number }>): string {
 *     return text.split(' ').slice(0, config!.words).join(' ');
 *   },
 * );
 *
 * export default defineEvaluation({
 *   experiment: summarise,
 *   dataset: [{ input: 'Spearmint is a species of mint native to Europe', expected: { keywords: ['mint', 'europe'] } }],
 *   evaluators: {
 *     recall: ({ output, expected }) => expected.keywords.filter((k) => output.toLowerCase().includes(k)).length / expected.keywords.length,
 *   },
 *   thresholds: { recall: 0.5 },
 * });
 * ```
 */
export function defineEvaluation<F extends AnyFunction, R extends EvaluationRecord<CallInput<F>>>(
  definition: InferredDefinition<F, R>,
): EvaluationDefinition<F, ExpectedOf<R>>;
export function defineEvaluation<E, F extends AnyFunction = AnyFunction>(definition: EvaluationDefinition<F, E>): EvaluationDefinition<F, E>;
export function defineEvaluation(definition: EvaluationDefinition): EvaluationDefinition {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`defineEvaluation() expects an object { experiment, dataset, evaluators, ... }, got ${definition === null ? 'null' : typeof definition}.`);
  }
  return Object.defineProperty({ ...definition }, DEFINITION, { value: true });
}

/** True for an object made by `defineEvaluation` (from any loaded copy of this package). */
export function isEvaluationDefinition(value: unknown): value is EvaluationDefinition {
  return (value as Record<symbol, unknown> | null | undefined)?.[DEFINITION] === true;
}
