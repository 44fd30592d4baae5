/** A metric's mean: three decimals. */
export function formatScore(value: number | null | undefined): string {
  return value === undefined || value === null || Number.isNaN(value) ? '-' : fixed3(value);
}

/**
 * Three decimals, a half rounded away from zero as written in decimal: 0.8875 (stored as
 * 0.88749999…) gives 0.888, as a reader rounding the mean by hand would.
 */
function fixed3(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value.toFixed(3);
  const rounded = Math.sign(value) * (Math.round(Math.abs(value) * 1000) / 1000);
  return (rounded === 0 ? 0 : rounded).toFixed(3);
}

/** A difference, signed: `+0.200`, `-0.031`. */
export function formatDiff(value: number | null | undefined): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '-';
  const text = fixed3(Math.abs(value));
  return text === '0.000' ? text : `${value > 0 ? '+' : '-'}${text}`;
}

/**
 * A 95 % interval: `[0.601, 0.774]`, signed with `signed` (`[+0.139, +0.261]`). An interval
 * that could not be estimated (fewer than two values; JSON `null` bounds) reads `[n < 2]`.
 */
export function formatInterval(ci95: readonly [number | null, number | null] | undefined, signed = false): string {
  const [low, high] = ci95 ?? [null, null];
  if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) return '[n < 2]';
  const format = signed ? formatDiff : formatScore;
  return `[${format(low)}, ${format(high)}]`;
}

/** An error rate as a percentage: `12.5%`. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** Milliseconds with a precision that suits their size: `0.042`, `3.14`, `512`. */
export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return '-';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(0);
}
