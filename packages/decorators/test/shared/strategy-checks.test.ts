import { Config, InvalidStrategyError, SpearmintError, Spearmint, strategies, type Strategy } from '@spearmint/decorators';

// A strategy that is not one fails when it is given (new Spearmint, the decoration), with the fix.

const configs = [{ config_id: 'a' }, { config_id: 'b' }];

function decorate(strategy: unknown) {
  const mint = new Spearmint({ configs });
  class Svc {
    @mint.experiment({ strategy: strategy as Strategy })
    run(config?: Config): string {
      return config!.config_id;
    }
  }
  return Svc;
}

describe('a strategy option that is not a strategy', () => {
  it.each([
    ['a string', 'shadow', /got "shadow" \(string\)\. Write `strategy: strategies.shadow`\./],
    ['strategies.roundRobin, uncalled', strategies.roundRobin, /strategies.roundRobin makes a strategy, it is not one; call it: `strategy: strategies.roundRobin\(\)`/],
    ['strategies.weighted, uncalled', strategies.weighted, /strategies.weighted makes a strategy, it is not one; call it: `strategy: strategies.weighted\(\{ weights, key \}\)`/],
    ['null', null, /expected a function \(configs, ctx\) => \[mainConfig, variantConfigs\] such as strategies.shadow, got null/],
    ['an object', { pick: () => 0 }, /got an object/],
  ])('%s fails at decoration, naming the experiment and the fix', (_, strategy, message) => {
    let error: unknown;
    try {
      decorate(strategy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidStrategyError);
    expect(error).toBeInstanceOf(SpearmintError);
    expect((error as SpearmintError).code).toBe('SPEARMINT_INVALID_STRATEGY');
    expect((error as Error).message).toMatch(/^Invalid strategy for experiment '(Svc\.)?run': /);
    expect((error as Error).message).toMatch(message);
  });

  it('fails at new Spearmint() for the instance default', () => {
    expect(() => new Spearmint({ strategy: strategies.roundRobin as never })).toThrow(InvalidStrategyError);
    expect(() => new Spearmint({ strategy: 'weighted' as never })).toThrow(
      /Invalid strategy for the `strategy` option of new Spearmint\(\): .*Write `strategy: strategies.weighted\(\{ weights, key: 'userId' \}\)`/,
    );
  });

  it('a context-free built-in with an experiment of no configs is fine', () => {
    const mint = new Spearmint({ strategy: strategies.single });
    expect(mint.experiment({ configs: [] })(function f(config?: Config) {
      return config!.config_id;
    })()).toBe('default');
  });
});
