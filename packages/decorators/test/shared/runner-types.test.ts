import { arun, Config, ExperimentCaseResults, run, Spearmint } from '@spearmint/decorators';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_proof?: T) => undefined;

const mint = new Spearmint({ configs: [{ model: 'm' }] });
class TextService {
  @mint.experiment()
  generate(prompt: string, config?: Config): string {
    return `${config!.model}:${prompt}`;
  }
  @mint.experiment()
  async agenerate(prompt: string, count: number, config?: Config): Promise<string> {
    return `${config!.model}:${prompt}:${count}`;
  }
}
const svc = new TextService();
const generate = svc.generate.bind(svc);
const agenerate = svc.agenerate.bind(svc);

describe('runner types', () => {
  it('infer parameters and results from the method', async () => {
    const results = run(generate, (runner) => {
      const r = runner('x');
      assertType<Equal<typeof r, ExperimentCaseResults<string>>>();
      // @ts-expect-error: the prompt is a string
      expect(() => runner(42)).not.toThrow();
      return r;
    });
    expect(results.mainResult.result).toBe('m:x');

    const asyncResults = await run(agenerate, true, (runner) => {
      const r = runner('y', 2);
      assertType<Equal<typeof r, Promise<ExperimentCaseResults<string>>>>();
      return r;
    });
    expect(asyncResults.mainResult.result).toBe('m:y:2');

    const value = await arun(generate, async (runner) => {
      const r = runner('z');
      assertType<Equal<typeof r, Promise<ExperimentCaseResults<string>>>>();
      return (await r).mainResult.result;
    });
    assertType<Equal<typeof value, string | undefined>>();
    expect(value).toBe('m:z');
  });

  it('keep the decorated method type', () => {
    assertType<Equal<typeof svc.generate, (prompt: string, config?: Config) => string>>();
    const text: string = svc.generate('w');
    expect(text).toBe('m:w');
  });
});
