import type { Experiment } from '@spearmint/core';
import { notAMethodError } from './decorator-shape';
import { wrapExperiment } from './wrap-experiment';

type Build = (fn: Function, defaultName: string, paramTypes?: readonly unknown[]) => Experiment;

interface ReflectMetadata {
  getMetadata?(key: string, target: object, property: string | symbol): unknown;
  getOwnMetadataKeys?(target: object): unknown[];
  getOwnMetadata?(key: unknown, target: object): unknown;
  defineMetadata?(key: unknown, value: unknown, target: object): void;
}

/**
 * The legacy path (`experimentalDecorators`, as NestJS compiles): `(target, key, descriptor)`.
 * The method stays a plain value on the prototype, so decorators stacked above it and NestJS
 * read the wrapper from `descriptor.value`; reflect-metadata of the method is carried over.
 */
export function decorateLegacy(build: Build, target: object, key: string | symbol, descriptor: PropertyDescriptor | undefined): PropertyDescriptor {
  const isStatic = typeof target === 'function';
  const className = isStatic ? (target as Function).name : (target.constructor as Function | undefined)?.name ?? 'Object';
  const methodName = typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;
  if (!descriptor || typeof descriptor.value !== 'function') {
    const kind = descriptor?.get && descriptor.set ? 'accessor' : descriptor?.get ? 'getter' : descriptor?.set ? 'setter' : 'field';
    throw notAMethodError(kind, `${className}.${methodName}`);
  }
  const reflect = Reflect as unknown as ReflectMetadata;
  const paramTypes = reflect.getMetadata?.('design:paramtypes', target, key) as readonly unknown[] | undefined;
  const original = descriptor.value as Function;
  const wrapper = wrapExperiment(build(original, `${className}.${methodName}`, paramTypes), original);
  for (const metadataKey of reflect.getOwnMetadataKeys?.(original) ?? []) {
    reflect.defineMetadata!(metadataKey, reflect.getOwnMetadata!(metadataKey, original), wrapper);
  }
  return { ...descriptor, value: wrapper };
}
