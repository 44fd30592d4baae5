import { type Config, evaluate } from '../../src';
import { defineExperiment, Supervisor } from '../../src/internal-api';

const f = defineExperiment((x: number, config?: Config) => `${config!.config_id}${x}`, { supervisor: new Supervisor(), configs: [{ config_id: 'a' }], configParam: 1, name: 'f' });
const dataset = [{ input: 1 }];

describe('evaluate() arguments', () => {
  it('a function that is not an experiment is a TypeError naming it', async () => {
    await expect(evaluate(function plain(x: number) { return x; }, dataset, { evaluators: {} })).rejects.toThrow(
      "evaluate() expects a function decorated with @experiment() (or made by experiment()(fn)), got function 'plain'.",
    );
  });

  it.each([
    [{ concurrency: 0 }, 'Expected `concurrency` to be an integer from 1 up, got `0` (number).'],
    [{ concurrency: Infinity }, 'Expected `concurrency` to be an integer from 1 up, got `Infinity` (number).'],
    [{ repeat: 1.5 }, 'Expected `repeat` to be an integer from 1 up, got `1.5` (number).'],
    [{ limit: -1 }, 'Expected `limit` to be an integer from 0 up, or Infinity, got `-1` (number).'],
    [{ signal: {} }, 'Expected `signal` to be an AbortSignal, got an object.'],
    [{ onStart: 1 }, 'Expected `onStart` to be a function, got 1 (number).'],
    [{ onRecord: 'x' }, 'Expected `onRecord` to be a function, got "x" (string).'],
    [{ output: 3 }, 'Expected `output` to be a file path (string or URL), got 3 (number).'],
    [{ concurency: 2 }, 'evaluate() got an unknown option `concurency`; the options are `evaluators`, `concurrency`, `repeat`, `limit`, `signal`, `onStart`, `onRecord`, `output`, `cache`, `shard`.'],
  ])('%j is a TypeError', async (options, message) => {
    await expect(evaluate(f, dataset, { evaluators: {}, ...(options as object) })).rejects.toThrow(new TypeError(message));
  });

  it('evaluators must be named, uniquely, without dots, with functions and a valid direction', async () => {
    const check = (evaluators: unknown) => evaluate(f, dataset, { evaluators: evaluators as never });
    await expect(check([() => 1])).rejects.toThrow(
      "evaluators[0] has no name, and metrics are named after their evaluator: use a named function, an object { name: 'recall', score }, or a record of evaluators { recall: fn }.",
    );
    await expect(check([function score() { return 1; }, { name: 'score', score: () => 1 }])).rejects.toThrow(
      "Two evaluators are named 'score'; give each evaluator its own name (metrics are named after them).",
    );
    await expect(check({ 'a.b': () => 1 })).rejects.toThrow("Evaluator name 'a.b' (evaluators.a.b) contains '.'");
    await expect(check({ x: 3 })).rejects.toThrow('Expected evaluators.x to be a function or { name?, score, better? } with a score function, got 3 (number).');
    await expect(check({ x: { score: () => 1, better: 'up' } })).rejects.toThrow("Expected `better` of evaluator 'x' to be 'higher' or 'lower', got \"up\" (string).");
    await expect(check(undefined)).rejects.toThrow('Expected `evaluators` to be an array of evaluators or a record of named evaluators, got undefined.');
  });

  it('a record evaluator may rename itself with `name`', async () => {
    const result = await evaluate(f, dataset, { evaluators: { x: { name: 'renamed', score: () => 1 } } });
    expect(result.metrics.map((m) => m.name)).toEqual(['renamed']);
  });
});
