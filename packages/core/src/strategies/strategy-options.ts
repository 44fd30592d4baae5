import { describeValue } from '../internal/describe';
import { checkKnownKeys } from '../internal/known-keys';
import { isPlainObject } from '../internal/plain-object';

/**
 * Checks the options object of a strategy factory: an object with only `allowed` keys, and
 * `shadow` a boolean when given. A `TypeError` naming the factory otherwise.
 */
export function checkStrategyOptions(options: unknown, allowed: readonly string[], factory: string): Record<string, unknown> {
  if (!isPlainObject(options)) {
    throw new TypeError(`${factory} expects an options object such as { ${allowed.join(', ')} }, got ${describeValue(options)}.`);
  }
  checkKnownKeys(options, allowed, factory);
  if (options.shadow !== undefined && typeof options.shadow !== 'boolean') {
    throw new TypeError(
      `${factory}: expected \`shadow\` to be a boolean (true: the other configs run as variants; false: they do not run), got ${describeValue(options.shadow)}.`,
    );
  }
  return options;
}
