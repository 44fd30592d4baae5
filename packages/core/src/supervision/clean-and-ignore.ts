import type { MismatchInfo } from './hooks';

/**
 * What a variant is compared with main by: called on main's value when main returns (so a
 * caller that changes the returned object later causes no false mismatch) and on the variant's
 * value when it settles; `compare` and `ignore` get what it returns. Must be synchronous.
 *
 * @example
 * ```ts
 * new Spearmint({ clean: (order: Order) => ({ total: order.total, items: order.items.length }) });
 * ```
 * @default a structured clone of main's value when it is plain data (objects, arrays, `Map`,
 * `Set`, `Date`, primitives), taken only when a comparison will run; any other value (a class
 * instance, a function, one with getters) is compared as is, by reference
 */
export type Clean<R = any> = (value: R) => unknown;

/**
 * Accepts a mismatch: return `true` and it is counted as `ignored` in `stats().comparisons`
 * (not `mismatched`), with no `onMismatch` call and no `MismatchError`. It receives what was
 * compared: the cleaned values, or the errors when one side failed (`info.reason` says which).
 * Must be synchronous; a throw counts as "not ignored".
 *
 * @example
 * ```ts
 * new Spearmint({ ignore: (main, variant, info) => info.reason === 'variantFailed' && isRateLimit(variant) });
 * ```
 */
export type Ignore<R = any> = (mainValue: R, variantValue: R, info: MismatchInfo) => boolean;
