import { DuplicateConfigIdError, InvalidConfigError } from '../errors';
import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';
import { type Config, createConfig, isConfig } from './config';
import { expandDynamicValues } from './dynamic-value';
import { findConfigFiles } from './find-config-files';
import { loadConfigFile } from './load-config-file';

/**
 * Anything `configs` accepts: a plain object (may hold `DynamicValue`s), a `Config`, or the
 * path (string, relative to `process.cwd()`, or `file:` URL) of a `.yaml` / `.yml` / `.json`
 * file or of a directory of them.
 */
export type ConfigSource = Readonly<Record<string, unknown>> | Config | string | URL;

const sourceOf = new WeakMap<Config, string>();

/** Where a config came from, for error messages: `configs[2]`, or a file path. */
export function describeConfigSource(config: Config): string {
  return sourceOf.get(config) ?? `config '${config.config_id}'`;
}

/** A config for error messages: `config 'abc' (file /app/a.yaml)`. */
export function describeConfig(config: Config): string {
  const source = sourceOf.get(config);
  return `config '${config.config_id}'${source ? ` (${source})` : ''}`;
}

/**
 * Turns config sources into frozen `Config`s: files are read, objects are expanded
 * (`DynamicValue`) and given ids. Throws a `SpearmintError` naming the source at fault.
 */
export function resolveConfigs(sources: readonly ConfigSource[], label = 'configs'): Config[] {
  if (!Array.isArray(sources)) {
    throw new TypeError(`Expected \`${label}\` to be an array of config sources, got ${describeValue(sources)}.`);
  }
  const configs: Config[] = [];
  sources.forEach((source: unknown, index) => {
    const where = `${label}[${index}]`;
    if (isConfig(source)) {
      if (!sourceOf.has(source)) sourceOf.set(source, where);
      configs.push(source);
    } else if (typeof source === 'string' || isUrl(source)) {
      for (const file of findConfigFiles(source, where)) {
        for (const loaded of loadConfigFile(file)) configs.push(...expandedConfigs(loaded.values, loaded.source));
      }
    } else if (isPlainObject(source)) {
      configs.push(...expandedConfigs(source, where));
    } else {
      throw new InvalidConfigError(
        where,
        `expected a plain object, a Config, or the path (string or URL) of a .yaml, .yml or .json file or of a directory; got ${describeValue(source)}.`,
      );
    }
  });
  return configs;
}

function expandedConfigs(values: Record<string, unknown>, where: string): Config[] {
  const expanded = expandDynamicValues(values, where);
  return expanded.map((one, n) => {
    const config = createConfig(one, where);
    sourceOf.set(config, expanded.length > 1 ? `${where} (expansion ${n + 1} of ${expanded.length})` : where);
    return config;
  });
}

/** By tag rather than `instanceof`, so a `URL` of another realm (a jest or vm context) counts. */
function isUrl(value: unknown): value is URL {
  return Object.prototype.toString.call(value) === '[object URL]';
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
