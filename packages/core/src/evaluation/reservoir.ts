import { type SampleState, writeNumbers } from './evaluation-state';
import { readNumber } from './read-state';

/** How many values a `Reservoir` keeps by default (per config, for latency percentiles). */
export const RESERVOIR_SIZE = 10_000;

/**
 * A uniform random sample of at most `capacity` values of a stream (Vitter's algorithm R),
 * for percentiles in bounded memory: exact while at most `capacity` values were added; beyond,
 * each kept value stands for `count / capacity` of them, and a quantile's rank is off by about
 * `sqrt(q (1 - q) / capacity)` (one standard deviation: ±0.5 % of the ranks for the median,
 * ±0.22 % for p95 with 10,000 values). The random source is seeded, so the same stream gives
 * the same sample.
 */
export class Reservoir {
  readonly #values: Float64Array;
  readonly #random: () => number;
  #count = 0;
  /** How many values `#values` holds (the first ones). */
  #kept = 0;
  #sorted: Float64Array | undefined;

  constructor(readonly capacity: number = RESERVOIR_SIZE, random: () => number = seededRandom(0x5eed)) {
    this.#values = new Float64Array(capacity);
    this.#random = random;
  }

  /**
   * The sample of several streams together, from their samples (say of shards): exact (every
   * value) when each sample kept all its stream's values and together they fit in `capacity`;
   * beyond, a uniform sample of the union, drawn from each sample in proportion to how many
   * values its stream saw (seeded, so the same samples merge to the same sample).
   */
  static combine(samples: readonly SampleState[], capacity: number = RESERVOIR_SIZE): Reservoir {
    const reservoir = new Reservoir(capacity);
    const pools = samples.map((sample) => sample.values.map((value, i) => readNumber(value, `values[${i}]`)));
    const total = samples.reduce((sum, sample) => sum + sample.count, 0);
    const whole = samples.every((sample) => sample.values.length === sample.count);
    const kept = whole && total <= capacity ? pools.flat() : drawProportionally(samples, pools, Math.min(capacity, total), seededRandom(0xc0ffee));
    reservoir.#values.set(kept.slice(0, capacity));
    reservoir.#count = total;
    reservoir.#kept = kept.length;
    return reservoir;
  }

  /** The state, as JSON data: how many values were added, and the ones kept. */
  state(): SampleState {
    return { count: this.#count, values: writeNumbers(this.#values.subarray(0, this.#kept)) };
  }

  /** How many values were added (not how many are kept). */
  get count(): number {
    return this.#count;
  }

  add(value: number): void {
    const seen = this.#count++;
    this.#sorted = undefined;
    if (this.#kept < this.capacity) {
      this.#values[this.#kept++] = value;
      return;
    }
    const slot = Math.floor(this.#random() * (seen + 1));
    if (slot < this.capacity) this.#values[slot] = value;
  }

  /**
   * The `q` quantile (0 ≤ q ≤ 1) of the sample, interpolating linearly between the two nearest
   * ranks (numpy's default, so p50 of 1, 2, 3, 4 is 2.5); `NaN` when nothing was added.
   */
  quantile(q: number): number {
    const kept = this.#kept;
    if (kept === 0) return NaN;
    const sorted = (this.#sorted ??= this.#values.slice(0, kept).sort());
    const position = q * (kept - 1);
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
  }
}

/**
 * `size` values drawn without replacement from the union of the streams behind `samples`: each
 * draw picks a stream in proportion to its values not drawn yet, then one of its kept values.
 */
function drawProportionally(samples: readonly SampleState[], pools: number[][], size: number, random: () => number): number[] {
  const remaining = samples.map((sample) => sample.count);
  let left = remaining.reduce((sum, n) => sum + n, 0);
  const drawn: number[] = [];
  while (drawn.length < size && left > 0) {
    let target = Math.floor(random() * left);
    let part = 0;
    while (target >= remaining[part]!) target -= remaining[part++]!;
    const pool = pools[part]!;
    if (pool.length === 0) {
      // This stream's sample is used up: the rest of its values cannot be drawn.
      left -= remaining[part]!;
      remaining[part] = 0;
      continue;
    }
    const pick = Math.floor(random() * pool.length);
    drawn.push(pool[pick]!);
    pool[pick] = pool[pool.length - 1]!;
    pool.pop();
    remaining[part]!--;
    left--;
  }
  return drawn;
}

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
