import { ExperimentCaseResults } from '../results/experiment-case-results';
import type { FunctionResult } from '../results/function-result';
import { compareWithMain } from './compare-with-main';
import type { EntryScope } from './entry-scope';
import type { ExecutionScope } from './execution-scope';
import { executeVariant, variantResult, variantScopes } from './variant-executions';

// Variants awaited by a runner (`awaitVariants: true`): they run after main, and the runner
// answers once every one has finished, with their results in case order.

/** The variants of a sync main, run one after another, now; returns their results. */
export function runAwaitedSync(entry: EntryScope): FunctionResult[] {
  return variantScopes(entry).map((scope) => {
    let result!: FunctionResult;
    const started = performance.now();
    executeVariant(entry, scope, true, (ok, value) => (result = finishAwaited(entry, scope, variantResult(scope, started, ok, value))));
    return result;
  });
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
    if (mainResult.ok) resolve(new ExperimentCaseResults(mainResult, variantResults));
    else reject(mainResult.error);
  };
  if (pending === 0) return done();
  scopes.forEach((scope, i) => {
    const started = performance.now();
    executeVariant(entry, scope, false, (ok, value) => {
      variantResults[i] = finishAwaited(entry, scope, variantResult(scope, started, ok, value));
      if (--pending === 0) done();
    });
  });
}

/** Once an awaited variant's result is final: ends its span, compares it with main, reports it. */
function finishAwaited(entry: EntryScope, scope: ExecutionScope, result: FunctionResult): FunctionResult {
  if (entry.trace !== undefined) entry.trace.endCase(scope, result.ok, result.error);
  compareWithMain(entry.main!, scope, result.ok, result.ok ? result.result : result.error, result, false);
  entry.entry.supervisor.report(result, scope, 'variant', false);
  return result;
}
