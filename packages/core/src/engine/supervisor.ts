import { DrainTimeoutError } from '../errors';
import type { ExecutionScope } from '../context/execution-scope';
import type { FunctionResult } from '../function-result';
import { describeValue } from '../internal/describe';
import { describeError } from '../internal/describe-error';
import { timeoutOption } from '../internal/timer-limit';
import type { OpenTelemetryApi } from '../tracing/otel-api';
import { createTracing, type Tracing } from '../tracing/tracing';
import { type Compare, deepEqual } from './compare';
import type { ComparisonCounts } from './comparison-tally';
import type { Experiment } from './experiment';
import type { ExecutionHooks, ExecutionInfo, MismatchInfo, MismatchReason } from './hooks';

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
   * signal is aborted and its slot freed. `undefined` (the default) or `Infinity` means no
   * timeout; at most 2^31 − 1 ms (the longest timer Node keeps).
   */
  variantTimeoutMs?: number;
}

/** How variants are compared with main, and whether calls are traced. */
export interface ObservationOptions {
  /**
   * Decides whether a variant agrees with main, given both values (awaited); called only when
   * both returned, and must return a boolean synchronously. Sets each variant's `matchesMain`,
   * counts `stats().comparisons` and calls `onMismatch`. An experiment's own `compare` wins.
   * @default deep equality (`util.isDeepStrictEqual`)
   */
  compare?: Compare;
  /**
   * OpenTelemetry tracing: `false` turns it off; the `@opentelemetry/api` module uses that one
   * (for a bundle or an app whose copy `require` cannot find). Either way, spans are made only
   * while a tracer provider is registered (an OpenTelemetry SDK is set up).
   * @default `@opentelemetry/api` when it is installed, else off
   */
  openTelemetry?: OpenTelemetryApi | false;
}

/** What a `Supervisor` takes: its limits, hooks and comparison/tracing options (those of `new Spearmint()`). */
export type SupervisorOptions = SupervisorLimits & ExecutionHooks & ObservationOptions;


/** Counts of one `Spearmint` instance's background variants. */
export interface VariantStats {
  readonly started: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly dropped: number;
  /** `started - succeeded - failed - timedOut`. */
  readonly inFlight: number;
  /**
   * Experiment name → the entry experiment's `config_id` → comparisons of its variants with
   * main, awaited and background alike (unlike the counts above, which are background only).
   */
  readonly comparisons: Readonly<Record<string, Readonly<Record<string, ComparisonCounts>>>>;
}

/** How a background variant ended. */
export type VariantOutcome = 'succeeded' | 'failed' | 'timedOut';

