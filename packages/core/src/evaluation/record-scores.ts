import type { ExecutionResult } from './evaluation-result';

/** One config's results on one record, its repetitions averaged. */
export interface ConfigRecordScores {
  readonly configId: string;
  /** Metric → the mean of its scores over the record's repetitions that have one. */
  readonly metrics: ReadonlyMap<string, number>;
  /** The share of the record's repetitions in which the function failed (0 to 1). */
  readonly failedShare: number;
}

/** Groups a record's executions by config (in the order they appear: main first). */
export function recordScores(executions: readonly ExecutionResult[]): ConfigRecordScores[] {
  const byConfig = new Map<string, { runs: number; failed: number; sums: Map<string, { sum: number; count: number }> }>();
  for (const execution of executions) {
    let entry = byConfig.get(execution.configId);
    if (!entry) byConfig.set(execution.configId, (entry = { runs: 0, failed: 0, sums: new Map() }));
    entry.runs++;
    if (!execution.ok) entry.failed++;
    for (const [name, value] of Object.entries(execution.metrics)) {
      const sum = entry.sums.get(name);
      if (sum) {
        sum.sum += value;
        sum.count++;
      } else entry.sums.set(name, { sum: value, count: 1 });
    }
  }
  return [...byConfig].map(([configId, { runs, failed, sums }]) => ({
    configId,
    metrics: new Map([...sums].map(([name, { sum, count }]) => [name, count === 1 ? sum : sum / count])),
    failedShare: failed / runs,
  }));
}
