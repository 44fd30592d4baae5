import { Config, RuntimeContext, SpearmintError, strategies, withContext } from '../src';
import { fnv1a32 } from '../src/strategies/fnv1a';

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

  it('roundRobin: main rotates in config order, one counter per experiment', () => {
    const rr = strategies.roundRobin();
    const other = new RuntimeContext('Other.run');
    expect(ids(rr(configs, ctx))).toEqual(['a', ['b', 'c']]);
    expect(ids(rr(configs, ctx))).toEqual(['b', ['a', 'c']]);
    expect(ids(rr(configs, other))).toEqual(['a', ['b', 'c']]);
    expect(ids(rr(configs, ctx))).toEqual(['c', ['a', 'b']]);
    expect(ids(rr(configs, ctx))).toEqual(['a', ['b', 'c']]);
  });

  it('weighted: sticky by key, first config without the key', () => {
    const w = strategies.weighted({ weights: [1, 1, 0], key: 'userId' });
    expect(ids(w(configs, ctx))[0]).toBe('a');
    const first = withContext({ userId: 'u-42' }, () => w(configs, ctx)[0].config_id);
    for (let i = 0; i < 20; i++) expect(withContext({ userId: 'u-42' }, () => w(configs, ctx)[0].config_id)).toBe(first);
    expect(first).not.toBe('c');
  });

  it('weighted: rejects invalid weights at set-up', () => {
    expect(() => strategies.weighted({ weights: [1, -1], key: 'u' })).toThrow(SpearmintError);
    expect(() => strategies.weighted({ weights: [0, 0], key: 'u' })).toThrow(/sum to 0/);
    expect(() => strategies.weighted({ weights: [1, 1], key: 'u' }).validate!(configs, 'Svc.run')).toThrow(/3 configs but 2 weights/);
  });

  it('FNV-1a-32 is the documented hash', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
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
