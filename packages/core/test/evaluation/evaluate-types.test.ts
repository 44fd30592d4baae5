/**
 * The types evaluators see (checked by ts-jest's type-check: a wrong type fails this file, and an
 * unused `@ts-expect-error` too).
 */
import { type Config, evaluate } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

const summarise = defineExperiment((text: string, config?: Config<{ n: number }>) => text.slice(0, config!.n), { supervisor: new Supervisor(), configs: [{ config_id: 'a', n: 3 }], configParam: 1, name: 'summarise' });

describe('evaluate() types', () => {
  it('infers `expected` from an array of records: every record has it, so it is not undefined', async () => {
    const result = await evaluate(summarise, [{ input: 'mint tea', expected: { keywords: ['min'] } }], {
      evaluators: { recall: ({ output, expected }) => expected.keywords.filter((k) => output.includes(k)).length / expected.keywords.length },
    });
    expect(result.configs[0]!.metrics.recall!.mean).toBe(1);
  });

  it('a record without `expected` makes it possibly undefined', async () => {
    await evaluate(summarise, [{ input: 'a', expected: 1 }, { input: 'b' }], {
      evaluators: {
        // @ts-expect-error expected may be undefined
        plus: ({ expected }) => expected + 1,
        safe: ({ expected }) => (expected ?? 0) + 1,
      },
    });
  });

  it('a dataset file gives `unknown`; inputs must fit the function', async () => {
    const check = () =>
      evaluate(summarise, 'records.jsonl', {
        // @ts-expect-error expected is unknown
        evaluators: { bad: ({ expected }) => expected.length },
      });
    void check;
    // @ts-expect-error input must be a string (or [string])
    const wrong = () => evaluate(summarise, [{ input: 3 }], { evaluators: {} });
    void wrong;
  });
});
