import { isPromiseLike } from '../internal/is-promise-like';
import { ExperimentCaseResults } from '../results/experiment-case-results';
import { afterMain } from './after-main';
import { awaitedResults, runAwaitedAsync, runAwaitedSync } from './awaited-variants';
import { EntryScope, type Mode } from './entry-scope';
import { scopeStorage } from './execution-scope';
import { startRecording } from './record-call';
import type { CasePlan, RunnableExperiment } from './runnable-experiment';
import { sampleOut } from './sample-call';

/**
 * An entry call (no experiment runs around it): asks the strategy for main and the variants,
 * samples and picks the call for recording, runs main in its own scope, and answers the caller
 * as `mode` says: main's value (`direct`), or the case results, with the variants awaited
 * (`await`, where `raiseOnMismatch` turns a mismatch into a `MismatchError`) or not (`background`).
 */
export function startEntry(experiment: RunnableExperiment, thisArg: unknown, args: unknown[], mode: Mode, raiseOnMismatch = false): unknown {
  let plan: CasePlan;
  try {
    plan = experiment.plan();
  } catch (error) {
    // The strategy failed: main cannot run. An async function's caller expects a rejection.
    if (experiment.isAsync) return Promise.reject(error);
    throw error;
  }
  const supervisor = experiment.supervisor;
  const scope = new EntryScope(experiment, plan[0], plan[1], thisArg, args, mode);
  if (plan[1].length > 0 && experiment.sampleRate !== undefined) sampleOut(scope);
  if (experiment.recorder !== undefined) startRecording(scope);
  if (raiseOnMismatch) scope.raiseOnMismatch = true;
  if (mode !== 'direct' || supervisor.needsResults || scope.recording !== undefined) scope.started = performance.now();
  if (supervisor.tracing !== undefined) scope.trace = supervisor.tracing.startCall(experiment);

  let value: unknown;
  let promise: Promise<unknown> | undefined;
  try {
    value = scopeStorage.run(scope, scope.trace === undefined ? runMain : runTracedMain, scope);
    // Inside the `try`: reading `then` may throw (a strict Proxy), which is then main's error.
    if (isPromiseLike(value)) promise = value instanceof Promise ? value : Promise.resolve(value);
  } catch (error) {
    return answer(scope, false, error);
  }
  if (promise === undefined) return answer(scope, true, value);
  if (mode === 'direct') return directPromise(scope, promise);
  if (mode === 'await') {
    return new Promise((resolve, reject) => {
      const awaitVariants = (ok: boolean, settled: unknown) => runAwaitedAsync(scope, afterMain(scope, ok, settled)!, resolve, reject);
      promise.then(
        (result) => awaitVariants(true, result),
        (error) => awaitVariants(false, error),
      );
    });
  }
  return promise.then(
    (result) => answer(scope, true, result),
    (error) => answer(scope, false, error),
  );
}

function runMain(scope: EntryScope): unknown {
  return scope.entry.invoke(scope.thisArg, scope.args, scope.config);
}

/** Main inside its case span (a traced call only: the untraced path stays as small as it was). */
function runTracedMain(scope: EntryScope): unknown {
  return scope.trace!.runCase(scope, 'main', false, runMain, scope);
}

/**
 * Answers the caller once main settled: its value (direct), or the case results. With awaited
 * variants, this is the sync path: the variants of a sync main run one after another, now.
 */
function answer(scope: EntryScope, ok: boolean, value: unknown): unknown {
  const mainResult = afterMain(scope, ok, value);
  if (scope.mode !== 'await') {
    if (!ok) throw value;
    return scope.mode === 'direct' ? value : new ExperimentCaseResults(mainResult!, []);
  }
  const variantResults = runAwaitedSync(scope, mainResult!);
  scope.trace?.end(ok, value);
  if (!ok) throw value;
  return awaitedResults(scope, mainResult!, variantResults);
}

/** What a direct call of an async main returns: a promise that settles as main's. */
function directPromise(scope: EntryScope, promise: Promise<unknown>): Promise<unknown> {
  const supervisor = scope.entry.supervisor;
  // When nothing needs main's outcome yet, the caller gets main's own promise and nothing
  // waits for it: no work for variants when there are none.
  if ((scope.variantConfigs.length === 0 || scope.sampledOut) && !supervisor.needsResults && scope.recording === undefined && !scope.joined && scope.trace === undefined) {
    scope.unobserved = promise;
    scope.onJoin = observeLate;
    return promise;
  }
  // Otherwise a promise that settles as main's once the variants are admitted: the caller's
  // code never sees main's outcome before that, and a rejection it ignores stays unhandled.
  return promise.then(
    (result) => (afterMain(scope, true, result), result),
    (error) => {
      afterMain(scope, false, error);
      throw error;
    },
  );
}

/** A nested experiment joined a call whose main promise went unobserved: run the variants when it settles. */
function observeLate(scope: EntryScope): void {
  // The caller already holds the promise: observe it without touching how its outcome reaches the caller.
  scope.unobserved!.then(
    (result) => void afterMain(scope, true, result),
    (error) => void afterMain(scope, false, error),
  );
}
