import { arun, Config, currentCase, experiment, InvalidStrategyResultError, type RuntimeContext, run, Spearmint, strategies, type Strategy, withContext } from '@spearmint/decorators';

// Python's collect_options asks every nested experiment's strategy for [main, *variants] and
// builds the cartesian product from those lists; so does Spearmint, once per entry call.

const delay = () => new Promise((resolve) => setImmediate(resolve));
const ids = (results: { mainResult: { result: unknown }; variantResults: Array<{ result: unknown }> }) => [
  results.mainResult.result,
  results.variantResults.map((r) => r.result),
];

describe('nested experiments use their own strategy', () => {
  it('outer [oa, ob] x inner single [ia, ib]: main (oa, ia), one variant (ob, ia), on class methods', () => {
    const mint = new Spearmint();
    class Inner {
      @mint.experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: strategies.single })
      pick(config?: Config): string {
        return config!.config_id;
      }
    }
    const inner = new Inner();
    class Outer {
      @mint.experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })
      run(config?: Config): string {
        return `${config!.config_id}+${inner.pick()}`;
      }
    }
    const outer = new Outer();
    const results = run(outer.run.bind(outer), true, (runner) => runner());
    expect(ids(results)).toEqual(['oa+ia', ['ob+ia']]);
    expect(results.variantResults[0]!.experimentCase.configIds).toEqual({ 'Outer.run': 'ob', 'Inner.pick': 'ia' });
  });

  it('the same with async functions', async () => {
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: strategies.single })(async function inner(config?: Config) {
      await delay();
      return config!.config_id;
    });
    const outer = experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })(async function outer(config?: Config) {
      await delay();
      return `${config!.config_id}+${await inner()}`;
    });
    expect(ids(await arun(outer, true, (runner) => runner()))).toEqual(['oa+ia', ['ob+ia']]);
  });

  it('an inner shadow experiment still gives the full product (the default strategy)', () => {
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }] })(function inner(config?: Config) {
      return config!.config_id;
    });
    const outer = experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })(function outer(config?: Config) {
      return `${config!.config_id}+${inner()}`;
    });
    expect(ids(run(outer, true, (runner) => runner()))).toEqual(['oa+ia', ['oa+ib', 'ob+ia', 'ob+ib']]);
  });

  it.each([false, true])('an inner weighted experiment takes part with the config it picks for the user (shadow: %s), sync and async', async (shadow) => {
    const weights = { ia: 1, ib: 1, ic: 1 };
    const mint = new Spearmint({ maxBackgroundVariants: 0 });
    const innerConfigs = [{ config_id: 'ia' }, { config_id: 'ib' }, { config_id: 'ic' }];
    const inner = mint.experiment({ configs: innerConfigs, strategy: strategies.weighted({ weights, key: 'userId', shadow }) })(function inner(config?: Config) {
      return config!.config_id;
    });
    const ainner = mint.experiment({ configs: innerConfigs, name: 'inner', strategy: strategies.weighted({ weights, key: 'userId', shadow }) })(
      async function ainner(config?: Config) {
        await delay();
        return config!.config_id;
      },
    );
    const outer = mint.experiment({ configs: [{ config_id: 'oa' }], strategy: strategies.single })(function outer(config?: Config) {
      return `${config!.config_id}+${inner()}`;
    });
    const aouter = mint.experiment({ configs: [{ config_id: 'oa' }], strategy: strategies.single })(async function aouter(config?: Config) {
      return `${config!.config_id}+${await ainner()}`;
    });
    // What the inner experiment picks as an entry experiment of its own, per user:
    const own = (user: string) => withContext({ userId: user }, () => inner());
    const seen = new Set<string>();
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']) {
      const main = own(user);
      seen.add(main);
      const others = innerConfigs.map((c) => c.config_id).filter((id) => id !== main);
      const expected = ['oa+' + main, shadow ? others.map((id) => `oa+${id}`) : []];
      expect(withContext({ userId: user }, () => ids(run(outer, true, (runner) => runner())))).toEqual(expected);
      expect(await withContext({ userId: user }, () => arun(aouter, true, (runner) => runner())).then(ids)).toEqual(expected);
    }
    expect(seen.size).toBeGreaterThan(1); // the users do not all share one arm
  });

  it("asks a nested strategy once per entry call, with the nested experiment's name and the entry call's request values", () => {
    const asked: string[] = [];
    const spy: Strategy = (configs: readonly Config[], ctx: RuntimeContext) => {
      asked.push(`${ctx.experiment}:${String(ctx.get('userId'))}`);
      return [configs[1]!, [configs[0]!]];
    };
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: spy })(function inner(config?: Config) {
      return config!.config_id;
    });
    const outer = experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })(function outer(config?: Config) {
      // A different request scope around the nested call does not change what its strategy sees.
      return `${config!.config_id}+${withContext({ userId: 'inside' }, () => inner())}+${inner()}`;
    });
    const results = withContext({ userId: 'u7' }, () => run(outer, true, (runner) => runner()));
    expect(ids(results)).toEqual(['oa+ib+ib', ['oa+ia+ia', 'ob+ib+ib', 'ob+ia+ia']]);
    expect(asked).toEqual(['inner:u7']);
  });

  it('an inner roundRobin rotates once per entry call, and main and its variants agree on its config', () => {
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: strategies.roundRobin({ shadow: false }) })(
      function inner(config?: Config) {
        return config!.config_id;
      },
    );
    const outer = experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })(function outer(config?: Config) {
      return `${config!.config_id}+${inner()}`;
    });
    expect(ids(run(outer, true, (runner) => runner()))).toEqual(['oa+ia', ['ob+ia']]);
    expect(ids(run(outer, true, (runner) => runner()))).toEqual(['oa+ib', ['ob+ib']]);
    expect(ids(run(outer, true, (runner) => runner()))).toEqual(['oa+ia', ['ob+ia']]);
  });

  it('a nested experiment first called by a variant joins with what its strategy picks for that entry call', () => {
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: strategies.single })(function inner(config?: Config) {
      return config!.config_id;
    });
    const outer = experiment({ configs: [{ config_id: 'oa' }, { config_id: 'ob' }] })(function outer(config?: Config) {
      return config!.config_id === 'ob' ? `ob+${inner()}` : 'oa';
    });
    const results = run(outer, true, (runner) => runner());
    expect(ids(results)).toEqual(['oa', ['ob+ia']]);
    expect(results.variantResults[0]!.experimentCase.configIds).toEqual({ outer: 'ob', inner: 'ia' });
  });

  it("a nested strategy's invalid answer is an error thrown where the nested experiment is called", async () => {
    const broken = ((configs: readonly Config[]) => [configs[0], [null]]) as unknown as Strategy;
    const inner = experiment({ configs: [{ config_id: 'ia' }, { config_id: 'ib' }], strategy: broken })(function inner(config?: Config) {
      return config!.config_id;
    });
    const seen: unknown[] = [];
    const outer = experiment({ configs: [{ config_id: 'oa' }] })(function outer() {
      try {
        return inner();
      } catch (error) {
        seen.push(error);
        return 'caught';
      }
    });
    expect(outer()).toBe('caught');
    expect(seen[0]).toBeInstanceOf(InvalidStrategyResultError);
    expect((seen[0] as Error).message).toMatch(/strategy of experiment 'inner' returned null as variantConfigs\[0\], which is not one of the experiment's configs/);
    expect(currentCase()).toBeUndefined();
  });
});
