import { arun, type Config, MismatchError, run, Spearmint, SpearmintError } from '@spearmint/decorators';

const configs = [{ config_id: 'main', n: 1 }, { config_id: 'same', n: 1 }, { config_id: 'diff', n: 2 }, { config_id: 'worse', n: 3 }];
const raising = { awaitVariants: true, raiseOnMismatch: true } as const;

function service(mint: Spearmint) {
  class Pricing {
    @mint.experiment()
    quote(item: string, config?: Config<{ n: number }>): { item: string; price: number } {
      return { item, price: 10 * config!.n };
    }

    @mint.experiment()
    async quoteLater(item: string, config?: Config<{ n: number }>): Promise<{ item: string; price: number }> {
      if (config!.n === 3) throw new RangeError(`no price for ${item}`);
      return { item, price: 10 * config!.n };
    }
  }
  return new Pricing();
}

describe('raiseOnMismatch: a runner that throws when a variant does not match main', () => {
  it('run() throws a MismatchError for the first mismatching variant, naming the experiment, the config and both values', () => {
    const svc = service(new Spearmint({ configs }));
    let error: unknown;
    try {
      run(svc.quote.bind(svc), raising, (runner) => runner('tea'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MismatchError);
    expect(error).toBeInstanceOf(SpearmintError);
    const mismatch = error as MismatchError;
    expect(mismatch).toMatchObject({ code: 'SPEARMINT_MISMATCH', experiment: 'Pricing.quote', configId: 'diff', reason: 'different' });
    expect(mismatch.mainValue).toEqual({ item: 'tea', price: 10 });
    expect(mismatch.variantValue).toEqual({ item: 'tea', price: 20 });
    expect(mismatch.message).toBe(
      "Variant 'diff' of experiment 'Pricing.quote' does not match main (different): main returned { item: 'tea', price: 10 }, the variant returned { item: 'tea', price: 20 }.",
    );
    expect(mismatch.results.variantResults.map((r) => r.matchesMain)).toEqual([true, false, false]);
  });

  it('arun() rejects with it; a failing variant is named with its error', async () => {
    const svc = service(new Spearmint({ configs: [configs[0]!, configs[3]!] }));
    const rejection = arun(svc.quoteLater.bind(svc), raising, (runner) => runner('tea'));
    await expect(rejection).rejects.toThrow(
      "Variant 'worse' of experiment 'Pricing.quoteLater' does not match main (variantFailed): main returned { item: 'tea', price: 10 }, the variant threw RangeError: no price for tea.",
    );
  });

  it('values are truncated in the message and whole on the error', () => {
    const mint = new Spearmint({ configs: configs.slice(0, 3) });
    const long = mint.experiment({ name: 'long' })((config?: Config<{ n: number }>) => 'x'.repeat(500) + config!.n);
    const error = (() => {
      try {
        run(long, raising, (runner) => runner());
      } catch (caught) {
        return caught as MismatchError;
      }
    })()!;
    expect(error.message.length).toBeLessThan(600);
    expect(error.message).toContain('…');
    expect(error.variantValue).toBe('x'.repeat(500) + '2');
  });

  it('no throw when every variant matches or ignore accepts the mismatch; main failing throws main’s error as always', async () => {
    const mint = new Spearmint({ configs: configs.slice(0, 3), ignore: (main: { price: number }, variant: { price: number }) => variant.price === main.price * 2 });
    const svc = service(mint);
    expect(run(svc.quote.bind(svc), raising, (runner) => runner('tea')).variantResults).toHaveLength(2);
    expect((await arun(svc.quoteLater.bind(svc), raising, (runner) => runner('tea'))).variantResults).toHaveLength(2);
    const failing = new Spearmint({ configs: [configs[3]!, configs[0]!] }).experiment({ name: 'failing' })(async (config?: Config<{ n: number }>) => {
      if (config!.n === 3) throw new RangeError('main failed');
      return config!.n;
    });
    await expect(arun(failing, raising, (runner) => runner())).rejects.toThrow(new RangeError('main failed'));
    expect(mint.stats().comparisons['Pricing.quote']!['diff']).toEqual({ compared: 1, mismatched: 0, ignored: 1 });
  });

  it('needs awaitVariants: true; RunOptions are checked', () => {
    const svc = service(new Spearmint({ configs }));
    expect(() => run(svc.quote.bind(svc), { raiseOnMismatch: true }, (runner) => runner('tea'))).toThrow(
      'run(): `raiseOnMismatch` needs `awaitVariants: true` (background variants finish after the runner returns, so there is nothing to raise).',
    );
    expect(() => run(svc.quote.bind(svc), { awaitVariants: true, raiseOnMismatch: 'yes' as never }, (runner) => runner('tea'))).toThrow(
      'run(): expected `raiseOnMismatch` to be a boolean, got yes (string).',
    );
    expect(() => run(svc.quote.bind(svc), { awaitVariant: true } as never, (runner) => runner('tea'))).toThrow(TypeError);
  });
});
