import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  Config,
  ConfigFileTooLargeError,
  ConfigFileTypeError,
  ConfigTooLargeError,
  type ConfigSource,
  DynamicValue,
  InvalidConfigError,
  run,
  Spearmint,
  TooManyConfigsError,
  YamlSyntaxError,
} from '@spearmint/decorators';
import { fifoWriters } from '../../../core/test/helpers/fifo-writers';
import { aliasBomb, nested, sparseFile, values } from '../../../core/test/helpers/hostile-configs';
import { tempFiles } from '../../../core/test/helpers/temp-files';

// Issue 13, set-up items 7-13: each hostile config is a named error at set-up, within 1 s of CPU
// time and 100 MB. CPU time (not wall time) so that a busy machine cannot fail the test; memory as
// the growth of the heap and of the resident set across the set-up.
const CPU_MS = 1000;
const MEGABYTES = 100;

const write = tempFiles();

interface Cost {
  readonly cpuMs: number;
  readonly heapMb: number;
  readonly rssMb: number;
}

/** Runs a set-up that must fail; returns what it threw and what it cost. */
function failedSetUp(setUp: () => unknown): { error: unknown; cost: Cost } {
  const cpu = process.cpuUsage();
  const before = process.memoryUsage();
  let error: unknown;
  try {
    setUp();
  } catch (thrown) {
    error = thrown;
  }
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    error,
    cost: { cpuMs: (used.user + used.system) / 1000, heapMb: mb(after.heapUsed - before.heapUsed), rssMb: mb(after.rss - before.rss) },
  };
}

function expectBounded(cost: Cost): void {
  expect(cost.cpuMs).toBeLessThan(CPU_MS);
  expect(cost.heapMb).toBeLessThan(MEGABYTES);
  expect(cost.rssMb).toBeLessThan(MEGABYTES);
}

/** Set-up by decoration: a class whose method is an experiment of these configs. */
function decorate(configs: ConfigSource[]): unknown {
  const mint = new Spearmint();
  class Service {
    @mint.experiment({ configs })
    handle(input: string, config?: Config): string {
      return `${config!.config_id}:${input}`;
    }
  }
  return Service;
}

/** Set-up by `new Spearmint({ configs })`. */
function construct(configs: ConfigSource[]): unknown {
  return new Spearmint({ configs });
}

const setUps = [
  ['decoration', decorate],
  ['new Spearmint', construct],
] as const;

describe.each(setUps)('hostile configs at set-up (%s)', (_how, setUp) => {
  it('7: a circular config is an InvalidConfigError', () => {
    const config: Record<string, unknown> = { model: 'm' };
    config.self = config;
    const { error, cost } = failedSetUp(() => setUp([config]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toContain("the value at key path 'self' is the object at the top level again");
    expectBounded(cost);
  });

  it('7: nesting 3,000 levels deep is an InvalidConfigError naming the key path', () => {
    const { error, cost } = failedSetUp(() => setUp([nested(3000)]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toContain("nest deeper than 100 levels (CONFIG_LIMITS.maxDepth) at key path 'x.x.x.x.x.x.….x.x.x.x' (101 levels)");
    expectBounded(cost);
  });

  it.each([
    [150_000, 150, 1000],
    [1_000_000, 1000, 1000],
    [10_000_000, 10_000, 1000],
  ])('8: a sweep of %d combinations is a TooManyConfigsError with the count', (count, a, b) => {
    const { error, cost } = failedSetUp(() => setUp([{ model: values(a), temperature: values(b) }]));
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expect((error as TooManyConfigsError).count).toBe(count);
    expectBounded(cost);
  });

  it('8: a DynamicValue of an endless generator is a TooManyConfigsError', () => {
    function* endless(): Generator<number> {
      for (let i = 0; ; i++) yield i;
    }
    const { error, cost } = failedSetUp(() => setUp([{ seed: new DynamicValue(endless()) }]));
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expectBounded(cost);
  });

  it('8: a shared-object bomb (2^60 leaves) is a ConfigTooLargeError', () => {
    let bomb: Record<string, unknown> = { leaf: 'lol' };
    for (let i = 0; i < 60; i++) bomb = { a: bomb, b: bomb };
    const { error, cost } = failedSetUp(() => setUp([{ bomb }]));
    expect(error).toBeInstanceOf(ConfigTooLargeError);
    expectBounded(cost);
  });

  it('9: a 50 MB YAML file is a ConfigFileTooLargeError', () => {
    const file = sparseFile(write({}), 'huge.yaml', 50 * 1024 * 1024);
    const { error, cost } = failedSetUp(() => setUp([file]));
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expect((error as ConfigFileTooLargeError).file).toBe(file);
    expectBounded(cost);
  });

  it('9: a YAML file of more tokens than allowed is a ConfigFileTooLargeError before parsing', () => {
    const dir = write({ 'many.yaml': `a: [${new Array(200_000).fill('0').join(',')}]\n` });
    const { error, cost } = failedSetUp(() => setUp([join(dir, 'many.yaml')]));
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expectBounded(cost);
  });

  it('10: a YAML alias bomb is a YamlSyntaxError naming the file', () => {
    const dir = write({ 'laughs.yaml': aliasBomb(9) });
    const { error, cost } = failedSetUp(() => setUp([join(dir, 'laughs.yaml')]));
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect((error as YamlSyntaxError).file).toBe(join(dir, 'laughs.yaml'));
    expectBounded(cost);
  });

  it('12: a __proto__ key is kept, with the config id Python computes', () => {
    const config = JSON.parse('{"__proto__": {"isAdmin": true}, "model": "gpt-4"}') as Record<string, unknown>;
    const mint = new Spearmint({ configs: [config] });
    const handle = mint.experiment({ name: 'handle' })((input: string, config?: Config) => `${config!.config_id}:${input}`);
    expect(run(handle, (runner) => runner('x')).mainResult.result).toBe('0448d6cb4c6b6479:x'); // python3, proto-key-vectors.py
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([[5], [NaN], [1.5]])('13: config_id %p is an InvalidConfigError naming the source', (id) => {
    const { error, cost } = failedSetUp(() => setUp([{ model: 'a' }, { config_id: id }]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as Error).message).toMatch(/^Invalid config at configs(?: of '(?:Service\.)?handle')?\[1\]: config_id must be a non-empty string/);
    expectBounded(cost);
  });
});

describe.each(setUps)('paths that would block set-up (%s)', (_how, setUp) => {
  const fifoWithWriter = fifoWriters();

  it('11: a FIFO, and a link to a device, are ConfigFileTypeErrors', () => {
    const dir = write({});
    const fifo = fifoWithWriter(dir, 'pipe.yaml');
    symlinkSync('/dev/null', join(dir, 'device.yaml'));
    for (const path of [fifo, join(dir, 'device.yaml')]) {
      const { error, cost } = failedSetUp(() => setUp([path]));
      expect(error).toBeInstanceOf(ConfigFileTypeError);
      expectBounded(cost);
    }
  });
});

it('10: a file with 150 aliases loads', () => {
  const dir = write({ 'aliases.yaml': `base: &base {k: 1}\nitems:\n${new Array(150).fill('  - *base').join('\n')}\n` });
  const mint = new Spearmint({ configs: [join(dir, 'aliases.yaml')] });
  expect(mint.configs[0]!.items).toHaveLength(150);
});
