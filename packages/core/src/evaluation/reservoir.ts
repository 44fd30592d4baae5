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
  #sorted: Float64Array | undefined;

  constructor(readonly capacity: number = RESERVOIR_SIZE, random: () => number = seededRandom(0x5eed)) {
    this.#values = new Float64Array(capacity);
    this.#random = random;
  }

  /** How many values were added (not how many are kept). */
  get count(): number {
    return this.#count;
  }

  add(value: number): void {
    const seen = this.#count++;
    this.#sorted = undefined;
    if (seen < this.capacity) {
      this.#values[seen] = value;
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
    const kept = Math.min(this.#count, this.capacity);
    if (kept === 0) return NaN;
    const sorted = (this.#sorted ??= this.#values.slice(0, kept).sort());
    const position = q * (kept - 1);
    const lower = Math.floor(position);
    const upper = Math.ceil(position);
    return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
  }
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
