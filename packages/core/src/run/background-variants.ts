import type { EntryScope } from './entry-scope';
import type { ExecutionScope } from './execution-scope';
import { compareWithMain } from './compare-with-main';
import { executeVariant, variantResult } from './variant-executions';

/**
 * Admits each variant (or drops it) now; runs the admitted ones once the caller has its result.
 * One setImmediate per call, scheduled here, so the variants inherit the call's async context
 * (request values, trace context, any AsyncLocalStorage of the app).
 */
export function startBackground(entry: EntryScope, scopes: readonly ExecutionScope[]): void {
  const supervisor = entry.entry.supervisor;
  let admitted: ExecutionScope[] | undefined;
  for (const scope of scopes) {
    if (supervisor.admit(scope)) (admitted ??= []).push(scope);
    else if (entry.trace !== undefined) entry.trace.variantDropped(scope.config.config_id);
  }
  if (admitted) setImmediate(runBackground, entry, admitted);
}

function runBackground(entry: EntryScope, scopes: readonly ExecutionScope[]): void {
  const timed = entry.entry.supervisor.needsResults;
  for (let i = 0; i < scopes.length; i++) {
    const scope = scopes[i]!;
    // Timed only when a hook sees the results (onResult, onMismatch): a clock read is not free.
    const started = timed ? performance.now() : 0;
    executeVariant(entry, scope, false, (ok, value, timedOut) => endBackground(entry, scope, i, started, ok, value, timedOut));
  }
}

/**
 * Ends a background variant, once (a settlement after its timeout is ignored): ends its span,
 * compares it with main, and hands it to the supervisor, which counts it and reports it to the
 * hooks. Its `FunctionResult` is built only when a hook sees it.
 */
function endBackground(entry: EntryScope, scope: ExecutionScope, index: number, started: number, ok: boolean, value: unknown, timedOut: boolean): void {
  const supervisor = entry.entry.supervisor;
  if (!supervisor.isRunning(scope)) return;
  const result = supervisor.needsResults ? variantResult(scope, started, ok, value) : undefined;
  if (entry.trace !== undefined) entry.trace.endCase(scope, ok, value);
  compareWithMain(entry, scope, index, ok, value, result, true);
  supervisor.complete(scope, timedOut ? 'timedOut' : ok ? 'succeeded' : 'failed', value, result);
}
