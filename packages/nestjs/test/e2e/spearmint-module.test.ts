// SpearmintModule.forRoot / forRootAsync in real applications.
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS,
  type ResolvedSpearmintModuleOptions,
  Spearmint,
  SPEARMINT_OPTIONS,
  SpearmintModule,
} from '@spearmint/nestjs';
import { AppConfigModule, AppConfigService } from '../fixtures/app-config.service';
import { FeatureModule, ModelService } from '../fixtures/feature.module';
import { listen, type RunningApp } from '../fixtures/listen';
import { FactoriesModule, SpearmintConfigExisting, SpearmintConfigFromClass } from '../fixtures/options-factories';

const optionsOf = (running: RunningApp) => running.app.get<symbol, ResolvedSpearmintModuleOptions>(SPEARMINT_OPTIONS);

describe('SpearmintModule', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });

  it('forRoot: global by default, so a feature module injects the Spearmint instance and uses @Experiment() without importing it', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot({ configs: [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }] }), FeatureModule] });
    expect((await running.get('/model')).body).toEqual({ answer: 'gpt-4o: hi' });
    const mint = running.app.get(Spearmint);
    expect(running.app.get(ModelService).mint).toBe(mint);
    expect(await mint.drain()).toMatchObject({ started: 1, succeeded: 1 });
    expect(optionsOf(running)).toEqual({ configs: [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }], shutdownDrainTimeoutMs: DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS });
    expect(DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS).toBe(10_000);
  });

  it('forRoot({ global: false }): only modules that import it can inject the instance', async () => {
    await expect(Test.createTestingModule({ imports: [SpearmintModule.forRoot({ global: false }), FeatureModule] }).compile()).rejects.toThrow(
      /Nest can't resolve dependencies of the ModelService \(\?\)/,
    );
    @Module({ imports: [SpearmintModule.forRoot({ global: false, configs: [{ model: 'local' }] })], providers: [ModelService] })
    class ImportingModule {}
    running = await listen({ imports: [ImportingModule] });
    expect(running.app.get(ModelService).pick('x')).toBe('local: x');
  });

  it('forRootAsync({ useFactory, inject, imports }): the factory reads an injected config service', async () => {
    running = await listen({
      imports: [
        SpearmintModule.forRootAsync({
          imports: [AppConfigModule],
          inject: [AppConfigService],
          useFactory: async (appConfig: AppConfigService) => ({ configs: appConfig.experimentConfigs, shutdownDrainTimeoutMs: appConfig.drainTimeoutMs }),
        }),
        FeatureModule,
      ],
    });
    expect((await running.get('/model')).body).toEqual({ answer: 'large: hi' });
    expect(running.app.get(Spearmint).configs.map((config) => config.config_id)).toEqual(['from-config-service', 'shadow-from-config-service']);
    expect(optionsOf(running).shutdownDrainTimeoutMs).toBe(2_500);
  });

  it('forRootAsync({ useClass }) and forRootAsync({ useExisting })', async () => {
    running = await listen({
      imports: [SpearmintModule.forRootAsync({ imports: [FactoriesModule], useClass: SpearmintConfigFromClass }), FeatureModule],
    });
    expect((await running.get('/model')).body).toEqual({ answer: 'large: hi' });
    await running.app.close();
    running = await listen({
      imports: [SpearmintModule.forRootAsync({ imports: [FactoriesModule], useExisting: SpearmintConfigExisting, global: true }), FeatureModule],
    });
    expect((await running.get('/model')).body).toEqual({ answer: 'existing: hi' });
    expect(optionsOf(running).shutdownDrainTimeoutMs).toBe(42);
  });

  it('rejects bad options with errors that say what to change', async () => {
    expect(() => SpearmintModule.forRoot({ shutdownDrainTimeoutMs: -1 })).toThrow(
      new TypeError('Expected `shutdownDrainTimeoutMs` of SpearmintModule.forRoot() to be a number of milliseconds from 0 to 2^31 − 1 (the longest timer Node keeps), or Infinity, got `-1` (number).'),
    );
    expect(() => SpearmintModule.forRoot({ shutdownDrainTimeoutMs: Number.NaN })).toThrow(/got `NaN` \(number\)/);
    expect(() => SpearmintModule.forRoot({ shutdownDrainTimeoutMs: 2 ** 31 })).toThrow(/2\^31 − 1.*got `2147483648` \(number\)/);
    expect(SpearmintModule.forRoot({ shutdownDrainTimeoutMs: Infinity }).providers).toContainEqual({
      provide: SPEARMINT_OPTIONS,
      useValue: { shutdownDrainTimeoutMs: Infinity },
    });
    expect(() => SpearmintModule.forRoot({ global: 'yes' as never })).toThrow(
      new TypeError('Expected `global` of SpearmintModule.forRoot() to be a boolean, got `yes` (string).'),
    );
    expect(() => SpearmintModule.forRootAsync({ useFactory: 'options' as never })).toThrow(
      new TypeError('Expected `useFactory` of SpearmintModule.forRootAsync() to be a function that returns the options, got `options` (string).'),
    );
    expect(() => SpearmintModule.forRootAsync({})).toThrow(/needs exactly one of `useFactory`, `useClass` or `useExisting` to make the options; got none\./);
    expect(() => SpearmintModule.forRootAsync({ useFactory: () => ({}), useExisting: SpearmintConfigExisting })).toThrow(
      /got `useFactory` and `useExisting`\./,
    );
    await expect(
      Test.createTestingModule({ imports: [SpearmintModule.forRootAsync({ useFactory: () => ({ global: false }) as never })] }).compile(),
    ).rejects.toThrow(/the useFactory of SpearmintModule.forRootAsync\(\) returned `global`.*pass `global` next to `useFactory`/);
    await expect(Test.createTestingModule({ imports: [SpearmintModule.forRoot({ maxBackgroundVariant: 5 } as never)] }).compile()).rejects.toThrow(
      /Unknown option `maxBackgroundVariant` for new Spearmint\(\)/,
    );
  });
});
