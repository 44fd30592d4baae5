import { arun, type Config, experiment, run, Spearmint, withContext } from '@spearmint/decorators';

const configs = [{ config_id: 'main', n: 1 }, { config_id: 'shadow', n: 2 }];

/** A service whose calls count per config, so a test sees which executions ran. */
function makeService(mint: Spearmint, options: Parameters<Spearmint['experiment']>[0] = {}) {
  const calls: string[] = [];
  class PriceService {
    @mint.experiment(options)
    price(quantity: number, config?: Config<{ n: number }>): number {
      calls.push(config!.config_id);
      return quantity * config!.n;
    }

    @mint.experiment(options)
    async quote(quantity: number, config?: Config<{ n: number }>): Promise<number> {
      calls.push(config!.config_id);
      return quantity * config!.n;
    }
  }
  return { svc: new PriceService(), calls };
}

describe('sampleRate: which entry calls run their background variants', () => {
  it('0 runs no variant of a direct or background-runner call and counts each call as sampled out', async () => {
    const mint = new Spearmint({ configs, sampleRate: 0 });
    const { svc, calls } = makeService(mint);
    expect(svc.price(3)).toBe(3);
    expect(await svc.quote(3)).toBe(3);
    const results = run(svc.price.bind(svc), (runner) => runner(3));
    expect(results.variantResults).toEqual([]);
    const stats = await mint.drain();
    expect(calls).toEqual(['main', 'main', 'main']);
    expect(stats).toMatchObject({ started: 0, sampledOut: 3 });
  });

  it('awaited runners ignore it: every variant runs', async () => {
    const mint = new Spearmint({ configs, sampleRate: 0 });
    const { svc, calls } = makeService(mint);
    expect(run(svc.price.bind(svc), true, (runner) => runner(2)).variantResults.map((r) => r.result)).toEqual([4]);
    expect((await arun(svc.quote.bind(svc), true, (runner) => runner(2))).variantResults.map((r) => r.result)).toEqual([4]);
    expect(calls).toEqual(['main', 'shadow', 'main', 'shadow']);
    expect(mint.stats().sampledOut).toBe(0);
  });

  it('a number samples at random: 0.25 of 4,000 calls run their variants (within the 99.99 % binomial interval)', async () => {
    const mint = new Spearmint({ configs, sampleRate: 0.25, maxBackgroundVariants: Infinity });
    const { svc } = makeService(mint);
    for (let i = 0; i < 4_000; i++) svc.price(i);
    const stats = await mint.drain();
    // mean 1,000, sd ≈ 27.4: ± 4 sd
    expect(stats.started).toBeGreaterThan(1_000 - 110);
    expect(stats.started).toBeLessThan(1_000 + 110);
    expect(stats.started + stats.sampledOut).toBe(4_000);
  });

  it('a function decides per request, deterministically, from the request values', async () => {
    const mint = new Spearmint({ configs, sampleRate: (ctx) => ctx.get<string>('userId')!.endsWith('7') });
    const { svc, calls } = makeService(mint);
    for (const userId of ['u1', 'u7', 'u17', 'u2', 'u7']) withContext({ userId }, () => svc.price(1));
    await withContext({ userId: 'u27' }, () => svc.quote(1));
    await mint.drain();
    expect(calls.filter((id) => id === 'shadow')).toHaveLength(4);
    expect(mint.stats().sampledOut).toBe(2);
  });

  it("the experiment's sampleRate wins over the instance's; standalone experiment() takes it too", async () => {
    const mint = new Spearmint({ configs, sampleRate: 0 });
    const { svc, calls } = makeService(mint, { sampleRate: 1 });
    svc.price(1);
    const alone = experiment({ configs, sampleRate: 0 })(function alone(x: number, config?: Config<{ n: number }>) {
      return x * config!.n;
    });
    expect(alone(5)).toBe(5);
    await mint.drain();
    expect(calls).toEqual(['main', 'shadow']);
  });

  it('variants that only nested experiments bring are sampled when they join, in the entry call’s request values', async () => {
    const mint = new Spearmint({ sampleRate: (ctx) => ctx.get('sample') === true });
    const seen: string[] = [];
    const inner = mint.experiment({ configs, name: 'inner' })((x: number, config?: Config<{ n: number }>) => {
      seen.push(config!.config_id);
      return x * config!.n;
    });
    const outer = mint.experiment({ configs: [{ config_id: 'only' }], name: 'outer', configParam: false })((x: number) => inner(x));
    withContext({ sample: false }, () => outer(1));
    withContext({ sample: true }, () => outer(1));
    const stats = await mint.drain();
    expect(seen).toEqual(['main', 'main', 'shadow']);
    expect(stats).toMatchObject({ started: 1, sampledOut: 1 });
  });

  it('a sampleRate function that throws or answers a non-boolean leaves the call out and says so once', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const mint = new Spearmint({ configs, sampleRate: () => { throw undefined; } });
      const { svc } = makeService(mint);
      expect(svc.price(2)).toBe(2);
      expect(svc.price(2)).toBe(2);
      const odd = new Spearmint({ configs, sampleRate: (() => 'yes') as never });
      expect(makeService(odd).svc.price(2)).toBe(2);
      expect((await mint.drain()).sampledOut).toBe(2);
      expect((await odd.drain()).sampledOut).toBe(1);
      expect(spy.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining("sampleRate of experiment 'PriceService.price' threw undefined"),
        expect.stringContaining(`sampleRate of experiment 'PriceService.price' returned "yes" (string)`),
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('a sampleRate out of [0, 1] or of another type is a TypeError at set-up, naming where', () => {
    expect(() => new Spearmint({ sampleRate: 1.5 })).toThrow('Expected `sampleRate` of new Spearmint() to be a number from 0 to 1, or a function (ctx) => boolean, got 1.5 (number).');
    expect(() => new Spearmint({ sampleRate: '0.5' as never })).toThrow(TypeError);
    const mint = new Spearmint({ configs });
    expect(() => mint.experiment({ name: 'svc.price', sampleRate: Number.NaN })((x: number) => x)).toThrow(
      "Expected `sampleRate` of experiment 'svc.price' to be a number from 0 to 1, or a function (ctx) => boolean, got NaN (number).",
    );
  });
});
