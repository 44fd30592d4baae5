import { describeValue } from '../internal/describe';
import { localPath } from '../internal/local-path';
import type { Redact } from './serialise-call';

/**
 * What a recorder needs of a stream: `write(chunk, callback)` and `on('error' | 'close', listener)`.
 * Node's writable streams (`fs.WriteStream`, `process.stdout`, a `Writable`, a socket) have both.
 */
export interface RecordStream {
  /** Writes one batch of lines; the callback reports when it is done, with an error if it failed. */
  write(chunk: string, callback: (error?: Error | null) => void): unknown;
  /** The recorder listens to `'error'` (so none is unhandled) and `'close'` (a write in flight fails). */
  on(event: 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
}

/**
 * Where and what to record: the options of `createRecorder()` and of the `record` option of
 * `Spearmint` and `experiment()`.
 *
 * @example
 * ```ts
 * const options: RecordOptions = {
 *   to: 'recordings/calls.jsonl',
 *   sampleRate: 0.01,
 *   maxBytes: 50_000_000,
 *   redact: (record) => ({ ...record, input: record.input.map(() => '[redacted]') }),
 * };
 * ```
 */
export interface RecordOptions {
  /**
   * A file path (string, or a `file:` URL; relative paths resolve against `process.cwd()` when the
   * recorder is created) to append lines to, or a writable stream (a stream you pass is never
   * ended by the recorder: end it yourself).
   */
  readonly to: string | URL | RecordStream;
  /**
   * The fraction of calls to record, from 0 to 1, drawn at random per call (`Recorder#sample`).
   * @default 1
   */
  readonly sampleRate?: number;
  /**
   * Changes a record before it is written (remove personal data), or returns `undefined` to skip
   * the call. It receives a fresh copy of the record, never the caller's objects, and must be
   * synchronous. What it throws is contained and counted (`redactFailed`).
   */
  readonly redact?: Redact;
  /**
   * Rotates the file when it would grow past this many bytes: `calls.jsonl` first, then
   * `calls.1.jsonl`, `calls.2.jsonl`, …; the highest number is the newest file. A single line
   * larger than this gets a file of its own. Only for a path in `to`.
   * @default Infinity (one file)
   */
  readonly maxBytes?: number;
  /**
   * The most bytes of serialised lines held in memory while waiting to be written. When the
   * destination cannot keep up, further records are dropped and counted (`dropped`) rather than
   * queued.
   * @default 4194304 (4 MiB)
   */
  readonly maxBufferedBytes?: number;
}

/** A `to` option resolved: an absolute file path, or a stream. */
export type RecordTarget = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stream'; readonly stream: RecordStream };

/** Options checked, with defaults applied. */
export interface RecordSettings {
  readonly target: RecordTarget;
  readonly sampleRate: number;
  readonly redact: Redact | undefined;
  readonly maxBytes: number;
  readonly maxBufferedBytes: number;
}

/** The default `maxBufferedBytes`: 4 MiB. */
export const DEFAULT_MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Checks the options (a `TypeError` naming the option at fault) and applies the defaults. */
export function checkRecordOptions(options: RecordOptions): RecordSettings {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`Expected the record options to be an object such as { to: 'calls.jsonl' }, got ${describeValue(options)}.`);
  }
  const { to, sampleRate = 1, redact, maxBytes = Infinity, maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES } = options;
  const target = targetOf(to);
  if (typeof sampleRate !== 'number' || !(sampleRate >= 0 && sampleRate <= 1)) {
    throw new TypeError(`Expected \`record.sampleRate\` to be a number from 0 to 1, got ${describeValue(sampleRate)}.`);
  }
  if (redact !== undefined && typeof redact !== 'function') {
    throw new TypeError(`Expected \`record.redact\` to be a function (record) => record | undefined, got ${describeValue(redact)}.`);
  }
  if (typeof maxBytes !== 'number' || !(maxBytes >= 1)) {
    throw new TypeError(`Expected \`record.maxBytes\` to be a number of bytes from 1 up, or Infinity for one file, got ${describeValue(maxBytes)}.`);
  }
  if (maxBytes !== Infinity && target.kind === 'stream') {
    throw new TypeError('`record.maxBytes` rotates files, so it needs a file path in `record.to`, not a stream. Remove maxBytes, or give a path.');
  }
  if (typeof maxBufferedBytes !== 'number' || !(maxBufferedBytes >= 1) || maxBufferedBytes === Infinity) {
    throw new TypeError(`Expected \`record.maxBufferedBytes\` to be a finite number of bytes from 1 up, got ${describeValue(maxBufferedBytes)}.`);
  }
  return { target, sampleRate, redact, maxBytes, maxBufferedBytes };
}

function targetOf(to: unknown): RecordTarget {
  if ((typeof to === 'string' && to !== '') || to instanceof URL) {
    return { kind: 'file', path: localPath(to, (url) => new TypeError(`Expected \`record.to\` to be a file: URL, got ${url.href}.`)) };
  }
  if (isWritable(to)) return { kind: 'stream', stream: to };
  throw new TypeError(`Expected \`record.to\` to be a file path (string or file: URL) or a writable stream, got ${describeValue(to)}.`);
}

function isWritable(value: unknown): value is RecordStream {
  if (value === null || typeof value !== 'object') return false;
  try {
    const stream = value as { write?: unknown; on?: unknown };
    return typeof stream.write === 'function' && typeof stream.on === 'function';
  } catch {
    return false; // a getter threw: not a stream we can use
  }
}
