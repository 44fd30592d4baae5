/**
 * `@spearmint/nestjs`: `SpearmintModule` and the `@Experiment()` decorator for NestJS
 * providers and controllers, with background variants drained on shutdown.
 *
 * @packageDocumentation
 * @module @spearmint/nestjs
 */
// The module and the decorator
export { SpearmintModule } from './spearmint.module';
export { Experiment } from './experiment.decorator';
export { SPEARMINT_OPTIONS, DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS } from './spearmint.constants';
export type {
  SpearmintModuleOptions,
  SpearmintModuleAsyncOptions,
  SpearmintModuleFactoryOptions,
  SpearmintOptionsFactory,
  ResolvedSpearmintModuleOptions,
  SpearmintRequestContext,
  SpearmintHttpRequest,
} from './interfaces/spearmint-module-options.interface';

// Everything public from @spearmint/decorators (and so from @spearmint/core), so a NestJS app
// needs one import (a test checks that nothing drifts)
export * from '@spearmint/decorators';
