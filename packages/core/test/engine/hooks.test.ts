import { type Config, type ExecutionInfo, type FunctionResult, type MismatchInfo } from '../../src';
import { defineExperiment, findExperimentBinding, runExperiment, Supervisor } from '../../src/internal-api';

// supervision/hook-queue.ts and the reports of supervision/supervisor.ts: hooks run after the
// caller has its result, and what they throw is contained.
const two = [{ config_id: 'm' }, { config_id: 'v' }];

describe('hooks', () => {
  it('onResult sees every execution, main and variants, after the caller has its result', async () => {
    const seen: Array<[unknown, ExecutionInfo]> = [];
    const supervisor = new Supervisor({ onResult: (result, info) => void seen.push([result.result, info]) });
    const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: two, name: 'f' });
    expect(f()).toBe('m');
    expect(seen).toEqual([]);
    await supervisor.drain();
    expect(seen).toEqual([
      ['m', { experiment: 'f', role: 'main', background: false, configId: 'm' }],
      ['v', { experiment: 'f', role: 'variant', background: true, configId: 'v' }],
    ]);
  });

  it('onMismatch gets main\'s and the variant\'s results and why; a failing compare is a mismatch with its error', async () => {
    const seen: Array<[unknown, unknown, MismatchInfo]> = [];
    const onMismatch = (main: FunctionResult, variant: FunctionResult, info: MismatchInfo) => void seen.push([main.result, variant.result, info]);
    const supervisor = new Supervisor({ onMismatch });
    const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: two, name: 'f' });
    f();
    const broken = new Error('compare broke');
    const g = defineExperiment((config?: Config) => config!.config_id, {
      supervisor,
      configs: two,
      name: 'g',
      compare: () => {
        throw broken;
      },
    });
    runExperiment(findExperimentBinding(g)!.experiment, undefined, [], true);
    await supervisor.drain();
    expect(seen).toEqual([
      ['m', 'v', { experiment: 'g', role: 'variant', background: false, configId: 'v', reason: 'compareFailed', compareError: broken }],
      ['m', 'v', { experiment: 'f', role: 'variant', background: true, configId: 'v', reason: 'different' }],
    ]);
  });

  it('onDrop hears of every variant dropped by maxBackgroundVariants', async () => {
    const dropped: ExecutionInfo[] = [];
    const supervisor = new Supervisor({ maxBackgroundVariants: 0, onDrop: (info) => void dropped.push(info) });
    const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: two, name: 'f' });
    f();
    expect(await supervisor.drain()).toMatchObject({ started: 0, dropped: 1 });
    expect(dropped).toEqual([{ experiment: 'f', role: 'variant', background: true, configId: 'v' }]);
  });

  it('what a hook throws or rejects with (or a `then` that throws) is contained and logged; drain() waits for async hooks', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let finished = false;
      const hostile = { get then(): never { throw new Error('then getter'); } };
      const supervisor = new Supervisor({
        onResult: (result) => {
          if (result.result === 'm') throw new Error('sync hook');
          return new Promise((resolve) => setImmediate(() => ((finished = true), resolve(hostile))));
        },
      });
      const f = defineExperiment((config?: Config) => config!.config_id, { supervisor, configs: two });
      expect(f()).toBe('m');
      await supervisor.drain();
      expect(finished).toBe(true);
      expect(logged.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining('a hook (onResult, onError, onDrop or onMismatch) failed; the error was contained: Error: sync hook'),
        expect.stringContaining('Error: then getter'),
      ]);
    } finally {
      logged.mockRestore();
    }
  });
});
