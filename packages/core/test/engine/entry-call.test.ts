import { type Config, currentCase, InvalidStrategyResultError, type Strategy } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

// run/call-experiment.ts and run/start-entry.ts: a direct call runs main and answers with main's
// value (or error); its variants run in the background.
const two = [{ config_id: 'main' }, { config_id: 'variant' }];

describe('a direct call (entry call)', () => {
  it('returns main\'s value, with `this` and the caller\'s arguments, in main\'s case', () => {
    const supervisor = new Supervisor();
    const calls: unknown[] = [];
    const f = defineExperiment(function (this: unknown, x: number, config?: Config) {
      calls.push([this, x, config!.config_id, currentCase()!.getConfigId(f)]);
      return `${config!.config_id}:${x}`;
    }, { supervisor, configs: two, name: 'f' });
    const owner = { f };
    expect(owner.f(7)).toBe('main:7');
    expect(calls).toEqual([[owner, 7, 'main', 'main']]);
    return supervisor.drain().then(() => expect(calls).toEqual([[owner, 7, 'main', 'main'], [owner, 7, 'variant', 'variant']]));
  });

  it('throws what a sync main throws, and rejects with what an async main rejects with: the very same value', async () => {
    const boom = { not: 'an Error' };
    const errors: unknown[] = [];
    const supervisor = new Supervisor({ onError: (error) => void errors.push(error) });
    const sync = defineExperiment((config?: Config) => {
      throw boom;
    }, { supervisor, configs: two, name: 'sync' });
    const async = defineExperiment(async (config?: Config) => {
      throw boom;
    }, { supervisor, configs: two, name: 'async' });
    let caught: unknown;
    try {
      sync();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(boom);
    await expect(async()).rejects.toBe(boom);
    await supervisor.drain();
    expect(errors).toEqual([boom, boom]); // the variants failed too, in the background
  });

  it('with one config and nothing observing, an async call returns main\'s own promise', async () => {
    let promise: Promise<string> | undefined;
    const f = defineExperiment((config?: Config) => (promise = Promise.resolve(config!.config_id)), { supervisor: new Supervisor(), configs: [{ config_id: 'only' }] });
    const returned = f();
    expect(returned).toBe(promise);
    expect(await returned).toBe('only');
  });

  it('admits the variants of an async call by the time its promise settles', async () => {
    const supervisor = new Supervisor();
    const f = defineExperiment(async (config?: Config) => config!.config_id, { supervisor, configs: two });
    expect(await f()).toBe('main');
    expect(supervisor.stats()).toMatchObject({ started: 1, inFlight: 1 });
    expect(await supervisor.drain()).toMatchObject({ started: 1, succeeded: 1, inFlight: 0 });
  });

  it('leaves the caller\'s arguments as they were: each execution gets its own copy with its config', async () => {
    const supervisor = new Supervisor();
    const seen: unknown[][] = [];
    const f = defineExperiment((x: number, config?: Config) => void seen.push([x, config!.config_id]), { supervisor, configs: two });
    f(1);
    f(2, undefined);
    await supervisor.drain();
    expect(seen).toEqual([[1, 'main'], [2, 'main'], [1, 'variant'], [2, 'variant']]);
  });

  it('a strategy that fails throws for a sync function and rejects for an async one, naming the experiment', async () => {
    const broken = (() => 'nonsense') as unknown as Strategy;
    const supervisor = new Supervisor();
    const sync = defineExperiment((config?: Config) => config, { supervisor, configs: two, strategy: broken, name: 'sync' });
    const async = defineExperiment(async (config?: Config) => config, { supervisor, configs: two, strategy: broken, name: 'async' });
    expect(() => sync()).toThrow(InvalidStrategyResultError);
    await expect(async()).rejects.toThrow(/'async'/);
  });

  it('inside another experiment\'s execution, runs with that case\'s config and starts no variants', async () => {
    const supervisor = new Supervisor();
    const inner = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: [{ config_id: 'i1' }, { config_id: 'i2' }], name: 'inner' });
    const outer = defineExperiment((config?: Config) => `${config!.config_id}+${inner()}`, { supervisor, configs: [{ config_id: 'o' }], name: 'outer' });
    expect(outer()).toBe('o+i1');
    expect(await supervisor.drain()).toMatchObject({ started: 1, succeeded: 1 }); // (o, i2): one variant of the entry call
  });
});
