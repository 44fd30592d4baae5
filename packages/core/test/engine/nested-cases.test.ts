import { type Config, currentCase, strategies } from '../../src';
import { defineExperiment, findExperimentBinding, runExperiment, Supervisor } from '../../src/internal-api';

// run/case-plan.ts, run/nested-plans.ts, run/execution-scope.ts: an experiment called during a
// run takes part in it; the run covers the cartesian product of the configs, outer slowest.
const runAwaited = (fn: Function) => runExperiment(findExperimentBinding(fn)!.experiment, undefined, [], true);

describe('nested experiments', () => {
  it('run every combination: main is every experiment\'s main config; outer varies slowest', () => {
    const supervisor = new Supervisor();
    const inner = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: [{ config_id: 'ia' }, { config_id: 'ib' }], name: 'inner' });
    const outer = defineExperiment((config?: Config) => `${config!.config_id}+${inner()}`, { supervisor, configs: [{ config_id: 'oa' }, { config_id: 'ob' }], name: 'outer' });
    const results = runAwaited(outer) as { mainResult: { result: string }; variantResults: Array<{ result: string; experimentCase: { configIds: object } }> };
    expect(results.mainResult.result).toBe('oa+ia');
    expect(results.variantResults.map((r) => [r.result, r.experimentCase.configIds])).toEqual([
      ['oa+ib', { outer: 'oa', inner: 'ib' }],
      ['ob+ia', { outer: 'ob', inner: 'ia' }],
      ['ob+ib', { outer: 'ob', inner: 'ib' }],
    ]);
  });

  it('join after an await, in the case of the execution that called them; getConfigId finds them by function', async () => {
    const supervisor = new Supervisor();
    const inner = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: [{ config_id: 'i1' }, { config_id: 'i2' }], name: 'inner' });
    const outer = defineExperiment(async (config?: Config) => {
      await new Promise((resolve) => setImmediate(resolve));
      const value = inner();
      return `${config!.config_id}+${value}:${currentCase()!.getConfigId(inner)}`;
    }, { supervisor, configs: [{ config_id: 'o' }], name: 'outer' });
    expect(await outer()).toBe('o+i1:i1');
    expect(await supervisor.drain()).toMatchObject({ started: 1, succeeded: 1 }); // (o, i2), started once main showed inner
  });

  it('take part with what their own strategy returns (single: main only)', () => {
    const supervisor = new Supervisor();
    const inner = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: [{ config_id: 'i1' }, { config_id: 'i2' }], strategy: strategies.single, name: 'inner' });
    const outer = defineExperiment((config?: Config) => `${config!.config_id}+${inner()}`, { supervisor, configs: [{ config_id: 'o1' }, { config_id: 'o2' }], name: 'outer' });
    const results = runAwaited(outer) as { variantResults: Array<{ result: string }> };
    expect(results.variantResults.map((r) => r.result)).toEqual(['o2+i1']);
  });

  it('under an entry with nestedConfigs: \'all\', take part with every config, whatever their strategy', () => {
    const supervisor = new Supervisor();
    const inner = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: [{ config_id: 'i1' }, { config_id: 'i2' }], strategy: strategies.single, name: 'inner' });
    const entry = defineExperiment(() => inner(), { supervisor, name: 'entry', nestedConfigs: 'all' });
    const results = runAwaited(entry) as { mainResult: { result: string }; variantResults: Array<{ result: string }> };
    expect([results.mainResult.result, ...results.variantResults.map((r) => r.result)]).toEqual(['i1', 'i2']);
  });

  it('an experiment unknown to the case is an UnknownExperimentError naming those it knows', () => {
    const supervisor = new Supervisor();
    const other = defineExperiment(() => 0, { supervisor, name: 'other' });
    const f = defineExperiment(() => currentCase()!.getConfigId(other), { supervisor, name: 'f' });
    expect(() => f()).toThrow("No config for experiment 'other' in this case; the case assigns configs to: 'f'.");
    const notOne = defineExperiment(() => currentCase()!.getConfigId(function plain() {}), { supervisor, name: 'g' });
    expect(() => notOne()).toThrow(/ExperimentCase#getConfig expects a function decorated with @experiment\(\).*'plain'/);
  });
});
