import type { Config } from '../config/config';
import { describeError } from '../internal/describe-error';
import type { ExperimentCase } from '../results/experiment-case';
import type { OpenTelemetryApi, OtelContext, OtelSpan, OtelTracer } from './otel-api';

/** What a traced execution (main or a variant) shows of itself; the engine's scopes have it. */
export interface TracedExecution {
  readonly config: Config;
  /** True once an experiment other than the entry took part. */
  readonly joined: boolean;
  readonly experimentCase: ExperimentCase;
}

/**
 * The spans of one traced entry call: the call's span and one child per case execution (main
 * and each variant, awaited or background). A variant's span may end after the call's.
 * Failures of the tracing SDK are logged and contained.
 */
export class CallTrace {
  /** The span of each case execution while it runs. */
  readonly #spans = new Map<TracedExecution, OtelSpan>();

  constructor(
    private readonly api: OpenTelemetryApi,
    private readonly tracer: OtelTracer,
    private readonly span: OtelSpan,
    /** The context with the call's span active: the parent of every case span. */
    private readonly context: OtelContext,
    private readonly experiment: string,
  ) {}

  /**
   * Starts the span of one case execution and calls `fn` with it active, so spans the function
   * makes itself (across awaits, given an async context manager) are its children.
   */
  runCase<A extends unknown[], R>(execution: TracedExecution, role: 'main' | 'variant', background: boolean, fn: (...args: A) => R, ...args: A): R {
    let context: OtelContext;
    try {
      const configId = execution.config.config_id;
      const attributes = {
        'spearmint.experiment': this.experiment,
        'spearmint.config_id': configId,
        'spearmint.role': role,
        'spearmint.background': background,
      };
      const span = this.tracer.startSpan(`spearmint ${role} ${configId}`, { attributes }, this.context);
      this.#spans.set(execution, span);
      context = this.api.trace.setSpan(this.context, span);
    } catch (error) {
      logTracingError(error);
      return fn(...args);
    }
    return this.api.context.with(context, fn, undefined, ...args);
  }

  /**
   * Ends the span of a case execution: status ERROR and an exception event when it failed
   * (timed out included). Nested experiments that took part are listed as attributes.
   */
  endCase(execution: TracedExecution, ok: boolean, error: unknown): void {
    const span = this.#spans.get(execution);
    if (span === undefined) return;
    this.#spans.delete(execution);
    this.#safely(() => {
      if (execution.joined) {
        const experimentCase = execution.experimentCase;
        const nested = experimentCase.experiments.slice(1);
        span.setAttribute('spearmint.nested.experiments', nested.map((experiment) => experiment.name));
        span.setAttribute('spearmint.nested.config_ids', nested.map((experiment) => experimentCase.configFor(experiment)!.config_id));
      }
      if (!ok) {
        span.recordException(error instanceof Error ? error : describeError(error));
        span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: describeError(error) });
      }
      span.end();
    });
  }

  /** Notes on the call's span that a background variant was dropped (`maxBackgroundVariants`). */
  variantDropped(configId: string): void {
    this.#safely(() => this.span.addEvent('spearmint.variant_dropped', { 'spearmint.config_id': configId }));
  }

  /** Ends the call's span; status ERROR when main failed (main's case span has the exception). */
  end(ok: boolean, error: unknown): void {
    this.#safely(() => {
      if (!ok) this.span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: describeError(error) });
      this.span.end();
    });
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      logTracingError(error);
    }
  }
}

/** Logs a failure of the tracing SDK, which never reaches the call. */
export function logTracingError(error: unknown): void {
  console.error(`[spearmint] tracing failed; the error was contained and the call went on: ${describeError(error)}`);
}
