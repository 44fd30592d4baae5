import { Config, currentCase, experiment, run, Spearmint, arun } from '@spearmint/decorators';

describe('nested experiments', () => {
  it('cover the cartesian product, outer slowest: main (oa, ia), variants (oa, ib), (ob, ia), (ob, ib)', () => {
    const inner = experiment({ configs: [{ id: 'inner_a' }, { id: 'inner_b' }] })(function inner(value: string, config?: Config) {
      return `${value}_${config!.id}`;
    });
    const outer = experiment({ configs: [{ id: 'outer_a' }, { id: 'outer_b' }] })(function outer(value: string, config?: Config) {
      return `${config!.id}|${inner(value)}`;
    });
    const results = run(outer, true, (runner) => runner('test'));
    expect(results.mainResult.result).toBe('outer_a|test_inner_a');
    expect(results.variantResults.map((r) => r.result)).toEqual(['outer_a|test_inner_b', 'outer_b|test_inner_a', 'outer_b|test_inner_b']);
    const ids = results.variantResults.map((r) => r.experimentCase.configIds);
    expect(ids[0]).toEqual({ outer: new Config({ id: 'outer_a' }).config_id, inner: new Config({ id: 'inner_b' }).config_id });
  });

  it('are discovered at run time through any code, and an outer experiment without configs uses default', async () => {
    const inner = experiment({ configs: [{ id: 'inner_x' }, { id: 'inner_y' }] })(async function inner(value: string, config?: Config) {
      await new Promise((r) => setTimeout(r, 1));
      return `${value}_${config!.id}`;
    });
    const helper = async (value: string) => inner(value);
    const outer = experiment({ configs: [] })(async function outer(value: string) {
      const outerId = currentCase()!.getConfigId(outer);
      return `${outerId}|${await helper(value)}`;
    });
    const results = await arun(outer, true, (runner) => runner('test'));
    expect(results.mainResult.result).toBe('default|test_inner_x');
    expect(results.variantResults.map((r) => r.result)).toEqual(['default|test_inner_y']);
  });

  it('run with the case config and start no variants of their own, also through run()', () => {
    const mint = new Spearmint({ configs: [{ id: '1' }, { id: '2' }] });
    const calls: string[] = [];
    const inner = mint.experiment()(function inner(config?: Config) {
      calls.push(`inner:${config!.id}`);
      return config!.id;
    });
    const outer = mint.experiment({ configs: [{ id: 'o' }] })(function outer() {
      return run(inner, true, (runner) => runner()).variantResults.length;
    });
    const results = run(outer, true, (runner) => runner());
    expect(results.mainResult.result).toBe(0);
    expect(results.variantResults.map((r) => r.result)).toEqual([0]);
    expect(calls).toEqual(['inner:1', 'inner:2']);
  });

  it('expand three levels deep in discovery order', () => {
    const c = experiment({ configs: [{ id: 'c1' }, { id: 'c2' }] })(function c(config?: Config) {
      return config!.id;
    });
    const b = experiment({ configs: [{ id: 'b1' }, { id: 'b2' }] })(function b(config?: Config) {
      return `${config!.id}${c()}`;
    });
    const a = experiment({ configs: [{ id: 'a1' }, { id: 'a2' }] })(function a(config?: Config) {
      return `${config!.id}${b()}`;
    });
    const results = run(a, true, (runner) => runner());
    expect([results.mainResult, ...results.variantResults].map((r) => r.result)).toEqual([
      'a1b1c1', 'a1b1c2', 'a1b2c1', 'a1b2c2', 'a2b1c1', 'a2b1c2', 'a2b2c1', 'a2b2c2',
    ]);
  });
});
