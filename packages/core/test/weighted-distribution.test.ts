import { Config, RuntimeContext, strategies, withContext } from '../src';
import { binomialInterval, chiSquarePValue, chiSquareStatistic } from './helpers/distribution';

// Sequential ids (auto-increment user ids, sign-up cohorts) must not land in one arm together:
// every block of 100 consecutive ids gets each arm's share within its binomial 99.9 % interval,
// and the whole run passes a chi-square goodness-of-fit test at p > 0.001. Deterministic: the
// hash and the ids are fixed, so the counts are the same on every run.

const BLOCK = 100;
const idSets: ReadonlyArray<[string, (i: number) => string | number]> = [
  ['1..10000', (i) => i],
  ['user-1..user-10000', (i) => `user-${i}`],
];
const weightSets = [[90, 10], [50, 50], [1, 1, 1]];

/** The arm (config index) each of the ids 1..10000 gets as main, for experiment `Checkout.price`. */
function arms(id: (i: number) => string | number, weights: number[]): number[] {
  const configs = weights.map((_, i) => new Config({ config_id: `arm-${i}` }));
  const strategy = strategies.weighted({ weights, key: 'userId', shadow: false });
  const ctx = new RuntimeContext('Checkout.price');
  return Array.from({ length: 10_000 }, (_, i) => withContext({ userId: id(i + 1) }, () => Number(strategy(configs, ctx)[0].config_id.slice(4))));
}

describe('the helpers, against independently computed values', () => {
  it('binomial 99.9 % intervals match exact-fraction sums done in Python', () => {
    // python3: math.comb sums with fractions.Fraction, equal tails of 0.0005
    expect(binomialInterval(100, 0.1, 0.999)).toEqual([2, 21]);
    expect(binomialInterval(100, 0.9, 0.999)).toEqual([79, 98]);
    expect(binomialInterval(100, 0.5, 0.999)).toEqual([34, 66]);
    expect(binomialInterval(100, 1 / 3, 0.999)).toEqual([19, 49]);
    expect(binomialInterval(100, 2 / 3, 0.999)).toEqual([51, 81]);
  });

  it('chi-square p-values match published critical values', () => {
    // Critical values of the chi-square distribution (NIST/SEMATECH e-Handbook, table 1.3.6.7.4)
    for (const [statistic, df, p] of [[10.828, 1, 0.001], [13.816, 2, 0.001], [16.266, 3, 0.001], [3.841, 1, 0.05], [5.991, 2, 0.05]] as const) {
      expect(chiSquarePValue(statistic, df)).toBeCloseTo(p, p < 0.01 ? 5 : 4);
    }
    expect(chiSquarePValue(0, 2)).toBe(1);
    expect(chiSquarePValue(2, 2)).toBeCloseTo(Math.exp(-1), 12); // df 2: exactly e^(-x/2)
  });
});

describe.each(idSets)('strategies.weighted over ids %s', (_, id) => {
  it.each(weightSets.map((weights) => [weights.join('/'), weights] as const))('weights %s: every block of 100 within its 99.9 %% interval, chi-square p > 0.001', (_, weights) => {
    const assigned = arms(id, weights);
    const total = weights.reduce((a, b) => a + b, 0);
    const intervals = weights.map((w) => binomialInterval(BLOCK, w / total, 0.999));
    const outside: string[] = [];
    for (let start = 0; start < assigned.length; start += BLOCK) {
      const block = assigned.slice(start, start + BLOCK);
      weights.forEach((_, arm) => {
        const count = block.filter((a) => a === arm).length;
        const [low, high] = intervals[arm]!;
        if (count < low || count > high) outside.push(`ids ${start + 1}-${start + BLOCK}: arm ${arm} got ${count}, not in [${low}, ${high}]`);
      });
    }
    expect(outside).toEqual([]);
    const observed = weights.map((_, arm) => assigned.filter((a) => a === arm).length);
    const expected = weights.map((w) => (assigned.length * w) / total);
    expect(chiSquarePValue(chiSquareStatistic(observed, expected), weights.length - 1)).toBeGreaterThan(0.001);
  });
});
