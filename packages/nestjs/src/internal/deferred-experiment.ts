import { findExperimentBinding, registerExperimentFunction, SpearmintError } from '@spearmint/core';
import type { ExperimentOptions, Spearmint } from '@spearmint/decorators';
import { notSetUpMessage } from '../spearmint.messages';

interface ReflectMetadata {
  getOwnMetadataKeys?(target: object): unknown[];
  getOwnMetadata?(key: unknown, target: object): unknown;
  defineMetadata?(key: unknown, value: unknown, target: object): void;
}

/**
 * A method decorated with `@Experiment()`, whose `Spearmint` instance is known only once a
 * `SpearmintModule` initialises. Its `handler` stands on the prototype from class definition on
 * and never changes, so Nest's router, interceptors and decorators stacked above keep the same
 * function; `setUp()` later makes the original method an experiment of the module's instance
 * (through `mint.experiment(options)` as a legacy decorator, so config injection by name or by
 * the `Config` type in `design:paramtypes` works as for `@mint.experiment()`).
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
    const reflect = Reflect as unknown as ReflectMetadata;
    for (const metadataKey of reflect.getOwnMetadataKeys?.(original) ?? []) {
      reflect.defineMetadata!(metadataKey, reflect.getOwnMetadata!(metadataKey, original), this.handler);
    }
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
    const value = this.original as (...args: unknown[]) => unknown;
    const descriptor = { value, writable: true, enumerable: false, configurable: true };
    const experiment = mint.experiment(this.options)(this.prototype, this.key, descriptor).value!;
    registerExperimentFunction(this.handler, findExperimentBinding(experiment)!.experiment);
    this.#experiment = experiment;
    this.#spearmint = mint;
    return previous;
  }
}
