import { isDeepStrictEqual } from 'node:util';

/**
 * Decides whether a variant agrees with main, given the two values the function returned
 * (awaited). Called only when both returned; it must be synchronous and return a boolean.
 *
 * @example
 * ```ts
 * const mint = new Spearmint({ compare: (main: Answer, variant: Answer) => main.label === variant.label });
 * ```
 */
export type Compare<R = any> = (main: R, variant: R) => boolean;

/**
 * The default `compare`: `util.isDeepStrictEqual`, after a shortcut for identical values and
 * primitives (which it would compare with `Object.is` too).
 */
export function deepEqual(main: unknown, variant: unknown): boolean {
  if (Object.is(main, variant)) return true;
  if (typeof main !== 'object' || typeof variant !== 'object' || main === null || variant === null) return false;
  return isDeepStrictEqual(main, variant);
}
