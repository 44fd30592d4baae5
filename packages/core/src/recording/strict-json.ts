/**
 * Thrown while serialising a value that JSON would reject, or would silently change so that a
 * replay could not reproduce it (a function or a `Map` written as nothing or `{}`).
 */
export class NotSerialisableError extends Error {}

/**
 * `JSON.stringify` that refuses what a recording must not hold: BigInt, functions, symbols,
 * NaN and ±Infinity (JSON writes `null`), `Map`, `Set`, `WeakMap`, `WeakSet` and promises
 * (JSON writes `{}`). Throws on those, on cycles and on whatever a getter or `toJSON` throws.
 * `undefined` gives `undefined` (the key is left out), as in `JSON.stringify`.
 */
export function strictStringify(value: unknown): string | undefined {
  return JSON.stringify(value, strictReplacer);
}

function strictReplacer(key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      throw new NotSerialisableError(`a BigInt${at(key)}`);
    case 'function':
      throw new NotSerialisableError(`a function${at(key)}`);
    case 'symbol':
      throw new NotSerialisableError(`a symbol${at(key)}`);
    case 'number':
      if (!Number.isFinite(value)) throw new NotSerialisableError(`${value}${at(key)} (JSON would write null)`);
      return value;
    case 'object':
      if (value === null) return value;
      if (value instanceof Map || value instanceof Set || value instanceof WeakMap || value instanceof WeakSet || value instanceof Promise) {
        throw new NotSerialisableError(`an instance of ${value.constructor.name}${at(key)} (JSON would write {})`);
      }
      return value;
    default:
      return value;
  }
}

function at(key: string): string {
  return key === '' ? '' : ` at key ${JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key)}`;
}
