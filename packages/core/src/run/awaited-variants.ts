import { ExperimentCaseResults } from '../results/experiment-case-results';
import type { FunctionResult } from '../results/function-result';
import { compareWithMain, keepMain } from './compare-with-main';
import type { EntryScope } from './entry-scope';
import type { ExecutionScope } from './execution-scope';
import { MismatchError } from './mismatch-error';
import { executeVariant, variantResult, variantScopes } from './variant-executions';

// Variants awaited by a runner (`awaitVariants: true`): they run after main, and the runner
// answers once every one has finished, with their results in case order.

/** The variants of a sync main, run one after another, now; returns their results. */
export function runAwaitedSync(entry: EntryScope, mainResult: FunctionResult): FunctionResult[] {
  const scopes = variantScopes(entry);
  if (scopes.length > 0) keepMain(entry, mainResult.ok, mainResult.ok ? mainResult.result : mainResult.error, mainResult);
  return scopes.map((scope, i) => {
    let result!: FunctionResult;
    const started = performance.now();
    executeVariant(entry, scope, true, (ok, value) => (result = finishAwaited(entry, scope, i, variantResult(scope, started, ok, value))));
    return result;
  });
}

/**
 * The runner's answer once every awaited variant finished: the case results, or, with
 * `raiseOnMismatch`, a `MismatchError` for the first variant that does not match main.
 */
export function awaitedResults(entry: EntryScope, mainResult: FunctionResult, variantResults: FunctionResult[]): ExperimentCaseResults<unknown> {
  const results = new ExperimentCaseResults(mainResult, variantResults);
  const mismatch = entry.mismatch;
  if (entry.raiseOnMismatch && mismatch !== undefined) {
    throw new MismatchError(entry.entry.name, mismatch.configId, mismatch.reason, mismatch.mainValue, mismatch.variantValue, results);
  }
  return results;
}

/**
 * The variants of an async main, once its promise settled: runs them concurrently and resolves
 * (or, when main failed, rejects with main's error) once the last one has finished.
 */
export function runAwaitedAsync(entry: EntryScope, mainResult: FunctionResult, resolve: (results: ExperimentCaseResults<unknown>) => void, reject: (error: unknown) => void): void {
  const scopes = variantScopes(entry);
  const variantResults: FunctionResult[] = [];
  let pending = scopes.length;
  const done = () => {
    entry.trace?.end(mainResult.ok, mainResult.error);
    if (!mainResult.ok) return reject(mainResult.error);
    try {
      resolve(awaitedResults(entry, mainResult, variantResults));
    } catch (error) {
      reject(error);
    }
  };
  if (pending === 0) return done();
  keepMain(entry, mainResult.ok, mainResult.ok ? mainResult.result : mainResult.error, mainResult);
  scopes.forEach((scope, i) => {
    const started = performance.now();
    executeVariant(entry, scope, false, (ok, value) => {
      variantResults[i] = finishAwaited(entry, scope, i, variantResult(scope, started, ok, value));
      if (--pending === 0) done();
    });
  });
}

/** Once an awaited variant's result is final: ends its span, compares it with main, reports it. */
function finishAwaited(entry: EntryScope, scope: ExecutionScope, index: number, result: FunctionResult): FunctionResult {
  if (entry.trace !== undefined) entry.trace.endCase(scope, result.ok, result.error);
  const mismatch = compareWithMain(entry, scope, index, result.ok, result.ok ? result.result : result.error, result, false);
  if (mismatch !== undefined && (entry.mismatch === undefined || mismatch.index < entry.mismatch.index)) entry.mismatch = mismatch;
  entry.entry.supervisor.report(result, scope, 'variant', false);
  return result;
}
