import { describeValue } from '../internal/describe';
import { isPromiseLike } from '../internal/is-promise-like';
import type { FunctionResult } from '../results/function-result';
import { deepEqual } from '../supervision/compare';
import type { ComparisonOutcome } from '../supervision/comparison-tally';
import { executionInfo } from '../supervision/execution-info';
import type { MismatchInfo, MismatchReason } from '../supervision/hooks';
import { logIgnoreError } from '../supervision/loggers';
import { plainDataSnapshot } from '../supervision/plain-data-snapshot';
import type { EntryScope, Mismatch } from './entry-scope';
import type { ExecutionScope } from './execution-scope';

/**
 * Keeps main's outcome for the comparisons, with what its value is compared by, taken now,
 * before the caller can change it: `clean(value)`, or by default a snapshot of plain data.
 */
export function keepMain(entry: EntryScope, ok: boolean, value: unknown, mainResult: FunctionResult | undefined): void {
  entry.main = mainResult ?? { ok, result: ok ? value : undefined, error: ok ? undefined : value };
  if (!ok) return;
  const clean = entry.entry.clean;
  if (clean === undefined) entry.mainComparable = plainDataSnapshot(value);
  else {
    try {
      entry.mainComparable = clean(value);
    } catch (error) {
      entry.mainCleanError = { error };
    }
  }
}

/**
 * Compares a variant's outcome (`ok` and its value or error) with main's: counts the comparison,
 * sets the `matchesMain` of its result (built when a hook sees it), lets `ignore` accept a
 * mismatch, and reports the others to `onMismatch`. Both returned → `compare` decides on the
 * cleaned values; one failed → mismatch; both failed → they match when the errors are deeply
 * equal (same class, name, message, cause and own properties; the stack is ignored). Returns
 * the mismatch `ignore` did not accept, for `raiseOnMismatch`. Never throws.
 */
export function compareWithMain(
  entry: EntryScope,
  scope: ExecutionScope,
  index: number,
  ok: boolean,
  value: unknown,
  result: FunctionResult | undefined,
  background: boolean,
): Mismatch | undefined {
  const experiment = scope.entry;
  const main = entry.main!;
  const mainValue = main.ok ? entry.mainComparable : main.error;
  let variantValue = value;
  let reason: MismatchReason | undefined;
  let compareError: unknown;
  if (main.ok && ok) {
    try {
      if (entry.mainCleanError !== undefined) throw entry.mainCleanError.error;
      if (experiment.clean !== undefined) variantValue = experiment.clean(value);
      const same: unknown = experiment.compare(mainValue, variantValue);
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
  let outcome: ComparisonOutcome = 'matched';
  if (reason !== undefined) outcome = isIgnored(scope, background, reason, compareError, mainValue, variantValue) ? 'ignored' : 'mismatched';
  if (result !== undefined) (result as { matchesMain: boolean | undefined }).matchesMain = reason === undefined;
  if (experiment.comparisons.count(scope.config, outcome)) experiment.supervisor.trackComparisons(experiment);
  if (outcome !== 'mismatched') return undefined;
  experiment.supervisor.reportMismatch(main as FunctionResult, result, scope, background, reason!, compareError);
  return { index, configId: scope.config.config_id, reason: reason!, mainValue, variantValue };
}

/** Asks the experiment's `ignore`, if any; only `true` accepts the mismatch, and a throw does not. */
function isIgnored(scope: ExecutionScope, background: boolean, reason: MismatchReason, compareError: unknown, mainValue: unknown, variantValue: unknown): boolean {
  const ignore = scope.entry.ignore;
  if (ignore === undefined) return false;
  const info: MismatchInfo = { ...executionInfo(scope, 'variant', background), role: 'variant', reason, ...(reason === 'compareFailed' ? { compareError } : {}) };
  try {
    return ignore(mainValue, variantValue, info) === true;
  } catch (error) {
    logIgnoreError(error, info);
    return false;
  }
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
