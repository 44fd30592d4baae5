import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { type CacheOptions, EvaluationAbortedError, type EvaluationPart, type EvaluationResult, mergeEvaluations, type Shard } from '@spearmint/decorators';
import Piscina from 'piscina';
import { parseRecordLine, type RecordLike, recordFromLines } from './record-lines';
import { UsageError } from './usage-error';
import { workerEntry } from './worker-entry';
import { type ControlMessage, type RecordMessage, WORKER_DATA, type WorkerAnswer, type WorkerTask } from './worker-protocol';

/** What `evaluateInWorkers` runs, and where finished records go. */
export interface WorkersRun {
  /** The definition file (absolute), loaded by every worker, and the working directory. */
  readonly file: string;
  readonly cwd: string;
  readonly workers: number;
  /** `--shard`: the share of the records to evaluate (the workers split it further). */
  readonly shard: Shard | undefined;
  readonly concurrency: number | undefined;
  readonly repeat: number | undefined;
  readonly limit: number | undefined;
  readonly cache: CacheOptions | undefined;
  readonly signal: AbortSignal;
  /** Each finished record, with its JSONL lines; what it throws stops every worker, and is thrown. */
  readonly onRecord: (record: RecordLike, lines: readonly string[]) => void | Promise<void>;
}

/**
 * `--workers N`: evaluates in N worker threads (piscina), each loading the definition file and
 * evaluating its own share of the records, and merges their results with `mergeEvaluations`:
 * the workers are shards (worker w of N takes shard s + n·w of n·N within `--shard s/n`), so the
 * result is exactly the one a single thread gives. Finished records come to `onRecord` as they
 * finish, one at a time. On `signal` abort, the workers stop starting records and the merged
 * partial result is thrown as an `EvaluationAbortedError`.
 */
export async function evaluateInWorkers(run: WorkersRun): Promise<EvaluationResult> {
  const outer = run.shard ?? { index: 1, count: 1 };
  const pool = new Piscina<WorkerTask, WorkerAnswer>({
    filename: workerEntry(),
    workerData: WORKER_DATA,
    minThreads: run.workers,
    maxThreads: run.workers,
    concurrentTasksPerWorker: 1,
    idleTimeout: 1000,
  });
  const ports: MessagePort[] = [];
  let failure: { error: unknown } | undefined;
  const stopAll = () => ports.forEach((port) => port.postMessage({ kind: 'abort' } satisfies ControlMessage));
  const onAbort = () => stopAll();
  run.signal.addEventListener('abort', onAbort, { once: true });
  // Records from all workers are handed over one at a time, in the order they arrive.
  let queue: Promise<void> = Promise.resolve();
  try {
    const tasks = Array.from({ length: run.workers }, (_, w) => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1);
      port1.on('message', (message: RecordMessage) => {
        queue = queue.then(async () => {
          try {
            if (!failure) {
              const lines = message.lines.map((line, i) => parseRecordLine(line, `record line ${i + 1} from worker ${w + 1}`));
              await run.onRecord(recordFromLines(lines), message.lines);
            }
          } catch (error) {
            failure ??= { error };
            stopAll();
          }
          port1.postMessage({ kind: 'ack' } satisfies ControlMessage);
        });
      });
      const task: WorkerTask = {
        file: run.file,
        cwd: run.cwd,
        shard: { index: outer.index + outer.count * w, count: outer.count * run.workers },
        concurrency: run.concurrency,
        repeat: run.repeat,
        limit: run.limit,
        cache: run.cache,
        port: port2,
      };
      return pool.run(task, { transferList: [port2] });
    });
    const answers = await Promise.allSettled(tasks);
    await queue;
    if (failure) throw failure.error;
    const parts: EvaluationPart[] = [];
    let aborted = false;
    for (const answer of answers) {
      if (answer.status === 'rejected') throw new Error(`a worker thread failed: ${String((answer.reason as Error)?.message ?? answer.reason)}`);
      const value = answer.value;
      if (value.kind === 'failed') throw value.usage ? new UsageError(value.message) : Object.assign(new Error(value.message), { name: value.name });
      if (value.kind === 'aborted') aborted = true;
      parts.push(JSON.parse(value.result) as EvaluationPart);
    }
    const merged = mergeEvaluations(parts, { labels: parts.map((_, w) => `worker ${w + 1}`) });
    const result = withShard(merged, run.shard);
    if (aborted) throw new EvaluationAbortedError(result, run.signal.reason);
    return result;
  } finally {
    run.signal.removeEventListener('abort', onAbort);
    ports.forEach((port) => port.close());
    await pool.destroy();
  }
}

/** The merged result of the workers is the result of `--shard` (or of the whole dataset). */
function withShard(result: EvaluationResult, shard: Shard | undefined): EvaluationResult {
  if (shard === undefined) return result;
  const coverage = result.shard;
  if (!coverage || coverage.count !== shard.count || coverage.indices.join() !== String(shard.index)) {
    throw new Error(`the workers covered shard(s) ${coverage ? `${coverage.indices.join(',')}/${coverage.count}` : 'all'} instead of ${shard.index}/${shard.count}`);
  }
  return result;
}
