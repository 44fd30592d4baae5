import { callExperiment, type Experiment, registerExperimentFunction } from '@spearmint/core';

/**
 * The function that stands for an experiment: calling it is a direct call. `beforeCall`, when
 * given, sees `this` first (stage-3 methods use it to learn their class name).
 */
export function wrapExperiment(experiment: Experiment, original: Function, beforeCall?: (thisArg: unknown) => void): Function {
  const wrapper = beforeCall
    ? function (this: unknown, ...args: unknown[]): unknown {
        beforeCall(this);
        return callExperiment(experiment, this, args);
      }
    : function (this: unknown, ...args: unknown[]): unknown {
        return callExperiment(experiment, this, args);
      };
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  registerExperimentFunction(wrapper, experiment);
  return wrapper;
}
