import { ConfigTooLargeError, DuplicateConfigIdError, InvalidConfigError, TooManyConfigsError } from '../errors';
import { describeValue } from '../internal/describe';
import { messageOf } from '../internal/describe-error';
import { isPlainObject } from '../internal/plain-object';
import { type Config, configOfTree, isConfig } from './config';
import { CONFIG_LIMITS } from './config-limits';
import { copyConfig, type Sweep } from './copy-config-tree';
import { countCombinations, countExpandedValues, expandSweeps } from './expand-sweeps';
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
 * (`DynamicValue`) and given ids. Throws a `SpearmintError` naming the source at fault, within
 * the bounds of `CONFIG_LIMITS` (counted over the whole list).
 */
export function resolveConfigs(sources: readonly ConfigSource[], label = 'configs'): Config[] {
  if (!Array.isArray(sources)) {
    throw new TypeError(`Expected \`${label}\` to be an array of config sources, got ${describeValue(sources)}.`);
  }
  const list = new ConfigList(label);
  const count = sources.length;
  // Every source gives at least one config.
  if (count > CONFIG_LIMITS.maxConfigs) throw new TooManyConfigsError(label, count, CONFIG_LIMITS.maxConfigs, `a list of ${count} sources`);
  for (let index = 0; index < count; index++) {
    const where = `${label}[${index}]`;
    const [kind, source] = classify(sources, index, where);
    if (kind === 'config') list.addConfig(source as Config, where);
    else if (kind === 'path') list.addPath(source as string | URL, where);
    else list.addObject(source, where);
  }
  return list.configs;
}

/** The configs of one `configs` list as they are resolved, with what is left of its limits. */
class ConfigList {
  readonly configs: Config[] = [];
  #valuesLeft = CONFIG_LIMITS.maxValues;

  constructor(readonly label: string) {}

  addConfig(config: Config, where: string): void {
    this.#checkCount(1, where, 'this source');
    if (!sourceOf.has(config)) sourceOf.set(config, where);
    this.configs.push(config);
  }

  addPath(path: string | URL, where: string): void {
    for (const file of findConfigFiles(path, where, this.configs.length)) {
      for (const loaded of loadConfigFile(file)) this.addObject(loaded.values, loaded.source);
    }
  }

  addObject(values: unknown, where: string): void {
    const { tree, fixedSize, sweeps } = copyConfig(values, {
      source: where,
      dynamicValues: 'collect',
      freeze: true,
      maxValues: this.#valuesLeft,
      list: this.label,
    });
    this.#checkCount(countCombinations(sweeps), where, sweeps.length === 0 ? 'this source' : describeSweeps(sweeps));
    const size = countExpandedValues(fixedSize, sweeps);
    if (size > this.#valuesLeft) throw new ConfigTooLargeError(where, CONFIG_LIMITS.maxValues, this.label);
    this.#valuesLeft -= size;
    const expanded = expandSweeps(tree, sweeps);
    expanded.forEach((one, n) => {
      const config = configOfTree(one, where);
      sourceOf.set(config, expanded.length > 1 ? `${where} (expansion ${n + 1} of ${expanded.length})` : where);
      this.configs.push(config);
    });
  }

  #checkCount(adding: number, where: string, what: string): void {
    const before = this.configs.length;
    const { maxConfigs } = CONFIG_LIMITS;
    if (before + adding <= maxConfigs) return;
    const detail = before > 0 ? `${what}, after the ${before} configs before it,` : what;
    throw new TooManyConfigsError(where, Number.isFinite(adding) ? before + adding : undefined, maxConfigs, detail);
  }
}

function describeSweeps(sweeps: readonly Sweep[]): string {
  const sizes = sweeps.map((sweep) => sweep.values.length);
  const shown = sizes.length > 6 ? `${sizes.slice(0, 6).join(' × ')} × … (${sizes.length} DynamicValues)` : sizes.join(' × ');
  return `the sweep (${shown} values)`;
}

type SourceKind = 'config' | 'path' | 'object';

/** What `sources[index]` is; reading it, or telling what it is, may run user code that throws. */
function classify(sources: readonly unknown[], index: number, where: string): [SourceKind, unknown] {
  let source: unknown;
  try {
    source = sources[index];
    if (isConfig(source)) return ['config', source];
    if (typeof source === 'string' || isUrl(source)) return ['path', source];
    if (isPlainObject(source)) return ['object', source];
  } catch (error) {
    throw new InvalidConfigError(where, `reading it threw: ${messageOf(error)}`, { cause: error });
  }
  throw new InvalidConfigError(
    where,
    `expected a plain object, a Config, or the path (string or URL) of a .yaml, .yml or .json file or of a directory; got ${describeValue(source)}.`,
  );
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
