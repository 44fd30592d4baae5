import { DrainTimeoutError } from '../errors';
import { timeoutOption } from '../internal/timer-limit';
import type { FunctionResult } from '../results/function-result';
import { createTracing, type Tracing } from '../tracing/tracing';
import { BackgroundSlots, type BackgroundExecution } from './background-slots';
import { type Compare, deepEqual } from './compare';
import { HookQueue } from './hook-queue';
import type { ExecutionHooks, ExecutionInfo, MismatchInfo, MismatchReason } from './hooks';
import { logBackgroundError, logCompareError } from './loggers';
import { checkSupervisorOptions, type SupervisorOptions } from './supervisor-options';
import { type ComparedExperiment, comparisonsSnapshot, type VariantOutcome, type VariantStats } from './variant-stats';

/** An execution as the supervisor sees it: the engine's scopes have this shape. */
export interface SupervisedExecution extends BackgroundExecution {
  readonly entry: { readonly name: string };
  readonly config: { readonly config_id: string };
}

/**
 * Admits, bounds and counts one `Spearmint` instance's background variants, runs its hooks
 * outside the callers' path, and lets `drain()` wait for all of it.
 */
export class Supervisor {
  readonly maxBackgroundVariants: number;
  readonly variantTimeoutMs: number | undefined;
  readonly hooks: ExecutionHooks;
  /**
   * True when a hook sees `FunctionResult`s (`onResult`, `onMismatch`): then every execution is
   * timed and its result built; otherwise direct calls and background variants skip both.
   */
  readonly needsResults: boolean;
  /** The instance's default `compare`. */
  readonly compare: Compare;
  /** Where spans come from; `undefined` when tracing is off or `@opentelemetry/api` is absent. */
  readonly tracing: Tracing | undefined;

  #started = 0;
  #succeeded = 0;
  #failed = 0;
  #timedOut = 0;
  #dropped = 0;
  readonly #slots: BackgroundSlots;
  readonly #hookQueue = new HookQueue(() => this.#checkIdle());
  /** The experiments whose variants were compared with main; each keeps its own counts. */
  readonly #compared: ComparedExperiment[] = [];
  #idleWaiters: Array<() => void> = [];

  constructor(options: SupervisorOptions = {}) {
    const limits = checkSupervisorOptions(options);
    this.maxBackgroundVariants = limits.maxBackgroundVariants;
    this.variantTimeoutMs = limits.variantTimeoutMs;
    this.#slots = new BackgroundSlots(limits.maxBackgroundVariants);
    this.hooks = { onResult: options.onResult, onError: options.onError ?? logBackgroundError, onDrop: options.onDrop, onMismatch: options.onMismatch };
    this.needsResults = options.onResult !== undefined || options.onMismatch !== undefined;
    this.compare = options.compare ?? deepEqual;
    this.tracing = createTracing(options.openTelemetry);
  }

  /** Counts of this supervisor's background variants, and the comparisons per experiment and config. */
  stats(): VariantStats {
    return Object.freeze({
      started: this.#started,
      succeeded: this.#succeeded,
      failed: this.#failed,
      timedOut: this.#timedOut,
      dropped: this.#dropped,
      inFlight: this.#slots.inFlight,
      comparisons: comparisonsSnapshot(this.#compared),
    });
  }

  /** Lists an experiment in `stats().comparisons` (called once, on its first comparison). */
  trackComparisons(experiment: ComparedExperiment): void {
    this.#compared.push(experiment);
  }

  /** Admits one background variant (counts it as started), or counts it as dropped and returns `false`. */
  admit(execution: SupervisedExecution): boolean {
    if (this.#slots.take(execution)) {
      this.#started++;
      return true;
    }
    this.#dropped++;
    if (this.hooks.onDrop) this.callHook(this.hooks.onDrop, infoFor(execution, 'variant', true));
    return false;
  }

  /** True while an admitted background variant has not ended. */
  isRunning(execution: SupervisedExecution): boolean {
    return this.#slots.holds(execution);
  }

  /**
   * Ends an admitted variant: reports it to the hooks (`error`: what it threw, or its timeout
   * error; `result`: built when a hook sees results) and counts its outcome; a timeout also
   * aborts its signal. Does nothing for one already ended (a variant settling after it timed out).
   */
  complete(execution: SupervisedExecution, outcome: VariantOutcome, error: unknown, result: FunctionResult | undefined): void {
    if (!this.#slots.holds(execution)) return;
    if (outcome === 'timedOut') execution.abort(error);
    // Before the slot frees, so drain() also waits for these hooks.
    if (result !== undefined) this.report(result, execution, 'variant', true);
    else if (outcome !== 'succeeded') this.callHook(this.hooks.onError!, error, infoFor(execution, 'variant', true));
    this.#slots.free(execution);
    if (outcome === 'succeeded') this.#succeeded++;
    else if (outcome === 'failed') this.#failed++;
    else this.#timedOut++;
    this.#checkIdle();
  }

  /** Reports an execution to the hooks: its result, and its error when no caller sees it (background). */
  report(result: FunctionResult, execution: SupervisedExecution, role: ExecutionInfo['role'], background: boolean): void {
    const { onResult, onError } = this.hooks;
    const reportError = background && !result.ok && onError !== undefined;
    if (onResult === undefined && !reportError) return;
    const info = infoFor(execution, role, background);
    if (onResult) this.callHook(onResult, result, info);
    if (reportError) this.callHook(onError, result.error, info);
  }

  /**
   * Reports a variant that does not match main to `onMismatch`; without that hook, logs a
   * failing `compare` (which no one would see otherwise).
   */
  reportMismatch(
    main: FunctionResult,
    result: FunctionResult | undefined,
    execution: SupervisedExecution,
    background: boolean,
    reason: MismatchReason,
    compareError: unknown,
  ): void {
    const onMismatch = this.hooks.onMismatch;
    if (onMismatch === undefined || result === undefined) {
      if (reason === 'compareFailed') logCompareError(compareError, infoFor(execution, 'variant', background));
      return;
    }
    const info: MismatchInfo = { ...infoFor(execution, 'variant', background), role: 'variant', reason };
    this.callHook(onMismatch, main, result, reason === 'compareFailed' ? { ...info, compareError } : info);
  }

  /** Calls `hook` soon, after the current caller has its result; contains what it throws. */
  callHook<A extends unknown[]>(hook: (...args: A) => unknown, ...args: A): void {
    this.#hookQueue.call(hook, ...args);
  }

  /**
   * Resolves with `stats()` when every background variant and hook call has settled, including
   * ones started meanwhile; after `timeoutMs`, aborts the remaining variants and resolves anyway.
   * `Infinity` waits without a limit; a negative time (a deadline already past) counts as 0.
   */
  drain(timeoutMs?: number): Promise<VariantStats> {
    const limit = timeoutOption('timeoutMs', typeof timeoutMs === 'number' && timeoutMs < 0 ? 0 : timeoutMs);
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
        if (limit === undefined) return;
        timer = setTimeout(() => {
          this.#idleWaiters = this.#idleWaiters.filter((waiter) => waiter !== done);
          this.#slots.abortAll(new DrainTimeoutError(limit));
          resolve(this.stats());
        }, limit);
      });
    });
  }

  #isIdle(): boolean {
    return this.#slots.inFlight === 0 && this.#hookQueue.idle;
  }

  #checkIdle(): void {
    if (this.#idleWaiters.length === 0 || !this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

function infoFor(execution: SupervisedExecution, role: ExecutionInfo['role'], background: boolean): ExecutionInfo {
  return { experiment: execution.entry.name, role, background, configId: execution.config.config_id };
}
