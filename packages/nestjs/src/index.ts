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
} from './interfaces/spearmint-module-options.interface';

// What a NestJS app needs from @spearmint/decorators, so it needs one import
export {
  Spearmint,
  experiment,
  run,
  arun,
  Config,
  isConfig,
  DynamicValue,
  ExperimentCase,
  FunctionResult,
  ExperimentCaseResults,
  currentCase,
  currentSignal,
  withContext,
  RuntimeContext,
  strategies,
  SpearmintError,
  VariantTimeoutError,
  DrainTimeoutError,
} from '@spearmint/decorators';
export type {
  ExperimentOptions,
  SpearmintOptions,
  ConfigBase,
  ConfigSource,
  Strategy,
  VariantStats,
  ExecutionInfo,
} from '@spearmint/decorators';
