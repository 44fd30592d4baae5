import { ConfigTooLargeError, EmptyDynamicValueError, InvalidConfigError, TooManyConfigsError } from '../errors';
import { hasConfigBrand } from '../internal/config-brand';
import { describeValue } from '../internal/describe';
import { messageOf } from '../internal/describe-error';
import { isPlainObject } from '../internal/plain-object';
import { CONFIG_LIMITS } from './config-limits';
import { isDynamicValue } from './dynamic-value';
import { describeKeyPath, type KeyPath } from './key-path';

/** A `DynamicValue` found in a copied config: its key path, its copied values and their sizes. */
export interface Sweep {
  readonly path: readonly string[];
  readonly values: readonly unknown[];
  /** How many values each of `values` counts (1 for a number, more for an object or array). */
  readonly sizes: readonly number[];
}

/** A copied config: plain data that Spearmint owns, with no getters, cycles or excess depth. */
export interface CopiedConfig {
  readonly tree: Record<string, unknown>;
  /** Values in `tree` outside its `DynamicValue`s (which count in `sweeps`). */
  readonly fixedSize: number;
  readonly sweeps: readonly Sweep[];
}

export interface CopyOptions {
  /** Names the value in error messages: `configs[2]`, `file /app/a.yaml`. */
  readonly source: string;
  /**
   * A `DynamicValue` in a nested plain object: `collect` it as a sweep, `reject` it, or `keep`
   * it as a value. Elsewhere (in arrays, in a `DynamicValue`) it is always kept as a value.
   */
  readonly dynamicValues: 'collect' | 'reject' | 'keep';
  readonly freeze: boolean;
  /** Values the copy may hold; `list` names the configs the limit belongs to. */
  readonly maxValues: number;
  readonly list: string;
}

/**
 * Copies a config (a plain object or a `Config`) into plain data Spearmint owns: the only place
 * that reads a config given by user code. Every getter runs once, here; `__proto__` stays a key;
 * a cycle, nesting deeper than `CONFIG_LIMITS.maxDepth` or more values than `maxValues` is a
 * named error before any deep work. Functions and class instances are kept by reference.
 */
export function copyConfig(values: unknown, options: CopyOptions): CopiedConfig {
  const copier = new Copier(options);
  const kind = copier.read([], () => kindOf(values));
  if (kind !== 'record') {
    throw new InvalidConfigError(options.source, `expected a plain object, got ${describeValue(values)}.`);
  }
  const tree = copier.copy(values, [], true) as Record<string, unknown>;
  return { tree, fixedSize: copier.fixedSize(), sweeps: copier.sweeps };
}

/** Copies any value as `copyConfig` copies a config's values (`DynamicValue`s are kept). */
export function copyValue<T>(value: T, options: Omit<CopyOptions, 'dynamicValues'>): T {
  return new Copier({ ...options, dynamicValues: 'keep' }).copy(value, [], false) as T;
}

/**
 * Sets `target[key]` as an own data property. `__proto__` is data in a config (as in Python and
 * JSON); assigning it would set the prototype instead and drop the key.
 */
export function setOwnKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

type Kind = 'array' | 'record' | 'dynamic' | 'other';

function kindOf(value: unknown): Kind {
  if (value === null || typeof value !== 'object') return 'other';
  if (Array.isArray(value)) return 'array';
  if (isDynamicValue(value)) return 'dynamic';
  return isPlainObject(value) || hasConfigBrand(value) ? 'record' : 'other';
}

/** A finished copy of an object met again (shared, or a YAML alias): reused, but counted again. */
interface Done {
  readonly copy: unknown;
  readonly size: number;
  readonly height: number;
}

class Copier {
  readonly sweeps: Sweep[] = [];
  #size = 0;
  #dynamicNodes = 0;
  /** DynamicValues met, collected or kept: a subtree with one is not reused (its place decides). */
  #dynamicMet = 0;
  /** Levels of objects and arrays in the value copied last: -1 for a leaf, 0 for `{}`. */
  #height = -1;
  /** The objects and arrays from the top down to the one being copied (for cycles). */
  readonly #ancestors: object[] = [];
  /** Frozen copies are shared where the source shares an object, so a shared-object bomb costs no copying. */
  readonly #done: Map<object, Done> | undefined;

  constructor(private readonly options: CopyOptions) {
    this.#done = options.freeze ? new Map() : undefined;
  }

  fixedSize(): number {
    let inSweeps = this.#dynamicNodes;
    for (const sweep of this.sweeps) for (const size of sweep.sizes) inSweeps += size;
    return this.#size - inSweeps;
  }

  /** `path` is one array, pushed and popped as the walk goes (copied where it is kept). */
  copy(value: unknown, path: (string | number)[], sweepable: boolean): unknown {
    const sizeBefore = this.#size;
    this.#count(1, path);
    this.#height = -1;
    let kind: Kind;
    try {
      kind = kindOf(value);
    } catch (error) {
      throw this.#readError(path, error);
    }
    if (kind === 'other') return value;
    if (kind === 'dynamic') return this.#dynamic(value as { values: unknown }, path, sweepable);
    const done = this.#done?.get(value as object);
    if (done) {
      if (path.length + done.height > CONFIG_LIMITS.maxDepth) throw this.#tooDeep(path, 'below');
      this.#count(done.size - 1, path);
      this.#height = done.height;
      return done.copy;
    }
    this.#enter(value as object, path);
    const metBefore = this.#dynamicMet;
    const copy = kind === 'array' ? this.#array(value as unknown[], path) : this.#record(value as Record<string, unknown>, path, sweepable);
    this.#ancestors.pop();
    const result = this.options.freeze ? Object.freeze(copy) : copy;
    // Not when it holds a DynamicValue: each place it appears is a sweep of its own, or none.
    if (this.#done && this.#dynamicMet === metBefore) {
      this.#done.set(value as object, { copy: result, size: this.#size - sizeBefore, height: this.#height });
    }
    return result;
  }

