import { FunctionResult } from '../results/function-result';
import { startBackground } from './background-variants';
import { keepMain } from './compare-with-main';
import type { EntryScope } from './entry-scope';
import { recordMain } from './record-call';
import { variantScopes } from './variant-executions';

/**
 * Once main settled: ends its span, reports it, records the call when it was picked, keeps its
 * outcome for the comparisons and, unless the variants are awaited, starts them in the
 * background. Returns main's result when one was built (always, but for a direct call without
 * hooks that need it). Never throws.
 */
export function afterMain(entry: EntryScope, ok: boolean, value: unknown): FunctionResult | undefined {
  const supervisor = entry.entry.supervisor;
  const trace = entry.trace;
  if (trace !== undefined) trace.endCase(entry, ok, value);
  let mainResult: FunctionResult | undefined;
  if (entry.mode !== 'direct' || supervisor.needsResults || entry.recording !== undefined) {
    const durationMs = performance.now() - entry.started;
    if (entry.recording !== undefined) recordMain(entry, ok, value, durationMs);
    if (entry.mode !== 'direct' || supervisor.needsResults) {
      mainResult = new FunctionResult(ok ? value : undefined, entry.experimentCase, durationMs, ok, ok ? undefined : value);
      supervisor.report(mainResult, entry, 'main', false);
    }
  }
  if (entry.mode === 'await') return mainResult; // always built in this mode; the runner runs the variants
  const scopes = variantScopes(entry);
  if (scopes.length > 0) {
    keepMain(entry, ok, value, mainResult);
    startBackground(entry, scopes);
  }
  if (trace !== undefined) trace.end(ok, value);
  return mainResult;
}
