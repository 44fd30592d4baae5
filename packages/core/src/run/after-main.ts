import { FunctionResult } from '../results/function-result';
import { startBackground } from './background-variants';
import type { EntryScope } from './entry-scope';
import { variantScopes } from './variant-executions';

/**
 * Once main settled: ends its span, reports it, keeps its outcome for the comparisons and,
 * unless the variants are awaited, starts them in the background. Returns main's result when
 * one was built (always, but for a direct call without hooks that need it). Never throws.
 */
export function afterMain(entry: EntryScope, ok: boolean, value: unknown): FunctionResult | undefined {
  const supervisor = entry.entry.supervisor;
  const trace = entry.trace;
  if (trace !== undefined) trace.endCase(entry, ok, value);
  let mainResult: FunctionResult | undefined;
  if (entry.mode !== 'direct' || supervisor.needsResults) {
    const durationMs = performance.now() - entry.started;
    mainResult = new FunctionResult(ok ? value : undefined, entry.experimentCase, durationMs, ok, ok ? undefined : value);
    supervisor.report(mainResult, entry, 'main', false);
  }
  if (entry.mode === 'await') {
    entry.main = mainResult; // always built in this mode; the runner runs the variants
    return mainResult;
  }
  const scopes = variantScopes(entry);
  if (scopes.length > 0) {
    entry.main = mainResult ?? { ok, result: ok ? value : undefined, error: ok ? undefined : value };
    startBackground(entry, scopes);
  }
  if (trace !== undefined) trace.end(ok, value);
  return mainResult;
}
