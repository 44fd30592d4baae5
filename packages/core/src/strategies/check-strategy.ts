import { InvalidStrategyError } from '../errors';
import { describeValue } from '../internal/describe';
import { factoryUsage, type Strategy } from './strategy';

/** What a newcomer may write instead of a strategy, and the strategy meant. */
const BY_NAME = new Map([
  ['shadow', 'strategies.shadow'],
  ['single', 'strategies.single'],
  ['roundRobin', 'strategies.roundRobin()'],
  ['round-robin', 'strategies.roundRobin()'],
  ['weighted', "strategies.weighted({ weights, key: 'userId' })"],
]);

/**
 * Checks a `strategy` option at set-up: a function, and not a strategy factory passed without
 * calling it (`strategies.roundRobin` for `strategies.roundRobin()`). `where` names the option.
 */
export function checkStrategy(strategy: unknown, where: string): Strategy {
  if (typeof strategy === 'function') {
    const usage = factoryUsage(strategy);
    if (usage !== undefined) {
      throw new InvalidStrategyError(where, `${usage.slice(0, usage.indexOf('('))} makes a strategy, it is not one; call it: \`strategy: ${usage}\`.`);
    }
    return strategy as Strategy;
  }
  const meant = typeof strategy === 'string' ? BY_NAME.get(strategy) : undefined;
  throw new InvalidStrategyError(
    where,
    `expected a function (configs, ctx) => [mainConfig, variantConfigs] such as strategies.shadow, got ${describeValue(strategy)}.` +
      (meant ? ` Write \`strategy: ${meant}\`.` : ''),
  );
}
