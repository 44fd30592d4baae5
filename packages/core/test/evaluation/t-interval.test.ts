/**
 * The confidence intervals against values computed independently: Student's t critical values
 * from a published table (two-sided 95 %, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), and means and
 * standard deviations computed with Python's `statistics` module (numbers written in below).
 */
import { type Config, evaluate } from '../../src';
import { roundedSum } from '../../src/evaluation/exact-sum';
import { SumStats, mergeSums } from '../../src/evaluation/sum-stats';
import { meanInterval, tCritical, UNBOUNDED, welchInterval } from '../../src/evaluation/t-interval';
import { verdictOf } from '../../src/evaluation/paired-tally';
import { defineExperiment, Supervisor } from '../../src/internal-api';

const stats = (values: readonly number[]) => {
  const s = new SumStats();
  for (const value of values) s.add(value);
  return s;
};

describe('tCritical: the two-sided 95 % quantile of Student\'s t', () => {
  // Published table values (3 decimals).
  it.each([
    [1, 12.706],
    [2, 4.303],
    [4, 2.776],
    [9, 2.262],
    [18, 2.101],
    [29, 2.045],
    [39, 2.023],
    [100, 1.984],
  ])('df = %d: %d', (df, table) => {
    expect(tCritical(df)).toBeCloseTo(table, 3);
  });
});

// Ten paired scores. Python: statistics.mean / statistics.stdev of the differences.
const MAIN = [0.5, 0.6, 0.4, 0.7, 0.55, 0.65, 0.45, 0.5, 0.6, 0.52];
const VARIANT = [0.62, 0.66, 0.47, 0.8, 0.58, 0.71, 0.49, 0.61, 0.69, 0.55];
const DIFF_MEAN = 0.071;
const DIFF_SD = 0.03281259920619925;
const MAIN_MEAN = 0.547;
const MAIN_SD = 0.0917787193925331;
// By hand, with the table's t(9) = 2.262: mean ± 2.262 · sd / √10.
const DIFF_CI = [0.04752891131625973, 0.09447108868374027];
const MAIN_CI = [0.4813500205940627, 0.6126499794059374];

describe('meanInterval: mean ± t(n − 1) · sd / √n', () => {
  it('matches the hand computation for the mean of ten scores', () => {
    const estimate = meanInterval(stats(MAIN));
    expect(estimate.mean).toBeCloseTo(MAIN_MEAN, 12);
    expect(estimate.sd).toBeCloseTo(MAIN_SD, 12);
    // 2.262 is the table's rounding of 2.26216: the bounds agree to about 1e-5.
    expect(estimate.ci95[0]).toBeCloseTo(MAIN_CI[0]!, 4);
    expect(estimate.ci95[1]).toBeCloseTo(MAIN_CI[1]!, 4);
  });

  it('fewer than two values: no interval ([-Infinity, Infinity])', () => {
    expect(meanInterval(stats([])).ci95).toEqual(UNBOUNDED);
    expect(meanInterval(stats([0.3]))).toEqual({ n: 1, mean: 0.3, sd: 0, ci95: [-Infinity, Infinity] });
  });

  it('constant values: a zero-width interval at the value', () => {
    expect(meanInterval(stats([0.25, 0.25, 0.25])).ci95).toEqual([0.25, 0.25]);
  });

  it('keeps the spread of values far from 0 (exact sums: no cancellation)', () => {
    // Python: statistics.variance([1e9 + x for x in MAIN]) (exact, with fractions)
    expect(stats(MAIN.map((x) => 1e9 + x)).variance).toBeCloseTo(0.0084233348041121, 15);
    expect(stats(MAIN).variance).toBeCloseTo(0.008423333333333331, 15);
  });
});

describe('SumStats merge (for shards)', () => {
  it('two halves merged give exactly the mean and variance of the whole stream, in either order', () => {
    const whole = stats(MAIN);
    for (const [first, second] of [[MAIN.slice(0, 4), MAIN.slice(4)], [MAIN.slice(4), MAIN.slice(0, 4)]] as const) {
      const merged = stats(first);
      merged.merge(stats(second));
      expect(merged.n).toBe(10);
      expect(merged.mean).toBe(whole.mean);
      expect(merged.variance).toBe(whole.variance);
    }
    // Partials are not unique, their exact total is.
    const state = mergeSums(stats(MAIN.slice(0, 3)), stats(MAIN.slice(3)));
    expect([state.n, roundedSum(state.sum), roundedSum(state.sumSquares)]).toEqual([10, roundedSum(whole.sum), roundedSum(whole.sumSquares)]);
  });
});

