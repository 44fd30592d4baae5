import { isPlainObject } from '../internal/plain-object';

/**
 * A deep copy of plain objects and arrays, every copy frozen. Functions and class instances
 * (components such as clients or strategies) are kept by reference and left as they are.
 */
export function frozenCopy<T>(value: T): T {
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  if (isPlainObject(value) || isFrozenRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) copy[key] = frozenCopy(value[key]);
    return Object.freeze(copy) as T;
  }
  return value;
}

function isFrozenRecord(value: unknown): value is Record<string, unknown> {
  return (value as Record<symbol, unknown> | null)?.[Symbol.for('spearmint.config')] === true;
}
