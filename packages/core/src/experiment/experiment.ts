import type { Config } from '../config/config';
import { assertUniqueConfigIds } from '../config/resolve-configs';
import type { RequestValues } from '../context/request-context';
import type { CaseMember } from '../results/case-member';
import type { CasePlan } from '../run/runnable-experiment';
import { checkStrategy } from '../strategies/check-strategy';
import { isContextFree, type Strategy } from '../strategies/strategy';
import { StrategyContext } from '../strategies/strategy-context';
import type { RecordOptions } from '../recording/record-options';
import type { Recorder } from '../recording/recorder';
import type { Clean, Ignore } from '../supervision/clean-and-ignore';
import type { Compare } from '../supervision/compare';
import { ComparisonTally } from '../supervision/comparison-tally';
import { checkSampleRate, type SampleRate } from '../supervision/sample-rate';
import type { Supervisor } from '../supervision/supervisor';
import { DEFAULT_CONFIG } from './default-config';
import { callInjected, type Injection } from './injection';
import { experimentBindingOf, type RegisteredExperiment } from './registry';
import { StrategyAnswerCheck } from './strategy-answer';

/** Everything `new Experiment(parts)` needs: resolved configs, strategy, supervisor and injections. */
export interface ExperimentParts {
  /** The function as written; called with `this` and the injected arguments. */
  readonly target: Function;
  readonly name: string;
  /** Resolved configs; an empty list means "no configs" (the default config). */
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
  readonly injections: readonly Injection[];
  /** Compares each variant's value with main's. @default the supervisor's `compare` */
  readonly compare?: Compare | undefined;
  /** What main and a variant are compared by. @default the supervisor's `clean` */
  readonly clean?: Clean | undefined;
  /** Accepts some mismatches. @default the supervisor's `ignore` */
  readonly ignore?: Ignore | undefined;
  /** Which entry calls run their background variants. @default the supervisor's `sampleRate` */
  readonly sampleRate?: SampleRate | undefined;
  /** Records entry calls (a recorder of the supervisor's); `false`: none. @default the supervisor's recorder */
  readonly record?: RecordOptions | false | undefined;
  /**
   * What experiments nested in this one's calls take part with, when it is the entry experiment:
   * `'strategy'`, what their own strategy returns (Python's `collect_options`); `'all'`, every
   * config, the first as main (`evaluate()`, which consults no strategy).
   * @default 'strategy'
   */
  readonly nestedConfigs?: 'strategy' | 'all' | undefined;
}

/**
 * An experiment as the engine sees it: a function, its configs, how to pick among them, and
 * how configs reach its parameters. Made once at set-up; immutable but for a late name.
 */
export class Experiment implements RegisteredExperiment {
  readonly target: Function;
  readonly configs: readonly Config[];
  readonly strategy: Strategy;
  readonly supervisor: Supervisor;
  readonly injections: readonly Injection[];
  readonly compare: Compare;
  readonly clean: Clean | undefined;
  readonly ignore: Ignore | undefined;
  readonly sampleRate: SampleRate | undefined;
  readonly recorder: Recorder | undefined;
  readonly comparisons = new ComparisonTally();
  readonly nestedConfigs: 'strategy' | 'all';
  readonly isAsync: boolean;
  #name: string;
  readonly #answers: StrategyAnswerCheck;
  /** The strategy's answer, when it depends on the configs only. */
  readonly #fixedPlan: CasePlan | undefined;

  constructor(parts: ExperimentParts) {
    this.target = parts.target;
    this.#name = parts.name;
    this.configs = parts.configs.length > 0 ? Object.freeze([...parts.configs]) : Object.freeze([DEFAULT_CONFIG]);
    this.strategy = checkStrategy(parts.strategy, `experiment '${this.#name}'`);
    this.supervisor = parts.supervisor;
    this.nestedConfigs = parts.nestedConfigs === 'all' ? 'all' : 'strategy';
    this.isAsync = Object.prototype.toString.call(parts.target) === '[object AsyncFunction]';
    this.injections = parts.injections;
    const supervisor = parts.supervisor;
    this.compare = this.#functionOption('compare', parts.compare) ?? supervisor.compare;
    this.clean = this.#functionOption('clean', parts.clean) ?? supervisor.clean;
    this.ignore = this.#functionOption('ignore', parts.ignore) ?? supervisor.ignore;
    this.sampleRate = parts.sampleRate === undefined ? supervisor.sampleRate : checkSampleRate(parts.sampleRate, `experiment '${this.#name}'`);
    assertUniqueConfigIds(this.configs, `in experiment '${this.#name}'`);
    this.strategy.validate?.(this.configs, this.#name);
    for (const injection of this.injections) injection.prepare?.(this.configs, this.#name);
    this.#answers = new StrategyAnswerCheck(this.configs, () => this.#name);
    this.#fixedPlan = isContextFree(this.strategy) ? this.plan() : undefined;
    // Last: an experiment that fails its checks leaves no recorder for drain() to close.
    this.recorder = parts.record === undefined ? supervisor.recorder : parts.record === false ? undefined : supervisor.recorders.add(parts.record);
  }

  #functionOption<T>(name: string, value: T | undefined): T | undefined {
    if (value !== undefined && typeof value !== 'function') {
      throw new TypeError(`Expected \`${name}\` of experiment '${this.#name}' to be a function, got ${value === null ? 'null' : typeof value}.`);
    }
    return value;
  }

  get name(): string {
    return this.#name;
  }

  /** Sets the name once the decorated class is known (stage-3 decorators learn it late). */
  rename(name: string): void {
    this.#name = name;
  }

  plan(): CasePlan {
    return this.#fixedPlan ?? this.#answers.plan(this.strategy(this.configs, new StrategyContext(this.#name, this, false, undefined)));
  }

  planIn(requestValues: RequestValues | undefined): CasePlan {
    return this.#fixedPlan ?? this.#answers.plan(this.strategy(this.configs, new StrategyContext(this.#name, this, true, requestValues)));
  }

  invoke(thisArg: unknown, args: unknown[], config: Config): unknown {
    return this.injections.length === 0 ? this.target.apply(thisArg, args) : callInjected(this.target, thisArg, args, this.injections, config);
  }

  experimentOf(fn: Function, caller: string): CaseMember {
    return experimentBindingOf(fn, caller).experiment;
  }
}
