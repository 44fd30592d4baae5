import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { messageOf } from './safe-text';
import { UsageError } from './usage-error';

/** Writes lines to a file with back-pressure (`--records` in `--workers` mode, where the main thread writes). */
export class LineWriter {
  #error: unknown;

  private constructor(
    readonly flag: string,
    readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => (this.#error ??= error));
  }

  static async open(file: string, flag: string): Promise<LineWriter> {
    const stream = createWriteStream(file, { encoding: 'utf8' });
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new UsageError(`Cannot write ${flag} ${file}: ${messageOf(error)}.`);
    }
    return new LineWriter(flag, stream);
  }

  async write(line: string): Promise<void> {
    this.#check();
    if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.#error === undefined && !this.stream.destroyed) {
      this.stream.end();
      await once(this.stream, 'close').catch((error: unknown) => (this.#error ??= error));
    }
    this.#check();
  }

  #check(): void {
    if (this.#error !== undefined) throw new Error(`cannot write ${this.flag}: ${messageOf(this.#error)}`);
  }
}
