import { Config } from '@spearmint/core';
import { findExperimentBinding } from '@spearmint/core/internal';
import { run, Spearmint } from '@spearmint/decorators';

const mint = new Spearmint({ configs: [{ model: 'main' }, { model: 'shadow' }] });

function SetMeta(key: string, value: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(key, value, descriptor.value as object);
  };
}

class Service {
  @mint.experiment()
  byType(prompt: string, settings?: Config<{ model: string }>): string {
    return `${settings!.model}:${prompt}`;
  }

  @SetMeta('above', 'yes')
  @mint.experiment()
  @SetMeta('below', 'yes')
  stacked(config?: Config<{ model: string }>): string {
    return config!.model;
  }
}

describe('legacy decorators', () => {
  it('inject into a parameter declared as Config, whatever its name (design:paramtypes)', () => {
    expect(new Service().byType('p')).toBe('main:p');
    const svc = new Service();
    expect(run(svc.byType.bind(svc), true, (r) => r('q')).variantResults[0]!.result).toBe('shadow:q');
  });

  it('keep the method a plain value on the prototype and carry its reflect-metadata over', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Service.prototype, 'stacked')!;
    expect(typeof descriptor.value).toBe('function');
    expect(findExperimentBinding(descriptor.value)).toBeDefined();
    expect(Reflect.getMetadata('below', descriptor.value)).toBe('yes');
    expect(Reflect.getMetadata('above', descriptor.value)).toBe('yes');
    expect(Object.prototype.hasOwnProperty.call(new Service(), 'stacked')).toBe(false);
  });

  it('are named by the class they are declared in', () => {
    const svc = new Service();
    expect(Object.keys(run(svc.stacked.bind(svc), (r) => r()).mainResult.experimentCase.configIds)).toEqual(['Service.stacked']);
  });
});
