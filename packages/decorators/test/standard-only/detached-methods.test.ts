import { Config, currentCase, run, Spearmint } from '@spearmint/decorators';

describe('stage-3 decorators', () => {
  const mint = new Spearmint({ configs: [{ model: 'a' }, { model: 'b' }] });
  class TextService {
    suffix = '!';
    @mint.experiment()
    generate(prompt: string, config?: Config<{ model: string }>): string {
      return `${config!.model}: ${prompt}${this.suffix}`;
    }
    @mint.experiment()
    static describe(text: string, config?: Config<{ model: string }>): string {
      return `${this.name}/${config!.model}/${text}`;
    }
    #secret = 7;
    @mint.experiment()
    #hidden(config?: Config<{ model: string }>): string {
      return `${config!.model}${this.#secret}`;
    }
    reveal(): string {
      return this.#hidden();
    }
  }

  it('bind methods per instance, so a detached method runs against its owner', () => {
    const svc = new TextService();
    const { generate } = svc;
    expect(generate('hi')).toBe('a: hi!');
    const results = run(svc.generate, true, (runner) => runner('hi'));
    expect(results.variantResults.map((v) => v.result)).toEqual(['b: hi!']);
    expect(results.mainResult.experimentCase.getConfigId(svc.generate)).toBe(new Config({ model: 'a' }).config_id);
    const later = (callback: (prompt: string) => string) => callback('x');
    expect(later(svc.generate)).toBe('a: x!');
  });

  it('bind static methods to their class', () => {
    const { describe: detached } = TextService;
    expect(detached('t')).toBe('TextService/a/t');
    expect(run(TextService.describe, (r) => r('u')).mainResult.experimentCase.configIds).toEqual({
      'TextService.describe': new Config({ model: 'a' }).config_id,
    });
  });

  it('decorate #private methods too', () => {
    expect(new TextService().reveal()).toBe('a7');
  });

  it('leave a subclass override alone', () => {
    class Loud extends TextService {
      override generate(prompt: string): string {
        return prompt.toUpperCase();
      }
    }
    expect(new Loud().generate('hi')).toBe('HI');
    expect(currentCase()).toBeUndefined();
  });
});
