import { arun, Config, ExperimentCaseResults, FunctionResult, run, Spearmint } from '@spearmint/decorators';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function makeService(configs = [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }, { model: 'gpt-3.5-turbo' }]) {
  const mint = new Spearmint({ configs });
  class TextService {
    @mint.experiment()
    generate(prompt: string, config?: Config<{ model: string }>): string {
      return `${config!.model}: ${prompt}`;
    }
    @mint.experiment()
    async agenerate(prompt: string, config?: Config<{ model: string }>): Promise<string> {
      await delay(config!.model === 'gpt-4o' ? 5 : 1);
      return `${config!.model}: ${prompt}`;
    }
  }
  const svc = new TextService();
  return { mint, svc, generate: svc.generate.bind(svc), agenerate: svc.agenerate.bind(svc) };
}

describe('run()', () => {
  it('returns the callback value; awaited variants follow case order', () => {
    const { generate } = makeService();
    const results = run(generate, true, (runner) => runner('hi'));
    expect(results).toBeInstanceOf(ExperimentCaseResults);
    expect(results.mainResult).toBeInstanceOf(FunctionResult);
    expect(results.mainResult.result).toBe('gpt-4o: hi');
    expect(results.variantResults.map((v) => v.result)).toEqual(['gpt-4o-mini: hi', 'gpt-3.5-turbo: hi']);
    expect(results.mainResult.experimentCase.getConfigId(generate)).toBe(new Config({ model: 'gpt-4o' }).config_id);
    expect(results.mainResult.experimentCase.getConfigId('TextService.generate')).toBe(new Config({ model: 'gpt-4o' }).config_id);
    expect(results.variantResults[1]!.experimentCase.getConfig(generate).model).toBe('gpt-3.5-turbo');
    expect(results.mainResult.ok).toBe(true);
    expect(results.mainResult.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('accepts (fn, cb), (fn, bool, cb) and (fn, { awaitVariants }, cb); Spearmint.run is run', () => {
    const { generate } = makeService();
    expect(run(generate, (r) => r('a')).variantResults).toEqual([]);
    expect(run(generate, false, (r) => r('a')).variantResults).toEqual([]);
    expect(run(generate, { awaitVariants: true }, (r) => r('a')).variantResults).toHaveLength(2);
    expect(Spearmint.run).toBe(run);
    expect(Spearmint.arun).toBe(arun);
  });

  it('lets the runner be called many times', () => {
    const { generate } = makeService([{ model: 'm' }]);
    const outputs = run(generate, (runner) => ['First', 'Second', 'Third'].map((p) => runner(p).mainResult.result));
    expect(outputs).toEqual(['m: First', 'm: Second', 'm: Third']);
  });

  it('returns a promise of the results for an async method', async () => {
    const { agenerate } = makeService();
    const pending = run(agenerate, true, (runner) => runner('hi'));
    expect(pending).toBeInstanceOf(Promise);
    const results = await pending;
    expect(results.mainResult.result).toBe('gpt-4o: hi');
    expect(results.variantResults.map((v) => v.result)).toEqual(['gpt-4o-mini: hi', 'gpt-3.5-turbo: hi']);
  });

  it('runs background variants after the runner returned (variants not awaited)', async () => {
    const seen: string[] = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'variant_a' }, { id: 'variant_b' }] });
    const process = mint.experiment()(function process(value: string, config?: Config<{ id: string }>) {
      seen.push(config!.id);
      return `${value}_${config!.id}`;
    });
    const results = run(process, false, (runner) => runner('test'));
    expect(results.mainResult.result).toBe('test_main');
    expect(results.variantResults).toEqual([]);
    expect(seen).toEqual(['main']);
    expect(mint.stats()).toMatchObject({ started: 2, inFlight: 2 });
    await mint.drain();
    expect(seen.sort()).toEqual(['main', 'variant_a', 'variant_b']);
  });

  it("throws main's very error after the awaited variants ran; variant errors stay in their results", () => {
    const boom = new Error('main failed');
    const ran: string[] = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'bad' }, { id: 'good' }] });
    const fn = mint.experiment()(function fn(config?: Config<{ id: string }>) {
      ran.push(config!.id);
      if (config!.id === 'main') throw boom;
      if (config!.id === 'bad') throw new RangeError('variant failed');
      return config!.id;
    });
    let results: ExperimentCaseResults<string> | undefined;
    expect(() => run(fn, true, (runner) => (results = runner()))).toThrow(boom);
    expect(ran).toEqual(['main', 'bad', 'good']);
    expect(results).toBeUndefined();
    const mint2 = new Spearmint({ configs: [{ id: 'ok' }, { id: 'bad' }] });
    const fn2 = mint2.experiment()(function fn2(config?: Config<{ id: string }>) {
      if (config!.id === 'bad') throw new RangeError('variant failed');
      return config!.id;
    });
    const ok = run(fn2, true, (runner) => runner());
    expect(ok.mainResult).toMatchObject({ ok: true, result: 'ok' });
    expect(ok.variantResults[0]).toMatchObject({ ok: false, result: undefined });
    expect(ok.variantResults[0]!.error).toBeInstanceOf(RangeError);
  });
});

describe('arun()', () => {
  it('returns a promise of the awaited callback value; the runner always returns a promise', async () => {
    const { agenerate, generate } = makeService();
    const value = await arun(agenerate, true, async (runner) => {
      const results = await runner('hi');
      return results.variantResults.length;
    });
    expect(value).toBe(2);
    const syncThroughArun = await arun(generate, (runner) => runner('x'));
    expect(syncThroughArun.mainResult.result).toBe('gpt-4o: x');
  });

  it('runs awaited async variants concurrently', async () => {
    const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] });
    let running = 0;
    let peak = 0;
    const slow = mint.experiment()(async function slow(config?: Config) {
      running++;
      peak = Math.max(peak, running);
      await delay(20);
      running--;
      return config!.id;
    });
    const results = await arun(slow, true, (runner) => runner());
    expect(results.variantResults.map((v) => v.result)).toEqual(['b', 'c', 'd']);
    expect(peak).toBe(3);
  });

  it("rejects with main's very error after awaited variants finished", async () => {
    const boom = { reason: 'not even an Error' };
    const finished: string[] = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'v' }] });
    const fn = mint.experiment()(async function fn(config?: Config) {
      await delay(config!.id === 'v' ? 10 : 1);
      finished.push(config!.id);
      if (config!.id === 'main') throw boom;
      return 1;
    });
    await expect(arun(fn, true, (runner) => runner())).rejects.toBe(boom);
    expect(finished).toEqual(['main', 'v']);
  });

  it('rejects a non-experiment with a TypeError naming it', async () => {
    function plainFunction() {}
    expect(() => run(plainFunction, (r) => r())).toThrow(/function 'plainFunction'/);
    await expect(arun(plainFunction, (r) => r())).rejects.toThrow(TypeError);
  });
});
