import type { LineSink, QueuedLine, WriteOutcome } from './line-sink';
import type { RecordStream } from './record-options';

/**
 * Writes to a stream the user gave: one chunk at a time, each awaited through its write callback,
 * so the stream's own buffer never holds more than one batch. A stream that is closed, destroyed
 * or errors fails the batch; its `'error'` events are listened to for good, so none is unhandled.
 * The stream is never ended: it belongs to the user.
 */
export class StreamSink implements LineSink {
  readonly description = 'the stream given as record.to';
  #settlePending: ((error: unknown) => void) | undefined;

  constructor(private readonly stream: RecordStream) {
    try {
      stream.on('error', (error: unknown) => this.#settlePending?.(error));
      stream.on('close', () => this.#settlePending?.(new Error('the stream closed before the write finished')));
    } catch {
      // its `on` threw: every write will be tried, and fail, on its own
    }
  }

  write(lines: readonly QueuedLine[]): Promise<WriteOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (error: unknown): void => {
        if (settled) return;
        settled = true;
        this.#settlePending = undefined;
        resolve(error === undefined || error === null ? { written: lines.length, failed: false } : { written: 0, failed: true, error });
      };
      try {
        const closed = closedReason(this.stream);
        if (closed !== undefined) return settle(new Error(closed));
        this.#settlePending = settle;
        this.stream.write(lines.map((line) => line.text).join(''), (error?: Error | null) => settle(error));
      } catch (error) {
        settle(error ?? new Error('the stream threw undefined'));
      }
    });
  }

  async close(): Promise<void> {}
}

/** Why the stream cannot take a write now, or `undefined`. */
function closedReason(stream: RecordStream): string | undefined {
  const state = stream as { destroyed?: unknown; writableEnded?: unknown; writable?: unknown };
  if (state.destroyed === true) return 'the stream is destroyed';
  if (state.writableEnded === true) return 'the stream has ended';
  if (state.writable === false) return 'the stream is not writable';
  return undefined;
}
