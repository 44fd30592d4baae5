import { isDeepStrictEqual } from 'node:util';
import type { ExecutionScope } from '../context/execution-scope';
import type { FunctionResult } from '../function-result';
import { describeValue } from '../internal/describe';
import { isPromiseLike } from '../internal/is-promise-like';
import type { MismatchReason } from './hooks';

/**
 * Decides whether a variant agrees with main, given the two values the function returned
 * (awaited). Called only when both returned; it must be synchronous and return a boolean.
 *
 * @example
 * ```ts
 * const mint = new Spearmint({ compare: (main: Answer, variant: Answer) => main.label === variant.label });
 * ```
 */
export type Compare<R = any> = (main: R, variant: R) => boolean;

/**
 * Main's outcome, as the engine keeps it for comparing the variants with it: main's
 * `FunctionResult` whenever one was built (always when an `onMismatch` hook exists), else
 * the same three fields in a plain object.
 */
export type MainOutcome = Pick<FunctionResult, 'ok' | 'result' | 'error'>;

/**
 * The default `compare`: `util.isDeepStrictEqual`, after a shortcut for identical values and
 * primitives (which it would compare with `Object.is` too).
 */
export function deepEqual(main: unknown, variant: unknown): boolean {
  if (Object.is(main, variant)) return true;
  if (typeof main !== 'object' || typeof variant !== 'object' || main === null || variant === null) return false;
  return isDeepStrictEqual(main, variant);
}

/**
 * Compares a variant's result with main's: sets its `matchesMain`, counts the comparison and
 * reports a mismatch to `onMismatch`. Both returned → the experiment's `compare` decides; one
 * failed → mismatch; both failed → they match when the errors are deeply equal (same class,
 * name, message, cause and own properties; the stack is ignored). Never throws.
 */
export function compareWithMain(main: MainOutcome, scope: ExecutionScope, result: FunctionResult, background: boolean): void {
  const experiment = scope.entry;
  let reason: MismatchReason | undefined;
  let compareError: unknown;
  if (main.ok && result.ok) {
    try {
      const same: unknown = experiment.compare(main.result, result.result);
      if (same === false) reason = 'different';
      else if (same !== true) {
        reason = 'compareFailed';
        compareError = new TypeError(
          `Expected \`compare\` of experiment '${experiment.name}' to return a boolean, got ${describeAnswer(same)}. ` +
            'compare must be synchronous; it runs after each variant, with main\'s and the variant\'s values.',
        );
      }
    } catch (error) {
      reason = 'compareFailed';
      compareError = error;
    }
  } else if (main.ok) {
    reason = 'variantFailed';
  } else if (result.ok) {
    reason = 'mainFailed';
  } else if (!errorsEqual(main.error, result.error)) {
    reason = 'differentErrors';
  }
  (result as { matchesMain: boolean | undefined }).matchesMain = reason === undefined;
  if (experiment.comparisons.count(scope.config, reason === undefined)) experiment.supervisor.trackComparisons(experiment);
  if (reason !== undefined) experiment.supervisor.reportMismatch(main as FunctionResult, result, scope, background, reason, compareError);
}

function errorsEqual(main: unknown, variant: unknown): boolean {
  try {
    return deepEqual(main, variant);
  } catch {
    return false; // a throwing getter on an error: not the same error
  }
}

function describeAnswer(value: unknown): string {
  try {
    if (isPromiseLike(value)) return 'a promise';
  } catch {
    // a `then` getter that throws: not a promise
  }
  return describeValue(value);
}
