// Text of values that come from user code (outputs, inputs, errors), for the report and
// messages. Nothing here may throw: getters, `toJSON` and `toString` of such values can.
import { messageOf } from '@spearmint/core/internal';

/** The most characters of one value the report keeps (a longer output is cut, saying how much). */
export const MAX_TEXT = 10_000;

/** JSON up to this long stays on one line. */
const COMPACT_JSON = 160;

/** `Name: message` of anything thrown; never throws (core's one safe error text). */
export { describeError as describeThrown, messageOf } from '@spearmint/core/internal';

/**
 * A value as text: strings as they are, numbers and the like with `String`, functions by name,
 * anything else as JSON (on one line up to `COMPACT_JSON` characters, indented beyond; BigInt
 * as `12n`); when that fails, a description. Cut to `max` characters.
 */
export function displayText(value: unknown, max = MAX_TEXT): string {
  return cut(rawText(value), max);
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return functionName(value);
  if (value === null || typeof value !== 'object') return String(value);
  const replacer = (_key: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? functionName(v) : v);
  try {
    const compact = JSON.stringify(value, replacer) ?? String(value);
    return compact.length <= COMPACT_JSON ? compact : JSON.stringify(value, replacer, 2);
  } catch (error) {
    return `${unprintable(value)}: not serialisable as JSON (${messageOf(error)})`;
  }
}

function functionName(fn: Function): string {
  try {
    return `<function ${typeof fn.name === 'string' && fn.name !== '' ? fn.name : '(anonymous)'}>`;
  } catch {
    return '<function>';
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters)` : text;
}

function unprintable(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[an unprintable value]';
  }
}
