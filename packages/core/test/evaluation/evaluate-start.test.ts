/** `onStart`: what an evaluation will run, before any record is read or any call made. */
import { type Config, evaluate, type EvaluationPlan } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

describe('evaluate() onStart', () => {
  let calls = 0;
  const f = defineExperiment((x: number, config?: Config<{ k: number }>) => (calls++, x * config!.k), { supervisor: new Supervisor(), configs: [{ config_id: 'a', k: 1 }, { config_id: 'b', k: 2 }], configParam: 1, name: 'Svc.f' });
  beforeEach(() => (calls = 0));

  it('receives the experiment name and every evaluator with its direction, before the first record is read', async () => {
    const events: string[] = [];
    let plan: EvaluationPlan | undefined;
    function* records() {
      events.push('read');
      yield { input: 1 };
    }
    await evaluate(f, records(), {
      evaluators: [function value({ output }: { output: number }) { return output; }, { name: 'cost', better: 'lower', score: () => ({ cpu: 1, io: 2 }) }],
      onStart: async (p) => {
        await Promise.resolve();
        plan = p;
        events.push('start');
      },
    });
    expect(events).toEqual(['start', 'read']);
    expect(plan).toEqual({ experiment: 'Svc.f', evaluators: [{ name: 'value', better: 'higher' }, { name: 'cost', better: 'lower' }] });
  });

  it('what it throws rejects evaluate() before any record is read or any call made', async () => {
    let reads = 0;
    function* records() {
      reads++;
      yield { input: 1 };
    }
    const stop = new Error('unknown metric');
    await expect(evaluate(f, records(), { evaluators: {}, onStart: () => Promise.reject(stop) })).rejects.toBe(stop);
    await expect(
      evaluate(f, records(), {
        evaluators: {},
        onStart: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect({ reads, calls }).toEqual({ reads: 0, calls: 0 });
  });
});
