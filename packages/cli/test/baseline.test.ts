/**
 * Against the last run: `--save-run` then `--baseline` with `--max-regression`, through the CLI
 * as a user runs it (two processes), and the usage errors of a baseline that does not fit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunJson } from '../src/result-json';
import { fixture, runCliProcess } from './helpers/run-cli-process';

const DRIFT = fixture('drift.evaluation.ts');
jest.setTimeout(60_000);

let tmp: string;
let today: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'spearmint-baseline-'));
  today = join(tmp, 'runs', 'today.json'); // the folder does not exist yet
  const { code, stderr } = await runCliProcess(['eval', DRIFT, '--save-run', today]);
  expect({ code, saved: stderr.includes(`run saved to ${today}`) }).toEqual({ code: 0, saved: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rowOf = (run: RunJson, configId: string, metric: string) => run.baseline!.rows.find((row) => row.configId === configId && row.metric === metric);

describe('--save-run, then --baseline', () => {
  it('--save-run writes the --json result: every metric with mean, sd, scoredRecords, ci95', () => {
    const saved = JSON.parse(readFileSync(today, 'utf8')) as RunJson;
    expect(saved).toMatchObject({ experiment: 'drift', records: 20 });
    expect(saved.configs.map((config) => config.configId)).toEqual(['a', 'b']);
    expect(saved.configs[1]!.metrics.score).toMatchObject({ mean: expect.closeTo(0.52, 12), scoredRecords: 20, sd: expect.any(Number) });
  });

  it('a config that got worse by more than --max-regression: flagged regressed, exit code 1', async () => {
    const { code, stdout, stderr } = await runCliProcess(['eval', DRIFT, '--json', '--baseline', today, '--max-regression', 'score=0.05'], undefined, { SPEARMINT_TEST_B_LEVEL: '0.4' });
    expect(code).toBe(1);
    const run = JSON.parse(stdout) as RunJson;
    expect(rowOf(run, 'b', 'score')).toMatchObject({ baseline: expect.closeTo(0.52, 12), mean: expect.closeTo(0.42, 12), diff: expect.closeTo(-0.1, 12), flag: 'regressed' });
    // Same values in both runs (Python: sd 0.0145095, n 20): Welch df = 38, t = 2.024 (table), ± 2.024 · 0.0045883
    expect(rowOf(run, 'a', 'score')).toMatchObject({ diff: 0, ci95: [expect.closeTo(-0.0092867, 4), expect.closeTo(0.0092867, 4)], flag: 'unchanged' });
    expect(rowOf(run, 'b', 'parts.lo')).toMatchObject({ flag: 'improved' }); // more outputs <= 0.5: lo is higher-is-better
    expect(run.maxRegressions).toEqual([
      { metric: 'score', delta: 0.05, configId: 'a', worseBy: 0, exceeded: false },
      { metric: 'score', delta: 0.05, configId: 'b', worseBy: expect.closeTo(0.1, 12), exceeded: true },
    ]);
    expect(stderr).toContain("max regression score 0.05: config 'b' got worse by 0.100 - EXCEEDED");
  });

  it('a regression within --max-regression: still flagged in the table, exit code 0', async () => {
    const { code, stdout, stderr } = await runCliProcess(['eval', DRIFT, '--baseline', today, '--max-regression', 'score=0.05'], undefined, { SPEARMINT_TEST_B_LEVEL: '0.48' });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    const start = lines.indexOf(`vs baseline ${today}: difference of means, its 95% interval (Welch), flag`);
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toMatch(/^config_id\s+metric\s+baseline\s+now\s+diff\s+95% interval\s+flag$/);
    expect(lines.slice(start + 3, start + 9).map((line) => line.split(/\s{2,}/))).toEqual([
      ['a', 'score', '0.520', '0.520', '0.000', '[-0.009, +0.009]', 'unchanged'],
      ['a', 'parts.hi', '0.800', '0.800', '0.000', expect.any(String), 'unchanged'],
      ['a', 'parts.lo', '0.200', '0.200', '0.000', expect.any(String), 'unchanged'],
      ['b', 'score', '0.520', '0.500', '-0.020', '[-0.029, -0.011]', 'regressed'],
      ['b', 'parts.hi', '0.800', '0.400', '-0.400', expect.any(String), 'regressed'],
      ['b', 'parts.lo', '0.200', '0.600', '+0.400', expect.any(String), 'improved'],
    ]);
    expect(stderr).toContain("max regression score 0.05: config 'b' got worse by 0.020 - ok");
  });

  it('the HTML report has the comparison (#baseline)', async () => {
    const out = join(tmp, 'report.html');
    const { code } = await runCliProcess(['eval', DRIFT, '--baseline', today, '--out', out], undefined, { SPEARMINT_TEST_B_LEVEL: '0.4' });
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<tr data-config-id="b" data-metric="score" data-flag="regressed">');
    expect(html).toContain('<tr data-config-id="a" data-metric="score" data-flag="unchanged">');
  });

  describe('a baseline that does not fit is a usage error (exit 2)', () => {
    const variant = (name: string, change: (run: RunJson) => object) => {
      const file = join(tmp, name);
      writeFileSync(file, JSON.stringify(change(JSON.parse(readFileSync(today, 'utf8')) as RunJson)));
      return file;
    };

    it('from another experiment: names both, before any record runs', async () => {
      const other = variant('other.json', (run) => ({ ...run, experiment: 'Summariser.summarise' }));
      const calls = join(tmp, 'calls-other.txt');
      const { code, stderr } = await runCliProcess(['eval', DRIFT, '--baseline', other], undefined, { SPEARMINT_TEST_CALLS: calls });
      expect(code).toBe(2);
      expect(stderr).toContain(`spearmint: --baseline ${other} is a run of 'Summariser.summarise', and this evaluation is of 'drift': compare runs of the same experiment.`);
      expect(existsSync(calls)).toBe(false);
    });

    it('with no config in common: names both experiments and lists both sets of configs, after the first record', async () => {
      const renamed = variant('renamed.json', (run) => ({ ...run, configs: run.configs.map((config) => ({ ...config, configId: `old-${config.configId}` })) }));
      const { code, stderr } = await runCliProcess(['eval', DRIFT, '--baseline', renamed, '--concurrency', '1']);
      expect(code).toBe(2);
      expect(stderr).toContain(
        `spearmint: --baseline ${renamed} (a run of 'drift') has no config in common with this evaluation of 'drift': the baseline has 'old-a', 'old-b', this run has 'a', 'b'`,
      );
      expect(stderr).toContain('evaluated 1 record(s)');
    });

    it('that is not a saved run, or missing', async () => {
      const bad = variant('bad.json', () => ({ hello: 1 }));
      expect((await runCliProcess(['eval', DRIFT, '--baseline', bad])).stderr).toContain(`spearmint: --baseline ${bad} is not a run saved by spearmint eval --save-run (no "experiment").`);
      const missing = join(tmp, 'missing.json');
      const { code, stderr } = await runCliProcess(['eval', DRIFT, '--baseline', missing]);
      expect(code).toBe(2);
      expect(stderr).toContain(`spearmint: --baseline ${missing}: no such file`);
    });

    it('--max-regression of a metric the baseline does not have', async () => {
      const noParts = variant('no-parts.json', (run) => ({ ...run, metrics: run.metrics.filter((m) => m.name === 'score') }));
      const { code, stderr } = await runCliProcess(['eval', DRIFT, '--baseline', noParts, '--max-regression', 'parts.hi=0.1']);
      expect(code).toBe(2);
      expect(stderr).toContain(`spearmint: --max-regression parts.hi: the baseline ${noParts} has no metric 'parts.hi' (it has 'score').`);
    });
  });
});
