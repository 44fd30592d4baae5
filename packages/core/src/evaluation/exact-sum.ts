/**
 * Exact sums of floating-point numbers (Shewchuk's algorithm, as Python's `math.fsum`): a sum is
 * kept as a short list of non-overlapping partials whose exact total is the exact sum of every
 * number added, and read correctly rounded. So a sum does not depend on the order the numbers
 * came in (records finish in any order at `concurrency` > 1), and the partials of two shards
 * merge into exactly the partials of the whole.
 */

/** Adds `x` to `partials` in place, keeping them exact and non-overlapping. */
export function addExact(partials: number[], x: number): void {
  let i = 0;
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j]!;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) partials[i++] = lo;
    x = hi;
  }
  partials.length = i;
  partials.push(x);
}

/** The exact total of `partials`, correctly rounded (round half to even); `NaN` once anything overflowed. */
export function roundedSum(partials: readonly number[]): number {
  if (!partials.every(Number.isFinite)) return NaN;
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n]!;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // A tie of the rounding above is broken by the sign of the partials left below it.
  if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/** 2^27 + 1: splits a double into two halves whose products are exact (Dekker). */
const SPLITTER = 134217729;

/**
 * The rounding error of the product `a · b` (passed as `product`): `product + error` is exactly
 * `a · b`, barring overflow and underflow. Allocates nothing (it runs for every score).
 */
export function productError(a: number, b: number, product: number): number {
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (product - ah * bh - al * bh - ah * bl);
}
