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
  it('prints the comparison table: config_id, config values, each metric (* best) with its 95% interval, error rate, p50, p95', async () => {
    const { code, stdout, stderr } = await runCliProcess(['eval', NUMBERS]);
    expect({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('evaluated ')) }).toEqual({
      code: 0,
      stderr: ["threshold score >= 0.5: best config 'c' has 0.800 (errors 10.0%) - met", ''],
    });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^score: 10 record\(s\) x 3 config\(s\) in \d+\.\d\d s$/);
    expect(lines[2]).toMatch(/^config_id\s+config\s+score\s+cost\s+errors\s+p50 ms\s+p95 ms$/);
    expect(lines[4]).toMatch(/^a\s+level=0\.2, cost=1\s+0\.200  \[0\.200, 0\.200\]\s+1\.000\* \[1\.000, 1\.000\]\s+0\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines[5]).toMatch(/^b\s+level=0\.5, cost=2\s+0\.500  \[0\.500, 0\.500\]\s+2\.000  \[2\.000, 2\.000\]\s+0\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines[6]).toMatch(/^c\s+level=0\.8, cost=3\s+0\.800\* \[0\.800, 0\.800\]\s+3\.000  \[3\.000, 3\.000\]\s+10\.0%\s+\d+\.\d+\s+\d+\.\d+$/);
    expect(lines.slice(8).map((line) => line.trimEnd())).toEqual([
      '* best config per metric (higher is better; lower is better for cost); [low, high]: 95% interval of the mean',
      'best: score c 0.800 (errors 10.0%); cost a 1.000 (errors 0.0%)',
      '',
      'vs main (a): mean per-record difference, its 95% interval, records won/tied/lost',
      'config_id  metric  diff    95% interval      w/t/l   verdict',
      '---------  ------  ------  ----------------  ------  -------',
      'b          score   +0.300  [+0.300, +0.300]  10/0/0  better',
      'b          cost    +1.000  [+1.000, +1.000]  0/0/10  worse',
      'c          score   +0.600  [+0.600, +0.600]  9/0/0   better',
      'c          cost    +2.000  [+2.000, +2.000]  0/0/9   worse',
      '',
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
    expect(result.best).toEqual({ score: { configId: 'c', mean: 0.8, errorRate: 0.1 }, cost: { configId: 'a', mean: 1, errorRate: 0 } });
    expect(result.configs[2]!.metrics.score).toMatchObject({ count: 9, scoredRecords: 9, sd: 0, ci95: [0.8, 0.8], vsMain: { wins: 9, ties: 0, losses: 0, verdict: 'better' } });
    expect(result.configs[0]!.metrics.score).not.toHaveProperty('vsMain');
    expect(result.thresholds).toEqual([{ metric: 'score', value: 0.5, better: 'higher', judged: { configId: 'c', mean: 0.8, errorRate: 0.1 }, passed: true }]);
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
      expect(stderr).toContain("threshold score >= 0.8: best config 'c' has 0.800 (errors 10.0%) - met");
      expect(stderr).toContain("threshold cost <= 1: best config 'a' has 1.000 (errors 0.0%) - met");
    });

    it('exits 1 when the best config falls below a threshold (the flag overrides the definition)', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score=0.81']);
      expect(code).toBe(1);
      expect(stderr).toContain("threshold score >= 0.81: best config 'c' has 0.800 (errors 10.0%) - NOT MET");
      expect(stderr).not.toContain('score >= 0.5');
    });

    it('exits 1 when a lower-is-better metric is above its threshold', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'cost=0.5']);
      expect(code).toBe(1);
      expect(stderr).toContain("threshold cost <= 0.5: best config 'a' has 1.000 (errors 0.0%) - NOT MET");
    });

    it('an unknown metric is a usage error (exit 2) naming the evaluators, before any record runs', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'accuracy=0.5']);
      expect(code).toBe(2);
      expect(stderr).toContain(
        "spearmint: Unknown metric 'accuracy' in the threshold accuracy (--threshold or the definition's thresholds): the evaluators are 'score', 'cost'",
      );
      expect(stderr).not.toMatch(/evaluated [1-9]/);
    });

    it('metric@configId judges that config, metric@main the first one', async () => {
      const { code, stderr, stdout } = await runCliProcess(['eval', NUMBERS, '--json', '--threshold', 'score@b=0.5', '--threshold', 'score@main=0.3', '--threshold', 'cost@c=3']);
      expect(code).toBe(1);
      expect(stderr).toContain("threshold score@b >= 0.5: config 'b' has 0.500 (errors 0.0%) - met");
      expect(stderr).toContain("threshold score@main >= 0.3: main config 'a' has 0.200 (errors 0.0%) - NOT MET");
      expect(stderr).toContain("threshold cost@c <= 3: config 'c' has 3.000 (errors 10.0%) - met");
      expect(json(stdout).thresholds).toContainEqual({ metric: 'score', config: 'main', value: 0.3, better: 'higher', judged: { configId: 'a', mean: 0.2, errorRate: 0 }, passed: false });
    });

    it('an unknown config in metric@configId is a usage error (exit 2) after the first record', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score@d=0.5', '--concurrency', '1']);
      expect(code).toBe(2);
      expect(stderr).toContain("spearmint: Unknown config 'd' in the threshold score@d (--threshold or the definition's thresholds): the configs are 'a', 'b', 'c' ('main' is the first).");
      expect(stderr).toContain('evaluated 1 record(s)');
    });

    it('a malformed threshold is a usage error (exit 2)', async () => {
      const { code, stderr } = await runCliProcess(['eval', NUMBERS, '--threshold', 'score>0.5']);
      expect(code).toBe(2);
      expect(stderr).toContain(
        "spearmint: --threshold expects metric=value or metric@configId=value with a number as value, such as --threshold recall=0.8 or recall@main=0.8; got 'score>0.5'.",
      );
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
      [
        ['eval', NUMBERS, '--fast'],
        "spearmint: Unknown option '--fast'; the options are --out, --records, --json, --threshold, --save-run, --baseline, --max-regression, --report-records, --concurrency, --limit, --repeat, --cache, --cache-mode, --no-cache, --shard, --workers, --help.",
      ],
      [['eval', NUMBERS, '--max-regression', 'score=0.1'], 'spearmint: --max-regression compares with a baseline: add --baseline <run.json> (a run saved with --save-run).'],
      [['eval', NUMBERS, '--baseline', 'x.json', '--max-regression', 'score=-1'], "spearmint: --max-regression expects metric=delta with a number from 0 up as delta"],
      [['eval', NUMBERS, '--report-records', '10'], 'spearmint: --report-records sets how many records the HTML report shows: add --out <report.html>.'],
      [['eval', NUMBERS, '--out', 'r.html', '--report-records', 'many'], "spearmint: --report-records expects an integer from 0 up or 'all', got 'many'."],
      [['eval', NUMBERS, '--concurrency', '0'], "spearmint: --concurrency expects an integer from 1 up, got '0'."],
      [['eval', NUMBERS, '--limit', 'ten'], "spearmint: --limit expects an integer from 0 up, got 'ten'."],
      [[], 'spearmint: Missing command: spearmint eval <file>, or spearmint merge <shard.json>...'],
      [['evaluate', NUMBERS], "spearmint: Unknown command 'evaluate': the commands are 'eval' (spearmint eval <file>) and 'merge' (spearmint merge <shard.json>...)."],
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
