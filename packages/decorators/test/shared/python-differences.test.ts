import { Config, experiment, run, Spearmint } from '@spearmint/decorators';

// The deliberate differences from the Python library, one test each; the README's section
// "Differences from Python" links here.

describe('differences from Python', () => {
  it("main's error still runs the variants (Python raises before starting them)", () => {
    const ran: string[] = [];
    const failure = new Error('main failed');
    const fn = experiment({ configs: [{ config_id: 'main' }, { config_id: 'variant' }] })(function fn(config?: Config) {
      ran.push(config!.config_id);
      if (config!.config_id === 'main') throw failure;
      return config!.config_id;
    });
    expect(() => run(fn, true, (runner) => runner())).toThrow(failure);
    expect(ran).toEqual(['main', 'variant']);
  });

  it("an awaited variant's error lives in its result (Python re-raises it to the caller)", () => {
    const fn = experiment({ configs: [{ config_id: 'main' }, { config_id: 'variant' }] })(function fn(config?: Config) {
      if (config!.config_id === 'variant') throw new Error('variant failed');
      return 'ok';
    });
    const results = run(fn, true, (runner) => runner());
    expect(results.mainResult.result).toBe('ok');
    expect(results.variantResults[0]).toMatchObject({ ok: false, result: undefined });
    expect((results.variantResults[0]!.error as Error).message).toBe('variant failed');
  });

  it('the awaited variants of a sync function run one after another (Python: in a thread pool)', () => {
    const events: string[] = [];
    const fn = experiment({ configs: [{ config_id: 'm' }, { config_id: 'a' }, { config_id: 'b' }] })(function fn(config?: Config) {
      events.push(`start ${config!.config_id}`);
      events.push(`end ${config!.config_id}`);
      return config!.config_id;
    });
    const results = run(fn, true, (runner) => runner());
    expect(results).not.toBeInstanceOf(Promise); // run() of a sync function stays synchronous
    expect(events).toEqual(['start m', 'end m', 'start a', 'end a', 'start b', 'end b']);
  });

  it("configs: [] means no configs (Python falls back to the instance's)", () => {
    const mint = new Spearmint({ configs: [{ config_id: 'instance' }] });
    const fn = mint.experiment({ configs: [] })(function fn(config?: Config) {
      return config!.config_id;
    });
    expect(fn()).toBe('default');
  });

  it('configs are deeply frozen (a Python Config can be changed in place)', () => {
    const fn = experiment({ configs: [{ llm: { model: 'gpt-4o' } }] })(function fn(config?: Config<{ llm: { model: string } }>) {
      expect(() => {
        (config as unknown as { llm: { model: string } }).llm.model = 'changed';
      }).toThrow(TypeError);
      return config!.llm.model;
    });
    expect(fn()).toBe('gpt-4o');
    expect(fn()).toBe('gpt-4o');
  });

  it('run() of an async function gives a promise of the results (Python runs the coroutine to completion)', async () => {
    const fn = experiment({ configs: [{ config_id: 'm' }] })(async function fn(config?: Config) {
      return config!.config_id;
    });
    const results = run(fn, true, (runner) => runner());
    expect(results).toBeInstanceOf(Promise);
    expect((await results).mainResult.result).toBe('m');
  });

  it('a component (a function in a config) hashes by its name, the same in every process (Python: with its memory address)', () => {
    function tokenize(text: string): string[] {
      return text.split(' ');
    }
    // python3: sha256(json.dumps({"tokenizer": "<function tokenize>"}, sort_keys=True)) -> 5ade06b9efd58d05;
    // Python's own json.dumps(default=str) writes "<function tokenize at 0x7f...>", a new id per process.
    expect(new Config({ tokenizer: tokenize }).config_id).toBe('5ade06b9efd58d05');
  });
});
