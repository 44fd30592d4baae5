import type { Experiment } from './experiment';
import { callExperiment } from '../run/call-experiment';
import { registerExperimentFunction, type RegisteredExperiment } from './registry';

/**
 * The function that stands for an experiment: calling it is a direct call. It keeps the
 * original's `name` and `length`, and is registered (with its bound copies) as the experiment.
 * `beforeCall`, when given, sees `this` first (stage-3 methods use it to learn their class name).
 */
export function experimentFunction(experiment: Experiment, original: Function, beforeCall?: (thisArg: unknown, experiment: RegisteredExperiment) => void): Function {
  const wrapper = beforeCall
    ? function (this: unknown, ...args: unknown[]): unknown {
        beforeCall(this, experiment);
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
