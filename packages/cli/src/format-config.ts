import type { Config } from '@spearmint/decorators';

/** A config's values (without `config_id`) as `key=value` pairs: `model=gpt-4o, temperature=0.2`. */
export function formatConfig(config: Config): string {
  return Object.entries(config)
    .filter(([key]) => key !== 'config_id')
    .map(([key, value]) => `${key}=${formatValue(value)}`)
    .join(', ');
}

/** One config value for display: strings as they are, functions and class instances by name, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return `<function ${value.name || '(anonymous)'}>`;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return `<${value.constructor?.name ?? 'object'}>`;
  }
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? `<function ${v.name}>` : typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
