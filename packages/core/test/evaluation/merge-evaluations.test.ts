import { type Config, evaluate, EvaluationMergeError, type EvaluationResult, mergeEvaluations, RESERVOIR_SIZE, type Shard } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { errorOf } from '../helpers/error-of';
import { comparable } from './helpers/comparable-result';

// Shards must merge into exactly the unsharded result. The evaluated function nests another
// experiment (2 × 2 combinations), runs every record 3 times with outputs that change between
// repetitions, fails on some records, and its evaluators give floats, sub-metrics and failures.

const calls = new Map<string, number>();

const inner = defineExperiment((config?: Config<{ k: number }>) => config!.k, {
  supervisor: new Supervisor(),
  name: 'inner',
  configs: [
    { config_id: 'ia', k: 0.1 },
    { config_id: 'ib', k: 0.7 },
  ],
  configParam: 0,
});

const outer = defineExperiment(
  async function outer(x: number, config?: Config<{ m: number }>): Promise<number> {
    const k = inner();
    const key = `${x} ${config!.config_id} ${k}`;
    const call = (calls.get(key) ?? 0) + 1; // which repetition of this record and case
    calls.set(key, call);
    await new Promise((resolve) => setTimeout(resolve, x % 3)); // records finish out of order
    if ((x * 7 + call) % 11 === 0 && config!.m > 1) throw new Error(`no ${x} (call ${call})`);
    return Math.sin(x * config!.m + k * call) * 1e3 + x / 3;
  },
  {
    supervisor: new Supervisor(),
    configs: [
      { config_id: 'oa', m: 1 },
      { config_id: 'ob', m: 2.3 },
    ],
    configParam: 1,
  },
);

const RECORDS = 57;
const dataset = Array.from({ length: RECORDS }, (_, x) => ({ id: `r${x}`, input: x, expected: x / 2 }));
const evaluators = {
  closeness: ({ output, expected }: { output: number; expected: number | undefined }) => 1 / (1 + Math.abs(output - expected!)),
  size: { better: 'lower' as const, score: ({ output }: { output: number }) => Math.abs(output) * 1e-3 + 0.1 },
  parts: ({ output }: { output: number }) => ({ p: output % 1, r: Math.cbrt(output) }),
  picky: ({ output }: { output: number }) => {
    if (output > 900) throw new RangeError(`too big: ${output.toFixed(3)}`);
    return output / 1000;
  },
};

async function run(shard?: Shard, onIndex?: (index: number) => void): Promise<EvaluationResult> {
  calls.clear();
  return evaluate(outer, dataset, { evaluators, repeat: 3, concurrency: 5, ...(shard ? { shard } : {}), onRecord: (record) => onIndex?.(record.index) });
}

/** A result as saved to a file and read back. */
const throughJson = (result: EvaluationResult): EvaluationResult => JSON.parse(JSON.stringify(result));

let whole: EvaluationResult;
beforeAll(async () => {
  whole = await run();
});

