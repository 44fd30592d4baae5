import { describeValue } from '../../internal/describe';
import type { EvaluatorFunction } from '../evaluator';
import { checkOptions, expectNumber } from './expect-value';

/** Options of `numericCloseness()`. */
export interface NumericClosenessOptions {
  /**
   * The difference at which the score reaches 0 (an absolute scale, in the output's units).
   * @default the larger magnitude of output and expected: a relative closeness
   */
  readonly scale?: number;
}

/**
 * Scores how close the output is to the record's `expected` number, from 1 (equal) down to 0:
 * 1 − |output − expected| / scale, at least 0.
 *
 * @example
 * ```ts
 * const evaluators = { price: numericCloseness() };            // 95 vs 100: 0.95
 * const withinTen = { price: numericCloseness({ scale: 10 }) }; // 95 vs 100: 0.5
 * ```
 */
export function numericCloseness(options?: NumericClosenessOptions): EvaluatorFunction<number, unknown, unknown> {
  checkOptions('numericCloseness', options, ['scale']);
  const scale = options?.scale;
  if (scale !== undefined && !(typeof scale === 'number' && Number.isFinite(scale) && scale > 0)) {
    throw new TypeError(`Expected \`scale\` of numericCloseness() to be a finite number above 0, got ${describeValue(scale)}.`);
  }
  return function numericCloseness({ output, expected }) {
    const a = expectNumber('numericCloseness', 'output', output);
    const b = expectNumber('numericCloseness', 'expected', expected);
    const difference = Math.abs(a - b);
    if (difference === 0) return 1;
    return Math.max(0, 1 - difference / (scale ?? Math.max(Math.abs(a), Math.abs(b))));
  };
}
