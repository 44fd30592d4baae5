/**
 * The bounds within which configs are loaded, so that a hostile or mistaken config fails at
 * set-up with a named error instead of exhausting the stack, the memory or the time of the
 * process. Each is documented in the README ("Limits").
 *
 * @example
 * ```ts
 * import { CONFIG_LIMITS } from '@spearmint/core';
 * CONFIG_LIMITS.maxConfigs; // 10000
 * ```
 */
export const CONFIG_LIMITS = Object.freeze({
  /** Levels of nested objects and arrays below a config (a value at key path `a.b` is 2 deep). @default 100 */
  maxDepth: 100,
  /** Configs of one `configs` list, after sweeps are expanded (also the values of one `DynamicValue`). @default 10000 */
  maxConfigs: 10_000,
  /** Values (every key's value and array item, counted wherever it appears) in all configs of one `configs` list. @default 1000000 */
  maxValues: 1_000_000,
  /** Bytes of one config file. @default 1048576 (1 MiB) */
  maxFileBytes: 1024 * 1024,
  /** Tokens of one YAML file (scalars, aliases, `-`, `:`, `,`, brackets; not spaces or comments). @default 100000 */
  maxYamlTokens: 100_000,
  /** Alias nodes (`*name`) in one YAML file. @default 1000 */
  maxYamlAliases: 1_000,
  /** The `yaml` package's `maxAliasCount` (uses of an anchor times the aliases inside it). @default 1000 */
  maxAliasCount: 1_000,
});
