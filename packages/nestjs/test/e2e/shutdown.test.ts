// app.close() drains background variants: those started before it, those of requests still being
// answered while the HTTP server closes, and it stops waiting at shutdownDrainTimeoutMs.
import { Logger } from '@nestjs/common';
import { DrainTimeoutError, type ExecutionInfo, Spearmint, SpearmintModule } from '@spearmint/nestjs';
import { listen } from '../fixtures/listen';
import { expectMainStart, mainStarted, ShutdownController, ShutdownService, timeline } from '../fixtures/shutdown.fixtures';

function shutdownApp(options: Parameters<typeof SpearmintModule.forRoot>[0] = {}) {
  const results: Array<{ info: ExecutionInfo; ok: boolean; result: unknown }> = [];
  const errors: unknown[] = [];
  const metadata = {
    imports: [
      SpearmintModule.forRoot({
        ...options,
        onResult: (result, info) => void results.push({ info, ok: result.ok, result: result.result }),
        onError: (error) => void errors.push(error),
      }),
    ],
    controllers: [ShutdownController],
    providers: [ShutdownService],
  };
  return { metadata, results, errors };
}

describe('shutdown', () => {
  beforeEach(() => {
    timeline.length = 0;
  });

  it('a shadow finishing 50 ms after the response is succeeded, and in onResult, once app.close() has resolved', async () => {
    const { metadata, results } = shutdownApp();
    const running = await listen(metadata);
    const mint = running.app.get(Spearmint);
    const response = await running.get('/shutdown/slow-shadow/hi');
    expect(response.body).toEqual({ value: 'fast-main:hi' });
    await running.app.close();
    expect(timeline).toEqual(['finished:fast-main', 'responded', 'finished:shadow-50ms']);
    expect(mint.stats()).toMatchObject({ started: 1, succeeded: 1, failed: 0, timedOut: 0, dropped: 0, inFlight: 0 });
    expect(results.map((r) => [r.info.role, r.info.configId, r.ok, r.result])).toEqual([
      ['main', 'fast-main', true, 'fast-main:hi'],
      ['variant', 'shadow-50ms', true, 'shadow-50ms:hi'],
    ]);
  });

  it('also drains the shadows of a request still being answered when app.close() starts', async () => {
    const { metadata, results } = shutdownApp();
    const running = await listen(metadata);
    const mint = running.app.get(Spearmint);
    expectMainStart();
    const response = running.get('/shutdown/in-flight');
    await mainStarted;
    await running.app.close(); // the first drain finds nothing; the server waits for the request; the second drain gets its shadow
    expect((await response).body).toEqual({ value: 'slow-main' });
    expect(timeline).toEqual(['finished:slow-main', 'responded', 'finished:shadow-30ms']);
    expect(mint.stats()).toMatchObject({ started: 1, succeeded: 1, inFlight: 0 });
    expect(results.map((r) => r.info.configId)).toEqual(['slow-main', 'shadow-30ms']);
  });

  it('stops waiting after shutdownDrainTimeoutMs, aborts the shadows still running and says so', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});
    try {
      const { metadata, results, errors } = shutdownApp({ shutdownDrainTimeoutMs: 100 });
      const running = await listen(metadata);
      const mint = running.app.get(Spearmint);
      expect((await running.get('/shutdown/hang')).body).toEqual({ value: 'hang-main' });
      const started = Date.now();
      await running.app.close();
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 background variant still running after shutdownDrainTimeoutMs \(100 ms\); their signals were aborted/));
      await mint.drain(); // the aborted shadow settles: rejected with the drain's abort reason
      expect(mint.stats()).toMatchObject({ started: 1, failed: 1, inFlight: 0 });
      expect(results.map((r) => [r.info.configId, r.ok])).toEqual([['hang-main', true], ['hang-shadow', false]]);
      expect(errors).toEqual([expect.any(DrainTimeoutError)]);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
