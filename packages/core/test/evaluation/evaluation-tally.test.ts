import { Config } from '../../src';
import type { ExecutionResult } from '../../src/evaluation/evaluation-result';
import { EvaluationTally } from '../../src/evaluation/evaluation-tally';
import { namedEvaluators } from '../../src/evaluation/named-evaluators';

const a = new Config({ config_id: 'a', k: 1 });
const b = new Config({ config_id: 'b', k: 2 });

function execution(config: Config, durationMs: number, metrics: Record<string, number>, ok = true): ExecutionResult {
  return {
    configId: config.config_id,
    config,
    configIds: { f: config.config_id },
    repeat: 0,
    ok,
    output: undefined,
    ...(ok ? {} : { error: new Error('boom') }),
    durationMs,
    metrics,
    evaluatorErrors: {},
  };
}

describe('EvaluationTally: the numbers of a small known evaluation', () => {
  const evaluators = namedEvaluators({ score: () => 0, cost: { better: 'lower', score: () => 0 } });

  function tally(): EvaluationTally {
    const t = new EvaluationTally('f', 1, evaluators);
    // config a: durations 1..5, one failure (no metrics); scores 0.2, 0.4, 0.6, 0.8
    [1, 2, 3, 4].forEach((ms, i) => t.add(execution(a, ms, { score: 0.2 * (i + 1), cost: 10 }), a));
    t.add(execution(a, 5, {}, false), a);
    // config b: durations 10, 20, 30, 40, 50; scores 0.6 each; cost 3 and 5
    [10, 20, 30, 40, 50].forEach((ms, i) => t.add(execution(b, ms, { score: 0.6, cost: i % 2 === 0 ? 3 : 5 }), b));
    t.records = 5;
    return t;
  }

  it('mean, min, max and count per metric', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra!.metrics.score!.mean).toBeCloseTo(0.5, 12);
    expect(ra!.metrics.score).toMatchObject({ min: 0.2, count: 4 });
    expect(ra!.metrics.score!.max).toBeCloseTo(0.8, 12);
    expect(rb!.metrics.cost!.mean).toBeCloseTo((3 + 5 + 3 + 5 + 3) / 5, 12);
    expect(rb!.metrics.cost).toMatchObject({ min: 3, max: 5, count: 5 });
  });

  it('count, errors, error rate and the first error', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra).toMatchObject({ configId: 'a', count: 5, errors: 1, errorRate: 0.2, firstError: 'Error: boom' });
    expect(rb).toMatchObject({ configId: 'b', count: 5, errors: 0, errorRate: 0 });
    expect(rb).not.toHaveProperty('firstError');
  });

  it('latency mean, min, max, p50 and p95 over every execution', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra!.latency).toEqual({ mean: 3, min: 1, max: 5, p50: 3, p95: expect.closeTo(4.8, 10) });
    expect(rb!.latency).toEqual({ mean: 30, min: 10, max: 50, p50: 30, p95: expect.closeTo(48, 10) });
  });

  it('best config per metric: higher is better by default, lower where declared', () => {
    const result = tally().result();
    expect(result.metrics).toEqual([
      { name: 'score', evaluator: 'score', better: 'higher' },
      { name: 'cost', evaluator: 'cost', better: 'lower' },
    ]);
    expect(result.best).toEqual({ score: { configId: 'b', mean: expect.closeTo(0.6, 12) }, cost: { configId: 'b', mean: expect.closeTo(3.8, 12) } });
  });

  it('a tie goes to the first config in case order', () => {
    const t = new EvaluationTally('f', 1, evaluators);
    t.add(execution(a, 1, { score: 1 }), a);
    t.add(execution(b, 1, { score: 1 }), b);
    expect(t.result().best.score).toEqual({ configId: 'a', mean: 1 });
  });
});
