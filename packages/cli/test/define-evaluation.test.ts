/**
 * `defineEvaluation` types (checked by ts-jest's type-check: a type error fails this file, and so
 * does an unused `@ts-expect-error`), and what it returns.
 */
import { type Config, experiment } from '@spearmint/decorators';
import { defineEvaluation, isEvaluationDefinition } from '../src';

const summarise = experiment({ configs: [{ config_id: 'short', words: 2 }] })(function summarise(text: string, config?: Config<{ words: number }>): string {
  return text.split(' ').slice(0, config!.words).join(' ');
});

interface Reference {
  readonly keywords: readonly string[];
}

describe('defineEvaluation', () => {
  it('infers `expected` from an array dataset, so expected.keywords type-checks', () => {
    const definition = defineEvaluation({
      experiment: summarise,
      dataset: [
        { input: 'spearmint is a mint', expected: { keywords: ['mint'] } },
        { input: 'peppermint is a hybrid', expected: { keywords: ['hybrid', 'mint'] } },
      ],
      evaluators: {
        recall: ({ output, expected }) => expected.keywords.filter((k) => output.includes(k)).length / expected.keywords.length,
        words: { better: 'lower', score: ({ output }) => output.split(' ').length },
      },
      thresholds: { recall: 0.5, 'recall@main': 0.4 },
    });
    expect(isEvaluationDefinition(definition)).toBe(true);
  });

  it('a record without `expected` makes it possibly undefined', () => {
    defineEvaluation({
      experiment: summarise,
      dataset: [{ input: 'a', expected: { keywords: ['a'] } }, { input: 'b' }],
      evaluators: {
        // @ts-expect-error expected may be undefined
        bad: ({ expected }) => expected.keywords.length,
        good: ({ expected }) => expected?.keywords.length ?? 0,
      },
    });
  });

  it('takes the expected type as a type parameter for a file dataset', () => {
    defineEvaluation<Reference>({
      experiment: summarise,
      dataset: 'data/articles.jsonl',
      evaluators: { recall: ({ output, expected }) => expected.keywords.filter((k) => String(output).includes(k)).length },
    });
    defineEvaluation<Reference, typeof summarise>({
      experiment: summarise,
      dataset: 'data/articles.jsonl',
      evaluators: { recall: ({ output, expected }) => expected.keywords.filter((k) => output.includes(k)).length },
    });
    defineEvaluation({
      experiment: summarise,
      dataset: 'data/articles.jsonl',
      // @ts-expect-error without it, expected is unknown
      evaluators: { recall: ({ expected }) => expected.keywords.length },
    });
  });

  it('records must fit the function, and the definition must have its parts', () => {
    // @ts-expect-error input must be a string
    defineEvaluation({ experiment: summarise, dataset: [{ input: 42 }], evaluators: {} });
    // @ts-expect-error no evaluators
    defineEvaluation({ experiment: summarise, dataset: [{ input: 'a' }] });
    expect(() => defineEvaluation(null as never)).toThrow(new TypeError('defineEvaluation() expects an object { experiment, dataset, evaluators, ... }, got null.'));
  });
});
