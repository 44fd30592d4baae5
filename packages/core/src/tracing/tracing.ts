import { describeError } from '../internal/describe-error';
import type { ExecutionScope } from '../context/execution-scope';
import { isOpenTelemetryApi, loadOpenTelemetry, noTracerProviderRegistered, primeGlobalSlot, type OpenTelemetryApi, type OtelContext, type OtelSpan, type OtelTracer, type OtelTracerProvider } from './otel-api';

/** The instrumentation scope of Spearmint's spans. */
export const TRACER_NAME = '@spearmint/core';

/**
 * Where a `Spearmint` instance's spans come from: the process's global tracer provider, read on
 * every entry call (so a provider registered or removed later takes effect), through one
 * `@opentelemetry/api` module. While that provider is the api's no-op one (no SDK registered),
 * `startCall` returns `undefined` and the call is not traced at all.
 */
export class Tracing {
  // These two are read on every entry call: plain fields.
  private readonly trace: OpenTelemetryApi['trace'];
  /** The api's no-op provider: what the global proxy delegates to while no SDK is registered. */
  private readonly noop: OtelTracerProvider;
  readonly #api: OpenTelemetryApi;
  #provider: OtelTracerProvider | undefined;
  #tracer: OtelTracer | undefined;

  constructor(api: OpenTelemetryApi) {
    this.trace = api.trace;
    this.noop = new api.ProxyTracerProvider().getDelegate();
    this.#api = api;
    primeGlobalSlot();
  }

  /**
   * Starts the span of one entry call (`spearmint <experiment>`), a child of the active span,
   * or returns `undefined` when no tracer provider is registered. The check is all the work a
   * call does while tracing is off: a read of the api's registry, then (only when a provider is
   * registered) the api's own answer, for a provider that is still the no-op one.
   */
  startCall(experiment: { readonly name: string }): CallTrace | undefined {
    if (noTracerProviderRegistered()) return undefined;
    let provider: OtelTracerProvider & { getDelegate?: () => OtelTracerProvider } = this.trace.getTracerProvider();
    // A ProxyTracerProvider (of any copy of the api): the provider it delegates to. Duck-typed:
    // `instanceof` would cost as much as the rest of this check.
    if (typeof provider.getDelegate === 'function') provider = provider.getDelegate();
    return provider === this.noop ? undefined : this.#start(provider, experiment.name);
  }

  #start(provider: OtelTracerProvider, experiment: string): CallTrace | undefined {
    try {
      if (provider !== this.#provider) {
        this.#tracer = provider.getTracer(TRACER_NAME);
        this.#provider = provider;
      }
      const parent = this.#api.context.active();
      const span = this.#tracer!.startSpan(`spearmint ${experiment}`, { attributes: { 'spearmint.experiment': experiment } }, parent);
      return new CallTrace(this.#api, this.#tracer!, span, this.#api.trace.setSpan(parent, span), experiment);
    } catch (error) {
      logTracingError(error);
      return undefined;
    }
  }
}

/**
 * The spans of one traced entry call: the call's span and one child per case execution (main
 * and each variant, awaited or background). A variant's span may end after the call's.
 * Failures of the tracing SDK are logged and contained.
 */
export class CallTrace {
  /** The span of each case execution while it runs. */
  readonly #spans = new Map<ExecutionScope, OtelSpan>();

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
  runCase<A extends unknown[], R>(scope: ExecutionScope, role: 'main' | 'variant', background: boolean, fn: (...args: A) => R, ...args: A): R {
    let context: OtelContext;
    try {
      const configId = scope.config.config_id;
      const span = this.tracer.startSpan(
        `spearmint ${role} ${configId}`,
        {
          attributes: {
            'spearmint.experiment': this.experiment,
            'spearmint.config_id': configId,
            'spearmint.role': role,
            'spearmint.background': background,
          },
        },
        this.context,
      );
      this.#spans.set(scope, span);
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
  endCase(scope: ExecutionScope, ok: boolean, error: unknown): void {
    const span = this.#spans.get(scope);
    if (span === undefined) return;
    this.#spans.delete(scope);
    try {
      if (scope.joined) {
        const nested = scope.experimentCase.experiments.slice(1);
        span.setAttribute('spearmint.nested.experiments', nested.map((experiment) => experiment.name));
        span.setAttribute('spearmint.nested.config_ids', nested.map((experiment) => scope.experimentCase.configFor(experiment)!.config_id));
      }
      if (!ok) {
        span.recordException(error instanceof Error ? error : describeError(error));
        span.setStatus({ code: this.api.SpanStatusCode.ERROR, message: describeError(error) });
      }
      span.end();
    } catch (failure) {
      logTracingError(failure);
    }
  }

  /** Notes on the call's span that a background variant was dropped (`maxBackgroundVariants`). */
  variantDropped(scope: ExecutionScope): void {
    this.#safely(() => this.span.addEvent('spearmint.variant_dropped', { 'spearmint.config_id': scope.config.config_id }));
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

/**
 * The `Tracing` of a `Spearmint` instance from its `openTelemetry` option: `false` → none;
 * an api module → that one; `undefined` → `@opentelemetry/api` if installed, else none.
 */
export function createTracing(option: OpenTelemetryApi | false | undefined): Tracing | undefined {
  if (option === false) return undefined;
  if (option === undefined) {
    const api = loadOpenTelemetry();
    return api === undefined ? undefined : new Tracing(api);
  }
  if (!isOpenTelemetryApi(option)) {
    throw new TypeError(
      'Expected `openTelemetry` to be the @opentelemetry/api module (`import * as otel from \'@opentelemetry/api\'`) or `false`, ' +
        `got ${option === null ? 'null' : typeof option === 'object' ? 'an object without trace.getTracerProvider, context.with or ProxyTracerProvider' : typeof option}.`,
    );
  }
  return new Tracing(option);
}

function logTracingError(error: unknown): void {
  console.error(`[spearmint] tracing failed; the error was contained and the call went on: ${describeError(error)}`);
}
