import { scopeStorage } from './execution-scope';
import type { RunnableExperiment } from './runnable-experiment';
import { startEntry } from './start-entry';

/**
 * A direct call of an experiment: returns (or throws) what main returns (or throws); variants
 * run in the background. Inside another experiment's execution, it runs with the config that
 * execution's case assigns and starts no variants of its own.
 */
export function callExperiment(experiment: RunnableExperiment, thisArg: unknown, args: unknown[]): unknown {
  const scope = scopeStorage.getStore();
  if (scope !== undefined) return experiment.invoke(thisArg, args, scope.configFor(experiment));
  return startEntry(experiment, thisArg, args, 'direct');
}
