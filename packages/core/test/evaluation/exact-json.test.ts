import { exactJson } from '../../src/evaluation/exact-json';

describe('exactJson: the JSON text of values JSON holds exactly, else undefined', () => {
  it('writes JSON data, with keys sorted on request, and reads back equal', () => {
    const value = { b: [1, 2.5, 'x', null, true], a: { c: -0.1, '__proto__': 1 } };
    expect(JSON.parse(exactJson(value, false)!)).toEqual(value);
    expect(exactJson({ b: 1, a: 2 }, true)).toBe('{"a":2,"b":1}');
    expect(exactJson(Object.assign(Object.create(null), { x: 1 }), false)).toBe('{"x":1}');
  });

  it('refuses what JSON would change or cannot hold', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const cases: unknown[] = [
      undefined, NaN, Infinity, 1n, Symbol('s'), () => 1, new Date(0), new Map(), new (class Point { x = 1 })(),
      { a: undefined }, [1, undefined], [1, , 3], Object.assign([1], { extra: true }), { [Symbol('k')]: 1 },
      Object.defineProperty({}, 'g', { get: () => 1, enumerable: true }), Object.defineProperty({}, 'hidden', { value: 1 }),
      cycle, hostile, Buffer.from('x'),
    ];
    for (const value of cases) expect(exactJson(value, true)).toBeUndefined();
  });
});
