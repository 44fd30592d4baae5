import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, type ConfigSource, evaluate, EvaluationCacheError, type EvaluationResult, type ExecutionResult } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { tempFiles } from '../helpers/temp-files';
import { comparable } from './helpers/comparable-result';

const files = tempFiles();
const dataset = Array.from({ length: 12 }, (_, x) => ({ input: x, expected: x * 2 }));
const evaluators = { close: ({ output, expected }: { output: unknown; expected: number | undefined }) => 1 / (1 + Math.abs(Number(output) - expected!)) };

/** An experiment named `scale` that counts its calls per config_id. */
function scale(configs: readonly ConfigSource[], calls: Map<string, number>, body: (x: number, k: number) => unknown = (x, k) => x * k) {
  return defineExperiment(
    async function scale(x: number, config?: Config<{ k: number }>): Promise<unknown> {
      calls.set(config!.config_id, (calls.get(config!.config_id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, x % 2));
      return body(x, config!.k);
    },
    { supervisor: new Supervisor(), configs, configParam: 1 },
  );
}

const withoutCache = (result: EvaluationResult) => {
  const data = comparable(result) as { configs: Record<string, unknown>[] };
  for (const config of data.configs) delete config.cache;
  return data;
};
const total = (calls: Map<string, number>) => [...calls.values()].reduce((a, b) => a + b, 0);

describe('evaluate({ cache })', () => {
  it('a second run calls the function 0 times and gives the same result, latencies included (each execution keeps its recorded durationMs)', async () => {
    const dir = join(files({}), 'cache');
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'a', k: 2 }, { config_id: 'b', k: 3 }], calls);
    const first = await evaluate(fn, dataset, { evaluators, cache: dir, concurrency: 4 });
    expect(total(calls)).toBe(24);
    expect(first.configs.map((c) => c.cache)).toEqual([{ hits: 0, misses: 12, uncacheable: 0 }, { hits: 0, misses: 12, uncacheable: 0 }]);
    calls.clear();
    const executions: ExecutionResult[] = [];
    const second = await evaluate(fn, dataset, { evaluators, cache: { dir }, concurrency: 4, onRecord: (r) => void executions.push(...r.executions) });
    expect(total(calls)).toBe(0);
    expect(second.configs.map((c) => c.cache)).toEqual([{ hits: 12, misses: 0, uncacheable: 0 }, { hits: 12, misses: 0, uncacheable: 0 }]);
    expect(executions.every((e) => e.cache === 'hit')).toBe(true);
    expect(withoutCache(second)).toEqual(withoutCache(first));
    expect(second.configs.map((c) => c.latency)).toEqual(first.configs.map((c) => c.latency));
  });

  it('a run with one new config calls only that config; a changed config has a new config_id, so it misses by construction', async () => {
    const dir = files({});
    const calls = new Map<string, number>();
    await evaluate(scale([{ k: 2 }, { k: 3 }], calls), dataset, { evaluators, cache: dir });
    const [two, three] = [...calls.keys()];
    calls.clear();
    const added = await evaluate(scale([{ k: 2 }, { k: 3 }, { k: 4 }], calls), dataset, { evaluators, cache: dir });
    expect([...calls]).toEqual([[added.configs[2]!.configId, 12]]);
    expect(added.configs.map((c) => c.cache!.hits)).toEqual([12, 12, 0]);
    calls.clear();
    const changed = await evaluate(scale([{ k: 2 }, { k: 3.5 }], calls), dataset, { evaluators, cache: dir });
    expect(changed.configs[0]!.configId).toBe(two);
    expect(changed.configs[1]!.configId).not.toBe(three);
    expect([...calls]).toEqual([[changed.configs[1]!.configId, 12]]);
  });

  it('repeats are cached apart (the repetition index is in the key)', async () => {
    const dir = files({});
    const calls = new Map<string, number>();
    let n = 0;
    const fn = scale([{ config_id: 'a', k: 1 }], calls, () => ++n); // every call gives a new value
    const first = await evaluate(fn, dataset.slice(0, 3), { evaluators: { value: ({ output }) => output as number }, repeat: 2, cache: dir, concurrency: 1 });
    const second = await evaluate(fn, dataset.slice(0, 3), { evaluators: { value: ({ output }) => output as number }, repeat: 2, cache: dir, concurrency: 1 });
    expect(n).toBe(6);
    expect(second.configs[0]!.metrics.value).toEqual(first.configs[0]!.metrics.value);
    expect(first.configs[0]!.metrics.value).toMatchObject({ min: 1, max: 6, count: 6 });
  });

  it('outputs that are not JSON data, and failures, are not cached: counted, and called again next time', async () => {
    const dir = files({});
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'date', k: 0 }, { config_id: 'fails', k: -1 }, { config_id: 'nested-undefined', k: 1 }], calls, (x, k) => {
      if (k === 0) return new Date(x);
      if (k < 0) throw new Error('no');
      return { x, note: undefined };
    });
    for (let run = 0; run < 2; run++) {
      const result = await evaluate(fn, dataset.slice(0, 4), { evaluators: {}, cache: dir });
      expect(result.configs.map((c) => [c.configId, c.cache])).toEqual([
        ['date', { hits: 0, misses: 4, uncacheable: 4 }],
        ['fails', { hits: 0, misses: 4, uncacheable: 0 }],
        ['nested-undefined', { hits: 0, misses: 4, uncacheable: 4 }],
      ]);
    }
    expect(total(calls)).toBe(24);
  });

  it('an input that is not JSON data (a throwing getter) runs uncached and the evaluation goes on', async () => {
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'a', k: 1 }], calls, () => 'ok');
    const hostile = { get boom(): number { throw new Error('getter'); } };
    const records = [{ input: [hostile] }, { input: 1 }] as unknown as { input: number }[];
    const result = await evaluate(fn, records, { evaluators: {}, cache: files({}) });
    expect(result.configs[0]!.cache).toEqual({ hits: 0, misses: 2, uncacheable: 1 });
    expect(result.configs[0]!.errors).toBe(0);
  });

  it("mode 'read' never writes, 'write' always calls and writes, 'off' uses no cache", async () => {
    const dir = join(files({}), 'c');
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'a', k: 2 }], calls);
    await evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'read' } });
    expect(existsSync(dir)).toBe(false);
    await evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'write' } });
    await evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'write' } });
    expect(total(calls)).toBe(36);
    calls.clear();
    const read = await evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'read' } });
    expect(read.configs[0]!.cache).toEqual({ hits: 12, misses: 0, uncacheable: 0 });
    const off = await evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'off' } });
    expect(off.configs[0]!.cache).toBeUndefined();
    expect(total(calls)).toBe(12);
  });

  it('writes the cache status in the per-record output', async () => {
    const dir = files({});
    const output = join(dir, 'out.jsonl');
    const fn = scale([{ config_id: 'a', k: 2 }], new Map());
    await evaluate(fn, dataset.slice(0, 2), { evaluators, cache: join(dir, 'cache'), output });
    await evaluate(fn, dataset.slice(0, 2), { evaluators, cache: join(dir, 'cache'), output });
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.cache)).toEqual(['hit', 'hit']);
  });

  it('an unusable directory is an EvaluationCacheError naming it, before any record runs; bad options are TypeErrors', async () => {
    const dir = files({ 'a-file': 'x' });
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'a', k: 2 }], calls);
    const error = await evaluate(fn, dataset, { evaluators, cache: join(dir, 'a-file') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationCacheError);
    expect((error as Error).message).toContain(`The evaluation cache directory ${join(dir, 'a-file')} cannot be created or written`);
    expect(total(calls)).toBe(0);
    await expect(evaluate(fn, dataset, { evaluators, cache: { dir, mode: 'sometimes' as 'read' } })).rejects.toThrow(
      "Expected the cache `mode` to be 'read-write', 'read', 'write', 'off', got \"sometimes\" (string).",
    );
    await expect(evaluate(fn, dataset, { evaluators, cache: 42 as unknown as string })).rejects.toThrow(TypeError);
  });

  it('a damaged entry is a miss, and is written anew', async () => {
    const dir = files({});
    const calls = new Map<string, number>();
    const fn = scale([{ config_id: 'a', k: 2 }], calls);
    await evaluate(fn, dataset.slice(0, 1), { evaluators, cache: dir });
    const content = join(dir, 'content-v2');
    for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) writeFileSync(join(entry.parentPath, entry.name), 'garbage');
    }
    const again = await evaluate(fn, dataset.slice(0, 1), { evaluators, cache: dir });
    expect(again.configs[0]!.cache).toEqual({ hits: 0, misses: 1, uncacheable: 0 });
    expect(total(calls)).toBe(2);
  });
});