  /** Runs `fn`, which reads user data; what it throws becomes an `InvalidConfigError` naming the key path. */
  read<T>(path: KeyPath, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw this.#readError(path, error);
    }
  }

  #readError(path: KeyPath, error: unknown): InvalidConfigError {
    return new InvalidConfigError(this.options.source, `reading ${describeKeyPath(path)} threw: ${messageOf(error)}`, { cause: error });
  }

  #array(value: unknown[], path: (string | number)[]): unknown[] {
    const length = this.read(path, () => value.length);
    if (!Number.isSafeInteger(length) || length < 0) throw this.#readError(path, new TypeError(`an array length of ${String(length)}`));
    this.#fits(length, path);
    const copy: unknown[] = new Array(length);
    let height = -1;
    for (let i = 0; i < length; i++) {
      copy[i] = this.#child(value, i, path, false);
      height = Math.max(height, this.#height);
    }
    this.#height = height + 1;
    return copy;
  }

  #record(value: Record<string, unknown>, path: (string | number)[], sweepable: boolean): Record<string, unknown> {
    const keys = this.read(path, () => Object.keys(value));
    this.#fits(keys.length, path);
    const copy: Record<string, unknown> = {};
    let height = -1;
    for (const key of keys) {
      setOwnKey(copy, key, this.#child(value, key, path, sweepable));
      height = Math.max(height, this.#height);
    }
    this.#height = height + 1;
    return copy;
  }

  /** Reads `parent[key]` (a getter may throw) and copies it, with `key` on `path` meanwhile. */
  #child<K extends string | number>(parent: Readonly<Record<K, unknown>>, key: K, path: (string | number)[], sweepable: boolean): unknown {
    path.push(key);
    let child: unknown;
    try {
      child = parent[key];
    } catch (error) {
      throw this.#readError(path, error);
    }
    const copy = this.copy(child, path, sweepable);
    path.pop();
    return copy;
  }

  #dynamic(value: { values: unknown }, path: (string | number)[], sweepable: boolean): unknown {
    const { dynamicValues, source } = this.options;
    this.#dynamicMet++;
    if (!sweepable || dynamicValues === 'keep') return value;
    if (dynamicValues === 'reject') {
      throw new InvalidConfigError(source, `${describeKeyPath(path)} holds a DynamicValue; pass the object in \`configs\` to expand it.`);
    }
    this.#dynamicNodes++;
    const options = this.read(path, () => value.values);
    if (!Array.isArray(options)) throw new InvalidConfigError(source, `the DynamicValue at ${describeKeyPath(path)} has no array of values.`);
    const keyPath = path.join('.');
    if (options.length === 0) throw new EmptyDynamicValueError(keyPath, source);
    const { maxConfigs } = CONFIG_LIMITS;
    if (options.length > maxConfigs) throw new TooManyConfigsError(source, options.length, maxConfigs, `the DynamicValue at ${describeKeyPath(path)}`);
    const values: unknown[] = [];
    const sizes: number[] = [];
    let height = -1;
    for (const option of options) {
      const before = this.#size;
      values.push(this.copy(option, path, false));
      sizes.push(this.#size - before);
      height = Math.max(height, this.#height);
    }
    this.sweeps.push({ path: path.map(String), values, sizes });
    this.#height = height;
    return value;
  }

  #enter(value: object, path: KeyPath): void {
    const { source } = this.options;
    const seen = this.#ancestors.indexOf(value);
    if (seen !== -1) {
      throw new InvalidConfigError(
        source,
        `the value at ${describeKeyPath(path)} is the object at ${describeKeyPath(path.slice(0, seen))} again (a circular reference). ` +
          'A config must be a tree of plain data; pass a circular structure as a component (a class instance) instead.',
      );
    }
    if (path.length > CONFIG_LIMITS.maxDepth) throw this.#tooDeep(path, 'at');
    this.#ancestors.push(value);
  }

  #tooDeep(path: KeyPath, where: 'at' | 'below'): InvalidConfigError {
    return new InvalidConfigError(
      this.options.source,
      `objects and arrays nest deeper than ${CONFIG_LIMITS.maxDepth} levels (CONFIG_LIMITS.maxDepth) ${where} ${describeKeyPath(path)}. ` +
        'Flatten the config, or pass deep data as a component (a class instance).',
    );
  }

  /** Fails before copying `n` more values that cannot fit. */
  #fits(n: number, path: KeyPath): void {
    if (this.#size + n > this.options.maxValues) this.#tooLarge(path);
  }

  #count(n: number, path: KeyPath): void {
    this.#size += n;
    if (this.#size > this.options.maxValues) this.#tooLarge(path);
  }

  #tooLarge(path: KeyPath): never {
    throw new ConfigTooLargeError(`${this.options.source}, ${describeKeyPath(path)}`, CONFIG_LIMITS.maxValues, this.options.list);
  }
}
