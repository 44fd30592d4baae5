import type { Config } from '../config/config';
import { ExecutionScope, executionStorage } from '../context/execution-scope';
import { currentRequestValues } from '../context/request-context';
import { VariantTimeoutError } from '../errors';
import { ExperimentCaseResults } from '../experiment-case-results';
import { FunctionResult } from '../function-result';
import { isPromiseLike } from '../internal/is-promise-like';
import type { CallTrace } from '../tracing/tracing';
import { variantCases } from './case-plan';
import { compareWithMain, type MainOutcome } from './compare';
import type { Experiment } from './experiment';
import { NestedPlans } from './nested-plans';
import type { VariantOutcome } from './supervisor';

/**
 * What the caller of an entry call wants back. `direct`: main's value, variants in the
 * background. `background`: case results with main only, variants in the background.
 * `await`: case results with every variant, all finished first.
 */
type Mode = 'direct' | 'background' | 'await';

type Results = ExperimentCaseResults<unknown>;

/** The main execution of an entry call, holding what its variants need to repeat the call. */
class EntryScope extends ExecutionScope {
  started = 0;
  /**
   * Main's promise while nothing needs its settlement: an experiment with one config, no
   * `onResult` hook, no nested experiment yet. A nested experiment joining later attaches then.
   */
  unobserved: Promise<unknown> | undefined = undefined;
  /** The call's spans; `undefined` unless a tracer provider is registered. */
  trace: CallTrace | undefined = undefined;
  /** Main's outcome, kept once it settled when there are variants to compare with it: its result when built. */
  main: MainOutcome | undefined = undefined;
  /** The request values of the call, for the strategies of nested experiments (asked when they join). */
  readonly requestValues = currentRequestValues();

  constructor(
    entry: Experiment,
    main: Config,
    readonly variantConfigs: readonly Config[],
    readonly thisArg: unknown,
    readonly args: unknown[],
    /** Which injected arguments the caller passed itself (`Experiment#callerMask`). */
    readonly mask: number,
    readonly mode: Mode,
  ) {
    super(entry, main);
  }

  override nestedPlans(): NestedPlans {
    return (this.plans ??= new NestedPlans(this.entry, this.requestValues));
  }

  protected override joinedBy(): void {
    const promise = this.unobserved;
    if (promise === undefined) return;
    this.unobserved = undefined;
    // The caller already holds `promise`: run the variants when it settles, without touching
    // how its outcome reaches the caller.
    promise.then(
      (result) => void afterMain(this, true, result),
      (error) => void afterMain(this, false, error),
    );
  }
}

const NO_SCOPES: readonly ExecutionScope[] = Object.freeze([]);

/** A direct call of an experiment: returns (or throws) what main returns (or throws). */
export function callExperiment(experiment: Experiment, thisArg: unknown, args: unknown[]): unknown {
  const scope = executionStorage.getStore();
  if (scope !== undefined) return experiment.invoke(thisArg, args, scope.configFor(experiment), experiment.callerMask(args));
  return startEntry(experiment, thisArg, args, 'direct');
}

/**
 * A runner call: the case results, or a promise of them when the function returns a promise.
 * Inside another experiment's execution, it runs with that case's config and starts no variants.
 */
export function runExperiment(experiment: Experiment, thisArg: unknown, args: unknown[], awaitVariants: boolean): Results | Promise<Results> {
  const scope = executionStorage.getStore();
  if (scope === undefined) return startEntry(experiment, thisArg, args, awaitVariants ? 'await' : 'background') as Results;
  const config = scope.configFor(experiment);
  const mask = experiment.callerMask(args);
  const toResults = (result: FunctionResult) => {
    if (!result.ok) throw result.error;
    return new ExperimentCaseResults(result, []);
  };
  const outcome = settle(scope, performance.now(), () => experiment.invoke(thisArg, args, config, mask));
  return isPromiseLike(outcome) ? outcome.then(toResults) : toResults(outcome);
}

