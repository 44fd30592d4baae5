import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';
import { type BindSchema, experiment, run, Spearmint } from '@spearmint/decorators';

// The Python library's typed-config test (test_typed_config_injection_pydantic_model).
const configs = [
  { model_name: 'gpt-4', temperature: 0.5 },
  { model_name: 'gpt-3.5', temperature: 0.9, max_tokens: 50 },
];
const MAIN = 'Prompt: Test prompt, Model: gpt-4, Temp: 0.5, MaxTokens: 100';
const VARIANT = 'Prompt: Test prompt, Model: gpt-3.5, Temp: 0.9, MaxTokens: 50';

interface ModelConfig {
  readonly model_name: string;
  readonly temperature: number;
  readonly max_tokens: number;
}

class ModelConfigClass implements ModelConfig {
  static constructed = 0;
  readonly model_name: string;
  readonly temperature: number;
  readonly max_tokens: number;

  constructor(value: { model_name: string; temperature: number; max_tokens?: number }) {
    ModelConfigClass.constructed++;
    this.model_name = value.model_name;
    this.temperature = value.temperature;
    this.max_tokens = value.max_tokens ?? 100;
  }
}

const schemas: [string, BindSchema][] = [
  ['zod', z.object({ model_name: z.string(), temperature: z.number(), max_tokens: z.number().int().default(100) })],
  ['valibot', v.object({ model_name: v.string(), temperature: v.number(), max_tokens: v.optional(v.number(), 100) })],
  ['arktype', type({ model_name: 'string', temperature: 'number', max_tokens: 'number = 100' })],
  ['a class', ModelConfigClass],
];

function describeModel(prompt: string, model_config: ModelConfig): string {
  return `Prompt: ${prompt}, Model: ${model_config.model_name}, Temp: ${model_config.temperature}, MaxTokens: ${model_config.max_tokens}`;
}

describe.each(schemas)('typed binding with %s', (_library, schema) => {
  it('injects the validated value with the schema defaults, for main and awaited variants', () => {
    const mint = new Spearmint({ configs });
    class Generator {
      @mint.experiment({ bind: { model_config: schema } })
      generate(prompt: string, model_config?: ModelConfig): string {
        return describeModel(prompt, model_config!);
      }
    }
    const generator = new Generator();
    const results = run(generator.generate.bind(generator), true, (runner) => runner('Test prompt'));
    expect(results.mainResult.result).toBe(MAIN);
    expect(results.variantResults.map((r) => r.result)).toEqual([VARIANT]);
    expect(generator.generate('Test prompt')).toBe(MAIN);
  });

  it('works the same on a plain function and on an async method', async () => {
    const generate = experiment({ configs, bind: { model_config: schema } })(function generate(prompt: string, model_config?: ModelConfig) {
      return describeModel(prompt, model_config!);
    });
    expect(generate('Test prompt')).toBe(MAIN);

    const mint = new Spearmint({ configs });
    class AsyncGenerator {
      @mint.experiment({ bind: { model_config: { schema } } })
      async generate(prompt: string, model_config?: ModelConfig): Promise<string> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return describeModel(prompt, model_config!);
      }
    }
    const generator = new AsyncGenerator();
    const results = await run(generator.generate.bind(generator), true, (runner) => runner('Test prompt'));
    expect([results.mainResult.result, ...results.variantResults.map((r) => r.result)]).toEqual([MAIN, VARIANT]);
  });
});

describe('bound values', () => {
  it('are validated once per config at set-up, never per call', () => {
    let validations = 0;
    const counting: BindSchema = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => {
          validations++;
          return { value };
        },
      },
    };
    const fn = experiment({ configs, bind: { model_config: counting } })(function fn(model_config?: ModelConfig) {
      return model_config!.model_name;
    });
    expect(validations).toBe(2);
    fn();
    run(fn, true, (runner) => [runner(), runner()]);
    expect(validations).toBe(2);
  });

  it('are cached and deeply frozen: every call of a config sees the very same, unchangeable value', () => {
    const seen: unknown[] = [];
    const schema = z.object({ llm: z.object({ stops: z.array(z.string()).default(['\n']) }) });
    const fn = experiment({ configs: [{ llm: {} }], bind: { settings: schema } })(function fn(settings?: z.infer<typeof schema>) {
      seen.push(settings);
      return settings!.llm.stops;
    });
    expect(fn()).toEqual(['\n']);
    fn();
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen((seen[0] as z.infer<typeof schema>).llm.stops)).toBe(true);
    expect(() => (seen[0] as { llm: { stops: string[] } }).llm.stops.push('x')).toThrow(TypeError);
  });

  it('are class instances constructed once per config, kept as they are', () => {
    ModelConfigClass.constructed = 0;
    const seen: ModelConfigClass[] = [];
    const fn = experiment({ configs, bind: { model_config: ModelConfigClass } })(function fn(model_config?: ModelConfigClass) {
      seen.push(model_config!);
    });
    expect(ModelConfigClass.constructed).toBe(2);
    fn();
    fn();
    expect(ModelConfigClass.constructed).toBe(2);
    expect(seen[0]).toBeInstanceOf(ModelConfigClass);
    expect(seen[0]).toBe(seen[1]);
  });

  it('give a schema its own copy of the config, so one that changes its input changes no config', () => {
    const mutating: BindSchema = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => {
          (value as { extra?: number }).extra = 1;
          return { value };
        },
      },
    };
    const mint = new Spearmint({ configs: [{ a: 1 }] });
    const fn = mint.experiment({ bind: { settings: mutating } })(function fn(settings?: { a: number; extra: number }, config?: { extra?: number }) {
      return [settings!.extra, config!.extra];
    });
    expect(fn()).toEqual([1, undefined]);
    expect(mint.configs[0]!.extra).toBeUndefined();
  });
});