describe('evaluate({ cache }) with nested experiments', () => {
  const innerCalls = new Map<string, number>();
  const outerCalls = new Map<string, number>();
  const makeInner = (configs: readonly ConfigSource[]) =>
    defineExperiment(
      (config?: Config<{ k: number }>) => {
        innerCalls.set(config!.config_id, (innerCalls.get(config!.config_id) ?? 0) + 1);
        return config!.k;
      },
      { supervisor: new Supervisor(), name: 'inner', configs, configParam: 0 },
    );
  const makeOuter = (inner: () => number) =>
    defineExperiment(
      async (x: number, config?: Config<{ m: number }>) => {
        outerCalls.set(config!.config_id, (outerCalls.get(config!.config_id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return x * config!.m + inner();
      },
      { supervisor: new Supervisor(), name: 'outer', configs: [{ config_id: 'oa', m: 1 }, { config_id: 'ob', m: 10 }], configParam: 1 },
    );

  it('keys every experiment of the case: a rerun in a new evaluation calls main once (to learn the nested experiments), then hits; a changed inner config misses', async () => {
    const dir = files({});
    const outer = makeOuter(makeInner([{ config_id: 'ia', k: 0.5 }, { config_id: 'ib', k: 0.25 }]));
    const first = await evaluate(outer, dataset, { evaluators, cache: dir, concurrency: 4 });
    expect(first.configs.map((c) => c.configId)).toEqual(['oa × ia', 'oa × ib', 'ob × ia', 'ob × ib']);
    expect(first.configs.map((c) => c.cache)).toEqual(Array(4).fill({ hits: 0, misses: 12, uncacheable: 0 }));
    outerCalls.clear();
    const second = await evaluate(outer, dataset, { evaluators, cache: dir, concurrency: 4 });
    expect([...outerCalls]).toEqual([['oa', 1]]);
    expect(second.configs.map((c) => c.cache)).toEqual([{ hits: 11, misses: 1, uncacheable: 0 }, ...Array(3).fill({ hits: 12, misses: 0, uncacheable: 0 })]);
    expect(withoutCache(second)).toEqual(withoutCache(first));

    outerCalls.clear();
    innerCalls.clear();
    const changed = makeOuter(makeInner([{ config_id: 'ia', k: 0.5 }, { config_id: 'ic', k: 2 }]));
    const third = await evaluate(changed, dataset, { evaluators, cache: dir, concurrency: 4 });
    expect(third.configs.map((c) => [c.configId, c.cache!.hits])).toEqual([
      ['oa × ia', 11],
      ['oa × ic', 0],
      ['ob × ia', 12],
      ['ob × ic', 0],
    ]);
    expect(innerCalls.get('ic')).toBe(24);
  });
});
