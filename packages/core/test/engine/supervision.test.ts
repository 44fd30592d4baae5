import { type Config, currentSignal, DrainTimeoutError } from '../../src';
import { defineExperiment, findExperimentBinding, runExperiment, Supervisor } from '../../src/internal-api';

// supervision/: option checks, background slots and counts, comparisons, drain().
const two = [{ config_id: 'm' }, { config_id: 'v' }];

describe('the supervisor', () => {
  it('checks its options, naming the one at fault', () => {
    expect(() => new Supervisor({ maxBackgroundVariants: -1 })).toThrow('Expected `maxBackgroundVariants` to be an integer from 0 up, or Infinity, got -1 (number).');
    expect(() => new Supervisor({ variantTimeoutMs: 0 })).toThrow(/variantTimeoutMs/);
    expect(() => new Supervisor({ variantTimeoutMs: 2 ** 31 })).toThrow(/at most 2147483647 ms/);
    expect(() => new Supervisor({ onResult: 'log' as never })).toThrow('Expected `onResult` to be a function, got string.');
    expect(new Supervisor({ maxBackgroundVariants: Infinity, variantTimeoutMs: Infinity })).toMatchObject({ maxBackgroundVariants: Infinity, variantTimeoutMs: undefined });
  });

  it('counts each started variant as exactly one of succeeded, failed or timed out', async () => {
    const supervisor = new Supervisor({ variantTimeoutMs: 5, onError: () => undefined });
    const configs = [{ config_id: 'm' }, { config_id: 'ok' }, { config_id: 'fails' }, { config_id: 'hangs' }];
    const f = defineExperiment(async (config?: Config) => {
      if (config!.config_id === 'fails') throw new Error('no');
      if (config!.config_id === 'hangs') await new Promise(() => undefined);
      return 1;
    }, { supervisor, configs });
    await f();
    const stats = await supervisor.drain();
    expect(stats).toMatchObject({ started: 3, succeeded: 1, failed: 1, timedOut: 1, dropped: 0, inFlight: 0 });
    expect(Object.isFrozen(stats)).toBe(true);
  });

  it('tallies the comparisons of every variant with main, awaited and background, per experiment and config', async () => {
    const supervisor = new Supervisor();
    const f = defineExperiment((x: number, config?: Config) => (config!.config_id === 'v' ? -x : x), { supervisor, configs: two, name: 'f' });
    f(0); // v returns -0: not deeply equal to 0 (Object.is)
    f(1);
    runExperiment(findExperimentBinding(f)!.experiment, undefined, [2], true);
    const stats = await supervisor.drain();
    expect(stats.comparisons).toEqual({ f: { v: { compared: 3, mismatched: 3, ignored: 0 } } });
    const same = defineExperiment((config?: Config) => 'same', { supervisor, configs: two, name: 'same', configParam: false });
    same();
    expect((await supervisor.drain()).comparisons['same']).toEqual({ v: { compared: 1, mismatched: 0, ignored: 0 } });
  });

  it('drain() waits for hook calls and for variants started while draining, and resolves with the stats', async () => {
    let again = 2;
    // Each variant's onResult calls the experiment again, from outside any execution: a new entry
    // call, whose variant is admitted before the hook returns.
    const supervisor = new Supervisor({ onResult: (_result, info) => void (info.role === 'variant' && again-- > 0 && f()) });
    const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: two });
    f();
    expect(await supervisor.drain()).toMatchObject({ started: 3, succeeded: 3, inFlight: 0 });
    expect(again).toBe(-1);
  });

  it('drain(timeoutMs) aborts the signals of variants still running, resolves anyway, and never rejects', async () => {
    const supervisor = new Supervisor();
    let signal: AbortSignal | undefined;
    const f = defineExperiment(async (config?: Config) => {
      if (config!.config_id === 'v') {
        signal = currentSignal();
        await new Promise<void>((resolve) => signal!.addEventListener('abort', () => resolve()));
      }
      return 1;
    }, { supervisor, configs: two });
    await f();
    while (signal === undefined) await new Promise((resolve) => setImmediate(resolve));
    const stats = await supervisor.drain(1);
    expect(stats.inFlight).toBe(1);
    expect(signal.reason).toBeInstanceOf(DrainTimeoutError);
    expect(await supervisor.drain()).toMatchObject({ inFlight: 0, succeeded: 1 });
  });
});
