import * as otel from '@opentelemetry/api';
import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { arun, Config, currentSignal, experiment, type OpenTelemetryApi, run, Spearmint } from '@spearmint/decorators';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idOf = (id: string) => new Config({ id }).config_id;

let exporter: InMemorySpanExporter;
let provider: BasicTracerProvider;

/** Registers an in-memory SDK: a tracer provider and an async context manager. */
function registerSdk(): void {
  exporter = new InMemorySpanExporter();
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  expect(trace.setGlobalTracerProvider(provider)).toBe(true);
  expect(context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())).toBe(true);
}

async function unregisterSdk(): Promise<void> {
  await provider.shutdown();
  trace.disable();
  context.disable();
}

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => {
  const found = spans().filter((span) => span.name === name);
  expect(found.map((span) => span.name)).toEqual([name]);
  return found[0]!;
};
const spanId = (span: ReadableSpan) => span.spanContext().spanId;
const parentId = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const ns = ([seconds, nanos]: [number, number]) => seconds * 1e9 + nanos;
const tracer = () => trace.getTracer('test');

describe('tracing with OpenTelemetry', () => {
  beforeEach(registerSdk);
  afterEach(unregisterSdk);

  it('a direct call makes a call span with a child per case, background variants included after drain', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v1' }, { id: 'v2' }] });
    class Svc {
      @mint.experiment()
      add(x: number, config?: Config<{ id: string }>): string {
        return `${x}:${config!.id}`;
      }
    }
    const svc = new Svc();
    const answer = tracer().startActiveSpan('request', (request) => {
      try {
        return svc.add(1);
      } finally {
        request.end();
      }
    });
    expect(answer).toBe('1:m');
    await mint.drain();

    const request = named('request');
    const call = named('spearmint Svc.add');
    expect(call.attributes).toEqual({ 'spearmint.experiment': 'Svc.add' });
    expect(parentId(call)).toBe(spanId(request));
    for (const [id, role, background] of [['m', 'main', false], ['v1', 'variant', true], ['v2', 'variant', true]] as const) {
      const span = named(`spearmint ${role} ${idOf(id)}`);
      expect(span.attributes).toEqual({
        'spearmint.experiment': 'Svc.add',
        'spearmint.config_id': idOf(id),
        'spearmint.role': role,
        'spearmint.background': background,
      });
      expect(parentId(span)).toBe(spanId(call));
      expect(span.spanContext().traceId).toBe(request.spanContext().traceId);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
      expect(span.instrumentationScope.name).toBe('@spearmint/core');
    }
    expect(spans()).toHaveLength(5);
  });

  it('awaited variants (arun) are cases of the call, not background, and the call span ends after them', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }] });
    class Svc {
      @mint.experiment()
      async slow(config?: Config<{ id: string }>): Promise<string> {
        await delay(config!.id === 'v' ? 15 : 1);
        return config!.id;
      }
    }
    const svc = new Svc();
    const results = await arun(svc.slow.bind(svc), true, (runner) => runner());
    expect(results.variantResults.map((r) => r.result)).toEqual(['v']);

    const call = named('spearmint Svc.slow');
    const main = named(`spearmint main ${idOf('m')}`);
    const variant = named(`spearmint variant ${idOf('v')}`);
    expect(variant.attributes['spearmint.background']).toBe(false);
    expect(variant.attributes['spearmint.role']).toBe('variant');
    expect([parentId(main), parentId(variant)]).toEqual([spanId(call), spanId(call)]);
    expect(ns(variant.duration)).toBeGreaterThanOrEqual(10e6); // the span's own duration: the 15 ms wait
    // Spans are exported as they end: the call's ends last.
    expect(spans().map((span) => span.name)).toEqual([main.name, variant.name, call.name]);
  });

  it('a failing case gets status ERROR and an exception event; a failing main marks the call span too', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }, { id: 'ok' }], onError: () => undefined });
    const fn = mint.experiment({ name: 'fn' })((config?: Config) => {
      if (config!.id === 'm') throw new TypeError('main broke');
      if (config!.id === 'v') throw new Error('variant broke');
      return config!.id;
    });
    expect(() => fn()).toThrow('main broke');
    await mint.drain();

    const main = named(`spearmint main ${idOf('m')}`);
    expect(main.status).toEqual({ code: SpanStatusCode.ERROR, message: 'TypeError: main broke' });
    expect(main.events.map((event) => [event.name, event.attributes?.['exception.type'], event.attributes?.['exception.message']])).toEqual([
      ['exception', 'TypeError', 'main broke'],
    ]);
    expect(named('spearmint fn').status).toEqual({ code: SpanStatusCode.ERROR, message: 'TypeError: main broke' });
    const variant = named(`spearmint variant ${idOf('v')}`);
    expect(variant.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Error: variant broke' });
    expect(variant.events.map((event) => event.attributes?.['exception.message'])).toEqual(['variant broke']);
    const fine = named(`spearmint variant ${idOf('ok')}`);
    expect([fine.status.code, fine.events]).toEqual([SpanStatusCode.UNSET, []]);
  });

  it('an awaited variant that fails is an error on its span only; the call span is fine', async () => {
    const fn = experiment({ name: 'fn', configs: [{ id: 'm' }, { id: 'v' }] })(async (config?: Config) => {
      if (config!.id === 'v') throw new RangeError('out of range');
      return 1;
    });
    const results = await arun(fn, true, (runner) => runner());
    expect(results.variantResults[0]!.ok).toBe(false);
    expect(named(`spearmint variant ${idOf('v')}`).status).toEqual({ code: SpanStatusCode.ERROR, message: 'RangeError: out of range' });
    expect(named('spearmint fn').status.code).toBe(SpanStatusCode.UNSET);
  });

  it('a timed-out variant is an error, its span ending at the timeout', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'slow' }], variantTimeoutMs: 20, onError: () => undefined });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => {
      if (config!.id === 'slow') {
        const signal = currentSignal()!;
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 500);
          signal.addEventListener('abort', () => (clearTimeout(timer), resolve(undefined)));
        });
      }
      return config!.id;
    });
    expect(await fn()).toBe('m');
    expect((await mint.drain()).timedOut).toBe(1);
    const slow = named(`spearmint variant ${idOf('slow')}`);
    expect(slow.status.code).toBe(SpanStatusCode.ERROR);
    expect(slow.status.message).toMatch(/^VariantTimeoutError: .*did not settle within variantTimeoutMs \(20 ms\)/);
    expect(slow.events.map((event) => [event.name, event.attributes?.['exception.type']])).toEqual([['exception', 'SPEARMINT_VARIANT_TIMEOUT']]); // the SDK's type: the error's code
    expect(ns(slow.duration)).toBeLessThan(400e6);
  });

  it('spans the function makes itself are children of its case span, across awaits, for main and every variant', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v1' }, { id: 'v2' }] });
    const fn = mint.experiment({ name: 'fn' })(async (label: string, config?: Config) => {
      await delay(1);
      const inner = tracer().startSpan(`inner ${label}`, { attributes: { config: config!.id } });
      await delay(1);
      inner.end();
      return config!.id;
    });
    await arun(fn, true, (runner) => runner('awaited'));
    await fn('background');
    await mint.drain();

    for (const label of ['awaited', 'background']) {
      const inner = spans().filter((span) => span.name === `inner ${label}`);
      expect(inner.map((span) => span.attributes.config).sort()).toEqual(['m', 'v1', 'v2']);
      for (const span of inner) {
        const parent = spans().find((candidate) => spanId(candidate) === parentId(span))!;
        expect(parent.attributes['spearmint.config_id']).toBe(idOf(String(span.attributes.config)));
        expect(parent.attributes['spearmint.background']).toBe(label === 'background' && span.attributes.config !== 'm');
      }
    }
    expect(spans().filter((span) => span.name === 'spearmint fn')).toHaveLength(2);
  });

  it('nested experiments make no span of their own; each case span lists them with their config', () => {
    const inner = experiment({ configs: [{ id: 'ia' }, { id: 'ib' }] })(function inner(config?: Config) {
      return config!.id as string;
    });
    const outer = experiment({ configs: [{ id: 'oa' }, { id: 'ob' }] })(function outer(config?: Config) {
      return `${config!.id}|${inner()}`;
    });
    const results = run(outer, true, (runner) => runner());
    expect(results.variantResults).toHaveLength(3);

    expect(spans().map((span) => span.name).filter((name) => name.includes('inner'))).toEqual([]);
    const call = named('spearmint outer');
    const cases = spans().filter((span) => parentId(span) === spanId(call));
    expect(cases.map((span) => [span.attributes['spearmint.role'], span.attributes['spearmint.config_id'], span.attributes['spearmint.nested.config_ids']])).toEqual([
      ['main', idOf('oa'), [idOf('ia')]],
      ['variant', idOf('oa'), [idOf('ib')]],
      ['variant', idOf('ob'), [idOf('ia')]],
      ['variant', idOf('ob'), [idOf('ib')]],
    ]);
    expect(new Set(cases.map((span) => JSON.stringify(span.attributes['spearmint.nested.experiments'])))).toEqual(new Set(['["inner"]']));
  });

  it('a background variant dropped by maxBackgroundVariants is an event on the call span', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }], maxBackgroundVariants: 0 });
    const fn = mint.experiment({ name: 'fn' })(() => 1);
    expect(fn()).toBe(1);
    expect((await mint.drain()).dropped).toBe(1);
    const call = named('spearmint fn');
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([['spearmint.variant_dropped', { 'spearmint.config_id': idOf('v') }]]);
    expect(spans().map((span) => span.name).sort()).toEqual([`spearmint fn`, `spearmint main ${idOf('m')}`]);
  });

  it('openTelemetry: false turns tracing off; the api module passed explicitly is used', async () => {
    const off = experiment({ name: 'off', configs: [{ id: 'm' }, { id: 'v' }], openTelemetry: false })(async () => 1);
    expect(await off()).toBe(1);
    const api: OpenTelemetryApi = otel; // the module satisfies the option's type
    const given = experiment({ name: 'given', configs: [{ id: 'm' }], openTelemetry: api })(() => 2);
    expect(given()).toBe(2);
    await delay(5);
    expect(spans().map((span) => span.name).sort()).toEqual([`spearmint given`, `spearmint main ${idOf('m')}`]);
  });

  it('rejects an openTelemetry option that is not the api module, naming what is expected', () => {
    expect(() => new Spearmint({ openTelemetry: {} as OpenTelemetryApi })).toThrow(
      new TypeError(
        "Expected `openTelemetry` to be the @opentelemetry/api module (`import * as otel from '@opentelemetry/api'`) or `false`, " +
          'got an object without trace.getTracerProvider, context.with or ProxyTracerProvider.',
      ),
    );
    expect(() => new Spearmint({ openTelemetry: true as unknown as false })).toThrow(/got boolean/);
  });
});

describe('tracing without a registered tracer provider', () => {
  it('makes no spans and changes nothing; a provider registered later takes effect, and stops on disable()', async () => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }] });
    const fn = mint.experiment({ name: 'fn' })(async (x: number, config?: Config) => `${x}:${config!.id}`);
    const sync = mint.experiment({ name: 'sync' })((config?: Config) => config!.id as string);
    const calls = async () => {
      expect(await fn(1)).toBe('1:m');
      expect((await arun(fn, true, (runner) => runner(2))).variantResults.map((r) => r.result)).toEqual(['2:v']);
      expect(run(sync, true, (runner) => runner()).variantResults.map((r) => r.result)).toEqual(['v']);
      await mint.drain();
    };
    await calls(); // nothing registered at all

    registerSdk();
    const before = exporter;
    await calls();
    expect(before.getFinishedSpans()).toHaveLength(3 * 3); // three calls: a call span and two case spans each
    trace.disable(); // the provider still exports whatever reaches it
    await calls(); // a context manager, but no tracer provider
    expect(before.getFinishedSpans()).toHaveLength(9);
    await provider.shutdown();
    context.disable();
    expect(mint.stats()).toMatchObject({ started: 3, succeeded: 3, failed: 0, inFlight: 0 });
  });
});
