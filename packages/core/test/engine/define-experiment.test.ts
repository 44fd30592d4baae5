import { Config, currentCase } from '../../src';
import { defineExperiment, findExperimentBinding, Supervisor } from '../../src/internal-api';

const configs = [{ config_id: 'a', n: 1 }, { config_id: 'b', n: 2 }];

describe('defineExperiment(fn, setup): the one way to make an experiment', () => {
  it('returns the function that stands for it: same name and length, registered with its bound copies', () => {
    const supervisor = new Supervisor();
    function add(x: number, config?: Config<{ n: number }>) {
      return x + config!.n;
    }
    const f = defineExperiment(add, { supervisor, configs });
    expect(f).not.toBe(add);
    expect([f.name, f.length]).toEqual(['add', 2]);
    expect(f(1)).toBe(2);
    const experiment = findExperimentBinding(f)!.experiment;
    expect(experiment.name).toBe('add');
    expect(findExperimentBinding(add)!.experiment).toBe(experiment); // the function as written, too
    expect(findExperimentBinding(f.bind(null, 5))).toEqual({ experiment, bound: { thisArg: null, args: [5] } });
  });

  it('injects the config into the parameter named `config`, or `configParam` (name or index)', () => {
    const supervisor = new Supervisor();
    const byName = defineExperiment((x: number, config?: Config) => [x, config!.config_id], { supervisor, configs: [{ config_id: 'a' }] });
    const byIndex = defineExperiment((settings?: Config, x?: number) => [x, settings!.config_id], { supervisor, configs: [{ config_id: 'a' }], configParam: 0 });
    const byOtherName = defineExperiment((x: number, settings?: Config) => [x, settings!.config_id], { supervisor, configs: [{ config_id: 'a' }], configParam: 'settings' });
    expect([byName(1), byIndex(undefined, 2), byOtherName(3)]).toEqual([[1, 'a'], [2, 'a'], [3, 'a']]);
  });

  it('a value the caller passes wins over injection; a parameter typed `Config` (paramTypes) receives it', () => {
    const supervisor = new Supervisor();
    const own = { mine: true };
    const f = defineExperiment((x: number, config?: unknown) => config, { supervisor, configs: [{ config_id: 'a' }] });
    expect(f(1, own)).toBe(own);
    const typed = defineExperiment((x: number, settings?: Config) => settings!.config_id, { supervisor, configs: [{ config_id: 'a' }], paramTypes: [Number, Config] });
    expect(typed(1)).toBe('a');
  });

  it('with nothing to inject, calls the function with exactly the caller\'s arguments', () => {
    const f = defineExperiment(function (...args: unknown[]) {
      return [args.length, currentCase()!.getConfigId(f)];
    }, { supervisor: new Supervisor(), configs: [{ config_id: 'a' }], configParam: false });
    expect(f(1, undefined, 3)).toEqual([3, 'a']);
  });

  it('injects into any number of parameters (no limit on bound parameters)', () => {
    const count = 40;
    const names = Array.from({ length: count }, (_, i) => `p${i}`);
    const fn = new Function(...names, `return [${names.join(', ')}];`) as (...args: number[]) => number[];
    const values = Object.fromEntries(names.map((name, i) => [name, i]));
    const bind = Object.fromEntries(names.map((name) => [name, name]));
    const f = defineExperiment(fn, { supervisor: new Supervisor(), configs: [values], bind });
    expect(f()).toEqual(names.map((_, i) => i));
    expect(f(-1)).toEqual([-1, ...names.slice(1).map((_, i) => i + 1)]);
  });

  it('checks everything at set-up: configs, strategy and name, naming the experiment', () => {
    const supervisor = new Supervisor();
    const f = (config?: Config) => config;
    expect(() => defineExperiment(f, { supervisor, configs: [{ config_id: 'x' }, { config_id: 'x' }], name: 'dup' })).toThrow(/'x'.*'dup'|'dup'.*'x'/);
    expect(() => defineExperiment(f, { supervisor, strategy: 'shadow' as never, name: 'strat' })).toThrow(/strategy/);
    expect(() => defineExperiment(f, { supervisor, name: '' })).toThrow(TypeError);
  });

  it('warns once, at set-up, about several configs with nothing to inject them into', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const supervisor = new Supervisor();
      defineExperiment((x: number) => x, { supervisor, configs, name: 'blind' });
      defineExperiment((x: number) => x, { supervisor, configs, name: 'reads-case', configParam: false });
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([expect.stringMatching(/'blind' has 2 configs, but no parameter receives one \(its parameters: x\)/)]);
    } finally {
      warn.mockRestore();
    }
  });

  it('calls `beforeCall` with `this` and the experiment before each call, which may rename it', () => {
    const seen: unknown[] = [];
    const f = defineExperiment(function (this: unknown, config?: Config) {
      return currentCase()!.configIds;
    }, {
      supervisor: new Supervisor(),
      configs: [{ config_id: 'a' }],
      name: 'early',
      beforeCall: (thisArg, experiment) => {
        seen.push(thisArg);
        experiment.rename('Late.name');
      },
    });
    const owner = { f };
    expect(owner.f()).toEqual({ 'Late.name': 'a' });
    expect(seen).toEqual([owner]);
  });
});
