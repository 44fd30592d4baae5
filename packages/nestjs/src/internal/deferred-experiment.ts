import { SpearmintError } from '@spearmint/core';
import {
  copyOwnMetadata,
  defineExperiment,
  designParamTypes,
  experimentDefaultsOf,
  findExperimentBinding,
  registerExperimentFunction,
  withDefaults,
} from '@spearmint/core/internal';
import type { ExperimentOptions, Spearmint } from '@spearmint/decorators';
import { notSetUpMessage } from '../spearmint.messages';

/**
 * A method decorated with `@Experiment()`, whose `Spearmint` instance is known only once a
 * `SpearmintModule` initialises. Its `handler` stands on the prototype from class definition on
 * and never changes, so Nest's router, interceptors and decorators stacked above keep the same
 * function; `setUp()` later makes the original method an experiment of the module's instance
 * with core's `defineExperiment` (config injection by name, or by the `Config` type in
 * `design:paramtypes`, as for `@mint.experiment()`).
 */
export class DeferredExperiment {
  /** The function on the prototype. */
  readonly handler: Function;
  #experiment: Function | undefined;
  #spearmint: Spearmint | undefined;

  constructor(
    /** The prototype of the class that defines the method. */
    readonly prototype: object,
    readonly key: string,
    readonly original: Function,
    readonly options: ExperimentOptions,
  ) {
    const deferred = this;
    this.handler = function (this: unknown, ...args: unknown[]): unknown {
      const experiment = deferred.#experiment;
      if (experiment === undefined) throw new SpearmintError('SPEARMINT_NESTJS_NOT_SET_UP', notSetUpMessage(deferred.name));
      return experiment.apply(this, args);
    };
    Object.defineProperty(this.handler, 'name', { value: original.name, configurable: true });
    Object.defineProperty(this.handler, 'length', { value: original.length, configurable: true });
    copyOwnMetadata(original, this.handler);
  }

  /** The experiment's name: the `name` option, else `ClassName.methodName`. */
  get name(): string {
    return this.options.name ?? `${(this.prototype.constructor as Function).name}.${this.key}`;
  }

  /**
   * Makes the method an experiment of `mint` (again, if it was one of another instance, as when
   * a process boots a second application). Returns the instance it was an experiment of before,
   * if that was another one.
   */
  setUp(mint: Spearmint): Spearmint | undefined {
    const previous = this.#spearmint;
    if (previous === mint) return undefined;
    const defaults = experimentDefaultsOf(mint, 'SpearmintModule');
    const setup = withDefaults(defaults, { ...this.options, name: this.name, paramTypes: designParamTypes(this.prototype, this.key) });
    const experiment = defineExperiment(this.original, setup);
    registerExperimentFunction(this.handler, findExperimentBinding(experiment)!.experiment);
    this.#experiment = experiment;
    this.#spearmint = mint;
    return previous;
  }
}
