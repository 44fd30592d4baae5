import type { Config } from '../config/config';
import { processWide } from '../internal/global';
import type { Strategy } from '../strategies/strategy';
import type { Supervisor } from '../supervision/supervisor';
import type { ExperimentSetup } from './define-experiment';

/** What an experiment takes from its `Spearmint` instance unless its own options say otherwise. */
export interface ExperimentDefaults {
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
}

const byInstance = processWide('instance-defaults', () => new WeakMap<object, ExperimentDefaults>());

/** Records the defaults of a `Spearmint` instance, so sibling packages can define experiments of it. */
export function registerExperimentDefaults(instance: object, defaults: ExperimentDefaults): void {
  byInstance.set(instance, defaults);
}

/** The defaults of a `Spearmint` instance; a `TypeError` for anything else. */
export function experimentDefaultsOf(instance: object, caller: string): ExperimentDefaults {
  const defaults = byInstance.get(instance);
  if (defaults === undefined) throw new TypeError(`${caller} expects a Spearmint instance (new Spearmint(...)).`);
  return defaults;
}

/**
 * One experiment's setup over its instance's defaults: the instance's supervisor, and its
 * configs and strategy unless the experiment's options give their own.
 */
export function withDefaults(defaults: ExperimentDefaults, options: Omit<ExperimentSetup, 'supervisor'>): ExperimentSetup {
  return {
    ...options,
    supervisor: defaults.supervisor,
    configs: options.configs === undefined ? defaults.configs : options.configs,
    strategy: options.strategy === undefined ? defaults.strategy : options.strategy,
  };
}
