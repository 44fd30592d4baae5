import { type Config, createBindInjection, Experiment, type Injection, resolveConfigs, type Strategy, type Supervisor } from '@spearmint/core';
import type { ExperimentOptions } from '../options';
import { findInjectedParameters } from './config-parameter';

/** What an experiment takes from its `Spearmint` instance unless its options say otherwise. */
export interface ExperimentDefaults {
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
}

/**
 * Builds the engine's `Experiment` for a decorated function: configs, strategy, injections.
 * Everything is loaded, checked and bound here, so a bad config throws before any wrapper exists.
 */
export function createExperiment(
  defaults: ExperimentDefaults,
  options: ExperimentOptions,
  fn: Function,
  defaultName: string,
  paramTypes?: readonly unknown[],
): Experiment {
  const name = options.name ?? defaultName;
  const configs = options.configs !== undefined ? resolveConfigs(options.configs, `configs of '${name}'`) : defaults.configs;
  const { configIndex, bound } = findInjectedParameters(fn, name, options, paramTypes);
  const injections: Injection[] = bound.map((parameter) => createBindInjection(parameter, name));
  if (configIndex >= 0) injections.unshift({ index: configIndex, valueFor: (config) => config });
  return new Experiment({
    target: fn,
    name,
    configs,
    strategy: options.strategy ?? defaults.strategy,
    supervisor: defaults.supervisor,
    injections,
    compare: options.compare,
  });
}
