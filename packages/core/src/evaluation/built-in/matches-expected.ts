import { isDeepStrictEqual } from 'node:util';
import type { EvaluatorFunction } from '../evaluator';

/**
 * Scores 1 when the output deeply equals the record's `expected` (`util.isDeepStrictEqual`:
 * same structure, prototypes and values), else 0: the natural metric for replaying recorded
 * production traffic, whose records hold what main returned.
 *
 * @example
 * ```ts
 * const evaluators = { same: matchesExpected() };
 * ```
 */
export function matchesExpected(): EvaluatorFunction<unknown, unknown, unknown> {
  return function matchesExpected({ output, expected }) {
    return Object.is(output, expected) || isDeepStrictEqual(output, expected) ? 1 : 0;
  };
}
