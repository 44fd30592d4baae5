import { describeValue } from '../../internal/describe';
import type { EvaluatorFunction } from '../evaluator';
import { booleanOption, checkOptions, expectString, foldCase } from './expect-value';

/** Options of `includes()`. */
export interface IncludesOptions {
  /**
   * Look for the substrings case-sensitively.
   * @default true
   */
  readonly caseSensitive?: boolean;
}

/**
 * Scores the share of the substrings the output contains (1 or 0 for one substring): the given
 * ones, or else the record's `expected` (a string or an array of strings).
 *
 * @example
 * ```ts
 * const evaluators = { mentions: includes(['mint', 'tea'], { caseSensitive: false }), cites: includes() };
 * ```
 */
export function includes(substrings?: string | readonly string[], options?: IncludesOptions): EvaluatorFunction<string, unknown, unknown> {
  const fixed = substrings === undefined ? undefined : substringList('the substrings given to includes()', substrings);
  checkOptions('includes', options, ['caseSensitive']);
  const caseSensitive = booleanOption('includes', 'caseSensitive', options?.caseSensitive, true);
  return function includes({ output, expected }) {
    const text = foldCase(expectString('includes', 'output', output), caseSensitive);
    const wanted = fixed ?? substringList("the expected value read by includes() (a string or an array of strings)", expected);
    return wanted.filter((substring) => text.includes(foldCase(substring, caseSensitive))).length / wanted.length;
  };
}

function substringList(what: string, value: unknown): readonly string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    throw new TypeError(`Expected ${what} to be a string or a non-empty array of strings, got ${describeValue(value)}.`);
  }
  return [...list];
}
