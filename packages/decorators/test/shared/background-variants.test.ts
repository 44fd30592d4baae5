import { Config, currentSignal, ExecutionInfo, FunctionResult, run, Spearmint, VariantTimeoutError } from '@spearmint/decorators';

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { takeUnhandledEvents } from '../../../../test-setup/fail-on-unhandled';

const root = join(__dirname, '..', '..', '..', '..');

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('background variants', () => {
  it('a failing async variant leaves main intact and causes no unhandledRejection', async () => {
    const errors: Array<[unknown, ExecutionInfo]> = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'failing_variant' }], onError: (e, info) => errors.push([e, info]) });
    class Svc {
      @mint.experiment()
      async process(value: string, config?: Config<{ id: string }>): Promise<string> {
        await delay(5);
        if (config!.id === 'failing_variant') throw new Error(`Test exception in ${config!.id}`);
        return `${value}_${config!.id}`;
      }
    }
    const svc = new Svc();
    expect(await svc.process('test')).toBe('test_main');
    const results = await run(svc.process.bind(svc), false, (runner) => runner('test'));
    expect(results.mainResult.result).toBe('test_main');
    expect(results.variantResults).toEqual([]);
    await mint.drain();
    await delay(20);
    expect(takeUnhandledEvents()).toEqual([]); // recorded on the real process by the jest environment
    expect(errors).toHaveLength(2);
    expect(errors[0]![1]).toEqual({ experiment: 'Svc.process', role: 'variant', background: true, configId: new Config({ id: 'failing_variant' }).config_id });
    const failingId = new Config({ id: 'failing_variant' }).config_id;
    expect(mint.stats()).toEqual({
      started: 2,
      succeeded: 0,
      failed: 2,
      timedOut: 0,
      dropped: 0,
      inFlight: 0,
      sampledOut: 0,
      recordsDropped: 0,
      comparisons: { 'Svc.process': { [failingId]: { compared: 2, mismatched: 2, ignored: 0 } } },
    });
  });

  it('start only after the caller has main result, and are admitted by then', () => {
    const order: string[] = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }] });
    const fn = mint.experiment()(function fn(config?: Config) {
      order.push(config!.id);
      return config!.id;
    });
    expect(fn()).toBe('m');
    order.push('caller');
    expect(mint.stats()).toMatchObject({ started: 1, inFlight: 1 });
    return mint.drain().then((stats) => {
      expect(order).toEqual(['m', 'caller', 'v']);
      expect(stats).toMatchObject({ started: 1, succeeded: 1, inFlight: 0 });
    });
  });

  it('run for a main that throws too, whose error reaches the caller unchanged', async () => {
    const boom = new TypeError('main broke');
    const ran: string[] = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }] });
    const fn = mint.experiment()(function fn(config?: Config) {
      ran.push(config!.id);
      if (config!.id === 'm') throw boom;
      return 1;
    });
    expect(() => fn()).toThrow(boom);
    await mint.drain();
    expect(ran).toEqual(['m', 'v']);
  });

  it('report every execution to onResult, after the caller has its result', async () => {
    const reported: Array<[FunctionResult, ExecutionInfo]> = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }], onResult: (r, info) => void reported.push([r, info]) });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => config!.id as string);
    expect(await fn()).toBe('m');
    expect(reported).toEqual([]);
    await mint.drain();
    expect(reported.map(([r, info]) => [r.result, info.role, info.background])).toEqual([
      ['m', 'main', false],
      ['v', 'variant', true],
    ]);
  });

  it('log background errors to console.error by default, naming experiment and config_id', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const mint = new Spearmint({ configs: [{ config_id: 'main' }, { config_id: 'broken' }] });
      const fn = mint.experiment({ name: 'Svc.run' })(() => {
        if (run.length < 0) return 0;
        throw new Error('kaput');
      });
      expect(() => fn()).toThrow('kaput');
      await mint.drain();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toMatch(/'broken'.*'Svc\.run'.*kaput/);
    } finally {
      spy.mockRestore();
    }
  });

  it('time out after variantTimeoutMs: counted, signal aborted, slot freed', async () => {
    let signal: AbortSignal | undefined;
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'slow' }], variantTimeoutMs: 20, maxBackgroundVariants: 1, onError: () => undefined });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'slow') {
        signal = currentSignal();
        await new Promise(() => undefined); // never settles
      }
      return config!.id;
    });
    await fn();
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 1, timedOut: 1, inFlight: 0 });
    expect(signal!.aborted).toBe(true);
    expect(signal!.reason).toBeInstanceOf(VariantTimeoutError);
    await fn();
    expect(mint.stats()).toMatchObject({ started: 2, dropped: 0 });
  });

  it('drop variants beyond maxBackgroundVariants at once and count them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const drops: ExecutionInfo[] = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }], maxBackgroundVariants: 5, onDrop: (info) => void drops.push(info) });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'v') await gate;
      return 1;
    });
    for (let i = 0; i < 100; i++) await fn();
    expect(mint.stats()).toMatchObject({ started: 5, inFlight: 5, dropped: 95 });
    release();
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 5, succeeded: 5, inFlight: 0, dropped: 95 });
    expect(drops).toHaveLength(95);
  });

  it('leave a rejection the caller ignores unhandled, as it would be without Spearmint', () => {
    // In its own process: jest would fail this test on the (expected) unhandled rejection.
    const script = join(__dirname, '..', 'fixtures', 'ignored-rejection.ts');
    const output = execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [script], { cwd: root, encoding: 'utf8' });
    expect(output.trim().split('\n').sort()).toEqual(['unhandled: ignored by the caller', 'variants: 1']);
  });

  it('run for a nested experiment that joins after an await, and drain() right after the call covers them', async () => {
    const ran: string[] = [];
    const mint = new Spearmint();
    const inner = mint.experiment({ name: 'inner', configs: [{ id: 'i1' }, { id: 'i2' }] })((config?: Config) => {
      ran.push(config!.id);
      return config!.id as string;
    });
    const outer = mint.experiment({ name: 'outer', configs: [{ id: 'o' }] })(async () => {
      await delay(2);
      return inner();
    });
    expect(await outer()).toBe('i1');
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 1, succeeded: 1 });
    expect(ran).toEqual(['i1', 'i2']);
  });
});
