import { InvalidConfigError } from '../errors';
import { CONFIG_BRAND, hasConfigBrand } from '../internal/config-brand';
import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';
import { computeConfigId } from './config-id';
import { frozenCopy } from './deep-freeze';
import { isDynamicValue } from './dynamic-value';


type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What every config has, whatever else it holds. */
export interface ConfigBase {
  /** The id given in the config, or the hash the Python library would compute for it. */
  readonly config_id: string;
}

/**
 * One configuration of an experiment: a deeply frozen record, readable as `config.model` and
 * `config['model']`, that always has a string `config_id`.
 *
 * Declare an injected parameter as `config?: Config<{ model: string }>`; under legacy
 * decorators with `emitDecoratorMetadata`, a parameter of this type is found by its type.
 *
 * @example
 * ```ts
 * const config = new Config({ model: 'gpt-4o' });
 * config.model;      // 'gpt-4o'
 * config.config_id;  // 'b1c4...' (16 hex characters, as the Python library computes)
 * ```
 */
export type Config<T extends object = Record<string, any>> = ConfigBase & DeepReadonly<Omit<T, 'config_id'>>;

export interface ConfigConstructor {
  /** Makes a frozen `Config` of `values` (deep-copied), adding `config_id` when missing. */
  new <T extends object>(values: T): Config<T>;
  readonly prototype: ConfigBase;
  /** True for a `Config` made by any loaded copy of `@spearmint/core`. */
  isConfig(value: unknown): value is Config;
}

class ConfigRecord {
  static isConfig(value: unknown): value is Config {
    return isConfig(value);
  }

  constructor(values: object) {
    return createConfig(values, 'new Config(...)');
  }
}
Object.defineProperty(ConfigRecord.prototype, CONFIG_BRAND, { value: true });
Object.defineProperty(ConfigRecord, 'name', { value: 'Config' });

export const Config = ConfigRecord as unknown as ConfigConstructor;

/** Recognises configs by a `Symbol.for` brand, so two copies of core still agree. */
export function isConfig(value: unknown): value is Config {
  return hasConfigBrand(value);
}

/** True for the `Config` class of any loaded copy of core (used for `design:paramtypes`). */
export function isConfigClass(value: unknown): boolean {
  return typeof value === 'function' && isConfig(value.prototype);
}

/**
 * Makes a `Config` of one plain object that holds no `DynamicValue` (expand those first).
 * `source` names where the object came from, for error messages.
 */
export function createConfig(values: object, source: string): Config {
  if (isConfig(values)) return values;
  if (!isPlainObject(values)) {
    throw new InvalidConfigError(source, `expected a plain object, got ${describeValue(values)}.`);
  }
  const copy = copyValues(values, source);
  copy.config_id = normaliseConfigId(copy.config_id, source) ?? computeConfigId(copy);
  return Object.freeze(Object.assign(Object.create(ConfigRecord.prototype), copy)) as Config;
}

/** A copy of the top level (to receive `config_id`) whose values are frozen copies. */
function copyValues(values: Record<string, unknown>, source: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(values)) {
    if (isDynamicValue(values[key])) {
      throw new InvalidConfigError(source, `key '${key}' holds a DynamicValue; pass the object in \`configs\` to expand it.`);
    }
    copy[key] = frozenCopy(values[key]);
  }
  return copy;
}

function normaliseConfigId(id: unknown, source: string): string | undefined {
  if (id === undefined) return undefined;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' || typeof id === 'bigint') return String(id);
  throw new InvalidConfigError(source, `config_id must be a non-empty string, got ${describeValue(id)}.`);
}
