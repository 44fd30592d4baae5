/**
 * What a recorder did with the calls it was given. Every call ends in exactly one of `written`,
 * `dropped`, `skipped`, `unserialisable` or `redactFailed`, or is still `pending`:
 * `calls = written + dropped + skipped + unserialisable + redactFailed + pending`.
 */
export interface RecorderStats {
  /** Calls handed to `record()`. */
  readonly calls: number;
  /** Lines written to the destination. */
  readonly written: number;
  /**
   * Records lost for want of room or of a working destination: the buffer was full (the disk or
   * stream could not keep up), or the write failed (a full disk, a closed or erroring stream).
   */
  readonly dropped: number;
  /** Calls `redact` skipped (it returned `undefined`). */
  readonly skipped: number;
  /** Calls whose arguments or value JSON cannot hold (BigInt, a cycle, a function, a throwing getter or `toJSON`, …). */
  readonly unserialisable: number;
  /** Calls whose `redact` threw, or returned something that is not a record. */
  readonly redactFailed: number;
  /** Lines serialised and not yet written (buffered, or being written). */
  readonly pending: number;
  /** Failed writes (each may have lost several lines, counted in `dropped`). */
  readonly writeErrors: number;
}

/** The counters behind `RecorderStats`, kept by the recorder. */
export class RecorderCounts {
  calls = 0;
  written = 0;
  dropped = 0;
  skipped = 0;
  unserialisable = 0;
  redactFailed = 0;
  pending = 0;
  writeErrors = 0;

  snapshot(): RecorderStats {
    const { calls, written, dropped, skipped, unserialisable, redactFailed, pending, writeErrors } = this;
    return { calls, written, dropped, skipped, unserialisable, redactFailed, pending, writeErrors };
  }
}
