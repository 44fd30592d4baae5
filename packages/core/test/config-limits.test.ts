import {
  CONFIG_LIMITS,
  computeConfigId,
  Config,
  ConfigTooLargeError,
  DynamicValue,
  EmptyDynamicValueError,
  InvalidConfigError,
  resolveConfigs,
  TooManyConfigsError,
} from '../src';
import { frozenCopy } from '../src/config/deep-freeze';
import { findConfigFiles } from '../src/config/find-config-files';
import { errorOf } from './helpers/error-of';
import { nested, values } from './helpers/hostile-configs';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

describe('CONFIG_LIMITS', () => {
  it('documents the limits and cannot be changed', () => {
    expect(CONFIG_LIMITS).toEqual({
      maxDepth: 100,
      maxConfigs: 10_000,
      maxValues: 1_000_000,
      maxFileBytes: 1_048_576,
      maxYamlTokens: 100_000,
      maxYamlAliases: 1_000,
      maxAliasCount: 1_000,
    });
    expect(Object.isFrozen(CONFIG_LIMITS)).toBe(true);
  });
});

describe('cycles and depth', () => {
  it('a circular config is an InvalidConfigError naming both key paths', () => {
    const config: Record<string, any> = { llm: { params: {} } };
    config.llm.params.back = config.llm;
    const error = errorOf(() => resolveConfigs([{ a: 1 }, config]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe(
      "Invalid config at configs[1]: the value at key path 'llm.params.back' is the object at key path 'llm' again (a circular reference). " +
        'A config must be a tree of plain data; pass a circular structure as a component (a class instance) instead.',
    );
  });

  it('a cycle through an array, and an array holding itself, are named too', () => {
    const list: unknown[] = [1];
    list.push({ again: list });
    expect(errorOf(() => new Config({ list })).message).toContain("the value at key path 'list[1].again' is the object at key path 'list' again");
    const self: unknown[] = [];
    self.push(self);
    expect(errorOf(() => new Config({ self }))).toBeInstanceOf(InvalidConfigError);
  });

  it('an object shared by two keys (no cycle) is copied once, frozen, into both', () => {
    const shared = { k: [1] };
    const config = new Config({ a: shared, b: { c: shared } });
    expect(config.a).toEqual({ k: [1] });
    expect(config.b.c).toBe(config.a);
    expect(config.a).not.toBe(shared);
  });

  it('a shared object met again deeper is checked at its new depth', () => {
    const shared = nested(60);
    const wrapper = nested(50);
    let innermost = wrapper;
    while (innermost.x) innermost = innermost.x as Record<string, unknown>;
    innermost.s = shared;
    expect(() => new Config({ a: shared })).not.toThrow();
    expect(errorOf(() => new Config({ a: shared, b: wrapper })).message).toContain(
      "nest deeper than 100 levels (CONFIG_LIMITS.maxDepth) below key path 'b.x.x.x.x.x.….x.x.x.s' (52 levels)",
    );
  });

  it('a shared object holding a DynamicValue is a sweep in each place it appears', () => {
    const shared = { t: new DynamicValue([1, 2]) };
    const configs = resolveConfigs([{ a: shared, b: shared }]);
    expect(configs.map((c) => [c.a.t, c.b.t])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ]);
  });

  it(`accepts ${CONFIG_LIMITS.maxDepth} levels of nesting, and names the key path of one more`, () => {
    expect(() => new Config(nested(CONFIG_LIMITS.maxDepth))).not.toThrow();
    const error = errorOf(() => resolveConfigs([nested(3000)]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe(
      "Invalid config at configs[0]: objects and arrays nest deeper than 100 levels (CONFIG_LIMITS.maxDepth) at key path 'x.x.x.x.x.x.….x.x.x.x' (101 levels). " +
        'Flatten the config, or pass deep data as a component (a class instance).',
    );
  });

  it('counts arrays as levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i <= CONFIG_LIMITS.maxDepth; i++) deep = [deep];
    expect(errorOf(() => new Config({ deep })).message).toContain('nest deeper than 100 levels');
  });

  it('a deep or circular class instance is a component, kept by reference', () => {
    class Graph {
      self = this;
    }
    const graph = new Graph();
    expect(new Config({ graph }).graph).toBe(graph);
  });

  it('computeConfigId and the frozen copy of a bound value check cycles as well', () => {
    const circular: Record<string, unknown> = {};
    circular.me = circular;
    expect(errorOf(() => computeConfigId(circular)).message).toContain('Invalid config at computeConfigId(...)');
    expect(errorOf(() => frozenCopy({ out: circular }, "the schema's output"))).toBeInstanceOf(InvalidConfigError);
  });
});

describe('hostile objects', () => {
  it('a getter that throws is an InvalidConfigError naming the key path, with the error as cause', () => {
    const thrown = new Error('getter failed');
    const config = {
      llm: {
        get model(): string {
          throw thrown;
        },
      },
    };
    const error = errorOf(() => resolveConfigs([config]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe("Invalid config at configs[0]: reading key path 'llm.model' threw: getter failed");
    expect(error.cause).toBe(thrown);
  });

  it('a getter runs once: the config holds the value it returned', () => {
    let reads = 0;
    const config = new Config({
      get n() {
        return ++reads;
      },
    });
    expect([config.n, config.n, reads]).toEqual([1, 1, 1]);
  });

  it('a Proxy whose traps throw, even odd values, is an InvalidConfigError', () => {
    const odd = Object.create(null);
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw odd;
        },
      },
    );
    expect(errorOf(() => resolveConfigs([{ a: proxy }]))).toBeInstanceOf(InvalidConfigError);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    expect(errorOf(() => resolveConfigs([revocable.proxy]))).toBeInstanceOf(InvalidConfigError);
    expect(errorOf(() => new Config(revocable.proxy))).toBeInstanceOf(InvalidConfigError);
  });

  it('a sources list whose items throw when read names the position', () => {
    const sources = new Proxy([{ a: 1 }, { b: 2 }], {
      get(target, key, receiver) {
        if (key === '1') throw new Error('no item');
        return Reflect.get(target, key, receiver);
      },
    });
    expect(errorOf(() => resolveConfigs(sources)).message).toBe('Invalid config at configs[1]: reading it threw: no item');
  });

  it('a nested DynamicValue in new Config(...) is an error, not a silent value', () => {
    expect(errorOf(() => new Config({ llm: { t: new DynamicValue([1, 2]) } })).message).toBe(
      "Invalid config at new Config(...): key path 'llm.t' holds a DynamicValue; pass the object in `configs` to expand it.",
    );
  });
});

describe('sweeps are counted before they are expanded', () => {
  it.each([
    [150_000, [150, 1000]],
    [1_000_000, [1000, 1000]],
    [10_000_000, [10_000, 1000]],
  ])('%d combinations: TooManyConfigsError with the count, no expansion', (count, [a, b]) => {
    const error = errorOf(() => resolveConfigs([{ model: values(a!), llm: { t: values(b!) } }])) as TooManyConfigsError;
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expect(error.code).toBe('SPEARMINT_TOO_MANY_CONFIGS');
    expect([error.count, error.limit, error.source]).toEqual([count, 10_000, 'configs[0]']);
    expect(error.message).toBe(
      `Too many configs at configs[0]: the sweep (${a} × ${b} values) gives ${count.toLocaleString('en-US')} configs; ` +
        'one experiment takes at most 10,000 (CONFIG_LIMITS.maxConfigs). Sweep fewer values, or split the sweep over several runs.',
    );
  });

  it('counts the configs of the whole list', () => {
    const error = errorOf(() => resolveConfigs([{ a: values(6000) }, { b: values(5000) }])) as TooManyConfigsError;
    expect(error.count).toBe(11_000);
    expect(error.message).toContain('at configs[1]: the sweep (5000 values), after the 6000 configs before it, gives 11,000 configs');
  });

  it('expands exactly the limit, first DynamicValue slowest, sharing what is off the sweep paths', () => {
    const shared = { prompt: 'p', examples: [1, 2, 3] };
    const configs = resolveConfigs([{ a: values(100), llm: { t: values(100), shared } }]);
    expect(configs).toHaveLength(10_000);
    expect([configs[0]!.a, configs[0]!.llm.t, configs[1]!.llm.t, configs[100]!.a]).toEqual([0, 0, 1, 1]);
    expect(configs[9999]!.llm.shared).toBe(configs[0]!.llm.shared);
    expect(Object.isFrozen(configs[5]!.llm)).toBe(true);
  });

  it('more sources than the limit fail before any is read', () => {
    const sources = new Array(CONFIG_LIMITS.maxConfigs + 1);
    expect(errorOf(() => resolveConfigs(sources))).toBeInstanceOf(TooManyConfigsError);
  });

  it('an empty DynamicValue is still EmptyDynamicValueError, before counting', () => {
    expect(errorOf(() => resolveConfigs([{ a: values(5000), b: values(5000), c: new DynamicValue([]) }]))).toBeInstanceOf(EmptyDynamicValueError);
  });
});

describe('DynamicValue reads a bounded number of values', () => {
  it('an endless generator is a TooManyConfigsError, and the generator is closed', () => {
    let closed = false;
    function* endless(): Generator<number> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const error = errorOf(() => new DynamicValue(endless())) as TooManyConfigsError;
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expect(error.count).toBeUndefined();
    expect(error.message).toContain('new DynamicValue(...): the iterable gives more than 10,000 configs');
    expect(closed).toBe(true);
  });

  it('reads exactly the limit', () => {
    expect(values(CONFIG_LIMITS.maxConfigs).values).toHaveLength(10_000);
  });

  it('a non-iterable is a TypeError that describes it safely', () => {
    const hostile = {
      toString() {
        throw new Error('no');
      },
    };
    expect(errorOf(() => new DynamicValue(hostile as never))).toBeInstanceOf(TypeError);
  });
});

describe('values are counted, so shared objects cannot multiply', () => {
  it('a shared-object bomb (2^40 leaves) is a ConfigTooLargeError naming where the limit was passed, without copying it out', () => {
    let bomb: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) bomb = { l: bomb, r: bomb };
    const error = errorOf(() => resolveConfigs([{ bomb }], "configs of 'Svc.run'"));
    expect(error).toBeInstanceOf(ConfigTooLargeError);
    expect(error.message).toMatch(/^The configs of 'Svc\.run' hold more than 1,000,000 values \(CONFIG_LIMITS\.maxValues\); the limit was passed at configs of 'Svc\.run'\[0\], key path 'bomb\.l/);
  });

  it('a large array fails before its items are copied', () => {
    const error = errorOf(() => resolveConfigs([{ table: new Array(2_000_000).fill(0) }]));
    expect(error).toBeInstanceOf(ConfigTooLargeError);
    expect(error.message).toContain("the limit was passed at configs[0], key path 'table'");
  });

  it('counts every expansion of a sweep', () => {
    const table = new Array(200).fill(0); // 201 values, in each of the 10,000 configs
    expect(errorOf(() => resolveConfigs([{ table, a: values(100), b: values(100) }]))).toBeInstanceOf(ConfigTooLargeError);
    expect(resolveConfigs([{ table, a: values(10) }])).toHaveLength(10);
  });

  it('counts over the whole list', () => {
    const half = { table: new Array(600_000).fill(0) };
    expect(resolveConfigs([half])).toHaveLength(1);
    expect(errorOf(() => resolveConfigs([half, half]))).toBeInstanceOf(ConfigTooLargeError);
  });
});

describe('directories', () => {
  it('a directory with more config files than configs allowed is a TooManyConfigsError', () => {
    const dir = write({ 'a.yaml': 'n: 1', 'b.yaml': 'n: 2', 'c/d.json': '{"n": 3}' });
    expect(findConfigFiles(dir, 'configs[1]', CONFIG_LIMITS.maxConfigs - 3)).toHaveLength(3);
    const error = errorOf(() => findConfigFiles(dir, 'configs[1]', CONFIG_LIMITS.maxConfigs - 2));
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expect(error.message).toBe(
      `Too many configs at configs[1]: the directory ${dir} (each config file gives at least one config), after the 9998 configs before it, ` +
        'gives more than 10,000 configs; one experiment takes at most 10,000 (CONFIG_LIMITS.maxConfigs). Sweep fewer values, or split the sweep over several runs.',
    );
  });
});
