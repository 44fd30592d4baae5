import { DrainTimeoutError } from '../errors';
import type { ExecutionScope } from '../context/execution-scope';
import type { FunctionResult } from '../function-result';
import { isPromiseLike } from '../internal/is-promise-like';
import type { ExecutionHooks, ExecutionInfo } from './hooks';

/** Limits on background variants. */
export interface SupervisorLimits {
  /**
   * At most this many background variant executions in flight; one more is dropped at once
   * and counted (no queue), so memory stays flat under any call rate. `Infinity` disables it.
   * @default 100
   */
  maxBackgroundVariants?: number;
  /**
   * An async variant (background or awaited) running longer is recorded as timed out, its
   * signal is aborted and its slot freed. `undefined` (the default) means no timeout.
   */
  variantTimeoutMs?: number;
}

export type SupervisorOptions = SupervisorLimits & ExecutionHooks;

/** Counts of one `Spearmint` instance's background variants. */
export interface VariantStats {
  readonly started: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly dropped: number;
  /** `started - succeeded - failed - timedOut`. */
  readonly inFlight: number;
}

/** How a background variant ended. */
export type VariantOutcome = 'succeeded' | 'failed' | 'timedOut';

export const DEFAULT_MAX_BACKGROUND_VARIANTS = 100;

/**
 * Admits, bounds and counts one `Spearmint` instance's background variants, runs its hooks
 * outside the callers' path, and lets `drain()` wait for all of it.
 */
export class Supervisor {
  readonly maxBackgroundVariants: number;
  readonly variantTimeoutMs: number | undefined;
  readonly hooks: ExecutionHooks;
  /** True when an `onResult` hook exists, so results of direct calls are worth building. */
  readonly observesResults: boolean;

  #started = 0;
  #succeeded = 0;
  #failed = 0;
  #timedOut = 0;
  #dropped = 0;
  // The variants in flight; each knows its index (`backgroundSlot`), so adding and removing
  // one is O(1) without hashing a fresh object on every call, as a Set would.
  readonly #running: ExecutionScope[] = [];
  #pendingHooks = 0;
  #hookQueue: Array<() => unknown> = [];
  #idleWaiters: Array<() => void> = [];

