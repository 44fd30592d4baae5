import { type Config, type MismatchInfo, run, Spearmint } from '@spearmint/decorators';

const configs = [{ config_id: 'main', n: 1 }, { config_id: 'same', n: 1 }, { config_id: 'diff', n: 2 }];

interface Order {
  total: number;
  lines: number[];
  tags: Map<string, Set<string>>;
  at: Date;
}

describe('clean: main is compared as it was when it returned', () => {
  it('a caller that changes the returned object right away causes no mismatch (sync and async, background)', async () => {
    const mismatches: string[] = [];
    const mint = new Spearmint({ configs, onMismatch: (_main, _variant, info) => void mismatches.push(info.configId) });
    const orderOf = (n: number): Order => ({ total: n, lines: [n], tags: new Map([['k', new Set(['a'])]]), at: new Date(0) });
    class Orders {
      @mint.experiment()
      build(config?: Config<{ n: number }>): Order {
        return orderOf(config!.n);
      }

      @mint.experiment()
      async buildLater(config?: Config<{ n: number }>): Promise<Order> {
        return orderOf(config!.n);
      }
    }
    const orders = new Orders();
    const order = orders.build();
    order.total = 99;
    order.lines.push(5);
    order.tags.get('k')!.add('b');
    order.at.setTime(1);
    const later = await orders.buildLater();
    later.lines.length = 0;
    const stats = await mint.drain();
    expect(stats.comparisons['Orders.build']).toEqual({ same: { compared: 1, mismatched: 0, ignored: 0 }, diff: { compared: 1, mismatched: 1, ignored: 0 } });
    expect(stats.comparisons['Orders.buildLater']).toEqual({ same: { compared: 1, mismatched: 0, ignored: 0 }, diff: { compared: 1, mismatched: 1, ignored: 0 } });
    expect(mismatches.sort()).toEqual(['diff', 'diff']);
  });

  it('values that are not plain data (class instances) are compared by reference: a change after return shows', async () => {
    class Total {
      constructor(public value: number) {}
    }
    const mint = new Spearmint({ configs: configs.slice(0, 2) });
    const make = mint.experiment({ name: 'make' })((config?: Config<{ n: number }>) => new Total(config!.n));
    make().value = 7;
    expect((await mint.drain()).comparisons['make']).toEqual({ same: { compared: 1, mismatched: 1, ignored: 0 } });
  });

  it('a clean of the experiment is applied to main and to each variant; compare sees what it returns', () => {
    const compared: unknown[] = [];
    const mint = new Spearmint({
      configs,
      compare: (main, variant) => (compared.push([main, variant]), main === variant),
      clean: () => 'instance clean, overridden',
    });
    const fn = mint.experiment({ name: 'fn', clean: (order: { total: number }) => order.total > 0 })((config?: Config<{ n: number }>) => ({ total: config!.n }));
    const results = run(fn, true, (runner) => runner());
    expect(results.variantResults.map((r) => r.matchesMain)).toEqual([true, true]);
    expect(results.mainResult.result).toEqual({ total: 1 }); // callers and hooks get the values themselves
    expect(compared).toEqual([[true, true], [true, true]]);
  });

  it('a clean that throws makes each comparison of the call a compareFailed mismatch, with its error', () => {
    const infos: MismatchInfo[] = [];
    const mint = new Spearmint({ configs: configs.slice(0, 2), onMismatch: (_m, _v, info) => void infos.push(info) });
    const boom = new Error('cannot clean');
    const fn = mint.experiment({ name: 'fn', clean: () => { throw boom; } })((config?: Config<{ n: number }>) => config!.n);
    expect(run(fn, true, (runner) => runner()).variantResults[0]!.matchesMain).toBe(false);
    return mint.drain().then(() => expect(infos).toEqual([expect.objectContaining({ reason: 'compareFailed', compareError: boom, configId: 'same' })]));
  });

  it('a clean or ignore that is not a function is a TypeError at set-up', () => {
    expect(() => new Spearmint({ clean: 'deep' as never })).toThrow('Expected `clean` to be a function, got string.');
    expect(() => new Spearmint({ configs }).experiment({ name: 'x', ignore: 1 as never })((x: number) => x)).toThrow(
      "Expected `ignore` of experiment 'x' to be a function, got number.",
    );
  });
});

