import { addExact, roundedSum } from './exact-sum';
import { type StatsState, writeNumber, writeNumbers } from './evaluation-state';
import { readNumber } from './read-state';

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

  /** The state, as JSON data. */
  state(): StatsState {
    return { count: this.count, sum: writeNumbers(this.sum), min: writeNumber(this.min), max: writeNumber(this.max) };
  }

  /** Adds every value a state (of another tally) holds, as if they had been added here. */
  merge(state: StatsState): void {
    this.count += state.count;
    state.sum.forEach((partial, i) => addExact(this.sum, readNumber(partial, `sum[${i}]`)));
    this.min = Math.min(this.min, readNumber(state.min, 'min'));
    this.max = Math.max(this.max, readNumber(state.max, 'max'));
  }
}
