/** Deeper values are not cached (and not hashed): a guard against runaway recursion. */
const MAX_DEPTH = 200;

/**
 * The JSON text of `value` when JSON holds it exactly, so that `JSON.parse` gives an equal value
 * back: `null`, booleans, finite numbers, strings, and arrays and plain objects (prototype
 * `Object.prototype` or `null`) of those, with data properties only. Anything else — `undefined`
 * inside, functions, `BigInt`, `Date`, `Map`, class instances, sparse arrays, getters, symbol
 * keys, cycles, or a value whose reading throws (a Proxy) — gives `undefined`. With `sortKeys`,
 * object keys are sorted (a canonical text, for hashing).
 */
export function exactJson(value: unknown, sortKeys: boolean): string | undefined {
  try {
    return write(value, sortKeys, new Set(), 0);
  } catch {
    return undefined;
  }
}

function write(value: unknown, sortKeys: boolean, ancestors: Set<object>, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object':
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH || ancestors.has(value)) return undefined;
      ancestors.add(value);
      try {
        return Array.isArray(value) ? writeArray(value, sortKeys, ancestors, depth) : writeObject(value, sortKeys, ancestors, depth);
      } finally {
        ancestors.delete(value);
      }
    default:
      return undefined;
  }
}

function writeArray(array: unknown[], sortKeys: boolean, ancestors: Set<object>, depth: number): string | undefined {
  if (Object.getPrototypeOf(array) !== Array.prototype) return undefined;
  const length = array.length;
  if (Reflect.ownKeys(array).length !== length + 1) return undefined; // holes, extra or symbol keys
  const items: string[] = [];
  for (let i = 0; i < length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(array, i);
    if (!descriptor || !('value' in descriptor)) return undefined;
    const text = write(descriptor.value, sortKeys, ancestors, depth + 1);
    if (text === undefined) return undefined;
    items.push(text);
  }
  return `[${items.join(',')}]`;
}

function writeObject(object: object, sortKeys: boolean, ancestors: Set<object>, depth: number): string | undefined {
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) return undefined;
  const keys = Reflect.ownKeys(object);
  if (keys.some((key) => typeof key !== 'string')) return undefined;
  const names = (keys as string[]).slice();
  if (sortKeys) names.sort();
  const members: string[] = [];
  for (const name of names) {
    const descriptor = Object.getOwnPropertyDescriptor(object, name);
    if (!descriptor || !descriptor.enumerable || !('value' in descriptor)) return undefined;
    const text = write(descriptor.value, sortKeys, ancestors, depth + 1);
    if (text === undefined) return undefined;
    members.push(`${JSON.stringify(name)}:${text}`);
  }
  return `{${members.join(',')}}`;
}
