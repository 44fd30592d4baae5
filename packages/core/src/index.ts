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
export { Config, isConfig, type ConfigBase, type ConfigConstructor } from './config/config';
export { DynamicValue, isDynamicValue } from './config/dynamic-value';
export { computeConfigId } from './config/config-id';
export { CONFIG_LIMITS } from './config/config-limits';
export { resolveConfigs, type ConfigSource } from './config/resolve-configs';
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
export { DEFAULT_MAX_BACKGROUND_VARIANTS, type SupervisorLimits, type ObservationOptions } from './supervision/supervisor-options';
export type { VariantStats } from './supervision/variant-stats';
export type { ExecutionHooks, ExecutionInfo, MismatchInfo, MismatchReason } from './supervision/hooks';

// Comparing variants with main, and tracing
export { deepEqual, type Compare } from './supervision/compare';
export type { ComparisonCounts } from './supervision/comparison-tally';
export type { Clean, Ignore } from './supervision/clean-and-ignore';
export type { SampleRate } from './supervision/sample-rate';
export { MismatchError } from './run/mismatch-error';
export type { OpenTelemetryApi } from './tracing/otel-api';

// Evaluation (offline: every config over a dataset, with evaluators)
export { evaluate, type CallInput } from './evaluation/evaluate';
export type { EvaluateOptions, EvaluationPlan } from './evaluation/evaluate-options';
export type { Dataset, EvaluationRecord, ExpectedOf } from './evaluation/dataset';
export type { PairedComparison, Verdict } from './evaluation/paired-tally';
export type { Interval } from './evaluation/t-interval';
export { compareEvaluations, type BaselineComparison, type BaselineEvaluation, type BaselineFlag, type BaselineRow } from './evaluation/compare-evaluations';
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
export { mergeEvaluations, type EvaluationPart, type MergeOptions } from './evaluation/merge-evaluations';
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
export { exactMatch, type ExactMatchOptions } from './evaluation/built-in/exact-match';
export { includes, type IncludesOptions } from './evaluation/built-in/includes';
export { matchesRegex } from './evaluation/built-in/matches-regex';
export { matchesExpected } from './evaluation/built-in/matches-expected';
export { levenshtein, type LevenshteinOptions } from './evaluation/built-in/levenshtein';
export { numericCloseness, type NumericClosenessOptions } from './evaluation/built-in/numeric-closeness';
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
  type BindSite,
  type SchemaProblem,
} from './errors';

// Recording production traffic: each recorded call is a dataset record for evaluate() and spearmint eval
export { createRecorder, type Recorder } from './recording/recorder';
export type { RecorderStats } from './recording/recorder-stats';
export type { RecordOptions, RecordStream } from './recording/record-options';
export type { RecordedCall, SucceededCall, FailedCall, CallRecord, CallRecordMeta } from './recording/recorded-call';
export type { Redact } from './recording/serialise-call';
export { recordingFiles } from './recording/recording-files';

// Request context in web frameworks: each request runs in withContext with values taken from it
export { requestContextMiddleware, type RequestContextMiddleware } from './http/express-middleware';
export { fastifyRequestContext, type FastifyRequestLike, type FastifyHooksLike, type RequestContextPlugin } from './http/fastify-plugin';
export type { RequestContextValues, RequestContextValuesOf } from './http/request-values';
