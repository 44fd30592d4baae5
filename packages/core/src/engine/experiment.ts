import { type Config, createConfig, isConfig } from '../config/config';
import { assertUniqueConfigIds } from '../config/resolve-configs';
import { RuntimeContext } from '../context/request-context';
import { SpearmintError } from '../errors';
import { isContextFree, type Strategy } from '../strategies/strategy';
import type { Compare } from './compare';
import { ComparisonTally } from './comparison-tally';
import type { Supervisor } from './supervisor';

/** The config of an experiment that has none. */
export const DEFAULT_CONFIG: Config = createConfig({ config_id: 'default' }, 'the default config');

/** Puts a value derived from the case's config into one argument of a call. */
export interface Injection {
  /** The parameter's position. */
  readonly index: number;
  /**
   * Called once by the experiment at set-up, after its configs are checked, with those configs
   * (the default config when there are none): computes, checks and caches what `valueFor` returns.
   */
  prepare?(configs: readonly Config[], experiment: string): void;
  /** The value for a config; computed at set-up where it costs anything. */
  valueFor(config: Config): unknown;
}

export interface ExperimentSetup {
  /** The function as written; called with `this` and the injected arguments. */
  readonly target: Function;
  readonly name: string;
  /** Resolved configs; an empty list means "no configs" (the default config). */
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
  readonly injections: readonly Injection[];
  /** Compares each variant's value with main's. @default the supervisor's `compare` */
  readonly compare?: Compare;
}

/**
 * An experiment as the engine sees it: a function, its configs, how to pick among them, and
 * how configs reach its parameters. Made once at set-up; immutable but for a late name.
 */
export class Experiment {
  readonly target: Function;
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
  readonly injections: readonly Injection[];
  readonly compare: Compare;
  /** How its variants compared with main, per config. */
  readonly comparisons = new ComparisonTally();
  #name: string;
  /** The strategy's answer, when it depends on the configs only. */
  readonly #fixedPlan: readonly [Config, Config[]] | undefined;

  constructor(setup: ExperimentSetup) {
    this.target = setup.target;
    this.#name = setup.name;
    this.configs = setup.configs.length > 0 ? Object.freeze([...setup.configs]) : Object.freeze([DEFAULT_CONFIG]);
    this.strategy = setup.strategy;
    this.supervisor = setup.supervisor;
    this.injections = setup.injections;
    if (setup.compare !== undefined && typeof setup.compare !== 'function') {
      throw new TypeError(`Expected \`compare\` of experiment '${this.#name}' to be a function, got ${setup.compare === null ? 'null' : typeof setup.compare}.`);
    }
    this.compare = setup.compare ?? setup.supervisor.compare;
    if (this.injections.length > 30) {
      throw new SpearmintError('SPEARMINT_TOO_MANY_INJECTIONS', `Experiment '${this.#name}' injects ${this.injections.length} parameters; at most 30 are supported.`);
    }
    assertUniqueConfigIds(this.configs, `in experiment '${this.#name}'`);
    this.strategy.validate?.(this.configs, this.#name);
    for (const injection of this.injections) injection.prepare?.(this.configs, this.#name);
    this.#fixedPlan = isContextFree(this.strategy) ? this.#checkedPlan(new RuntimeContext(this.#name)) : undefined;
  }

  get name(): string {
    return this.#name;
  }

  /** Sets the name once the decorated class is known (stage-3 decorators learn it late). */
  rename(name: string): void {
    this.#name = name;
  }

  /** Main and variant configs for one entry call. */
  plan(): readonly [Config, Config[]] {
    return this.#fixedPlan ?? this.#checkedPlan(new RuntimeContext(this.#name));
  }

  /**
   * Which injected arguments the caller passed itself (bit `i` for injection `i`): a value the
   * caller passes explicitly (not `undefined`) wins over injection, in main and in every variant.
   */
  callerMask(args: readonly unknown[]): number {
    const injections = this.injections;
    let mask = 0;
    for (let i = 0; i < injections.length; i++) if (args[injections[i]!.index] !== undefined) mask |= 1 << i;
    return mask;
  }

  /**
   * Calls the function with `config` injected into `args` (except where `callerMask` says the
   * caller passed the value). `args` is the call's own array, filled in place: main and each
   * variant overwrite every injected position before the call, which copies the arguments.
   */
  invoke(thisArg: unknown, args: unknown[], config: Config, callerMask: number): unknown {
    const injections = this.injections;
    for (let i = 0; i < injections.length; i++) {
      if ((callerMask & (1 << i)) === 0) args[injections[i]!.index] = injections[i]!.valueFor(config);
    }
    return this.target.apply(thisArg, args);
  }

  #checkedPlan(ctx: RuntimeContext): readonly [Config, Config[]] {
    const plan = this.strategy(this.configs, ctx);
    if (!Array.isArray(plan) || !isConfig(plan[0]) || !Array.isArray(plan[1])) {
      throw new SpearmintError(
        'SPEARMINT_INVALID_STRATEGY_RESULT',
        `The strategy of experiment '${this.#name}' must return [mainConfig, variantConfigs] taken from the configs it was given.`,
      );
    }
    return plan;
  }
}