/** The default `maxBackgroundVariants`: background variant executions in flight per `Spearmint`. */
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
  /** True when a hook takes main's result (`onResult`, `onMismatch`): direct calls time and build it. */
  readonly needsMainResult: boolean;
  /** The instance's default `compare`. */
  readonly compare: Compare;
  /** Where spans come from; `undefined` when tracing is off or `@opentelemetry/api` is absent. */
  readonly tracing: Tracing | undefined;

  #started = 0;
  #succeeded = 0;
  #failed = 0;
  #timedOut = 0;
  #dropped = 0;
  /** The experiments whose variants were compared with main; each keeps its own counts. */
  readonly #compared: Experiment[] = [];
  // The variants in flight; each knows its index (`backgroundSlot`), so adding and removing
  // one is O(1) without hashing a fresh object on every call, as a Set would.
  readonly #running: ExecutionScope[] = [];
  #pendingHooks = 0;
  #hookQueue: Array<() => unknown> = [];
  #idleWaiters: Array<() => void> = [];

  constructor(options: SupervisorOptions = {}) {
    const max = options.maxBackgroundVariants ?? DEFAULT_MAX_BACKGROUND_VARIANTS;
    if (!(max === Infinity || (Number.isInteger(max) && max >= 0))) {
      throw new TypeError(`Expected \`maxBackgroundVariants\` to be an integer from 0 up, or Infinity, got ${describeValue(max)}.`);
    }
    const timeout = timeoutOption('variantTimeoutMs', options.variantTimeoutMs);
    if (timeout === 0) throw new TypeError('Expected `variantTimeoutMs` to be above 0 (or Infinity for no timeout), got 0.');
    for (const hook of ['onResult', 'onError', 'onDrop', 'onMismatch', 'compare'] as const) {
      if (options[hook] !== undefined && typeof options[hook] !== 'function') {
        throw new TypeError(`Expected \`${hook}\` to be a function, got ${typeof options[hook]}.`);
      }
    }
    this.maxBackgroundVariants = max;
    this.variantTimeoutMs = timeout;
    this.hooks = { onResult: options.onResult, onError: options.onError ?? logBackgroundError, onDrop: options.onDrop, onMismatch: options.onMismatch };
    this.observesResults = options.onResult !== undefined;
    this.needsMainResult = options.onResult !== undefined || options.onMismatch !== undefined;
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
      inFlight: this.#running.length,
      comparisons: this.#comparisonsSnapshot(),
    });
  }

  /** The counts of every compared experiment, by name (experiments sharing a name add up). */
  #comparisonsSnapshot(): VariantStats['comparisons'] {
    // Null-prototype records: an experiment or config named `__proto__` is data, not a prototype.
    const byName: Record<string, Record<string, ComparisonCounts>> = Object.create(null);
    for (const experiment of this.#compared) experiment.comparisons.addTo((byName[experiment.name] ??= Object.create(null)));
    for (const counts of Object.values(byName)) {
      for (const counted of Object.values(counts)) Object.freeze(counted);
      Object.freeze(counts);
    }
    return Object.freeze(byName);
  }

  /** Lists an experiment in `stats().comparisons` (called once, on its first comparison). */
  trackComparisons(experiment: Experiment): void {
    this.#compared.push(experiment);
  }

  /**
   * Reports a variant that does not match main to `onMismatch`; without that hook, logs a
   * failing `compare` (which no one would see otherwise).
   */
  reportMismatch(
    mainResult: FunctionResult,
    result: FunctionResult,
    scope: ExecutionScope,
    background: boolean,
    reason: MismatchReason,
    compareError: unknown,
  ): void {
    const onMismatch = this.hooks.onMismatch;
    if (onMismatch === undefined) {
      if (reason === 'compareFailed') logCompareError(compareError, infoFor(scope, 'variant', background));
      return;
    }
    const info: MismatchInfo = { ...infoFor(scope, 'variant', background), role: 'variant', reason };
    this.callHook(onMismatch, mainResult, result, reason === 'compareFailed' ? { ...info, compareError } : info);
  }

  /** True while an admitted background variant has not ended. */
  isRunning(scope: ExecutionScope): boolean {
    const slot = scope.backgroundSlot;
    return slot >= 0 && this.#running[slot] === scope;
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
    if (!this.isRunning(scope)) return;
    const slot = scope.backgroundSlot;
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
          for (const scope of this.#running) scope.abort(new DrainTimeoutError(limit));
          resolve(this.stats());
        }, limit);
      });
    });
  }

  #flushHooks(): void {
    const queue = this.#hookQueue;
    this.#hookQueue = [];
    for (const call of queue) {
      // A hook's promise is adopted by a promise of ours, so a `then` that throws (or a getter
      // for it that does) rejects that promise instead of escaping.
      new Promise((resolve) => resolve(call())).then(
        () => this.#hookDone(),
        (error) => (logHookError(error), this.#hookDone()),
      );
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
  console.error(`[spearmint] background variant '${info.configId}' of experiment '${info.experiment}' failed: ${describeError(error)}`);
}

function logHookError(error: unknown): void {
  console.error(`[spearmint] a hook (onResult, onError, onDrop or onMismatch) failed; the error was contained: ${describeError(error)}`);
}

function logCompareError(error: unknown, info: ExecutionInfo): void {
  const message = describeError(error);
  console.error(
    `[spearmint] compare failed for variant '${info.configId}' of experiment '${info.experiment}', so it counts as a mismatch: ${message}. ` +
      'Make compare return true or false without throwing (an onMismatch hook receives this error as info.compareError instead of this log).',
  );
}
