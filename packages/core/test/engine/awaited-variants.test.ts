import { type Config, currentCase, FunctionResult } from '../../src';
import { defineExperiment, findExperimentBinding, runExperiment, Supervisor } from '../../src/internal-api';

// run/awaited-variants.ts: a runner with awaitVariants answers once every variant has finished,
// with their results in case order; a variant's error stays in its result.
const three = [{ config_id: 'm' }, { config_id: 'v1' }, { config_id: 'v2' }];
const runAwaited = (fn: Function, ...args: unknown[]) => runExperiment(findExperimentBinding(fn)!.experiment, undefined, args, true);

describe('awaited variants', () => {
  it('of a sync function run now, one after another, so the runner stays synchronous', () => {
    const supervisor = new Supervisor();
    const f = defineExperiment((x: number, config?: Config) => `${config!.config_id}:${x}:${currentCase()!.getConfigId(f)}`, { supervisor, configs: three });
    const results = runAwaited(f, 1);
    expect(results).not.toBeInstanceOf(Promise);
    const { mainResult, variantResults } = results as Exclude<typeof results, Promise<unknown>>;
    expect(mainResult.result).toBe('m:1:m');
    expect(variantResults.map((r) => [r.result, r.ok, r.matchesMain])).toEqual([['v1:1:v1', true, false], ['v2:1:v2', true, false]]);
    expect(supervisor.stats()).toMatchObject({ started: 0 }); // not background variants
  });

  it('of an async function run concurrently; the runner resolves once the last one has finished', async () => {
    const releases: Array<() => void> = [];
    const f = defineExperiment(async (config?: Config) => {
      if (config!.config_id !== 'm') await new Promise<void>((resolve) => releases.push(resolve));
      return config!.config_id;
    }, { supervisor: new Supervisor(), configs: three });
    let answered = false;
    const results = Promise.resolve(runAwaited(f)).then((r) => ((answered = true), r));
    while (releases.length < 2) await new Promise((resolve) => setImmediate(resolve)); // both variants started
    releases[1]!(); // the second finishes first: results keep the case order
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    releases[0]!();
    expect((await results).variantResults.map((r) => r.result)).toEqual(['v1', 'v2']);
  });

  it('keep a variant\'s error in its result; main\'s error is thrown once every variant has finished', async () => {
    const boom = new Error('main broke');
    const finished: string[] = [];
    const f = defineExperiment(async (config?: Config) => {
      await null;
      finished.push(config!.config_id);
      if (config!.config_id === 'm') throw boom;
      if (config!.config_id === 'v1') throw new Error('v1 broke');
      return 'v2';
    }, { supervisor: new Supervisor(), configs: three });
    await expect(runAwaited(f)).rejects.toBe(boom);
    expect(finished).toEqual(['m', 'v1', 'v2']);
    const ok = defineExperiment(async (config?: Config) => {
      if (config!.config_id === 'v1') throw new Error('v1 broke');
      return config!.config_id;
    }, { supervisor: new Supervisor(), configs: three });
    const results = await runAwaited(ok);
    expect(results.variantResults.map((r) => [r.ok, r.result, (r.error as Error | undefined)?.message])).toEqual([[false, undefined, 'v1 broke'], [true, 'v2', undefined]]);
  });

  it('a variant that returns a promise under a sync main fails with a TypeError saying why; nothing is left unhandled', () => {
    const f = defineExperiment((config?: Config) => (config!.config_id === 'm' ? 'sync' : Promise.reject(new Error('late'))), { supervisor: new Supervisor(), configs: three.slice(0, 2), name: 'mixed' });
    const results = runAwaited(f) as { variantResults: FunctionResult[] };
    expect(results.variantResults[0]).toMatchObject({ ok: false, error: expect.any(TypeError) });
    expect(String((results.variantResults[0]!.error as Error).message)).toMatch(/Variant 'v1' of 'mixed' returned a promise, but main returned a plain value/);
  });
});
