import { Reservoir, seededRandom } from '../../src/evaluation/reservoir';

describe('Reservoir', () => {
  it('gives exact quantiles, interpolated between ranks, while it holds every value', () => {
    const reservoir = new Reservoir(100);
    for (const value of [4, 1, 3, 2]) reservoir.add(value);
    expect(reservoir.quantile(0.5)).toBe(2.5);
    expect(reservoir.quantile(0)).toBe(1);
    expect(reservoir.quantile(1)).toBe(4);
    expect(reservoir.quantile(0.95)).toBeCloseTo(3.85, 10);
  });

  it('p50 and p95 of 1..100 are 50.5 and 95.05 (numpy linear)', () => {
    const reservoir = new Reservoir(100);
    for (let i = 100; i >= 1; i--) reservoir.add(i);
    expect(reservoir.quantile(0.5)).toBeCloseTo(50.5, 10);
    expect(reservoir.quantile(0.95)).toBeCloseTo(95.05, 10);
  });

  it('is NaN when empty', () => {
    expect(new Reservoir(10).quantile(0.5)).toBeNaN();
  });

  it('keeps at most `capacity` values and still estimates quantiles of a long stream', () => {
    const reservoir = new Reservoir(2000);
    const n = 200_000;
    for (let i = 0; i < n; i++) reservoir.add((i * 7919) % n); // every value 0..n-1 once, shuffled
    expect(reservoir.count).toBe(n);
    // rank error ~ sqrt(q(1-q)/2000): about 1.1 % for p50, 0.5 % for p95; allow 4 standard deviations
    expect(Math.abs(reservoir.quantile(0.5) / n - 0.5)).toBeLessThan(0.045);
    expect(Math.abs(reservoir.quantile(0.95) / n - 0.95)).toBeLessThan(0.02);
  });

  it('is deterministic: the same stream gives the same sample', () => {
    const fill = () => {
      const reservoir = new Reservoir(50);
      for (let i = 0; i < 10_000; i++) reservoir.add(i);
      return [reservoir.quantile(0.5), reservoir.quantile(0.95)];
    };
    expect(fill()).toEqual(fill());
  });

  it('seededRandom gives numbers in [0, 1), the same for the same seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
