import { ExactMatch, Levenshtein } from 'autoevals';
import { z } from 'zod';
import {
  type Config,
  evaluate,
  type EvaluatorContext,
  type EvaluatorFunction,
  exactMatch,
  includes,
  levenshtein,
  matchesExpected,
  matchesRegex,
  matchesSchema,
  numericCloseness,
} from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

/** Scores one output the way evaluate() calls an evaluator. */
function score<O>(evaluator: EvaluatorFunction<O, unknown, unknown>, output: O, expected?: unknown): unknown {
  const ctx: EvaluatorContext<O, unknown, unknown> = { input: 'in', args: ['in'], output, expected, config: {} as Config, record: { input: 'in', expected }, durationMs: 1 };
  return evaluator(ctx);
}

describe('built-in evaluators', () => {
  it('exactMatch(): 1 when the output is exactly expected (strings optionally trimmed or case-folded), else 0', () => {
    expect(score(exactMatch(), 'Mint', 'Mint')).toBe(1);
    expect(score(exactMatch(), 'Mint', 'mint')).toBe(0);
    expect(score(exactMatch({ caseSensitive: false, trim: true }), ' Mint\n', 'mint')).toBe(1);
    expect(score(exactMatch(), 3, 3)).toBe(1);
    expect(score(exactMatch(), NaN, NaN)).toBe(1);
    expect(score(exactMatch(), { a: 1 }, { a: 1 })).toBe(0); // objects: matchesExpected()
    expect(exactMatch().name).toBe('exactMatch');
    expect(() => exactMatch({ trim: 'yes' as unknown as boolean })).toThrow('Expected `trim` of exactMatch() to be a boolean, got "yes" (string).');
    expect(() => exactMatch({ strict: true } as never)).toThrow('exactMatch() got an unknown option `strict`; the options are `trim`, `caseSensitive`.');
  });

  it('includes(): the share of the substrings the output contains, the given ones or the expected ones', () => {
    expect(score(includes('mint'), 'spearmint tea')).toBe(1);
    expect(score(includes(['mint', 'tea', 'Europe', 'sauce']), 'spearmint tea from europe')).toBe(0.5);
    expect(score(includes(['mint', 'Europe'], { caseSensitive: false }), 'spearmint tea from europe')).toBe(1);
    expect(score(includes(), 'spearmint tea', ['tea', 'coffee'])).toBe(0.5);
    expect(() => score(includes(), 'tea', { keywords: ['tea'] })).toThrow(
      'Expected the expected value read by includes() (a string or an array of strings) to be a string or a non-empty array of strings, got an object.',
    );
    expect(() => score(includes('x'), 42 as unknown as string)).toThrow('includes() scores strings: the output is 42 (number).');
    expect(() => includes([])).toThrow(TypeError);
  });

  it('matchesRegex(): 1 when the output matches, the same for every output even with a g flag', () => {
    const isoDate = matchesRegex(/^\d{4}-\d{2}-\d{2}$/g);
    expect([score(isoDate, '2026-12-05'), score(isoDate, '2026-12-05'), score(isoDate, '5 Dec 2026')]).toEqual([1, 1, 0]);
    expect(score(matchesRegex('^mint'), 'mint tea')).toBe(1);
    expect(() => matchesRegex(3 as unknown as string)).toThrow('Expected the pattern of matchesRegex() to be a RegExp or a string, got 3 (number).');
  });

  it('matchesExpected(): 1 when the output deeply equals expected (recorded traffic replayed), else 0', () => {
    expect(score(matchesExpected(), { label: 'spam', scores: [0.9, 0.1] }, { label: 'spam', scores: [0.9, 0.1] })).toBe(1);
    expect(score(matchesExpected(), { label: 'spam', scores: [0.9, 0.1] }, { label: 'spam', scores: [0.9, 0.2] })).toBe(0);
    expect(score(matchesExpected(), [1, 2], [1, 2])).toBe(1);
    expect(score(matchesExpected(), 'a', 'a')).toBe(1);
  });

  it('levenshtein(): 1 − edit distance / longer length', () => {
    expect(score(levenshtein(), 'kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 15);
    expect(score(levenshtein(), '', '')).toBe(1);
    expect(score(levenshtein(), 'abc', '')).toBe(0);
    expect(score(levenshtein({ caseSensitive: false }), 'MINT', 'mint')).toBe(1);
    expect(() => score(levenshtein(), 'a', undefined)).toThrow('levenshtein() scores strings: the expected is undefined.');
  });

  it('numericCloseness(): 1 − |output − expected| / scale (relative by default), at least 0', () => {
    expect(score(numericCloseness(), 95, 100)).toBeCloseTo(0.95, 15);
    expect(score(numericCloseness({ scale: 10 }), 95, 100)).toBe(0.5);
    expect(score(numericCloseness({ scale: 10 }), 50, 100)).toBe(0);
    expect(score(numericCloseness(), 0, 0)).toBe(1);
    expect(score(numericCloseness(), -1, 1)).toBe(0);
    expect(() => score(numericCloseness(), 1, '1')).toThrow('numericCloseness() scores finite numbers: the expected is "1" (string).');
    expect(() => numericCloseness({ scale: 0 })).toThrow('Expected `scale` of numericCloseness() to be a finite number above 0, got 0 (number).');
  });

  it('matchesSchema(): 1 when the output passes any Standard Schema (zod here), else 0', async () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
    expect(await score(matchesSchema(schema), { title: 'Mint', tags: ['herb'] })).toBe(1);
    expect(await score(matchesSchema(schema), { title: 'Mint', tags: 'herb' })).toBe(0);
    expect(() => matchesSchema({} as never)).toThrow('matchesSchema() expects a Standard Schema v1 validator (zod, valibot, arktype...), got an object.');
  });

  it('work as evaluators in a definition: evaluators: { exact: exactMatch(), ... } (metric names are the keys)', async () => {
    const answer = defineExperiment((question: string, config?: Config<{ suffix: string }>) => `${question.toUpperCase()}${config!.suffix}`, {
      supervisor: new Supervisor(),
      name: 'answer',
      configs: [{ config_id: 'plain', suffix: '' }, { config_id: 'noisy', suffix: '!' }],
      configParam: 1,
    });
    const result = await evaluate(answer, [{ input: 'mint', expected: 'MINT' }, { input: 'tea', expected: 'TEA' }], {
      evaluators: { exact: exactMatch(), similar: levenshtein(), shouts: matchesRegex(/^[A-Z]+$/), same: matchesExpected(), has: includes() },
    });
    const means = result.configs.map((config) => Object.fromEntries(Object.entries(config.metrics).map(([name, metric]) => [name, metric.mean])));
    expect(means).toEqual([
      { exact: 1, similar: 1, shouts: 1, same: 1, has: 1 },
      { exact: 0, similar: (0.8 + 0.75) / 2, shouts: 0, same: 0, has: 1 },
    ]);
  });
});

describe('scorers from autoevals work as evaluators as they are ({ name, score })', () => {
  it('Levenshtein and ExactMatch score every config; a null score is an evaluator error', async () => {
    const greet = defineExperiment((name: string, config?: Config<{ greeting: string }>) => `${config!.greeting} ${name}`, {
      supervisor: new Supervisor(),
      name: 'greet',
      configs: [{ config_id: 'hello', greeting: 'Hello' }, { config_id: 'hi', greeting: 'Hi' }],
      configParam: 1,
    });
    const dataset = [
      { input: 'Ada', expected: 'Hello Ada' },
      { input: 'Alan', expected: 'Hello Alan' },
    ];
    const result = await evaluate(greet, dataset, { evaluators: { lev: Levenshtein, exact: ExactMatch } });
    const [hello, hi] = result.configs;
    expect(hello!.metrics.lev!.mean).toBe(1);
    expect(hello!.metrics.exact!.mean).toBe(1);
    expect(hi!.metrics.exact!.mean).toBe(0);
    // autoevals' own values: 1 − distance / longer length
    expect(hi!.metrics.lev!.mean).toBeCloseTo((1 - 4 / 9 + (1 - 4 / 10)) / 2, 12);
    expect(hi!.metrics.lev!.vsMain).toMatchObject({ wins: 0, losses: 2 });

    const nullScore = await evaluate(greet, dataset, { evaluators: { maybe: () => ({ name: 'Maybe', score: null }) } });
    expect(nullScore.configs[0]!.evaluatorErrors.maybe).toEqual({ count: 2, message: "returned a null score from scorer 'Maybe' (it gave no score for this output)" });
  });
});
