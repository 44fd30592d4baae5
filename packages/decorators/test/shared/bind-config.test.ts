import { Config, isConfig, run, SchemaValidationError, Spearmint } from '@spearmint/decorators';

// Python: `config: Annotated[Config, Bind("bound.config")]` injects a Config of that sub-object,
// with its own config_id. Here: bind: { config: { path: 'bound.config', schema: Config } }.

const mint = new Spearmint({
  configs: [
    { config_id: 'first', bound: { config: { model: 'gpt-4o', temperature: 0.5 } } },
    { config_id: 'second', bound: { config: { model: 'gpt-4o-mini', temperature: 0.2, config_id: 'mini' } } },
  ],
});

class Llm {
  @mint.experiment({ bind: { config: { path: 'bound.config', schema: Config } } })
  describe(config?: Config<{ model: string; temperature: number }>): string {
    if (!isConfig(config) || !Object.isFrozen(config)) throw new Error('not a frozen Config');
    return `${config.config_id}:${config.model}@${config.temperature}`;
  }
}

describe('binding a part of the config as a Config', () => {
  it("injects a frozen Config of the sub-object, its config_id computed as Python's or the one it holds", () => {
    const llm = new Llm();
    const results = run(llm.describe.bind(llm), true, (runner) => runner());
    // python3: hashlib.sha256(json.dumps({"model": "gpt-4o", "temperature": 0.5}, sort_keys=True).encode()).hexdigest()[:16]
    expect(results.mainResult.result).toBe('ee036ca04c94a3e7:gpt-4o@0.5');
    expect(results.variantResults.map((r) => r.result)).toEqual(['mini:gpt-4o-mini@0.2']);
    // The case still names the experiment's own configs.
    expect(results.mainResult.experimentCase.getConfigId(llm.describe)).toBe('first');
  });

  it('injects the very same Config on every call with that config', () => {
    const seen: Config[] = [];
    const fn = mint.experiment({ bind: { part: { path: 'bound.config', schema: Config } } })(function fn(part?: Config) {
      seen.push(part!);
      return part!.config_id;
    });
    fn();
    fn();
    expect(seen[0]).toBe(seen[1]);
  });

  it('a part that is not an object is a SchemaValidationError at set-up, naming the parameter and the config', () => {
    const bad = new Spearmint({ configs: [{ config_id: 'x', bound: { config: 'gpt-4o' } }] });
    const define = () => bad.experiment({ bind: { config: { path: 'bound.config', schema: Config } } })(function f(config?: Config) {
      return config;
    });
    expect(define).toThrow(SchemaValidationError);
    expect(define).toThrow(/'config' of 'f'.*'x'/s);
  });
});
