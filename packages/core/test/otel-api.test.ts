import * as otel from '@opentelemetry/api';

type OtelApiModule = typeof import('../src/tracing/otel-api');

/**
 * What a fresh copy of the loader (its memo included) returns from `calls` calls, with
 * `@opentelemetry/api` replaced by `factory`, in a module registry of its own.
 */
function loadWith(factory: () => unknown, calls = 1): unknown[] {
  const loaded: unknown[] = [];
  jest.isolateModules(() => {
    jest.doMock('@opentelemetry/api', factory);
    const loader = require('../src/tracing/otel-api') as OtelApiModule;
    for (let i = 0; i < calls; i++) loaded.push(loader.loadOpenTelemetry());
  });
  jest.dontMock('@opentelemetry/api');
  return loaded;
}

describe('loading @opentelemetry/api', () => {
  it('finds the installed api, once', () => {
    let loads = 0;
    expect(loadWith(() => (loads++, otel), 2)).toEqual([otel, otel]);
    expect(loads).toBe(1);
  });

  it('is off, silently, when the api is not installed', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const loaded = loadWith(() => {
        throw Object.assign(new Error("Cannot find module '@opentelemetry/api'"), { code: 'MODULE_NOT_FOUND' });
      });
      expect(loaded).toEqual([undefined]);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('is off, and says why, when the api fails to load or is not a 1.x api', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failing = loadWith(() => {
        throw new SyntaxError('Unexpected token');
      });
      expect([...failing, ...loadWith(() => ({ trace: {} }))]).toEqual([undefined, undefined]);
      expect(spy.mock.calls.map(([message]) => String(message))).toEqual([
        '[spearmint] @opentelemetry/api is installed but failed to load, so tracing is off: Unexpected token',
        '[spearmint] the installed @opentelemetry/api lacks trace.getTracerProvider, context.with or ProxyTracerProvider, so tracing is off; install @opentelemetry/api 1.x.',
      ]);
    } finally {
      spy.mockRestore();
    }
  });

  it('recognises the api module by the parts Spearmint calls', () => {
    const { isOpenTelemetryApi } = require('../src/tracing/otel-api') as OtelApiModule;
    expect(isOpenTelemetryApi(otel)).toBe(true);
    expect(isOpenTelemetryApi({ ...otel, ProxyTracerProvider: undefined })).toBe(false);
    expect(isOpenTelemetryApi(null)).toBe(false);
  });

  it('uses the public api only: writes nothing under its global key, and follows registration and disable()', async () => {
    const { Tracing } = require('../src/tracing/tracing') as typeof import('../src/tracing/tracing');
    const { BasicTracerProvider } = await import('@opentelemetry/sdk-trace-base');
    const key = Symbol.for('opentelemetry.js.api.1');
    const tracing = new Tracing(otel);
    expect(tracing.startCall({ name: 'f' })).toBeUndefined(); // no provider registered: not traced
    expect(Object.getOwnPropertyDescriptor(globalThis, key)).toBeUndefined(); // nothing written by Spearmint
    expect(otel.trace.setGlobalTracerProvider(new BasicTracerProvider())).toBe(true);
    try {
      const call = tracing.startCall({ name: 'f' });
      expect(call).toBeDefined();
      call!.end(true, undefined);
    } finally {
      otel.trace.disable();
    }
    expect(tracing.startCall({ name: 'f' })).toBeUndefined();
  });
});
