import type { EvaluatorFunction } from '../evaluator';
import { booleanOption, checkOptions, foldCase } from './expect-value';

/** Options of `exactMatch()`. */
export interface ExactMatchOptions {
  /**
   * Compare strings with surrounding whitespace removed.
   * @default false
   */
  readonly trim?: boolean;
  /**
   * Compare strings case-sensitively.
   * @default true
   */
  readonly caseSensitive?: boolean;
}

/**
 * Scores 1 when the output is exactly `expected` (`===`; strings optionally trimmed or
 * case-folded), else 0. For objects, use `matchesExpected()`.
 *
 * @example
 * ```ts
 * const evaluators = { exact: exactMatch({ trim: true }) }; // metric 'exact'
 * ```
 */
export function exactMatch(options?: ExactMatchOptions): EvaluatorFunction<unknown, unknown, unknown> {
  checkOptions('exactMatch', options, ['trim', 'caseSensitive']);
  const trim = booleanOption('exactMatch', 'trim', options?.trim, false);
  const caseSensitive = booleanOption('exactMatch', 'caseSensitive', options?.caseSensitive, true);
  const normalise = (text: string) => foldCase(trim ? text.trim() : text, caseSensitive);
  return function exactMatch({ output, expected }) {
    if (typeof output === 'string' && typeof expected === 'string') return normalise(output) === normalise(expected) ? 1 : 0;
    return output === expected || Object.is(output, expected) ? 1 : 0;
  };
}
