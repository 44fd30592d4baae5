// Decorating and running
export { Spearmint, experiment } from './spearmint';
export { run, arun } from './run';
export type { ExperimentOptions, SpearmintOptions } from './options';
export type { ExperimentDecorator, Runner, AsyncRunner, RunnerResult, RunOptions } from './types';

// Everything public from @spearmint/core, so an app needs one import
export {
  Config,
  isConfig,
  DynamicValue,
  isDynamicValue,
  computeConfigId,
  ExperimentCase,
  FunctionResult,
  ExperimentCaseResults,
  currentCase,
  currentSignal,
  withContext,
  RuntimeContext,
  strategies,
  DEFAULT_MAX_BACKGROUND_VARIANTS,
  SpearmintError,
  InvalidConfigError,
  DuplicateConfigIdError,
  EmptyDynamicValueError,
  ConfigFileNotFoundError,
  EmptyConfigDirectoryError,
  UnsupportedConfigFileError,
  ConfigFileReadError,
  YamlSyntaxError,
  JsonSyntaxError,
  BindPathNotFoundError,
  SchemaValidationError,
  AsyncSchemaError,
  UnknownExperimentError,
  VariantTimeoutError,
  DrainTimeoutError,
} from '@spearmint/core';
export type {
  ConfigBase,
  ConfigSource,
  BindSchema,
  BindSpec,
  BindOptions,
  BindPathAndSchema,
  SchemaProblem,
  Strategy,
  WeightedOptions,
  VariantStats,
  ExecutionHooks,
  ExecutionInfo,
  SupervisorLimits,
} from '@spearmint/core';
