import { splitAt } from './split';
import { type Strategy, strategyFactory } from './strategy';
import { strategyOwner } from './strategy-context';
import { checkStrategyOptions } from './strategy-options';

/** Options of `strategies.roundRobin()`. */
/** Options of `strategies.roundRobin()`. */
export interface RoundRobinOptions {
  /**
   * `true`: the configs that are not main run as variants. `false`: they do not run at all
   * (a plain rotation, no shadow traffic).
   * @default true
   */
  shadow?: boolean;
}

/**
 * Main rotates call by call through the configs in order, starting with the first. Each
 * experiment using the strategy has its own counter (per experiment object: two experiments may
 * share a name).
 *
 * @example
 * ```ts
 * const mint = new Spearmint({ configs: [{ config_id: 'a' }, { config_id: 'b' }], strategy: strategies.roundRobin({ shadow: false }) });
 * ```
 */
function roundRobin(options: RoundRobinOptions = {}): Strategy {
  const shadow = checkStrategyOptions(options, ['shadow'], 'strategies.roundRobin()').shadow !== false;
  // A counter object per experiment, so a call reads the map once and writes none.
  const counters = new WeakMap<object, { next: number }>();
  const countersByName = new Map<string, { next: number }>(); // contexts made by hand carry no experiment object
  return (configs, ctx) => {
    const owner = strategyOwner(ctx);
    let counter = typeof owner === 'string' ? countersByName.get(owner) : counters.get(owner);
    if (counter === undefined) {
      counter = { next: 0 };
      if (typeof owner === 'string') countersByName.set(owner, counter);
      else counters.set(owner, counter);
    }
    const n = counter.next % configs.length;
    counter.next = (n + 1) % configs.length;
    return splitAt(configs, n, shadow);
  };
}

/** `strategies.roundRobin(options?)`: main rotates call by call through the configs, in order; one counter per experiment. */
const factory = strategyFactory(roundRobin, 'strategies.roundRobin()');
export { factory as roundRobin };
