import { callExperiment, type Config, type ConfigSource, Experiment, registerExperimentFunction, resolveConfigs, strategies, type Strategy, Supervisor } from '../../src';

/**
 * An experiment function made with the core API alone (as @spearmint/decorators does): the
 * config is injected into the parameter at `configIndex`.
 */
export function experimentFunction<F extends (...args: any[]) => any>(
  fn: F,
  configs: readonly ConfigSource[],
  options: { configIndex: number; name?: string; strategy?: Strategy },
): F {
  const experiment = new Experiment({
    target: fn,
    name: options.name ?? fn.name,
    configs: resolveConfigs(configs),
    strategy: options.strategy ?? strategies.shadow,
    supervisor: new Supervisor(),
    injections: [{ index: options.configIndex, valueFor: (config: Config) => config }],
  });
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    return callExperiment(experiment, this, args);
  };
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  registerExperimentFunction(wrapper, experiment);
  return wrapper as unknown as F;
}
