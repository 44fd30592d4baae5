import { createBindInjection } from '../config/bind';
import type { BindOptions } from '../config/bind-spec';
import { type ConfigSource, resolveConfigs } from '../config/resolve-configs';
import { describeValue } from '../internal/describe';
import { strategies } from '../strategies/strategies';
import type { Strategy } from '../strategies/strategy';
import type { RecordOptions } from '../recording/record-options';
import type { Clean, Ignore } from '../supervision/clean-and-ignore';
import type { Compare } from '../supervision/compare';
import type { SampleRate } from '../supervision/sample-rate';
import type { Supervisor } from '../supervision/supervisor';
import { findInjectedParameters, listed } from './config-parameter';
import { Experiment } from './experiment';
import { experimentFunction } from './experiment-function';
import { type Injection, wholeConfig } from './injection';
import type { RegisteredExperiment } from './registry';

/** How to turn a function into an experiment (what `defineExperiment` takes). */
export interface ExperimentSetup {
  /** Admits and counts its background variants, runs its hooks: its `Spearmint` instance's. */
  readonly supervisor: Supervisor;
  /** The experiment's name in cases, results and hooks. @default the function's name, else `'anonymous'` */
  readonly name?: string | undefined;
  /** Config sources, resolved here. @default [] (no configs: the default config) */
  readonly configs?: readonly ConfigSource[] | undefined;
  /** Picks main and variants per entry call. @default strategies.shadow */
  readonly strategy?: Strategy | undefined;
  /** Compares each variant's value with main's. @default the supervisor's `compare` */
  readonly compare?: Compare | undefined;
  /** What main and a variant are compared by. @default the supervisor's `clean` */
  readonly clean?: Clean | undefined;
  /** Accepts some mismatches. @default the supervisor's `ignore` */
  readonly ignore?: Ignore | undefined;
  /** Which entry calls run their background variants. @default the supervisor's `sampleRate` */
  readonly sampleRate?: SampleRate | undefined;
  /** Records entry calls; `false`: none. @default the supervisor's `record` */
  readonly record?: RecordOptions | false | undefined;
  /** The parameter (name or index) that receives the whole config; `false`: none. @default the one named `config` */
  readonly configParam?: string | number | false | undefined;
  /** Parts of the config injected into parameters, by parameter name. */
  readonly bind?: BindOptions | undefined;
  /** The declared parameter types (legacy decorators' `design:paramtypes`): a parameter typed `Config` receives the config. */
  readonly paramTypes?: readonly unknown[] | undefined;
  /** Called with `this` before each call of the wrapper (stage-3 methods learn their class name there). */
  readonly beforeCall?: ((thisArg: unknown, experiment: RegisteredExperiment) => void) | undefined;
  /** What nested experiments take part with under this one (see `ExperimentParts`). @default 'strategy' */
  readonly nestedConfigs?: 'strategy' | 'all' | undefined;
}

/**
 * Turns `fn` into an experiment, the single way to make one: resolves its configs, finds the
 * parameters that receive the config and bound values, builds and checks the `Experiment`, and
 * returns the function that stands for it (registered, so `run`, `arun` and `getConfigId` know
 * it). Everything is loaded, checked and bound here, so a bad config throws before any call.
 */
export function defineExperiment<F extends Function>(fn: F, setup: ExperimentSetup): F {
  const name = setup.name === undefined ? fn.name || 'anonymous' : setup.name;
  if (typeof name !== 'string' || name === '') throw new TypeError(`Expected the experiment's \`name\` to be a non-empty string, got ${describeValue(name)}.`);
  const configs = setup.configs === undefined ? [] : resolveConfigs(setup.configs, `configs of '${name}'`);
  const { configIndex, bound, names } = findInjectedParameters(fn, name, setup, setup.paramTypes);
  const injections: Injection[] = bound.map((parameter) => createBindInjection(parameter, name));
  if (configIndex >= 0) injections.unshift(wholeConfig(configIndex));
  const experiment = new Experiment({
    target: fn,
    name,
    configs,
    strategy: setup.strategy === undefined ? strategies.shadow : setup.strategy,
    supervisor: setup.supervisor,
    injections,
    compare: setup.compare,
    clean: setup.clean,
    ignore: setup.ignore,
    sampleRate: setup.sampleRate,
    record: setup.record,
    nestedConfigs: setup.nestedConfigs,
  });
  if (injections.length === 0 && experiment.configs.length > 1 && setup.configParam !== false) {
    console.warn(
      `Spearmint: experiment '${name}' has ${experiment.configs.length} configs, but no parameter receives one ` +
        `(its parameters: ${listed(names)}), so every config runs the very same call. Name a parameter \`config\`, ` +
        'or pass `configParam` or `bind`; if the function reads currentCase() itself, pass `configParam: false`.',
    );
  }
  return experimentFunction(experiment, fn, setup.beforeCall) as unknown as F;
}
