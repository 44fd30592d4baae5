/**
 * `spearmint eval` as a user runs it: a child process through tsx (no build), checking exit
 * codes, the table, --json, --limit, --threshold, the progress lines and the usage errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationResult } from '@spearmint/decorators';
import { fixture, runCliProcess } from './helpers/run-cli-process';

const NUMBERS = fixture('numbers.evaluation.ts');
// Each test starts Node processes (or a browser page); generous on a loaded CI machine.
jest.setTimeout(30_000);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'spearmint-cli-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const json = (stdout: string) => JSON.parse(stdout) as EvaluationResult & { thresholds?: unknown[] };

describe('spearmint eval <file>', () => {
  it('prints the comparison table: config_id, config values, each metric (* best), error rate, p50, p95', async () => {
    const { code, stdout, stderr } = await runCliProcess(['eval', NUMBERS]);
    expect({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('evaluated ')) }).toEqual({
      code: 0,
      stderr: ["threshold score >= 0.5: best config 'c' has 0.800 - met", ''],
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^score: 10 record\(s\) x 3 config\(s\) in \d+\.\d\d s$/);
    expect(lines[2]).toMatch(/^config_id\s+config\s+score\s+cost\s+errors\s+p50 ms\s+p95 ms$/);
    expect(lines[4]).toMatch(/^a\s+level=0\.2, cost=1\s+0\.200\s+1\.000\*\s+0\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines[5]).toMatch(/^b\s+level=0\.5, cost=2\s+0\.500\s+2\.000\s+0\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines[6]).toMatch(/^c\s+level=0\.8, cost=3\s+0\.800\*\s+3\.000\s+10\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines.slice(8)).toEqual([
      '* best config per metric (higher is better; lower is better for cost)',
      'config c: 1 of 10 execution(s) failed; first: Error: c cannot do 7',
    ]);
  });

  it('plain progress lines on a non-terminal: every 10 %, then a closing line', async () => {
    const { stderr } = await runCliProcess(['eval', NUMBERS]);
    const progress = stderr.split('\n').filter((l) => l.startsWith('evaluated '));
    expect(progress.slice(0, -1)).toEqual(Array.from({ length: 10 }, (_, i) => `evaluated ${i + 1}/10 records (${(i + 1) * 10}%)`));
    expect(progress.at(-1)).toMatch(/^evaluated 10 record\(s\) in \d+\.\d\d s$/);
  });

  it('--json prints the result as JSON (with the thresholds), nothing else on stdout', async () => {
    const { code, stdout } = await runCliProcess(['eval', NUMBERS, '--json']);
    expect(code).toBe(0);
    const result = json(stdout);
    expect(result.records).toBe(10);
    expect(result.configs.map((c) => [c.configId, c.count, c.errors, c.metrics.score!.mean, c.metrics.cost!.mean])).toEqual([
      ['a', 10, 0, 0.2, 1],
      ['b', 10, 0, 0.5, 2],
      ['c', 10, 1, 0.8, 3],
    ]);
    expect(result.configs[2]!.errorRate).toBe(0.1);
    expect(result.configs[0]!.config).toEqual({ config_id: 'a', level: 0.2, cost: 1 });
    expect(result.best).toEqual({ score: { configId: 'c', mean: 0.8 }, cost: { configId: 'a', mean: 1 } });
    expect(result.thresholds).toEqual([{ metric: 'score', value: 0.5, better: 'higher', best: { configId: 'c', mean: 0.8 }, passed: true }]);
  });

  it('--limit N evaluates the first N records', async () => {
    const { code, stdout, stderr } = await runCliProcess(['eval', NUMBERS, '--json', '--limit', '3']);
    expect(code).toBe(0);
    expect(json(stdout).records).toBe(3);
    expect(json(stdout).configs.map((c) => c.count)).toEqual([3, 3, 3]);
    expect(stderr).toContain('evaluated 3/3 records (100%)');
  });

  it('--concurrency and --repeat reach evaluate()', async () => {
    const { code, stdout } = await runCliProcess(['eval', NUMBERS, '--json', '--concurrency', '1', '--repeat', '2']);
    expect(code).toBe(0);
    expect(json(stdout)).toMatchObject({ records: 10, repeat: 2 });
    expect(json(stdout).configs.map((c) => c.count)).toEqual([20, 20, 20]);
  });

  describe('--threshold metric=value', () => {
    it('exits 0 when the best config reaches every threshold', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score=0.8', '--threshold', 'cost=1']);
      expect(code).toBe(0);
      expect(stderr).toContain("threshold score >= 0.8: best config 'c' has 0.800 - met");
      expect(stderr).toContain("threshold cost <= 1: best config 'a' has 1.000 - met");
    });

    it('exits 1 when the best config falls below a threshold (the flag overrides the definition)', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score=0.81']);
      expect(code).toBe(1);
      expect(stderr).toContain("threshold score >= 0.81: best config 'c' has 0.800 - NOT MET");
      expect(stderr).not.toContain('score >= 0.5');
    });

    it('exits 1 when a lower-is-better metric is above its threshold', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'cost=0.5']);
      expect(code).toBe(1);
      expect(stderr).toContain("threshold cost <= 0.5: best config 'a' has 1.000 - NOT MET");
    });

    it('an unknown metric is a usage error (exit 2) naming the metrics', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'accuracy=0.5']);
      expect(code).toBe(2);
      expect(stderr).toContain("spearmint: Unknown metric 'accuracy' in a threshold (--threshold or the definition's thresholds): the metrics are 'score', 'cost'.");
    });

    it('a malformed threshold is a usage error (exit 2)', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score>0.5']);
      expect(code).toBe(2);
      expect(stderr).toContain("spearmint: --threshold expects metric=value with a number as value, such as --threshold recall=0.8; got 'score>0.5'.");
      expect(stderr).toContain('Usage: spearmint eval <file> [options]');
    });
  });

  it('loads a plain JavaScript ES module exporting `evaluation`, with a JSONL dataset; --records writes per-record lines', async () => {
    const records = join(tmp, 'records.jsonl');
    const { code, stdout } = await runCliProcess(['eval', fixture('plain.evaluation.mjs'), '--json', '--records', records]);
    expect(code).toBe(0);
    expect(json(stdout).configs.map((c) => [c.configId, c.metrics.exact!.mean])).toEqual([['chars', 1], ['words', 0]]);
    const lines = readFileSync(records, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3 * 2);
    expect(lines.find((l) => l.record === 2 && l.configId === 'words')).toMatchObject({ input: 'gamma ray', expected: 9, output: 2, metrics: { exact: 0 } });
  });

  it('--help prints the usage (exit 0)', async () => {
    const { code, stdout } = await runCliProcess(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: spearmint eval <file> \[options\]/);
    expect(stdout).toContain('--threshold <metric=value>');
  });

  describe('usage errors exit with 2 and say what is wrong', () => {
    it.each([
      [['eval', NUMBERS, '--fast'], "spearmint: Unknown option '--fast'; the options are --out, --records, --json, --threshold, --concurrency, --limit, --repeat, --help."],
      [['eval', NUMBERS, '--concurrency', '0'], "spearmint: --concurrency expects an integer from 1 up, got '0'."],
      [['eval', NUMBERS, '--limit', 'ten'], "spearmint: --limit expects an integer from 0 up, got 'ten'."],
      [[], 'spearmint: Missing command: spearmint eval <file>.'],
      [['evaluate', NUMBERS], "spearmint: Unknown command 'evaluate': the only command is 'eval' (spearmint eval <file>)."],
      [['eval'], 'spearmint: Missing the definition file: spearmint eval <file>'],
      [['eval', fixture('missing.ts')], `spearmint: No such file: ${fixture('missing.ts')} (looked at `],
      [['eval', fixture('no-definition.ts')], `spearmint: ${fixture('no-definition.ts')} exports no evaluation definition (exports found: helper, something). Export one as the default export or as \`evaluation\``],
      [['eval', fixture('throws.evaluation.ts')], `spearmint: Cannot load ${fixture('throws.evaluation.ts')}: it threw while loading.\nError: broken definition file`],
      [['eval', fixture('typo.evaluation.ts')], `spearmint: The definition in ${fixture('typo.evaluation.ts')} has an unknown key \`concurency\`;`],
    ])('%j', async (args, message) => {
      const { code, stdout, stderr } = await runCliProcess(args);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(message);
    });
  });

  it('a dataset that cannot be read fails the evaluation with exit 3, naming the file and line', async () => {
    const { code, stderr } = await runCliProcess(['eval', fixture('bad-dataset.evaluation.ts')]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/spearmint eval: the evaluation failed: DatasetError: Cannot read the evaluation dataset at file \S+bad\.jsonl, line 2: the line is not valid JSON/);
  });
});
