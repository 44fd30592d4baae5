import { createHash } from 'node:crypto';
import { pythonJsonDumps } from './python-json';

/**
 * The id the Python library gives a config that has none: the first 16 hex characters of
 * SHA-256 over `json.dumps(config_without_config_id, sort_keys=True)`.
 */
export function computeConfigId(values: Readonly<Record<string, unknown>>): string {
  const { config_id: _ignored, ...rest } = values;
  return createHash('sha256').update(pythonJsonDumps(rest), 'utf8').digest('hex').slice(0, 16);
}
