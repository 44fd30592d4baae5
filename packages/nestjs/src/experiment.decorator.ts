import { SetMetadata } from '@nestjs/common';
import { resolveConfigs } from '@spearmint/core';
import { type ExperimentOptions, Spearmint } from '@spearmint/decorators';
import { DeferredExperiment } from './internal/deferred-experiment';
import { SPEARMINT_EXPERIMENT } from './spearmint.constants';
import {
  experimentTargetMessage,
  optionsObjectMessage,
  standardDecoratorMessage,
  staticMethodMessage,
  symbolKeyMessage,
} from './spearmint.messages';

let optionsChecker: Spearmint | undefined;

/**
 * Makes a provider's (or controller's) method an experiment of the `SpearmintModule`'s
 * `Spearmint` instance: the NestJS way to write `@mint.experiment(options)` when the instance
 * comes from the module. Options as for `mint.experiment()`; without `configs`, the
 * experiment uses the module's. The config goes into the parameter named `config`, or the one
 * declared as `Config<T>` whatever its name (`emitDecoratorMetadata`).
 *
 * The method becomes an experiment when the module initialises (`onModuleInit`); until then,
 * and in a class that is no provider or controller of an application with `SpearmintModule`,
 * calling it throws a `SpearmintError` that says so. Option names and config sources are
 * checked here, at class definition; duplicate config ids and `bind` paths when the module sets
 * the method up (failing the application's start-up).
 *
 * @example
 * ```ts
 * @Injectable()
 * export class TextService {
 *   @Experiment()
 *   async generate(prompt: string, settings?: Config<{ model: string }>): Promise<string> {
 *     return `${settings!.model}: ${prompt}`;
 *   }
 * }
 * ```
 */
export function Experiment(options: ExperimentOptions = {}): MethodDecorator {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(optionsObjectMessage('@Experiment()', options));
  }
  // Option names and `name`, as the module's instance will check them, but now.
  (optionsChecker ??= new Spearmint()).experiment(options);
  return function experimentDecorator(target: object, key: string | symbol | object, descriptor?: PropertyDescriptor) {
    if (typeof key === 'object' && key !== null) throw new TypeError(standardDecoratorMessage());
    const isStatic = typeof target === 'function';
    const className = isStatic ? (target as Function).name : ((target.constructor as Function | undefined)?.name ?? 'Object');
    const where = `${className}.${String(key)}`;
    if (isStatic) throw new TypeError(staticMethodMessage(where));
    if (typeof key === 'symbol') throw new TypeError(symbolKeyMessage(where));
    if (typeof key !== 'string' || descriptor === undefined || typeof descriptor !== 'object') {
      throw new TypeError(experimentTargetMessage(where, 'not a method (the decorator was applied to a property or a parameter)'));
    }
    if (typeof descriptor.value !== 'function') {
      throw new TypeError(experimentTargetMessage(where, descriptor.get || descriptor.set ? 'an accessor' : 'not a method'));
    }
    const name = options.name ?? where;
    const resolved: ExperimentOptions =
      options.configs === undefined ? { ...options } : { ...options, configs: resolveConfigs(options.configs, `configs of '${name}'`) };
    const deferred = new DeferredExperiment(target, key, descriptor.value as Function, Object.freeze(resolved));
    const decorated = { ...descriptor, value: deferred.handler };
    SetMetadata(SPEARMINT_EXPERIMENT, deferred)(target, key, decorated);
    return decorated;
  } as MethodDecorator;
}
