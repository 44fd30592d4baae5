import type { MetricSummary } from './evaluation-result';

/** Count, mean, min and max of a stream of numbers, in constant memory (running mean). */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;

  add(value: number): void {
    this.count++;
    this.mean += (value - this.mean) / this.count;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  summary(): MetricSummary {
    return { mean: this.mean, min: this.min, max: this.max, count: this.count };
  }
}
