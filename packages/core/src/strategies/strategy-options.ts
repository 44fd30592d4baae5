import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';

/**
 * Checks the options object of a strategy factory: an object with only `allowed` keys, and
 * `shadow` a boolean when given. A `TypeError` naming the factory otherwise.
 */
export function checkStrategyOptions(options: unknown, allowed: readonly string[], factory: string): Record<string, unknown> {
  if (!isPlainObject(options)) {
    throw new TypeError(`${factory} expects an options object such as { ${allowed.join(', ')} }, got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`Unknown option \`${key}\` for ${factory}; the options are: ${allowed.join(', ')}.`);
  }
  if (options.shadow !== undefined && typeof options.shadow !== 'boolean') {
    throw new TypeError(
      `${factory}: expected \`shadow\` to be a boolean (true: the other configs run as variants; false: they do not run), got ${describeValue(options.shadow)}.`,
    );
  }
  return options;
}
