import { Config, isConfig, Spearmint } from '@spearmint/decorators';

// Legacy decorators with emitDecoratorMetadata: a parameter declared `Config<T>` with a path-only
// bind entry receives a Config of that part (as Python's Annotated[Config, Bind("a.b")]).

const mint = new Spearmint({
  configs: [{ config_id: 'main', bound: { config: { model: 'gpt-4o', temperature: 0.5 } }, other: { model: 'x', config_id: 'given' } }],
});

class Llm {
  @mint.experiment({ bind: { part: 'bound.config', other: { path: 'other' } } })
  describe(part?: Config<{ model: string }>, other?: Config<{ model: string }>, whole?: Config): string {
    if (!isConfig(part) || !isConfig(other)) throw new Error('not Configs');
    return `${whole!.config_id} ${part.config_id}:${part.model} ${other.config_id}:${other.model}`;
  }

  @mint.experiment({ bind: { model: 'bound.config.model' } })
  model(model?: string): string {
    return String(model);
  }
}

describe('legacy: a Config-typed parameter bound by path', () => {
  it('receives a Config of that part, with its own config_id', () => {
    expect(new Llm().describe()).toBe('main ee036ca04c94a3e7:gpt-4o given:x');
  });

  it('a parameter of another type still receives the plain value', () => {
    expect(new Llm().model()).toBe('gpt-4o');
  });
});
