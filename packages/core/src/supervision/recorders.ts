import { createRecorder, DEFAULT_RECORDER_TIMEOUT_MS, type Recorder } from '../recording/recorder';
import type { RecordOptions } from '../recording/record-options';

/** The recorders of one `Spearmint` instance (its own `record` option's and its experiments'), closed by `drain()`. */
export class Recorders {
  readonly #recorders: Recorder[] = [];

  /** Creates a recorder (bad options are a `TypeError`, at set-up) that `close()` will close. */
  add(options: RecordOptions): Recorder {
    const recorder = createRecorder(options);
    this.#recorders.push(recorder);
    return recorder;
  }

  get empty(): boolean {
    return this.#recorders.length === 0;
  }

  /** Records dropped (a full buffer or a failed write), over every recorder. */
  dropped(): number {
    let dropped = 0;
    for (const recorder of this.#recorders) dropped += recorder.stats().dropped;
    return dropped;
  }

  /** Flushes and closes every recorder's file, within `timeoutMs` in all (default 10 s). Never rejects. */
  async close(timeoutMs: number = DEFAULT_RECORDER_TIMEOUT_MS): Promise<void> {
    await Promise.all(this.#recorders.map((recorder) => recorder.close(timeoutMs)));
  }
}
