/**
 * `spearmint eval --cache dir`: a second run calls the function 0 times (counted in a file the
 * fixture appends to) and prints the same table; a new config is the only one called; two
 * processes sharing the directory at once both finish with correct results.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvaluationResult } from '@spearmint/decorators';
import { fixture, runCliProcess } from './helpers/run-cli-process';

const COUNTED = fixture('counted.evaluation.ts');
jest.setTimeout(60_000);

let tmp: string;
beforeAll(() => (tmp = mkdtempSync(join(tmpdir(), 'spearmint-cache-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let runs = 0;
/** Runs the fixture; returns the outcome and the config_ids it called, in a file of its own. */
async function evaluateCounted(args: readonly string[], env: Record<string, string> = {}) {
  const calls = join(tmp, `calls-${++runs}.txt`);
  const outcome = await runCliProcess(['eval', COUNTED, ...args], undefined, { SPEARMINT_CALLS_FILE: calls, ...env });
  const called = existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [];
  return { ...outcome, called };
}

/** The table without the time, the latencies and the cache columns: what cached runs must repeat. */
const table = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => !line.startsWith('cache:'))
    .map((line) => line.replace(/ in \d+\.\d\d s/, '').replace(/(\d+\.\d+\s+\d+\.\d+)(\s+\d+\/\d+)?\s*$/, ''));

describe('spearmint eval --cache <dir>', () => {
  it('a second run calls the function 0 times and prints the same table; the table shows hits and runs per config', async () => {
    const cache = join(tmp, 'cache-a');
    const first = await evaluateCounted(['--cache', cache]);
    expect(first.code).toBe(0);
    expect(first.called).toHaveLength(24);
    expect(first.stdout).toContain('cache: 0 of 24 executions from the cache, 24 run');
    const report = join(tmp, 'cached.html');
    const second = await evaluateCounted(['--cache', cache, '--out', report]);
    expect(second.code).toBe(0);
    expect(second.called).toEqual([]);
    const html = readFileSync(report, 'utf8');
    expect(html.match(/data-cache-hits="8"/g)).toHaveLength(3);
    expect(html).toContain('24 of 24 executions came from the response cache.');
    expect(second.stdout).toContain('cache: 24 of 24 executions from the cache, 0 run');
    expect(second.stdout).toMatch(/^upper .* 8\/0$/m);
    expect(table(second.stdout)).toEqual(table(first.stdout));
  });

  it('a run with one new config calls only that config; --json has cache: { hits, misses, uncacheable } per config', async () => {
    const cache = join(tmp, 'cache-b');
    expect((await evaluateCounted(['--cache', cache])).code).toBe(0);
    const added = await evaluateCounted(['--cache', cache, '--json'], { SPEARMINT_EXTRA_CONFIG: '1' });
    expect(added.code).toBe(0);
    expect(new Set(added.called)).toEqual(new Set(['reverse']));
    expect(added.called).toHaveLength(8);
    const result = JSON.parse(added.stdout) as EvaluationResult;
    expect(result.configs.map((c) => [c.configId, c.cache])).toEqual([
      ['upper', { hits: 8, misses: 0, uncacheable: 0 }],
      ['lower', { hits: 8, misses: 0, uncacheable: 0 }],
      ['title', { hits: 8, misses: 0, uncacheable: 0 }],
      ['reverse', { hits: 0, misses: 8, uncacheable: 0 }],
    ]);
  });

  it('two processes sharing a cache directory at once both finish with correct results', async () => {
    const cache = join(tmp, 'cache-c');
    const plain = JSON.parse((await evaluateCounted(['--json'])).stdout) as EvaluationResult;
    const [a, b] = await Promise.all([evaluateCounted(['--cache', cache, '--json']), evaluateCounted(['--cache', cache, '--json'])]);
    for (const run of [a, b]) {
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as EvaluationResult;
      expect(result.configs.map((c) => [c.configId, c.metrics.similar])).toEqual(plain.configs.map((c) => [c.configId, c.metrics.similar]));
      expect(result.configs.every((c) => c.cache!.hits + c.cache!.misses === 8)).toBe(true);
    }
    const third = await evaluateCounted(['--cache', cache]);
    expect(third.called).toEqual([]); // every output is in the cache, written by one or the other
  });

  it('--cache-mode read never writes; --no-cache ignores the cache; contradictions are usage errors', async () => {
    const cache = join(tmp, 'cache-d');
    const read = await evaluateCounted(['--cache', cache, '--cache-mode', 'read']);
    expect(read.called).toHaveLength(24);
    expect(existsSync(cache)).toBe(false);
    await evaluateCounted(['--cache', cache]);
    expect((await evaluateCounted(['--cache', cache, '--cache-mode', 'read'])).called).toEqual([]);
    expect((await evaluateCounted(['--cache', cache, '--cache-mode', 'write'])).called).toHaveLength(24);
    const none = await evaluateCounted(['--no-cache']);
    expect(none.called).toHaveLength(24);
    expect(none.stdout).not.toContain('cache:');
    for (const [args, message] of [
      [['--no-cache', '--cache', cache], 'spearmint: --no-cache contradicts --cache and --cache-mode: give one or the other.'],
      [['--cache-mode', 'read'], 'spearmint: --cache-mode read needs a cache directory: add --cache <dir> (or set `cache` in the definition).'],
      [['--cache', cache, '--cache-mode', 'sometimes'], "spearmint: --cache-mode expects read-write, read, write, off; got 'sometimes'."],
    ] as const) {
      const outcome = await evaluateCounted(args);
      expect({ code: outcome.code, called: outcome.called }).toEqual({ code: 2, called: [] });
      expect(outcome.stderr).toContain(message);
    }
  });
});
