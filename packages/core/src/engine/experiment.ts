import { type Config, createConfig } from '../config/config';
import { assertUniqueConfigIds } from '../config/resolve-configs';
import { InvalidStrategyResultError, SpearmintError } from '../errors';
import { describeValue } from '../internal/describe';
import { checkStrategy } from '../strategies/check-strategy';
import { isContextFree, type Strategy } from '../strategies/strategy';
import { StrategyContext } from '../strategies/strategy-context';
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

/** Everything `new Experiment(setup)` needs: resolved configs, strategy, supervisor and injections. */
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
  /**
   * What experiments nested in this one's calls take part with, when it is the entry experiment:
   * `'strategy'`, what their own strategy returns (Python's `collect_options`); `'all'`, every
   * config, the first as main (`evaluate()`, which consults no strategy).
   * @default 'strategy'
   */
  readonly nestedConfigs?: 'strategy' | 'all';
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
  /** What nested experiments take part with when this one is the entry (see `ExperimentSetup`). */
  readonly nestedConfigs: 'strategy' | 'all';
  /** True for an `async function`: a strategy's failure then rejects the call's promise rather than throwing. */
  readonly isAsync: boolean;
  #name: string;
  /** The strategy's answer, when it depends on the configs only. */
  readonly #fixedPlan: readonly [main: Config, variants: readonly Config[]] | undefined;
  /** Position of each config, to check a strategy's answer in constant time per config. */
  readonly #positions: Map<Config, number>;
  /** Per config, the number of the last check that met it: a config met twice in one check is a duplicate. */
  readonly #seen: Uint32Array;
  #check = 0;

  constructor(setup: ExperimentSetup) {
    this.target = setup.target;
    this.#name = setup.name;
    this.configs = setup.configs.length > 0 ? Object.freeze([...setup.configs]) : Object.freeze([DEFAULT_CONFIG]);
    this.strategy = checkStrategy(setup.strategy, `experiment '${this.#name}'`);
    this.supervisor = setup.supervisor;
    this.nestedConfigs = setup.nestedConfigs === 'all' ? 'all' : 'strategy';
    this.isAsync = Object.prototype.toString.call(setup.target) === '[object AsyncFunction]';
    this.#positions = new Map(this.configs.map((config, i) => [config, i]));
    this.#seen = new Uint32Array(this.configs.length);
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
    this.#fixedPlan = isContextFree(this.strategy) ? this.#checkedPlan(new StrategyContext(this.#name, this, false, undefined)) : undefined;
  }

  get name(): string {
    return this.#name;
  }

  /** Sets the name once the decorated class is known (stage-3 decorators learn it late). */
  rename(name: string): void {
    this.#name = name;
  }

  /**
   * Main and variant configs for one entry call, from the strategy, asked in the request
   * context in force. An `InvalidStrategyResultError` for an answer that is not one.
   */
  plan(): readonly [main: Config, variants: readonly Config[]] {
    return this.#fixedPlan ?? this.#checkedPlan(new StrategyContext(this.#name, this, false, undefined));
  }

  /** `plan()` in the request values of an entry call (a nested experiment's plan). */
  planIn(requestValues: ReadonlyMap<string, unknown> | undefined): readonly [main: Config, variants: readonly Config[]] {
    return this.#fixedPlan ?? this.#checkedPlan(new StrategyContext(this.#name, this, true, requestValues));
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

  #checkedPlan(ctx: StrategyContext): readonly [main: Config, variants: readonly Config[]] {
    const answer: unknown = this.strategy(this.configs, ctx);
    try {
      return this.#checkPlan(answer);
    } catch (error) {
      if (error instanceof InvalidStrategyResultError) throw error;
      // A getter of the answer threw (a Proxy, say).
      throw new InvalidStrategyResultError(this.#name, 'returned an answer that could not be read.', { cause: error });
    }
  }

  /** The strategy's answer, checked and copied (the strategy may reuse its arrays). */
  #checkPlan(answer: unknown): readonly [main: Config, variants: readonly Config[]] {
    if (!Array.isArray(answer) || answer.length !== 2) {
      const factory = typeof answer === 'function' ? ' (a strategy factory passed without calling it? Call it: `strategy: factory()`.)' : '';
      throw this.#invalid(`returned ${describeValue(answer)}${factory}.`);
    }
    const main: unknown = answer[0];
    const variants: unknown = answer[1];
    if (!Array.isArray(variants)) throw this.#invalid(`returned ${describeValue(variants)} as variantConfigs, not an array.`);
    if (variants.length >= this.configs.length) {
      throw this.#invalid(`returned ${variants.length} variant configs, but the experiment has ${this.configs.length} configs, one of which is main.`);
    }
    const check = (this.#check = (this.#check + 1) >>> 0 || (this.#seen.fill(0), 1));
    this.#position(main, -1, check);
    const copy = new Array<Config>(variants.length);
    for (let i = 0; i < variants.length; i++) copy[i] = this.configs[this.#position(variants[i], i, check)]!;
    return [main as Config, copy];
  }

  /**
   * The position of `config` (main, or variant `index`) among the experiment's configs; throws
   * for another value, or for one met before in this check.
   */
  #position(config: unknown, index: number, check: number): number {
    const position = this.#positions.get(config as Config);
    if (position === undefined) {
      const id = typeof config === 'object' && config !== null && typeof (config as Config).config_id === 'string' ? ` with config_id '${(config as Config).config_id}'` : '';
      throw this.#invalid(`returned ${describeValue(config)}${id} as ${answerPart(index)}, which is not one of the experiment's configs (${this.#listIds()}).`);
    }
    if (this.#seen[position] === check) throw this.#invalid(`returned config '${this.configs[position]!.config_id}' twice (the second time as ${answerPart(index)}).`);
    this.#seen[position] = check;
    return position;
  }

  #invalid(detail: string): InvalidStrategyResultError {
    return new InvalidStrategyResultError(this.#name, detail);
  }

  #listIds(): string {
    const ids = this.configs.slice(0, 10).map((config) => `'${config.config_id}'`);
    return ids.join(', ') + (this.configs.length > 10 ? `, and ${this.configs.length - 10} more` : '');
  }
}

/** Where in a strategy's answer a config stood: main (-1), or a variant's index. */
function answerPart(index: number): string {
  return index < 0 ? 'main' : `variantConfigs[${index}]`;
}
