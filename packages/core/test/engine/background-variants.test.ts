import { type Config, currentCase, currentSignal, type ExecutionInfo, RuntimeContext, VariantTimeoutError, withContext } from '../../src';
import { defineExperiment, runExperiment, findExperimentBinding, Supervisor } from '../../src/internal-api';

// run/background-variants.ts: variants of a direct call (or of a runner without awaitVariants)
// are admitted by the time the caller has main's value, and run afterwards, in their own scopes.
const three = [{ config_id: 'm' }, { config_id: 'v1' }, { config_id: 'v2' }];

describe('background variants', () => {
  it('run after the caller has main\'s value, each in its own case, in case order', async () => {
    const order: string[] = [];
    const supervisor = new Supervisor();
    const f = defineExperiment((config?: Config) => void order.push(`${config!.config_id}:${currentCase()!.getConfigId(f)}`), { supervisor, configs: three });
    f();
    order.push('caller');
    expect(supervisor.stats()).toMatchObject({ started: 2, inFlight: 2 });
    await supervisor.drain();
    expect(order).toEqual(['m:m', 'caller', 'v1:v1', 'v2:v2']);
  });

  it('see the request values of the call (withContext): they inherit its async context', async () => {
    const seen: unknown[] = [];
    const supervisor = new Supervisor();
    const f = defineExperiment(async (config?: Config) => {
      await null;
      seen.push(`${config!.config_id}:${new RuntimeContext('reader').get<string>('user')}`);
    }, { supervisor, configs: three.slice(0, 2) });
    await withContext({ user: 'u1' }, () => f());
    await supervisor.drain();
    expect(seen).toEqual(['m:u1', 'v1:u1']);
  });

  it('are dropped at once beyond maxBackgroundVariants, and counted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const supervisor = new Supervisor({ maxBackgroundVariants: 3 });
    const f = defineExperiment(async (config?: Config) => (config!.config_id === 'm' ? 0 : gate), { supervisor, configs: three });
    for (let i = 0; i < 5; i++) await f();
    expect(supervisor.stats()).toMatchObject({ started: 3, dropped: 7, inFlight: 3 });
    release();
    expect(await supervisor.drain()).toMatchObject({ started: 3, succeeded: 3, dropped: 7, inFlight: 0 });
  });

  it('time out after variantTimeoutMs: recorded, signal aborted, slot freed; a later settlement is ignored', async () => {
    const signals: AbortSignal[] = [];
    const errors: unknown[] = [];
    let settle!: () => void;
    const supervisor = new Supervisor({ variantTimeoutMs: 5, onError: (error) => void errors.push(error) });
    const f = defineExperiment(async (config?: Config) => {
      if (config!.config_id === 'm') return 'main';
      signals.push(currentSignal()!);
      await new Promise<void>((resolve) => (settle = resolve));
      return 'late';
    }, { supervisor, configs: three.slice(0, 2), name: 'slow' });
    expect(await f()).toBe('main');
    expect(await supervisor.drain()).toMatchObject({ started: 1, timedOut: 1, inFlight: 0 });
    expect(signals[0]!.aborted).toBe(true);
    expect(errors).toEqual([expect.any(VariantTimeoutError)]);
    settle();
    expect(await supervisor.drain()).toMatchObject({ succeeded: 0, failed: 0, timedOut: 1 });
  });

  it('report their errors to onError with the execution\'s info, never to the caller', async () => {
    const reported: Array<[unknown, ExecutionInfo]> = [];
    const boom = new Error('variant broke');
    const supervisor = new Supervisor({ onError: (error, info) => void reported.push([error, info]) });
    const f = defineExperiment((config?: Config) => {
      if (config!.config_id !== 'm') throw boom;
      return 1;
    }, { supervisor, configs: three.slice(0, 2), name: 'f' });
    expect(f()).toBe(1);
    await supervisor.drain();
    expect(reported).toEqual([[boom, { experiment: 'f', role: 'variant', background: true, configId: 'v1' }]]);
  });

  it('of a runner call without awaitVariants: the results hold main only, the variants run later', async () => {
    const supervisor = new Supervisor();
    const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: three });
    const results = runExperiment(findExperimentBinding(f)!.experiment, undefined, [], false);
    expect(results).toMatchObject({ mainResult: { result: 'm', ok: true }, variantResults: [] });
    expect(await supervisor.drain()).toMatchObject({ started: 2, succeeded: 2 });
  });
});
