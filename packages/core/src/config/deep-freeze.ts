import { hasConfigBrand } from '../internal/config-brand';
import { isPlainObject } from '../internal/plain-object';

/**
 * A deep copy of plain objects and arrays, every copy frozen. Functions and class instances
 * (components such as clients or strategies) are kept by reference and left as they are.
 */
export function frozenCopy<T>(value: T): T {
  return deepCopy(value, true);
}

/**
 * A deep copy of plain objects, arrays and `Config`s (as plain objects) that the receiver may
 * change, as a schema applying defaults in place does. Functions and class instances are kept.
 */
export function mutableCopy<T>(value: T): T {
  return deepCopy(value, false);
}

function deepCopy<T>(value: T, freeze: boolean): T {
  const done = freeze ? Object.freeze : <U>(copy: U) => copy;
  if (Array.isArray(value)) return done(value.map((item) => deepCopy(item, freeze))) as T;
  if (isPlainObject(value) || hasConfigBrand(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = deepCopy(value[key], freeze);
    return done(copy) as T;
  }
  return value;
}

