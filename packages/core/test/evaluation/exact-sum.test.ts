/** Exact sums, against Python's math.fsum (the same algorithm, correctly rounded). */
import { addExact, productError, roundedSum } from '../../src/evaluation/exact-sum';
import { SumStats } from '../../src/evaluation/sum-stats';

const fsum = (values: readonly number[]) => {
  const partials: number[] = [];
  for (const value of values) addExact(partials, value);
  return roundedSum(partials);
};

describe('exact sums', () => {
  it.each([
    // [values, math.fsum(values)]
    [Array<number>(10).fill(0.1), 1.0],
    [[1e16, 1.0, -1e16], 1.0],
    [[1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], 1e-100],
    [[], 0],
  ])('fsum(%j) = %d', (values, expected) => {
    expect(fsum(values)).toBe(expected);
  });

  it('the sum does not depend on the order of the values', () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3));
    const reversed = [...values].reverse();
    const interleaved = values.filter((_, i) => i % 2 === 0).concat(values.filter((_, i) => i % 2 === 1));
    expect(fsum(reversed)).toBe(fsum(values));
    expect(fsum(interleaved)).toBe(fsum(values));
    const forward = new SumStats();
    const backward = new SumStats();
    values.forEach((value) => forward.add(value));
    reversed.forEach((value) => backward.add(value));
    expect([backward.mean, backward.variance]).toEqual([forward.mean, forward.variance]);
  });

  it('productError: product + error is the exact product', () => {
    // 0.1 * 0.1 = 0.010000000000000002 in doubles; the exact product of the two doubles is below it.
    const product = 0.1 * 0.1;
    const error = productError(0.1, 0.1, product);
    expect(product).toBe(0.010000000000000002);
    // Python: fractions.Fraction(0.1) ** 2 - fractions.Fraction(0.1 * 0.1), as a float
    expect(error).toBe(-8.326672684688674e-19);
    expect(productError(3, 5, 15)).toBe(0);
  });

  it('an overflowed sum reads as NaN, not a wrong number', () => {
    expect(fsum([Number.MAX_VALUE, Number.MAX_VALUE])).toBeNaN();
  });
});
