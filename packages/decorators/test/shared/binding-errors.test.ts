import { join } from 'node:path';
import { z } from 'zod';
import {
  AsyncSchemaError,
  BindPathNotFoundError,
  type BindSchema,
  DuplicateConfigIdError,
  experiment,
  run,
  SchemaValidationError,
  Spearmint,
  SpearmintError,
} from '@spearmint/decorators';
import { errorOf } from '../../../core/test/helpers/error-of';
import { tempFiles } from '../../../core/test/helpers/temp-files';

const write = tempFiles();

describe('binding errors, raised at set-up', () => {
  it('BindPathNotFoundError names the path, the missing key and the config_id', () => {
    const mint = new Spearmint({ configs: [{ config_id: 'ok', bound: { config: { id: 1 } } }, { config_id: 'renamed', bound: { cfg: {} } }] });
    const error = errorOf(() =>
      mint.experiment({ bind: { config: 'bound.config' } })(function process(config?: unknown) {
        return config;
      }),
    ) as BindPathNotFoundError;
    expect(error).toBeInstanceOf(BindPathNotFoundError);
    expect(error).toBeInstanceOf(SpearmintError);
    expect(error.code).toBe('SPEARMINT_BIND_PATH_NOT_FOUND');
    expect([error.path, error.missingKey, error.configId, error.parameter]).toEqual(['bound.config', 'config', 'renamed', 'config']);
    expect(error.message).toBe(
      "Cannot bind parameter 'config' of 'process' to path 'bound.config': config 'renamed' (configs[1]) has no key 'config' " +
        "('bound' has the keys 'cfg'). Fix the path in `bind`, or add the key to every config of the experiment.",
    );
  });

  it('BindPathNotFoundError says when the path runs into a value that is not an object, and names the file', () => {
    const dir = write({ 'c.yaml': 'config_id: from-file\nllm: gpt-4o\n' });
    const error = errorOf(() =>
      experiment({ configs: [join(dir, 'c.yaml')], bind: { model: 'llm.model' } })(function fn(model?: string) {
        return model;
      }),
    );
    expect(error).toBeInstanceOf(BindPathNotFoundError);
    expect(error.message).toContain(`config 'from-file' (file ${join(dir, 'c.yaml')}) has no key 'model'`);
    expect(error.message).toContain(`'llm' is "gpt-4o" (string), which has no keys`);
  });

  it('SchemaValidationError names the parameter, the field path, the validator message and the config_id', () => {
    const Llm = z.object({ model: z.string(), temperature: z.number().max(2) });
    const mint = new Spearmint({ configs: [{ config_id: 'cold', llm: { model: 'a', temperature: 0 } }, { config_id: 'broken', llm: { model: 'b', temperature: 'hot' } }] });
    const error = errorOf(() =>
      mint.experiment({ bind: { llm: { path: 'llm', schema: Llm } } })(function generate(prompt: string, llm?: z.infer<typeof Llm>) {
        return `${prompt}${llm!.model}`;
      }),
    ) as SchemaValidationError;
    expect(error).toBeInstanceOf(SchemaValidationError);
    expect(error.code).toBe('SPEARMINT_SCHEMA_VALIDATION');
    expect([error.parameter, error.configId, error.problems.map((p) => p.path)]).toEqual(['llm', 'broken', ['llm.temperature']]);
    expect(error.message).toBe(
      "Cannot bind parameter 'llm' of 'generate' to path 'llm': config 'broken' (configs[1]) does not match its schema: " +
        "at 'llm.temperature': Invalid input: expected number, received string. Fix the config, or the schema in `bind`.",
    );
  });

  it('SchemaValidationError lists every issue, and wraps an error a class constructor throws', () => {
    const Settings = z.object({ model: z.string(), retries: z.number() });
    const many = errorOf(() => experiment({ configs: [{ config_id: 'c' }], bind: { s: Settings } })(function fn(s?: unknown) { return s; }));
    expect(many).toBeInstanceOf(SchemaValidationError);
    expect(many.message).toContain("at 'model': Invalid input: expected string, received undefined; at 'retries': Invalid input");

    class Strict {
      constructor(value: { model?: unknown }) {
        if (typeof value.model !== 'string') throw new RangeError('model must be a string');
      }
    }
    const thrown = errorOf(() => experiment({ configs: [{ config_id: 'c2' }], bind: { s: Strict } })(function fn(s?: Strict) { return s; }));
    expect(thrown).toBeInstanceOf(SchemaValidationError);
    expect(thrown.message).toContain("config 'c2' (configs[0]) does not match its schema: at '(root)': new Strict(...) threw: model must be a string");
    expect(thrown.cause).toBeInstanceOf(RangeError);
  });

  it('AsyncSchemaError rejects a schema that validates asynchronously, leaving no unhandled rejection', () => {
    const Async = z.object({ model: z.string() }).refine(async () => true);
    const error = errorOf(() => experiment({ configs: [{ model: 'm' }], bind: { s: Async } })(function fn(s?: unknown) { return s; }));
    expect(error).toBeInstanceOf(AsyncSchemaError);
    expect(error.message).toContain("The schema (zod) of parameter 's' of 'fn' validates asynchronously");

    const rejecting: BindSchema = { '~standard': { version: 1, vendor: 'mine', validate: () => Promise.reject(new Error('no')) } };
    expect(() => experiment({ configs: [{ a: 1 }], bind: { s: rejecting } })(function fn(s?: unknown) { return s; })).toThrow(AsyncSchemaError);
  });

  it('DuplicateConfigIdError names both files (and the list item)', () => {
    const dir = write({ 'a.yaml': 'config_id: same\nmodel: a\n', 'b.yaml': '- config_id: other\n- config_id: same\n' });
    const mint = new Spearmint({ configs: [dir] });
    const error = errorOf(() => mint.experiment()(function fn() {}));
    expect(error).toBeInstanceOf(DuplicateConfigIdError);
    expect(error.message).toContain(`it comes from file ${join(dir, 'a.yaml')} and from file ${join(dir, 'b.yaml')}, item 1.`);
  });

  it('leaves nothing half-registered: the decorated function is no experiment, the class is not defined', () => {
    const mint = new Spearmint({ configs: [{ a: 1 }] });
    function target(value?: number) {
      return value;
    }
    expect(() => mint.experiment({ bind: { value: 'missing' } })(target)).toThrow(BindPathNotFoundError);
    expect(() => run(target, (runner) => runner())).toThrow(/expects a function decorated with @experiment\(\)/);
    expect(mint.experiment({ bind: { value: 'a' } })(target)()).toBe(1); // the same function decorates fine afterwards

    let defined: unknown;
    expect(() => {
      class Svc {
        @mint.experiment({ bind: { value: 'missing' } })
        method(value?: number) {
          return value;
        }
      }
      defined = Svc;
    }).toThrow(BindPathNotFoundError);
    expect(defined).toBeUndefined();
  });
});

