import type { Config } from '../config/config';
import { ExecutionScope, executionStorage } from '../context/execution-scope';
import { VariantTimeoutError } from '../errors';
import { ExperimentCase } from '../experiment-case';
import { ExperimentCaseResults } from '../experiment-case-results';
import { FunctionResult } from '../function-result';
import { isPromiseLike } from '../internal/is-promise-like';
import { variantCases } from './case-plan';
import type { Experiment } from './experiment';
import type { ExecutionInfo } from './hooks';
import type { BackgroundSlot } from './supervisor';

/**
 * What the caller of an entry call wants back. `direct`: main's value, variants in the
 * background. `background`: case results with main only, variants in the background.
 * `await`: case results with every variant, all finished first.
 */
type Mode = 'direct' | 'background' | 'await';

type Results = ExperimentCaseResults<unknown>;

/** A direct call of an experiment: returns (or throws) what main returns (or throws). */
export function callExperiment(experiment: Experiment, thisArg: unknown, args: unknown[]): unknown {
  const scope = executionStorage.getStore();
  if (scope !== undefined) return experiment.invoke(thisArg, args, configInCase(scope.experimentCase, experiment));
  return startEntry(experiment, thisArg, args, 'direct');
}

/**
 * A runner call: the case results, or a promise of them when the function returns a promise.
 * Inside another experiment's execution, it runs with that case's config and starts no variants.
 */
export function runExperiment(
  experiment: Experiment,
  thisArg: unknown,
  args: unknown[],
  awaitVariants: boolean,
): Results | Promise<Results> {
  const scope = executionStorage.getStore();
  if (scope === undefined) return startEntry(experiment, thisArg, args, awaitVariants ? 'await' : 'background') as Results;
  const experimentCase = scope.experimentCase;
  const config = configInCase(experimentCase, experiment);
  const started = performance.now();
  const toResults = (result: FunctionResult) => {
    if (!result.ok) throw result.error;
    return new ExperimentCaseResults(result, []);
  };
  const outcome = settle(() => experiment.invoke(thisArg, args, config), experimentCase, started);
  return isPromiseLike(outcome) ? outcome.then(toResults) : toResults(outcome);
}

function configInCase(experimentCase: ExperimentCase, experiment: Experiment): Config {
  let config = experimentCase.configFor(experiment);
  if (config === undefined) {
    config = experiment.configs[0]!;
    experimentCase.assign(experiment, config);
  }
  return config;
}

function startEntry(experiment: Experiment, thisArg: unknown, args: unknown[], mode: Mode): unknown {
  const [main, variantConfigs] = experiment.plan();
  const mainCase = new ExperimentCase([experiment], [main]);
  const scope = new ExecutionScope(mainCase);
  const entry: EntryCall = { experiment, thisArg, args, mode, mainCase, variantConfigs, started: 0 };
  if (mode !== 'direct' || experiment.supervisor.observesResults) entry.started = performance.now();

  let value: unknown;
  try {
    value = executionStorage.run(scope, () => experiment.invoke(thisArg, args, main));
  } catch (error) {
    return finishEntry(entry, false, error, false);
  }
  if (isPromiseLike(value)) {
    return Promise.resolve(value).then(
      (result) => finishEntry(entry, true, result, true),
      (error) => finishEntry(entry, false, error, true),
    );
  }
  return finishEntry(entry, true, value, false);
}

interface EntryCall {
  readonly experiment: Experiment;
  readonly thisArg: unknown;
  readonly args: unknown[];
  readonly mode: Mode;
  readonly mainCase: ExperimentCase;
  readonly variantConfigs: readonly Config[];
  started: number;
}

/** After main settled: report it, run or schedule the variants, and answer the caller. */
function finishEntry(entry: EntryCall, ok: boolean, value: unknown, async: boolean): unknown {
  const { experiment, mode, mainCase } = entry;
  const supervisor = experiment.supervisor;
  let mainResult: FunctionResult | undefined;
  if (mode !== 'direct' || supervisor.observesResults) {
    mainResult = ok
      ? new FunctionResult(value, mainCase, performance.now() - entry.started, true)
      : new FunctionResult(undefined, mainCase, performance.now() - entry.started, false, value);
    supervisor.report(mainResult, infoFor(experiment, mainCase, 'main', false));
  }

  const cases = entry.variantConfigs.length > 0 || mainCase.experiments.length > 1 ? variantCases(mainCase, entry.variantConfigs) : [];
  if (mode !== 'await' || cases.length === 0) {
    if (cases.length > 0) startBackground(entry, cases);
    if (!ok) throw value;
    return mode === 'direct' ? value : new ExperimentCaseResults(mainResult!, []);
  }

  const answer = (variantResults: FunctionResult[]) => {
    if (!ok) throw value;
    return new ExperimentCaseResults(mainResult!, variantResults);
  };
  if (!async) return answer(cases.map((variantCase) => awaitedVariantSync(entry, variantCase)));
  return Promise.all(cases.map((variantCase) => awaitedVariant(entry, variantCase))).then(answer);
}

