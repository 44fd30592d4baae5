import { addExact, productError, roundedSum } from './exact-sum';
import { type SumsState, writeNumbers } from './evaluation-state';
import { readNumber } from './read-state';

/**
 * The mergeable state of a stream of numbers: its count, and the exact sum of the values and of
 * their squares, each kept as partials (see `exact-sum.ts`). Plain data: two states (say of two
 * shards) merge with `mergeSums` into exactly the state of the whole stream.
 */
export interface SumState {
  readonly n: number;
  /** Partials of Σ x. */
  readonly sum: readonly number[];
  /** Partials of Σ x². */
  readonly sumSquares: readonly number[];
}

/**
 * Adds values and reads their mean and sample variance, both computed from exact sums and
 * rounded once, so they do not depend on the order of the values and the variance of values far
 * from 0 (say 1e9 ± 0.1) keeps its digits.
 */
export class SumStats implements SumState {
  n = 0;
  readonly sum: number[] = [];
  readonly sumSquares: number[] = [];

  add(value: number): void {
    this.n++;
    addExact(this.sum, value);
    const square = value * value;
    addExact(this.sumSquares, square);
    addExact(this.sumSquares, productError(value, value, square));
  }

  /** Adds every value `other` holds, as if they had been added here. */
  merge(other: SumState): void {
    this.n += other.n;
    for (const partial of other.sum) addExact(this.sum, partial);
    for (const partial of other.sumSquares) addExact(this.sumSquares, partial);
  }

  /** The state, as JSON data (see `EvaluationState`). */
  state(): SumsState {
    return { n: this.n, sum: writeNumbers(this.sum), sumSquares: writeNumbers(this.sumSquares) };
  }

  /** Adds every value a state holds, as if they had been added here. */
  mergeState(state: SumsState): void {
    this.merge({
      n: state.n,
      sum: state.sum.map((partial, i) => readNumber(partial, `sum[${i}]`)),
      sumSquares: state.sumSquares.map((partial, i) => readNumber(partial, `sumSquares[${i}]`)),
    });
  }

  /** The mean; `NaN` when empty. */
  get mean(): number {
    return this.n === 0 ? NaN : roundedSum(this.sum) / this.n;
  }

  /**
   * The sample variance (n − 1 in the denominator); `NaN` below two values, `Infinity` when a
   * square overflowed. n · Σx² − (Σx)² is summed exactly before the one rounding.
   */
  get variance(): number {
    const { n } = this;
    if (n < 2) return NaN;
    const terms: number[] = [];
    for (const partial of this.sumSquares) {
      const product = n * partial;
      addExact(terms, product);
      addExact(terms, productError(n, partial, product));
    }
    for (const a of this.sum) {
      for (const b of this.sum) {
        const product = a * b;
        addExact(terms, -product);
        addExact(terms, -productError(a, b, product));
      }
    }
    const scaled = roundedSum(terms);
    return Number.isFinite(scaled) ? Math.max(0, scaled) / n / (n - 1) : Infinity;
  }
}

/** The state of both streams together. */
export function mergeSums(a: SumState, b: SumState): SumState {
  const merged = new SumStats();
  merged.merge(a);
  merged.merge(b);
  return { n: merged.n, sum: merged.sum, sumSquares: merged.sumSquares };
}
