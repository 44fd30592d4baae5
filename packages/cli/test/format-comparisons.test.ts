/** The text lines under the table: best configs with their error rates, configs not eligible, each variant against main. */
import { Config, type ConfigEvaluation, type EvaluationResult, type MetricSummary } from '@spearmint/decorators';
import { bestLines, vsMainLines } from '../src/format-comparisons';
import { formatDiff, formatInterval, formatScore } from '../src/format-numbers';

function config(configId: string, errorRate: number, score: MetricSummary, vsMain?: ConfigEvaluation['errorRateVsMain']): ConfigEvaluation {
  return {
    configId,
    config: new Config({ config_id: configId }),
    configIds: { f: configId },
    count: 40,
    errors: errorRate * 40,
    errorRate,
    ...(vsMain ? { errorRateVsMain: vsMain } : {}),
    eligible: !(vsMain && vsMain.ci95[0] > 0),
    latency: { mean: 1, min: 1, max: 1, p50: 1, p95: 1 },
    metrics: { score },
    evaluatorErrors: {},
  };
}

const summary = (mean: number, vsMain?: MetricSummary['vsMain']): MetricSummary => ({
  mean,
  min: 0,
  max: 1,
  count: 40,
  scoredRecords: 40,
  sd: 0.1,
  ci95: [mean - 0.03, mean + 0.03],
  ...(vsMain ? { vsMain } : {}),
});

const result: EvaluationResult = {
  experiment: 'f',
  records: 40,
  repeat: 1,
  durationMs: 1,
  metrics: [{ name: 'score', evaluator: 'score', better: 'higher' }],
  configs: [
    config('main', 0, summary(0.5)),
    config('flaky', 0.4, summary(0.9, { diff: 0.4, ci95: [0.35, 0.45], wins: 24, ties: 0, losses: 0, verdict: 'better' }), { diff: 0.4, ci95: [0.24, 0.56] }),
    config('steady', 0.025, summary(0.6, { diff: 0.1, ci95: [-0.02, 0.22], wins: 10, ties: 25, losses: 4, verdict: 'inconclusive' }), { diff: 0.025, ci95: [-0.026, 0.076] }),
  ],
  best: { score: { configId: 'steady', mean: 0.6, errorRate: 0.025 } },
};

describe('text lines under the table', () => {
  it('the best config per metric with its error rate; configs not eligible with their error rate against main\'s', () => {
    expect(bestLines(result)).toEqual([
      'best: score steady 0.600 (errors 2.5%)',
      "not eligible for best (error rate above main's beyond its 95% interval): flaky (errors 40.0% vs main's 0.0%: +0.400 [+0.240, +0.560])",
    ]);
  });

  it('each variant against main', () => {
    expect(vsMainLines(result)).toEqual([
      '',
      'vs main (main): mean per-record difference, its 95% interval, records won/tied/lost',
      'config_id  metric  diff    95% interval      w/t/l    verdict',
      '---------  ------  ------  ----------------  -------  ------------',
      'flaky      score   +0.400  [+0.350, +0.450]  24/0/0   better',
      'steady     score   +0.100  [-0.020, +0.220]  10/25/4  inconclusive',
    ]);
  });
});

describe('numbers', () => {
  it.each([
    [0.8875, '0.888'],
    [0.7125, '0.713'],
    [-0.0005, '-0.001'],
    [0, '0.000'],
    [undefined, '-'],
  ])('formatScore(%p) = %s (half away from zero, as written in decimal)', (value, text) => {
    expect(formatScore(value)).toBe(text);
  });

  it('differences are signed; unbounded intervals say why', () => {
    expect([formatDiff(0.2), formatDiff(-0.02), formatDiff(0), formatDiff(-0.0001)]).toEqual(['+0.200', '-0.020', '0.000', '0.000']);
    expect(formatInterval([-Infinity, Infinity])).toBe('[n < 2]');
    expect(formatInterval([null, null], true)).toBe('[n < 2]');
    expect(formatInterval([-0.05, 0.1], true)).toBe('[-0.050, +0.100]');
  });
});
