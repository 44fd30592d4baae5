/**
 * Fail fast, before any record is spent: output paths are checked (their folders created) and
 * metric names in thresholds checked before the first call; sub-metrics after the first record.
 * The fixture logs every call, so the tests see how many were made.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareOutputs } from '../src/output-paths';
import { UsageError } from '../src/usage-error';
import { fixture, runCliProcess } from './helpers/run-cli-process';

const DRIFT = fixture('drift.evaluation.ts');
jest.setTimeout(60_000);

let tmp: string;
let calls: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'spearmint-fail-fast-'));
  calls = join(tmp, 'calls.txt');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const run = (...args: string[]) => runCliProcess(['eval', DRIFT, ...args], undefined, { SPEARMINT_TEST_CALLS: calls });
const callCount = () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n').length : 0);

describe('before the first record', () => {
  it('creates the folders of --out, --records and --save-run', async () => {
    const out = join(tmp, 'reports', 'today', 'report.html');
    const records = join(tmp, 'results', 'records.jsonl');
    const saved = join(tmp, 'runs', 'run.json');
    const { code } = await run('--out', out, '--records', records, '--save-run', saved);
    expect(code).toBe(0);
    expect([out, records, saved].map(existsSync)).toEqual([true, true, true]);
  });

  it.each([
    ['--out', (file: string) => join(file, 'report.html'), 'Cannot create the folder'],
    ['--records', (file: string) => join(file, 'x', 'records.jsonl'), 'Cannot create the folder'],
    ['--save-run', (file: string) => join(file, 'run.json'), 'Cannot create the folder'],
  ])('%s under a file: a usage error naming the flag and path, and no call made', async (flag, path, message) => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const target = path(file);
    const { code, stderr, stdout } = await run(flag, target);
    expect({ code, stdout, calls: callCount() }).toEqual({ code: 2, stdout: '', calls: 0 });
    expect(stderr).toContain(`spearmint: ${message}`);
    expect(stderr).toContain(`for ${flag} ${target}:`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an output path that is a folder is a usage error', async () => {
    const { code, stderr } = await run('--out', tmp);
    expect({ code, calls: callCount() }).toEqual({ code: 2, calls: 0 });
    expect(stderr).toContain(`spearmint: --out ${tmp} is a folder; give a file path`);
  });

  it('a typo in a threshold\'s metric: a usage error naming the evaluators, no call made', async () => {
    const { code, stderr } = await run('--threshold', 'scroe=0.5');
    expect({ code, calls: callCount() }).toEqual({ code: 2, calls: 0 });
    expect(stderr).toContain("spearmint: Unknown metric 'scroe' in the threshold scroe (--threshold or the definition's thresholds): the evaluators are 'score', 'parts'");
    expect(stderr).toContain('Nothing was evaluated.');
  });
});

describe('after the first scored record', () => {
  it('a sub-metric that the evaluator does not give aborts the run, listing the ones it gives', async () => {
    const { code, stderr } = await run('--threshold', 'parts.high=0.5', '--concurrency', '1');
    expect(code).toBe(2);
    expect(stderr).toContain("spearmint: Unknown metric 'parts.high' in the threshold parts.high (--threshold or the definition's thresholds): evaluator 'parts' gives 'parts.hi', 'parts.lo'.");
    expect(callCount()).toBe(2); // one record, both configs
  });

  it('an existing sub-metric passes', async () => {
    const { code, stderr } = await run('--threshold', 'parts.hi=0.5');
    expect(code).toBe(0);
    expect(stderr).toContain("threshold parts.hi >= 0.5: best config 'a' has 0.800 (errors 0.0%) - met");
    expect(callCount()).toBe(40);
  });
});

describe('prepareOutputs', () => {
  it('the same file for two outputs is a usage error', () => {
    expect(() => prepareOutputs([{ flag: '--out', path: 'x.html' }, { flag: '--save-run', path: './x.html' }], tmp)).toThrow(
      new UsageError('--save-run and --out name the same file (./x.html); give each its own.'),
    );
  });

  it('returns the absolute paths, folders made', () => {
    expect(prepareOutputs([{ flag: '--out', path: 'a/b/r.html' }], tmp)).toEqual([join(tmp, 'a', 'b', 'r.html')]);
    expect(existsSync(join(tmp, 'a', 'b'))).toBe(true);
  });
});