describe('welchInterval: two independent means', () => {
  it('equal spreads and sizes: Welch–Satterthwaite gives df = 2(n − 1) = 18, t = 2.101 (table)', () => {
    const b = meanInterval(stats(MAIN));
    const a = meanInterval(stats(MAIN.map((x) => x + 0.1)));
    const { diff, ci95 } = welchInterval(a, b);
    expect(diff).toBeCloseTo(0.1, 12);
    // Python: math.sqrt(2 * statistics.stdev(MAIN) ** 2 / 10)
    const half = 2.101 * 0.041044691089916444;
    expect(ci95[0]).toBeCloseTo(0.1 - half, 4);
    expect(ci95[1]).toBeCloseTo(0.1 + half, 4);
  });

  it('no spread on either side: the difference itself; fewer than two values: unbounded', () => {
    expect(welchInterval({ n: 5, mean: 0.7, sd: 0 }, { n: 5, mean: 0.5, sd: 0 }).ci95).toEqual([0.7 - 0.5, 0.7 - 0.5]);
    expect(welchInterval({ n: 1, mean: 0.7, sd: 0 }, { n: 5, mean: 0.5, sd: 0.1 }).ci95).toEqual(UNBOUNDED);
  });
});

describe('verdictOf', () => {
  it.each([
    [[0.1, 0.3], 'higher', 'better'],
    [[0.1, 0.3], 'lower', 'worse'],
    [[-0.3, -0.1], 'higher', 'worse'],
    [[-0.3, -0.1], 'lower', 'better'],
    [[-0.1, 0.3], 'higher', 'inconclusive'],
    [[0, 0.3], 'higher', 'inconclusive'],
    [[-Infinity, Infinity], 'lower', 'inconclusive'],
  ] as const)('%j, %s is better: %s', (ci, better, verdict) => {
    expect(verdictOf(ci, better)).toBe(verdict);
  });
});

describe('evaluate(): intervals and the paired comparison with main, end to end', () => {
  const scores: Record<string, readonly number[]> = { main: MAIN, variant: VARIANT, same: MAIN };
  const pick = defineExperiment((i: number, config?: Config) => scores[config!.config_id]![i]!, { supervisor: new Supervisor(), configs: [{ config_id: 'main' }, { config_id: 'variant' }, { config_id: 'same' }], configParam: 1, name: 'pick' });
  const dataset = MAIN.map((_, i) => ({ input: i }));

  it('ci95 of each mean and vsMain (diff, ci95, wins/ties/losses, verdict) match the hand computation', async () => {
    const result = await evaluate(pick, dataset, { evaluators: { score: ({ output }) => output } });
    const [main, variant, same] = result.configs;
    expect(main!.metrics.score!.ci95[0]).toBeCloseTo(MAIN_CI[0]!, 4);
    expect(main!.metrics.score!.ci95[1]).toBeCloseTo(MAIN_CI[1]!, 4);
    expect(main!.metrics.score).not.toHaveProperty('vsMain');
    const vs = variant!.metrics.score!.vsMain!;
    expect(vs.diff).toBeCloseTo(DIFF_MEAN, 12);
    expect(vs.ci95[0]).toBeCloseTo(DIFF_CI[0]!, 4);
    expect(vs.ci95[1]).toBeCloseTo(DIFF_CI[1]!, 4);
    expect(meanInterval(stats(VARIANT.map((v, i) => v - MAIN[i]!))).sd).toBeCloseTo(DIFF_SD, 12);
    expect(vs).toMatchObject({ wins: 10, ties: 0, losses: 0, verdict: 'better' });
    expect(same!.metrics.score!.vsMain).toEqual({ diff: 0, ci95: [0, 0], wins: 0, ties: 10, losses: 0, verdict: 'inconclusive' });
  });

  it('lower is better: the same difference is worse', async () => {
    const result = await evaluate(pick, dataset, { evaluators: { cost: { better: 'lower', score: ({ output }) => output } } });
    expect(result.configs[1]!.metrics.cost!.vsMain).toMatchObject({ wins: 0, ties: 0, losses: 10, verdict: 'worse' });
    expect(result.best.cost).toEqual({ configId: 'main', mean: expect.closeTo(MAIN_MEAN, 12), errorRate: 0 });
  });

  it('is reproducible: two runs give identical intervals', async () => {
    const run = async () => (await evaluate(pick, dataset, { evaluators: { score: ({ output }) => output }, concurrency: 3 })).configs.map((c) => c.metrics);
    expect(await run()).toEqual(await run());
  });
});