describe('mergeEvaluations(): shards merge into exactly the unsharded result', () => {
  it('three shards, saved as JSON and merged, equal one run over every record: counts, means, intervals, paired comparisons, best', async () => {
    const parts = [];
    for (let index = 1; index <= 3; index++) parts.push(throughJson(await run({ index, count: 3 })));
    const merged = mergeEvaluations(parts);
    expect(whole.configs.map((c) => c.configId)).toEqual(['oa × ia', 'oa × ib', 'ob × ia', 'ob × ib']);
    expect(whole.configs.some((c) => c.errors > 0)).toBe(true);
    expect(whole.configs.some((c) => c.evaluatorErrors.picky !== undefined)).toBe(true);
    expect(whole.configs[1]!.metrics.closeness!.vsMain).toBeDefined();
    expect(merged.records).toBe(RECORDS);
    expect(merged.shard).toBeUndefined();
    expect(merged.state).toBeUndefined();
    expect(comparable(merged)).toEqual(comparable(whole)); // exact: sums are exact, so every float agrees to the last bit
  });

  it('every record is in exactly one shard (by position)', async () => {
    const seen: number[] = [];
    for (let index = 1; index <= 4; index++) {
      const part = await run({ index, count: 4 }, (i) => {
        expect(i % 4).toBe(index - 1);
        seen.push(i);
      });
      expect(part.records).toBe(Math.floor((RECORDS - index) / 4) + 1);
      expect(part.shard).toEqual({ count: 4, indices: [index] });
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: RECORDS }, (_, i) => i));
  });

  it('parts of different splits merge when they cover every record once (1/2 + 2/4 + 4/4)', async () => {
    const parts = [await run({ index: 1, count: 2 }), await run({ index: 2, count: 4 }), await run({ index: 4, count: 4 })];
    expect(comparable(mergeEvaluations(parts.map(throughJson)))).toEqual(comparable(whole));
  });

  it('parts that do not cover every record merge into a partial result that merges further', async () => {
    const [one, two, three] = [await run({ index: 1, count: 3 }), await run({ index: 2, count: 3 }), await run({ index: 3, count: 3 })];
    const partial = mergeEvaluations([one!, three!]);
    expect(partial.shard).toEqual({ count: 3, indices: [1, 3] });
    expect(partial.state).toBeDefined();
    expect(partial.records).toBe(one!.records + three!.records);
    expect(comparable(mergeEvaluations([throughJson(partial), throughJson(two!)]))).toEqual(comparable(whole));
  });

  it('latency: mean, min and max merge exactly, and so do p50 and p95 while a config has at most RESERVOIR_SIZE executions', async () => {
    const durations = new Map<string, number[]>();
    const parts: EvaluationResult[] = [];
    for (let index = 1; index <= 2; index++) {
      calls.clear();
      parts.push(
        await evaluate(outer, dataset, {
          evaluators: {},
          shard: { index, count: 2 },
          onRecord: (record) => record.executions.forEach((e) => durations.set(e.configId, [...(durations.get(e.configId) ?? []), e.durationMs])),
        }),
      );
    }
    expect(RECORDS).toBeLessThan(RESERVOIR_SIZE);
    const merged = mergeEvaluations(parts.map(throughJson));
    for (const config of merged.configs) {
      const all = [...durations.get(config.configId)!].sort((a, b) => a - b);
      expect(config.latency.min).toBe(all[0]);
      expect(config.latency.max).toBe(all.at(-1));
      expect(config.latency.p50).toBeCloseTo(quantile(all, 0.5), 12);
      expect(config.latency.p95).toBeCloseTo(quantile(all, 0.95), 12);
      expect(config.latency.mean).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 9);
    }
  });

  it("a config's first error is the earliest record's, whatever order records finish in, and merges so", async () => {
    const failing = defineExperiment(
      async function failing(x: number, config?: Config): Promise<number> {
        await new Promise((resolve) => setTimeout(resolve, (10 - x) * 2)); // later records finish first
        if (config!.config_id === 'b' && x % 4 === 1) throw new Error(`failed on ${x}`);
        return x;
      },
      { supervisor: new Supervisor(), configs: [{ config_id: 'a' }, { config_id: 'b' }], configParam: 1 },
    );
    const records = Array.from({ length: 10 }, (_, x) => ({ input: x }));
    const one = await evaluate(failing, records, { evaluators: {}, concurrency: 10 });
    expect(one.configs[1]!.firstError).toBe('Error: failed on 1');
    const parts = [2, 1].map((index) => evaluate(failing, records, { evaluators: {}, concurrency: 10, shard: { index, count: 2 } }));
    expect(mergeEvaluations(await Promise.all(parts)).configs[1]!.firstError).toBe('Error: failed on 1');
  });
});

describe('mergeEvaluations(): parts that do not make one evaluation', () => {
  let parts: EvaluationResult[];
  beforeAll(async () => {
    parts = [await run({ index: 1, count: 2 }), await run({ index: 2, count: 2 })].map(throughJson);
  });

  it('two parts holding the same records: an EvaluationMergeError naming both', async () => {
    const overlapping = throughJson(await run({ index: 3, count: 4 })); // inside shard 1/2
    const error = errorOf(() => mergeEvaluations([parts[0]!, overlapping], { labels: ['shard-1.json', 'shard-3.json'] }));
    expect(error).toBeInstanceOf(EvaluationMergeError);
    expect(error).toMatchObject({ code: 'SPEARMINT_EVALUATION_MERGE', part: 1 });
    expect(error.message).toBe(
      'shard-1.json (shard 1/2) and shard-3.json (shard 3/4) hold the same records (shard 3/4): merging them would count those records twice. Give each shard once.',
    );
  });

  it('a part without state (an unsharded run), or with a damaged state', () => {
    expect(() => mergeEvaluations([parts[0]!, { ...whole }])).toThrow(/^parts\[1\] has no `state`: only the result of a shard can be merged/);
    const state = parts[1]!.state!;
    const damaged = { ...parts[1]!, state: { ...state, configs: [{ ...state.configs[0]!, configId: 3 }] } } as unknown as EvaluationResult;
    expect(() => mergeEvaluations([parts[0]!, damaged])).toThrow("parts[1] is not a shard result this version of Spearmint can merge (state.configs[0].configId: expected a string, got 3).");
    expect(() => mergeEvaluations([{ state: 'x' } as never])).toThrow('parts[0] is not a shard result this version of Spearmint can merge (state: expected an object, got "x").');
    expect(() => mergeEvaluations([])).toThrow(TypeError);
  });

  it('parts of another experiment, repeat count or set of configs', () => {
    const other = (change: (state: Record<string, unknown>) => void) => {
      const part = throughJson(parts[1]!) as unknown as { state: Record<string, unknown> };
      change(part.state);
      return part as unknown as EvaluationResult;
    };
    expect(() => mergeEvaluations([parts[0]!, other((s) => (s.experiment = 'other'))])).toThrow(
      'parts[1] and parts[0] are not shards of one evaluation: their experiments differ ("other" vs "outer").',
    );
    expect(() => mergeEvaluations([parts[0]!, other((s) => (s.repeat = 1))])).toThrow('their repeat counts differ (1 vs 3)');
    expect(() => mergeEvaluations([parts[0]!, other((s) => (s.configs = (s.configs as unknown[]).slice(0, 3)))])).toThrow('their configs differ');
  });
});

function quantile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  return sorted[lower]! + (sorted[Math.ceil(position)]! - sorted[lower]!) * (position - lower);
}
