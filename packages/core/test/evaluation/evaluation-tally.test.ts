import { Config } from '../../src';
import type { ExecutionResult } from '../../src/evaluation/evaluation-result';
import { EvaluationTally } from '../../src/evaluation/evaluation-tally';
import { namedEvaluators } from '../../src/evaluation/named-evaluators';

const a = new Config({ config_id: 'a', k: 1 });
const b = new Config({ config_id: 'b', k: 2 });

function execution(config: Config, durationMs: number, metrics: Record<string, number>, ok = true, repeat = 0): ExecutionResult {
  return {
    configId: config.config_id,
    config,
    configIds: { f: config.config_id },
    repeat,
    ok,
    output: undefined,
    ...(ok ? {} : { error: new Error('boom') }),
    durationMs,
    metrics,
    evaluatorErrors: {},
  };
}

const evaluators = namedEvaluators({ score: () => 0, cost: { better: 'lower', score: () => 0 } });

describe('EvaluationTally: the numbers of a small known evaluation', () => {
  function tally(): EvaluationTally {
    const t = new EvaluationTally('f', 1, evaluators);
    // config a (main): durations 1..5, record 4 fails (no metrics); scores 0.2, 0.4, 0.6, 0.8
    // config b: durations 10, 20, 30, 40, 50; scores 0.6 each; cost 3 and 5
    for (let i = 0; i < 5; i++) {
      t.addRecord([
        i < 4 ? execution(a, i + 1, { score: 0.2 * (i + 1), cost: 10 }) : execution(a, 5, {}, false),
        execution(b, 10 * (i + 1), { score: 0.6, cost: i % 2 === 0 ? 3 : 5 }),
      ]);
    }
    return t;
  }

  it('mean, min, max and count per metric', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra!.metrics.score!.mean).toBeCloseTo(0.5, 12);
    expect(ra!.metrics.score).toMatchObject({ min: 0.2, count: 4, scoredRecords: 4 });
    expect(ra!.metrics.score!.max).toBeCloseTo(0.8, 12);
    expect(rb!.metrics.cost!.mean).toBeCloseTo((3 + 5 + 3 + 5 + 3) / 5, 12);
    expect(rb!.metrics.cost).toMatchObject({ min: 3, max: 5, count: 5, scoredRecords: 5 });
  });

  it('count, errors, error rate and the first error', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra).toMatchObject({ configId: 'a', count: 5, errors: 1, errorRate: 0.2, firstError: 'Error: boom', eligible: true });
    expect(rb).toMatchObject({ configId: 'b', count: 5, errors: 0, errorRate: 0, eligible: true });
    expect(rb).not.toHaveProperty('firstError');
    expect(ra).not.toHaveProperty('errorRateVsMain');
    // b − a per record: 0, 0, 0, 0, −1 → mean −0.2
    expect(rb!.errorRateVsMain!.diff).toBeCloseTo(-0.2, 12);
  });

  it('latency mean, min, max, p50 and p95 over every execution', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra!.latency).toEqual({ mean: 3, min: 1, max: 5, p50: 3, p95: expect.closeTo(4.8, 10) });
    expect(rb!.latency).toEqual({ mean: 30, min: 10, max: 50, p50: 30, p95: expect.closeTo(48, 10) });
  });

  it('best config per metric: higher is better by default, lower where declared; with its error rate', () => {
    const result = tally().result();
    expect(result.metrics).toEqual([
      { name: 'score', evaluator: 'score', better: 'higher' },
      { name: 'cost', evaluator: 'cost', better: 'lower' },
    ]);
    expect(result.best).toEqual({
      score: { configId: 'b', mean: expect.closeTo(0.6, 12), errorRate: 0 },
      cost: { configId: 'b', mean: expect.closeTo(3.8, 12), errorRate: 0 },
    });
  });

  it('vsMain pairs each variant with main over the records both have a score for', () => {
    const [ra, rb] = tally().result().configs;
    expect(ra!.metrics.score).not.toHaveProperty('vsMain');
    // score b − a on records 0..3: 0.4, 0.2, 0, −0.2 (record 4: main failed, not paired)
    expect(rb!.metrics.score!.vsMain).toMatchObject({ diff: expect.closeTo(0.1, 12), wins: 2, ties: 1, losses: 1, verdict: 'inconclusive' });
    // cost (lower is better) b − a: −7, −5, −7, −5: every record a win, the interval below 0
    expect(rb!.metrics.cost!.vsMain).toMatchObject({ diff: -6, wins: 4, ties: 0, losses: 0, verdict: 'better' });
  });

  it('a tie goes to the first config in case order', () => {
    const t = new EvaluationTally('f', 1, evaluators);
    t.addRecord([execution(a, 1, { score: 1 }), execution(b, 1, { score: 1 })]);
    expect(t.result().best.score).toEqual({ configId: 'a', mean: 1, errorRate: 0 });
  });

  it('repetitions of a record are averaged before the interval and the pairing', () => {
    const t = new EvaluationTally('f', 2, evaluators);
    // record 0: a 0.1, 0.3 → 0.2; b 0.4, 0.4 → 0.4.  record 1: a 0.5 (one failure) ; b 0.5, 0.7 → 0.6
    t.addRecord([execution(a, 1, { score: 0.1 }), execution(b, 1, { score: 0.4 }), execution(a, 1, { score: 0.3 }, true, 1), execution(b, 1, { score: 0.4 }, true, 1)]);
    t.addRecord([execution(a, 1, { score: 0.5 }), execution(b, 1, { score: 0.5 }), execution(a, 1, {}, false, 1), execution(b, 1, { score: 0.7 }, true, 1)]);
    const [ra, rb] = t.result().configs;
    expect(ra!.metrics.score).toMatchObject({ mean: expect.closeTo(0.35, 12), count: 3, scoredRecords: 2 });
    expect(rb!.metrics.score).toMatchObject({ mean: expect.closeTo(0.5, 12), count: 4, scoredRecords: 2 });
    expect(rb!.metrics.score!.vsMain).toMatchObject({ diff: expect.closeTo(0.15, 12), wins: 2, ties: 0, losses: 0 });
    // failed shares b − a: 0 − 0, 0 − 0.5
    expect(rb!.errorRateVsMain!.diff).toBeCloseTo(-0.25, 12);
  });

  it('scores equal up to rounding are ties with a difference of exactly 0', () => {
    const t = new EvaluationTally('f', 2, evaluators);
    for (let i = 0; i < 3; i++) {
      // (0.1 + 0.2) / 2 and 0.15 differ in the last bit
      t.addRecord([execution(a, 1, { score: 0.1 }), execution(b, 1, { score: 0.15 }), execution(a, 1, { score: 0.2 }, true, 1), execution(b, 1, { score: 0.15 }, true, 1)]);
    }
    expect(t.result().configs[1]!.metrics.score!.vsMain).toEqual({ diff: 0, ci95: [0, 0], wins: 0, ties: 3, losses: 0, verdict: 'inconclusive' });
  });
});

