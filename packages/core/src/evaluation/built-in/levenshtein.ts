import { distance } from 'fastest-levenshtein';
import type { EvaluatorFunction } from '../evaluator';
import { booleanOption, checkOptions, expectString, foldCase } from './expect-value';

/** Options of `levenshtein()`. */
export interface LevenshteinOptions {
  /**
   * Compare case-sensitively.
   * @default true
   */
  readonly caseSensitive?: boolean;
}

/**
 * Scores the similarity of the output to the record's `expected` string: 1 − edit distance /
 * the longer length (in UTF-16 code units; 1 for two empty strings), from `fastest-levenshtein`.
 *
 * @example
 * ```ts
 * const evaluators = { similarity: levenshtein() }; // 'kitten' vs 'sitting': 1 - 3/7
 * ```
 */
export function levenshtein(options?: LevenshteinOptions): EvaluatorFunction<string, unknown, unknown> {
  checkOptions('levenshtein', options, ['caseSensitive']);
  const caseSensitive = booleanOption('levenshtein', 'caseSensitive', options?.caseSensitive, true);
  return function levenshtein({ output, expected }) {
    const a = foldCase(expectString('levenshtein', 'output', output), caseSensitive);
    const b = foldCase(expectString('levenshtein', 'expected', expected), caseSensitive);
    const longer = Math.max(a.length, b.length);
    return longer === 0 ? 1 : 1 - distance(a, b) / longer;
  };
}
