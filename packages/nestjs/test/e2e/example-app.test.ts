// Boots the example service (examples/nestjs) through @nestjs/testing on the real Express
// adapter and talks to it over HTTP.
import { Test } from '@nestjs/testing';
import { type ResolvedSpearmintModuleOptions, Spearmint, SPEARMINT_OPTIONS } from '@spearmint/nestjs';
import { AppModule } from '../../../../examples/nestjs/app.module';
import { ShadowReport } from '../../../../examples/nestjs/shadow-report.service';
import { Tokenizer } from '../../../../examples/nestjs/tokenizer.service';
import { TriageSettings } from '../../../../examples/nestjs/triage-settings.service';
import { listen, type RunningApp } from '../fixtures/listen';

describe('the example NestJS service', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running?.app.close();
  });

  it("answers with main's result, and the controller's interceptor still runs", async () => {
    running = await listen({ imports: [AppModule] });
    const urgent = await running.post('/triage', { text: 'Checkout is DOWN, urgent!' });
    expect(urgent.status).toBe(200);
    expect(urgent.body).toEqual({ priority: 'urgent', score: 5, matched: ['down', 'urgent'], configId: 'keywords-v1' });
    expect(urgent.headers.get('x-response-time')).toMatch(/^\d+\.\dms$/);
    const normal = await running.post('/triage', { text: 'The export button is broken' });
    expect(normal.body).toEqual({ priority: 'normal', score: 0, matched: [], configId: 'keywords-v1' });
    const invalid = await running.post('/triage', { words: 'no text' });
    expect(invalid.status).toBe(400);
  });

  it('sends every execution, main and both shadows, to onResult, with each config in the Config-typed `rules` parameter', async () => {
    running = await listen({ imports: [AppModule] });
    await running.post('/triage', { text: 'Checkout is down' });
    await running.post('/triage', { text: 'Refund failed with an error, cannot pay' });
    await running.app.get(Spearmint).drain();
    const rows = running.app.get(ShadowReport).rows();
    const byConfig = Object.fromEntries(rows.map((row) => [row.configId, row]));
    expect(rows.map((row) => `${row.role}:${row.configId}`).sort()).toEqual(['main:keywords-v1', 'variant:keywords-v2', 'variant:remote-model']);
    // keywords-v1 knows neither `refund`, `error` nor `cannot`; keywords-v2 scores them 3; remote-model has threshold 2
    expect(byConfig['keywords-v1']).toMatchObject({ runs: 2, failed: 0, urgent: 1 });
    expect(byConfig['keywords-v2']).toMatchObject({ runs: 2, failed: 0, urgent: 2 });
    expect(byConfig['remote-model']).toMatchObject({ runs: 2, failed: 0, urgent: 2 });
    expect(byConfig['remote-model']!.meanMs).toBeGreaterThanOrEqual(45);
    const report = await running.get('/triage/report');
    expect(report.body.variants).toEqual({
      started: 4,
      succeeded: 4,
      failed: 0,
      timedOut: 0,
      dropped: 0,
      inFlight: 0,
      sampledOut: 0,
      recordsDropped: 0,
      // every shadow answer differs from main's (other scores), so each comparison is a mismatch
      comparisons: {
        'TriageService.triage': {
          'keywords-v2': { compared: 2, mismatched: 2, ignored: 0 },
          'remote-model': { compared: 2, mismatched: 2, ignored: 0 },
        },
      },
    });
  });

  it('counts the shadow that finishes 50 ms after the response as succeeded once app.close() has resolved', async () => {
    running = await listen({ imports: [AppModule] });
    const mint = running.app.get(Spearmint);
    const report = running.app.get(ShadowReport);
    const response = await running.post('/triage', { text: 'Total outage' });
    expect(response.body.configId).toBe('keywords-v1');
    await running.app.close();
    expect(mint.stats()).toMatchObject({ started: 2, succeeded: 2, failed: 0, timedOut: 0, dropped: 0, inFlight: 0 });
    expect(report.rows().find((row) => row.configId === 'remote-model')).toMatchObject({ runs: 1, failed: 0, urgent: 1 });
  });

  it('builds the module with forRootAsync, from what the injected TriageSettings service says', async () => {
    const settings = { configs: [{ config_id: 'only-config', urgentWords: { fire: 5 }, threshold: 1, latencyMs: 0 }], shutdownDrainTimeoutMs: 1234 };
    running = await listen(Test.createTestingModule({ imports: [AppModule] }).overrideProvider(TriageSettings).useValue(settings));
    expect(running.app.get(Spearmint).configs.map((config) => config.config_id)).toEqual(['only-config']);
    expect(running.app.get<symbol, ResolvedSpearmintModuleOptions>(SPEARMINT_OPTIONS).shutdownDrainTimeoutMs).toBe(1234);
    const response = await running.post('/triage', { text: 'the server room is on fire' });
    expect(response.body).toEqual({ priority: 'urgent', score: 5, matched: ['fire'], configId: 'only-config' });
  });

  it('injects the Spearmint instance by its class: the controller reports the stats of the same instance', async () => {
    running = await listen({ imports: [AppModule] });
    const mint = running.app.get(Spearmint);
    expect(mint).toBeInstanceOf(Spearmint);
    await running.post('/triage', { text: 'down' });
    await mint.drain();
    expect((await running.get('/triage/report')).body.variants).toEqual(mint.stats());
    expect(mint.stats().succeeded).toBe(2);
  });

  it('runs main and both shadows with `this` the provider instance (its injected Tokenizer does the work)', async () => {
    running = await listen({ imports: [AppModule] });
    const tokenizer = running.app.get(Tokenizer);
    const words = jest.spyOn(tokenizer, 'words');
    await running.post('/triage', { text: 'asap please' });
    await running.app.get(Spearmint).drain();
    expect(words).toHaveBeenCalledTimes(3);
    expect(words.mock.contexts).toEqual([tokenizer, tokenizer, tokenizer]);
  });
});
