/**
 * `spearmint eval --workers N`: worker threads (piscina), each loading the definition file
 * through tsx; the result is the one a single thread gives, and --records gets every line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationResult } from '@spearmint/decorators';
import { fixture, runCliProcess } from './helpers/run-cli-process';

jest.setTimeout(60_000);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'spearmint-workers-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function comparable(stdout: string): unknown {
  const { durationMs: _d, ...rest } = JSON.parse(stdout) as EvaluationResult;
  return { ...rest, configs: rest.configs.map(({ latency: _l, ...config }) => config) };
}

describe('spearmint eval --workers N', () => {
  it.each([['numbers.evaluation.ts'], ['nested.evaluation.ts']])('%s: 2 workers give exactly the single-thread result', async (name) => {
    const records = join(tmp, `${name}.jsonl`);
    const [single, workers] = await Promise.all([
      runCliProcess(['eval', fixture(name), '--json']),
      runCliProcess(['eval', fixture(name), '--json', '--workers', '2', '--records', records]),
    ]);
    expect({ code: workers.code, stderr: workers.stderr.split('\n').filter((l) => l.startsWith('spearmint')) }).toEqual({ code: single.code, stderr: [] });
    expect(comparable(workers.stdout)).toEqual(comparable(single.stdout));
    const result = JSON.parse(single.stdout) as EvaluationResult;
    const lines = readFileSync(records, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { record: number });
    expect(lines).toHaveLength(result.records * result.repeat * result.configs.length);
    expect(new Set(lines.map((line) => line.record)).size).toBe(result.records);
    expect(workers.stderr).toContain(`evaluated ${result.records}/${result.records} records (100%)`);
  });

  it('with --shard: the workers split the shard, and the saved shards still merge into the whole', async () => {
    const name = fixture('nested.evaluation.ts');
    const files = [1, 2].map((i) => join(tmp, `w-shard-${i}.json`));
    const shards = await Promise.all(files.map((file, i) => runCliProcess(['eval', name, '--shard', `${i + 1}/2`, '--workers', '2', '--save-run', file])));
    shards.forEach((shard) => expect(shard.code).toBe(0));
    expect(JSON.parse(readFileSync(files[0]!, 'utf8')).shard).toEqual({ count: 2, indices: [1] });
    const [merged, single] = await Promise.all([runCliProcess(['merge', ...files, '--json']), runCliProcess(['eval', name, '--json'])]);
    expect(comparable(merged.stdout)).toEqual(comparable(single.stdout));
  });

  it('a mistake only a record can show (an unknown sub-metric) stops every worker: exit 2, as in one thread', async () => {
    const { code, stderr } = await runCliProcess(['eval', fixture('nested.evaluation.ts'), '--workers', '2', '--threshold', 'parts.x=1']);
    expect(code).toBe(2);
    expect(stderr).toContain("spearmint: Unknown metric 'parts.x' in the threshold parts.x (--threshold or the definition's thresholds): evaluator 'parts' gives 'parts.p', 'parts.r'.");
  });

  it('a dataset that cannot be read fails with exit 3, as in one thread', async () => {
    const { code, stderr } = await runCliProcess(['eval', fixture('bad-dataset.evaluation.ts'), '--workers', '2']);
    expect(code).toBe(3);
    expect(stderr).toMatch(/spearmint eval: the evaluation failed: .*DatasetError: Cannot read the evaluation dataset at file \S+bad\.jsonl, line 2/);
  });
});
