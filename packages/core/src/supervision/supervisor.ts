import { DrainTimeoutError } from '../errors';
import { timeoutOption } from '../internal/timer-limit';
import type { Recorder } from '../recording/recorder';
import type { FunctionResult } from '../results/function-result';
import { createTracing, type Tracing } from '../tracing/tracing';
import { BackgroundSlots, type BackgroundExecution } from './background-slots';
import type { Clean, Ignore } from './clean-and-ignore';
import { type Compare, deepEqual } from './compare';
import { type DescribedExecution, executionInfo } from './execution-info';
import { HookQueue } from './hook-queue';
import { IdleWaiters } from './idle-waiters';
import type { ExecutionHooks, ExecutionInfo, MismatchInfo, MismatchReason } from './hooks';
import { logBackgroundError, logCompareError } from './loggers';
import { Recorders } from './recorders';
import type { SampleRate } from './sample-rate';
import { checkSupervisorOptions, type SupervisorOptions } from './supervisor-options';
import { type ComparedExperiment, comparisonsSnapshot, type VariantOutcome, type VariantStats } from './variant-stats';

/** An execution as the supervisor sees it: the engine's scopes have this shape. */
export interface SupervisedExecution extends BackgroundExecution, DescribedExecution {}

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
  /** The instance's defaults for its experiments' `clean`, `ignore` and `sampleRate`. */
  readonly clean: Clean | undefined;
  readonly ignore: Ignore | undefined;
  readonly sampleRate: SampleRate | undefined;
  /** The recorder of the instance's `record` option, shared by its experiments that give none. */
  readonly recorder: Recorder | undefined;
  readonly recorders = new Recorders();
  /** Where spans come from; `undefined` when tracing is off or `@opentelemetry/api` is absent. */
  readonly tracing: Tracing | undefined;

  #started = 0;
  #succeeded = 0;
  #failed = 0;
  #timedOut = 0;
  #dropped = 0;
  #sampledOut = 0;
  readonly #slots: BackgroundSlots;
  readonly #idle = new IdleWaiters(() => this.#slots.inFlight === 0 && this.#hookQueue.idle);
  readonly #hookQueue = new HookQueue(() => this.#idle.check());
  /** The experiments whose variants were compared with main; each keeps its own counts. */
  readonly #compared: ComparedExperiment[] = [];

  constructor(options: SupervisorOptions = {}) {
    const limits = checkSupervisorOptions(options);
    this.maxBackgroundVariants = limits.maxBackgroundVariants;
    this.variantTimeoutMs = limits.variantTimeoutMs;
    this.#slots = new BackgroundSlots(limits.maxBackgroundVariants);
    this.hooks = { onResult: options.onResult, onError: options.onError ?? logBackgroundError, onDrop: options.onDrop, onMismatch: options.onMismatch };
    this.needsResults = options.onResult !== undefined || options.onMismatch !== undefined;
    this.compare = options.compare ?? deepEqual;
    this.clean = options.clean;
    this.ignore = options.ignore;
    this.sampleRate = limits.sampleRate;
    this.recorder = options.record === undefined ? undefined : this.recorders.add(options.record);
    this.tracing = createTracing(options.openTelemetry);
  }

  /** Counts of this supervisor's background variants, sampled-out calls, dropped records, and the comparisons per experiment and config. */
  stats(): VariantStats {
    return Object.freeze({
      started: this.#started,
      succeeded: this.#succeeded,
      failed: this.#failed,
      timedOut: this.#timedOut,
      dropped: this.#dropped,
      inFlight: this.#slots.inFlight,
      sampledOut: this.#sampledOut,
      recordsDropped: this.recorders.dropped(),
      comparisons: comparisonsSnapshot(this.#compared),
    });
  }

  /** Counts an entry call that runs no background variants because `sampleRate` left it out. */
  countSampledOut(): void {
    this.#sampledOut++;
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
    if (this.hooks.onDrop) this.callHook(this.hooks.onDrop, executionInfo(execution, 'variant', true));
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
    else if (outcome !== 'succeeded') this.callHook(this.hooks.onError!, error, executionInfo(execution, 'variant', true));
    this.#slots.free(execution);
    if (outcome === 'succeeded') this.#succeeded++;
    else if (outcome === 'failed') this.#failed++;
    else this.#timedOut++;
    this.#idle.check();
  }

  /** Reports an execution to the hooks: its result, and its error when no caller sees it (background). */
  report(result: FunctionResult, execution: SupervisedExecution, role: ExecutionInfo['role'], background: boolean): void {
    const { onResult, onError } = this.hooks;
    const reportError = background && !result.ok && onError !== undefined;
    if (onResult === undefined && !reportError) return;
    const info = executionInfo(execution, role, background);
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
      if (reason === 'compareFailed') logCompareError(compareError, executionInfo(execution, 'variant', background));
      return;
    }
    const info: MismatchInfo = { ...executionInfo(execution, 'variant', background), role: 'variant', reason };
    this.callHook(onMismatch, main, result, reason === 'compareFailed' ? { ...info, compareError } : info);
  }

  /** Calls `hook` soon, after the current caller has its result; contains what it throws. */
  callHook<A extends unknown[]>(hook: (...args: A) => unknown, ...args: A): void {
    this.#hookQueue.call(hook, ...args);
  }

  /**
   * Resolves with `stats()` when every background variant and hook call has settled, including
   * ones started meanwhile; after `timeoutMs`, aborts the remaining variants and resolves anyway.
   * Then flushes and closes the recordings, in what is left of `timeoutMs` (10 s without one).
   * `Infinity` waits without a limit; a negative time (a deadline already past) counts as 0.
   */
  drain(timeoutMs?: number): Promise<VariantStats> {
    const limit = timeoutOption('timeoutMs', typeof timeoutMs === 'number' && timeoutMs < 0 ? 0 : timeoutMs);
    const started = Date.now();
    const idle = this.#idle.wait(limit, () => this.#slots.abortAll(new DrainTimeoutError(limit!)));
    if (this.recorders.empty) return idle.then(() => this.stats());
    return idle.then(async () => {
      await this.recorders.close(limit === undefined ? undefined : Math.max(0, limit - (Date.now() - started)));
      return this.stats();
    });
  }
}
