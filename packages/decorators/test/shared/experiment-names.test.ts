import { Config, currentCase, run, Spearmint, UnknownExperimentError } from '@spearmint/decorators';

const mode = process.env.SPEARMINT_DECORATOR_MODE;

describe('experiment names', () => {
  const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }] });
  class Base {
    @mint.experiment()
    greet(config?: Config): string {
      return `${currentCase()!.getConfigId('Base.greet')}:${config!.id}`;
    }
    @mint.experiment()
    static make(config?: Config): string {
      return Object.keys(currentCase()!.configIds).join() + config!.id;
    }
    @mint.experiment({ name: 'custom-name' })
    named(): string {
      return Object.keys(currentCase()!.configIds).join();
    }
  }
  class Derived extends Base {}

  it('are ClassName.method of the defining class, never a subclass, in both modes', () => {
    const derived = new Derived();
    expect(derived.greet()).toBe(`${new Config({ id: 'a' }).config_id}:a`);
    expect(run(derived.greet.bind(derived), (r) => r()).mainResult.experimentCase.configIds).toEqual({
      'Base.greet': new Config({ id: 'a' }).config_id,
    });
    expect(Derived.make()).toBe('Base.makea');
    expect(new Base().named()).toBe('custom-name');
  });

  it('find an experiment by function exactly, by bound copy, and by name', () => {
    const base = new Base();
    const bound = base.greet.bind(base);
    const results = run(bound, true, (r) => r());
    const variantCase = results.variantResults[0]!.experimentCase;
    expect(variantCase.getConfigId(bound)).toBe(new Config({ id: 'b' }).config_id);
    expect(variantCase.getConfigId(Base.prototype.greet)).toBe(new Config({ id: 'b' }).config_id);
    expect(variantCase.getConfigId('Base.greet')).toBe(new Config({ id: 'b' }).config_id);
    expect(variantCase.getConfig(bound).id).toBe('b');
  });

  it('throw UnknownExperimentError for an experiment outside the case, naming the known ones', () => {
    const results = run(new Base().named.bind(new Base()), (r) => r());
    expect(() => results.mainResult.experimentCase.getConfigId('Base.greet')).toThrow(UnknownExperimentError);
    expect(() => results.mainResult.experimentCase.getConfigId(Base.prototype.greet)).toThrow(/'custom-name'/);
    expect(() => results.mainResult.experimentCase.getConfigId(() => 1)).toThrow(TypeError);
  });

  it('may repeat across instances; getConfigId(fn) still finds the exact one', () => {
    const other = new Spearmint({ configs: [{ id: 'other' }] });
    const first = mint.experiment({ name: 'Svc.run' })((config?: Config) => config!.id as string);
    const second = other.experiment({ name: 'Svc.run' })(function second(config?: Config) {
      return `${first()}+${config!.id}|${currentCase()!.getConfigId(first) === new Config({ id: 'a' }).config_id}`;
    });
    const results = run(second, (r) => r());
    expect(results.mainResult.result).toBe('a+other|true');
    expect(results.mainResult.experimentCase.getConfigId(second)).toBe(new Config({ id: 'other' }).config_id);
    expect(results.mainResult.experimentCase.getConfigId('Svc.run')).toBe(new Config({ id: 'other' }).config_id);
  });

  it(`run in ${mode} mode`, () => {
    expect(mode).toBeDefined();
  });
});
