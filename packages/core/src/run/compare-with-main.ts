import { describeValue } from '../internal/describe';
import { isPromiseLike } from '../internal/is-promise-like';
import type { FunctionResult } from '../results/function-result';
import { deepEqual } from '../supervision/compare';
import type { MismatchReason } from '../supervision/hooks';
import type { MainOutcome } from './entry-scope';
import type { ExecutionScope } from './execution-scope';

/**
 * Compares a variant's outcome (`ok` and its value or error) with main's: counts the comparison,
 * sets the `matchesMain` of its result (built when a hook sees it) and reports a mismatch to
 * `onMismatch`. Both returned → the experiment's `compare` decides; one failed → mismatch; both
 * failed → they match when the errors are deeply equal (same class, name, message, cause and own
 * properties; the stack is ignored). Never throws.
 */
export function compareWithMain(main: MainOutcome, scope: ExecutionScope, ok: boolean, value: unknown, result: FunctionResult | undefined, background: boolean): void {
  const experiment = scope.entry;
  let reason: MismatchReason | undefined;
  let compareError: unknown;
  if (main.ok && ok) {
    try {
      const same: unknown = experiment.compare(main.result, value);
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
  } else if (ok) {
    reason = 'mainFailed';
  } else if (!errorsEqual(main.error, value)) {
    reason = 'differentErrors';
  }
  if (result !== undefined) (result as { matchesMain: boolean | undefined }).matchesMain = reason === undefined;
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
