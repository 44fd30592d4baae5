import { CONFIG_LIMITS } from './config-limits';
import { copyValue } from './copy-config-tree';

/**
 * A deep copy of plain objects and arrays, every copy frozen. Functions and class instances
 * (components such as clients or strategies) are kept by reference and left as they are.
 * A cycle or nesting past `CONFIG_LIMITS.maxDepth` is an `InvalidConfigError` naming `source`.
 */
export function frozenCopy<T>(value: T, source = 'a value'): T {
  return copyValue(value, { source, freeze: true, maxValues: CONFIG_LIMITS.maxValues, list: `values of ${source}` });
}

/**
 * A deep copy of plain objects, arrays and `Config`s (as plain objects) that the receiver may
 * change, as a schema applying defaults in place does. Functions and class instances are kept.
 */
export function mutableCopy<T>(value: T, source = 'a value'): T {
  return copyValue(value, { source, freeze: false, maxValues: CONFIG_LIMITS.maxValues, list: `values of ${source}` });
}
