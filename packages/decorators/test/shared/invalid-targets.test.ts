import { experiment, Spearmint } from '@spearmint/decorators';

// The decorator's types already reject these; `loose` lets the runtime check be tested in both modes.
describe('decorating anything but a method or function', () => {
  const mint = new Spearmint();
  const loose = mint.experiment() as (...args: unknown[]) => never;

  it('is a TypeError for a field, naming it', () => {
    expect(() => {
      class WithField {
        @loose
        value = 1;
      }
      return WithField;
    }).toThrow(/a field '(WithField\.)?value'/);
  });

  it('is a TypeError for a getter, naming it', () => {
    expect(() => {
      class WithGetter {
        @loose
        get value(): number {
          return 1;
        }
      }
      return WithGetter;
    }).toThrow(/(getter|accessor) '(WithGetter\.)?value'/);
  });

  it('is a TypeError for a class', () => {
    expect(() => {
      @loose
      class Decorated {}
      return Decorated;
    }).toThrow(TypeError);
  });

  it('is a TypeError for a non-function in the higher-order form', () => {
    expect(() => mint.experiment()(42 as never)).toThrow(/expects a method.*number/);
  });

  it('reports unknown options and bad option values', () => {
    expect(() => mint.experiment({ config: [] } as never)).toThrow(/Unknown option `config`/);
    expect(() => new Spearmint({ maxBackgroundVariants: -1 })).toThrow(/maxBackgroundVariants/);
    expect(() => experiment({ configParam: 'missing' })(function f(a: number) {
      return a;
    })).toThrow(/'missing' of 'f' is not one of its parameters: a/);
  });
});
