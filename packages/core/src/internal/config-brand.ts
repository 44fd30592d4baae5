/**
 * The brand every `Config` carries on its prototype. `Symbol.for`, so configs made by another
 * loaded copy of core are recognised too. Its own module, so that the config serialiser and
 * the deep copy can check it without importing `config.ts` (which imports them).
 */
export const CONFIG_BRAND = Symbol.for('spearmint.config');

/** True for a `Config` made by any loaded copy of `@spearmint/core`. */
export function hasConfigBrand(value: unknown): value is Record<string, unknown> {
  return (value as Record<symbol, unknown> | null | undefined)?.[CONFIG_BRAND] === true;
}
