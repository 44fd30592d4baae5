import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { RecordedCall } from '../../src/recording/recorded-call';

/** A successful call of experiment `Svc.answer` with config `a1`, changed by `overrides`. */
export function succeeded(overrides: Partial<Omit<RecordedCall, 'ok'>> & { value?: unknown } = {}): RecordedCall {
  return { experiment: 'Svc.answer', configId: 'a1', input: ['hi'], value: 'hello', durationMs: 3, ...overrides, ok: true };
}

/** The parsed JSON lines of a file (every line must parse). */
export function readLines(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  if (text === '') return [];
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A stream that keeps what is written to it. */
export class CollectingWritable extends Writable {
  readonly chunks: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk.toString('utf8'));
    callback();
  }

  lines(): Record<string, unknown>[] {
    return this.chunks
      .join('')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** A disk that is full: every write fails with ENOSPC, as `fs.write` reports it. */
export class FullDiskWritable extends Writable {
  attempts = 0;

  override _write(_chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.attempts++;
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    setImmediate(() => callback(error));
  }
}

/** A destination that never finishes a write (a hung NFS mount, a stalled pipe). */
export class NeverDrainingWritable extends Writable {
  writes = 0;

  constructor() {
    super({ highWaterMark: 1 });
  }

  override _write(_chunk: Buffer, _encoding: BufferEncoding, _callback: (error?: Error | null) => void): void {
    this.writes++; // the callback is never called
  }
}

/** Resolves once `condition()` is true, checking after each turn of the event loop. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
