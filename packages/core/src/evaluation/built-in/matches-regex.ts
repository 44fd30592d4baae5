import { describeValue } from '../../internal/describe';
import type { EvaluatorFunction } from '../evaluator';
import { expectString } from './expect-value';

/**
 * Scores 1 when the output matches the pattern (a `RegExp`, or a string compiled with `new
 * RegExp`), else 0. The `g` and `y` flags are ignored, so every output is tested from its start.
 *
 * @example
 * ```ts
 * const evaluators = { isDate: matchesRegex(/^\d{4}-\d{2}-\d{2}$/) };
 * ```
 */
export function matchesRegex(pattern: RegExp | string): EvaluatorFunction<string, unknown, unknown> {
  let regex: RegExp;
  if (pattern instanceof RegExp) regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  else if (typeof pattern === 'string') regex = new RegExp(pattern);
  else throw new TypeError(`Expected the pattern of matchesRegex() to be a RegExp or a string, got ${describeValue(pattern)}.`);
  return function matchesRegex({ output }) {
    return regex.test(expectString('matchesRegex', 'output', output)) ? 1 : 0;
  };
}
