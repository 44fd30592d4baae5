import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LineSink, QueuedLine, WriteOutcome } from './line-sink';
import { rotatedPath, rotationIndexes } from './recording-files';

/**
 * Appends lines to a file, opened on the first write (its directory created if missing) and
 * again after `close()` or a failure. With a finite `maxBytes` it rotates: it continues the
 * newest existing file (`calls.jsonl`, `calls.1.jsonl`, …: the highest number), and moves on to
 * the next number when a line would take the file past `maxBytes`. Operations run one at a time.
 */
export class FileSink implements LineSink {
  readonly description: string;
  #stream: WriteStream | undefined;
  #index = 0;
  #size = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly maxBytes: number,
  ) {
    this.description = `file ${path}`;
  }

  write(lines: readonly QueuedLine[]): Promise<WriteOutcome> {
    return this.#serially(() => this.#write(lines));
  }

  close(): Promise<void> {
    return this.#serially(() => this.#closeStream());
  }

  #serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #write(lines: readonly QueuedLine[]): Promise<WriteOutcome> {
    let written = 0;
    let chunk: string[] = [];
    let chunkBytes = 0;
    try {
      let stream = this.#stream ?? (await this.#open());
      for (const line of lines) {
        const size = this.#size + chunkBytes;
        if (size > 0 && size + line.bytes > this.maxBytes) {
          await this.#append(stream, chunk, chunkBytes);
          written += chunk.length;
          [chunk, chunkBytes] = [[], 0];
          stream = await this.#rotate();
        }
        chunk.push(line.text);
        chunkBytes += line.bytes;
      }
      await this.#append(stream, chunk, chunkBytes);
      return { written: written + chunk.length, failed: false };
    } catch (error) {
      this.#discard();
      return { written, failed: true, error };
    }
  }

  async #append(stream: WriteStream, chunk: readonly string[], bytes: number): Promise<void> {
    if (chunk.length === 0) return;
    await new Promise<void>((resolve, reject) => stream.write(chunk.join(''), (error) => (error ? reject(error) : resolve())));
    this.#size += bytes;
  }

  async #open(): Promise<WriteStream> {
    await mkdir(dirname(this.path), { recursive: true });
    if (this.maxBytes !== Infinity) {
      this.#index = (await rotationIndexes(this.path)).at(-1) ?? 0;
      this.#size = await sizeOf(rotatedPath(this.path, this.#index));
    }
    const stream = createWriteStream(rotatedPath(this.path, this.#index), { flags: 'a' });
    stream.on('error', () => undefined); // the failing write reports it; this keeps it from being unhandled
    await once(stream, 'open');
    this.#stream = stream;
    return stream;
  }

  async #rotate(): Promise<WriteStream> {
    await this.#closeStream();
    const next = rotatedPath(this.path, this.#index + 1);
    const stream = createWriteStream(next, { flags: 'a' });
    stream.on('error', () => undefined);
    await once(stream, 'open');
    this.#index++;
    this.#size = await sizeOf(next);
    this.#stream = stream;
    return stream;
  }

  async #closeStream(): Promise<void> {
    const stream = this.#stream;
    this.#stream = undefined;
    if (stream === undefined || stream.destroyed) return;
    stream.end();
    await once(stream, 'close').catch(() => undefined);
  }

  /** Drops a stream that failed, so the next write opens the file again. */
  #discard(): void {
    this.#stream?.destroy();
    this.#stream = undefined;
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0; // not there yet
  }
}
