import { Config, currentCase, experiment, run, Spearmint } from '@spearmint/decorators';

describe('a direct call', () => {
  it('runs main with its config and returns main result (basic experiment)', () => {
    const mint = new Spearmint({ configs: [{ id: 'single' }] });
    class Svc {
      @mint.experiment()
      process(value: string, config?: Config<{ id: string }>): string {
        return `${value}_${config!.id}`;
      }
    }
    expect(new Svc().process('test')).toBe('test_single');
    const results = run(new Svc().process.bind(new Svc()), (runner) => runner('test'));
    expect(results.mainResult.result).toBe('test_single');
    expect(results.variantResults).toEqual([]);
  });

  it('keeps `this` for calls on the instance, sync and async', async () => {
    const mint = new Spearmint({ configs: [{ n: 2 }] });
    class Counter {
      base = 40;
      @mint.experiment()
      add(config?: Config<{ n: number }>): number {
        return this.base + config!.n;
      }
      @mint.experiment()
      async addLater(config?: Config<{ n: number }>): Promise<number> {
        await new Promise((r) => setTimeout(r, 1));
        return this.base + config!.n;
      }
    }
    const counter = new Counter();
    expect(counter.add()).toBe(42);
    await expect(counter.addLater()).resolves.toBe(42);
  });

  it('works on static methods', () => {
    const mint = new Spearmint({ configs: [{ prefix: '>' }] });
    class Util {
      static suffix = '!';
      @mint.experiment()
      static describe(text: string, config?: Config<{ prefix: string }>): string {
        return `${config!.prefix}${text}${this.suffix}`;
      }
    }
    expect(Util.describe('x')).toBe('>x!');
    expect(run(Util.describe.bind(Util), (runner) => runner('y')).mainResult.result).toBe('>y!');
  });

  it('injects { config_id: "default" } when there are no configs', () => {
    const mint = new Spearmint();
    class Svc {
      @mint.experiment()
      process(value: string, config?: Config): string {
        return `${value}_${config!.config_id}`;
      }
    }
    expect(new Svc().process('test')).toBe('test_default');
  });

  it('passes exactly the caller arguments to a method without a config parameter', () => {
    const fn = experiment({ configs: [] })(function noConfig(...args: unknown[]) {
      return { args, configId: currentCase()!.getConfigId(noConfig) };
    });
    expect(fn('a', undefined)).toEqual({ args: ['a', undefined], configId: 'default' });
    expect(fn()).toEqual({ args: [], configId: 'default' });
  });

  it('lets a value the caller passes explicitly win over injection', () => {
    const mint = new Spearmint({ configs: [{ model: 'injected' }] });
    class Svc {
      @mint.experiment()
      model(config?: Config<{ model: string }>): string {
        return config!.model;
      }
    }
    expect(new Svc().model(new Config({ model: 'mine' }))).toBe('mine');
    expect(new Svc().model(undefined)).toBe('injected');
  });

  it('injects into the parameter chosen by configParam, by name or by index', () => {
    const mint = new Spearmint({ configs: [{ model: 'm' }] });
    class Svc {
      @mint.experiment({ configParam: 'settings' })
      byName(prompt: string, settings?: Config<{ model: string }>): string {
        return `${prompt}:${settings!.model}`;
      }
      @mint.experiment({ configParam: 1 })
      byIndex(prompt: string, cfg?: Config<{ model: string }>): string {
        return `${prompt}:${cfg!.model}`;
      }
    }
    expect(new Svc().byName('p')).toBe('p:m');
    expect(new Svc().byIndex('p')).toBe('p:m');
  });

  it('finds `config` among default values, destructuring and comments', () => {
    const mint = new Spearmint({ configs: [{ v: 1 }] });
    const fn = mint.experiment()(function tricky(
      { a }: { a: string } = { a: '(,' },
      b = `x${')'}`, // a comment with config
      /* config, */ config?: Config<{ v: number }>,
    ) {
      return [a, b, config!.v];
    });
    expect(fn()).toEqual(['(,', 'x)', 1]);
  });

  it('wraps plain functions and arrows with the higher-order form', () => {
    const mint = new Spearmint({ configs: [{ greeting: 'Hi' }] });
    const greet = mint.experiment()((name: string, config?: Config<{ greeting: string }>) => `${config!.greeting}, ${name}`);
    expect(greet('Ada')).toBe('Hi, Ada');
    const named = experiment({ configs: [{ n: 3 }], name: 'triple' })((x: number, config?: Config<{ n: number }>) => x * config!.n);
    expect(named(2)).toBe(6);
    expect(run(named, (runner) => runner(2)).mainResult.experimentCase.configIds).toEqual({ triple: new Config({ n: 3 }).config_id });
  });

  it('gives every call a frozen config that no call can change', () => {
    const mint = new Spearmint({ configs: [{ list: [1, 2] }] });
    const mutate = mint.experiment()(function mutate(config?: Config<{ list: number[] }>) {
      expect(() => (config!.list as number[]).push(3)).toThrow(TypeError);
      return config!.list.length;
    });
    expect(mutate()).toBe(2);
    expect(mutate()).toBe(2);
  });

  it('replaces the instance configs with the experiment configs; [] means none', () => {
    const mint = new Spearmint({ configs: [{ id: 'instance' }] });
    const own = mint.experiment({ configs: [{ id: 'own' }] })((config?: Config) => config!.id as string);
    const none = mint.experiment({ configs: [] })((config?: Config) => config!.config_id);
    expect(own()).toBe('own');
    expect(none()).toBe('default');
  });
});
