// Configs
export { Config, isConfig, isConfigClass } from './config/config';
export type { ConfigBase, ConfigConstructor } from './config/config';
export { DynamicValue, isDynamicValue } from './config/dynamic-value';
export { computeConfigId } from './config/config-id';
export { resolveConfigs } from './config/resolve-configs';
export type { ConfigSource } from './config/resolve-configs';
export { createBindInjection } from './config/bind';
export type { BoundParameter } from './config/bind';
export type { BindSchema, BindSpec, BindOptions, BindPathAndSchema } from './config/bind-spec';

// Results
export { ExperimentCase } from './experiment-case';
export { FunctionResult } from './function-result';
export { ExperimentCaseResults } from './experiment-case-results';

// Context
export { currentCase, currentSignal } from './context/execution-scope';
export { withContext, RuntimeContext } from './context/request-context';

// Strategies
export { strategies } from './strategies/strategies';
export type { WeightedOptions } from './strategies/strategies';
export type { Strategy } from './strategies/strategy';

// Engine (used by @spearmint/decorators and @spearmint/nestjs)
export { Experiment, DEFAULT_CONFIG } from './engine/experiment';
export type { ExperimentSetup, Injection } from './engine/experiment';
export { callExperiment, runExperiment } from './engine/execute';
export { registerExperimentFunction, findExperimentBinding, experimentBindingOf } from './engine/registry';
export type { ExperimentBinding } from './engine/registry';
export { Supervisor, DEFAULT_MAX_BACKGROUND_VARIANTS } from './engine/supervisor';
export type { SupervisorOptions, SupervisorLimits, VariantStats, VariantOutcome } from './engine/supervisor';
export type { ExecutionHooks, ExecutionInfo } from './engine/hooks';

// Errors
export {
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
} from './errors';
export type { BindSite, SchemaProblem } from './errors';
