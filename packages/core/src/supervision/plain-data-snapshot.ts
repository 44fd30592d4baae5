/** The most objects a snapshot copies; a larger value is compared by reference rather than copied. */
const MAX_OBJECTS = 10_000;

type Container = Record<PropertyKey, unknown> | unknown[] | Map<unknown, unknown> | Set<unknown>;

/**
 * The default `clean`: a deep copy of `value` when it is plain data (primitives, and plain
 * objects, arrays, `Map`s, `Set`s and `Date`s of them, cycles and shared parts kept), else
 * `value` itself: copying a class instance would lose its prototype, and a getter could run user
 * code. Copies are made here, not by `structuredClone`, whose objects come from Node's main realm
 * and so would never deep-equal the function's under jest's sandbox. Never throws.
 */
export function plainDataSnapshot(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return copyPlainData(value) ?? value;
  } catch {
    return value; // a Proxy's trap threw: compare by reference
  }
}

/** The copy, or `undefined` when some part is not plain data. */
function copyPlainData(root: object): unknown {
  const copies = new Map<object, Container | Date>();
  const pending: Array<[source: object, copy: Container]> = [];
  /** The copy of one value: itself for a primitive, a new (still empty) container for an object. */
  const copyOf = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? NOT_DATA : value;
    const known = copies.get(value);
    if (known !== undefined) return known;
    if (copies.size >= MAX_OBJECTS) return NOT_DATA;
    const proto = Object.getPrototypeOf(value);
    let copy: Container | Date;
    if (proto === Date.prototype && value instanceof Date) copy = new Date(value.getTime());
    else if (proto === Map.prototype && value instanceof Map) copy = new Map();
    else if (proto === Set.prototype && value instanceof Set) copy = new Set();
    else if (proto === Array.prototype && Array.isArray(value)) copy = [];
    // A null-prototype object would be another kind of object once copied: compared by reference.
    else if (proto === Object.prototype) copy = {};
    else return NOT_DATA;
    copies.set(value, copy);
    if (!(copy instanceof Date)) pending.push([value, copy]);
    return copy;
  };
  if (copyOf(root) === NOT_DATA) return undefined;
  while (pending.length > 0) {
    const [source, copy] = pending.pop()!;
    if (copy instanceof Map) {
      for (const [key, entry] of source as Map<unknown, unknown>) {
        const [k, v] = [copyOf(key), copyOf(entry)];
        if (k === NOT_DATA || v === NOT_DATA) return undefined;
        copy.set(k, v);
      }
    } else if (copy instanceof Set) {
      for (const entry of source as Set<unknown>) {
        const v = copyOf(entry);
        if (v === NOT_DATA) return undefined;
        copy.add(v);
      }
    } else {
      for (const key of Reflect.ownKeys(source)) {
        const descriptor = Object.getOwnPropertyDescriptor(source, key)!;
        if (!('value' in descriptor)) return undefined; // a getter: user code
        if (Array.isArray(copy) && key === 'length') {
          copy.length = descriptor.value as number; // trailing holes count too
          continue;
        }
        const v = copyOf(descriptor.value);
        if (v === NOT_DATA) return undefined;
        Object.defineProperty(copy, key, { ...descriptor, value: v });
      }
    }
  }
  return copies.get(root);
}

const NOT_DATA = Symbol('not plain data');
