import { addExact, roundedSum } from './exact-sum';

/** Count, exact sum, min and max of a stream of numbers: plain data, so two tallies merge exactly. */
export class RunningStats {
  count = 0;
  /** Partials of the sum (see `exact-sum.ts`). */
  readonly sum: number[] = [];
  min = Infinity;
  max = -Infinity;

  add(value: number): void {
    this.count++;
    addExact(this.sum, value);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** The mean; `NaN` when empty. */
  get mean(): number {
    return this.count === 0 ? NaN : roundedSum(this.sum) / this.count;
  }
}
