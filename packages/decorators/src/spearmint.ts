import { type Config, resolveConfigs, strategies, type Strategy, type VariantStats } from '@spearmint/core';
import { checkStrategy, type ExperimentDefaults, registerExperimentDefaults, Supervisor } from '@spearmint/core/internal';
import { createExperimentDecorator } from './internal/experiment-decorator';
import { assertCalledWithOptions } from './internal/missing-parentheses';
import { checkOptions, type ExperimentOptions, type SpearmintOptions, spearmintOptionKeys } from './options';
import { arun, run } from './run';
import type { ExperimentDecorator } from './types';

/**
 * A set of experiments sharing default configs, a strategy, a `compare`, limits on background
 * variants, hooks and tracing. Configs are loaded and checked here, at construction, before any call.
 *
 * @example
 * ```ts
 * const mint = new Spearmint({ configs: [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }] });
 *
 * class TextService {
 *   @mint.experiment()
 *   generate(prompt: string, config?: Config<{ model: string }>): string {
 *     return `${config!.model}: ${prompt}`;
 *   }
 * }
 * ```
 */
export class Spearmint {
  /** `run()`, as a static for parity with the Python library's `Spearmint.run`. */
  static readonly run = run;
  /** `arun()`, as a static for parity with the Python library's `Spearmint.arun`. */
  static readonly arun = arun;

  /** The instance's configs, resolved and frozen. */
  readonly configs: readonly Config[];
  /** The instance's default strategy. */
  readonly strategy: Strategy;
  readonly #defaults: ExperimentDefaults;

  constructor(options: SpearmintOptions = {}) {
    checkOptions(options, spearmintOptionKeys, 'new Spearmint()');
    this.configs = Object.freeze(resolveConfigs(options.configs ?? [], 'configs'));
    this.strategy = options.strategy === undefined ? strategies.shadow : checkStrategy(options.strategy, 'the `strategy` option of new Spearmint()');
    this.#defaults = { configs: this.configs, strategy: this.strategy, supervisor: new Supervisor(options) };
    registerExperimentDefaults(this, this.#defaults);
  }

  /**
   * Makes a function an experiment: as a stage-3 or legacy method decorator, or called on a
   * plain function (`mint.experiment()(fn)`). The config is passed into the parameter named
   * `config` (see `ExperimentOptions`).
   */
  experiment(options?: ExperimentOptions): ExperimentDecorator {
    assertCalledWithOptions(arguments, 'mint.experiment');
    if (this === undefined || this === null || !(#defaults in this)) {
      throw new TypeError('experiment() was called without its Spearmint instance: write mint.experiment(), not a detached copy of the method.');
    }
    return createExperimentDecorator(this.#defaults, options);
  }

  /**
   * Counts of this instance's background variants, and `comparisons`: per experiment and
   * config, how many variants (awaited and background) were compared with main and how many
   * did not match.
   */
  stats(): VariantStats {
    return this.#defaults.supervisor.stats();
  }

  /**
   * Resolves with `stats()` once every background variant and hook call of this instance has
   * settled, including ones started meanwhile. After `timeoutMs`, aborts the signals of the
   * variants still running and resolves anyway. Never rejects.
   */
  drain(timeoutMs?: number): Promise<VariantStats> {
    return this.#defaults.supervisor.drain(timeoutMs);
  }
}

/**
 * A standalone experiment with its own `Spearmint` instance (`configs`, `strategy` and any
 * `Spearmint` option apply to it alone).
 *
 * @example
 * ```ts
 * const greet = experiment({ configs: [{ greeting: 'Hi' }] })(function greet(name: string, config?: Config) {
 *   return `${config!.greeting}, ${name}`;
 * });
 * ```
 */
export function experiment(options: ExperimentOptions & SpearmintOptions = {}): ExperimentDecorator {
  assertCalledWithOptions(arguments, 'experiment');
  const { name, configParam, bind, ...instanceOptions } = options;
  const experimentOptions: ExperimentOptions = {};
  if (name !== undefined) experimentOptions.name = name;
  if (configParam !== undefined) experimentOptions.configParam = configParam;
  if (bind !== undefined) experimentOptions.bind = bind;
  return new Spearmint(instanceOptions).experiment(experimentOptions);
}
