import { createRequire } from 'node:module';
import { join } from 'node:path';
import { messageOf } from '../internal/describe-error';

/** Attribute values Spearmint puts on spans. */
export type SpanAttributeValue = string | number | boolean | string[];

/** The slice of an OpenTelemetry `Context` Spearmint relies on (it only passes contexts along). */
export interface OtelContext {
  getValue(key: symbol): unknown;
}

/** The slice of an OpenTelemetry `Span` Spearmint uses. */
export interface OtelSpan {
  setAttribute(key: string, value: SpanAttributeValue): unknown;
  addEvent(name: string, attributes?: Record<string, SpanAttributeValue>): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: Error | string): void;
  end(): void;
}

/** The slice of an OpenTelemetry `Tracer` Spearmint uses. */
export interface OtelTracer {
  startSpan(name: string, options?: { attributes?: Record<string, SpanAttributeValue> }, context?: OtelContext): OtelSpan;
}

/** The slice of an OpenTelemetry `TracerProvider` Spearmint uses. */
export interface OtelTracerProvider {
  getTracer(name: string, version?: string): OtelTracer;
}

/**
 * The parts of `@opentelemetry/api` (1.x) Spearmint uses. The module itself satisfies it
 * (`import * as otel from '@opentelemetry/api'`); it is written out here so that
 * `@spearmint/core` has no type dependency on the optional package.
 */
export interface OpenTelemetryApi {
  /** `trace` of the api. */
  readonly trace: {
    /** The global tracer provider. */
    getTracerProvider(): OtelTracerProvider;
    /** A context with `span` as the active span. */
    setSpan(context: OtelContext, span: OtelSpan): OtelContext;
  };
  /** `context` of the api. */
  readonly context: {
    /** The active context. */
    active(): OtelContext;
    /**
     * Calls `fn` with `context` active.
     * @typeParam F - the function called.
     */
    with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
      context: OtelContext,
      fn: F,
      thisArg?: ThisParameterType<F>,
      ...args: A
    ): ReturnType<F>;
  };
  /** The global provider until an SDK registers one; it then delegates to that one. */
  readonly ProxyTracerProvider: new () => OtelTracerProvider & {
    /** The provider it delegates to. */
    getDelegate(): OtelTracerProvider;
  };
  readonly SpanStatusCode: { readonly ERROR: number };
}

let loaded: OpenTelemetryApi | null | undefined;

/**
 * `@opentelemetry/api` when it is installed (an optional peer dependency), else `undefined`.
 * Loaded on first use, once per process, with `require` rather than a static import, so that
 * both builds of `@spearmint/core` load without it.
 *
 * The require resolves from this module's own file: in the CommonJS build (and under ts-jest
 * and tsx) that is `__filename`; the ES module build defines `__filename` from `import.meta.url`
 * in a banner (rollup.config.mjs). Where neither exists (a bundle that drops both), it resolves
 * from the working directory.
 */
export function loadOpenTelemetry(): OpenTelemetryApi | undefined {
  if (loaded === undefined) loaded = requireOpenTelemetry();
  return loaded ?? undefined;
}

function requireOpenTelemetry(): OpenTelemetryApi | null {
  const base = typeof __filename === 'string' ? __filename : join(process.cwd(), 'noop.js');
  let api: unknown;
  try {
    api = createRequire(base)('@opentelemetry/api');
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'MODULE_NOT_FOUND') return null;
    console.error(`[spearmint] @opentelemetry/api is installed but failed to load, so tracing is off: ${messageOf(error)}`);
    return null;
  }
  if (!isOpenTelemetryApi(api)) {
    console.error(
      '[spearmint] the installed @opentelemetry/api lacks trace.getTracerProvider, context.with or ProxyTracerProvider, so tracing is off; ' +
        'install @opentelemetry/api 1.x.',
    );
    return null;
  }
  return api;
}

/** True for an object shaped like `@opentelemetry/api` 1.x (the parts Spearmint calls). */
export function isOpenTelemetryApi(value: unknown): value is OpenTelemetryApi {
  const api = value as Partial<Record<keyof OpenTelemetryApi, any>> | null;
  return (
    typeof api === 'object' &&
    api !== null &&
    typeof api.trace?.getTracerProvider === 'function' &&
    typeof api.trace.setSpan === 'function' &&
    typeof api.context?.active === 'function' &&
    typeof api.context.with === 'function' &&
    typeof api.ProxyTracerProvider === 'function' &&
    typeof api.SpanStatusCode?.ERROR === 'number'
  );
}
