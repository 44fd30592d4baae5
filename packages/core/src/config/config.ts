import { InvalidConfigError } from '../errors';
import { CONFIG_BRAND, hasConfigBrand } from '../internal/config-brand';
import { describeValue } from '../internal/describe';
import { configIdOfTree } from './config-id';
import { CONFIG_LIMITS } from './config-limits';
import { copyConfig, setOwnKey } from './copy-config-tree';

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

/** The type of the `Config` value: `new Config(values)` and `Config.isConfig(value)`. */
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

/**
 * The `Config` class: `new Config(values)` makes a frozen config (adding `config_id` when
 * missing); `Config.isConfig(value)` recognises one. Configs are recognised by a `Symbol.for`
 * brand, not `instanceof`, so the ES module and CommonJS builds loaded together agree.
 */
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
  try {
    if (isConfig(values)) return values;
  } catch {
    // a hostile object (a Proxy) whose brand cannot be read: copyConfig reports it
  }
  const { tree } = copyConfig(values, { source, dynamicValues: 'reject', freeze: true, maxValues: CONFIG_LIMITS.maxValues, list: `values of ${source}` });
  return configOfTree(tree, source);
}

/** A `Config` of a frozen tree made by `copyConfig` (and `expandSweeps`): its values are shared, not copied. */
export function configOfTree(tree: Readonly<Record<string, unknown>>, source: string): Config {
  const hasId = Object.hasOwn(tree, 'config_id');
  const id = hasId ? checkedConfigId(tree.config_id, source) : configIdOfTree(tree);
  const config = Object.create(ConfigRecord.prototype) as Record<string, unknown>;
  for (const key of Object.keys(tree)) setOwnKey(config, key, key === 'config_id' ? id : tree[key]);
  if (!hasId) config.config_id = id;
  return Object.freeze(config) as Config;
}

function checkedConfigId(id: unknown, source: string): string {
  if (typeof id === 'string' && id !== '') return id;
  const hint = typeof id === 'number' || typeof id === 'bigint' ? ` Write it as a string (in YAML or JSON: quoted, as in config_id: "${String(id)}").` : '';
  throw new InvalidConfigError(source, `config_id must be a non-empty string, got ${describeValue(id)}.${hint}`);
}
