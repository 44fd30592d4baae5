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

export async function measure(op: Operation, isAsync: boolean, options: MeasureOptions = {}): Promise<Measurement> {
  const { rounds = 7, roundMs = 300, batch = 1000, afterBatch } = options;
  const round = async (): Promise<number> => {
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
    return Number(elapsed) / count;
  };
  await round();
  const results: number[] = [];
  for (let r = 0; r < rounds; r++) results.push(await round());
  results.sort((a, b) => a - b);
  if (sink === Symbol.for('never')) console.log(sink);
  return { medianNs: results[Math.floor(results.length / 2)]!, minNs: results[0]!, maxNs: results[results.length - 1]!, rounds };
}
