import { EmptyDynamicValueError } from '../errors';
import { isPlainObject } from '../internal/plain-object';

const DYNAMIC_VALUE_BRAND = Symbol.for('spearmint.dynamic-value');

/**
 * A config value that expands into one config per value (a parameter sweep). Several dynamic
 * values in one config expand to their cartesian product; the first one found varies slowest.
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
    if (values == null || typeof (values as Iterable<T>)[Symbol.iterator] !== 'function') {
      throw new TypeError(`DynamicValue expects an iterable (an array, a Set or a generator), got ${String(values)}.`);
    }
    this.values = Object.freeze(Array.from(values));
  }

  [Symbol.iterator](): Iterator<T> {
    return this.values[Symbol.iterator]();
  }
}
Object.defineProperty(DynamicValue.prototype, DYNAMIC_VALUE_BRAND, { value: true });

export function isDynamicValue(value: unknown): value is DynamicValue {
  return (value as Record<symbol, unknown> | null | undefined)?.[DYNAMIC_VALUE_BRAND] === true;
}

interface Sweep {
  path: readonly string[];
  values: readonly unknown[];
}

/**
 * Expands every `DynamicValue` found (depth first, in key order) in the nested plain objects of
 * `values` into the cartesian product of their values; the first one found varies slowest.
 */
export function expandDynamicValues(values: Record<string, unknown>, source: string): Record<string, unknown>[] {
  const sweeps: Sweep[] = [];
  findSweeps(values, [], sweeps, source);
  if (sweeps.length === 0) return [values];

  const expanded: Record<string, unknown>[] = [];
  const choose = (index: number, current: Record<string, unknown>): void => {
    if (index === sweeps.length) {
      expanded.push(current);
      return;
    }
    const { path, values: options } = sweeps[index]!;
    for (const option of options) choose(index + 1, withValueAt(current, path, option));
  };
  choose(0, values);
  return expanded;
}

function findSweeps(node: Record<string, unknown>, path: string[], out: Sweep[], source: string): void {
  for (const key of Object.keys(node)) {
    const value = node[key];
    const keyPath = [...path, key];
    if (isDynamicValue(value)) {
      if (value.values.length === 0) throw new EmptyDynamicValueError(keyPath.join('.'), source);
      out.push({ path: keyPath, values: value.values });
    } else if (isPlainObject(value)) {
      findSweeps(value, keyPath, out, source);
    }
  }
}

/** A copy of `node` with `value` at `path`; objects off the path are shared, not copied. */
function withValueAt(node: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  return {
    ...node,
    [head]: rest.length === 0 ? value : withValueAt(node[head] as Record<string, unknown>, rest, value),
  };
}
