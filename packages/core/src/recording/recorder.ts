import { describeError } from '../internal/describe-error';
import { timeoutOption } from '../internal/timer-limit';
import { FileSink } from './file-sink';
import type { LineSink, QueuedLine, WriteOutcome } from './line-sink';
import { checkRecordOptions, type RecordOptions, type RecordSettings } from './record-options';
import type { RecordedCall } from './recorded-call';
import { bufferFullMessage, redactFailedMessage, unserialisableMessage, writeFailedMessage } from './recorder-messages';
import { RecorderCounts, type RecorderStats } from './recorder-stats';
import { serialiseCall, type SerialisedCall } from './serialise-call';
import { StreamSink } from './stream-sink';

/** How long `flush()` and `close()` wait by default, in milliseconds. */
export const DEFAULT_RECORDER_TIMEOUT_MS = 10_000;

/** After a failed write, batches are dropped without trying for this long (a full disk is not hammered). */
const RETRY_AFTER_MS = 1_000;

/**
 * Records finished calls as JSONL dataset records, off the call path: `record()` serialises
 * and buffers (synchronously, and never throws); the lines are written later, one batch at a time.
 * Created by `createRecorder()`.
 */
export interface Recorder {
  /** The fraction of calls `sample()` picks. */
  readonly sampleRate: number;
  /** Draws whether the call starting now is recorded (`Math.random() < sampleRate`). */
  sample(): boolean;
  /**
   * Serialises the call (through `redact`) and buffers its line; never throws and never waits.
   * A call whose values JSON cannot hold is skipped and counted, with one `console.warn` per
   * experiment; a full buffer drops the line and counts it.
   */
  record(call: RecordedCall): void;
  /** Counts of what became of the calls so far. */
  stats(): RecorderStats;
  /**
   * Resolves with `stats()` once every buffered line is written (or dropped), or after
   * `timeoutMs` (`Infinity`: no limit). Never rejects.
   * @default timeoutMs 10000
   */
  flush(timeoutMs?: number): Promise<RecorderStats>;
  /**
   * `flush()`, then closes the file (a stream you gave stays open). The recorder stays usable:
   * a later `record()` opens the file again. Resolves within `timeoutMs` in all; never rejects.
   * @default timeoutMs 10000
   */
  close(timeoutMs?: number): Promise<RecorderStats>;
}

/**
 * Creates a recorder: each call given to `record()` becomes one JSON line
 * `{ id, input, expected, meta: { experiment, configId, ok, error?, durationMs, timestamp } }`,
 * a ready dataset record for `evaluate()` and `spearmint eval`, appended to a file (rotated
 * with `maxBytes`) or a stream. Bad options are a `TypeError`.
 *
 * @example
 * ```ts
 * const recorder = createRecorder({ to: 'recordings/calls.jsonl', sampleRate: 0.05, maxBytes: 50_000_000 });
 * if (recorder.sample()) {
 *   const started = performance.now();
 *   const value = answer('hi');
 *   recorder.record({ experiment: 'answer', configId: 'v1', input: ['hi'], ok: true, value, durationMs: performance.now() - started });
 * }
 * await recorder.close(); // on shutdown
 * ```
 */
export function createRecorder(options: RecordOptions): Recorder {
  return new CallRecorder(checkRecordOptions(options));
}

class CallRecorder implements Recorder {
  readonly sampleRate: number;
  readonly #settings: RecordSettings;
  readonly #sink: LineSink;
  readonly #counts = new RecorderCounts();
  readonly #warned = new Set<string>();
  readonly #idleWaiters = new Set<() => void>();
  #queue: QueuedLine[] = [];
  #bufferedBytes = 0;
  #scheduled = false;
  #writing = false;
  #retryAt = 0;
  #failing = false;
  #warnedFull = false;

  constructor(settings: RecordSettings) {
    this.#settings = settings;
    this.sampleRate = settings.sampleRate;
    const { target } = settings;
    this.#sink = target.kind === 'file' ? new FileSink(target.path, settings.maxBytes) : new StreamSink(target.stream);
  }

  sample(): boolean {
    return Math.random() < this.sampleRate;
  }

