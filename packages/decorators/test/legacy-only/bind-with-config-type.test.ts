import { z } from 'zod';
import { Config, run, Spearmint } from '@spearmint/decorators';

const Llm = z.object({ model: z.string(), temperature: z.number().default(0.7) });
type Llm = z.infer<typeof Llm>;

class Prompts {
  readonly system: string;
  constructor(value: { system: string }) {
    this.system = value.system;
  }
}

const mint = new Spearmint({
  configs: [
    { config_id: 'main', llm: { model: 'gpt-4o' }, prompts: { system: 'Be brief.' } },
    { config_id: 'shadow', llm: { model: 'gpt-4o-mini', temperature: 0 }, prompts: { system: 'Be kind.' } },
  ],
});

class Assistant {
  @mint.experiment({ bind: { llm: { path: 'llm', schema: Llm }, prompts: { path: 'prompts', schema: Prompts } } })
  answer(question: string, llm?: Llm, settings?: Config, prompts?: Prompts): string {
    return `${settings!.config_id}: ${llm!.model}@${llm!.temperature} "${prompts!.system}" <- ${question}`;
  }

  // A bind entry for `config` takes that parameter; the whole config goes to the one typed Config.
  @mint.experiment({ bind: { config: 'llm.model' } })
  model(config?: string, whole?: Config): string {
    return `${whole!.config_id}=${config}`;
  }
}

describe('legacy decorators with bind', () => {
  it('inject the whole config into the parameter typed Config and bound values into the others', () => {
    const assistant = new Assistant();
    expect(assistant.answer('why?')).toBe('main: gpt-4o@0.7 "Be brief." <- why?');
    const results = run(assistant.answer.bind(assistant), true, (runner) => runner('how?'));
    expect(results.variantResults.map((r) => r.result)).toEqual(['shadow: gpt-4o-mini@0 "Be kind." <- how?']);
  });

  it('leave a bound `config` parameter to bind and give the Config-typed one the whole config', () => {
    expect(new Assistant().model()).toBe('main=gpt-4o');
  });
});
