import { Config, DynamicValue, InvalidConfigError, isConfig, resolveConfigs, EmptyDynamicValueError } from '../src';

describe('Config', () => {
  it('is readable by dot and by index, and always has a string config_id', () => {
    const config = new Config({ model: 'gpt-4' });
    expect(config.model).toBe('gpt-4');
    expect(config['model']).toBe('gpt-4');
    expect(config.config_id).toBe('09c986a294e78e7b');
    expect(isConfig(config)).toBe(true);
    expect(isConfig({ model: 'gpt-4' })).toBe(false);
  });

  it('is deeply frozen and does not freeze or share the caller object', () => {
    const source = { llm: { model: 'a', stops: ['x'] } };
    const config = new Config(source);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.llm)).toBe(true);
    expect(Object.isFrozen(config.llm.stops)).toBe(true);
    expect(Object.isFrozen(source)).toBe(false);
    source.llm.model = 'changed';
    expect(config.llm.model).toBe('a');
    expect(() => {
      (config as { llm: { model: string } }).llm.model = 'b';
    }).toThrow(TypeError);
  });

  it('keeps functions and class instances by reference, unfrozen', () => {
    class Client {
      calls = 0;
    }
    const client = new Client();
    const config = new Config({ client, score: (x: number) => x * 2 });
    expect(config.client).toBe(client);
    client.calls++;
    expect(Object.isFrozen(client)).toBe(false);
    expect(config.score(2)).toBe(4);
  });

  it('keeps a given config_id and rejects a non-string one', () => {
    expect(new Config({ config_id: 'mine', a: 1 }).config_id).toBe('mine');
    expect(() => new Config({ config_id: {} })).toThrow(InvalidConfigError);
  });

  it('serialises to JSON with its config_id', () => {
    expect(JSON.parse(JSON.stringify(new Config({ a: 1, config_id: 'x' })))).toEqual({ a: 1, config_id: 'x' });
  });
});

describe('DynamicValue', () => {
  it('expands to the cartesian product, first dynamic key slowest', () => {
    const configs = resolveConfigs([{ model: new DynamicValue(['a', 'b']), t: new DynamicValue([1, 5, 9]) }]);
    expect(configs.map((c) => [c.model, c.t])).toEqual([
      ['a', 1],
      ['a', 5],
      ['a', 9],
      ['b', 1],
      ['b', 5],
      ['b', 9],
    ]);
  });

  it('expands at any depth of nested objects and keeps the rest', () => {
    const configs = resolveConfigs([{ llm: { params: { t: new DynamicValue(new Set([0.1, 0.2])) }, model: 'm' } }]);
    expect(configs.map((c) => c.llm.params.t)).toEqual([0.1, 0.2]);
    expect(configs.every((c) => c.llm.model === 'm')).toBe(true);
  });

  it('reads a generator once, when constructed', () => {
    function* values() {
      yield 1;
      yield 2;
    }
    const dv = new DynamicValue(values());
    expect([...dv]).toEqual([1, 2]);
    expect([...dv]).toEqual([1, 2]);
  });

  it('raises EmptyDynamicValueError naming the key path and the source', () => {
    expect(() => resolveConfigs([{ a: 1 }, { llm: { t: new DynamicValue([]) } }])).toThrow(EmptyDynamicValueError);
    expect(() => resolveConfigs([{ a: 1 }, { llm: { t: new DynamicValue([]) } }])).toThrow(/'llm\.t' of configs\[1\]/);
  });

  it('rejects a non-iterable', () => {
    expect(() => new DynamicValue(5 as unknown as number[])).toThrow(TypeError);
  });
});

describe('resolveConfigs', () => {
  it('rejects a non-object config, naming its position', () => {
    expect(() => resolveConfigs([{ a: 1 }, 42 as never])).toThrow(InvalidConfigError);
    expect(() => resolveConfigs([{ a: 1 }, 42 as never])).toThrow(/configs\[1\].*42 \(number\)/);
  });

  it('passes Config values through unchanged', () => {
    const config = new Config({ a: 1 });
    expect(resolveConfigs([config])[0]).toBe(config);
  });
});