function infoFor(experiment: Experiment, experimentCase: ExperimentCase, role: 'main' | 'variant', background: boolean): ExecutionInfo {
  return { experiment: experiment.name, role, background, configId: experimentCase.configFor(experiment)!.config_id };
}

/** Runs `fn` and turns its outcome into a `FunctionResult` (a promise of one for async work). */
function settle(fn: () => unknown, experimentCase: ExperimentCase, started: number): FunctionResult | Promise<FunctionResult> {
  const failed = (error: unknown) => new FunctionResult(undefined, experimentCase, performance.now() - started, false, error);
  let value: unknown;
  try {
    value = fn();
  } catch (error) {
    return failed(error);
  }
  if (!isPromiseLike(value)) return new FunctionResult(value, experimentCase, performance.now() - started, true);
  return Promise.resolve(value).then((result) => new FunctionResult(result, experimentCase, performance.now() - started, true), failed);
}

function executeIn(scope: ExecutionScope, entry: EntryCall): FunctionResult | Promise<FunctionResult> {
  const config = scope.experimentCase.configFor(entry.experiment)!;
  return settle(
    () => executionStorage.run(scope, () => entry.experiment.invoke(entry.thisArg, entry.args, config)),
    scope.experimentCase,
    performance.now(),
  );
}

/** An awaited variant of a synchronous function: runs now, in its own scope. */
function awaitedVariantSync(entry: EntryCall, variantCase: ExperimentCase): FunctionResult {
  const outcome = executeIn(new ExecutionScope(variantCase), entry);
  let result: FunctionResult;
  if (isPromiseLike(outcome)) {
    // The function returned a value for main but a promise here; a sync run cannot wait for it.
    outcome.then(undefined, () => undefined);
    result = new FunctionResult(undefined, variantCase, 0, false, new TypeError(
      `Variant '${variantCase.configFor(entry.experiment)!.config_id}' of '${entry.experiment.name}' returned a promise, but main returned a plain value, ` +
        'so run() could not wait for it. Make the function consistently sync or async (use arun() for async).',
    ));
  } else {
    result = outcome;
  }
  entry.experiment.supervisor.report(result, infoFor(entry.experiment, variantCase, 'variant', false));
  return result;
}

/** An awaited variant of an async function; bounded by `variantTimeoutMs`. */
async function awaitedVariant(entry: EntryCall, variantCase: ExperimentCase): Promise<FunctionResult> {
  const scope = new ExecutionScope(variantCase);
  const result = await withTimeout(entry, scope, executeIn(scope, entry), () => undefined);
  entry.experiment.supervisor.report(result, infoFor(entry.experiment, variantCase, 'variant', false));
  return result;
}

/** Admits each variant (or drops it) now; runs the admitted ones once the caller has its result. */
function startBackground(entry: EntryCall, cases: readonly ExperimentCase[]): void {
  const supervisor = entry.experiment.supervisor;
  const slots: BackgroundSlot[] = [];
  for (const variantCase of cases) {
    const slot = supervisor.admit(new ExecutionScope(variantCase), () => infoFor(entry.experiment, variantCase, 'variant', true));
    if (slot) slots.push(slot);
  }
  if (slots.length > 0) setImmediate(runBackground, entry, slots);
}

function runBackground(entry: EntryCall, slots: readonly BackgroundSlot[]): void {
  const supervisor = entry.experiment.supervisor;
  for (const slot of slots) {
    const info = infoFor(entry.experiment, slot.scope.experimentCase, 'variant', true);
    const finish = (result: FunctionResult) => supervisor.complete(slot, result.ok ? 'succeeded' : 'failed', result, info);
    const outcome = executeIn(slot.scope, entry);
    if (!isPromiseLike(outcome)) finish(outcome);
    else withTimeout(entry, slot.scope, outcome, (timedOut) => supervisor.complete(slot, 'timedOut', timedOut, info)).then(finish);
  }
}

/**
 * Settles with `outcome`, or, after `variantTimeoutMs`, calls `onTimeout` with a timed-out
 * result and aborts the scope's signal; a later settlement of `outcome` is then ignored.
 */
function withTimeout(
  entry: EntryCall,
  scope: ExecutionScope,
  outcome: FunctionResult | Promise<FunctionResult>,
  onTimeout: (result: FunctionResult) => void,
): Promise<FunctionResult> {
  const timeoutMs = entry.experiment.supervisor.variantTimeoutMs;
  if (timeoutMs === undefined || !isPromiseLike(outcome)) return Promise.resolve(outcome);
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const error = new VariantTimeoutError(entry.experiment.name, scope.experimentCase.configFor(entry.experiment)!.config_id, timeoutMs);
      const result = new FunctionResult(undefined, scope.experimentCase, performance.now() - started, false, error);
      scope.abort(error);
      onTimeout(result);
      resolve(result);
    }, timeoutMs);
    timer.unref?.();
    outcome.then((result) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}
