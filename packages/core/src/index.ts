/**
 * `@spearmint/core`: the framework-free engine of Spearmint: configs and config ids,
 * `DynamicValue` sweeps, cases and results, strategies, the request and execution context,
 * the runner, offline evaluation and the error classes. Apps import `@spearmint/decorators`,
 * which re-exports everything here.
 *
 * @packageDocumentation
 * @module @spearmint/core
 */
// Configs
export { Config, isConfig, isConfigClass } from './config/config';
export type { ConfigBase, ConfigConstructor } from './config/config';
export { DynamicValue, isDynamicValue } from './config/dynamic-value';
export { computeConfigId } from './config/config-id';
export { CONFIG_LIMITS } from './config/config-limits';
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
export type { WeightedOptions } from './strategies/weighted';
export type { RoundRobinOptions } from './strategies/round-robin';
export type { Strategy } from './strategies/strategy';

// Engine (used by @spearmint/decorators and @spearmint/nestjs)
export { Experiment, DEFAULT_CONFIG } from './engine/experiment';
export { checkStrategy } from './strategies/check-strategy';
export type { ExperimentSetup, Injection } from './engine/experiment';
export { callExperiment, runExperiment } from './engine/execute';
export { registerExperimentFunction, findExperimentBinding, experimentBindingOf } from './engine/registry';
export type { ExperimentBinding } from './engine/registry';
export { Supervisor, DEFAULT_MAX_BACKGROUND_VARIANTS } from './engine/supervisor';
export type { SupervisorOptions, SupervisorLimits, VariantStats, VariantOutcome } from './engine/supervisor';
export type { ExecutionHooks, ExecutionInfo } from './engine/hooks';

// Comparing variants with main, and tracing
export { deepEqual } from './engine/compare';
export type { Compare } from './engine/compare';
export type { MismatchInfo, MismatchReason } from './engine/hooks';
export type { ObservationOptions } from './engine/supervisor';
export type { ComparisonCounts } from './engine/comparison-tally';
export type { OpenTelemetryApi } from './tracing/otel-api';

// Evaluation (offline: every config over a dataset, with evaluators)
export { evaluate } from './evaluation/evaluate';
export type { CallInput } from './evaluation/evaluate';
export type { EvaluateOptions, EvaluationPlan } from './evaluation/evaluate-options';
export type { Dataset, EvaluationRecord, ExpectedOf } from './evaluation/dataset';
export type { PairedComparison, Verdict } from './evaluation/paired-tally';
export type { Interval } from './evaluation/t-interval';
export { compareEvaluations } from './evaluation/compare-evaluations';
export type { BaselineComparison, BaselineEvaluation, BaselineFlag, BaselineRow } from './evaluation/compare-evaluations';
export type {
  Evaluator,
  EvaluatorContext,
  EvaluatorDefinition,
  EvaluatorFunction,
  Evaluators,
  MetricDirection,
  Score,
} from './evaluation/evaluator';
export type {
  BestConfig,
  ConfigEvaluation,
  EvaluationResult,
  EvaluatorErrorSummary,
  ExecutionResult,
  LatencySummary,
  MetricInfo,
  MetricSummary,
  RecordResult,
} from './evaluation/evaluation-result';
export { countDatasetRecords } from './evaluation/read-dataset';
export { RESERVOIR_SIZE } from './evaluation/reservoir';
export { DatasetError, EvaluationAbortedError, EvaluationOutputError } from './evaluation/evaluation-errors';

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
  InvalidWeightsError,
  InvalidStrategyError,
  InvalidStrategyResultError,
  TooManyConfigsError,
  ConfigTooLargeError,
  ConfigFileTooLargeError,
  ConfigFileTypeError,
} from './errors';
export type { BindSite, SchemaProblem } from './errors';
