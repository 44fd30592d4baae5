import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, evaluate, EvaluationAbortedError, EvaluationOutputError, type RecordResult } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { tempFiles } from '../helpers/temp-files';

const files = tempFiles();
const CONFIGS = [
  { config_id: 'a', k: 1 },
  { config_id: 'b', k: 2 },
  { config_id: 'c', k: 3 },
];
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const evaluators = { value: ({ output }: { output: number }) => output };

describe('evaluate(): concurrency, repeat, abort, output', () => {
  it('keeps at most `concurrency` records in flight, and reads the next record only when one finishes', async () => {
    let active = 0;
    let maxActive = 0;
    const slow = defineExperiment(
      async (x: number, config?: Config<{ k: number }>) => {
      if (config!.k === 1) maxActive = Math.max(maxActive, ++active); // one main execution per record
      await tick(2 + (x % 3));
      if (config!.k === 1) active--;
      return x * config!.k;
    },
      { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'slow' },
    );
    let pulled = 0;
    let finished = 0;
    let maxAhead = 0;
    function* records() {
      for (let x = 0; x < 30; x++) {
        pulled++;
        maxAhead = Math.max(maxAhead, pulled - finished);
        yield { input: x };
      }
    }
    const result = await evaluate(slow, records(), { evaluators, concurrency: 4, onRecord: () => void finished++ });
    expect(result.records).toBe(30);
    expect(maxActive).toBe(4);
    expect(maxAhead).toBeLessThanOrEqual(4);
  });

  it('concurrency 1 runs records one after another, in dataset order', async () => {
    const order: number[] = [];
    const f = defineExperiment(async (x: number, config?: Config) => (await tick(1), config!.config_id + x), { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    await evaluate(f, [3, 1, 2].map((x) => ({ input: x })), { evaluators: {}, concurrency: 1, onRecord: (r) => void order.push(r.record.input as number) });
    expect(order).toEqual([3, 1, 2]);
  });

  it('repeat: every record runs `repeat` times with every config', async () => {
    let calls = 0;
    const f = defineExperiment((x: number, config?: Config<{ k: number }>) => (calls++, x * config!.k), { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    const records: RecordResult<number>[] = [];
    const result = await evaluate(f, [{ input: 1 }, { input: 2 }], { evaluators, repeat: 3, onRecord: (r) => void records.push(r) });
    expect(calls).toBe(2 * 3 * 3);
    expect(result).toMatchObject({ records: 2, repeat: 3 });
    expect(result.configs.map((c) => c.count)).toEqual([6, 6, 6]);
    const first = records.find((r) => r.index === 0)!;
    expect(first.executions.map((e) => [e.repeat, e.configId])).toEqual([
      [0, 'a'], [0, 'b'], [0, 'c'], [1, 'a'], [1, 'b'], [1, 'c'], [2, 'a'], [2, 'b'], [2, 'c'],
    ]);
  });

  it('signal: no record starts after the abort; the records in flight finish; rejects with the partial result', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const f = defineExperiment(
      async (x: number, config?: Config<{ k: number }>) => {
      if (config!.k === 1) started.push(x);
      await tick(3);
      return x;
    },
      { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' },
    );
    let startedAtAbort = -1;
    const records = Array.from({ length: 100 }, (_, x) => ({ input: x }));
    const error = await evaluate(f, records, {
      evaluators,
      concurrency: 3,
      signal: controller.signal,
      onRecord: (r) => {
        if (r.index === 4) {
          controller.abort(new Error('enough'));
          startedAtAbort = started.length;
        }
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationAbortedError);
    const aborted = error as EvaluationAbortedError;
    expect(aborted.code).toBe('SPEARMINT_EVALUATION_ABORTED');
    expect(aborted.cause).toEqual(new Error('enough'));
    expect(started.length).toBe(startedAtAbort);
    expect(aborted.partial.records).toBe(started.length); // every started record finished and counted
    expect(aborted.partial.records).toBeGreaterThanOrEqual(5);
    expect(aborted.partial.records).toBeLessThanOrEqual(5 + 2);
    expect(aborted.partial.configs.map((c) => c.count)).toEqual([started.length, started.length, started.length]);
    expect(aborted.message).toBe(`The evaluation of 'f' was aborted after ${started.length} record(s); the result over those records is in \`error.partial\`.`);
  });

  it('an already aborted signal rejects before any call', async () => {
    let calls = 0;
    const f = defineExperiment((x: number, config?: Config) => (calls++, x + config!.config_id), { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    const error = await evaluate(f, [{ input: 1 }], { evaluators: {}, signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationAbortedError);
    expect((error as EvaluationAbortedError).partial.records).toBe(0);
    expect(calls).toBe(0);
  });

  it('output: one JSONL line per record x config x repeat, with input, expected, output, error and metrics', async () => {
    const f = defineExperiment(
      (x: number, config?: Config<{ k: number }>) => {
      if (config!.k === 2 && x === 2) throw new TypeError('no twos');
      return x * config!.k;
    },
      { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' },
    );
    const file = join(files({}), 'results.jsonl');
    await evaluate(f, [{ id: 'first', input: 1, expected: 1 }, { input: [2] }], { evaluators, output: file, repeat: 2 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2 * 3 * 2);
    const sorted = [...lines].sort((x, y) => x.record - y.record || x.repeat - y.repeat || x.configId.localeCompare(y.configId));
    expect(sorted[0]).toEqual({ record: 0, id: 'first', repeat: 0, configId: 'a', ok: true, durationMs: expect.any(Number), input: 1, expected: 1, output: 1, metrics: { value: 1 } });
    expect(sorted.find((l) => l.record === 1 && l.configId === 'b')).toEqual({
      record: 1, id: 1, repeat: 0, configId: 'b', ok: false, durationMs: expect.any(Number), input: [2],
      error: { name: 'TypeError', message: 'no twos' }, metrics: {},
    });
  });

  it('output: back-pressure keeps many large lines flowing into the file, complete', async () => {
    const big = 'x'.repeat(20_000);
    const f = defineExperiment((x: number, config?: Config) => `${config!.config_id}${x}${big}`, { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    const file = join(files({}), 'big.jsonl');
    await evaluate(f, Array.from({ length: 200 }, (_, x) => ({ input: x })), { evaluators: {}, output: file, concurrency: 8 });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(600);
    expect(new Set(lines.map((l) => JSON.parse(l).output.length))).toEqual(new Set([20_002, 20_003, 20_004]));
  });

  it('output in a directory that does not exist is an EvaluationOutputError, before any call', async () => {
    let calls = 0;
    const f = defineExperiment((x: number, config?: Config) => (calls++, x + config!.config_id), { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    const file = join(files({}), 'missing', 'out.jsonl');
    const error = await evaluate(f, [{ input: 1 }], { evaluators: {}, output: file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvaluationOutputError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot write the per-record results to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
    expect(calls).toBe(0);
  });

  it('what onRecord throws fails the evaluation, after the records in flight', async () => {
    const f = defineExperiment(async (x: number, config?: Config) => (await tick(1), x + config!.config_id), { supervisor: new Supervisor(), configs: CONFIGS, configParam: 1, name: 'f' });
    const problem = new Error('consumer failed');
    await expect(
      evaluate(f, Array.from({ length: 20 }, (_, x) => ({ input: x })), {
        evaluators: {},
        onRecord: (r) => {
          if (r.index === 2) throw problem;
        },
      }),
    ).rejects.toBe(problem);
  });
});
