import { describeValue } from '../internal/describe';

/**
 * One share of a dataset split over machines (`--shard 2/8`): record `i` (its position in the
 * dataset, from 0) belongs to shard `(i mod count) + 1`, so every record is in exactly one
 * shard, the split needs no record count, and each shard gets every `count`-th record.
 */
export interface Shard {
  /** Which shard, from 1 to `count`. */
  readonly index: number;
  /** How many shards the dataset is split into. */
  readonly count: number;
}

/**
 * The records a (merged) evaluation covers: the shards `indices` (from 1) of a split into
 * `count`, in the smallest such split (shards 2 and 10 of 16 are shard 2 of 8). A whole dataset
 * is `{ count: 1, indices: [1] }`.
 */
export interface ShardCoverage {
  readonly count: number;
  readonly indices: readonly number[];
}

/** Checks the `shard` option: integers with 1 ≤ index ≤ count. */
export function checkShard(shard: unknown): Shard {
  const { index, count } = (shard ?? {}) as { index?: unknown; count?: unknown };
  const ok =
    shard !== null &&
    typeof shard === 'object' &&
    Number.isSafeInteger(count) &&
    (count as number) >= 1 &&
    Number.isSafeInteger(index) &&
    (index as number) >= 1 &&
    (index as number) <= (count as number);
  if (!ok) {
    throw new TypeError(`Expected \`shard\` to be { index, count } with integers 1 <= index <= count, got ${describeShard(shard)}.`);
  }
  return { index: index as number, count: count as number };
}

/** Whether the record at `position` (from 0) is in `shard`. */
export function inShard(shard: Shard, position: number): boolean {
  return position % shard.count === shard.index - 1;
}

/** How many of the first `total` records are in `shard`. */
export function shardSize(shard: Shard, total: number): number {
  return total >= shard.index ? Math.floor((total - shard.index) / shard.count) + 1 : 0;
}

/** The largest split `checkCoverage` works through (the least common multiple of the parts' counts). */
const MAX_SPLIT = 1_000_000;

/** What went wrong when parts' coverages were combined. */
export type CoverageProblem =
  | { readonly kind: 'overlap'; readonly shard: Shard; readonly parts: readonly [number, number] }
  | { readonly kind: 'too-fine'; readonly split: number };

/**
 * The coverage of several parts together, or what makes them not add up: two parts covering the
 * same records (`overlap`, naming the two parts and a shard both hold, in the finest split).
 */
export function combineCoverage(parts: readonly ShardCoverage[]): { coverage: ShardCoverage } | { problem: CoverageProblem } {
  const split = parts.reduce((acc, part) => lcm(acc, part.count), 1);
  if (split > MAX_SPLIT) return { problem: { kind: 'too-fine', split } };
  const owner = new Int32Array(split).fill(-1);
  for (let p = 0; p < parts.length; p++) {
    const { count, indices } = parts[p]!;
    for (const index of indices) {
      for (let residue = index - 1; residue < split; residue += count) {
        const previous = owner[residue]!;
        if (previous !== -1) return { problem: { kind: 'overlap', shard: { index: residue + 1, count: split }, parts: [previous, p] } };
        owner[residue] = p;
      }
    }
  }
  return { coverage: simplest(owner, split) };
}

/** Whether a coverage is the whole dataset. */
export function isComplete(coverage: ShardCoverage): boolean {
  return coverage.count === 1 && coverage.indices.length === 1;
}

/** The missing shards of a coverage, in its own split. */
export function missingShards(coverage: ShardCoverage): number[] {
  const present = new Set(coverage.indices);
  return Array.from({ length: coverage.count }, (_, i) => i + 1).filter((index) => !present.has(index));
}

/** `2/8`, `2,5/8`. */
export function formatCoverage(coverage: ShardCoverage): string {
  return `${coverage.indices.join(',')}/${coverage.count}`;
}

/** The covered residues (owner ≠ −1) of `split` in the smallest split `d | split` they are whole residue classes of. */
function simplest(owner: Int32Array, split: number): ShardCoverage {
  for (let d = 1; d <= split; d++) {
    if (split % d !== 0) continue;
    let whole = true;
    for (let r = 0; r < split && whole; r++) whole = owner[r] !== -1 === (owner[r % d] !== -1);
    if (whole) {
      const indices: number[] = [];
      for (let r = 0; r < d; r++) if (owner[r] !== -1) indices.push(r + 1);
      return { count: d, indices };
    }
  }
  return { count: split, indices: [] };
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

function describeShard(shard: unknown): string {
  try {
    return shard !== null && typeof shard === 'object' ? JSON.stringify(shard) ?? describeValue(shard) : describeValue(shard);
  } catch {
    return describeValue(shard);
  }
}
