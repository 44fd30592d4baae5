import { TooManyConfigsError } from '../errors';
import { describeValue } from '../internal/describe';
import { CONFIG_LIMITS } from './config-limits';

const DYNAMIC_VALUE_BRAND = Symbol.for('spearmint.dynamic-value');

/**
 * A config value that expands into one config per value (a parameter sweep). Several dynamic
 * values in one config expand to their cartesian product; the first one found varies slowest.
 * At most `CONFIG_LIMITS.maxConfigs` values are read: an endless generator is a
 * `TooManyConfigsError`, not a hang.
 *
 * @example
 * ```ts
 * new Spearmint({ configs: [{ model: new DynamicValue(['a', 'b']), t: new DynamicValue([1, 5]) }] });
 * // configs: (a, 1) (a, 5) (b, 1) (b, 5); the first is main
 * ```
 */
export class DynamicValue<T = unknown> {
  /** The values, read once from the iterable given to the constructor. */
  readonly values: readonly T[];

  constructor(values: Iterable<T>) {
    this.values = Object.freeze(readBounded(values, CONFIG_LIMITS.maxConfigs));
  }

  /** Iterates over `values`, so a `DynamicValue` spreads like an array. */
  [Symbol.iterator](): Iterator<T> {
    return this.values[Symbol.iterator]();
  }
}
Object.defineProperty(DynamicValue.prototype, DYNAMIC_VALUE_BRAND, { value: true });

/** True for a `DynamicValue` made by any loaded copy of `@spearmint/core` (a `Symbol.for` brand). */
export function isDynamicValue(value: unknown): value is DynamicValue {
  return (value as Record<symbol, unknown> | null | undefined)?.[DYNAMIC_VALUE_BRAND] === true;
}

/** The first `limit` values of an iterable; one more is a `TooManyConfigsError` (the iterator is closed). */
function readBounded<T>(values: Iterable<T>, limit: number): T[] {
  const iterate = values == null ? undefined : (values as Partial<Iterable<T>>)[Symbol.iterator];
  if (typeof iterate !== 'function') {
    throw new TypeError(`DynamicValue expects an iterable (an array, a Set or a generator), got ${describeValue(values)}.`);
  }
  const iterator = iterate.call(values);
  const read: T[] = [];
  for (let step = iterator.next(); !step.done; step = iterator.next()) {
    if (read.length === limit) {
      try {
        iterator.return?.();
      } catch {
        // the limit is the error to report
      }
      throw new TooManyConfigsError('new DynamicValue(...)', undefined, limit, 'the iterable');
    }
    read.push(step.value);
  }
  return read;
}
