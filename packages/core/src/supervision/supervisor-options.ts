import { describeValue } from '../internal/describe';
import { timeoutOption } from '../internal/timer-limit';
import type { OpenTelemetryApi } from '../tracing/otel-api';
import type { Compare } from './compare';
import type { ExecutionHooks } from './hooks';

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

/** The default `maxBackgroundVariants`: background variant executions in flight per `Spearmint`. */
export const DEFAULT_MAX_BACKGROUND_VARIANTS = 100;

const FUNCTION_OPTIONS = ['onResult', 'onError', 'onDrop', 'onMismatch', 'compare'] as const;

/** Checks the options (a `TypeError` saying what was expected and what arrived) and returns the limits, defaults applied. */
export function checkSupervisorOptions(options: SupervisorOptions): { maxBackgroundVariants: number; variantTimeoutMs: number | undefined } {
  const max = options.maxBackgroundVariants ?? DEFAULT_MAX_BACKGROUND_VARIANTS;
  if (!(max === Infinity || (Number.isInteger(max) && max >= 0))) {
    throw new TypeError(`Expected \`maxBackgroundVariants\` to be an integer from 0 up, or Infinity, got ${describeValue(max)}.`);
  }
  const timeout = timeoutOption('variantTimeoutMs', options.variantTimeoutMs);
  if (timeout === 0) throw new TypeError('Expected `variantTimeoutMs` to be above 0 (or Infinity for no timeout), got 0.');
  for (const name of FUNCTION_OPTIONS) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new TypeError(`Expected \`${name}\` to be a function, got ${typeof options[name]}.`);
    }
  }
  return { maxBackgroundVariants: max, variantTimeoutMs: timeout };
}
