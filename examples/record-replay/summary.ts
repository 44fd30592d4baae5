/** The short summary: how often each replayed config agrees with what production returned. */

/** What the summary reads of a run saved by `spearmint eval --save-run`. */
export interface SavedRun {
  readonly records: number;
  readonly configs: readonly {
    readonly configId: string;
    readonly errors: number;
    readonly metrics: Readonly<Record<string, { readonly mean: number; readonly scoredRecords: number } | undefined>>;
  }[];
}

/** One line per config: `flat  agrees with production on 300 of 300 calls (100.0%), same total on 300 of 300 calls (100.0%)`. */
export function agreementLines(run: SavedRun): string[] {
  const width = Math.max(...run.configs.map((config) => config.configId.length));
  return run.configs.map((config) => {
    const matches = share(config.metrics.matches, run.records);
    const sameTotal = share(config.metrics.sameTotal, run.records);
    const failed = config.errors > 0 ? `, failed on ${config.errors}` : '';
    return `${config.configId.padEnd(width)}  agrees with production on ${matches}, same total on ${sameTotal}${failed}`;
  });
}

/** `270 of 300 calls (90.0%)`: a 0/1 metric's mean as a count of the records. */
function share(metric: { mean: number; scoredRecords: number } | undefined, records: number): string {
  const agreed = metric ? Math.round(metric.mean * metric.scoredRecords) : 0;
  return `${agreed} of ${records} calls (${((agreed / records) * 100).toFixed(1)}%)`;
}
