/**
 * `@spearmint/core`: the framework-free engine of Spearmint: configs and config ids,
 * `DynamicValue` sweeps, cases and results, strategies, the request and execution context,
 * offline evaluation and the error classes: the user API. Apps import `@spearmint/decorators`,
 * which re-exports everything here. What sibling packages need of the engine comes from
 * `@spearmint/core/internal` (no stable API).
 *
 * @packageDocumentation
 * @module @spearmint/core
 */
// Configs
export { Config, isConfig } from './config/config';
export type { ConfigBase, ConfigConstructor } from './config/config';
export { DynamicValue, isDynamicValue } from './config/dynamic-value';
export { computeConfigId } from './config/config-id';
export { CONFIG_LIMITS } from './config/config-limits';
export { resolveConfigs } from './config/resolve-configs';
export type { ConfigSource } from './config/resolve-configs';
export type { BindSchema, BindSpec, BindOptions, BindPathAndSchema } from './config/bind-spec';

// Results
export { ExperimentCase } from './results/experiment-case';
export { FunctionResult } from './results/function-result';
export { ExperimentCaseResults } from './results/experiment-case-results';

// Context
export { currentCase, currentSignal } from './context/current-execution';
export { withContext, RuntimeContext } from './context/request-context';

// Strategies
export { strategies } from './strategies/strategies';
export type { WeightedOptions } from './strategies/weighted';
export type { RoundRobinOptions } from './strategies/round-robin';
export type { Strategy } from './strategies/strategy';

// Background variants: limits, hooks and stats (options and methods of `Spearmint`)
export { DEFAULT_MAX_BACKGROUND_VARIANTS } from './supervision/supervisor-options';
export type { SupervisorLimits, ObservationOptions } from './supervision/supervisor-options';
export type { VariantStats } from './supervision/variant-stats';
export type { ExecutionHooks, ExecutionInfo, MismatchInfo, MismatchReason } from './supervision/hooks';

// Comparing variants with main, and tracing
export { deepEqual } from './supervision/compare';
export type { Compare } from './supervision/compare';
export type { ComparisonCounts } from './supervision/comparison-tally';
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
  NamedScore,
  Score,
} from './evaluation/evaluator';
export type {
  BestConfig,
  CacheCounts,
  CacheStatus,
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
export { recordLines } from './evaluation/record-line';
export { RESERVOIR_SIZE } from './evaluation/reservoir';
export { DatasetError, EvaluationAbortedError, EvaluationOutputError, EvaluationCacheError, EvaluationMergeError } from './evaluation/evaluation-errors';

// Evaluation at scale: the response cache, shards and their merge
export type { CacheMode, CacheOptions } from './evaluation/cache-options';
export type { Shard, ShardCoverage } from './evaluation/shard';
export { mergeEvaluations } from './evaluation/merge-evaluations';
export type { EvaluationPart, MergeOptions } from './evaluation/merge-evaluations';
export type {
  ConfigState,
  EvaluationState,
  FirstMessage,
  MetricState,
  SampleState,
  StateNumber,
  StatsState,
  SumsState,
} from './evaluation/evaluation-state';

// Built-in evaluators
export { exactMatch } from './evaluation/built-in/exact-match';
export type { ExactMatchOptions } from './evaluation/built-in/exact-match';
export { includes } from './evaluation/built-in/includes';
export type { IncludesOptions } from './evaluation/built-in/includes';
export { matchesRegex } from './evaluation/built-in/matches-regex';
export { matchesExpected } from './evaluation/built-in/matches-expected';
export { levenshtein } from './evaluation/built-in/levenshtein';
export type { LevenshteinOptions } from './evaluation/built-in/levenshtein';
export { numericCloseness } from './evaluation/built-in/numeric-closeness';
export type { NumericClosenessOptions } from './evaluation/built-in/numeric-closeness';
export { matchesSchema } from './evaluation/built-in/matches-schema';

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

// Recording production traffic: each recorded call is a dataset record for evaluate() and spearmint eval
export { createRecorder } from './recording/recorder';
export type { Recorder } from './recording/recorder';
export type { RecorderStats } from './recording/recorder-stats';
export type { RecordOptions, RecordStream } from './recording/record-options';
export type { RecordedCall, SucceededCall, FailedCall, CallRecord, CallRecordMeta } from './recording/recorded-call';
export type { Redact } from './recording/serialise-call';
export { recordingFiles } from './recording/recording-files';

// Request context in web frameworks: each request runs in withContext with values taken from it
export { requestContextMiddleware } from './http/express-middleware';
export type { RequestContextMiddleware } from './http/express-middleware';
export { fastifyRequestContext } from './http/fastify-plugin';
export type { FastifyRequestLike, FastifyHooksLike, RequestContextPlugin } from './http/fastify-plugin';
export type { RequestContextValues, RequestContextValuesOf } from './http/request-values';
