/**
 * One record of an evaluation dataset: the arguments of one call, and optionally what the
 * call should give (for evaluators to compare with).
 *
 * - `input` is the call's argument list when it is an array (`input: ['a text', 3]` calls
 *   `fn('a text', 3)`); any other value is the single argument (`input: 'a text'` calls
 *   `fn('a text')`). To pass one array as the only argument, wrap it: `input: [[1, 2, 3]]`.
 *   The config parameter needs no value: Spearmint injects each config, as in any call.
 * - `expected` is handed to the evaluators as is.
 * - `id` (optional) names the record in per-record results; the default is its position.
 *
 * In a JSONL file each line is one such object: `{"input": "a text", "expected": "a summary"}`.
 *
 * @example
 * ```ts
 * const dataset: EvaluationRecord<string, string[]>[] = [
 *   { input: 'Spearmint is a mint.', expected: ['mint'] },
 *   { id: 'long', input: ['A long text ...', { maxWords: 10 }], expected: ['text'] },
 * ];
 * ```
 */
export interface EvaluationRecord<I = unknown, E = unknown> {
  /** The call's argument list (an array), or its single argument (anything else). */
  readonly input: I;
  /** What the call should give, for the evaluators; optional. */
  readonly expected?: E;
  /** A name for the record in per-record results; default: its position, counted from 0. */
  readonly id?: string | number;
}

/**
 * Where the records of an evaluation come from: an array, any iterable or async iterable of
 * records (read one at a time, as the evaluation needs them), or the path (string or `URL`) of
 * a JSONL file (one JSON record per line; blank lines are skipped), streamed line by line.
 * Relative paths resolve against `process.cwd()`.
 */
export type Dataset<R = EvaluationRecord> = readonly R[] | Iterable<R> | AsyncIterable<R> | string | URL;

/**
 * The type of `expected` that evaluators see for records of type `R`: the `expected` property's
 * type, with `undefined` when some records may lack it. For an array literal of records it is
 * inferred, so `expected.keywords` type-checks when every record has `expected`.
 */
export type ExpectedOf<R> = R extends { readonly expected: infer X }
  ? X
  : R extends { readonly expected?: infer X }
    ? X | undefined
    : undefined;