describe('best never crowns a failing config', () => {
  const c = new Config({ config_id: 'c', k: 3 });

  it('a config whose error rate is above main\'s beyond its interval is not eligible, whatever its mean', () => {
    const t = new EvaluationTally('f', 1, evaluators);
    // 10 records: main a scores 0.5 and never fails; b fails on 4 records and scores 0.9 on the others;
    // c fails on 1 record (within the interval) and scores 0.7.
    for (let i = 0; i < 10; i++) {
      t.addRecord([
        execution(a, 1, { score: 0.5 }),
        i < 4 ? execution(b, 1, {}, false) : execution(b, 1, { score: 0.9 }),
        i === 0 ? execution(c, 1, {}, false) : execution(c, 1, { score: 0.7 }),
      ]);
    }
    const result = t.result();
    const [, rb, rc] = result.configs;
    expect(rb).toMatchObject({ errorRate: 0.4, eligible: false });
    // paired failure differences 1,1,1,1,0,0,0,0,0,0: mean 0.4, sd 0.5164, t(9) = 2.262 → 0.4 ± 0.3694
    expect(rb!.errorRateVsMain!.ci95[0]).toBeCloseTo(0.4 - 2.262 * (0.5163977794943222 / Math.sqrt(10)), 3);
    expect(rb!.errorRateVsMain!.ci95[0]).toBeGreaterThan(0);
    expect(rc).toMatchObject({ errorRate: 0.1, eligible: true });
    expect(result.best.score).toEqual({ configId: 'c', mean: expect.closeTo(0.7, 12), errorRate: 0.1 });
  });

  it('main is always eligible', () => {
    const t = new EvaluationTally('f', 1, evaluators);
    for (let i = 0; i < 5; i++) t.addRecord([i < 3 ? execution(a, 1, {}, false) : execution(a, 1, { score: 0.2 }), execution(b, 1, { score: 0.1 })]);
    const result = t.result();
    expect(result.configs.map((config) => config.eligible)).toEqual([true, true]);
    expect(result.best.score).toEqual({ configId: 'a', mean: expect.closeTo(0.2, 12), errorRate: 0.6 });
  });
});
