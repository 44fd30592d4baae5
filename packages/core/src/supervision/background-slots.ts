/** What the supervisor keeps of a background variant while it runs. */
export interface BackgroundExecution {
  /** Its index among the variants in flight, or -1; written by `BackgroundSlots` only. */
  backgroundSlot: number;
  /** Aborts the execution's signal (a timeout, or `drain()` giving up). */
  abort(reason: unknown): void;
}

/**
 * The background variants in flight, at most `max`. Each knows its index (`backgroundSlot`), so
 * taking and freeing a slot is O(1) without hashing a fresh object on every call, as a Set would.
 */
export class BackgroundSlots {
  readonly #running: BackgroundExecution[] = [];

  constructor(readonly max: number) {}

  get inFlight(): number {
    return this.#running.length;
  }

  /** Takes a slot for `execution`; `false` when all are taken. */
  take(execution: BackgroundExecution): boolean {
    if (this.#running.length >= this.max) return false;
    execution.backgroundSlot = this.#running.push(execution) - 1;
    return true;
  }

  /** True while `execution` holds a slot. */
  holds(execution: BackgroundExecution): boolean {
    const slot = execution.backgroundSlot;
    return slot >= 0 && this.#running[slot] === execution;
  }

  /** Frees the slot `execution` holds: the last one moves into it. */
  free(execution: BackgroundExecution): void {
    const slot = execution.backgroundSlot;
    const last = this.#running.pop()!;
    if (last !== execution) {
      this.#running[slot] = last;
      last.backgroundSlot = slot;
    }
    execution.backgroundSlot = -1;
  }

  /** Aborts every execution in flight (they keep their slots until they settle). */
  abortAll(reason: unknown): void {
    for (const execution of this.#running) execution.abort(reason);
  }
}
