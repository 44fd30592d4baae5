import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { EvaluationOutputError } from './evaluation-errors';

/**
 * Writes lines to a file with back-pressure: `write` resolves at once while the stream's
 * buffer has room, and waits for `'drain'` when it is full, so a slow disk slows the
 * evaluation down instead of filling memory.
 */
export class JsonlWriter {
  #error: unknown;

  private constructor(
    readonly file: string,
    readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => (this.#error ??= error));
  }

  /** Creates (or truncates) `file` and resolves once it is open. */
  static async open(file: string): Promise<JsonlWriter> {
    const stream = createWriteStream(file, { encoding: 'utf8' });
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new EvaluationOutputError(file, error);
    }
    return new JsonlWriter(file, stream);
  }

  async write(line: string): Promise<void> {
    this.#check();
    if (this.stream.write(`${line}\n`)) return;
    try {
      await once(this.stream, 'drain');
    } catch (error) {
      throw new EvaluationOutputError(this.file, error);
    }
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    if (this.#error === undefined && !this.stream.destroyed) {
      this.stream.end();
      try {
        await once(this.stream, 'close');
      } catch (error) {
        this.#error ??= error;
      }
    }
    this.#check();
  }

  #check(): void {
    if (this.#error !== undefined) throw new EvaluationOutputError(this.file, this.#error);
  }
}
