import { DuplicateConfigIdError, InvalidConfigError } from '../errors';
import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';
import { type Config, createConfig, isConfig } from './config';
import { expandDynamicValues } from './dynamic-value';

/** Anything `configs` accepts: a plain object (may hold `DynamicValue`s) or a `Config`. */
export type ConfigSource = Readonly<Record<string, unknown>> | Config;

const sourceOf = new WeakMap<Config, string>();

/** Where a config came from, for error messages: `configs[2]`, or a file path. */
export function describeConfigSource(config: Config): string {
  return sourceOf.get(config) ?? `config '${config.config_id}'`;
}

/**
 * Turns config sources into frozen `Config`s: objects are expanded (`DynamicValue`) and given
 * ids. Throws a `SpearmintError` naming the source at fault.
 */
export function resolveConfigs(sources: readonly ConfigSource[], label = 'configs'): Config[] {
  if (!Array.isArray(sources)) {
    throw new TypeError(`Expected \`${label}\` to be an array of config sources, got ${describeValue(sources)}.`);
  }
  const configs: Config[] = [];
  sources.forEach((source, index) => {
    const where = `${label}[${index}]`;
    if (isConfig(source)) {
      configs.push(source);
      return;
    }
    if (!isPlainObject(source)) {
      throw new InvalidConfigError(where, `expected a plain object or a Config, got ${describeValue(source)}.`);
    }
    const expanded = expandDynamicValues(source, where);
    expanded.forEach((values, n) => {
      const config = createConfig(values, where);
      sourceOf.set(config, expanded.length > 1 ? `${where} (expansion ${n + 1} of ${expanded.length})` : where);
      configs.push(config);
    });
  });
  return configs;
}

/** Throws `DuplicateConfigIdError` when two configs share an id; `where` says whose configs. */
export function assertUniqueConfigIds(configs: readonly Config[], where: string): void {
  const seen = new Map<string, Config>();
  for (const config of configs) {
    const first = seen.get(config.config_id);
    if (first) {
      throw new DuplicateConfigIdError(config.config_id, [describeConfigSource(first), describeConfigSource(config)], where);
    }
    seen.set(config.config_id, config);
  }
}
