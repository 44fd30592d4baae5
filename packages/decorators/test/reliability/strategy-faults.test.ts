import { arun, Config, type ExecutionInfo, experiment, InvalidStrategyResultError, run, Spearmint, type Strategy } from '@spearmint/decorators';

// A strategy's bad answer never reaches a variant or the process: it is an
// InvalidStrategyResultError for the caller, before main runs; stats() stays consistent and
// drain() resolves. (The jest environment fails any test that leaves an unhandled rejection or
// an uncaught exception behind.)

const configs = [{ config_id: 'a' }, { config_id: 'b' }, { config_id: 'c' }];
const strategyOf = (answer: (configs: readonly Config[]) => unknown) => answer as unknown as Strategy;

const badAnswers: Array<[string, (configs: readonly Config[]) => unknown, RegExp]> = [
  ['[main, [null]]', (cs) => [cs[0], [null]], /returned null as variantConfigs\[0\], which is not one of the experiment's configs \('a', 'b', 'c'\)/],
  ['[main, [42]]', (cs) => [cs[0], [42]], /returned 42 \(number\) as variantConfigs\[0\]/],
  ['a new Config per call', (cs) => [new Config({ config_id: 'a' }), cs.slice(1)], /returned an instance of Config with config_id 'a' as main, which is not one of the experiment's configs/],
  ['a plain object for main', () => [{ config_id: 'a' }, []], /returned an object with config_id 'a' as main/],
  ['undefined', () => undefined, /returned undefined\./],
  ['a function (an uncalled factory)', () => () => 0, /returned function .* \(a strategy factory passed without calling it\? Call it/],
  ['a string as variants', (cs) => [cs[0], 'b'], /returned "b" \(string\) as variantConfigs, not an array/],
  ['main among the variants', (cs) => [cs[0], [cs[1], cs[0]]], /returned config 'a' twice \(the second time as variantConfigs\[1\]\)/],
  ['a variant twice', (cs) => [cs[0], [cs[1], cs[1]]], /returned config 'b' twice/],
  ['too many variants', (cs) => [cs[0], [...cs, ...cs]], /returned 6 variant configs, but the experiment has 3 configs/],
  ['an answer whose getter throws', () => new Proxy([], { get: () => {
    throw new Error('trap');
  } }), /returned an answer that could not be read/],
];

describe.each(badAnswers)('a strategy that returns %s', (_label, answer, message) => {
  function setup(isAsync: boolean) {
    const errors: Array<[unknown, ExecutionInfo]> = [];
    const mint = new Spearmint({ configs, strategy: strategyOf(answer), onError: (error, info) => void errors.push([error, info]) });
    let calls = 0;
    const sync = mint.experiment({ name: 'sync' })((config?: Config) => {
      calls++;
      return config!.config_id;
    });
    const async = mint.experiment({ name: 'async' })(async (config?: Config) => {
      calls++;
      return config!.config_id;
    });
    return { mint, errors, fn: isAsync ? async : sync, calls: () => calls };
  }

  it('is an InvalidStrategyResultError thrown to the direct caller of a sync function, before main runs', async () => {
    const { mint, errors, fn, calls } = setup(false);
    for (let i = 0; i < 3; i++) {
      expect(() => fn()).toThrow(InvalidStrategyResultError);
      expect(() => fn()).toThrow(message);
    }
    expect(calls()).toBe(0);
    expect(mint.stats()).toMatchObject({ started: 0, inFlight: 0, dropped: 0 });
    expect(await mint.drain()).toMatchObject({ started: 0, inFlight: 0 });
    expect(errors).toEqual([]);
  });

  it('rejects the promise of an async function, and of run()/arun() runners', async () => {
    const { mint, fn, calls } = setup(true);
    const error = await (fn() as Promise<unknown>).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidStrategyResultError);
    expect((error as InvalidStrategyResultError).code).toBe('SPEARMINT_INVALID_STRATEGY_RESULT');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^The strategy of experiment 'async' /);
    await expect(run(fn, true, (runner) => runner())).rejects.toThrow(InvalidStrategyResultError);
    await expect(arun(fn, false, (runner) => runner())).rejects.toThrow(InvalidStrategyResultError);
    expect(calls()).toBe(0);
    expect(await mint.drain()).toMatchObject({ started: 0, inFlight: 0 });
  });
});

describe('strategy faults elsewhere', () => {
  it('a strategy that throws: its error reaches the caller as it is, before main runs', async () => {
    const thrown = new Error('strategy down');
    const mint = new Spearmint({ configs, strategy: () => {
      throw thrown;
    } });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => config!.config_id);
    await expect(fn()).rejects.toBe(thrown);
    expect(await mint.drain()).toMatchObject({ started: 0 });
  });

  it("a nested experiment's broken strategy fails the background variant that first calls it, nothing else", async () => {
    const errors: Array<[unknown, ExecutionInfo]> = [];
    const broken = strategyOf((cs) => [cs[0], [null]]);
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: broken })(async function inner(config?: Config) {
      return config!.config_id;
    });
    const mint = new Spearmint({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }], onError: (error, info) => void errors.push([error, info]) });
    const outer = mint.experiment({ name: 'outer' })(async (config?: Config) => (config!.config_id === 'ob' ? `ob+${await inner()}` : 'oa'));
    for (let i = 0; i < 5; i++) expect(await outer()).toBe('oa');
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 5, failed: 5, inFlight: 0 });
    expect(errors).toHaveLength(5);
    expect(errors.every(([error, info]) => error instanceof InvalidStrategyResultError && info.configId === 'ob' && info.background)).toBe(true);
  });

  it('configs made per call cannot pile up: they are refused, so nothing is kept per config made', () => {
    // Before: every call's new Config became a key of the comparison tally and the bind cache.
    const mint = new Spearmint({ configs: [{ config_id: 'a', n: 1 }, { config_id: 'b', n: 2 }], strategy: strategyOf((cs) => [cs[0], [new Config({ config_id: 'b', n: 2 })]]) });
    const fn = mint.experiment({ name: 'fn', bind: { n: 'n' } })((n?: number) => n);
    for (let i = 0; i < 1000; i++) expect(() => fn()).toThrow(/returned an instance of Config with config_id 'b' as variantConfigs\[0\]/);
    expect(mint.stats().started).toBe(0);
    expect(Object.keys(mint.stats().comparisons)).toEqual([]);
  });
});