  constructor(options: SupervisorOptions = {}) {
    const max = options.maxBackgroundVariants ?? DEFAULT_MAX_BACKGROUND_VARIANTS;
    if (!(max === Infinity || (Number.isInteger(max) && max >= 0))) {
      throw new TypeError(`Expected \`maxBackgroundVariants\` to be an integer from 0 up, or Infinity, got \`${String(max)}\` (${typeof max}).`);
    }
    const timeout = options.variantTimeoutMs;
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
      throw new TypeError(`Expected \`variantTimeoutMs\` to be a number above 0, got \`${String(timeout)}\` (${typeof timeout}).`);
    }
    for (const hook of ['onResult', 'onError', 'onDrop'] as const) {
      if (options[hook] !== undefined && typeof options[hook] !== 'function') {
        throw new TypeError(`Expected \`${hook}\` to be a function, got ${typeof options[hook]}.`);
      }
    }
    this.maxBackgroundVariants = max;
    this.variantTimeoutMs = timeout;
    this.hooks = { onResult: options.onResult, onError: options.onError ?? logBackgroundError, onDrop: options.onDrop };
    this.observesResults = options.onResult !== undefined;
  }

  stats(): VariantStats {
    return Object.freeze({
      started: this.#started,
      succeeded: this.#succeeded,
      failed: this.#failed,
      timedOut: this.#timedOut,
      dropped: this.#dropped,
      inFlight: this.#running.length,
    });
  }

  /** Admits one background variant (counts it as started), or counts it as dropped and returns `false`. */
  admit(scope: ExecutionScope): boolean {
    if (this.#running.length >= this.maxBackgroundVariants) {
      this.#dropped++;
      if (this.hooks.onDrop) this.callHook(this.hooks.onDrop, infoFor(scope, 'variant', true));
      return false;
    }
    this.#started++;
    scope.backgroundSlot = this.#running.push(scope) - 1;
    return true;
  }

  /**
   * Ends an admitted variant: reports it to the hooks and counts its outcome; a timeout also
   * aborts its signal. Does nothing for one already ended (a variant settling after it timed out).
   */
  complete(scope: ExecutionScope, outcome: VariantOutcome, result: FunctionResult): void {
    const slot = scope.backgroundSlot;
    if (slot < 0 || this.#running[slot] !== scope) return;
    if (outcome === 'timedOut') scope.abort(result.error);
    this.report(result, scope, 'variant', true); // before the slot frees, so drain() also waits for these hooks
    const last = this.#running.pop()!;
    if (last !== scope) {
      this.#running[slot] = last;
      last.backgroundSlot = slot;
    }
    scope.backgroundSlot = -1;
    if (outcome === 'succeeded') this.#succeeded++;
    else if (outcome === 'failed') this.#failed++;
    else this.#timedOut++;
    this.#checkIdle();
  }

  /** Reports an execution to the hooks: its result, and its error when no caller sees it (background). */
  report(result: FunctionResult, scope: ExecutionScope, role: ExecutionInfo['role'], background: boolean): void {
    const { onResult, onError } = this.hooks;
    const reportError = background && !result.ok && onError !== undefined;
    if (onResult === undefined && !reportError) return;
    const info = infoFor(scope, role, background);
    if (onResult) this.callHook(onResult, result, info);
    if (reportError) this.callHook(onError, result.error, info);
  }

  /** Calls `hook` soon, after the current caller has its result; contains what it throws. */
  callHook<A extends unknown[]>(hook: (...args: A) => unknown, ...args: A): void {
    this.#pendingHooks++;
    if (this.#hookQueue.push(() => hook(...args)) === 1) setImmediate(() => this.#flushHooks());
  }

  /**
   * Resolves with `stats()` when every background variant and hook call has settled, including
   * ones started meanwhile; after `timeoutMs`, aborts the remaining variants and resolves anyway.
   */
  drain(timeoutMs?: number): Promise<VariantStats> {
    if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs >= 0)) {
      throw new TypeError(`Expected \`timeoutMs\` to be a number from 0 up, got \`${String(timeoutMs)}\` (${typeof timeoutMs}).`);
    }
    return new Promise((resolve) => {
      // Look one microtask later: the variants of a call whose promise has just settled may be
      // admitted by a reaction queued right after the caller's own.
      queueMicrotask(() => {
        let timer: NodeJS.Timeout | undefined;
        const done = () => {
          if (timer) clearTimeout(timer);
          resolve(this.stats());
        };
        if (this.#isIdle()) return done();
        this.#idleWaiters.push(done);
        if (timeoutMs === undefined) return;
        timer = setTimeout(() => {
          this.#idleWaiters = this.#idleWaiters.filter((waiter) => waiter !== done);
          for (const scope of this.#running) scope.abort(new DrainTimeoutError(timeoutMs));
          resolve(this.stats());
        }, timeoutMs);
      });
    });
  }

  #flushHooks(): void {
    const queue = this.#hookQueue;
    this.#hookQueue = [];
    for (const call of queue) {
      let outcome: unknown;
      try {
        outcome = call();
      } catch (error) {
        logHookError(error);
        this.#hookDone();
        continue;
      }
      if (isPromiseLike(outcome)) {
        Promise.resolve(outcome).then(() => this.#hookDone(), (error) => (logHookError(error), this.#hookDone()));
      } else {
        this.#hookDone();
      }
    }
  }

  #hookDone(): void {
    this.#pendingHooks--;
    this.#checkIdle();
  }

  #isIdle(): boolean {
    return this.#running.length === 0 && this.#pendingHooks === 0;
  }

  #checkIdle(): void {
    if (!this.#isIdle() || this.#idleWaiters.length === 0) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

function infoFor(scope: ExecutionScope, role: ExecutionInfo['role'], background: boolean): ExecutionInfo {
  return { experiment: scope.entry.name, role, background, configId: scope.config.config_id };
}

function logBackgroundError(error: unknown, info: ExecutionInfo): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[spearmint] background variant '${info.configId}' of experiment '${info.experiment}' failed: ${message}`);
}

function logHookError(error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[spearmint] a hook (onResult, onError or onDrop) failed; the error was contained: ${message}`);
}
