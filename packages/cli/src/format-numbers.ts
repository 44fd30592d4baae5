/** A metric's mean: three decimals. */
export function formatScore(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(3);
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
