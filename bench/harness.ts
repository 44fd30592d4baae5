/**
 * A small benchmark harness, documented here because its rules make the numbers comparable:
 *
 * - An operation is timed in batches; `afterBatch` (untimed) runs after each batch, e.g. to
 *   drain background variants so they neither pile up nor get dropped.
 * - A round runs batches until `roundMs` of timed work; its result is the mean ns per operation.
 * - One warm-up round (JIT), then `rounds` measured rounds; we report the median and min–max.
 * - Every case runs in a fresh Node process (see bench.ts), so one case's garbage, JIT state or
 *   pending work never leaks into another's.
 */
export interface MeasureOptions {
  rounds?: number;
  roundMs?: number;
  batch?: number;
  afterBatch?: () => Promise<unknown> | unknown;
}

export interface Measurement {
  medianNs: number;
  minNs: number;
  maxNs: number;
  rounds: number;
}

export type Operation = (i: number) => unknown;

let sink: unknown;

/** One round: batches of `op` until `roundMs` of timed work; the mean ns per operation. */
async function timeRound(op: Operation, isAsync: boolean, options: MeasureOptions): Promise<number> {
  const { roundMs = 300, batch = 1000, afterBatch } = options;
  let elapsed = 0n;
  let count = 0;
  while (elapsed < BigInt(roundMs) * 1_000_000n) {
    const start = process.hrtime.bigint();
    if (isAsync) for (let i = 0; i < batch; i++) sink = await op(i);
    else for (let i = 0; i < batch; i++) sink = op(i);
    elapsed += process.hrtime.bigint() - start;
    count += batch;
    if (afterBatch) await afterBatch();
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return Number(elapsed) / count;
}

function summary(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export async function measure(op: Operation, isAsync: boolean, options: MeasureOptions = {}): Promise<Measurement> {
  const rounds = options.rounds ?? 7;
  await timeRound(op, isAsync, options);
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) results.push(await timeRound(op, isAsync, options));
  const { median, min, max } = summary(results);
  return { medianNs: median, minNs: min, maxNs: max, rounds };
}

/** `other` against `base` in one process: the two alternate round by round; the ratio of each pair's times. */
export interface PairedMeasurement {
  medianRatio: number;
  minRatio: number;
  maxRatio: number;
  rounds: number;
}

/**
 * Measures `other` relative to `base`, alternating their rounds in this one process, so that
 * load on the machine and the JIT's state weigh on both alike (separate processes differ by
 * ±15 % on this VM for async cases, more than the differences a relative target speaks of).
 */
export async function measurePaired(
  base: { op: Operation; options?: MeasureOptions },
  other: { op: Operation; options?: MeasureOptions },
  isAsync: boolean,
  rounds = 15,
): Promise<PairedMeasurement> {
  await timeRound(base.op, isAsync, base.options ?? {});
  await timeRound(other.op, isAsync, other.options ?? {});
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const baseNs = await timeRound(base.op, isAsync, base.options ?? {});
    ratios.push((await timeRound(other.op, isAsync, other.options ?? {})) / baseNs);
  }
  const { median, min, max } = summary(ratios);
  return { medianRatio: median, minRatio: min, maxRatio: max, rounds };
}
