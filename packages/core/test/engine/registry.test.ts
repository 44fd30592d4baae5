import { type Config, currentCase } from '../../src';
import { defineExperiment, experimentBindingOf, findExperimentBinding, Supervisor } from '../../src/internal-api';

// experiment/registry.ts: which function stands for which experiment, bound copies included.
describe('the registry of experiment functions', () => {
  it('bound copies (and copies of copies) stand for the same experiment, with their `this` and leading arguments', () => {
    const f = defineExperiment(function (this: { tag: string } | undefined, a: number, b: number, config?: Config): unknown[] {
      return [this?.tag, a, b, currentCase()!.getConfigId(f), currentCase()!.getConfigId(bound)];
    }, { supervisor: new Supervisor(), configs: [{ config_id: 'x' }] });
    const owner = { tag: 'owner' };
    const bound: (b: number, config?: Config) => unknown[] = f.bind(owner, 1);
    const twice = bound.bind(null, 2);
    expect(twice()).toEqual(['owner', 1, 2, 'x', 'x']);
    const { experiment } = findExperimentBinding(f)!;
    expect(findExperimentBinding(twice)).toEqual({ experiment, bound: { thisArg: owner, args: [1, 2] } });
  });

  it('anything else is not an experiment: `undefined`, or a TypeError naming it and the caller', () => {
    expect(findExperimentBinding(() => 0)).toBeUndefined();
    expect(findExperimentBinding('f')).toBeUndefined();
    expect(() => experimentBindingOf(function plain() {}, 'run()')).toThrow(/^run\(\) expects a function decorated with @experiment\(\) \(or made by experiment\(\)\(fn\)\), got function 'plain'\./);
    const hostile = { toString: () => { throw new Error('no'); } };
    expect(() => experimentBindingOf(hostile, 'run()')).toThrow(/got an object\./);
  });

  it('is one per process: a second loaded copy of the registry module sees the same experiments', () => {
    const f = defineExperiment((config?: Config) => config, { supervisor: new Supervisor() });
    jest.isolateModules(() => {
      const copy = require('../../src/experiment/registry') as typeof import('../../src/experiment/registry');
      expect(copy.findExperimentBinding(f)).toBe(findExperimentBinding(f));
    });
  });
});
