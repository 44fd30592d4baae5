/** The parts of the `reflect-metadata` polyfill Spearmint reads, when an app loaded it (legacy decorators). */
interface ReflectMetadata {
  getMetadata?(key: unknown, target: object, property: string | symbol): unknown;
  getOwnMetadataKeys?(target: object): unknown[];
  getOwnMetadata?(key: unknown, target: object): unknown;
  defineMetadata?(key: unknown, value: unknown, target: object): void;
}

const reflect = Reflect as unknown as ReflectMetadata;

/** The declared parameter types of a method (`design:paramtypes`, with `emitDecoratorMetadata`), if recorded. */
export function designParamTypes(target: object, key: string | symbol): readonly unknown[] | undefined {
  const types = reflect.getMetadata?.('design:paramtypes', target, key);
  return Array.isArray(types) ? types : undefined;
}

/**
 * Copies the reflect-metadata a function carries onto the function that replaces it, so NestJS
 * and decorators stacked above read on the wrapper what they put on the method.
 */
export function copyOwnMetadata(from: Function, to: Function): void {
  for (const key of reflect.getOwnMetadataKeys?.(from) ?? []) reflect.defineMetadata!(key, reflect.getOwnMetadata!(key, from), to);
}
