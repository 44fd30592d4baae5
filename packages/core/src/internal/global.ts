/**
 * Process-wide state shared by every loaded copy of `@spearmint/core` (for example the ESM
 * and the CJS build in one app). Keyed by `Symbol.for`, so both copies find the same object.
 */
const GLOBAL_KEY = Symbol.for('spearmint.core.v0');

type GlobalSlots = Record<string, unknown>;

function slots(): GlobalSlots {
  const g = globalThis as unknown as Record<symbol, GlobalSlots | undefined>;
  return (g[GLOBAL_KEY] ??= Object.create(null) as GlobalSlots);
}

/** Returns the process-wide value stored under `name`, creating it with `create` the first time. */
export function processWide<T>(name: string, create: () => T): T {
  const all = slots();
  if (!(name in all)) all[name] = create();
  return all[name] as T;
}
