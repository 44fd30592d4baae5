import { Config, InvalidWeightsError, RuntimeContext, SpearmintError, strategies, withContext } from '../src';
import { fmix32, fnv1a32, weightedHash } from '../src/strategies/weighted-hash';

const configs = ['a', 'b', 'c'].map((id) => new Config({ config_id: id }));
const ids = ([main, variants]: [Config, Config[]]) => [main.config_id, variants.map((v) => v.config_id)];

describe('strategies', () => {
  const ctx = new RuntimeContext('Svc.run');

  it('shadow: first is main, the rest are variants', () => {
    expect(ids(strategies.shadow(configs, ctx))).toEqual(['a', ['b', 'c']]);
  });

  it('single: first only', () => {
    expect(ids(strategies.single(configs, ctx))).toEqual(['a', []]);
  });

  it('roundRobin: main rotates in config order; a context made by hand counts per experiment name', () => {
    const rr = strategies.roundRobin();
    const other = new RuntimeContext('Other.run');
    expect(ids(rr(configs, ctx))).toEqual(['a', ['b', 'c']]);
    expect(ids(rr(configs, ctx))).toEqual(['b', ['a', 'c']]);
    expect(ids(rr(configs, other))).toEqual(['a', ['b', 'c']]);
    expect(ids(rr(configs, ctx))).toEqual(['c', ['a', 'b']]);
    expect(ids(rr(configs, ctx))).toEqual(['a', ['b', 'c']]);
  });

  it('roundRobin({ shadow: false }) rotates main and runs no variants', () => {
    const rr = strategies.roundRobin({ shadow: false });
    expect([0, 1, 2, 3].map(() => ids(rr(configs, ctx)))).toEqual([['a', []], ['b', []], ['c', []], ['a', []]]);
  });

  it('roundRobin checks its options', () => {
    expect(() => strategies.roundRobin({ shadow: 'no' } as never)).toThrow(/`shadow` to be a boolean.*"no" \(string\)/);
    expect(() => strategies.roundRobin({ shdow: false } as never)).toThrow(/Unknown option `shdow` for strategies.roundRobin\(\); the options are: shadow/);
  });

  it('weighted: sticky by key, first config without the key', () => {
    const w = strategies.weighted({ weights: [1, 1, 0], key: 'userId' });
    expect(ids(w(configs, ctx))[0]).toBe('a');
    const first = withContext({ userId: 'u-42' }, () => w(configs, ctx)[0].config_id);
    for (let i = 0; i < 20; i++) expect(withContext({ userId: 'u-42' }, () => w(configs, ctx)[0].config_id)).toBe(first);
    expect(first).not.toBe('c');
  });

  it('weighted({ shadow: false }) is a plain split: main only, no variants', () => {
    const w = strategies.weighted({ weights: [1, 1, 1], key: 'userId', shadow: false });
    const seen = new Set<string>();
    for (let user = 0; user < 60; user++) {
      const [main, variants] = withContext({ userId: user }, () => w(configs, ctx));
      expect(variants).toEqual([]);
      seen.add(main.config_id);
    }
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });

  it('weighted: weights keyed by config_id pick as the same weights in config order', () => {
    const byId = strategies.weighted({ weights: { c: 5, a: 1, b: 0 }, key: 'userId' });
    const inOrder = strategies.weighted({ weights: [1, 0, 5], key: 'userId' });
    for (let user = 0; user < 200; user++) {
      expect(withContext({ userId: user }, () => ids(byId(configs, ctx)))).toEqual(withContext({ userId: user }, () => ids(inOrder(configs, ctx))));
    }
    const picked = new Set(Array.from({ length: 200 }, (_, user) => withContext({ userId: user }, () => byId(configs, ctx)[0].config_id)));
    expect(picked.has('b')).toBe(false); // weight 0: never main
  });

  it('weighted: rejects invalid weights when it is made', () => {
    expect(() => strategies.weighted({ weights: [1, -1], key: 'u' })).toThrow(InvalidWeightsError);
    expect(() => strategies.weighted({ weights: [1, -1], key: 'u' })).toThrow(/weights\[1\] is -1 \(number\)/);
    expect(() => strategies.weighted({ weights: { a: 1, b: Number.NaN }, key: 'u' })).toThrow(/the weight of 'b' is NaN/);
    expect(() => strategies.weighted({ weights: [0, 0], key: 'u' })).toThrow(/\[0, 0\] sum to 0/);
    expect(() => strategies.weighted({ weights: 'even' as never, key: 'u' })).toThrow(/`weights` must be an array .* or an object of config_id → weight; got "even"/);
    expect(() => strategies.weighted({ weights: [1], key: '' })).toThrow(TypeError);
    expect(() => strategies.weighted({ weights: [1], key: 'u', weight: [1] } as never)).toThrow(/Unknown option `weight`.*weights, key, shadow/);
    expect(() => strategies.weighted(undefined as never)).toThrow(/expects an options object/);
  });

  it('weighted: weights that do not fit the configs fail validation, naming both lists', () => {
    const count = strategies.weighted({ weights: [1, 1], key: 'u' });
    expect(() => count.validate!(configs, 'Svc.run')).toThrow(/'Svc.run' has 3 configs but 2 weights \(its configs: 'a', 'b', 'c'; the weights: \[1, 1\]\)/);
    const byId = strategies.weighted({ weights: { a: 1, x: 2, y: 1 }, key: 'u' });
    let error: unknown;
    try {
      byId.validate!(configs, 'Svc.run');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidWeightsError);
    expect(error).toBeInstanceOf(SpearmintError);
    expect((error as SpearmintError).code).toBe('SPEARMINT_INVALID_WEIGHTS');
    expect((error as Error).message).toBe(
      "strategies.weighted(): the weights do not fit experiment 'Svc.run': 'x', 'y' are not config_id of it, and 'b', 'c' have no weight " +
        `(its configs: 'a', 'b', 'c'; the weights: { "a": 1, "x": 2, "y": 1 }). Key the weights by config_id, one for every config.`,
    );
    // Zero weight on every config of this experiment.
    const zero = strategies.weighted({ weights: { a: 0, b: 0, c: 0, d: 1 }, key: 'u' });
    expect(() => zero.validate!(configs, 'Svc.run')).toThrow(/'d' is no config_id of it/);
  });

  it('weighted copies its weights: changing the array later changes nothing', () => {
    const weights = [1, 0, 0];
    const w = strategies.weighted({ weights, key: 'u' });
    weights[0] = 0;
    weights[2] = 1;
    for (let user = 0; user < 20; user++) expect(withContext({ u: user }, () => w(configs, ctx)[0].config_id)).toBe('a');
  });
});

describe('the weighted hash', () => {
  it('is FNV-1a-32 over UTF-8 bytes, then fmix32', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fmix32(0)).toBe(0);
    expect(weightedHash('foobar')).toBe(fmix32(0xbf9cf968));
  });

  it('encodes every character as TextEncoder does (2-, 3- and 4-byte UTF-8, lone surrogates as U+FFFD)', () => {
    const reference = (text: string) => {
      let hash = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
      return hash;
    };
    for (const text of ['ü', 'Café', '実験', '🙂', 'a🙂b', '\ud800', 'x\udc00y', '\ud83d', '\u0000', '\u07ff\u0800\uffff']) {
      expect(fnv1a32(text)).toBe(reference(text));
    }
  });
});

describe('withContext', () => {
  it('scopes values, merges nested scopes and returns the function value', async () => {
    const ctx = new RuntimeContext('x');
    expect(ctx.get('userId')).toBeUndefined();
    const value = await withContext({ userId: 'u1', tenant: 't' }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return withContext({ userId: 'u2' }, () => [ctx.get('userId'), ctx.get('tenant')]);
    });
    expect(value).toEqual(['u2', 't']);
  });
});
