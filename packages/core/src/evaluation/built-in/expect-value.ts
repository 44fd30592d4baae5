import { describeValue } from '../../internal/describe';
import { checkFunctionOptions } from '../../internal/known-keys';

/** The output or expected value as a string; a `TypeError` naming the evaluator otherwise (an evaluator error). */
export function expectString(evaluator: string, what: 'output' | 'expected', value: unknown): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`${evaluator}() scores strings: the ${what} is ${describeValue(value)}.`);
}

/** The output or expected value as a finite number; a `TypeError` naming the evaluator otherwise. */
export function expectNumber(evaluator: string, what: 'output' | 'expected', value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new TypeError(`${evaluator}() scores finite numbers: the ${what} is ${describeValue(value)}.`);
}

/** Lower-cases `text` unless the comparison is case-sensitive. */
export function foldCase(text: string, caseSensitive: boolean): string {
  return caseSensitive ? text : text.toLowerCase();
}

/** Checks an options argument: an object (or nothing) with only the known keys. */
export function checkOptions(evaluator: string, options: unknown, keys: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${evaluator}() expects an options object, got ${describeValue(options)}.`);
  }
  checkFunctionOptions(options, keys, evaluator);
}

/** Checks a boolean option. */
export function booleanOption(evaluator: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  throw new TypeError(`Expected \`${name}\` of ${evaluator}() to be a boolean, got ${describeValue(value)}.`);
}
