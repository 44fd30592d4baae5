import { describeError } from '../internal/describe-error';
import type { ExecutionInfo } from './hooks';

// What the supervisor says on the console when no hook takes the news. Each line goes through
// `log`: an app may have replaced console.error by something that throws, and a log line must
// not become a failure of its own.

function log(message: string): void {
  try {
    console.error(message);
  } catch {
    // contained: the news is lost, the caller is not harmed
  }
}

/** The default `onError`: a background variant failed. */
export function logBackgroundError(error: unknown, info: ExecutionInfo): void {
  log(`[spearmint] background variant '${info.configId}' of experiment '${info.experiment}' failed: ${describeError(error)}`);
}

export function logHookError(error: unknown): void {
  log(`[spearmint] a hook (onResult, onError, onDrop or onMismatch) failed; the error was contained: ${describeError(error)}`);
}

/** A `compare` (or `clean`) that failed, when no `onMismatch` hook receives it. */
export function logCompareError(error: unknown, info: ExecutionInfo): void {
  log(
    `[spearmint] compare (or clean) failed for variant '${info.configId}' of experiment '${info.experiment}', so it counts as a mismatch: ${describeError(error)}. ` +
      'Make compare return true or false, and clean return a value, without throwing (an onMismatch hook receives this error as info.compareError instead of this log).',
  );
}

/** An `ignore` that threw: the mismatch stands. */
export function logIgnoreError(error: unknown, info: ExecutionInfo): void {
  log(
    `[spearmint] ignore threw for variant '${info.configId}' of experiment '${info.experiment}', so the mismatch stands: ${describeError(error)}. ` +
      'Make ignore return true or false without throwing.',
  );
}

/** A `sampleRate` function that failed (`what` it did): its calls run no background variants. */
export function logSampleRateError(experiment: string, what: string): void {
  log(
    `[spearmint] sampleRate of experiment '${experiment}' ${what}; such calls run no background variants. ` +
      'Make it return true or false without throwing.',
  );
}
