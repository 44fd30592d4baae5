import { parameterNames } from '../src/experiment/parameter-names';

/** A function made from exactly this source text (no compiler in between). */
const fromSource = (source: string): Function => new Function(`return (${source});`)() as Function;
const names = (source: string) => parameterNames(fromSource(source)).map((p) => (p.rest ? `...${p.name}` : p.name ?? '(destructured)'));

describe('parameterNames, the tokenizer that finds where the config goes', () => {
  it.each([
    ['function (a, config) {}', ['a', 'config']],
    ['function named(a, b = 1, config) { return a; }', ['a', 'b', 'config']],
    ['(a, config) => a', ['a', 'config']],
    ['config => config', ['config']],
    ['async config => config', ['config']],
    ['async (a, config) => a', ['a', 'config']],
    ['function* gen(a, config) {}', ['a', 'config']],
    ['async function* gen(a, config) {}', ['a', 'config']],
    ['() => 1', []],
    ['function () {}', []],
  ])('plain shapes: %s', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it.each([
    ['(a = f(1, 2), config) => a', ['a', 'config']],
    ['(a = [1, 2], b = { x: 1, y: 2 }, config) => a', ['a', 'b', 'config']],
    ['(a = "x, y", config) => a', ['a', 'config']],
    ["(a = 'it\\'s, (', config) => a", ['a', 'config']],
    ['(a = `${1, 2}, (`, config) => a', ['a', 'config']],
    ['(a = /[,(]/g, config) => a', ['a', 'config']],
    ['(a = (x, y) => x + y, config) => a', ['a', 'config']],
  ])('defaults holding commas and parentheses: %s', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it.each([
    ['({ a, b }, config) => a', ['(destructured)', 'config']],
    ['([a, b] = [1, 2], config) => a', ['(destructured)', 'config']],
    ['(a, ...rest) => a', ['a', '...rest']],
    ['(a, ...config) => a', ['a', '...config']],
  ])('destructuring and rest parameters: %s', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it.each([
    ['function (a /* , fake */, config) {}', ['a', 'config']],
    ['function /* (x) */ f(a, // (y, z\n config) {}', ['a', 'config']],
    ['(/* first */ a, /* ) */ config) => a', ['a', 'config']],
  ])('comments anywhere: %s', (source, expected) => {
    expect(names(source)).toEqual(expected);
  });

  it('class methods: plain, async, generator, static, computed and quoted names', () => {
    class Service {
      plain(a: number, config?: unknown) {
        return [a, config];
      }
      async later(input: string, config?: unknown) {
        return [input, config];
      }
      *many(config?: unknown) {
        yield config;
      }
      static build(options: object, config?: unknown) {
        return [options, config];
      }
      ['com' + 'puted'](x: number, config?: unknown) {
        return [x, config];
      }
      'quoted (name)'(y: number, config?: unknown) {
        return [y, config];
      }
    }
    const of = (fn: Function) => parameterNames(fn).map((p) => p.name);
    expect(of(Service.prototype.plain)).toEqual(['a', 'config']);
    expect(of(Service.prototype.later)).toEqual(['input', 'config']);
    expect(of(Service.prototype.many)).toEqual(['config']);
    expect(of(Service.build)).toEqual(['options', 'config']);
    expect(of((Service.prototype as unknown as Record<string, Function>)['computed']!)).toEqual(['x', 'config']);
    expect(of((Service.prototype as unknown as Record<string, Function>)['quoted (name)']!)).toEqual(['y', 'config']);
  });

  it('private methods, and functions without JavaScript source (native, bound)', () => {
    class Private {
      #secret = 1;
      #handle(a: number, config?: unknown) {
        return [a, config, this.#secret];
      }
      static readonly handle = new Private().#handle;
    }
    expect(parameterNames(Private.handle).map((p) => p.name)).toEqual(['a', 'config']);
    expect(parameterNames(Math.max)).toEqual([]);
    expect(parameterNames(function f(this: unknown, config: unknown) {
      return config;
    }.bind(null))).toEqual([]);
  });

  it('unicode identifiers', () => {
    expect(names('(größe, konfiguration) => größe')).toEqual(['größe', 'konfiguration']);
  });
});
