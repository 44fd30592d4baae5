import { type Config, evaluate, strategies, withContext } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

// evaluate() compares configs offline: it consults no strategy, neither the evaluated
// experiment's nor those of the experiments it calls. Every config of each takes part in every
// record (the cartesian product), first config as main; in a direct call or run(), the nested
// experiments below would take part with what their strategies return.

const inner = defineExperiment(
  (config?: Config<{ k: number }>) => config!.k,
  { supervisor: new Supervisor(), configs: [
  { config_id: 'ia', k: 1 },
  { config_id: 'ib', k: 10 },
], configParam: 0, name: 'inner', strategy: strategies.single },
);

const weightedInner = defineExperiment(
  (config?: Config<{ k: number }>) => config!.k,
  { supervisor: new Supervisor(), configs: [
  { config_id: 'wa', k: 1 },
  { config_id: 'wb', k: 10 },
], configParam: 0, name: 'weightedInner', strategy: strategies.weighted({ weights: [1, 1], key: 'userId', shadow: false }) },
);

const outer = defineExperiment(
  (x: number, config?: Config<{ m: number }>) => x * config!.m + inner() + weightedInner(),
  { supervisor: new Supervisor(), configs: [
  { config_id: 'oa', m: 100 },
  { config_id: 'ob', m: 200 },
], configParam: 1, name: 'outer', strategy: strategies.single },
);

describe('evaluate() and nested strategies', () => {
  it('runs every combination of every config, whatever the strategies of the evaluated and nested experiments', async () => {
    const result = await withContext({ userId: 'u1' }, () => evaluate(outer, [{ input: 1 }], { evaluators: { value: ({ output }: { output: number }) => output } }));
    const values = Object.fromEntries(result.configs.map((c) => [c.configId, c.metrics.value!.mean]));
    expect(values).toEqual({
      'oa × ia × wa': 102, 'oa × ia × wb': 111, 'oa × ib × wa': 111, 'oa × ib × wb': 120,
      'ob × ia × wa': 202, 'ob × ia × wb': 211, 'ob × ib × wa': 211, 'ob × ib × wb': 220,
    });
    expect(result.configs[0]!.configId).toBe('oa × ia × wa'); // first configs as main
  });

  it('while a direct call takes the nested experiments with what their strategies return', () => {
    // A user whom the weighted experiment, called on its own, assigns its second config (k = 10):
    const user = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'].find((id) => withContext({ userId: id }, () => weightedInner()) === 10)!;
    expect(user).toBeDefined();
    expect(withContext({ userId: user }, () => outer(1))).toBe(100 + 1 + 10); // oa, single inner's ia, the user's wb
  });
});
