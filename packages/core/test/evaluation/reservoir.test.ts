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

  it('combine: the union exactly while every sample kept all its values and they fit; beyond, a sample drawn in proportion to each stream', () => {
    const a = new Reservoir(100);
    const b = new Reservoir(100);
    [5, 1, 9].forEach((v) => a.add(v));
    [2, 8].forEach((v) => b.add(v));
    const union = Reservoir.combine([a.state(), b.state()], 100);
    expect(union.count).toBe(5);
    expect([union.quantile(0), union.quantile(0.5), union.quantile(1)]).toEqual([1, 5, 9]);

    const ones = new Reservoir(1000);
    const twos = new Reservoir(1000);
    for (let i = 0; i < 9000; i++) ones.add(1);
    for (let i = 0; i < 1000; i++) twos.add(2);
    const merged = Reservoir.combine([ones.state(), twos.state()], 1000);
    expect(merged.count).toBe(10_000);
    const state = merged.state();
    expect(state.values).toHaveLength(1000);
    const share = state.values.filter((v) => v === 2).length / 1000; // 10 % of the streams' values are 2s
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
    expect(Reservoir.combine([ones.state(), twos.state()], 1000).state()).toEqual(state); // seeded
  });
});
