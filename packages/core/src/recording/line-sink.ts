/** One serialised record waiting to be written: its JSON line with the newline, and its size in bytes. */
export interface QueuedLine {
  readonly text: string;
  readonly bytes: number;
}

/** How a batch went: how many of its lines (from the first) were written, and the error that stopped the rest. */
export type WriteOutcome = { readonly written: number; readonly failed: false } | { readonly written: number; readonly failed: true; readonly error: unknown };

/** Where a recorder's lines go: a file (with rotation) or a stream. Neither method ever rejects. */
export interface LineSink {
  /** Names the destination in warnings: `file /var/rec/calls.jsonl`. */
  readonly description: string;
  /** Writes the lines in order; resolves once they are handed to the OS (or failed). */
  write(lines: readonly QueuedLine[]): Promise<WriteOutcome>;
  /** Releases the destination (closes a file); a later `write` opens it again. */
  close(): Promise<void>;
}