describe('ignore: mismatches it accepts are counted apart', () => {
  it('counts accepted mismatches as ignored, not mismatched, with no onMismatch call; it gets the compared values and why', async () => {
    const seen: Array<[unknown, unknown, MismatchInfo]> = [];
    const mismatches: MismatchInfo[] = [];
    const mint = new Spearmint({
      configs: [...configs, { config_id: 'bad', n: 0 }],
      onError: () => undefined,
      onMismatch: (_m, _v, info) => void mismatches.push(info),
      ignore: (main, variant, info) => {
        seen.push([main, variant, info]);
        return info.reason === 'different';
      },
    });
    class Svc {
      @mint.experiment()
      async price(quantity: number, config?: Config<{ n: number }>): Promise<number> {
        if (config!.n === 0) throw new RangeError('no price');
        return quantity * config!.n;
      }
    }
    expect(await new Svc().price(3)).toBe(3);
    const stats = await mint.drain();
    expect(stats.comparisons['Svc.price']).toEqual({
      same: { compared: 1, mismatched: 0, ignored: 0 },
      diff: { compared: 1, mismatched: 0, ignored: 1 },
      bad: { compared: 1, mismatched: 1, ignored: 0 },
    });
    expect(seen.map(([main, variant, info]) => [main, variant instanceof RangeError ? 'RangeError' : variant, info.reason, info.configId, info.background])).toEqual(
      expect.arrayContaining([
        [3, 6, 'different', 'diff', true],
        [3, 'RangeError', 'variantFailed', 'bad', true],
      ]),
    );
    expect(mismatches.map((info) => info.configId)).toEqual(['bad']);
  });

  it("the experiment's ignore wins; one that throws or answers a non-boolean leaves the mismatch standing", async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const mint = new Spearmint({ configs, ignore: () => true });
      const throwing = mint.experiment({ name: 'throwing', ignore: () => { throw Object.create(null); } })((config?: Config<{ n: number }>) => config!.n);
      const vague = mint.experiment({ name: 'vague', ignore: (() => 'yes') as never })((config?: Config<{ n: number }>) => config!.n);
      const lenient = mint.experiment({ name: 'lenient' })((config?: Config<{ n: number }>) => config!.n);
      throwing();
      vague();
      lenient();
      const { comparisons } = await mint.drain();
      expect(comparisons['throwing']!['diff']).toEqual({ compared: 1, mismatched: 1, ignored: 0 });
      expect(comparisons['vague']!['diff']).toEqual({ compared: 1, mismatched: 1, ignored: 0 });
      expect(comparisons['lenient']!['diff']).toEqual({ compared: 1, mismatched: 0, ignored: 1 });
      expect(spy).toHaveBeenCalledWith(expect.stringContaining("ignore threw for variant 'diff' of experiment 'throwing', so the mismatch stands"));
    } finally {
      spy.mockRestore();
    }
  });

  it('a console.error that throws cannot turn those log lines into failures', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {
      throw new Error('console is broken');
    });
    try {
      const mint = new Spearmint({ configs, sampleRate: () => { throw new Error('no sample'); } });
      const fn = mint.experiment({ name: 'fn', ignore: () => { throw new Error('no ignore'); }, compare: () => { throw new Error('no compare'); } })(
        (config?: Config<{ n: number }>) => config!.n,
      );
      expect(fn()).toBe(1);
      expect(run(fn, true, (runner) => runner()).variantResults.map((r) => r.matchesMain)).toEqual([false, false]);
      expect((await mint.drain()).comparisons['fn']!['same']).toEqual({ compared: 1, mismatched: 1, ignored: 0 });
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3); // sampleRate, ignore and compare each tried to say so
    } finally {
      spy.mockRestore();
    }
  });
});