function startEntry(experiment: Experiment, thisArg: unknown, args: unknown[], mode: Mode): unknown {
  let plan: ReturnType<Experiment['plan']>;
  try {
    plan = experiment.plan();
  } catch (error) {
    // The strategy failed: main cannot run. An async function's caller expects a rejection.
    if (experiment.isAsync) return Promise.reject(error);
    throw error;
  }
  const [main, variantConfigs] = plan;
  const supervisor = experiment.supervisor;
  const scope = new EntryScope(experiment, main, variantConfigs, thisArg, args, experiment.callerMask(args), mode);
  if (mode !== 'direct' || supervisor.needsMainResult) scope.started = performance.now();
  if (supervisor.tracing !== undefined) scope.trace = supervisor.tracing.startCall(experiment);

  let value: unknown;
  let promise: Promise<unknown> | undefined;
  try {
    value = executionStorage.run(scope, scope.trace === undefined ? runMain : runTracedMain, scope);
    // Inside the `try`: reading `then` may throw (a strict Proxy), which is then main's error.
    if (isPromiseLike(value)) promise = value instanceof Promise ? value : Promise.resolve(value);
  } catch (error) {
    return answer(scope, false, error);
  }
  if (promise === undefined) return answer(scope, true, value);
  if (mode === 'direct') {
    // When nothing needs main's outcome yet, the caller gets main's own promise and nothing
    // waits for it: no work for variants when there are none.
    if (variantConfigs.length === 0 && !supervisor.observesResults && !scope.joined && scope.trace === undefined) {
      scope.unobserved = promise;
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
  if (mode === 'await') {
    return new Promise((resolve, reject) => {
      promise.then(
        (result) => awaitVariants(scope, true, result, resolve, reject),
        (error) => awaitVariants(scope, false, error, resolve, reject),
      );
    });
  }
  return promise.then(
    (result) => answer(scope, true, result),
    (error) => answer(scope, false, error),
  );
}

function runMain(scope: EntryScope): unknown {
  return scope.entry.invoke(scope.thisArg, scope.args, scope.config, scope.mask);
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
  const variantResults = variantScopes(scope).map((variant) => awaitedSyncVariant(scope, variant));
  scope.trace?.end(ok, value);
  if (!ok) throw value;
  return new ExperimentCaseResults(mainResult!, variantResults);
}

/**
 * The async path of awaited variants: once main's promise settled, runs every variant
 * concurrently and settles the runner's promise when the last one has.
 */
function awaitVariants(
  scope: EntryScope,
  ok: boolean,
  value: unknown,
  resolve: (results: Results) => void,
  reject: (error: unknown) => void,
): void {
  const mainResult = afterMain(scope, ok, value)!;
  const scopes = variantScopes(scope);
  const variantResults: FunctionResult[] = [];
  let pending = scopes.length;
  const done = () => {
    scope.trace?.end(ok, value);
    if (ok) resolve(new ExperimentCaseResults(mainResult, variantResults));
    else reject(value);
  };
  if (pending === 0) return done();
  const supervisor = scope.entry.supervisor;
  scopes.forEach((variant, i) => {
    const record = (result: FunctionResult) => {
      finishVariant(scope, variant, result);
      supervisor.report(result, variant, 'variant', false);
      variantResults[i] = result;
      if (--pending === 0) done();
    };
    const outcome = executeVariant(scope, variant);
    if (!isPromiseLike(outcome)) record(outcome);
    else void withTimeout(scope, variant, outcome, () => undefined).then(record);
  });
}

/**
 * Reports main, keeps its outcome for the comparisons and, unless they are awaited, starts the
 * background variants. Never throws.
 */
function afterMain(scope: EntryScope, ok: boolean, value: unknown): FunctionResult | undefined {
  const supervisor = scope.entry.supervisor;
  const trace = scope.trace;
  if (trace !== undefined) trace.endCase(scope, ok, value);
  let mainResult: FunctionResult | undefined;
  if (scope.mode !== 'direct' || supervisor.needsMainResult) {
    const durationMs = performance.now() - scope.started;
    mainResult = new FunctionResult(ok ? value : undefined, scope.experimentCase, durationMs, ok, ok ? undefined : value);
    supervisor.report(mainResult, scope, 'main', false);
  }
  if (scope.mode === 'await') {
    scope.main = mainResult; // built in this mode
  } else {
    const scopes = variantScopes(scope);
    if (scopes.length > 0) {
      scope.main = mainResult ?? { ok, result: ok ? value : undefined, error: ok ? undefined : value };
      startBackground(scope, scopes);
    }
    if (trace !== undefined) trace.end(ok, value);
  }
  return mainResult;
}

/** Once a variant's result is final: ends its span and compares it with main. */
function finishVariant(entry: EntryScope, scope: ExecutionScope, result: FunctionResult): void {
  if (entry.trace !== undefined) entry.trace.endCase(scope, result.ok, result.error);
  compareWithMain(entry.main!, scope, result, entry.mode !== 'await');
}

/**
 * The scopes of the variants, once main has shown which nested experiments take part. Without
 * nested experiments, a variant's case is made only if something reads it.
 */
function variantScopes(scope: EntryScope): readonly ExecutionScope[] {
  if (scope.joined) {
    const plans = scope.nestedPlans();
    return variantCases(scope.experimentCase, scope.variantConfigs, plans).map(
      (variantCase) => new ExecutionScope(scope.entry, variantCase.configFor(scope.entry)!, variantCase, plans),
    );
  }
  if (scope.variantConfigs.length === 0) return NO_SCOPES;
  const plans = scope.nestedPlans();
  return scope.variantConfigs.map((config) => new ExecutionScope(scope.entry, config, undefined, plans));
}

/** Runs `fn` and turns its outcome into a `FunctionResult` (a promise of one for async work). */
function settle(scope: ExecutionScope, started: number, fn: () => unknown): FunctionResult | Promise<FunctionResult> {
  let promise: Promise<unknown>;
  try {
    const value = fn();
    // Inside the `try`: reading `then` may throw (a strict Proxy), which is this execution's error.
    if (!isPromiseLike(value)) return new FunctionResult(value, scope.experimentCase, performance.now() - started, true);
    promise = Promise.resolve(value);
  } catch (error) {
    return new FunctionResult(undefined, scope.experimentCase, performance.now() - started, false, error);
  }
  return promise.then(
    (result) => new FunctionResult(result, scope.experimentCase, performance.now() - started, true),
    (error) => new FunctionResult(undefined, scope.experimentCase, performance.now() - started, false, error),
  );
}

/** One variant execution, in its own scope. */
function executeVariant(entry: EntryScope, scope: ExecutionScope): FunctionResult | Promise<FunctionResult> {
  return settle(scope, performance.now(), () => executionStorage.run(scope, entry.trace === undefined ? runVariant : runTracedVariant, entry, scope));
}

function runVariant(entry: EntryScope, scope: ExecutionScope): unknown {
  return entry.entry.invoke(entry.thisArg, entry.args, scope.config, entry.mask);
}

function runTracedVariant(entry: EntryScope, scope: ExecutionScope): unknown {
  return entry.trace!.runCase(scope, 'variant', entry.mode !== 'await', runVariant, entry, scope);
}

/** An awaited variant of a sync main: runs now, in its own scope. */
function awaitedSyncVariant(entry: EntryScope, scope: ExecutionScope): FunctionResult {
  let result = executeVariant(entry, scope);
  if (isPromiseLike(result)) {
    // Main returned a plain value but this variant a promise; a sync run cannot wait for it.
    result.then(undefined, () => undefined);
    result = new FunctionResult(undefined, scope.experimentCase, 0, false, new TypeError(
      `Variant '${scope.config.config_id}' of '${entry.entry.name}' returned a promise, but main returned a plain value, ` +
        'so run() could not wait for it. Make the function consistently sync or async (use arun() for async).',
    ));
  }
  finishVariant(entry, scope, result);
  entry.entry.supervisor.report(result, scope, 'variant', false);
  return result;
}

/**
 * Admits each variant (or drops it) now; runs the admitted ones once the caller has its result.
 * One setImmediate per call, scheduled here, so the variants inherit the call's async context
 * (request values, trace context, any AsyncLocalStorage of the app).
 */
function startBackground(entry: EntryScope, scopes: readonly ExecutionScope[]): void {
  const supervisor = entry.entry.supervisor;
  let admitted: ExecutionScope[] | undefined;
  for (const scope of scopes) {
    if (supervisor.admit(scope)) (admitted ??= []).push(scope);
    else if (entry.trace !== undefined) entry.trace.variantDropped(scope);
  }
  if (admitted) setImmediate(runBackground, entry, admitted);
}

function runBackground(entry: EntryScope, scopes: readonly ExecutionScope[]): void {
  for (const scope of scopes) runInBackground(entry, scope);
}

function runInBackground(entry: EntryScope, scope: ExecutionScope): void {
  const outcome = executeVariant(entry, scope);
  if (!isPromiseLike(outcome)) return endBackground(entry, scope, outcome, outcome.ok ? 'succeeded' : 'failed');
  withTimeout(entry, scope, outcome, (timedOut) => endBackground(entry, scope, timedOut, 'timedOut')).then((result) =>
    endBackground(entry, scope, result, result.ok ? 'succeeded' : 'failed'),
  );
}

/** Ends a background variant once (a settlement after its timeout is ignored). */
function endBackground(entry: EntryScope, scope: ExecutionScope, result: FunctionResult, outcome: VariantOutcome): void {
  const supervisor = entry.entry.supervisor;
  if (!supervisor.isRunning(scope)) return;
  finishVariant(entry, scope, result);
  supervisor.complete(scope, outcome, result);
}

/**
 * Settles with `outcome`, or, after `variantTimeoutMs`, calls `onTimeout` with a timed-out
 * result and aborts the scope's signal; a later settlement of `outcome` is then ignored.
 */
function withTimeout(
  entry: EntryScope,
  scope: ExecutionScope,
  outcome: Promise<FunctionResult>,
  onTimeout: (result: FunctionResult) => void,
): Promise<FunctionResult> {
  const timeoutMs = entry.entry.supervisor.variantTimeoutMs;
  if (timeoutMs === undefined) return outcome;
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const error = new VariantTimeoutError(entry.entry.name, scope.config.config_id, timeoutMs);
      const result = new FunctionResult(undefined, scope.experimentCase, performance.now() - started, false, error);
      scope.abort(error);
      onTimeout(result);
      resolve(result);
    }, timeoutMs);
    timer.unref?.();
    void outcome.then((result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}
