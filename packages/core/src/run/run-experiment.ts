import { isPromiseLike } from '../internal/is-promise-like';
import { ExperimentCaseResults } from '../results/experiment-case-results';
import { FunctionResult } from '../results/function-result';
import { type ExecutionScope, scopeStorage } from './execution-scope';
import type { RunnableExperiment } from './runnable-experiment';
import { startEntry } from './start-entry';

type Results = ExperimentCaseResults<unknown>;

/**
 * A runner call (`run`, `arun`): the case results, or a promise of them when the function
 * returns a promise; with `awaitVariants`, every variant has finished first, and with
 * `raiseOnMismatch` too, a variant that does not match main throws a `MismatchError`. Inside
 * another experiment's execution, it runs with that case's config and starts no variants.
 */
export function runExperiment(
  experiment: RunnableExperiment,
  thisArg: unknown,
  args: unknown[],
  awaitVariants: boolean,
  raiseOnMismatch = false,
): Results | Promise<Results> {
  const scope = scopeStorage.getStore();
  if (scope === undefined) return startEntry(experiment, thisArg, args, awaitVariants ? 'await' : 'background', raiseOnMismatch) as Results;
  const config = scope.configFor(experiment);
  const started = performance.now();
  let value: unknown;
  try {
    value = experiment.invoke(thisArg, args, config);
    if (!isPromiseLike(value)) return nestedResults(scope, started, true, value);
  } catch (error) {
    return nestedResults(scope, started, false, error);
  }
  return Promise.resolve(value).then(
    (result) => nestedResults(scope, started, true, result),
    (error) => nestedResults(scope, started, false, error),
  );
}

/** The results of a nested runner call: main's result alone; its error thrown, as for any main. */
function nestedResults(scope: ExecutionScope, started: number, ok: boolean, value: unknown): Results {
  if (!ok) throw value;
  return new ExperimentCaseResults(new FunctionResult(value, scope.experimentCase, performance.now() - started, true), []);
}
