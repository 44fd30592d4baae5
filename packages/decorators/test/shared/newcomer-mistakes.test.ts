import { Config, currentCase, experiment, Spearmint } from '@spearmint/decorators';

// Mistakes a newcomer makes, each caught when the class is defined (or the function wrapped).
// The decorator's types reject some of them already; the casts let the runtime checks be tested.

type Loose = (...args: unknown[]) => never;

describe('@mint.experiment without parentheses', () => {
  const mint = new Spearmint({ configs: [{ config_id: 'a' }, { config_id: 'b' }] });

  it('is a TypeError that says to write @mint.experiment(), in both decorator modes', () => {
    const bare = mint.experiment as unknown as Loose;
    const define = () => {
      class Svc {
        @bare
        run(config?: Config): string {
          return config!.config_id;
        }
      }
      return Svc;
    };
    expect(define).toThrow(TypeError);
    expect(define).toThrow(/mint.experiment makes a decorator and must be called: write @mint.experiment\(\).*applied as a decorator itself/);
  });

  it('is the same TypeError for the standalone experiment', () => {
    const bare = experiment as unknown as Loose;
    expect(() => {
      class Svc {
        @bare
        static run(): number {
          return 1;
        }
      }
      return Svc;
    }).toThrow(/experiment makes a decorator and must be called: write @experiment\(\)/);
  });

  it('and for a function passed straight to mint.experiment(fn)', () => {
    expect(() => (mint.experiment as unknown as Loose)(function f(config?: Config) {
      return config;
    })).toThrow(/or mint.experiment\(\)\(fn\) for a function. It was given a function as its options/);
  });

  it('a detached mint.experiment called with options names the fix', () => {
    const detached = mint.experiment;
    expect(() => detached({})).toThrow(/without its Spearmint instance: write mint.experiment\(\)/);
  });
});

describe('an experiment with several configs and nothing to inject them into', () => {
  let warnings: string[];
  let spy: jest.SpyInstance;
  beforeEach(() => {
    warnings = [];
    spy = jest.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
  });
  afterEach(() => spy.mockRestore());

  it('warns once, at decoration, naming the experiment and its parameters', () => {
    const mint = new Spearmint({ configs: [{ config_id: 'a' }, { config_id: 'b' }] });
    class Pricing {
      @mint.experiment({ name: 'Pricing.quote' })
      quote(amount: number, currency: string): string {
        return `${amount} ${currency}`;
      }
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(
      "Spearmint: experiment 'Pricing.quote' has 2 configs, but no parameter receives one (its parameters: amount, currency), " +
        'so every config runs the very same call. Name a parameter `config`, or pass `configParam` or `bind`; ' +
        'if the function reads currentCase() itself, pass `configParam: false`.',
    );
    const pricing = new Pricing();
    pricing.quote(1, 'EUR');
    pricing.quote(2, 'EUR');
    expect(warnings).toHaveLength(1);
  });

  it('is silent with configParam: false, and the function reads currentCase() itself', () => {
    const mint = new Spearmint({ configs: [{ config_id: 'a' }, { config_id: 'b' }] });
    class Reader {
      @mint.experiment({ configParam: false })
      read(): string {
        return currentCase()!.getConfigId(Reader.prototype.read);
      }
    }
    expect(warnings).toEqual([]);
    expect(new Reader().read()).toBe('a');
    const withConfig = experiment({ configs: [{ config_id: 'a' }, { config_id: 'b' }], configParam: false })(function withConfig(config?: Config) {
      return config; // nothing injected: configParam false
    });
    expect(withConfig()).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('is silent with one config, a config parameter, configParam or bind', () => {
    const mint = new Spearmint({ configs: [{ config_id: 'a', n: 1 }, { config_id: 'b', n: 2 }] });
    new Spearmint({ configs: [{ config_id: 'only' }] }).experiment()(function one() {
      return 1;
    });
    mint.experiment()(function named(config?: Config) {
      return config;
    });
    mint.experiment({ configParam: 'settings' })(function param(settings?: Config) {
      return settings;
    });
    mint.experiment({ bind: { n: 'n' } })(function bound(n?: number) {
      return n;
    });
    expect(warnings).toEqual([]);
  });

  it('rejects a configParam that is neither a name, an index nor false', () => {
    const mint = new Spearmint();
    expect(() => mint.experiment({ configParam: true as never })(function f(config?: Config) {
      return config;
    })).toThrow(/`configParam` of 'f' to be a parameter name, an index from 0 up, or false \(nothing injected\), got true \(boolean\)/);
  });
});

describe('decorating a getter or an accessor', () => {
  const loose = new Spearmint().experiment() as unknown as Loose;
  const legacy = process.env.SPEARMINT_DECORATOR_MODE === 'legacy';

  it('names the getter (and, in legacy mode, its class) and says what to do instead', () => {
    const define = () => {
      class Cart {
        @loose
        get total(): number {
          return 1;
        }
      }
      return Cart;
    };
    expect(define).toThrow(TypeError);
    expect(define).toThrow(
      `@experiment() decorates methods and functions only; it was applied to a getter '${legacy ? 'Cart.' : ''}total'. ` +
        'Make it a method (total()) and decorate that, or decorate the method that it calls.',
    );
  });

  it('says "a setter" for a setter', () => {
    expect(() => {
      class Cart {
        @loose
        set total(value: number) {
          void value;
        }
      }
      return Cart;
    }).toThrow(/applied to a setter '(Cart\.)?total'/);
  });
});
