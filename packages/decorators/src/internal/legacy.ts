import { copyOwnMetadata, defineExperiment, designParamTypes, type ExperimentSetup } from '@spearmint/core/internal';
import { notAMethodError } from './decorator-shape';

/**
 * The legacy path (`experimentalDecorators`, as NestJS compiles): `(target, key, descriptor)`.
 * The method stays a plain value on the prototype, so decorators stacked above it and NestJS
 * read the wrapper from `descriptor.value`; reflect-metadata of the method is carried over, and
 * a parameter declared as `Config` receives the config (`design:paramtypes`).
 */
export function decorateLegacy(setup: (defaultName: string) => ExperimentSetup, target: object, key: string | symbol, descriptor: PropertyDescriptor | undefined): PropertyDescriptor {
  const isStatic = typeof target === 'function';
  const className = isStatic ? (target as Function).name : (target.constructor as Function | undefined)?.name ?? 'Object';
  const methodName = typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;
  if (!descriptor || typeof descriptor.value !== 'function') {
    const kind = descriptor?.get && descriptor.set ? 'accessor' : descriptor?.get ? 'getter' : descriptor?.set ? 'setter' : 'field';
    throw notAMethodError(kind, `${className}.${methodName}`);
  }
  const original = descriptor.value as Function;
  const wrapper = defineExperiment(original, { ...setup(`${className}.${methodName}`), paramTypes: designParamTypes(target, key) });
  copyOwnMetadata(original, wrapper);
  return { ...descriptor, value: wrapper };
}
