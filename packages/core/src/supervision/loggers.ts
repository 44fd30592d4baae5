import { describeError } from '../internal/describe-error';
import type { ExecutionInfo } from './hooks';

// What the supervisor says on the console when no hook takes the news.

/** The default `onError`: a background variant failed. */
export function logBackgroundError(error: unknown, info: ExecutionInfo): void {
  console.error(`[spearmint] background variant '${info.configId}' of experiment '${info.experiment}' failed: ${describeError(error)}`);
}

export function logHookError(error: unknown): void {
  console.error(`[spearmint] a hook (onResult, onError, onDrop or onMismatch) failed; the error was contained: ${describeError(error)}`);
}

/** A `compare` (or `clean`) that failed, when no `onMismatch` hook receives it. */
export function logCompareError(error: unknown, info: ExecutionInfo): void {
  console.error(
    `[spearmint] compare (or clean) failed for variant '${info.configId}' of experiment '${info.experiment}', so it counts as a mismatch: ${describeError(error)}. ` +
      'Make compare return true or false, and clean return a value, without throwing (an onMismatch hook receives this error as info.compareError instead of this log).',
  );
}

/** An `ignore` that threw: the mismatch stands. */
export function logIgnoreError(error: unknown, info: ExecutionInfo): void {
  console.error(
    `[spearmint] ignore threw for variant '${info.configId}' of experiment '${info.experiment}', so the mismatch stands: ${describeError(error)}. ` +
      'Make ignore return true or false without throwing.',
  );
}