describe('bind option errors (TypeError at decoration)', () => {
  const configs = [{ a: { b: 1 } }];

  it('names the function and its parameters for a parameter that does not exist', () => {
    expect(() => experiment({ configs, bind: { modelConfig: 'a' } })(function generate(prompt: string, model_config?: unknown) { return [prompt, model_config]; })).toThrow(
      new TypeError("`bind` names the parameter 'modelConfig', but 'generate' has none of that name; its parameters: prompt, model_config."),
    );
  });

  it('rejects a rest parameter, a malformed entry, an unknown long-form key and an empty path segment', () => {
    expect(() => experiment({ configs, bind: { rest: 'a' } })(function fn(...rest: unknown[]) { return rest; })).toThrow(/'rest' of 'fn', a rest parameter/);
    // @ts-expect-error a number is no bind entry
    expect(() => experiment({ configs, bind: { x: 42 } })(function fn(x?: unknown) { return x; })).toThrow(TypeError);
    // @ts-expect-error `paht` is a typo of `path`
    expect(() => experiment({ configs, bind: { x: { paht: 'a' } } })(function fn(x?: unknown) { return x; })).toThrow(/Unknown key `paht` in `bind.x` of 'fn'/);
    expect(() => experiment({ configs, bind: { x: 'a..b' } })(function fn(x?: unknown) { return x; })).toThrow(/The path 'a..b' of `bind.x` of 'fn' has an empty key/);
    // @ts-expect-error an arrow function is neither a schema nor a class
    expect(() => experiment({ configs, bind: { x: (v: unknown) => v } })(function fn(x?: unknown) { return x; })).toThrow(TypeError);
  });

  it('rejects a parameter that is both `configParam` and bound', () => {
    expect(() => experiment({ configs, configParam: 'x', bind: { x: 'a' } })(function fn(x?: unknown) { return x; })).toThrow(
      /Parameter 'x' of 'fn' is both `configParam` and a `bind` entry/,
    );
  });
});
