import { type Config, currentCase, evaluate, SpearmintError, strategies } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

const CONFIGS = [
  { config_id: 'a', k: 1 },
  { config_id: 'b', k: 2 },
  { config_id: 'c', k: 3 },
];

/** x * k; config a fails on 2, config c on 3 (a is main: its failure must not hide the variants). */
const multiply = defineExperiment(
  function multiply(x: number, config?: Config<{ k: number }>): number {
    if ((config!.k === 1 && x === 2) || (config!.k === 3 && x === 3)) throw new Error(`no ${x} with k=${config!.k}`);
    return x * config!.k;
  },
  { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1 },
);

const dataset = [1, 2, 3, 4].map((x) => ({ input: x, expected: 2 * x }));
const evaluators = {
  value: ({ output }: { output: number }) => output,
  exact: ({ output, expected }: { output: number; expected: number | undefined }) => (output === expected ? 1 : 0),
};

describe('evaluate() over an array', () => {
  it('runs every config on every record and summarises each metric per config', async () => {
    const result = await evaluate(multiply, dataset, { evaluators });
    expect(result.experiment).toBe('multiply');
    expect(result.records).toBe(4);
    expect(result.configs.map((c) => c.configId)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = result.configs;
    expect(a!.config).toMatchObject({ config_id: 'a', k: 1 });
    expect(a!.metrics.value).toMatchObject({ mean: (1 + 3 + 4) / 3, min: 1, max: 4, count: 3 });
    expect(b!.metrics.value).toMatchObject({ mean: 5, min: 2, max: 8, count: 4 });
    expect(c!.metrics.value).toMatchObject({ mean: (3 + 6 + 12) / 3, min: 3, max: 12, count: 3 });
    expect(b!.metrics.exact).toMatchObject({ mean: 1, min: 1, max: 1, count: 4 });
    expect(a!.metrics.exact!.mean).toBe(0);
  });

  it('counts what the function throws into the error rate, for main and variants alike, without throwing', async () => {
    const result = await evaluate(multiply, dataset, { evaluators });
    const [a, b, c] = result.configs;
    expect(a).toMatchObject({ count: 4, errors: 1, errorRate: 0.25, firstError: 'Error: no 2 with k=1' });
    expect(b).toMatchObject({ count: 4, errors: 0, errorRate: 0 });
    expect(c).toMatchObject({ count: 4, errors: 1, errorRate: 0.25, firstError: 'Error: no 3 with k=3' });
  });

  it('names the best config per metric', async () => {
    const result = await evaluate(multiply, dataset, { evaluators });
    expect(result.metrics.map((m) => m.name)).toEqual(['value', 'exact']);
    expect(result.best).toEqual({ value: { configId: 'c', mean: 7, errorRate: 0.25 }, exact: { configId: 'b', mean: 1, errorRate: 0 } });
  });

  it("takes the lowest mean for a metric declared `better: 'lower'`", async () => {
    const result = await evaluate(multiply, dataset, { evaluators: [{ name: 'size', better: 'lower', score: ({ output }) => output }] });
    expect(result.metrics).toEqual([{ name: 'size', evaluator: 'size', better: 'lower' }]);
    expect(result.best.size).toEqual({ configId: 'a', mean: 8 / 3, errorRate: 0.25 });
  });

  it('names metrics after function names in an array, and record scores as evaluator.key', async () => {
    function doubled({ output, expected }: { output: number; expected: number | undefined }) {
      return output === expected ? 1 : 0;
    }
    const parts = { name: 'parts', score: ({ output }: { output: number }) => ({ even: output % 2 === 0 ? 1 : 0, big: output > 5 ? 1 : 0 }) };
    const result = await evaluate(multiply, dataset, { evaluators: [doubled, parts] });
    expect(result.metrics.map((m) => m.name)).toEqual(['doubled', 'parts.even', 'parts.big']);
    expect(result.configs[1]!.metrics['parts.big']).toMatchObject({ mean: 0.5, min: 0, max: 1, count: 4 });
  });

  it('accepts async evaluators', async () => {
    const result = await evaluate(multiply, dataset, { evaluators: { later: async ({ output }) => (await Promise.resolve(output)) * 10 } });
    expect(result.configs[1]!.metrics.later!.mean).toBe(50);
  });

  it('records a throwing evaluator, or one returning a non-score, as an evaluator error of that config; other metrics go on', async () => {
    const result = await evaluate(multiply, dataset, {
      concurrency: 1, // records in order, so the first failure's message is known
      evaluators: {
        value: ({ output }) => output,
        picky: ({ output }) => {
          if (output === 4) throw new RangeError('four is not allowed');
          return output;
        },
        wrong: ({ output }) => (output > 6 ? ('many' as unknown as number) : output > 3 ? NaN : 1),
        text: () => 'many' as unknown as number,
        sub: () => ({ fine: 1, bad: null as unknown as number }),
      },
    });
    const b = result.configs[1]!;
    expect(b.metrics.value!.count).toBe(4);
    expect(b.metrics.picky).toMatchObject({ mean: (2 + 6 + 8) / 3, min: 2, max: 8, count: 3 });
    expect(b.evaluatorErrors.picky).toEqual({ count: 1, message: 'threw RangeError: four is not allowed' });
    expect(b.evaluatorErrors.wrong).toEqual({ count: 3, message: 'returned NaN; a score must be a finite number' });
    expect(b.evaluatorErrors.text).toEqual({ count: 4, message: 'returned "many" (string); expected a finite number, a record of finite numbers or { name, score }' });
    expect(b.evaluatorErrors.sub).toEqual({ count: 4, message: "returned a record whose 'bad' is null; every score must be a finite number" });
    expect(b.metrics).not.toHaveProperty('sub.fine');
    expect(b.metrics.wrong).toMatchObject({ mean: 1, min: 1, max: 1, count: 1 });
  });

  it('gives evaluators input, args, output, expected, config, record and durationMs', async () => {
    const seen: unknown[] = [];
    await evaluate(multiply, [{ id: 'r1', input: [5], expected: 10 }], {
      evaluators: {
        spy: (ctx) => {
          seen.push({ ...ctx, config: ctx.config.config_id, durationMs: typeof ctx.durationMs });
          return 0;
        },
      },
    });
    expect(seen).toEqual(
      ['a', 'b', 'c'].map((id, i) => ({
        input: [5],
        args: [5],
        output: 5 * (i + 1),
        expected: 10,
        config: id,
        record: { id: 'r1', input: [5], expected: 10 },
        durationMs: 'number',
      })),
    );
  });

  it('evaluates every config whatever the strategy (single, roundRobin), first config as main', async () => {
    for (const strategy of [strategies.single, strategies.roundRobin()]) {
      const f = defineExperiment((x: number, config?: Config) => `${config!.config_id}${x}`, { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f', strategy });
      const result = await evaluate(f, [{ input: 1 }, { input: 2 }], { evaluators: { len: ({ output }) => output.length } });
      expect(result.configs.map((c) => [c.configId, c.count])).toEqual([['a', 2], ['b', 2], ['c', 2]]);
    }
  });

  it('runs each execution in its case: currentCase() and getConfigId(fn) see the config', async () => {
    const f = defineExperiment(
      async (x: number, config?: Config) => {
        await new Promise((resolve) => setImmediate(resolve));
        return `${currentCase()!.getConfigId(f)}:${config!.config_id}:${x}`;
      },
      { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'Svc.f' },
    );
    const outputs: string[] = [];
    await evaluate(f, [{ input: 7 }], { evaluators: { spy: ({ output }) => (outputs.push(output), 0) } });
    expect(outputs).toEqual(['a:a:7', 'b:b:7', 'c:c:7']);
  });

  it('with a nested experiment, evaluates every combination of configs', async () => {
    const inner = defineExperiment(
      (x: number, config?: Config<{ add: number }>) => x + config!.add,
      { supervisor: new Supervisor(), configs: [
      { config_id: 'ia', add: 0 },
      { config_id: 'ib', add: 100 },
    ], configParam: 1, name: 'inner' },
    );
    const outer = defineExperiment(
      (x: number, config?: Config<{ k: number }>) => inner(x * config!.k),
      { supervisor: new Supervisor(), configs: [
      { config_id: 'oa', k: 1 },
      { config_id: 'ob', k: 2 },
    ], configParam: 1, name: 'outer' },
    );
    const result = await evaluate(outer, [{ input: 1 }, { input: 2 }], { evaluators: { value: ({ output }) => output } });
    expect(result.configs.map((c) => [c.configId, c.configIds, c.config.config_id, c.metrics.value!.mean])).toEqual([
      ['oa × ia', { outer: 'oa', inner: 'ia' }, 'oa', 1.5],
      ['oa × ib', { outer: 'oa', inner: 'ib' }, 'oa', 101.5],
      ['ob × ia', { outer: 'ob', inner: 'ia' }, 'ob', 3],
      ['ob × ib', { outer: 'ob', inner: 'ib' }, 'ob', 103],
    ]);
  });

  it('works with bound experiments (this and leading arguments)', async () => {
    class Scaler {
      constructor(readonly offset: number) {}
      scale(prefix: string, x: number, config?: Config<{ k: number }>): string {
        return `${prefix}${this.offset + x * config!.k}`;
      }
    }
    const scale = defineExperiment(Scaler.prototype.scale, { supervisor: new Supervisor(), configs: CONFIGS, configParam: 2, name: 'Scaler.scale' });
    const bound = scale.bind(new Scaler(100), '#');
    const outputs: string[] = [];
    await evaluate(bound, [{ input: 1 }], { evaluators: { spy: ({ output }) => (outputs.push(output), 0) } });
    expect(outputs).toEqual(['#101', '#102', '#103']);
  });

  it('is a SpearmintError when called inside an experiment execution', async () => {
    const outer = defineExperiment(
      async (config?: Config) => {
      void config;
      return evaluate(multiply, dataset, { evaluators });
    },
      { supervisor: new Supervisor(), configs: [{ config_id: 'x' }], configParam: 0, name: 'outer' },
    );
    const error = await (outer() as Promise<unknown>).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpearmintError);
    expect(error).toMatchObject({ code: 'SPEARMINT_EVALUATE_IN_EXPERIMENT' });
  });
});
