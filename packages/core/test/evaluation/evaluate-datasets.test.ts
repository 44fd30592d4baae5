import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Config, countDatasetRecords, DatasetError, evaluate } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { tempFiles } from '../helpers/temp-files';

const files = tempFiles();
const double = defineExperiment(
  (x: number, config?: Config<{ k: number }>) => x * config!.k,
  { supervisor: new Supervisor(), configs: [
  { config_id: 'one', k: 1 },
  { config_id: 'two', k: 2 },
], configParam: 1, name: 'double' },
);
const evaluators = { value: ({ output }: { output: number }) => output };
const means = (result: Awaited<ReturnType<typeof evaluate>>) => result.configs.map((c) => [c.configId, c.count, c.metrics.value?.mean]);

describe('evaluate() datasets', () => {
  it('an async iterable, read one record at a time', async () => {
    async function* records() {
      for (let x = 1; x <= 3; x++) {
        await new Promise((resolve) => setImmediate(resolve));
        yield { input: x };
      }
    }
    expect(means(await evaluate(double, records(), { evaluators }))).toEqual([['one', 3, 2], ['two', 3, 4]]);
  });

  it('a sync iterable (a generator, a Set)', async () => {
    function* records() {
      yield { input: 10 };
      yield { input: [20] as const };
    }
    expect(means(await evaluate(double, records(), { evaluators }))).toEqual([['one', 2, 15], ['two', 2, 30]]);
    expect(means(await evaluate(double, new Set([{ input: 4 }]), { evaluators }))).toEqual([['one', 1, 4], ['two', 1, 8]]);
  });

  it('a JSONL file by path or URL, line by line; blank lines and a BOM are skipped', async () => {
    const dir = files({ 'data.jsonl': '\uFEFF{"input": 1}\n\n{"input": [2], "expected": 4}\r\n   \n{"id": "x", "input": 3}' });
    const file = join(dir, 'data.jsonl');
    expect(means(await evaluate(double, file, { evaluators }))).toEqual([['one', 3, 2], ['two', 3, 4]]);
    expect(means(await evaluate(double, pathToFileURL(file), { evaluators }))).toEqual([['one', 3, 2], ['two', 3, 4]]);
    expect(await countDatasetRecords(file)).toBe(3);
  });

  it('a relative path resolves against the working directory', async () => {
    const dir = files({ 'rel.jsonl': '{"input": 5}\n' });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(means(await evaluate(double, 'rel.jsonl', { evaluators }))).toEqual([['one', 1, 5], ['two', 1, 10]]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a line that is not JSON is a DatasetError naming the file and the line', async () => {
    const dir = files({ 'bad.jsonl': '{"input": 1}\n\n{"input": 2,}\n' });
    const error = await evaluate(double, join(dir, 'bad.jsonl'), { evaluators }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('SPEARMINT_DATASET');
    expect((error as Error).message).toMatch(new RegExp(`^Cannot read the evaluation dataset at file ${escape(join(dir, 'bad.jsonl'))}, line 3: the line is not valid JSON \\(.+\\)\\. Each line must hold one JSON record`));
  });

  it('a record without `input` is a DatasetError naming its position', async () => {
    const dir = files({ 'no-input.jsonl': '{"input": 1}\n{"inputs": [2]}\n' });
    await expect(evaluate(double, join(dir, 'no-input.jsonl'), { evaluators })).rejects.toThrow(
      `Cannot read the evaluation dataset at file ${join(dir, 'no-input.jsonl')}, line 2: expected a record object with an "input" key`,
    );
    await expect(evaluate(double, [{ input: 1 }, 42] as never, { evaluators })).rejects.toThrow(
      'Cannot read the evaluation dataset at dataset[1]: expected a record object with an "input" key (the call\'s argument list as an array, or its single argument) and optionally "expected" and "id", got 42 (number).',
    );
    await expect(evaluate(double, [{ input: 1, id: {} }] as never, { evaluators })).rejects.toThrow('at dataset[0]: expected "id" to be a string or a number, got an object.');
  });

  it('a missing file or a directory is a DatasetError that says what to do', async () => {
    const dir = files({ 'x.jsonl': '' });
    await expect(evaluate(double, join(dir, 'nope.jsonl'), { evaluators })).rejects.toThrow(
      new RegExp(`^Cannot read the evaluation dataset at file ${escape(join(dir, 'nope.jsonl'))}: there is no such file\\. Relative paths resolve against the working directory`),
    );
    await expect(evaluate(double, dir, { evaluators })).rejects.toThrow(`at file ${dir}: it is not a file. Give the path of a JSONL file`);
  });

  it('an empty dataset gives an empty result', async () => {
    const dir = files({ 'empty.jsonl': '\n\n' });
    const result = await evaluate(double, join(dir, 'empty.jsonl'), { evaluators });
    expect(result).toMatchObject({ records: 0, configs: [], metrics: [], best: {} });
  });

  it('anything else is a TypeError', async () => {
    await expect(evaluate(double, 42 as never, { evaluators })).rejects.toThrow(
      new TypeError('Expected the dataset to be an array, an iterable or async iterable of records, or the path (string or URL) of a JSONL file, got 42 (number).'),
    );
  });

  it('limit: reads no further than the first `limit` records and closes the source', async () => {
    let pulled = 0;
    let closed = false;
    function* endless() {
      try {
        for (let x = 1; ; x++) {
          pulled++;
          yield { input: x };
        }
      } finally {
        closed = true;
      }
    }
    const result = await evaluate(double, endless(), { evaluators, limit: 10, concurrency: 3 });
    expect(result.records).toBe(10);
    expect(pulled).toBe(10);
    expect(closed).toBe(true);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
