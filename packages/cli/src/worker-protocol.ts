import type { MessagePort } from 'node:worker_threads';
import type { CacheOptions, Shard } from '@spearmint/decorators';

/** `workerData` of the evaluation's worker threads: how `cli.ts` knows to answer tasks instead of running the CLI. */
export const WORKER_DATA = { spearmintEvalWorker: 1 } as const;

/** True inside a worker thread started by `--workers`. */
export function isEvalWorker(data: unknown): boolean {
  return (data as { spearmintEvalWorker?: unknown } | null | undefined)?.spearmintEvalWorker === WORKER_DATA.spearmintEvalWorker;
}

/** One worker's share of an evaluation: load the definition, evaluate the shard. */
export interface WorkerTask {
  /** The definition file (absolute) and the working directory it is loaded from. */
  readonly file: string;
  readonly cwd: string;
  readonly shard: Shard;
  readonly concurrency: number | undefined;
  readonly repeat: number | undefined;
  readonly limit: number | undefined;
  readonly cache: CacheOptions | undefined;
  /** The port for records (worker → main) and for acknowledgements and aborts (main → worker). */
  readonly port: MessagePort;
}

/** A finished record, as its JSONL lines (what the main thread writes, reports and ranks). */
export interface RecordMessage {
  readonly kind: 'record';
  readonly lines: readonly string[];
}

/** Main → worker: the record was taken (back-pressure), or stop now. */
export type ControlMessage = { readonly kind: 'ack' } | { readonly kind: 'abort' };

/** What a worker answers: its shard's result as JSON (with its state), or why it failed. */
export type WorkerAnswer =
  | { readonly kind: 'done' | 'aborted'; readonly result: string }
  | { readonly kind: 'failed'; readonly usage: boolean; readonly name: string; readonly message: string };
