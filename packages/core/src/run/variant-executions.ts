import { isPromiseLike } from '../internal/is-promise-like';
import { FunctionResult } from '../results/function-result';
import { variantCases } from './case-plan';
import type { EntryScope } from './entry-scope';
import { ExecutionScope, scopeStorage } from './execution-scope';
import { sampleOut } from './sample-call';
import { startTimeout } from './timeout';

// What every variant execution does, awaited or in the background: get its scope, run in it,
// and report how it settled, once.

/** How a variant settled: its value (`ok`) or error, and whether it timed out (`variantTimeoutMs`). */
export type Settled = (ok: boolean, value: unknown, timedOut: boolean) => void;

const NO_SCOPES: readonly ExecutionScope[] = Object.freeze([]);

/**
 * The scopes of the variants, once main has shown which nested experiments take part; none for
 * a call `sampleRate` left out. Without nested experiments, a variant's case is made only if
 * something reads it.
 */
export function variantScopes(entry: EntryScope): readonly ExecutionScope[] {
  if (entry.sampledOut) return NO_SCOPES;
  if (entry.joined) {
    // Variants brought by nested experiments alone are sampled now (a call with its own was at entry).
    if (entry.variantConfigs.length === 0 && sampleOut(entry)) return NO_SCOPES;
    return variantCases(entry.members, entry.config, entry.variantConfigs, entry.nestedPlans()).map(
      (variantCase) => new ExecutionScope(entry.entry, variantCase.configFor(entry.entry)!, variantCase, entry),
    );
  }
  if (entry.variantConfigs.length === 0) return NO_SCOPES;
  return entry.variantConfigs.map((config) => new ExecutionScope(entry.entry, config, undefined, entry));
}

/**
 * Runs one variant in its scope (inside its case span when the call is traced) and calls
 * `settled` once: now for a sync variant, else when its promise settles or, first, when it times
 * out (its signal is then aborted). `syncOnly`: a variant of a sync run cannot be waited for, so
 * one that returns a promise fails at once. Never throws.
 */
export function executeVariant(entry: EntryScope, scope: ExecutionScope, syncOnly: boolean, settled: Settled): void {
  let value: unknown;
  try {
    value = scopeStorage.run(scope, entry.trace === undefined ? runVariant : runTracedVariant, entry, scope);
    // Inside the `try`: reading `then` may throw (a strict Proxy), which is this variant's error.
    if (!isPromiseLike(value)) return settled(true, value, false);
  } catch (error) {
    return settled(false, error, false);
  }
  const promise = Promise.resolve(value);
  if (syncOnly) {
    promise.then(undefined, () => undefined); // nobody waits for it: its rejection stays contained
    return settled(false, promiseInSyncRun(entry, scope), false);
  }
  const timeout = startTimeout(scope, (error) => settled(false, error, true));
  promise.then(
    (result) => {
      if (timeout === undefined || timeout.clear()) settled(true, result, false);
    },
    (error) => {
      if (timeout === undefined || timeout.clear()) settled(false, error, false);
    },
  );
}

/** A variant's `FunctionResult`, timed from `started` (`performance.now()`). */
export function variantResult(scope: ExecutionScope, started: number, ok: boolean, value: unknown): FunctionResult {
  return new FunctionResult(ok ? value : undefined, scope.experimentCase, performance.now() - started, ok, ok ? undefined : value);
}

function runVariant(entry: EntryScope, scope: ExecutionScope): unknown {
  return entry.entry.invoke(entry.thisArg, entry.args, scope.config);
}

function runTracedVariant(entry: EntryScope, scope: ExecutionScope): unknown {
  return entry.trace!.runCase(scope, 'variant', entry.mode !== 'await', runVariant, entry, scope);
}

function promiseInSyncRun(entry: EntryScope, scope: ExecutionScope): TypeError {
  return new TypeError(
    `Variant '${scope.config.config_id}' of '${entry.entry.name}' returned a promise, but main returned a plain value, ` +
      'so run() could not wait for it. Make the function consistently sync or async (use arun() for async).',
  );
}
