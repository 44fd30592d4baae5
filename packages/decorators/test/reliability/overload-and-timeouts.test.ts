import { arun, Config, currentSignal, DrainTimeoutError, Spearmint, VariantTimeoutError } from '@spearmint/decorators';

const never = () => new Promise<never>(() => undefined);

describe('overload', () => {
  it('keeps at most maxBackgroundVariants in flight and drops the rest at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let dropped = 0;
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'blocked' }], maxBackgroundVariants: 5, onDrop: () => void dropped++ });
    class Svc {
      @mint.experiment()
      async handle(n: number, config?: Config): Promise<number> {
        if (config!.id === 'blocked') await gate;
        return n;
      }
    }
    const svc = new Svc();
    for (let i = 0; i < 100; i++) {
      expect(await svc.handle(i)).toBe(i);
      expect(mint.stats().inFlight).toBeLessThanOrEqual(5);
    }
    const stats = mint.stats();
    expect(stats.inFlight).toBeLessThanOrEqual(5);
    expect(stats.dropped).toBeGreaterThanOrEqual(1);
    expect(stats.started + stats.dropped).toBe(100);
    release();
    const drained = await mint.drain();
    expect(drained).toMatchObject({ inFlight: 0, succeeded: stats.started });
    await new Promise((r) => setImmediate(r));
    expect(dropped).toBe(stats.dropped);
  });

  it('admits nothing with maxBackgroundVariants 0 and has no bound with Infinity', async () => {
    const none = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }], maxBackgroundVariants: 0 });
    const all = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }], maxBackgroundVariants: Infinity });
    const f = none.experiment({ name: 'f' })(() => 1);
    const g = all.experiment({ name: 'g' })(async () => new Promise((r) => setTimeout(r, 5)));
    for (let i = 0; i < 300; i++) f();
    expect(none.stats()).toMatchObject({ started: 0, dropped: 300 });
    await Promise.all(Array.from({ length: 300 }, () => g()));
    expect(all.stats()).toMatchObject({ dropped: 0, started: 300 });
    expect((await all.drain()).succeeded).toBe(300);
  });
});

describe('variantTimeoutMs', () => {
  it('times out a background variant: counted, its signal aborted, its slot free again', async () => {
    const signals: AbortSignal[] = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'hangs' }], variantTimeoutMs: 25, maxBackgroundVariants: 1, onError: () => undefined });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'hangs') {
        signals.push(currentSignal()!);
        await never();
      }
      return 'main';
    });
    expect(await fn()).toBe('main');
    expect(await fn()).toBe('main'); // the one slot is taken: dropped
    expect(mint.stats()).toMatchObject({ started: 1, dropped: 1, inFlight: 1 });
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 1, timedOut: 1, inFlight: 0 });
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(VariantTimeoutError);
    expect(await fn()).toBe('main'); // the slot is free again
    expect(mint.stats()).toMatchObject({ started: 2, dropped: 1 });
    await mint.drain();
  });

  it('records an awaited variant that runs too long as timed out, with a SpearmintError', async () => {
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'slow' }], variantTimeoutMs: 20 });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'slow') await new Promise((r) => setTimeout(r, 200));
      return config!.id;
    });
    const results = await arun(fn, true, (runner) => runner());
    expect(results.mainResult.result).toBe('main');
    expect(results.variantResults[0]).toMatchObject({ ok: false, result: undefined });
    expect(results.variantResults[0]!.error).toBeInstanceOf(VariantTimeoutError);
    expect((results.variantResults[0]!.error as VariantTimeoutError).code).toBe('SPEARMINT_VARIANT_TIMEOUT');
    expect(mint.stats().started).toBe(0); // awaited variants are not background work
  });

  it('ignores the settlement of a variant after its timeout', async () => {
    const results: unknown[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let returned!: () => void;
    const lateReturned = new Promise<void>((resolve) => (returned = resolve));
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'late' }], variantTimeoutMs: 10, onResult: (r) => void results.push(r.result), onError: () => undefined });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'late') {
        await gate; // released only after the timeout was recorded
        setImmediate(returned);
      }
      return config!.id;
    });
    await fn();
    await mint.drain();
    release();
    await lateReturned; // the variant settled (late), and the engine saw it
    await mint.drain(); // a hook it had (wrongly) queued would run before this resolves
    expect(results).toEqual(['main', undefined]);
    expect(mint.stats()).toMatchObject({ timedOut: 1, succeeded: 0, failed: 0 });
  });
});

describe('drain()', () => {
  it('covers variants started while draining', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }] });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => (config!.id === 'b' ? gate : undefined));
    await fn();
    const draining = mint.drain();
    await new Promise((r) => setImmediate(r)); // the drain is waiting for the first variant
    await fn(); // admitted while the first variant still runs
    expect(mint.stats()).toMatchObject({ started: 2, inFlight: 2 });
    release();
    expect(await draining).toMatchObject({ started: 2, succeeded: 2, inFlight: 0 });
  });

  it('gives up after its timeout: aborts what is left, resolves anyway, never rejects', async () => {
    const signals: AbortSignal[] = [];
    const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }] });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'b') {
        signals.push(currentSignal()!);
        await never();
      }
      return 1;
    });
    await fn();
    const stats = await mint.drain(20);
    expect(stats.inFlight).toBe(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(DrainTimeoutError);
    await expect(new Spearmint().drain()).resolves.toMatchObject({ started: 0, inFlight: 0 });
  });
});
