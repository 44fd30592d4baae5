import { CallTrace, logTracingError } from './call-trace';
import { isOpenTelemetryApi, loadOpenTelemetry, type OpenTelemetryApi, type OtelTracer, type OtelTracerProvider } from './otel-api';

/** The instrumentation scope of Spearmint's spans. */
export const TRACER_NAME = '@spearmint/core';

/** A tracer provider, and the one it delegates to when it is a `ProxyTracerProvider` (the api's global one). */
type MaybeProxy = OtelTracerProvider & { getDelegate?: () => OtelTracerProvider };

/**
 * Where a `Spearmint` instance's spans come from: the process's global tracer provider, asked
 * through the public `@opentelemetry/api` on every entry call (so a provider registered or removed
 * later takes effect). While that provider delegates to the api's no-op one (no SDK registered),
 * `startCall` returns `undefined` and the call is not traced at all.
 */
export class Tracing {
  // Read on every entry call: plain fields.
  private readonly trace: OpenTelemetryApi['trace'];
  /** The api's no-op provider: what its global proxy delegates to while no SDK is registered. */
  private readonly noop: OtelTracerProvider;
  readonly #api: OpenTelemetryApi;
  #provider: OtelTracerProvider | undefined;
  #tracer: OtelTracer | undefined;

  constructor(api: OpenTelemetryApi) {
    this.trace = api.trace;
    this.noop = new api.ProxyTracerProvider().getDelegate();
    this.#api = api;
  }

  /**
   * Starts the span of one entry call (`spearmint <experiment>`), a child of the active span,
   * or returns `undefined` while no tracer provider is registered: then the api's global
   * provider is its `ProxyTracerProvider`, which delegates to the no-op provider.
   */
  startCall(experiment: { readonly name: string }): CallTrace | undefined {
    let provider: MaybeProxy = this.trace.getTracerProvider();
    // Duck-typed: the proxy of any copy of the api; `instanceof` would cost as much as the rest.
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
