import { Config, run, Spearmint } from '@spearmint/decorators';

// Values user code may hand the engine: each one breaks a naive `String(x)`, `x.message` or `x.then`.
const nullPrototype = () => Object.create(null) as object;
const throwingToString = () => ({
  toString() {
    throw new Error('toString threw');
  },
});
const throwingMessage = () =>
  Object.defineProperty(new Error('hidden'), 'message', {
    get() {
      throw new Error('message getter threw');
    },
  });
const throwingThen = () =>
  new Proxy(
    {},
    {
      get(_target, key) {
        if (key === 'then') throw new Error('then getter threw');
        return undefined;
      },
    },
  );

const oddValues: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['a null-prototype object', nullPrototype],
  ['an object whose toString throws', throwingToString],
  ['an error whose message getter throws', throwingMessage],
];

/** Waits until `ms` have passed on the clock (an upper bound for a bug, never for a fix). */
const elapsed = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('timers past 2^31 − 1 ms', () => {
  it('variantTimeoutMs: Infinity means no timeout (not 1 ms)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'slow' }], variantTimeoutMs: Infinity });
    class Svc {
      @mint.experiment()
      async handle(config?: Config): Promise<string> {
        if (config!.id === 'slow') await gate;
        return config!.id as string;
      }
    }
    expect(await new Svc().handle()).toBe('main');
    await elapsed(20);
    expect(mint.stats()).toMatchObject({ started: 1, inFlight: 1, timedOut: 0 });
    release();
    expect(await mint.drain()).toMatchObject({ succeeded: 1, timedOut: 0, inFlight: 0 });
  });

  it.each([2 ** 31, 1e12])('variantTimeoutMs: %d is a TypeError naming the limit', (value) => {
    expect(() => new Spearmint({ variantTimeoutMs: value })).toThrow(/variantTimeoutMs.*2147483647.*Infinity/);
  });

  it('drain(Infinity) waits without a limit and aborts nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const signals: AbortSignal[] = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'slow' }] });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'slow') await gate;
      return 1;
    });
    await fn();
    let drained = false;
    const drain = mint.drain(Infinity).then((stats) => ((drained = true), stats));
    await elapsed(20);
    expect(drained).toBe(false);
    release();
    expect(await drain).toMatchObject({ succeeded: 1, inFlight: 0 });
    expect(signals.every((signal) => !signal.aborted)).toBe(true);
    expect(() => mint.drain(2 ** 31)).toThrow(/timeoutMs.*2147483647/);
  });

  it('drain() with a negative time (a deadline already past) counts it as 0', async () => {
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'hangs' }] });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'hangs') await new Promise(() => undefined);
      return 1;
    });
    await fn();
    expect(await mint.drain(-25)).toMatchObject({ inFlight: 1 });
  });
});

describe('hooks that throw or return odd values', () => {
  let errorSpy: jest.SpyInstance;
  beforeEach(() => {
    errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorSpy.mockRestore());

  const behaviours: Array<[string, (value: unknown) => () => unknown]> = [
    ['throws', (value) => () => {
      throw value;
    }],
    ['rejects with', (value) => () => Promise.reject(value)],
  ];
  const hooks = ['onResult', 'onError', 'onDrop', 'onMismatch'] as const;

  for (const hook of hooks) {
    for (const [how, make] of behaviours) {
      it.each(oddValues)(`${hook} that ${how} %s is contained and drain() resolves`, async (_label, value) => {
        const mint = new Spearmint({
          configs: [{ config_id: 'main' }, { config_id: 'variant' }],
          maxBackgroundVariants: hook === 'onDrop' ? 0 : 10,
          [hook]: make(value()),
        });
        class Svc {
          @mint.experiment()
          handle(config?: Config): string {
            if (config!.config_id === 'variant') throw new Error('variant failed');
            return 'main';
          }
        }
        expect(new Svc().handle()).toBe('main');
        const stats = await mint.drain();
        expect(stats.inFlight).toBe(0);
        expect(errorSpy).toHaveBeenCalled();
      });
    }
    it(`${hook} that returns a thenable whose then getter throws is contained`, async () => {
      const mint = new Spearmint({
        configs: [{ config_id: 'main' }, { config_id: 'variant' }],
        maxBackgroundVariants: hook === 'onDrop' ? 0 : 10,
        [hook]: throwingThen,
      });
      const fn = mint.experiment({ name: 'fn' })((config?: Config) => {
        if (config!.config_id === 'variant') throw new Error('variant failed');
        return 'main';
      });
      expect(fn()).toBe('main');
      expect((await mint.drain()).inFlight).toBe(0);
      expect(String(errorSpy.mock.calls.at(-1)![0])).toMatch(/then getter threw/);
    });
  }

  it.each(oddValues)('the default onError logs a variant that throws %s', async (_label, value) => {
    const mint = new Spearmint({ configs: [{ config_id: 'main' }, { config_id: 'variant' }] });
    class Svc {
      @mint.experiment()
      async handle(config?: Config): Promise<string> {
        if (config!.config_id === 'variant') throw value();
        return 'main';
      }
    }
    expect(await new Svc().handle()).toBe('main');
    expect(await mint.drain()).toMatchObject({ failed: 1, inFlight: 0 });
    expect(errorSpy).toHaveBeenCalledTimes(1);
    expect(String(errorSpy.mock.calls[0]![0])).toMatch(/background variant 'variant' of experiment 'Svc.handle' failed/);
  });
});

describe('a returned value whose then getter throws', () => {
  let failing = 'variant';
  const mint = new Spearmint({ configs: [{ config_id: 'main' }, { config_id: 'variant' }], onError: () => undefined });
  class Service {
    @mint.experiment()
    handle(config?: Config): unknown {
      return config!.config_id === failing ? throwingThen() : 'ok';
    }
  }

  it('from a background variant: counted as failed, its slot freed, drain() resolves', async () => {
    expect(new Service().handle()).toBe('ok');
    expect(await mint.drain()).toMatchObject({ failed: 1, inFlight: 0 });
  });

  it('from an awaited variant of a sync run(): the error is in its result, not thrown', () => {
    const results = run(new Service().handle, true, (runner) => runner());
    expect(results.mainResult.result).toBe('ok');
    expect(results.variantResults[0]).toMatchObject({ ok: false });
    expect(String(results.variantResults[0]!.error)).toMatch(/then getter threw/);
  });

  it("from main: the caller gets that error as main's own", async () => {
    failing = 'main';
    expect(() => new Service().handle()).toThrow(/then getter threw/);
    await mint.drain();
  });
});

describe('stats() with hostile names', () => {
  it('an experiment named __proto__ does not write into Object.prototype', async () => {
    const mint = new Spearmint({ configs: [{ config_id: 'a' }, { config_id: '__proto__', isAdmin: true }] });
    const fn = mint.experiment({ name: '__proto__' })((config?: Config) => config!.config_id);
    fn();
    const stats = await mint.drain();
    expect(({} as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
    expect(Object.keys(stats.comparisons)).toEqual(['__proto__']);
    expect(stats.comparisons['__proto__']!['__proto__']).toEqual({ compared: 1, mismatched: 1, ignored: 0 });
  });
});
