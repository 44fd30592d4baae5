import { isDeepStrictEqual } from 'node:util';
import { plainDataSnapshot } from '../../src/supervision/plain-data-snapshot';

// supervision/plain-data-snapshot.ts: the default `clean`, main's value as it was when it returned.
describe('plainDataSnapshot', () => {
  it('copies plain data deeply: later changes to the original do not reach the copy, which deep-equals it', () => {
    const shared = { n: 1 };
    const original = {
      text: 'a',
      list: [1, shared, shared],
      map: new Map<unknown, unknown>([[shared, new Set([1, 2])]]),
      at: new Date(5),
      [Symbol.for('tag')]: 'symbol keys too',
    };
    const copy = plainDataSnapshot(original) as typeof original;
    expect(copy).not.toBe(original);
    expect(isDeepStrictEqual(copy, original)).toBe(true);
    expect(copy.list[1]).toBe(copy.list[2]); // shared parts stay shared
    original.list.push(4);
    shared.n = 2;
    (original.map.get(shared) as Set<number>).add(3);
    original.at.setTime(6);
    expect(copy).toEqual({ text: 'a', list: [1, { n: 1 }, { n: 1 }], map: new Map([[{ n: 1 }, new Set([1, 2])]]), at: new Date(5), [Symbol.for('tag')]: 'symbol keys too' });
  });

  it('keeps cycles, holes and non-enumerable properties as they were', () => {
    const cyclic: { self?: unknown; list: unknown[] } = { list: [1, , 3] };
    cyclic.self = cyclic;
    cyclic.list.length = 5;
    Object.defineProperty(cyclic, 'hidden', { value: 1, enumerable: false });
    const copy = plainDataSnapshot(cyclic) as typeof cyclic;
    expect(copy.self).toBe(copy);
    expect(copy.list).toHaveLength(5);
    expect(1 in copy.list).toBe(false);
    expect(Object.getOwnPropertyDescriptor(copy, 'hidden')).toEqual({ value: 1, enumerable: false, writable: false, configurable: false });
    expect(isDeepStrictEqual(copy, cyclic)).toBe(true);
  });

  it('returns primitives, and anything that is not plain data, as they are (compared by reference)', () => {
    class Total {
      value = 1;
    }
    const withGetter = {
      get value(): number {
        throw new Error('never read');
      },
    };
    const nullProto = Object.assign(Object.create(null) as object, { a: 1 });
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    for (const value of [1, 'a', null, undefined, 10n, new Total(), { nested: [new Total()] }, withGetter, nullProto, { fn: () => 1 }, new Uint8Array(2), /x/, hostile]) {
      expect(plainDataSnapshot(value)).toBe(value);
    }
  });

  it('compares a very large value by reference rather than copying it', () => {
    const large = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    expect(plainDataSnapshot(large)).toBe(large);
    const fits = Array.from({ length: 5_000 }, (_, i) => ({ i }));
    expect(plainDataSnapshot(fits)).not.toBe(fits);
  });
});
