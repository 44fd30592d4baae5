// @spearmint/nestjs against NestJS 12: the example service booted through @nestjs/testing 12 on
// the real Express adapter, over HTTP, with shadows drained by app.close().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiscoveryService } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { run, Spearmint } from '@spearmint/nestjs';
import { AppModule } from '../../../examples/nestjs/app.module';
import { ShadowReport } from '../../../examples/nestjs/shadow-report.service';
import { TriageService } from '../../../examples/nestjs/triage.service';

const workspace = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

describe('@spearmint/nestjs on NestJS 12', () => {
  it('loads NestJS 12, from this workspace', () => {
    for (const name of ['common', 'core', 'testing', 'platform-express']) {
      const entry = require.resolve(`@nestjs/${name}`);
      expect(entry).toBe(path.join(workspace, 'node_modules', '@nestjs', name, 'index.js')); // what jest.config.mjs maps to
      const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8')) as { version: string };
      expect(version).toMatch(/^12\./);
    }
  });

  it("boots the example app: main's triage over HTTP, both shadows in onResult once app.close() has resolved", async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication(new ExpressAdapter(), { logger: false });
    await app.listen(0, '127.0.0.1');
    // SpearmintModule's DiscoveryModule is NestJS 12's: the same class the test imported
    expect(app.get(DiscoveryService)).toBeInstanceOf(DiscoveryService);
    const { port } = app.getHttpServer().address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Payments are down, urgent' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-response-time')).toMatch(/ms$/);
    expect(await response.json()).toEqual({ priority: 'urgent', score: 5, matched: ['down', 'urgent'], configId: 'keywords-v1' });

    const mint = app.get(Spearmint);
    const report = app.get(ShadowReport);
    const triage = app.get(TriageService);
    const results = await run(triage.triage.bind(triage), true, (runner) => runner('error: cannot log in'));
    expect(results.variantResults.map((v) => [v.experimentCase.getConfigId('TriageService.triage'), v.result?.priority])).toEqual([
      ['keywords-v2', 'normal'],
      ['remote-model', 'urgent'],
    ]);

    await app.close();
    expect(mint.stats()).toMatchObject({ started: 2, succeeded: 2, failed: 0, timedOut: 0, dropped: 0, inFlight: 0 });
    expect(report.rows().map((row) => `${row.role}:${row.configId}:${row.runs}`).sort()).toEqual([
      'main:keywords-v1:2',
      'variant:keywords-v2:2',
      'variant:remote-model:2',
    ]);
  });
});
