import type { IncomingHttpHeaders } from 'node:http';
import type { ExecutionContext, InjectionToken, ModuleMetadata, OptionalFactoryDependency, Type } from '@nestjs/common';
import type { SpearmintOptions } from '@spearmint/decorators';

/**
 * The request as `requestContext` receives it: Express's or Fastify's request object, its headers
 * typed, and whatever your middleware and guards put on it (`user`, `session`) as `any`.
 */
export interface SpearmintHttpRequest {
  readonly headers: IncomingHttpHeaders;
  readonly [key: string]: any;
}

/**
 * Takes the request values for strategies (a user id, a tenant) from each request: the
 * `requestContext` option of `SpearmintModule`. `request` is the handler's first argument (for
 * HTTP, the request; for other transports use `context`). May return a promise; `undefined`
 * means no values.
 *
 * @example
 * ```ts
 * const requestContext: SpearmintRequestContext = (req) => ({ userId: req.headers['x-user-id'] });
 * ```
 */
export type SpearmintRequestContext = (
  request: SpearmintHttpRequest,
  context: ExecutionContext,
) => Readonly<Record<string, unknown>> | undefined | PromiseLike<Readonly<Record<string, unknown>> | undefined>;

/**
 * Options of `SpearmintModule.forRoot()`: those of `new Spearmint(options)` (configs, strategy,
 * limits, hooks), plus how the module behaves in the application.
 *
 * @example
 * ```ts
 * SpearmintModule.forRoot({
 *   configs: [{ model: 'gpt-4o' }, { model: 'gpt-4o-mini' }],
 *   onResult: (result, info) => metrics.record(info.configId, result.durationMs),
 *   shutdownDrainTimeoutMs: 5_000,
 * });
 * ```
 */
export interface SpearmintModuleOptions extends SpearmintOptions {
  /**
   * Registers the module globally, so every module can inject the `Spearmint` instance and use
   * `@Experiment()` without importing `SpearmintModule` itself.
   * @default true
   */
  global?: boolean;
  /**
   * On application shutdown (`app.close()`, or a signal with `app.enableShutdownHooks()`), wait at
   * most this many milliseconds, in all, for background variants and hook calls to settle; then
   * abort the signals of those still running and let shutdown go on. `Infinity` waits for them
   * however long they take.
   * @default 10000
   */
  shutdownDrainTimeoutMs?: number;
  /**
   * Runs every handler (of controllers, resolvers, gateways) inside `withContext` with the values
   * this function takes from the request, so `strategies.weighted({ key: 'userId' })` picks per
   * request with no code in the handlers. Applied by a global interceptor, so guards run before it.
   * What it throws or rejects with fails the request.
   * @default undefined (no request values)
   */
  requestContext?: SpearmintRequestContext;
}

/** What a `forRootAsync()` factory returns: the options of `forRoot()` without `global`. */
export type SpearmintModuleFactoryOptions = Omit<SpearmintModuleOptions, 'global'>;

/** The value of the `SPEARMINT_OPTIONS` token: the module's options with defaults applied. */
export type ResolvedSpearmintModuleOptions = SpearmintModuleFactoryOptions & { readonly shutdownDrainTimeoutMs: number };

/**
 * A class that makes the module's options, for `forRootAsync({ useClass })` and
 * `forRootAsync({ useExisting })`.
 *
 * @example
 * ```ts
 * @Injectable()
 * class SpearmintConfig implements SpearmintOptionsFactory {
 *   constructor(private readonly settings: SettingsService) {}
 *   createSpearmintOptions() {
 *     return { configs: this.settings.experimentConfigs };
 *   }
 * }
 * ```
 */
export interface SpearmintOptionsFactory {
  /** The options of `new Spearmint()` plus the module's own; may be async. */
  createSpearmintOptions(): SpearmintModuleFactoryOptions | Promise<SpearmintModuleFactoryOptions>;
}

/**
 * Options of `SpearmintModule.forRootAsync()`: the module's options come from providers, made
 * by exactly one of `useFactory`, `useClass` or `useExisting`.
 *
 * @example
 * ```ts
 * SpearmintModule.forRootAsync({
 *   imports: [SettingsModule],
 *   inject: [SettingsService],
 *   useFactory: (settings: SettingsService) => ({ configs: settings.experimentConfigs }),
 * });
 * ```
 */
export interface SpearmintModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** Makes the options from the providers listed in `inject`; may be async. */
  useFactory?: (...args: any[]) => SpearmintModuleFactoryOptions | Promise<SpearmintModuleFactoryOptions>;
  /**
   * The providers passed to `useFactory`, in order.
   * @default []
   */
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  /** A class the module instantiates (with its dependencies) to make the options. */
  useClass?: Type<SpearmintOptionsFactory>;
  /** A provider, available through `imports`, that makes the options. */
  useExisting?: InjectionToken<SpearmintOptionsFactory>;
  /**
   * As `global` of `forRoot()`.
   * @default true
   */
  global?: boolean;
}
