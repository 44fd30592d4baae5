import { type Config, createBindInjection, Experiment, type Injection, resolveConfigs, type Strategy, type Supervisor } from '@spearmint/core';
import type { ExperimentOptions } from '../options';
import { findInjectedParameters, listed } from './config-parameter';

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
  const { configIndex, bound, names } = findInjectedParameters(fn, name, options, paramTypes);
  const injections: Injection[] = bound.map((parameter) => createBindInjection(parameter, name));
  if (configIndex >= 0) injections.unshift({ index: configIndex, valueFor: (config) => config });
  const experiment = new Experiment({
    target: fn,
    name,
    configs,
    strategy: options.strategy === undefined ? defaults.strategy : options.strategy,
    supervisor: defaults.supervisor,
    injections,
    compare: options.compare,
  });
  if (injections.length === 0 && experiment.configs.length > 1 && options.configParam !== false) {
    console.warn(
      `Spearmint: experiment '${name}' has ${experiment.configs.length} configs, but no parameter receives one ` +
        `(its parameters: ${listed(names)}), so every config runs the very same call. Name a parameter \`config\`, ` +
        'or pass `configParam` or `bind`; if the function reads currentCase() itself, pass `configParam: false`.',
    );
  }
  return experiment;
}
