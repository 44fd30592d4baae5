/**
 * Sharding through the CLI, as CI jobs run it: `spearmint eval --shard i/n --save-run
 * --records` on each machine, then `spearmint merge` gives exactly the unsharded run, with nested
 * experiments and repeats. Then the merge's checks: missing, repeated or foreign shards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationResult } from '@spearmint/decorators';
import { fixture, runCliProcess } from './helpers/run-cli-process';

const NESTED = fixture('nested.evaluation.ts');
jest.setTimeout(60_000);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'spearmint-shards-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What an unsharded run and a merge must agree on exactly: all but the clock and the shard bookkeeping. */
function comparable(stdout: string): unknown {
  const { durationMs: _d, shard: _s, state: _st, thresholds: _t, ...rest } = JSON.parse(stdout) as EvaluationResult & { thresholds?: unknown };
  return { ...rest, configs: rest.configs.map(({ latency: _l, ...config }) => config) };
}

const shardFiles = (n: number) => Array.from({ length: n }, (_, i) => join(tmp, `shard-${i + 1}.json`));
const recordFiles = (n: number) => Array.from({ length: n }, (_, i) => join(tmp, `shard-${i + 1}.jsonl`));

describe('spearmint eval --shard i/n, then spearmint merge', () => {
  let whole: string;
  beforeAll(async () => {
    const run = await runCliProcess(['eval', NESTED, '--json']);
    expect(run.code).toBe(0);
    whole = run.stdout;
    const shards = await Promise.all(
      [1, 2, 3].map((i) => runCliProcess(['eval', NESTED, '--shard', `${i}/3`, '--save-run', shardFiles(3)[i - 1]!, '--records', recordFiles(3)[i - 1]!])),
    );
    for (const shard of shards) expect(shard.code).toBe(0);
    expect(shards[1]!.stdout.split('\n')[0]).toMatch(/^outer: 15 record\(s\) x 4 config\(s\), 3 repeats in \d+\.\d\d s \(shard 2\/3\)$/);
    expect(shards[0]!.stderr).toContain('thresholds closeness: checked by spearmint merge on the whole dataset');
  });

  it('the merge equals the unsharded run: counts, means, error rates, intervals, paired comparisons (nested experiments, 3 repeats)', async () => {
    const merged = await runCliProcess(['merge', ...shardFiles(3), '--json']);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('merged 3 shard(s): 45 record(s)');
    const result = JSON.parse(merged.stdout) as EvaluationResult;
    expect(result.records).toBe(45);
    expect(result.configs.map((c) => [c.configId, c.count])).toEqual([['oa × ia', 135], ['oa × ib', 135], ['ob × ia', 135], ['ob × ib', 135]]);
    expect(result.configs.some((c) => c.errors > 0)).toBe(true);
    expect(result).not.toHaveProperty('state');
    expect(comparable(merged.stdout)).toEqual(comparable(whole)); // exact, to the last bit of every float
  });

  it('checks the thresholds the shards carried (and --threshold) on the merged result; writes the report with the records from --records', async () => {
    const report = join(tmp, 'merged.html');
    const merged = await runCliProcess(['merge', ...shardFiles(3), '--records', ...recordFiles(3), '--out', report, '--report-records', 'all', '--threshold', 'parts.p=0.99']);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/threshold closeness >= 0\.001: best config '.+' has \S+ \(errors \S+\) - met/);
    expect(merged.stderr).toMatch(/threshold parts\.p >= 0\.99: .* - NOT MET/);
    const html = readFileSync(report, 'utf8');
    expect(html.match(/<tr data-record-id=/g)).toHaveLength(45);
    expect(html).toContain('45 record(s) × 4 config(s), each record 3 times');
  });

  it('--save-run of a merge saves the whole run (no state: it is complete)', async () => {
    const saved = join(tmp, 'merged.json');
    expect((await runCliProcess(['merge', ...shardFiles(3), '--save-run', saved])).code).toBe(0);
    const run = JSON.parse(readFileSync(saved, 'utf8'));
    expect(run.records).toBe(45);
    expect(run).not.toHaveProperty('state');
  });

  it('usage errors: a missing shard, a shard given twice, a run that is not a shard, a file that is not JSON', async () => {
    const [one, two, three] = shardFiles(3);
    const missing = await runCliProcess(['merge', one!, three!]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('spearmint: The shards given cover 1, 3 of 3: shard(s) 2/3 missing.');
    const twice = await runCliProcess(['merge', one!, two!, three!, two!]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${two} (shard 2/3) and ${two} (shard 2/3) hold the same records (shard 2/3): merging them would count those records twice.`);
    const unsharded = join(tmp, 'unsharded.json');
    expect((await runCliProcess(['eval', NESTED, '--limit', '3', '--save-run', unsharded])).code).toBe(0);
    const notShard = await runCliProcess(['merge', unsharded]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain(`${unsharded} has no \`state\`: only the result of a shard can be merged.`);
    const text = join(tmp, 'text.json');
    writeFileSync(text, 'not json');
    expect((await runCliProcess(['merge', text])).stderr).toContain(`${text} is not JSON`);
    expect((await runCliProcess(['merge'])).stderr).toContain('Missing the shards: spearmint merge <shard.json>...');
    expect((await runCliProcess(['eval', NESTED, '--shard', '4/3'])).stderr).toContain("--shard expects i/n with 1 <= i <= n, such as --shard 2/8 (the second of 8 shards); got '4/3'.");
  });
});
