import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { Spearmint } from '@spearmint/decorators';
import type {
  ResolvedSpearmintModuleOptions,
  SpearmintModuleAsyncOptions,
  SpearmintModuleOptions,
  SpearmintOptionsFactory,
} from './interfaces/spearmint-module-options.interface';
import { SpearmintContextInterceptor } from './request-context.interceptor';
import { SpearmintMetadataAccessor } from './spearmint-metadata.accessor';
import { SPEARMINT_OPTIONS } from './spearmint.constants';
import { SpearmintExplorer } from './spearmint.explorer';
import { asyncOptionsMessage, optionsObjectMessage, useFactoryMessage } from './spearmint.messages';
import { resolveGlobal, resolveModuleOptions, spearmintOptionsOf } from './spearmint.options';

/**
 * Gives a NestJS application one `Spearmint` instance, injectable by its class, and makes the
 * `@Experiment()` methods of its providers and controllers experiments of that instance. On
 * shutdown (`app.close()`), background variants are drained before the application goes down.
 *
 * @example
 * ```ts
 * @Module({
 *   imports: [SpearmintModule.forRoot({ configs: [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }] })],
 *   providers: [TextService],
 * })
 * export class AppModule {}
 * ```
 */
@Module({
  imports: [DiscoveryModule],
  providers: [SpearmintMetadataAccessor],
})
export class SpearmintModule {
  /** The module with options given here: those of `new Spearmint()`, plus `global`, `shutdownDrainTimeoutMs` and `requestContext`. */
  static forRoot(options: SpearmintModuleOptions = {}): DynamicModule {
    const label = 'SpearmintModule.forRoot()';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(optionsObjectMessage(label, options));
    const { global, ...moduleOptions } = options;
    return spearmintModule(resolveGlobal(global, label), [], [{ provide: SPEARMINT_OPTIONS, useValue: resolveModuleOptions(moduleOptions, label) }]);
  }

  /** The module with options made by providers: `useFactory` (with `inject`), `useClass` or `useExisting`. */
  static forRootAsync(options: SpearmintModuleAsyncOptions): DynamicModule {
    const label = 'SpearmintModule.forRootAsync()';
    if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(optionsObjectMessage(label, options));
    return spearmintModule(resolveGlobal(options.global, label), options.imports ?? [], asyncOptionsProviders(options));
  }
}

function spearmintModule(global: boolean, imports: NonNullable<DynamicModule['imports']>, optionsProviders: Provider[]): DynamicModule {
  return {
    module: SpearmintModule,
    global,
    imports,
    providers: [
      ...optionsProviders,
      {
        provide: Spearmint,
        useFactory: (options: ResolvedSpearmintModuleOptions) => new Spearmint(spearmintOptionsOf(options)),
        inject: [SPEARMINT_OPTIONS],
      },
      SpearmintExplorer,
      // Runs handlers in withContext when the `requestContext` option is given; passes through otherwise.
      { provide: APP_INTERCEPTOR, useClass: SpearmintContextInterceptor },
    ],
    exports: [Spearmint, SPEARMINT_OPTIONS],
  };
}

function asyncOptionsProviders(options: SpearmintModuleAsyncOptions): Provider[] {
  const { useFactory, useClass, useExisting } = options;
  const given = (['useFactory', 'useClass', 'useExisting'] as const).filter((key) => options[key] !== undefined);
  if (given.length !== 1) throw new TypeError(asyncOptionsMessage(given));
  if (useFactory !== undefined) {
    if (typeof useFactory !== 'function') throw new TypeError(useFactoryMessage(useFactory));
    return [
      {
        provide: SPEARMINT_OPTIONS,
        useFactory: async (...args: unknown[]) =>
          resolveModuleOptions(await useFactory(...args), 'the useFactory of SpearmintModule.forRootAsync()'),
        inject: options.inject ?? [],
      },
    ];
  }
  const factoryToken = (useClass ?? useExisting)!;
  const fromFactory: Provider = {
    provide: SPEARMINT_OPTIONS,
    useFactory: async (factory: SpearmintOptionsFactory) =>
      resolveModuleOptions(await factory.createSpearmintOptions(), 'createSpearmintOptions() of SpearmintModule.forRootAsync()'),
    inject: [factoryToken],
  };
  return useClass !== undefined ? [{ provide: useClass, useClass }, fromFactory] : [fromFactory];
}
