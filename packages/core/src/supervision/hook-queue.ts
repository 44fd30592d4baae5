import { logHookError } from './loggers';

/**
 * Hook calls, run soon after the current caller has its result, one `setImmediate` per batch;
 * what a hook throws or rejects with is contained and logged. Counts the calls not yet settled.
 */
export class HookQueue {
  #pending = 0;
  #queue: Array<() => unknown> = [];

  /** `onIdle` is called whenever the last pending hook call settles. */
  constructor(private readonly onIdle: () => void) {}

  /** True when no hook call is queued or running. */
  get idle(): boolean {
    return this.#pending === 0;
  }

  /** Calls `hook(...args)` soon, after the current caller has its result. */
  call<A extends unknown[]>(hook: (...args: A) => unknown, ...args: A): void {
    this.#pending++;
    if (this.#queue.push(() => hook(...args)) === 1) setImmediate(() => this.#flush());
  }

  #flush(): void {
    const queue = this.#queue;
    this.#queue = [];
    for (const call of queue) {
      // A hook's promise is adopted by a promise of ours, so a `then` that throws (or a getter
      // for it that does) rejects that promise instead of escaping.
      new Promise((resolve) => resolve(call())).then(
        () => this.#done(),
        (error) => (logHookError(error), this.#done()),
      );
    }
  }

  #done(): void {
    if (--this.#pending === 0) this.onIdle();
  }
}
