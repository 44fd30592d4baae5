import { arun, Config, deepEqual, experiment, type FunctionResult, type MismatchInfo, run, Spearmint } from '@spearmint/decorators';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idOf = (id: string) => new Config({ id }).config_id;
// Explicit config_ids, so the counts read plainly.
const configs = [{ config_id: 'm', n: 1 }, { config_id: 'same', n: 1 }, { config_id: 'diff', n: 2 }];

type Mismatch = [main: FunctionResult, variant: FunctionResult, info: MismatchInfo];

describe('comparing variants with main', () => {
  it('awaited sync variants carry matchesMain (deep equality by default); main has none', () => {
    const mint = new Spearmint({ configs });
    const fn = mint.experiment({ name: 'fn' })((config?: Config<{ n: number }>) => ({ total: config!.n, parts: [config!.n] }));
    const results = run(fn, true, (runner) => runner());
    expect(results.mainResult.matchesMain).toBeUndefined();
    expect(results.variantResults.map((r) => [r.result, r.matchesMain])).toEqual([
      [{ total: 1, parts: [1] }, true],
      [{ total: 2, parts: [2] }, false],
    ]);
    expect(mint.stats().comparisons).toEqual({ fn: { same: { compared: 1, mismatched: 0, ignored: 0 }, diff: { compared: 1, mismatched: 1, ignored: 0 } } });
  });

  it('awaited async variants (arun) carry matchesMain too', async () => {
    const mint = new Spearmint({ configs });
    class Svc {
      @mint.experiment()
      async total(x: number, config?: Config<{ n: number }>): Promise<number> {
        await delay(1);
        return x + config!.n;
      }
    }
    const svc = new Svc();
    const results = await arun(svc.total.bind(svc), true, (runner) => runner(10));
    expect(results.variantResults.map((r) => [r.result, r.matchesMain])).toEqual([
      [11, true],
      [12, false],
    ]);
    expect(mint.stats().comparisons).toEqual({ 'Svc.total': { same: { compared: 1, mismatched: 0, ignored: 0 }, diff: { compared: 1, mismatched: 1, ignored: 0 } } });
  });

  it.each([
    ['sync', (config?: Config<{ n: number }>) => config!.n],
    ['async', async (config?: Config<{ n: number }>) => (await delay(1), config!.n)],
  ])('background variants of a %s function are compared; stats() counts them after drain and onResult sees matchesMain', async (_kind, body) => {
    const seen: Array<[string, boolean | undefined]> = [];
    const mint = new Spearmint({ configs, onResult: (result, info) => void seen.push([info.role, result.matchesMain]) });
    const fn = mint.experiment({ name: 'fn' })(body);
    for (let i = 0; i < 3; i++) expect(await fn()).toBe(1);
    const stats = await mint.drain();
    expect(stats.comparisons).toEqual({ fn: { same: { compared: 3, mismatched: 0, ignored: 0 }, diff: { compared: 3, mismatched: 3, ignored: 0 } } });
    expect(stats).toMatchObject({ started: 6, succeeded: 6, inFlight: 0 });
    expect(seen.filter(([role]) => role === 'main').map(([, matches]) => matches)).toEqual([undefined, undefined, undefined]);
    expect(seen.filter(([role]) => role === 'variant').map(([, matches]) => matches).sort()).toEqual([false, false, false, true, true, true]);
  });

  it('counts awaited and background comparisons together, per experiment and config, in frozen snapshots', async () => {
    const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }] });
    const first = mint.experiment({ name: 'first' })((config?: Config) => config!.id as string);
    const second = mint.experiment({ name: 'second' })(() => 'same');
    first();
    run(first, true, (runner) => runner());
    second();
    const before = mint.stats().comparisons;
    const after = (await mint.drain()).comparisons;
    expect(before).toEqual({ first: { [idOf('b')]: { compared: 1, mismatched: 1, ignored: 0 } } });
    expect(Object.isFrozen(before) && Object.isFrozen(before.first) && Object.isFrozen(before.first![idOf('b')])).toBe(true);
    expect(after).toEqual({ first: { [idOf('b')]: { compared: 2, mismatched: 2, ignored: 0 } }, second: { [idOf('b')]: { compared: 1, mismatched: 0, ignored: 0 } } });
    expect(new Spearmint().stats().comparisons).toEqual({});
  });

  it('with failures: one side failed → mismatch; both failed → a match when the errors are deeply equal', async () => {
    const mismatches: Mismatch[] = [];
    const mint = new Spearmint({ onMismatch: (...args) => void mismatches.push(args), onError: () => undefined });
    const failing = (which: Record<string, Error | undefined>) =>
      mint.experiment({ name: Object.keys(which).join('+'), configs: Object.keys(which).map((id) => ({ id })) })((config?: Config) => {
        const error = which[config!.id as string];
        if (error) throw error;
        return 'ok';
      });

    const variantFails = run(failing({ m: undefined, v: new Error('v') }), true, (runner) => runner());
    expect(variantFails.variantResults[0]!.matchesMain).toBe(false);

    expect(() => run(failing({ m2: new Error('m'), ok: undefined }), true, (runner) => runner())).toThrow('m');
    const sameErrors = failing({ m3: new TypeError('bad input'), twin: new TypeError('bad input') });
    const differentErrors = failing({ m4: new TypeError('bad input'), other: new RangeError('bad input') });
    expect(() => sameErrors()).toThrow('bad input');
    expect(() => differentErrors()).toThrow('bad input');
    await mint.drain();

    expect(mismatches.map(([main, variant, info]) => [info.experiment, info.reason, main.ok, variant.ok])).toEqual([
      ['m+v', 'variantFailed', true, false],
      ['m2+ok', 'mainFailed', false, true],
      ['m4+other', 'differentErrors', false, false],
    ]);
    expect(mint.stats().comparisons['m3+twin']).toEqual({ [idOf('twin')]: { compared: 1, mismatched: 0, ignored: 0 } });
  });

  it('a timed-out variant does not match main', async () => {
    const mismatches: Mismatch[] = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'slow' }], variantTimeoutMs: 10, onMismatch: (...args) => void mismatches.push(args) });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => (config!.id === 'slow' ? delay(100).then(() => 1) : 1));
    const results = await arun(fn, true, (runner) => runner());
    expect(results.variantResults[0]!.matchesMain).toBe(false);
    await mint.drain();
    expect(mismatches.map(([, variant, info]) => [info.reason, (variant.error as Error).name])).toEqual([['variantFailed', 'VariantTimeoutError']]);
    await delay(100); // the late settlement is ignored: still one comparison
    expect(mint.stats().comparisons).toEqual({ fn: { [idOf('slow')]: { compared: 1, mismatched: 1, ignored: 0 } } });
  });

  it('a custom compare gets the two values; an experiment’s compare wins over the instance’s', () => {
    const calls: unknown[][] = [];
    const mint = new Spearmint({
      configs: [{ id: 'm', label: 'spam', score: 0.9 }, { id: 'v', label: 'spam', score: 0.4 }],
      compare: (main: { label: string }, variant: { label: string }) => (calls.push([main, variant]), main.label === variant.label),
    });
    const classify = (config?: Config<{ label: string; score: number }>) => ({ label: config!.label, score: config!.score });
    const byLabel = mint.experiment({ name: 'byLabel' })(classify);
    const byScore = mint.experiment({ name: 'byScore', compare: (main: { score: number }, variant: { score: number }) => Math.abs(main.score - variant.score) < 0.1 })(classify);

    expect(run(byLabel, true, (runner) => runner()).variantResults[0]!.matchesMain).toBe(true);
    expect(calls).toEqual([[{ label: 'spam', score: 0.9 }, { label: 'spam', score: 0.4 }]]);
    expect(run(byScore, true, (runner) => runner()).variantResults[0]!.matchesMain).toBe(false);
    expect(calls).toHaveLength(1);
    // the standalone experiment() takes compare as well
    const standalone = experiment({ configs: [{ n: 1 }, { n: 2 }], compare: () => true })((config?: Config) => config!.n as number);
    expect(run(standalone, true, (runner) => runner()).variantResults[0]!.matchesMain).toBe(true);
  });

  it('a compare that throws or returns a non-boolean is contained: a mismatch, reported to onMismatch with the error', async () => {
    const boom = new Error('compare broke');
    const mismatches: Mismatch[] = [];
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }], onMismatch: (...args) => void mismatches.push(args) });
    const throwing = mint.experiment({
      name: 'throwing',
      compare: () => {
        throw boom;
      },
    })(() => 1);
    const promising = mint.experiment({ name: 'promising', compare: (async () => true) as unknown as () => boolean })(() => 1);

    const results = run(throwing, true, (runner) => runner());
    expect(results.mainResult.result).toBe(1);
    expect(results.variantResults[0]!.matchesMain).toBe(false);
    expect(throwing()).toBe(1); // in the background too
    expect(run(promising, true, (runner) => runner()).variantResults[0]!.matchesMain).toBe(false);
    await mint.drain();

    expect(mismatches.map(([, , info]) => [info.experiment, info.reason, info.background])).toEqual([
      ['throwing', 'compareFailed', false],
      ['promising', 'compareFailed', false],
      ['throwing', 'compareFailed', true], // the background variant, after the caller went on
    ]);
    expect(mismatches[0]![2].compareError).toBe(boom);
    expect(mismatches[2]![2].compareError).toBe(boom);
    expect(mismatches[1]![2].compareError).toEqual(
      new TypeError("Expected `compare` of experiment 'promising' to return a boolean, got a promise. compare must be synchronous; it runs after each variant, with main's and the variant's values."),
    );
    expect(mint.stats().comparisons.throwing).toEqual({ [idOf('v')]: { compared: 2, mismatched: 2, ignored: 0 } });
  });

  it('without onMismatch, a failing compare is logged, naming experiment and config', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fn = experiment({
        name: 'fn',
        configs: [{ id: 'm' }, { id: 'v' }],
        compare: () => {
          throw new Error('nope');
        },
      })(() => 1);
      expect(fn()).toBe(1);
      await delay(5);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toBe(
        `[spearmint] compare (or clean) failed for variant '${idOf('v')}' of experiment 'fn', so it counts as a mismatch: Error: nope. ` +
          'Make compare return true or false, and clean return a value, without throwing (an onMismatch hook receives this error as info.compareError instead of this log).',
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('onMismatch gets main’s result, the variant’s and the info, after the caller has its result; drain() waits for it', async () => {
    const mismatches: Mismatch[] = [];
    let finished = false;
    const mint = new Spearmint({
      configs,
      onMismatch: async (...args) => {
        mismatches.push(args);
        await delay(20);
        finished = true;
      },
    });
    const fn = mint.experiment({ name: 'fn' })(async (x: number, config?: Config<{ n: number }>) => x * config!.n);
    expect(await fn(5)).toBe(5);
    expect(mismatches).toEqual([]);
    await mint.drain();
    expect(finished).toBe(true);
    expect(mismatches).toHaveLength(1);
    const [main, variant, info] = mismatches[0]!;
    expect([main.result, main.ok, main.matchesMain, variant.result, variant.matchesMain]).toEqual([5, true, undefined, 10, false]);
    expect(main.experimentCase.getConfigId('fn')).toBe('m');
    expect(info).toEqual({ experiment: 'fn', role: 'variant', background: true, configId: 'diff', reason: 'different' });

    const awaited = run(mint.experiment({ name: 'sync' })((config?: Config<{ n: number }>) => config!.n), true, (runner) => runner());
    expect(mismatches).toHaveLength(1); // not before the runner returned
    await mint.drain();
    expect(mismatches[1]![1]).toBe(awaited.variantResults[1]);
    expect(mismatches[1]![0]).toBe(awaited.mainResult);
    expect(mismatches[1]![2]).toMatchObject({ experiment: 'sync', background: false, reason: 'different' });
  });

  it('a failing onMismatch hook is contained and logged', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const mint = new Spearmint({
        configs: [{ id: 'm' }, { id: 'v' }],
        onMismatch: () => {
          throw new Error('hook threw');
        },
      });
      const fn = mint.experiment({ name: 'fn' })((config?: Config) => config!.id as string);
      expect(fn()).toBe('m');
      await mint.drain();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0]![0])).toMatch(/onMismatch\) failed; the error was contained: Error: hook threw/);
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects a compare that is not a function, and accepts the new options by name', () => {
    expect(() => new Spearmint({ compare: 'deep' as never })).toThrow(new TypeError('Expected `compare` to be a function, got string.'));
    expect(() => new Spearmint({ onMismatch: 1 as never })).toThrow(new TypeError('Expected `onMismatch` to be a function, got number.'));
    expect(() => new Spearmint().experiment({ name: 'fn', compare: 1 as never })(() => 1)).toThrow(
      new TypeError("Expected `compare` of experiment 'fn' to be a function, got number."),
    );
    expect(() => new Spearmint({ comparator: deepEqual } as never)).toThrow(/Unknown option `comparator`.*compare, openTelemetry/);
  });

  it('deepEqual, the default, is util.isDeepStrictEqual', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual(NaN, NaN)).toBe(true);
    expect(deepEqual(1, '1')).toBe(false);
    expect(deepEqual(0, -0)).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual(new Map([[1, 'x']]), new Map([[1, 'x']]))).toBe(true);
    expect(deepEqual(new TypeError('x'), new TypeError('x'))).toBe(true);
    expect(deepEqual(new TypeError('x'), new Error('x'))).toBe(false);
  });
});
