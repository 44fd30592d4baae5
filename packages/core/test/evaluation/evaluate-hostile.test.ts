/** What the evaluated function throws or returns may be hostile: the evaluation still finishes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, evaluate } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { tempFiles } from '../helpers/temp-files';

const files = tempFiles();

const hostileError = Object.defineProperty({}, 'message', {
  get() {
    throw new Error('message getter');
  },
});
const hostileOutput = {
  toJSON() {
    throw new Error('no JSON');
  },
};

const f = defineExperiment(
  (x: number, config?: Config) => {
    if (config!.config_id === 'bad') throw hostileError;
    return x === 0 ? hostileOutput : x;
  },
  { supervisor: new Supervisor(), configs: [{ config_id: 'good' }, { config_id: 'bad' }], configParam: 1, name: 'f' },
);

it('an error whose message getter throws, and an output that refuses JSON: counted and written, never thrown', async () => {
  const output = join(files({}), 'out.jsonl');
  const result = await evaluate(f, [{ input: 0 }, { input: 1 }], { evaluators: { one: () => 1 }, output });
  const [good, bad] = result.configs;
  expect(good).toMatchObject({ errors: 0, count: 2 });
  expect(bad).toMatchObject({ errors: 2, errorRate: 1, firstError: expect.stringContaining('unprintable') });
  expect(bad!.eligible).toBe(false); // it failed on every record, main on none
  const lines = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  expect(lines).toHaveLength(4);
  expect(lines.find((line) => line.configId === 'good' && line.record === 0).output).toMatch(/^\[not serialisable as JSON: Error: no JSON\]$/);
  expect(lines.find((line) => line.configId === 'bad').error).toEqual({ message: expect.stringContaining('unprintable') });
});
