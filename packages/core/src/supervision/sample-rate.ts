import type { RuntimeContext } from '../context/request-context';
import { describeValue } from '../internal/describe';

/**
 * Which entry calls run their background variants: a fraction from 0 to 1, drawn at random per
 * call, or a function of the call's request values that says `true` for the calls to run them
 * (deterministic per request, e.g. by hashing a user id). Awaited runs and `evaluate()` ignore it.
 *
 * @example
 * ```ts
 * new Spearmint({ sampleRate: 0.05 });
 * new Spearmint({ sampleRate: (ctx) => hash(ctx.get<string>('userId')) % 100 < 5 });
 * ```
 */
export type SampleRate = number | ((ctx: RuntimeContext) => boolean);

/** Checks a `sampleRate` option (a `TypeError` naming `label`); `undefined` when every call runs its variants. */
export function checkSampleRate(value: unknown, label: string): SampleRate | undefined {
  if (value === undefined || value === 1) return undefined;
  if (typeof value === 'function') return value as SampleRate;
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  throw new TypeError(
    `Expected \`sampleRate\` of ${label} to be a number from 0 to 1, or a function (ctx) => boolean, got ${describeValue(value)}.`,
  );
}
