import type { Config } from '../config/config';
import { InvalidWeightsError } from '../errors';
import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';
import { splitAt } from './split';
import { type Strategy, strategyFactory } from './strategy';
import { checkStrategyOptions } from './strategy-options';
import { weightedHash } from './weighted-hash';

/** Options of `strategies.weighted()`. */
/** Options of `strategies.weighted()`. */
export interface WeightedOptions {
  /**
   * How often each config is main, relative to the others: an array of non-negative numbers,
   * one per config in config order (`[90, 10]`), or an object keyed by `config_id`
   * (`{ control: 90, 'new-checkout': 10 }`) that gives every config a weight.
   */
  weights: readonly number[] | Readonly<Record<string, number>>;
  /** The request value (set with `withContext`) that makes assignment sticky, e.g. `'userId'`. */
  key: string;
  /**
   * `true`: the configs that are not main run as variants (shadow traffic). `false`: a plain
   * A/B split, the other configs do not run at all.
   * @default true
   */
  shadow?: boolean;
}

/** The weights as given, checked and copied: positional, or by `config_id`. */
type Weights =
  | { readonly byId: false; readonly values: readonly number[] }
  | { readonly byId: true; readonly entries: ReadonlyArray<readonly [string, number]> };

/**
 * Sticky weighted assignment of main, the same in every process (and in Python) without
 * coordination: `h = fmix32(FNV-1a-32(utf8(experimentName + "\u0000" + String(value))))`,
 * `point = h / 2**32 * sum(weights)`; main is the first config whose cumulative weight exceeds
 * `point`. A call without the key value gets the first config.
 *
 * @example
 * ```ts
 * strategies.weighted({ weights: { control: 90, 'new-checkout': 10 }, key: 'userId', shadow: false });
 * ```
 */
function weighted(options: WeightedOptions): Strategy {
  const checked = checkStrategyOptions(options, ['weights', 'key', 'shadow'], 'strategies.weighted()');
  const weights = readWeights(checked.weights);
  const key = checked.key;
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(`strategies.weighted(): expected \`key\` to be the name of a request value such as 'userId', got ${describeValue(key)}.`);
  }
  const shadow = checked.shadow !== false;
  // Cumulative weights in config order, per configs list (one per experiment), made at set-up.
  const cumulativeByConfigs = new WeakMap<readonly Config[], readonly number[]>();
  const cumulativeFor = (configs: readonly Config[], experiment: string): readonly number[] => {
    let cumulative = cumulativeByConfigs.get(configs);
    if (cumulative === undefined) {
      cumulative = cumulativeWeights(weights, configs, experiment);
      cumulativeByConfigs.set(configs, cumulative);
    }
    return cumulative;
  };
  const strategy: Strategy = (configs, ctx) => {
    const cumulative = cumulativeFor(configs, ctx.experiment);
    const value = ctx.get(key);
    if (value === undefined || value === null) return splitAt(configs, 0, shadow);
    return splitAt(configs, pick(cumulative, weightedHash(`${ctx.experiment}\u0000${String(value)}`)), shadow);
  };
  strategy.validate = (configs, experiment) => void cumulativeFor(configs, experiment);
  return strategy;
}

/** The index of the config whose share of `[0, total)` holds the hash's point. */
function pick(cumulative: readonly number[], hash: number): number {
  const point = (hash / 2 ** 32) * cumulative[cumulative.length - 1]!;
  for (let i = 0; i < cumulative.length; i++) if (point < cumulative[i]!) return i;
  // Not reached for a point below the total; the last config with a positive weight otherwise.
  for (let i = cumulative.length - 1; i > 0; i--) if (cumulative[i]! > cumulative[i - 1]!) return i;
  return 0;
}

function readWeights(weights: unknown): Weights {
  const expected = 'an array of non-negative numbers, one per config in config order, or an object of config_id → weight';
  let entries: Array<[string, unknown]>;
  const byId = !Array.isArray(weights);
  if (Array.isArray(weights)) entries = Array.from(weights, (weight, i) => [String(i), weight]);
  else if (isPlainObject(weights)) entries = Object.keys(weights).map((id) => [id, weights[id]]);
  else throw new InvalidWeightsError(`strategies.weighted(): \`weights\` must be ${expected}; got ${describeValue(weights)}.`);
  for (const [where, weight] of entries) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      const at = byId ? `the weight of '${where}'` : `weights[${where}]`;
      throw new InvalidWeightsError(`strategies.weighted(): ${at} is ${describeValue(weight)}; every weight must be a finite, non-negative number.`);
    }
  }
  const checked = entries as Array<[string, number]>;
  if (checked.reduce((sum, [, weight]) => sum + weight, 0) <= 0) {
    throw new InvalidWeightsError(
      `strategies.weighted(): the weights ${formatWeights(byId ? { byId, entries: checked } : { byId, values: checked.map(([, w]) => w) })} ` +
        'sum to 0; give at least one config a positive weight.',
    );
  }
  return byId ? { byId, entries: checked } : { byId, values: checked.map(([, weight]) => weight) };
}

/** The cumulative weights in config order; an `InvalidWeightsError` naming both lists when they do not fit. */
function cumulativeWeights(weights: Weights, configs: readonly Config[], experiment: string): number[] {
  const ids = configs.map((config) => config.config_id);
  const both = `its configs: ${ids.map((id) => `'${id}'`).join(', ')}; the weights: ${formatWeights(weights)}`;
  let inOrder: number[];
  if (!weights.byId) {
    if (weights.values.length !== configs.length) {
      throw new InvalidWeightsError(
        `strategies.weighted(): experiment '${experiment}' has ${configs.length} configs but ${weights.values.length} weights (${both}). ` +
          'Give one weight per config, in config order, or an object keyed by config_id.',
      );
    }
    inOrder = [...weights.values];
  } else {
    const byId = new Map(weights.entries);
    const unknown = weights.entries.map(([id]) => id).filter((id) => !ids.includes(id));
    const missing = ids.filter((id) => !byId.has(id));
    if (unknown.length > 0 || missing.length > 0) {
      const problems = [
        unknown.length > 0 ? `${listed(unknown)} ${unknown.length === 1 ? 'is no' : 'are not'} config_id of it` : '',
        missing.length > 0 ? `${listed(missing)} ${missing.length === 1 ? 'has' : 'have'} no weight` : '',
      ].filter(Boolean);
      throw new InvalidWeightsError(
        `strategies.weighted(): the weights do not fit experiment '${experiment}': ${problems.join(', and ')} (${both}). ` +
          'Key the weights by config_id, one for every config.',
      );
    }
    inOrder = ids.map((id) => byId.get(id)!);
  }
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of inOrder) cumulative.push((sum += weight));
  if (sum <= 0) {
    throw new InvalidWeightsError(`strategies.weighted(): the weights of experiment '${experiment}' sum to 0 (${both}); give at least one config a positive weight.`);
  }
  return cumulative;
}

function formatWeights(weights: Weights): string {
  if (!weights.byId) return `[${weights.values.join(', ')}]`;
  return `{ ${weights.entries.map(([id, weight]) => `${JSON.stringify(id)}: ${weight}`).join(', ')} }`;
}

function listed(ids: readonly string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

/** `strategies.weighted({ weights, key, shadow? })`: sticky weighted assignment of main per request value `key`. */
const factory = strategyFactory(weighted, 'strategies.weighted({ weights, key })');
export { factory as weighted };
