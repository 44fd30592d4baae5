import vectors from './fixtures/proto-key-config-id-vectors.json';
import { join } from 'node:path';
import { computeConfigId, Config, DynamicValue, resolveConfigs } from '../src';
import { pythonJsonDumps } from '../src/config/python-json';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

/** `{ '__proto__': value, ...rest }` with `__proto__` as an own key, as JSON.parse makes it. */
function withProtoKey(value: unknown, rest: Record<string, unknown> = {}): Record<string, unknown> {
  return { ['__proto__']: value, ...rest };
}

describe('a `__proto__` key is data, with the id the Python library computes', () => {
  // Computed by fixtures/proto-key-vectors.py, which runs the Python library's id function.
  it.each(vectors.map((v) => [v.json, v]))('%s', (_json, vector) => {
    const parsed = JSON.parse(vector.json) as Record<string, unknown>;
    expect(pythonJsonDumps(parsed)).toBe(vector.canonical);
    expect(new Config(parsed).config_id).toBe(vector.config_id);
    expect(computeConfigId(parsed)).toBe(vector.config_id);
    expect(resolveConfigs([parsed])[0]!.config_id).toBe(vector.config_id);
  });

  it('covers 7 vectors', () => {
    expect(vectors).toHaveLength(7);
  });

  it('keeps the key as an own property of the Config, whose prototype and brand stay', () => {
    const config = new Config(withProtoKey({ isAdmin: true }, { model: 'gpt-4' }));
    expect(Object.keys(config)).toEqual(['__proto__', 'model', 'config_id']);
    expect(Object.getOwnPropertyDescriptor(config, '__proto__')?.value).toEqual({ isAdmin: true });
    expect(Config.isConfig(config)).toBe(true);
    expect(Object.getPrototypeOf(config)).toBe(Config.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(JSON.parse(JSON.stringify(config))).toEqual(JSON.parse(`{"__proto__": {"isAdmin": true}, "model": "gpt-4", "config_id": "${vectors[0]!.config_id}"}`));
  });

  it('two configs that differ only under a nested `__proto__` have different ids', () => {
    const [one, two] = resolveConfigs([{ llm: withProtoKey({ a: 1 }) }, { llm: withProtoKey({ a: 2 }) }]);
    expect(one!.config_id).toBe(vectors[1]!.config_id);
    expect(two!.config_id).toBe(vectors[2]!.config_id);
  });

  it('YAML and JSON files keep the key, with the same id', () => {
    const dir = write({
      'a.yaml': '__proto__:\n  isAdmin: true\nmodel: gpt-4\n',
      'b.json': '[{"__proto__": {"isAdmin": true}, "model": "gpt-4", "config_id": "given"}]',
    });
    const [yaml, json] = resolveConfigs([join(dir, 'a.yaml'), join(dir, 'b.json')]);
    expect(yaml!.config_id).toBe(vectors[0]!.config_id);
    expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value).toEqual({ isAdmin: true });
  });

  it('a sweep keeps the key in every expansion', () => {
    const configs = resolveConfigs([withProtoKey({ x: 1 }, { t: new DynamicValue([1, 2]) })]);
    expect(configs.map((c) => Object.getOwnPropertyDescriptor(c, '__proto__')?.value)).toEqual([{ x: 1 }, { x: 1 }]);
    expect(configs.map((c) => c.config_id)).toEqual([vectors[5]!.config_id, vectors[6]!.config_id]);
  });
});
