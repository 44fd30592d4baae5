import { checkShard, combineCoverage, inShard, shardSize } from '../../src/evaluation/shard';

describe('shards', () => {
  it('record i is in shard (i mod count) + 1: every record in exactly one shard, sizes as counted', () => {
    for (const count of [1, 2, 3, 8]) {
      const owners = Array.from({ length: 50 }, (_, i) => Array.from({ length: count }, (_, s) => s + 1).filter((index) => inShard({ index, count }, i)));
      expect(owners.every((list) => list.length === 1)).toBe(true);
      for (let index = 1; index <= count; index++) expect(shardSize({ index, count }, 50)).toBe(owners.filter(([owner]) => owner === index).length);
    }
    expect(shardSize({ index: 5, count: 8 }, 3)).toBe(0);
  });

  it('combines coverages into the smallest split, and finds overlaps', () => {
    expect(combineCoverage([{ count: 16, indices: [2] }, { count: 16, indices: [10] }])).toEqual({ coverage: { count: 8, indices: [2] } });
    expect(combineCoverage([{ count: 2, indices: [1] }, { count: 4, indices: [2] }, { count: 4, indices: [4] }])).toEqual({ coverage: { count: 1, indices: [1] } });
    expect(combineCoverage([{ count: 3, indices: [1] }, { count: 3, indices: [3] }])).toEqual({ coverage: { count: 3, indices: [1, 3] } });
    expect(combineCoverage([{ count: 2, indices: [1] }, { count: 4, indices: [3] }])).toEqual({
      problem: { kind: 'overlap', shard: { index: 3, count: 4 }, parts: [0, 1] },
    });
    expect(combineCoverage([{ count: 999_983, indices: [1] }, { count: 999_979, indices: [1] }])).toMatchObject({ problem: { kind: 'too-fine' } });
  });

  it('checks the option', () => {
    expect(checkShard({ index: 2, count: 8 })).toEqual({ index: 2, count: 8 });
    for (const bad of [{ index: 0, count: 8 }, { index: 9, count: 8 }, { index: 1.5, count: 8 }, { index: 1 }, '2/8', null]) {
      expect(() => checkShard(bad)).toThrow(/^Expected `shard` to be \{ index, count \} with integers 1 <= index <= count, got /);
    }
  });
});
