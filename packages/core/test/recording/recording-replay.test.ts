import { join } from 'node:path';
import { type Config, evaluate, matchesExpected } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';
import { createRecorder } from '../../src/recording/recorder';
import { tempFiles } from '../helpers/temp-files';

const tempDir = tempFiles();

/** Production runs `exact` (main); `rounded` agrees on whole numbers only; `broken` fails on negatives. Variants' errors are silenced. */
const price = defineExperiment(
  function price(amount: number, options: { discount: number }, config?: Config<{ mode: string }>): { total: number } {
    const total = amount * (1 - options.discount);
    if (config!.mode === 'rounded') return { total: Math.round(total) };
    if (config!.mode === 'broken' && amount < 0) throw new Error('negative amount');
    return { total };
  },
  { supervisor: new Supervisor({ onError: () => undefined }), configs: [{ config_id: 'exact', mode: 'exact' }, { config_id: 'rounded', mode: 'rounded' }, { config_id: 'broken', mode: 'broken' }], configParam: 2 },
);

describe('a recording replays as a dataset', () => {
  it('evaluate() reads it as it is, and matchesExpected measures how often each config agrees with production', async () => {
    const file = join(tempDir({}), 'recordings', 'calls.jsonl');
    const recorder = createRecorder({ to: file });
    const inputs: Array<[number, { discount: number }]> = [
      [100, { discount: 0.1 }], // 90: whole
      [10, { discount: 0.25 }], // 7.5: rounded disagrees
      [-20, { discount: 0 }], // broken fails
      [3, { discount: 0 }],
    ];
    // What the engine hook-up will do around each entry call.
    for (const [amount, options] of inputs) {
      const started = performance.now();
      const value = price(amount, options);
      recorder.record({ experiment: 'price', configId: 'exact', input: [amount, options], ok: true, value, durationMs: performance.now() - started });
    }
    expect(await recorder.close()).toMatchObject({ calls: 4, written: 4 });

    const result = await evaluate(price, file, { evaluators: { same: matchesExpected() } });
    expect(result.records).toBe(4);
    const byId = Object.fromEntries(result.configs.map((config) => [config.configId, config]));
    expect(byId.exact!.metrics.same!.mean).toBe(1);
    expect(byId.rounded!.metrics.same!.mean).toBe(3 / 4);
    expect(byId.broken!.errorRate).toBe(1 / 4);
    expect(byId.broken!.metrics.same!.mean).toBe(1);
  });
});
