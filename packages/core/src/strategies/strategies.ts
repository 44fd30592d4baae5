import type { Config } from '../config/config';
import { SpearmintError } from '../errors';
import { fnv1a32 } from './fnv1a';
import { contextFree, type Strategy } from './strategy';

/** The default: the first config is main, every other config runs as a variant. */
const shadow: Strategy = contextFree((configs) => [configs[0]!, configs.slice(1)]);

/** The first config only; no variants. */
const single: Strategy = contextFree((configs) => [configs[0]!, []]);

/**
 * Main rotates call by call through the configs in order, starting with the first; the others
 * run as variants. Each experiment using the strategy has its own counter.
 */
function roundRobin(): Strategy {
  const counters = new Map<string, number>();
  return (configs, ctx) => {
    const n = counters.get(ctx.experiment) ?? 0;
    counters.set(ctx.experiment, (n + 1) % configs.length);
    return splitAt(configs, n % configs.length);
  };
}

export interface WeightedOptions {
  /** One non-negative weight per config, in config order. */
  weights: readonly number[];
  /** The request value (set with `withContext`) that makes assignment sticky, e.g. `'userId'`. */
  key: string;
}

/**
 * Sticky weighted assignment of main, the same in every process without coordination.
 *
 * The hash: `h = FNV-1a-32(utf8(experimentName + "\u0000" + String(value)))` as an unsigned
 * 32-bit integer; `point = (h / 2**32) * sum(weights)`; main is the first config whose
 * cumulative weight exceeds `point`. A call without the key value gets the first config.
 * The other configs run as variants.
 */
function weighted(options: WeightedOptions): Strategy {
  const { weights, key } = options ?? ({} as WeightedOptions);
  if (!Array.isArray(weights) || weights.some((w) => typeof w !== 'number' || !Number.isFinite(w) || w < 0)) {
    throw new SpearmintError(
      'SPEARMINT_INVALID_WEIGHTS',
      `strategies.weighted: \`weights\` must be an array of finite, non-negative numbers, got ${JSON.stringify(weights)}.`,
    );
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) {
    throw new SpearmintError('SPEARMINT_INVALID_WEIGHTS', `strategies.weighted: the weights ${JSON.stringify(weights)} sum to 0; give at least one config a positive weight.`);
  }
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(`strategies.weighted: expected \`key\` to be the name of a request value such as 'userId', got ${String(key)}.`);
  }
  const strategy: Strategy = (configs, ctx) => {
    const value = ctx.get(key);
    if (value === undefined || value === null) return splitAt(configs, 0);
    const point = (fnv1a32(`${ctx.experiment}\u0000${String(value)}`) / 2 ** 32) * total;
    let cumulative = 0;
    for (let i = 0; i < weights.length; i++) {
      cumulative += weights[i]!;
      if (point < cumulative) return splitAt(configs, i);
    }
    return splitAt(configs, lastPositive(weights));
  };
  strategy.validate = (configs, experiment) => {
    if (configs.length !== weights.length) {
      throw new SpearmintError(
        'SPEARMINT_INVALID_WEIGHTS',
        `strategies.weighted: experiment '${experiment}' has ${configs.length} configs but ${weights.length} weights; give one weight per config, in config order.`,
      );
    }
  };
  return strategy;
}

function splitAt(configs: readonly Config[], index: number): [Config, Config[]] {
  return [configs[index]!, configs.filter((_, i) => i !== index)];
}

function lastPositive(weights: readonly number[]): number {
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

/** The built-in strategies. A custom strategy is any function of type `Strategy`. */
export const strategies = Object.freeze({ shadow, single, roundRobin, weighted });
