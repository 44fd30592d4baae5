/** The `drain()` calls of one supervisor waiting for it to be idle (no variant in flight, no hook call pending). */
export class IdleWaiters {
  #waiters: Array<() => void> = [];

  constructor(private readonly isIdle: () => boolean) {}

  /**
   * Resolves once the supervisor is idle, including work started meanwhile; after `limit` ms
   * (`undefined`: none), calls `onTimeout` and resolves anyway.
   */
  wait(limit: number | undefined, onTimeout: () => void): Promise<void> {
    return new Promise((resolve) => {
      // Look one microtask later: the variants of a call whose promise has just settled may be
      // admitted by a reaction queued right after the caller's own.
      queueMicrotask(() => {
        if (this.isIdle()) return resolve();
        let timer: NodeJS.Timeout | undefined;
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        this.#waiters.push(done);
        if (limit === undefined) return;
        timer = setTimeout(() => {
          this.#waiters = this.#waiters.filter((waiter) => waiter !== done);
          onTimeout();
          resolve();
        }, limit);
      });
    });
  }

  /** Resolves the waiting calls if the supervisor is idle now. */
  check(): void {
    if (this.#waiters.length === 0 || !this.isIdle()) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter();
  }
}
