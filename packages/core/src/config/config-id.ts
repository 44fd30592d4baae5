import { createHash } from 'node:crypto';
import { CONFIG_LIMITS } from './config-limits';
import { copyConfig } from './copy-config-tree';
import { pythonJsonDumps } from './python-json';

/**
 * The id the Python library gives a config that has none: the first 16 hex characters of
 * SHA-256 over `json.dumps(config_without_config_id, sort_keys=True)`.
 *
 * @example
 * ```ts
 * computeConfigId({ model: 'gpt-4' }); // '09c986a294e78e7b', as Python computes it
 * ```
 */
export function computeConfigId(values: Readonly<Record<string, unknown>>): string {
  const { tree } = copyConfig(values, {
    source: 'computeConfigId(...)',
    dynamicValues: 'keep',
    freeze: true, // frozen copies are shared where the input shares objects: linear work
    maxValues: CONFIG_LIMITS.maxValues,
    list: 'values given to computeConfigId(...)',
  });
  return configIdOfTree(tree);
}

/** `computeConfigId` of a config copied by `copyConfig` (plain data, no cycles, bounded depth). */
export function configIdOfTree(tree: Readonly<Record<string, unknown>>): string {
  const { config_id: _ignored, ...rest } = tree; // a rest copy keeps a `__proto__` key as data
  return createHash('sha256').update(pythonJsonDumps(rest), 'utf8').digest('hex').slice(0, 16);
}
