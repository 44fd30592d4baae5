// Exact binomial intervals and chi-square p-values for the weighted-assignment tests. No
// package for these distributions is installed (only jstat's t quantile, in core), so they are computed
// here from their definitions and checked, in weighted-distribution.test.ts, against values
// computed independently (Python with exact fractions; published chi-square tables).

/**
 * The equal-tailed `confidence` interval of a Binomial(n, p) count: the smallest `low` with
 * P(X < low) <= alpha/2 and the smallest `high` with P(X > high) <= alpha/2, alpha = 1 - confidence.
 */
export function binomialInterval(n: number, p: number, confidence: number): [number, number] {
  const tail = (1 - confidence) / 2;
  let pmf = (1 - p) ** n; // P(X = 0)
  let cdf = 0;
  let low: number | undefined;
  for (let k = 0; k <= n; k++) {
    cdf += pmf;
    if (low === undefined && cdf > tail) low = k;
    if (cdf >= 1 - tail) return [low!, k];
    pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
  }
  return [low ?? 0, n];
}

/** Pearson's chi-square statistic of observed counts against expected ones. */
export function chiSquareStatistic(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, i) => sum + (count - expected[i]!) ** 2 / expected[i]!, 0);
}

/**
 * P(X >= statistic) for X ~ chi-square with `df` degrees of freedom: 1 - P(df/2, statistic/2),
 * P the regularised lower incomplete gamma function, summed as its series
 * P(s, x) = e^-x x^s sum_n x^n / Gamma(s + n + 1), with Gamma of integers and halves exact.
 */
export function chiSquarePValue(statistic: number, df: number): number {
  const s = df / 2;
  const x = statistic / 2;
  if (x <= 0) return 1;
  let gamma = Number.isInteger(s) ? 1 : Math.sqrt(Math.PI); // Gamma(1) or Gamma(1/2)
  for (let a = Number.isInteger(s) ? 1 : 0.5; a < s + 1; a++) gamma *= a; // now Gamma(s + 1)
  let term = 1 / gamma;
  let sum = term;
  for (let n = 1; n < 10_000 && term > sum * 1e-17; n++) {
    term *= x / (s + n);
    sum += term;
  }
  return 1 - Math.exp(-x + s * Math.log(x)) * sum;
}
