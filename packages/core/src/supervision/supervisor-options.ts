import { describeValue } from '../internal/describe';
import { timeoutOption } from '../internal/timer-limit';
import type { RecordOptions } from '../recording/record-options';
import type { OpenTelemetryApi } from '../tracing/otel-api';
import type { Clean, Ignore } from './clean-and-ignore';
import type { Compare } from './compare';
import type { ExecutionHooks } from './hooks';
import { checkSampleRate, type SampleRate } from './sample-rate';

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
  /**
   * The fraction of entry calls that run their background variants (from 0 to 1, at random),
   * or a function of the request values that says which; the others run main alone, at the cost
   * of a one-config call, and are counted in `stats().sampledOut`. Awaited runs and `evaluate()`
   * ignore it. An experiment's own `sampleRate` wins.
   * @default 1 (every call)
   */
  sampleRate?: SampleRate;
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
  /** What main and a variant are compared by (see `Clean`). An experiment's own `clean` wins. */
  clean?: Clean;
  /** Accepts some mismatches (see `Ignore`). An experiment's own `ignore` wins. */
  ignore?: Ignore;
  /**
   * Records a sampled fraction of entry calls (direct or runner, main ok or failed) as JSON
   * lines that are ready dataset records for `evaluate()` and `spearmint eval`: the arguments
   * (without injected ones) as `input`, main's value as `expected`. Off the call path; `drain()`
   * flushes and closes the file; `stats().recordsDropped` counts the lines lost.
   * An experiment's own `record` wins (`false`: none).
   *
   * @example
   * ```ts
   * new Spearmint({ record: { to: 'recordings/calls.jsonl', sampleRate: 0.01, maxBytes: 50_000_000 } });
   * ```
   */
  record?: RecordOptions;
}

/** What a `Supervisor` takes: its limits, hooks and comparison/tracing options (those of `new Spearmint()`). */
export type SupervisorOptions = SupervisorLimits & ExecutionHooks & ObservationOptions;

/** The default `maxBackgroundVariants`: background variant executions in flight per `Spearmint`. */
export const DEFAULT_MAX_BACKGROUND_VARIANTS = 100;

const FUNCTION_OPTIONS = ['onResult', 'onError', 'onDrop', 'onMismatch', 'compare', 'clean', 'ignore'] as const;

/** Checks the options (a `TypeError` saying what was expected and what arrived) and returns the limits, defaults applied. */
export function checkSupervisorOptions(options: SupervisorOptions): {
  maxBackgroundVariants: number;
  variantTimeoutMs: number | undefined;
  sampleRate: SampleRate | undefined;
} {
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
  const sampleRate = checkSampleRate(options.sampleRate, 'new Spearmint()');
  return { maxBackgroundVariants: max, variantTimeoutMs: timeout, sampleRate };
}
