import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Config, DynamicValue, experiment, run, Spearmint } from '@spearmint/decorators';
import { tempFiles } from '../../../core/test/helpers/temp-files';

const write = tempFiles();

describe('binding by path', () => {
  // The Python library's test_experiment_default_binding.
  it('injects the value at a dotted path, from a direct call and from run()', () => {
    const process = experiment({ configs: [{ bound: { config: { id: 'my_bound_config' } } }], bind: { config: 'bound.config' } })(
      function process(value: string, config?: { id: string }) {
        return `${value}_${config!.id}`;
      },
    );
    expect(process('test')).toBe('test_my_bound_config');
    const results = run(process, (runner) => runner('test'));
    expect(results.mainResult.result).toBe('test_my_bound_config');
    expect(results.variantResults).toEqual([]);
  });

  it('binds several parameters of one method, next to the whole config', () => {
    const mint = new Spearmint({
      configs: [{ config_id: 'rag', llm: { model: 'gpt-4o', params: { temperature: 0.2 } }, prompts: { system: 'Be brief.' }, top_k: [3, 5] }],
    });
    class Assistant {
      @mint.experiment({ bind: { model: 'llm.model', temperature: 'llm.params.temperature', system: 'prompts.system', k: 'top_k.1' } })
      answer(question: string, model?: string, system?: string, temperature?: number, k?: number, config?: Config): string {
        return `${config!.config_id}: ${model}@${temperature} "${system}" k=${k} <- ${question}`;
      }
    }
    expect(new Assistant().answer('why?')).toBe('rag: gpt-4o@0.2 "Be brief." k=5 <- why?');
  });

  it('gives each variant the value of its own config', () => {
    const fn = experiment({ configs: [{ llm: { temperature: new DynamicValue([0.2, 0.5, 0.8]) } }], bind: { temperature: 'llm.temperature' } })(
      function fn(temperature?: number) {
        return temperature;
      },
    );
    const results = run(fn, true, (runner) => runner());
    expect([results.mainResult.result, ...results.variantResults.map((r) => r.result)]).toEqual([0.2, 0.5, 0.8]);
  });

  it('injects frozen parts of the config, and a value the caller passes wins', () => {
    const fn = experiment({ configs: [{ llm: { stops: ['\n'] } }], bind: { llm: 'llm' } })(function fn(llm?: { stops: string[] }) {
      return llm;
    });
    expect(Object.isFrozen(fn())).toBe(true);
    expect(() => fn()!.stops.push('x')).toThrow(TypeError);
    expect(fn({ stops: ['mine'] })).toEqual({ stops: ['mine'] });
  });

  it("takes '' (or no path) as the whole config, validated by the schema when there is one", () => {
    const Settings = z.object({ config_id: z.string(), model: z.string(), retries: z.number().default(3) });
    const fn = experiment({ configs: [{ config_id: 'c1', model: 'gpt-4o' }], bind: { whole: '', typed: { schema: Settings }, again: { path: '' } } })(
      function fn(whole?: Config, typed?: z.infer<typeof Settings>, again?: Config) {
        return [whole!.config_id, typed, again === whole];
      },
    );
    expect(fn()).toEqual(['c1', { config_id: 'c1', model: 'gpt-4o', retries: 3 }, true]);
  });
});

describe('which parameter gets the whole config', () => {
  it('a bind entry for the parameter named `config` replaces the whole-config injection', () => {
    const fn = experiment({ configs: [{ config_id: 'x', llm: { model: 'm' } }], bind: { config: 'llm' } })(function fn(config?: unknown) {
      return config;
    });
    expect(fn()).toEqual({ model: 'm' });
  });

  it('`configParam` gets the whole config, a bound parameter its value', () => {
    const fn = experiment({ configs: [{ config_id: 'x', llm: { model: 'm' } }], configParam: 'settings', bind: { config: 'llm.model' } })(
      function fn(settings?: Config, config?: string) {
        return [settings!.config_id, config];
      },
    );
    expect(fn()).toEqual(['x', 'm']);
  });

  it('the parameter named `config` still gets the whole config next to bound ones', () => {
    const fn = experiment({ configs: [{ config_id: 'x', model: 'm' }], bind: { model: 'model' } })(function fn(model?: string, config?: Config) {
      return [model, config!.config_id];
    });
    expect(fn()).toEqual(['m', 'x']);
  });
});

describe('configs from files, through decorators', () => {
  it('a directory of YAML files gives main and variants in path order (the Python yaml_configs cookbook)', () => {
    const mint = new Spearmint({ configs: [join(__dirname, '..', '..', '..', 'core', 'test', 'fixtures', 'configs', 'dir')] });
    class Handler {
      @mint.experiment()
      handle(value: string, config?: Config<{ id: number }>): string {
        return `${value}_${config!.id}`;
      }
    }
    const handler = new Handler();
    const results = run(handler.handle.bind(handler), true, (runner) => runner('yaml'));
    expect(results.mainResult.result).toBe('yaml_10');
    expect(results.variantResults.map((r) => r.result)).toEqual(['yaml_20', 'yaml_30']);
  });

  it('loads and binds at set-up: a call never reads a file', () => {
    const dir = write({ 'a.yaml': 'llm:\n  model: !sweep [gpt-4o, gpt-4o-mini]\n' });
    const fn = experiment({ configs: [join(dir, 'a.yaml')], bind: { model: 'llm.model' } })(function fn(model?: string) {
      return model;
    });
    rmSync(dir, { recursive: true });
    const results = run(fn, true, (runner) => runner());
    expect([results.mainResult.result, ...results.variantResults.map((r) => r.result)]).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });
});