  record(call: RecordedCall): void {
    const counts = this.#counts;
    counts.calls++;
    let outcome: SerialisedCall;
    try {
      outcome = serialiseCall(call, this.#settings.redact);
    } catch (error) {
      outcome = { kind: 'unserialisable', reason: `it could not be read (${describeError(error)})` };
    }
    switch (outcome.kind) {
      case 'line':
        return this.#buffer(`${outcome.text}\n`);
      case 'skipped':
        counts.skipped++;
        return;
      case 'unserialisable':
        counts.unserialisable++;
        return this.#warnOnce(`unserialisable\0${call.experiment}`, () => unserialisableMessage(call.experiment, outcome.reason));
      case 'redact-failed':
        counts.redactFailed++;
        return this.#warnOnce(`redact\0${call.experiment}`, () => redactFailedMessage(call.experiment, outcome.reason));
    }
  }

  stats(): RecorderStats {
    return this.#counts.snapshot();
  }

  flush(timeoutMs: number = DEFAULT_RECORDER_TIMEOUT_MS): Promise<RecorderStats> {
    const limit = timeoutOption('timeoutMs', timeoutMs);
    if (this.#idle()) return Promise.resolve(this.stats());
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#idleWaiters.delete(done);
        resolve(this.stats());
      };
      const timer = limit === undefined ? undefined : setTimeout(done, limit);
      this.#idleWaiters.add(done);
    });
  }

  close(timeoutMs: number = DEFAULT_RECORDER_TIMEOUT_MS): Promise<RecorderStats> {
    const limit = timeoutOption('timeoutMs', timeoutMs); // a bad timeout throws here, as flush() does, rather than rejecting
    return this.#close(timeoutMs, limit);
  }

  async #close(timeoutMs: number, limit: number | undefined): Promise<RecorderStats> {
    const started = Date.now();
    await this.flush(timeoutMs);
    if (!this.#idle()) return this.stats(); // a write is stuck: leave the destination as it is
    await withinTime(this.#sink.close(), limit === undefined ? undefined : Math.max(0, limit - (Date.now() - started)));
    return this.stats();
  }

  #buffer(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.#bufferedBytes + bytes > this.#settings.maxBufferedBytes) {
      this.#counts.dropped++;
      if (!this.#warnedFull) {
        this.#warnedFull = true;
        warn(bufferFullMessage(this.#sink.description, this.#settings.maxBufferedBytes));
      }
      return;
    }
    this.#queue.push({ text, bytes });
    this.#bufferedBytes += bytes;
    this.#counts.pending++;
    if (!this.#scheduled && !this.#writing) {
      this.#scheduled = true;
      setImmediate(() => void this.#writeQueued());
    }
  }

  /** Writes batches until the queue is empty; the only place lines leave the buffer. */
  async #writeQueued(): Promise<void> {
    this.#scheduled = false;
    if (this.#writing) return;
    this.#writing = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue;
        this.#queue = [];
        const outcome = Date.now() < this.#retryAt ? { written: 0, failed: false as const } : await this.#write(batch);
        const counts = this.#counts;
        counts.written += outcome.written;
        counts.dropped += batch.length - outcome.written;
        counts.pending -= batch.length;
        for (const line of batch) this.#bufferedBytes -= line.bytes;
        if (outcome.failed) this.#writeFailed(outcome.error);
        else if (outcome.written > 0) this.#failing = false;
      }
    } finally {
      this.#writing = false;
      for (const waiter of [...this.#idleWaiters]) waiter();
    }
  }

  async #write(batch: readonly QueuedLine[]): Promise<WriteOutcome> {
    try {
      return await this.#sink.write(batch);
    } catch (error) {
      return { written: 0, failed: true, error };
    }
  }

  #writeFailed(error: unknown): void {
    this.#counts.writeErrors++;
    this.#retryAt = Date.now() + RETRY_AFTER_MS;
    if (this.#failing) return;
    this.#failing = true;
    warn(writeFailedMessage(this.#sink.description, error, RETRY_AFTER_MS));
  }

  #warnOnce(key: string, message: () => string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    warn(message());
  }

  #idle(): boolean {
    return this.#queue.length === 0 && !this.#writing;
  }
}

function withinTime(promise: Promise<void>, ms: number | undefined): Promise<void> {
  if (ms === undefined) return promise;
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    promise.then(done, done);
  });
}

/** `console.warn`, which an app may have replaced by something that throws. */
function warn(message: string): void {
  try {
    console.warn(message);
  } catch {
    // the recorder never throws to its caller
  }
}
