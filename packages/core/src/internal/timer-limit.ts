import { describeValue } from './describe';

/** The longest delay `setTimeout` keeps; Node turns anything longer into 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Checks a timeout option: a number of ms from 0 to 2^31 − 1, or `Infinity` (or `undefined`)
 * for none, which is returned as `undefined`.
 */
export function timeoutOption(name: string, value: number | undefined): number | undefined {
  if (value === undefined || value === Infinity) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new TypeError(`Expected \`${name}\` to be a number of milliseconds from 0 up, or Infinity for no limit, got ${describeValue(value)}.`);
  }
  if (value > MAX_TIMER_MS) {
    throw new TypeError(
      `Expected \`${name}\` to be at most ${MAX_TIMER_MS} ms (about 24.8 days, the longest timer Node keeps), got ${value}. ` +
        'Use Infinity for no limit.',
    );
  }
  return value;
}
